"""The deliver function's use case: a batch of queued deliveries in, the ids to deliver again out.

A channel that refuses is retried by SQS after an exponential back-off (the message is hidden for
longer after each failed try); on the last receive the queue allows, the message goes to the delivery
DLQ with the reason, and the match records the delivery as failed."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from opensearchpy import OpenSearch

from ..ingest.batch import QueueMessage
from ..ports import DeadLetters, Reporter, RetryDelay
from .delivery import Channels, deliver


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class DeliverDependencies:
    client: OpenSearch
    alias: str
    channels: Channels
    reporter: Reporter
    backoff: RetryDelay | None = None
    dead_letters: DeadLetters | None = None
    max_receives: int = 0  # the delivery queue's maxReceiveCount; 0: unknown, leave it to the redrive
    now: Callable[[], datetime] = field(default=_utc_now)


def deliver_batch(records: Iterable[Mapping[str, Any]], deps: DeliverDependencies) -> list[str]:
    failed = []
    for record in records:
        message = QueueMessage.from_record(record)
        if not _deliver_one(message, deps):
            failed.append(message.message_id)
    return failed


def _deliver_one(message: QueueMessage, deps: DeliverDependencies) -> bool:
    """True when the message is done with (delivered, cancelled, duplicate, or dead-lettered)."""
    final = bool(deps.max_receives) and message.receive_count >= deps.max_receives
    try:
        body = json.loads(message.body)
        result = deliver(
            body,
            client=deps.client,
            alias=deps.alias,
            channels=deps.channels,
            now=deps.now,
            attempt=message.receive_count,
            final_try=final,
        )
    except Exception as exc:  # noqa: BLE001 - a refusing channel, an unreachable index, a bad body: retry
        deps.reporter.count("AlertDeliveriesFailed")
        fields = {"message_id": message.message_id, "attempt": message.receive_count}
        deps.reporter.log("warning", f"alert delivery failed: {type(exc).__name__}: {exc}", fields)
        if final and deps.dead_letters is not None:
            deps.dead_letters.send(
                message.body,
                reason=str(exc),
                message_id=message.message_id,
                receive_count=message.receive_count,
            )
            return True
        if deps.backoff is not None:
            try:
                deps.backoff.delay(message.receipt_handle, message.receive_count)
            except Exception as delay_exc:  # noqa: BLE001 - the queue's visibility timeout applies instead
                deps.reporter.log("warning", f"could not delay the next try: {delay_exc}", fields)
        return False
    deps.reporter.count(f"AlertDeliveries{result.capitalize()}")
    deps.reporter.log(
        "info",
        f"alert delivery {result}",
        {"message_id": message.message_id, "match_id": body.get("match_id")},
    )
    return True
