"""`warta stories backfill` on the real node: documents written without story fields (as before stories
existed) get the story of the first indexed copy; a newer copy that live ingest had already given a
story of its own joins the older one; a second run finds nothing to do and changes nothing."""

from __future__ import annotations

import json
import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from click.testing import CliRunner
from warta.adapters.s3 import StoredObject
from warta.cli import main
from warta.index.bulk import OpenSearchIndexWriter
from warta.index.client import make_client
from warta.index.documents import document_id
from warta.index.setup import ensure_index
from warta.index.stories import OpenSearchStoryLookup
from warta.index.story_backfill import backfill
from warta.ingest import ingest_messages

from tests.story_pages import story_pages

pytestmark = pytest.mark.integration
BUCKET = "warta-backfill"
PAGES = {page.key: page for page in story_pages()}
T0 = datetime(2025, 6, 1, 8, 0, tzinfo=UTC)
BEFORE_STORIES = [  # indexed in this order, a minute apart, by a version without stories
    "banjir-1.html",
    "stadion-1.html",
    "banjir-2.html",
    "beras-1.html",
    "banjir-susulan-1.html",
    "beras-2.html",
]
STORY_FIELDS = ("story_id", "story_bands", "story_signature")


class PageStore:
    def get(self, bucket: str, key: str) -> StoredObject | None:
        return StoredObject(PAGES[key].html, "text/html", None, f"etag-{key}")


class WithoutStories(OpenSearchIndexWriter):
    """Writes documents as a version of Warta before story clusters did: no story fields."""

    def write(self, actions, *, refresh=False):
        bare = [
            replace(a, document={k: v for k, v in a.document.items() if k not in STORY_FIELDS})
            if a.document is not None
            else a
            for a in actions
        ]
        return super().write(bare, refresh=refresh)


def _message(key: str) -> tuple[str, str]:
    record = {
        "eventName": "ObjectCreated:Put",
        "eventTime": "2026-03-06T00:00:00Z",
        "s3": {"bucket": {"name": BUCKET}, "object": {"key": key}},
    }
    return str(uuid.uuid4()), json.dumps({"Records": [record]})


def _stories(client, alias: str) -> dict[str, dict]:
    hits = client.search(index=alias, body={"size": 100, "version": True})["hits"]["hits"]
    return {
        hit["_source"]["key"]: {f: hit["_source"].get(f) for f in STORY_FIELDS} | {"version": hit["_version"]}
        for hit in hits
    }


@pytest.fixture(scope="module")
def index(stack):
    alias = f"warta-backfill-{uuid.uuid4().hex[:8]}"
    client = make_client(stack.opensearch_url)
    ensure_index(client, alias)
    for minute, key in enumerate(BEFORE_STORIES):
        outcomes = ingest_messages(
            [_message(key)],
            store=PageStore(),
            writer=WithoutStories(client),
            alias=alias,
            now=lambda minute=minute: T0 + timedelta(minutes=minute),
            refresh=True,
        )
        assert {o.status for o in outcomes.values()} == {"indexed"}
    # A newer copy ingested once stories existed: it finds no earlier copy (they have no bands yet).
    ingest_messages(
        [_message("banjir-3.html")],
        store=PageStore(),
        writer=OpenSearchIndexWriter(client),
        alias=alias,
        now=lambda: T0 + timedelta(days=30),
        refresh=True,
        stories=OpenSearchStoryLookup(client, alias),
    )
    return client, alias


@pytest.fixture(scope="module")
def backfilled(index):
    client, alias = index
    before = _stories(client, alias)
    totals: list[int] = []
    report = backfill(client, alias, page_size=2, on_total=totals.append)  # three pages
    return client, alias, before, report, totals


def test_documents_before_stories_had_no_story_and_the_newer_copy_its_own(backfilled):
    _, _, before, _, _ = backfilled
    assert {key for key, fields in before.items() if fields["story_id"] is None} == set(BEFORE_STORIES)
    assert before["banjir-3.html"]["story_id"] == document_id(BUCKET, "banjir-3.html")


def test_copies_share_the_story_of_the_first_indexed_and_others_do_not(backfilled):
    client, alias, _, report, totals = backfilled
    after = _stories(client, alias)
    first = {"banjir": "banjir-1.html", "stadion": "stadion-1.html", "beras": "beras-1.html"}
    first["banjir-susulan"] = "banjir-susulan-1.html"
    expected = {key: document_id(BUCKET, first[PAGES[key].story]) for key in after}
    assert {key: fields["story_id"] for key, fields in after.items()} == expected
    assert all(len(fields["story_bands"]) == 32 and fields["story_signature"] for fields in after.values())
    assert (report.walked, report.copies, report.moved, report.changed_meanwhile) == (6, 2, 1, 0)
    assert totals == [6]


def test_a_second_run_finds_nothing_and_changes_nothing(backfilled, monkeypatch):
    client, alias, _, _, _ = backfilled
    after = _stories(client, alias)
    monkeypatch.setenv("WARTA_INDEX_ALIAS", alias)
    result = CliRunner().invoke(main, ["stories", "backfill"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1].startswith("0 documents without a story")
    assert _stories(client, alias) == after  # versions included: nothing was written
