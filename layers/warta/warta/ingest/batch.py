"""The ingest use case as the function sees it: an SQS batch in, the ids of failed messages out.

`process_batch` is everything the ingest function does; the handler only builds its dependencies
(`warta.bootstrap`) and turns the failed ids into `batchItemFailures`."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from ..ports import AlertHook, DeadLetters, IndexWriter, ObjectStore, Reporter, RetryDelay
from ..stories import StoryLookup
from ..story_merge import StoryMerger
from .outcomes import ingest_messages
from .policy import Disposition, MessageOutcome, settle


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class Dependencies:
    store: ObjectStore
    writer: IndexWriter
    reporter: Reporter
    alias: str
    dead_letters: DeadLetters | None = None  # None: failed messages are left to the queue's redrive
    backoff: RetryDelay | None = None  # None: the queue's visibility timeout spaces the retries
    max_receives: int = 0  # the queue's maxReceiveCount; 0: unknown, never dead-letter a retry ourselves
    now: Callable[[], datetime] = field(default=_utc_now)
    stories: StoryLookup | None = None  # None: every document is its own story (warta.stories)
    merger: StoryMerger | None = None  # None: stories started twice by racing batches stay two
    alerts: AlertHook | None = None  # saved searches percolated with each batch (warta.alerts)


@dataclass(frozen=True, slots=True)
class QueueMessage:
    """The parts of Lambda's SQS record the use case reads."""

    message_id: str
    body: str
    receipt_handle: str
    receive_count: int

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> QueueMessage:
        attributes = record.get("attributes") or {}
        try:
            receives = int(attributes.get("ApproximateReceiveCount") or 1)
        except (TypeError, ValueError):
            receives = 1
        return cls(
            str(record["messageId"]),
            str(record.get("body", "")),
            str(record.get("receiptHandle", "")),
            receives,
        )


def process_batch(records: Iterable[Mapping[str, Any]], deps: Dependencies) -> list[str]:
    """Ingest one SQS batch (Lambda's `Records`); returns the ids of the messages SQS should deliver
    again. Every message is reported (metric `Messages<Status>` and a log line) before this returns."""
    messages = [QueueMessage.from_record(record) for record in records]
    outcomes = ingest_messages(
        [(m.message_id, m.body) for m in messages],
        store=deps.store,
        writer=deps.writer,
        alias=deps.alias,
        now=deps.now,
        stories=deps.stories,
        merger=deps.merger,
        alerts=deps.alerts,
    )
    return [m.message_id for m in messages if _dispose(m, outcomes[m.message_id], deps) == "retry"]


def _dispose(message: QueueMessage, outcome: MessageOutcome, deps: Dependencies) -> Disposition:
    disposition = settle(outcome, message.receive_count, deps.max_receives, deps.dead_letters is not None)
    if disposition == "dead-letter" and deps.dead_letters is not None:
        try:
            deps.dead_letters.send(
                message.body,
                reason=outcome.reason,
                message_id=message.message_id,
                receive_count=message.receive_count,
            )
        except Exception as exc:  # noqa: BLE001 - the message stays in the queue; SQS's redrive is the net
            deps.reporter.log(
                "warning",
                f"could not dead-letter the message: {type(exc).__name__}: {exc}",
                {"message_id": message.message_id},
            )
            disposition = "retry"
    if disposition == "retry" and deps.backoff is not None:
        _back_off(deps.backoff, message, deps.reporter)
    _report(deps.reporter, message.message_id, outcome, disposition)
    return disposition


def _back_off(backoff: RetryDelay, message: QueueMessage, reporter: Reporter) -> None:
    try:
        seconds = backoff.delay(message.receipt_handle, message.receive_count)
    except Exception as exc:  # noqa: BLE001 - without the delay, the queue's own visibility timeout applies
        reporter.log(
            "warning",
            f"could not delay the next try: {type(exc).__name__}: {exc}",
            {"message_id": message.message_id},
        )
        return
    reporter.log("info", f"next try in {seconds} s", {"message_id": message.message_id})


def _report(reporter: Reporter, message_id: str, outcome: MessageOutcome, disposition: Disposition) -> None:
    reporter.count(f"Messages{outcome.status.capitalize()}")
    fields = {
        "message_id": message_id,
        "status": outcome.status,
        "disposition": disposition,
        "keys": list(outcome.keys),
        "reason": outcome.reason,
    }
    if outcome.status in ("rejected", "retry", "poison"):
        reporter.log("warning", f"message {outcome.status}: {outcome.reason}", fields)
    else:
        reporter.log("info", f"message {outcome.status}", fields)
