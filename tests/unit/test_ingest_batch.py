"""`process_batch` against recording fakes: every message outcome against every fault, at a first
receive, at the last receive and without a DLQ; what is written, retried, dead-lettered and reported."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from warta.index.documents import document_id
from warta.ingest import Dependencies, process_batch
from warta.ports import ObjectTooLarge, WriteResult

from tests.fakes import (
    FakeObjectStore,
    RecordingBackoff,
    RecordingDeadLetters,
    RecordingIndexWriter,
    RecordingReporter,
)

BUCKET = "berita"
ALIAS = "warta-articles"
PAGE = (Path(__file__).parents[2] / "samples" / "tempo-mutasi-kapolda.html").read_bytes()
NOW = datetime(2026, 11, 27, 5, 0, tzinfo=UTC)


def _record(
    key: str, *, receives: int = 1, event: str = "ObjectCreated:Put", body: str | None = None
) -> dict[str, Any]:
    s3 = {
        "Records": [
            {
                "eventName": event,
                "eventTime": "2026-11-27T05:00:00.000Z",
                "s3": {"bucket": {"name": BUCKET}, "object": {"key": key}},
            }
        ]
    }
    return {
        "messageId": f"m-{key}",
        "receiptHandle": f"r-{key}",
        "body": body if body is not None else json.dumps(s3),
        "attributes": {"ApproximateReceiveCount": str(receives)},
    }


class World:
    """The fakes of one test, and the dependencies built from them."""

    def __init__(self, *, dlq: bool = True, max_receives: int = 5) -> None:
        self.store = FakeObjectStore()
        self.writer = RecordingIndexWriter()
        self.reporter = RecordingReporter()
        self.dead_letters = RecordingDeadLetters()
        self.backoff = RecordingBackoff()
        self.deps = Dependencies(
            store=self.store,
            writer=self.writer,
            reporter=self.reporter,
            alias=ALIAS,
            dead_letters=self.dead_letters if dlq else None,
            backoff=self.backoff,
            max_receives=max_receives,
            now=lambda: NOW,
        )


def _fault(world: World, fault: str, key: str) -> None:
    """Arrange one fault for the object at `key` (or for its document)."""
    doc_id = document_id(BUCKET, key)
    if fault != "missing object":
        world.store.put(BUCKET, key, b"\x89PNG\r\n\x1a\n" + bytes(200) if fault == "not html" else PAGE)
    if fault == "throttle":
        world.writer.results[doc_id] = WriteResult(
            "failed", 429, "es_rejected_execution_exception: queue full"
        )
    elif fault == "5xx":
        world.writer.results[doc_id] = WriteResult("failed", 503, "unavailable_shards_exception: no shard")
    elif fault == "timeout":
        world.writer.transport_error = "ConnectionTimeout: read timed out (10 s)"
    elif fault == "mapping error":
        world.writer.results[doc_id] = WriteResult("failed", 400, "mapper_parsing_exception: failed to parse")
    elif fault == "s3 throttle":
        world.store.faults[key] = RuntimeError("SlowDown: reduce your request rate")
    elif fault == "too large":
        world.store.faults[key] = ObjectTooLarge(64_000_000, "etag-big")


# fault -> (status, reason fragment)
OUTCOMES = {
    "none": ("indexed", ""),  # no reason to give
    "throttle": ("retry", "opensearch 429"),
    "5xx": ("retry", "opensearch 503"),
    "timeout": ("retry", "ConnectionTimeout"),
    "mapping error": ("poison", "mapper_parsing_exception"),
    "missing object": ("skipped", "no longer exists"),
    "s3 throttle": ("retry", "SlowDown"),
    "not html": ("rejected", "not-html"),
    "too large": ("rejected", "too-large"),
}
# situation -> (receives, has a DLQ)
SITUATIONS = {"first receive": (1, True), "last receive": (5, True), "no dlq": (5, False)}


def _expected_disposition(status: str, situation: str) -> str:
    receives, has_dlq = SITUATIONS[situation]
    if status not in ("retry", "poison"):
        return "acknowledge"
    if not has_dlq:
        return "retry"
    return "dead-letter" if status == "poison" or receives >= 5 else "retry"


@pytest.mark.parametrize("situation", SITUATIONS)
@pytest.mark.parametrize("fault", OUTCOMES)
def test_every_outcome_against_every_fault(fault, situation):
    receives, has_dlq = SITUATIONS[situation]
    world = World(dlq=has_dlq)
    key = f"2026/11/{fault.replace(' ', '-')}.html"
    _fault(world, fault, key)
    status, reason = OUTCOMES[fault]
    disposition = _expected_disposition(status, situation)

    failed = process_batch([_record(key, receives=receives)], world.deps)

    assert failed == ([f"m-{key}"] if disposition == "retry" else [])
    assert world.reporter.metrics == [f"Messages{status.capitalize()}"]
    level, message, fields = world.reporter.lines[-1]
    assert fields["status"] == status and fields["disposition"] == disposition
    assert level == ("info" if status in ("indexed", "skipped") else "warning")
    assert reason in str(fields["reason"])
    assert level == "info" or reason in message  # a warning says why on its own line
    if disposition == "dead-letter":
        (letter,) = world.dead_letters.sent
        assert letter["message_id"] == f"m-{key}" and letter["receive_count"] == receives
        assert reason in str(letter["reason"])
    else:
        assert world.dead_letters.sent == []
    assert world.backoff.delays == ([(f"r-{key}", receives)] if disposition == "retry" else [])


def test_a_rejected_page_is_recorded_with_its_reason_and_its_old_document_removed():
    world = World()
    world.store.put(BUCKET, "a/gambar.html", b"\x89PNG\r\n\x1a\n" + bytes(200))

    assert process_batch([_record("a/gambar.html")], world.deps) == []

    record, delete = world.writer.actions
    assert (record.op, record.index, delete.op, delete.index) == (
        "index",
        f"{ALIAS}-failures",
        "delete",
        f"{ALIAS}-write",
    )
    assert (
        record.document is not None
        and record.document["key"] == "a/gambar.html"
        and record.document["reason"]
    )


def test_a_removed_object_deletes_its_document_and_failure_record():
    world = World()

    assert process_batch([_record("a/hapus.html", event="ObjectRemoved:Delete")], world.deps) == []

    assert {(a.op, a.index) for a in world.writer.actions} == {
        ("delete", f"{ALIAS}-write"),
        ("delete", f"{ALIAS}-failures"),
    }
    assert world.reporter.metrics == ["MessagesDeleted"]


def test_a_malformed_body_is_rejected_and_acknowledged_without_writes():
    world = World()

    assert process_batch([_record("x", body="bukan json")], world.deps) == []

    assert world.writer.actions == [] and world.reporter.metrics == ["MessagesRejected"]
    assert "not JSON" in world.reporter.lines[-1][1]


def test_a_bug_of_ours_is_retried_with_its_reason(monkeypatch):
    from warta.ingest import outcomes

    def broken(article: object) -> object:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(outcomes, "enrich", broken)
    world = World()
    world.store.put(BUCKET, "a/bug.html", PAGE)

    assert process_batch([_record("a/bug.html")], world.deps) == ["m-a/bug.html"]
    assert "internal error: ZeroDivisionError" in world.reporter.lines[-1][1]


def test_only_the_failing_message_of_a_batch_is_retried_and_all_writes_go_in_one_request():
    world = World()
    for name in ("satu", "dua", "tiga"):
        world.store.put(BUCKET, f"a/{name}.html", PAGE)
    world.writer.results[document_id(BUCKET, "a/dua.html")] = WriteResult("failed", 429, "throttled")

    failed = process_batch([_record(f"a/{n}.html") for n in ("satu", "dua", "tiga")], world.deps)

    assert failed == ["m-a/dua.html"]
    assert len(world.writer.calls) == 1 and len(world.writer.actions) == 3
    assert sorted(world.reporter.metrics) == ["MessagesIndexed", "MessagesIndexed", "MessagesRetry"]


def test_the_retry_metric_and_a_visible_log_line_come_before_the_answer():
    world = World()
    world.store.faults["a/lambat.html"] = RuntimeError("SlowDown")

    failed = process_batch([_record("a/lambat.html", receives=2)], world.deps)

    assert failed == ["m-a/lambat.html"]
    assert ("metric", "MessagesRetry") in world.reporter.events
    ((level, message, fields),) = [line for line in world.reporter.lines if line[2].get("status") == "retry"]
    assert level == "warning" and "s3 get_object failed: RuntimeError: SlowDown" in message
    assert fields["reason"] == message.removeprefix("message retry: ")
    assert ("info", "next try in 60 s") in [(lvl, msg) for lvl, msg, _ in world.reporter.lines]


def test_a_failed_dead_letter_send_leaves_the_message_to_the_queue():
    world = World()
    world.store.put(BUCKET, "a/tolak.html", PAGE)
    world.writer.results[document_id(BUCKET, "a/tolak.html")] = WriteResult(
        "failed", 400, "mapper_parsing_exception"
    )
    world.dead_letters.fault = RuntimeError("AccessDenied")

    assert process_batch([_record("a/tolak.html")], world.deps) == ["m-a/tolak.html"]
    assert any(
        level == "warning" and "could not dead-letter" in msg for level, msg, _ in world.reporter.lines
    )
    assert world.reporter.lines[-1][2]["disposition"] == "retry"


def test_a_failed_back_off_is_a_warning_and_the_message_is_still_retried():
    world = World()
    world.store.faults["a/x.html"] = RuntimeError("SlowDown")
    world.backoff.fault = RuntimeError("ReceiptHandleIsInvalid")

    assert process_batch([_record("a/x.html")], world.deps) == ["m-a/x.html"]
    assert any(level == "warning" and "could not delay" in msg for level, msg, _ in world.reporter.lines)


def test_the_s3_test_event_is_acknowledged_without_reading_or_writing():
    world = World()
    body = json.dumps({"Service": "Amazon S3", "Event": "s3:TestEvent", "Bucket": BUCKET})

    assert process_batch([_record("t", body=body)], world.deps) == []
    assert world.store.gets == [] and world.writer.actions == []
    assert world.reporter.metrics == ["MessagesSkipped"]
