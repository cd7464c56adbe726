"""The search API against the real node: filters, exclusions, multi-select facet counts, the region
tree, the date histogram, highlights, cursor paging, suggest, similar and bad parameters.

Documents are built with the real document builder from hand-made articles and entities, written to an
index of their own, and queried through the search handler exactly as API Gateway would call it."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta, timezone

import pytest
from warta.enrich.model import Entities, Official, Organization
from warta.enrich.regions import lookup_region
from warta.index.bulk import WriteAction, write
from warta.index.client import make_client
from warta.index.documents import build_document, document_id
from warta.index.mapping import write_alias
from warta.index.setup import ensure_index
from warta.local.api_front import http_api_event
from warta.local.lambda_runtime import LocalContext, load_handler
from warta.parse.article import Article

pytestmark = pytest.mark.integration
WIB = timezone(timedelta(hours=7))
PUTUT = "Putut Eko Bayu Seno"
FILLERS = 250


def _doc(key: str, title: str, body: str, published: datetime, site: str, officials=(), regions=(), orgs=()):
    article = Article(title=title, body=body, published=published, site=site)
    entities = Entities(
        officials=tuple(Official(key=name, name=name, position=position) for name, position in officials),
        regions=tuple(lookup_region(name) for name in regions),
        organizations=tuple(Organization(name=o, canonical=o) for o in orgs),
    )
    return build_document(bucket="b", key=key, article=article, entities=entities, ingested=datetime.now(UTC))


CORPUS = [
    _doc(
        "a",
        "Kapolda baru cegah tawuran",
        "Kapolda Metro Jaya Putut Eko Bayu Seno menyiapkan patroli di Jakarta.",
        datetime(2012, 10, 31, 14, 5, tzinfo=WIB),
        "VIVA",
        [(PUTUT, "Kapolda Metro Jaya")],
        ["Jakarta"],
        ["Mabes Polri"],
    ),
    _doc(
        "b",
        "Putut pamit dari Bandung",
        "Putut Eko Bayu Seno berpamitan kepada warga Bandung setelah dua tahun bertugas.",
        datetime(2012, 1, 15, 9, 0, tzinfo=WIB),
        "Tempo",
        [(PUTUT, "Kapolda Jawa Barat")],
        ["Kota Bandung"],
    ),
    _doc(
        "c",
        "Wali kota menata pasar",
        "Ridwan Kamil menata ulang pasar tradisional di Bandung bersama pedagang.",
        datetime(2012, 3, 10, 10, 0, tzinfo=WIB),
        "Kompas.com",
        [("Ridwan Kamil", "Wali Kota Bandung")],
        ["Kota Bandung"],
    ),
    _doc(
        "d",
        "Gempa guncang Palu",
        "Gempa mengguncang Palu pada malam hari; warga berhamburan keluar rumah.",
        datetime(2012, 5, 1, 21, 0, tzinfo=WIB),
        "Antara",
        regions=["Palu"],
    ),
] + [
    _doc(
        f"filler-{i:03d}",
        f"Patroli rutin {i}",
        f"Polisi menggelar patroli rutin nomor {i} di Surabaya.",
        datetime(2020, 1, 1, tzinfo=WIB) + timedelta(hours=i),
        "Suara",
        regions=["Surabaya"],
    )
    for i in range(FILLERS)
]


@pytest.fixture(scope="module")
def api(stack, monkeypatch_module):
    alias = f"warta-searchtest-{uuid.uuid4().hex[:8]}"
    client = make_client(stack.opensearch_url)
    ensure_index(client, alias)
    results = write(
        client, [WriteAction("index", write_alias(alias), d["id"], 1, d) for d in CORPUS], refresh=True
    )
    assert {r.outcome for r in results} == {"indexed"}
    monkeypatch_module.setenv("WARTA_INDEX_ALIAS", alias)
    handler = load_handler("search")

    def get(path: str, params: list[tuple[str, str]] | None = None) -> tuple[int, dict]:
        from urllib.parse import urlencode

        raw = f"{path}?{urlencode(params)}" if params else path
        response = handler(http_api_event("GET", raw, {"host": "test"}, b""), LocalContext("search"))
        return response["statusCode"], json.loads(response["body"])

    return get


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def _keys(body: dict) -> set[str]:
    return {hit["key"] for hit in body["hits"]}


def test_each_filter(api):
    assert _keys(api("/search", [("official", "putut eko bayu seno")])[1]) == {"a", "b"}
    assert _keys(api("/search", [("position", "Wali Kota Bandung")])[1]) == {"c"}
    assert _keys(api("/search", [("organization", "Mabes Polri")])[1]) == {"a"}
    assert _keys(api("/search", [("site", "tempo")])[1]) == {"b"}
    assert _keys(api("/search", [("from", "2012-03-01"), ("to", "2012-10-31"), ("sort", "oldest")])[1]) == {
        "c",
        "d",
        "a",
    }


def test_repeated_filters_match_any_value_and_exclusions_remove(api):
    assert _keys(api("/search", [("site", "VIVA"), ("site", "Antara")])[1]) == {"a", "d"}
    assert _keys(api("/search", [("official", PUTUT), ("-region", "Jawa Barat")])[1]) == {"a"}
    status, body = api("/search", [("q", "patroli"), ("-site", "Suara")])
    assert status == 200 and _keys(body) == {"a"}


def test_this_official_in_this_position(api):
    assert _keys(api("/search", [("official_position", f"{PUTUT}|Kapolda Metro Jaya")])[1]) == {"a"}
    assert _keys(api("/search", [("official_position", f"{PUTUT}|Kapolda Jawa Barat")])[1]) == {"b"}


def test_region_filter_at_any_level_and_the_region_tree(api):
    assert _keys(api("/search", [("region", "Jawa Barat")])[1]) == {"b", "c"}
    assert _keys(api("/search", [("region", "Sulawesi Tengah")])[1]) == {"d"}
    tree = {node["value"]: node for node in api("/search", [("size", "0")])[1]["facets"]["region"]}
    assert tree["Jawa Barat"]["count"] == 2
    assert tree["Jawa Barat"]["children"] == [{"value": "Kota Bandung", "count": 2}]
    assert tree["Jawa Timur"]["count"] == FILLERS


def test_each_facet_is_counted_with_the_other_filters_only(api):
    body = api("/search", [("official", PUTUT), ("size", "0")])[1]
    officials = {f["value"]: f["count"] for f in body["facets"]["official"]}
    provinces = {node["value"]: node["count"] for node in body["facets"]["region"]}
    # The official facet ignores its own filter, so Ridwan Kamil stays visible for a multi-select...
    assert officials == {PUTUT: 2, "Ridwan Kamil": 1}
    # ...while every other facet is narrowed by it.
    assert provinces == {"DKI Jakarta": 1, "Jawa Barat": 1}
    assert body["total"] == 2


def test_date_histogram_includes_empty_buckets(api):
    body = api("/search", [("from", "2012-01-01"), ("to", "2012-12-31"), ("size", "0")])[1]
    histogram = body["histogram"]
    counts = {b["date"]: b["count"] for b in histogram["buckets"]}
    assert histogram["interval"].endswith("M")
    assert counts["2012-01-01"] == 1 and counts["2012-10-01"] == 1
    assert counts["2012-02-01"] == 0  # an empty month between two full ones is still there
    assert sum(counts.values()) == 4


def test_highlighted_snippets(api):
    hit = api("/search", [("q", "pasar tradisional")])[1]["hits"][0]
    assert hit["key"] == "c"
    assert "<mark>pasar</mark>" in hit["snippet"]


def test_cursor_paging_through_250_hits_has_no_duplicates_or_gaps(api):
    seen: list[str] = []
    params = [("q", "patroli rutin"), ("sort", "oldest"), ("size", "100")]
    cursor = None
    for _ in range(10):
        status, body = api("/search", params + ([("cursor", cursor)] if cursor else []))
        assert status == 200
        seen += [hit["key"] for hit in body["hits"]]
        # Facets come with the first page only; pages reached by cursor skip recounting them.
        assert (body["facets"] is None) == bool(cursor)
        cursor = body["next_cursor"]
        if not cursor:
            break
    assert len(seen) == FILLERS == len(set(seen))
    assert seen == sorted(seen)  # oldest first: fillers were published an hour apart in key order


def test_suggest_and_similar(api):
    status, body = api("/suggest", [("prefix", "rid"), ("field", "official")])
    assert status == 200 and body["values"] == [{"value": "Ridwan Kamil", "count": 1}]
    status, body = api("/suggest", [("prefix", "jawa"), ("field", "region")])
    assert [v["value"] for v in body["values"]] == ["Jawa Timur", "Jawa Barat"]
    doc = document_id("b", "filler-000")
    status, body = api(f"/documents/{doc}/similar", [("size", "3")])
    assert status == 200
    keys = [hit["key"] for hit in body["hits"]]
    assert len(keys) == 3 and "filler-000" not in keys and all(k.startswith("filler-") for k in keys)


def test_document_has_entity_offsets_in_the_body(api):
    status, document = api(f"/documents/{document_id('b', 'a')}")
    assert status == 200
    body = document["body"]
    official = next(m for m in document["mentions"] if m["type"] == "official")
    assert body[official["start"] : official["end"]] == PUTUT


@pytest.mark.parametrize(
    ("path", "params", "status"),
    [
        ("/search", [("size", "101")], 422),
        ("/search", [("from", "31-10-2012")], 422),
        ("/search", [("sort", "random")], 422),
        ("/search", [("q", "x" * 501)], 422),
        ("/search", [("cursor", "bm90IGEgY3Vyc29y")], 400),
        ("/suggest", [("prefix", "a"), ("field", "body")], 422),
        ("/suggest", [], 422),
        ("/documents/not-an-id", None, 422),
        (f"/documents/{'0' * 40}", None, 404),
        ("/nowhere", None, 404),
    ],
)
def test_bad_parameters_get_a_clear_4xx(api, path, params, status):
    got, body = api(path, params)
    assert got == status
    assert "Traceback" not in json.dumps(body)
    assert body.get("error") or body.get("detail")
