"""The ingest use case with a story look-up (warta.stories.StoryLookup), in process with recording fakes:
copies in one batch share a story, earlier copies from the index give theirs, and a look-up that fails
writes nothing and retries exactly the messages that had writes."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field

from warta.index.documents import document_id
from warta.ingest.outcomes import ingest_messages
from warta.stories import Fingerprint, Known

from tests.fakes import FakeObjectStore, RecordingIndexWriter
from tests.story_pages import story_pages

BUCKET = "b"
PAGES = {page.key: page for page in story_pages()}


@dataclass
class FakeLookup:
    known_documents: list[Known] = field(default_factory=list)
    error: Exception | None = None
    asked: list[int] = field(default_factory=list)

    def known(self, prints: Sequence[Fingerprint]) -> list[Known]:
        self.asked.append(len(prints))
        if self.error is not None:
            raise self.error
        return self.known_documents


def _message(*keys: str) -> tuple[str, str]:
    records = [
        {
            "eventName": "ObjectCreated:Put",
            "eventTime": "2026-03-06T00:00:00Z",
            "s3": {"bucket": {"name": BUCKET}, "object": {"key": key}},
        }
        for key in keys
    ]
    return f"m-{'-'.join(keys)}", json.dumps({"Records": records})


def _store() -> FakeObjectStore:
    store = FakeObjectStore()
    for key, page in PAGES.items():
        store.put(BUCKET, key, page.html)
    return store


def _stories(writer: RecordingIndexWriter) -> dict[str, str]:
    return {
        a.document["key"]: a.document["story_id"] for a in writer.actions if a.op == "index" and a.document
    }


def test_copies_in_one_batch_take_the_story_of_the_first_with_one_look_up():
    writer, lookup = RecordingIndexWriter(), FakeLookup()
    messages = [_message("beras-1.html"), _message("stadion-1.html"), _message("beras-2.html")]
    outcomes = ingest_messages(messages, store=_store(), writer=writer, alias="a", stories=lookup)
    assert {o.status for o in outcomes.values()} == {"indexed"}
    first = document_id(BUCKET, "beras-1.html")
    assert _stories(writer) == {
        "beras-1.html": first,
        "stadion-1.html": document_id(BUCKET, "stadion-1.html"),
        "beras-2.html": first,
    }
    assert lookup.asked == [3]


def test_an_indexed_copy_gives_its_story():
    writer = RecordingIndexWriter()
    writer_first = RecordingIndexWriter()
    ingest_messages([_message("banjir-1.html")], store=_store(), writer=writer_first, alias="a")
    earlier = writer_first.actions[0].document
    known = Known(earlier["id"], "story-of-the-flood", Fingerprint.decode(earlier["story_signature"]))
    ingest_messages(
        [_message("banjir-3.html")], store=_store(), writer=writer, alias="a", stories=FakeLookup([known])
    )
    assert _stories(writer) == {"banjir-3.html": "story-of-the-flood"}


def test_without_a_look_up_every_document_is_its_own_story():
    writer = RecordingIndexWriter()
    ingest_messages(
        [_message("beras-1.html"), _message("beras-2.html")], store=_store(), writer=writer, alias="a"
    )
    assert _stories(writer) == {key: document_id(BUCKET, key) for key in ("beras-1.html", "beras-2.html")}


def test_a_failed_look_up_writes_nothing_and_retries_the_messages_with_writes():
    writer = RecordingIndexWriter()
    malformed = ("m-bad", "not json")
    messages = [_message("beras-1.html"), malformed]
    outcomes = ingest_messages(
        messages,
        store=_store(),
        writer=writer,
        alias="a",
        stories=FakeLookup(error=ConnectionError("node down")),
    )
    assert writer.calls == []
    assert outcomes["m-beras-1.html"].status == "retry"
    assert "story look-up failed" in outcomes["m-beras-1.html"].reason
    assert outcomes["m-bad"].status == "rejected"  # nothing to write: acknowledged as before
