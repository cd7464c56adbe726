"""Persons in the index through the search API, on the real node: the person facet counts canonical
names, and an alias ("Jokowi") finds the articles that only write the full name, as a filter and as text.

The articles are invented and enriched by the real `enrich` (tagger, alias table), then built into
documents by the real document builder, as ingest does."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta, timezone

import pytest
from warta.enrich import enrich
from warta.index.bulk import WriteAction, write
from warta.index.client import make_client
from warta.index.documents import build_document
from warta.index.mapping import write_alias
from warta.index.setup import ensure_index
from warta.local.api_front import http_api_event
from warta.local.lambda_runtime import LocalContext, load_handler
from warta.parse.article import Article

pytestmark = pytest.mark.integration
WIB = timezone(timedelta(hours=7))

ARTICLES = {
    "full": (
        "Presiden resmikan bendungan",
        (
            "Presiden Joko Widodo meresmikan bendungan di Kabupaten Kupang. Joko Widodo berharap sawah warga "
            "teraliri air sepanjang tahun."
        ),
    ),
    "alias": (
        "Jokowi tinjau pasar",
        "Jokowi meninjau harga cabai di pasar tradisional Kota Bandung. Menurut Jokowi, harga mulai turun.",
    ),
    "other": (
        "Gubernur buka festival",
        "Gubernur Nusa Tenggara Timur Yohanes Mbora membuka festival tenun di Kota Kupang bersama warga.",
    ),
}


@pytest.fixture(scope="module")
def api(stack):
    alias = f"warta-persontest-{uuid.uuid4().hex[:8]}"
    client = make_client(stack.opensearch_url)
    ensure_index(client, alias)
    documents = []
    for n, (key, (title, body)) in enumerate(ARTICLES.items()):
        article = Article(
            title=title, body=body, published=datetime(2024, 3, 1 + n, 9, tzinfo=WIB), site="Warta"
        )
        documents.append(
            build_document(
                bucket="b", key=key, article=article, entities=enrich(article), ingested=datetime.now(UTC)
            )
        )
    results = write(
        client, [WriteAction("index", write_alias(alias), d["id"], 1, d) for d in documents], refresh=True
    )
    assert {r.outcome for r in results} == {"indexed"}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WARTA_INDEX_ALIAS", alias)
        handler = load_handler("search")

        def get(params: list[tuple[str, str]]) -> dict:
            from urllib.parse import urlencode

            response = handler(
                http_api_event("GET", f"/search?{urlencode(params)}", {"host": "test"}, b""),
                LocalContext("search"),
            )
            assert response["statusCode"] == 200, response["body"]
            return json.loads(response["body"])

        yield get


def _keys(body: dict) -> set[str]:
    return {hit["key"] for hit in body["hits"]}


def test_the_person_facet_counts_an_alias_and_the_full_name_as_one_person(api):
    counts = {b["value"]: b["count"] for b in api([])["facets"]["person"]}
    assert counts["Joko Widodo"] == 2
    assert "Jokowi" not in counts
    assert counts["Yohanes Mbora"] == 1


@pytest.mark.parametrize("value", ["Jokowi", "Joko Widodo", "joko widodo"])
def test_the_person_filter_takes_an_alias_or_the_canonical_name(api, value):
    assert _keys(api([("person", value)])) == {"full", "alias"}


def test_searching_the_alias_as_text_finds_the_article_that_writes_only_the_full_name(api):
    assert _keys(api([("q", "Jokowi")])) == {"full", "alias"}


def test_excluding_a_person_by_alias(api):
    assert _keys(api([("-person", "Jokowi")])) == {"other"}


def test_hits_carry_canonical_persons(api):
    hits = {hit["key"]: hit for hit in api([("person", "Jokowi")])["hits"]}
    assert hits["alias"]["persons"] == ["Joko Widodo"]
