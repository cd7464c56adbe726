"""Persons, aliases and office holders end to end: pages dropped in the bucket go through the queue, the
ingest function (parse, enrich with the tagger) and the index; the search API then finds a person by an
alias and answers who held an office on a date. The pages are invented for this test."""

from __future__ import annotations

import uuid

import pytest
from warta.local import emulator

from tests.integration.helpers import api_get, wait_for

pytestmark = pytest.mark.e2e

# (file, published, headline, paragraphs): a fictional succession in one post, years before any sample.
PAGES = [
    (
        "kapolda-a.html",
        "2003-02-10T09:00:00+09:00",
        "Kapolda baru tinjau pos perbatasan",
        [
            "MANOKWARI - Kapolda Papua Barat Irjen Pol Budi Hartono meninjau pos pengamanan perbatasan pada Senin.",
            "Budi Hartono meminta anggota menjaga ketertiban selama musim hujan.",
        ],
    ),
    (
        "kapolda-b.html",
        "2003-05-20T09:00:00+09:00",
        "Polisi amankan festival",
        [
            "MANOKWARI - Kapolda Papua Barat Irjen Pol Budi Hartono memimpin pengamanan festival budaya di Manokwari.",
            "Menurut Budi, seribu personel dikerahkan.",
        ],
    ),
    (
        "kapolda-c.html",
        "2003-08-15T09:00:00+09:00",
        "Sertijab Kapolda",
        [
            "MANOKWARI - Kapolda Papua Barat Irjen Pol Agus Salimun resmi menjabat setelah serah terima jabatan.",
            "Agus Salimun berjanji menuntaskan kasus pembalakan liar.",
        ],
    ),
    (
        "kapolda-d.html",
        "2003-11-02T09:00:00+09:00",
        "Mantan Kapolda hadiri seminar",
        [
            "JAKARTA - Mantan Kapolda Papua Barat Budi Hartono menjadi pembicara seminar keamanan di Jakarta.",
            "Budi Hartono kini bertugas di Mabes Polri.",
        ],
    ),
    (
        "presiden.html",
        "2003-03-01T10:00:00+07:00",
        "Presiden resmikan bendungan",
        [
            "KUPANG - Presiden Joko Widodo meresmikan bendungan di Kabupaten Kupang pada Senin.",
            "Joko Widodo berharap sawah warga teraliri air sepanjang tahun.",
        ],
    ),
]


def _html(published: str, headline: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!doctype html><html lang="id"><head><meta charset="utf-8"><title>{headline}</title>'
        f'<meta property="article:published_time" content="{published}"></head>'
        f"<body><article><h1>{headline}</h1>{body}</article></body></html>"
    ).encode()


@pytest.fixture(scope="module")
def api(stack) -> tuple[str, str]:
    s3 = emulator.client("s3", stack.emulator_url)
    prefix = f"persons-{uuid.uuid4().hex[:8]}"
    for name, published, headline, paragraphs in PAGES:
        s3.put_object(
            Bucket=stack.bucket,
            Key=f"{prefix}/{name}",
            Body=_html(published, headline, paragraphs),
            ContentType="text/html",
        )

    def indexed() -> bool:
        status, body = api_get(
            stack.api_url, "/search", {"from": "2003-01-01", "to": "2003-12-31", "size": "50"}
        )
        return status == 200 and sum(hit["key"].startswith(prefix) for hit in body["hits"]) == len(PAGES)

    wait_for(indexed, timeout=60, interval=0.5)
    return stack.api_url, prefix


def _keys(api_url: str, params: dict[str, str]) -> set[str]:
    status, body = api_get(api_url, "/search", {**params, "from": "2003-01-01", "to": "2003-12-31"})
    assert status == 200, body
    return {hit["key"].rsplit("/", 1)[-1] for hit in body["hits"]}


def test_an_alias_finds_the_article_that_writes_only_the_full_name(api):
    api_url, _ = api
    assert _keys(api_url, {"q": "Jokowi"}) == {"presiden.html"}
    assert _keys(api_url, {"person": "Jokowi"}) == {"presiden.html"}


def test_short_forms_count_for_the_full_name_in_the_person_facet(api):
    api_url, _ = api
    status, body = api_get(api_url, "/search", {"from": "2003-01-01", "to": "2003-12-31"})
    assert status == 200
    counts = {b["value"]: b["count"] for b in body["facets"]["person"]}
    assert counts["Budi Hartono"] == 3  # "Menurut Budi" is him, not another person
    assert "Budi" not in counts
    assert counts["Joko Widodo"] == 1


@pytest.mark.parametrize(
    ("day", "holder"),
    [
        ("2003-01-15", "Budi Hartono"),  # before anyone is named: the first named after the day
        ("2003-06-30", "Budi Hartono"),
        ("2003-09-01", "Agus Salimun"),  # his successor, named before the day, holds it
        ("2003-12-01", "Agus Salimun"),  # "Mantan Kapolda" Budi later does not take the post back
    ],
)
def test_an_office_on_a_date_resolves_to_its_holder(api, day, holder):
    api_url, _ = api
    status, body = api_get(api_url, "/offices/holder", {"position": "kapolda papua barat", "date": day})
    assert status == 200, body
    assert body["holder"] == holder, body
