"""How a page was read travels to the index and back: a page of ours is parsed, enriched, built into
a document, written to the real node under the strict mapping, and read through the search handler's
`GET /documents/{id}` with its dateline, extractor, confidence, title_source and published_source."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
from warta.enrich import enrich
from warta.index.bulk import WriteAction, write
from warta.index.client import make_client
from warta.index.documents import build_document
from warta.index.mapping import write_alias
from warta.index.setup import ensure_index
from warta.local.api_front import http_api_event
from warta.local.lambda_runtime import LocalContext, load_handler
from warta.parse import parse_article

pytestmark = pytest.mark.integration
PAGE = (
    Path(__file__).resolve().parents[1]
    / "fixtures"
    / "extraction"
    / "itemprop-english-date-related-time.html"
)


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def test_document_view_carries_how_the_page_was_read(stack, monkeypatch_module):
    article = parse_article(PAGE.read_bytes(), key=PAGE.name)
    document = build_document(
        bucket="b", key=PAGE.name, article=article, entities=enrich(article), ingested=datetime.now(UTC)
    )
    alias = f"warta-extracttest-{uuid.uuid4().hex[:8]}"
    client = make_client(stack.opensearch_url)
    ensure_index(client, alias)
    results = write(
        client, [WriteAction("index", write_alias(alias), document["id"], 1, document)], refresh=True
    )
    assert [r.outcome for r in results] == ["indexed"]  # the strict mapping knows every new field
    monkeypatch_module.setenv("WARTA_INDEX_ALIAS", alias)
    handler = load_handler("search")

    response = handler(
        http_api_event("GET", f"/documents/{document['id']}", {"host": "test"}, b""), LocalContext("search")
    )

    assert response["statusCode"] == 200
    found = json.loads(response["body"])
    assert found["title_source"] == "h1"
    assert found["published_source"] == "itemprop"
    assert found["extractor"] == "warta"
    assert 0.5 <= found["confidence"] <= 1.0
    dateline = found["dateline"]
    assert (dateline["text"], dateline["place"], dateline["agency"]) == ("Gresik - ", "Gresik", None)
    assert found["body"][dateline["place_start"] : dateline["place_end"]] == "Gresik"
