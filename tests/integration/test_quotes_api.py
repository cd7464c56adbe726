"""Quotes on the real node: indexed as nested objects, `GET /search?speaker=` with its facet, and
`GET /quotes` returning the quotes themselves, highlighted, with their articles.

The articles are the labelled stories of tests/fixtures/quotes, run through the real `enrich`, written
with the real document builder, and queried through the search handler as API Gateway would call it."""

from __future__ import annotations

import copy
import json
import uuid
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from warta.enrich import enrich
from warta.index.bulk import WriteAction, write
from warta.index.client import make_client
from warta.index.documents import build_document
from warta.index.mapping import MAPPINGS, SETTINGS, index_name, write_alias
from warta.index.setup import ensure_index
from warta.local.api_front import http_api_event
from warta.local.lambda_runtime import LocalContext, load_handler
from warta.parse.article import Article

pytestmark = pytest.mark.integration
WIB = timezone(timedelta(hours=7))
PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "quotes" / "pages"
# each story gets its own day in 2025, in file order
STORIES = sorted(PAGES.glob("*.txt"))


def _documents() -> list[dict]:
    documents = []
    for day, path in enumerate(STORIES):
        title, _, body = path.read_text("utf-8").partition("\n")
        article = Article(
            title=title.strip(),
            body=body.strip(),
            site="Contoh",
            published=datetime(2025, 1, 1, 9, 0, tzinfo=WIB) + timedelta(days=day),
        )
        documents.append(
            build_document(
                bucket="b",
                key=path.name,
                article=article,
                entities=enrich(article),
                ingested=datetime.now(UTC),
            )
        )
    return documents


@pytest.fixture(scope="module")
def api(stack, monkeypatch_module):
    alias = f"warta-quotestest-{uuid.uuid4().hex[:8]}"
    client = make_client(stack.opensearch_url)
    # An index made before quotes existed: ensure_index must add the new fields to it in place.
    old_mappings = copy.deepcopy(MAPPINGS)
    del old_mappings["properties"]["quotes"]
    del old_mappings["properties"]["facet"]["properties"]["speaker"]
    client.indices.create(index=index_name(alias), body={"settings": SETTINGS, "mappings": old_mappings})
    client.indices.update_aliases(
        body={
            "actions": [
                {"add": {"index": index_name(alias), "alias": alias}},
                {"add": {"index": index_name(alias), "alias": write_alias(alias), "is_write_index": True}},
            ]
        }
    )
    ensure_index(client, alias)
    documents = _documents()
    results = write(
        client, [WriteAction("index", write_alias(alias), d["id"], 1, d) for d in documents], refresh=True
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


def test_search_filters_articles_by_who_is_quoted_and_counts_speakers(api):
    status, body = api("/search", [("speaker", "Wahyu Eka Setiawan")])
    assert status == 200 and [hit["key"] for hit in body["hits"]] == ["14-walhi-tambang.txt"]
    facet = api("/search", [("q", "celurit"), ("size", "0")])[1]["facets"]["speaker"]
    assert facet == [{"value": "Nicolas Ary Lilipaly", "count": 1}]
    everyone = api("/search", [("size", "0")])[1]["facets"]["speaker"]
    assert len(everyone) == 20 and all(f["count"] == 1 for f in everyone)  # the top 20: one story each
    # lower case finds the name too, as every facet filter does; -speaker excludes
    assert api("/search", [("speaker", "nadia rahmawati")])[1]["total"] == 1
    assert api("/search", [("-speaker", "Nadia Rahmawati"), ("size", "0")])[1]["total"] == len(STORIES) - 1


def test_quotes_by_speaker_come_with_their_article(api):
    status, body = api("/quotes", [("speaker", "Nicolas Ary Lilipaly")])
    assert status == 200 and body["total_articles"] == 1
    assert len(body["quotes"]) == 5
    assert {q["speaker"]["canonical"] for q in body["quotes"]} == {"Nicolas Ary Lilipaly"}
    assert {q["article"]["key"] for q in body["quotes"]} == {"02-tawuran-pelajar.txt"}
    assert {q["kind"] for q in body["quotes"]} == {"direct", "indirect"}


def test_words_and_speaker_must_meet_in_the_same_quote(api):
    # Yusuf said "terlambat"; Ratna, in the same article, did not
    body = api("/quotes", [("speaker", "Yusuf Hamdani"), ("q", "terlambat")])[1]
    assert [q["text"][:20] for q in body["quotes"]] == ["Selama datanya tidak"]
    assert "<mark>terlambat</mark>" in body["quotes"][0]["highlight"]
    assert api("/quotes", [("speaker", "Ratna Widyastuti"), ("q", "terlambat")])[1]["quotes"] == []


def test_a_word_of_the_name_finds_the_speaker_and_dates_narrow(api):
    assert {q["speaker"]["canonical"] for q in api("/quotes", [("speaker", "darsini")])[1]["quotes"]} == {
        "Darsini"
    }
    every = api("/quotes", [("q", "warga"), ("size", "50")])[1]
    january_first_week = api(
        "/quotes", [("q", "warga"), ("from", "2025-01-01"), ("to", "2025-01-07"), ("size", "50")]
    )[1]
    assert 0 < january_first_week["total_articles"] < every["total_articles"]
    assert all(q["article"]["published"] < "2025-01-08" for q in january_first_week["quotes"])


def test_the_document_carries_its_quotes(api):
    key = api("/quotes", [("speaker", "Andi Baso Mappanyukki")])[1]["quotes"][0]["article"]["id"]
    status, document = api(f"/documents/{key}")
    assert status == 200
    quote = document["quotes"][0]
    assert document["body"][quote["start"] : quote["end"]].startswith("Kualitasnya sudah diakui")


@pytest.mark.parametrize("params", [[("size", "101")], [("from", "1-1-2025")], [("q", "x" * 501)]])
def test_bad_parameters_get_a_clear_4xx(api, params):
    status, body = api("/quotes", params)
    assert status == 422 and "Traceback" not in json.dumps(body)
