"""Writes that stay correct under at-least-once delivery: duplicates, out-of-order events, deletes.
The ingest use case runs in-process against the real node; the object store is a fake that returns
whatever content the test says the bucket held when the event was processed."""

from __future__ import annotations

import json
import uuid

import pytest
from warta.index.bulk import OpenSearchIndexWriter
from warta.index.client import make_client
from warta.index.documents import document_id
from warta.index.query import SearchRequest
from warta.index.setup import ensure_index
from warta.ingest import ingest_messages
from warta.ports import StoredObject
from warta.search import search

from tests.conftest import FIXTURES

pytestmark = pytest.mark.integration
BUCKET = "warta-writes"
SEED = (FIXTURES / "seed_vivanews.html").read_bytes()


class FakeStore:
    def __init__(self) -> None:
        self.objects: dict[str, bytes] = {}

    def get(self, bucket: str, key: str) -> StoredObject | None:
        data = self.objects.get(key)
        return None if data is None else StoredObject(data, "text/html", None, "etag")


def _message(kind: str, key: str, event_time: str) -> tuple[str, str]:
    name = "ObjectCreated:Put" if kind == "created" else "ObjectRemoved:Delete"
    body = {
        "Records": [
            {
                "eventName": name,
                "eventTime": event_time,
                "s3": {"bucket": {"name": BUCKET}, "object": {"key": key}},
            }
        ]
    }
    return str(uuid.uuid4()), json.dumps(body)


@pytest.fixture
def setup(stack):
    alias = f"warta-writes-{uuid.uuid4().hex[:8]}"
    client = make_client(stack.opensearch_url)
    ensure_index(client, alias)
    store = FakeStore()

    def run(*messages: tuple[str, str]) -> list[str]:
        outcomes = ingest_messages(
            list(messages), store=store, writer=OpenSearchIndexWriter(client), alias=alias, refresh=True
        )
        return [outcomes[message_id].status for message_id, _ in messages]

    def count(key: str) -> int:
        client.indices.refresh(index=alias)
        return client.count(index=alias, body={"query": {"term": {"key": key}}})["count"]

    def title(key: str) -> str:
        return client.get(index=alias, id=document_id(BUCKET, key))["_source"]["title"]

    return store, run, count, title, alias


def test_a_duplicate_event_leaves_one_document(setup):
    store, run, count, _, _ = setup
    store.objects["dup.html"] = SEED
    message = _message("created", "dup.html", "2026-11-27T01:00:00.000Z")

    assert run(message) == ["indexed"]
    assert run(message) == ["indexed"]  # redelivered: same id, same version, overwritten in place
    assert count("dup.html") == 1


def test_an_older_event_delivered_late_does_not_overwrite_newer_content(setup):
    store, run, _, title, _ = setup
    store.objects["late.html"] = SEED.replace(b"Ini Cara Kapolda Metro", b"Versi Baru Kapolda Metro")
    assert run(_message("created", "late.html", "2026-11-27T02:00:00.000Z")) == ["indexed"]

    store.objects["late.html"] = SEED  # what an older event's processing would have read
    outcome = run(_message("created", "late.html", "2026-11-27T01:59:59.000Z"))

    assert outcome == ["indexed"]  # a version conflict is success: a newer event already won
    assert title("late.html").startswith("Versi Baru")


def test_delete_removes_and_a_delayed_create_does_not_resurrect(setup):
    store, run, count, _, _ = setup
    store.objects["gone.html"] = SEED
    run(_message("created", "gone.html", "2026-11-27T03:00:00.000Z"))
    assert count("gone.html") == 1

    assert run(_message("removed", "gone.html", "2026-11-27T03:00:05.000Z")) == ["deleted"]
    assert count("gone.html") == 0
    # The created event of an overwrite that happened before the delete arrives after it:
    run(_message("created", "gone.html", "2026-11-27T03:00:01.000Z"))
    assert count("gone.html") == 0


def test_an_object_deleted_before_its_created_event_is_skipped(setup):
    _, run, count, _, _ = setup
    assert run(_message("created", "never.html", "2026-11-27T04:00:00.000Z")) == ["skipped"]
    assert count("never.html") == 0


def _request_cache_hits(client) -> int:
    stats = client.nodes.stats(metric="indices", index_metric="request_cache")
    return sum(node["indices"]["request_cache"]["hit_count"] for node in stats["nodes"].values())


def test_a_cached_search_sees_the_next_refresh(setup, stack):
    """Searches ask for the shard request cache: a repeat is answered from it, and a write followed by a
    refresh is seen at once, never an answer cached before it."""
    store, run, _, _, alias = setup
    client = make_client(stack.opensearch_url)
    request = SearchRequest(filters={"official": ("Putut Eko Bayu Seno",)})
    store.objects["cached.html"] = SEED

    before = search(client, alias, request)
    hits_before = _request_cache_hits(client)
    assert search(client, alias, request)["total"] == before["total"]
    assert _request_cache_hits(client) > hits_before, "the repeated search was not answered from the cache"

    run(_message("created", "cached.html", "2026-11-27T05:00:00.000Z"))  # indexes and refreshes
    after = search(client, alias, request)
    assert after["total"] == before["total"] + 1
    assert document_id(BUCKET, "cached.html") in {hit["id"] for hit in after["hits"]}
