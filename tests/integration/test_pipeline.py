"""The whole path on the local stack: bucket -> notification -> queue -> worker running the ingest
handler -> OpenSearch -> search handler behind the HTTP front."""

from __future__ import annotations

import uuid

import pytest
from warta.index.documents import document_id
from warta.local import emulator

from tests.conftest import FIXTURES, SAMPLES
from tests.integration.helpers import api_get, keys_of, wait_for

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def s3(stack):
    return emulator.client("s3", stack.emulator_url)


def _search(stack, **params: str) -> dict:
    status, body = api_get(stack.api_url, "/search", {"size": "100", **params})
    assert status == 200, body
    return body


def test_seed_page_is_found_by_official_region_and_publication_date(stack, s3):
    key = f"it-{uuid.uuid4().hex[:8]}/seed.html"
    s3.put_object(
        Bucket=stack.bucket,
        Key=key,
        Body=(FIXTURES / "seed_vivanews.html").read_bytes(),
        ContentType="text/html",
    )

    found = wait_for(lambda: key in keys_of(_search(stack, official="Putut Eko Bayu Seno")), timeout=10)

    assert found
    assert key in keys_of(_search(stack, region="DKI Jakarta"))
    assert key in keys_of(_search(stack, **{"from": "2012-10-31", "to": "2012-10-31"}))
    # The trailing teaser's date is not this article's date.
    assert key not in keys_of(_search(stack, **{"from": "2024-04-19", "to": "2024-04-19"}))
    status, document = api_get(stack.api_url, f"/documents/{document_id(stack.bucket, key)}")
    assert status == 200
    assert document["published"] == "2012-10-31T14:05:00+07:00"
    assert "Megawati" not in document["body"]


def test_a_province_finds_an_article_that_names_only_a_city_in_it(stack, s3):
    page = (SAMPLES / "antara-gempa-palu.html").read_bytes()
    assert b"Sulawesi Tengah" not in page and b"Sulteng" not in page
    key = f"it-{uuid.uuid4().hex[:8]}/palu.html"
    s3.put_object(Bucket=stack.bucket, Key=key, Body=page, ContentType="text/html")

    wait_for(lambda: key in keys_of(_search(stack, region="Sulawesi Tengah")), timeout=10)
    result = _search(stack, region="Sulawesi Tengah")
    tree = {node["value"]: node for node in result["facets"]["region"]}
    assert "Kota Palu" in [child["value"] for child in tree["Sulawesi Tengah"]["children"]]


def test_bad_files_are_recorded_with_a_reason_and_do_not_block_good_ones(stack, s3):
    prefix = f"it-{uuid.uuid4().hex[:8]}"
    s3.put_object(
        Bucket=stack.bucket, Key=f"{prefix}/photo.html", Body=b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
    )
    s3.put_object(Bucket=stack.bucket, Key=f"{prefix}/empty.html", Body=b"")
    good = f"{prefix}/good.html"
    s3.put_object(Bucket=stack.bucket, Key=good, Body=(SAMPLES / "tempo-mutasi-kapolda.html").read_bytes())

    wait_for(lambda: good in keys_of(_search(stack, q="Kapolda")), timeout=10)
    from warta.index.client import make_client
    from warta.index.setup import failures_index

    client = make_client(stack.opensearch_url)

    def recorded() -> dict[str, str] | None:
        client.indices.refresh(index=failures_index(stack.index_alias))
        hits = client.search(
            index=failures_index(stack.index_alias), body={"query": {"prefix": {"key": prefix}}}
        )["hits"]["hits"]
        reasons = {h["_source"]["key"]: h["_source"]["reason"] for h in hits}
        return reasons if len(reasons) == 2 else None

    reasons = wait_for(recorded, timeout=10)
    assert reasons == {f"{prefix}/photo.html": "not-html", f"{prefix}/empty.html": "empty"}


def test_deleting_the_object_removes_its_document(stack, s3):
    key = f"it-{uuid.uuid4().hex[:8]}/to-delete.html"
    s3.put_object(Bucket=stack.bucket, Key=key, Body=(SAMPLES / "detik-banjir-bekasi.html").read_bytes())
    path = f"/documents/{document_id(stack.bucket, key)}"
    wait_for(lambda: api_get(stack.api_url, path)[0] == 200, timeout=10)

    s3.delete_object(Bucket=stack.bucket, Key=key)

    wait_for(lambda: api_get(stack.api_url, path)[0] == 404, timeout=10)
    _, body = api_get(stack.api_url, path)
    assert body["error"] == "not_found"


def test_keys_with_spaces_and_symbols_are_decoded_before_fetching(stack, s3):
    key = f"it-{uuid.uuid4().hex[:8]}/Kapolda Metro + Jaya (profil) ü.html"
    s3.put_object(Bucket=stack.bucket, Key=key, Body=(FIXTURES / "seed_vivanews.html").read_bytes())
    path = f"/documents/{document_id(stack.bucket, key)}"
    _, document = wait_for(lambda: api_get(stack.api_url, path), timeout=10, until=lambda r: r[0] == 200)
    assert document["key"] == key
