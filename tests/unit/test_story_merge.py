"""Stories that converge (warta.story_merge), in process: two batches that each started a story for one
set of copies end in the story whose first document was indexed first, whichever batch looks first;
looks are idempotent; a failed look retries the messages that wrote; ingest merges before alerts."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from warta.index.documents import document_id
from warta.ingest.outcomes import ingest_messages
from warta.parse import parse_article
from warta.ports import WriteAction, WriteResult
from warta.stories import Fingerprint, Known, fingerprint
from warta.story_merge import converge, converge_batch, merge_groups, parse_time, winners

from tests.fakes import FakeObjectStore, InMemoryStories, RecordingIndexWriter
from tests.story_pages import story_pages

T0 = datetime(2026, 3, 4, 9, 0, tzinfo=UTC)
PAGES = {page.key: page for page in story_pages()}


@pytest.fixture(scope="module")
def prints() -> dict[str, Fingerprint]:
    return {
        key: fingerprint(parse_article(page.html, key=key, content_type="text/html").body)
        for key, page in PAGES.items()
    }


def test_copies_under_two_stories_form_one_group_and_other_stories_stay_out(prints):
    found = [
        Known("a", "a", prints["banjir-1.html"]),
        Known("b", "b", prints["banjir-2.html"]),
        Known("s", "s", prints["banjir-susulan-1.html"]),  # the follow-up: same flood, not a copy
    ]
    assert merge_groups([found[0]], found) == [{"a", "b"}]
    assert merge_groups([found[2]], found) == []


def test_a_written_document_counts_under_the_story_the_index_gives_it_now(prints):
    written = [Known("b", "b", prints["banjir-2.html"])]
    found = [Known("a", "a", prints["banjir-1.html"]), Known("b", "a", prints["banjir-2.html"])]
    assert merge_groups(written, found) == []  # another worker already moved it


def test_groups_join_through_a_shared_story(prints):
    written = [Known("a", "a", prints["banjir-1.html"]), Known("x", "x", prints["beras-1.html"])]
    found = [
        *written,
        Known("b", "b", prints["banjir-2.html"]),
        Known("c", "c", prints["banjir-3.html"]),
        Known("y", "y", prints["beras-2.html"]),
    ]
    assert sorted(map(sorted, merge_groups(written, found))) == [["a", "b", "c"], ["x", "y"]]


def test_the_story_whose_first_document_was_indexed_first_wins_then_the_smaller_id():
    groups = [{"b", "a", "c"}, {"y", "x"}, {"p", "q"}]
    first = {"a": T0 + timedelta(seconds=1), "b": T0, "c": T0, "x": T0, "y": T0, "p": None, "q": T0}
    assert winners(groups, first) == {"a": "b", "c": "b", "y": "x", "p": "q"}


def test_a_missing_first_document_ranks_last_and_ties_break_on_the_id():
    assert winners([{"m", "n"}], {"m": None, "n": None}) == {"n": "m"}


def _race(index: InMemoryStories, prints, *keys: str) -> dict[str, Known]:
    """Each key written by its own batch, all of them having looked before any wrote: own stories."""
    written = {}
    for offset, key in enumerate(keys):
        index.add(key, key, prints[key], T0 + timedelta(milliseconds=offset))
        written[key] = Known(key, key, prints[key])
    return written


@pytest.mark.parametrize("order", [("banjir-1.html", "banjir-2.html"), ("banjir-2.html", "banjir-1.html")])
def test_two_racing_batches_end_in_one_story_whichever_looks_first(prints, order):
    index = InMemoryStories()
    written = _race(index, prints, "banjir-1.html", "banjir-2.html")  # banjir-1 indexed first
    results = [converge([written[key]], index) for key in order]
    assert index.story_of("banjir-1.html") == index.story_of("banjir-2.html") == "banjir-1.html"
    assert results[-1] == {order[-1]: "banjir-1.html"}
    assert len(index.moves) == 1  # the second look finds nothing left to merge


def test_looking_again_changes_nothing(prints):
    index = InMemoryStories()
    written = _race(index, prints, "beras-1.html", "beras-2.html")
    converge([written["beras-2.html"]], index)
    before = dict(index.documents)
    assert converge(list(written.values()), index) == {
        "beras-1.html": "beras-1.html",
        "beras-2.html": "beras-1.html",
    }
    assert index.documents == before and len(index.moves) == 1


class MergedMeanwhile(InMemoryStories):
    """Between this batch's look and its move, another batch merges the winner `banjir-1.html` into an
    earlier story `z`: this move then lands on a story nobody else carries any more."""

    def move(self, moves):
        if not self.moves:
            super().move({"banjir-1.html": "z"})
        return super().move(moves)


def test_a_winner_merged_meanwhile_is_caught_by_the_next_look(prints):
    index = MergedMeanwhile()
    index.add("z", "z", Fingerprint(()), T0 - timedelta(days=1))  # its copies are not this batch's
    written = _race(index, prints, "banjir-1.html", "banjir-2.html")
    result = converge([written["banjir-2.html"]], index)
    assert result == {"banjir-2.html": "z"}
    assert {index.story_of(k) for k in ("banjir-1.html", "banjir-2.html")} == {"z"}
    assert index.moves[-1] == {"banjir-1.html": "z"}  # the second look moved the orphan


def test_documents_without_a_fingerprint_ask_nothing():
    class Refuses(InMemoryStories):
        def copies(self, prints):
            raise AssertionError("asked")

    assert converge([Known("d", "d", Fingerprint(()))], Refuses()) == {"d": "d"}


def _indexed(doc_id: str, story: str, print_: Fingerprint) -> WriteAction:
    document = {"id": doc_id, "story_id": story, "story_signature": print_.encode()}
    return WriteAction("index", "w", doc_id, 1, document)


def test_the_hook_updates_written_documents_and_skips_the_ones_not_written(prints):
    index = InMemoryStories()
    _race(index, prints, "beras-1.html", "beras-2.html")
    actions = [
        _indexed("beras-2.html", "beras-2.html", prints["beras-2.html"]),
        _indexed("stale.html", "stale.html", prints["beras-2.html"]),
    ]
    results = [WriteResult("indexed", 201), WriteResult("stale", 409)]
    assert converge_batch(actions, ["m1", "m2"], results, index, "w") == {}
    assert actions[0].document["story_id"] == "beras-1.html"
    assert actions[1].document["story_id"] == "stale.html"


def test_a_failed_look_retries_the_messages_that_wrote(prints):
    class Down(InMemoryStories):
        def copies(self, prints):
            raise ConnectionError("node down")

    actions = [_indexed("d", "d", prints["beras-1.html"]), WriteAction("delete", "w", "e", 1)]
    results = [WriteResult("indexed", 201), WriteResult("deleted", 200)]
    failed = converge_batch(actions, ["m1", "m2"], results, Down(), "w")
    assert list(failed) == ["m1"] and "story merge check failed: ConnectionError" in failed["m1"]


def _message(key: str) -> tuple[str, str]:
    record = {
        "eventName": "ObjectCreated:Put",
        "eventTime": "2026-03-06T00:00:00Z",
        "s3": {"bucket": {"name": "b"}, "object": {"key": key}},
    }
    return f"m-{key}", json.dumps({"Records": [record]})


class StoriesWriter(RecordingIndexWriter):
    """Writes the documents' story fields into the in-memory index, as the bulk write would."""

    def __init__(self, index: InMemoryStories, ingested: datetime) -> None:
        super().__init__()
        self.index, self.ingested, self.refreshed = index, ingested, []

    def write(self, actions, *, refresh=False):
        self.refreshed.append(refresh)
        for a in actions:
            if a.op == "index" and a.document:
                print_ = Fingerprint.decode(a.document["story_signature"])
                self.index.add(a.doc_id, a.document["story_id"], print_, self.ingested)
        return super().write(actions, refresh=refresh)


def test_ingest_merges_two_batches_whose_look_ups_ran_before_either_wrote():
    store = FakeObjectStore()
    for key in ("banjir-1.html", "banjir-3.html"):
        store.put("b", key, PAGES[key].html)
    index = InMemoryStories()
    index.snapshot()  # both look-ups see the index as it was before either batch wrote
    first, second = StoriesWriter(index, T0), StoriesWriter(index, T0 + timedelta(seconds=1))
    for writer, key in ((second, "banjir-3.html"), (first, "banjir-1.html")):  # the later one looks first
        outcomes = ingest_messages(
            [_message(key)], store=store, writer=writer, alias="a", stories=index, merger=index
        )
        assert [o.status for o in outcomes.values()] == ["indexed"]
    story = document_id("b", "banjir-1.html")
    assert {story_id for story_id, _, _ in index.documents.values()} == {story}
    assert first.refreshed == second.refreshed == [True]  # visible before the look
    assert first.actions[0].document["story_id"] == story  # what alerts then match


def test_stored_times_read_with_their_offset():
    assert parse_time("2026-03-04T09:00:00+07:00") == datetime(2026, 3, 4, 2, 0, tzinfo=UTC)
    assert parse_time("2026-03-04T02:00:00") == datetime(2026, 3, 4, 2, 0, tzinfo=UTC)
    assert parse_time("yesterday") is None and parse_time(None) is None
