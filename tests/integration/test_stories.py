"""Story clusters on the real node: our hand-made pages with known copies go through the ingest use
case (real parse, enrich, story look-up and bulk write), then the search API collapses and counts them.

Pages arrive over several batches, copies both across batches (found in the index) and within one
batch (found in process)."""

from __future__ import annotations

import json
import uuid
from collections import Counter
from urllib.parse import urlencode

import pytest
from warta.adapters.s3 import StoredObject
from warta.index.bulk import OpenSearchIndexWriter
from warta.index.client import make_client
from warta.index.documents import document_id
from warta.index.setup import ensure_index
from warta.index.stories import OpenSearchStoryLookup
from warta.ingest import ingest_messages
from warta.local.api_front import http_api_event
from warta.local.lambda_runtime import LocalContext, load_handler

from tests.integration.helpers import api_get, wait_for
from tests.story_pages import story_pages

pytestmark = pytest.mark.integration
BUCKET = "warta-stories"
PAGES = {page.key: page for page in story_pages()}
STORY_OF = {key: page.story for key, page in PAGES.items()}


class PageStore:
    def get(self, bucket: str, key: str) -> StoredObject | None:
        return StoredObject(PAGES[key].html, "text/html", None, f"etag-{key}")


def _created(key: str) -> tuple[str, str]:
    body = {
        "Records": [
            {
                "eventName": "ObjectCreated:Put",
                "eventTime": "2026-03-06T00:00:00Z",
                "s3": {"bucket": {"name": BUCKET}, "object": {"key": key}},
            }
        ]
    }
    return str(uuid.uuid4()), json.dumps(body)


def _ingest(client, alias, messages):
    return ingest_messages(
        messages,
        store=PageStore(),
        writer=OpenSearchIndexWriter(client),
        alias=alias,
        refresh=True,
        stories=OpenSearchStoryLookup(client, alias),
    )


@pytest.fixture(scope="module")
def indexed(stack):
    alias = f"warta-stories-{uuid.uuid4().hex[:8]}"
    client = make_client(stack.opensearch_url)
    ensure_index(client, alias)
    batches = [
        ["banjir-1.html", "stadion-1.html"],
        ["banjir-susulan-1.html", "banjir-2.html"],
        ["beras-1.html", "beras-2.html", "banjir-3.html"],
    ]  # beras: a copy within one batch
    for batch in batches:
        messages = [_created(key) for key in batch]
        outcomes = _ingest(client, alias, messages)
        assert {o.status for o in outcomes.values()} == {"indexed"}, outcomes
    stories = {
        hit["_source"]["key"]: hit["_source"]["story_id"]
        for hit in client.search(index=alias, body={"size": 100, "_source": ["key", "story_id"]})["hits"][
            "hits"
        ]
    }
    return client, alias, stories


@pytest.fixture(scope="module")
def api(indexed):
    _, alias, _ = indexed
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WARTA_INDEX_ALIAS", alias)
        handler = load_handler("search")

        def get(params: list[tuple[str, str]]) -> tuple[int, dict]:
            event = http_api_event("GET", f"/search?{urlencode(params)}", {"host": "test"}, b"")
            response = handler(event, LocalContext("search"))
            return response["statusCode"], json.loads(response["body"])

        yield get


def test_every_copy_gets_the_story_of_the_first_page_of_its_story(indexed):
    _, _, stories = indexed
    first = {
        "banjir": "banjir-1.html",
        "banjir-susulan": "banjir-susulan-1.html",
        "beras": "beras-1.html",
        "stadion": "stadion-1.html",
    }
    assert stories == {key: document_id(BUCKET, first[STORY_OF[key]]) for key in PAGES}


def test_reingesting_a_copy_keeps_its_story(indexed):
    client, alias, stories = indexed
    outcomes = _ingest(client, alias, [_created("banjir-2.html")])
    assert [o.status for o in outcomes.values()] == ["indexed"]
    again = client.get(index=alias, id=document_id(BUCKET, "banjir-2.html"))["_source"]["story_id"]
    assert again == stories["banjir-2.html"]


def test_hits_carry_their_story(api, indexed):
    _, _, stories = indexed
    status, result = api([("q", "Cipinang"), ("size", "10")])
    assert status == 200
    assert {hit["key"]: hit["story_id"] for hit in result["hits"]} == {
        key: stories[key] for key in ("beras-1.html", "beras-2.html")
    }
    assert all(hit["copies"] is None for hit in result["hits"])


def test_collapse_returns_one_hit_per_story_with_its_copies(api):
    status, result = api([("q", "Bekasi"), ("collapse", "story"), ("size", "10")])
    assert status == 200
    assert result["total"] == 4  # articles: three copies of the flood and the follow-up
    assert result["stories"] == 2
    copies = {STORY_OF[hit["key"]]: hit["copies"] for hit in result["hits"]}
    assert copies == {"banjir": 3, "banjir-susulan": 1}
    assert result["next_cursor"] is None


def test_counting_stories_in_facets_and_histogram(api):
    status, articles = api([("size", "0")])
    assert status == 200
    status, stories = api([("size", "0"), ("count", "stories")])
    assert status == 200
    sites = Counter(page.site for page in PAGES.values())
    site_stories = {site: len({p.story for p in PAGES.values() if p.site == site}) for site in sites}
    assert {b["value"]: b["count"] for b in articles["facets"]["site"]} == sites
    assert {b["value"]: b["count"] for b in stories["facets"]["site"]} == site_stories
    assert stories["stories"] == 4 and stories["total"] == len(PAGES)
    per_bucket = [
        (a["count"], s["count"])
        for a, s in zip(articles["histogram"]["buckets"], stories["histogram"]["buckets"], strict=True)
    ]
    assert sum(a for a, _ in per_bucket) == len(PAGES)
    assert sum(s for _, s in per_bucket) == 4  # each story's pages fall in one bucket
    assert (3, 1) in per_bucket or (4, 2) in per_bucket  # the flood's three copies (and its follow-up)


def test_counting_stories_under_a_filter(api):
    status, result = api([("site", "Kabar Priangan"), ("count", "stories"), ("collapse", "story")])
    assert status == 200
    assert result["total"] == 2 and result["stories"] == 2
    assert sorted(STORY_OF[h["key"]] for h in result["hits"]) == ["banjir", "beras"]


def test_a_collapsed_search_refuses_a_cursor(api):
    status, result = api([("collapse", "story"), ("cursor", "WyJhIiwiYiJd")])
    assert status == 400 and result["error"] == "bad_request"


def test_a_copy_dropped_in_the_bucket_joins_the_story_of_the_first(stack):
    """The whole pipeline: S3 -> SQS -> the local worker -> the ingest handler, whose story look-up
    comes from warta.bootstrap; the copy arrives once the first page is searchable."""
    from warta.local import emulator

    s3 = emulator.client("s3", stack.emulator_url)
    prefix = f"stories-{uuid.uuid4().hex[:8]}"
    first, copy = f"{prefix}/beras-1.html", f"{prefix}/beras-2.html"

    def hits() -> dict[str, dict]:
        _, found = api_get(stack.api_url, "/search", [("q", "Cipinang"), ("size", "50")])
        return {hit["key"]: hit for hit in found["hits"] if hit["key"].startswith(prefix)}

    s3.put_object(Bucket=stack.bucket, Key=first, Body=PAGES["beras-1.html"].html, ContentType="text/html")
    wait_for(lambda: first in hits(), timeout=15)
    s3.put_object(Bucket=stack.bucket, Key=copy, Body=PAGES["beras-2.html"].html, ContentType="text/html")
    found = wait_for(hits, timeout=15, until=lambda h: copy in h)
    assert found[first]["story_id"] == found[copy]["story_id"] == found[first]["id"]
    assert found[first]["title"] != found[copy]["title"]
