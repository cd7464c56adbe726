"""Stories that converge, on the real node: two copies of one story ingested by two `process_batch`
calls whose story look-ups both ran before either wrote (the race of two workers, played in a fixed
order) end in one story after the second batch's look, and `collapse=story` then gives one hit with
both copies. Looking again, or the redelivered message, changes nothing."""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from urllib.parse import urlencode

import pytest
from warta.adapters.s3 import StoredObject
from warta.index.bulk import OpenSearchIndexWriter
from warta.index.client import make_client
from warta.index.documents import document_id
from warta.index.setup import ensure_index
from warta.index.stories import OpenSearchStoryLookup
from warta.index.story_merge import OpenSearchStoryMerger
from warta.ingest import Dependencies, process_batch
from warta.local.api_front import http_api_event
from warta.local.lambda_runtime import LocalContext, load_handler
from warta.stories import Fingerprint, Known
from warta.story_merge import converge

from tests.fakes import RecordingReporter
from tests.story_pages import story_pages

pytestmark = pytest.mark.integration
BUCKET = "warta-merge"
PAGES = {page.key: page for page in story_pages()}
EARLIER = datetime(2026, 3, 6, 8, 0, tzinfo=UTC)


class PageStore:
    def get(self, bucket: str, key: str) -> StoredObject | None:
        return StoredObject(PAGES[key].html, "text/html", None, f"etag-{key}")


class BeforeBothWrites:
    """The real look-up, answering only with documents that existed before either batch wrote."""

    def __init__(self, lookup: OpenSearchStoryLookup, existing: set[str]) -> None:
        self._lookup, self._existing = lookup, existing

    def known(self, prints: Sequence[Fingerprint]) -> list[Known]:
        return [k for k in self._lookup.known(prints) if k.doc_id in self._existing]


def _record(key: str) -> dict:
    body = {
        "Records": [
            {
                "eventName": "ObjectCreated:Put",
                "eventTime": "2026-03-06T00:00:00Z",
                "s3": {"bucket": {"name": BUCKET}, "object": {"key": key}},
            }
        ]
    }
    return {"messageId": str(uuid.uuid4()), "body": json.dumps(body), "attributes": {}}


@pytest.fixture(scope="module")
def raced(stack):
    alias = f"warta-merge-{uuid.uuid4().hex[:8]}"
    client = make_client(stack.opensearch_url)
    ensure_index(client, alias)
    process_batch([_record("stadion-1.html")], _deps(client, alias, EARLIER, set()))  # another story
    client.indices.refresh(index=alias)
    existing = {hit["_id"] for hit in client.search(index=alias, body={"size": 100})["hits"]["hits"]}
    # The copy indexed second (by the clock) looks first, then the one indexed first: the first batch's
    # look sees only its own page, the second's sees both and moves the other batch's document.
    later, first = (
        _deps(client, alias, EARLIER + timedelta(seconds=1), existing),
        _deps(client, alias, EARLIER, existing),
    )
    assert process_batch([_record("banjir-2.html")], later) == []
    assert process_batch([_record("banjir-1.html")], first) == []
    return client, alias, first


def _deps(client, alias: str, ingested: datetime, existing: set[str]) -> Dependencies:
    return Dependencies(
        store=PageStore(),
        writer=OpenSearchIndexWriter(client),
        reporter=RecordingReporter(),
        alias=alias,
        now=lambda: ingested,
        stories=BeforeBothWrites(OpenSearchStoryLookup(client, alias), existing),
        merger=OpenSearchStoryMerger(client, alias),
    )


def _stories(client, alias: str) -> dict[str, str]:
    hits = client.search(index=alias, body={"size": 100, "_source": ["key", "story_id"]})["hits"]["hits"]
    return {hit["_source"]["key"]: hit["_source"]["story_id"] for hit in hits}


def test_racing_copies_end_in_the_story_of_the_first_indexed(raced):
    client, alias, _ = raced
    story = document_id(BUCKET, "banjir-1.html")
    assert _stories(client, alias) == {
        "banjir-1.html": story,
        "banjir-2.html": story,
        "stadion-1.html": document_id(BUCKET, "stadion-1.html"),
    }


def test_collapse_then_gives_one_hit_with_both_copies(raced):
    _, alias, _ = raced
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WARTA_INDEX_ALIAS", alias)
        handler = load_handler("search")
        query = urlencode([("q", "Bekasi"), ("collapse", "story")])
        response = handler(
            http_api_event("GET", f"/search?{query}", {"host": "test"}, b""), LocalContext("s")
        )
    result = json.loads(response["body"])
    assert response["statusCode"] == 200
    assert result["stories"] == 1 and result["total"] == 2
    assert [(hit["story_id"], hit["copies"]) for hit in result["hits"]] == [
        (document_id(BUCKET, "banjir-1.html"), 2)
    ]


def test_looking_again_and_a_redelivered_message_change_nothing(raced):
    client, alias, first_deps = raced
    before = _stories(client, alias)
    merger = OpenSearchStoryMerger(client, alias)
    docs = [
        Known(hit["_id"], hit["_source"]["story_id"], Fingerprint.decode(hit["_source"]["story_signature"]))
        for hit in client.search(index=alias, body={"size": 100})["hits"]["hits"]
    ]
    assert converge(docs, merger) == {d.doc_id: d.story_id for d in docs}
    assert merger.moved == 0
    redelivered = _deps(client, alias, EARLIER + timedelta(seconds=5), {d.doc_id for d in docs})
    assert process_batch([_record("banjir-2.html")], redelivered) == []
    assert _stories(client, alias) == before
    assert first_deps.merger.moved == 1  # documents moved: the other batch's copy, once


def test_a_move_takes_every_member_of_the_losing_story_once(stack):
    from warta.index.bulk import WriteAction, write
    from warta.index.mapping import write_alias

    alias = f"warta-move-{uuid.uuid4().hex[:8]}"
    client = make_client(stack.opensearch_url)
    ensure_index(client, alias)
    members = {"a1": ("a1", EARLIER), "b1": ("b1", EARLIER + timedelta(hours=1)), "b2": ("b1", EARLIER)}
    write(
        client,
        [
            WriteAction(
                "index",
                write_alias(alias),
                doc_id,
                1,
                {"id": doc_id, "story_id": story, "ingested": ingested.isoformat()},
            )
            for doc_id, (story, ingested) in members.items()
        ],
        refresh=True,
    )
    merger = OpenSearchStoryMerger(client, alias)
    assert merger.first_indexed({"a1", "b1", "gone"}) == {
        "a1": EARLIER,
        "b1": EARLIER + timedelta(hours=1),
        "gone": None,
    }
    assert merger.move({"b1": "a1"}) == 2
    assert merger.move({"b1": "a1"}) == 0  # nobody carries b1 any more
    stories = {hit["_id"]: hit["_source"]["story_id"] for hit in client.search(index=alias)["hits"]["hits"]}
    assert stories == {"a1": "a1", "b1": "a1", "b2": "a1"}
