"""Looking into the dead-letter queue and replaying it once the cause is fixed."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .adapters.sqs import REASON_ATTRIBUTE
from .ingest import MalformedMessage, object_events


@dataclass(frozen=True, slots=True)
class DeadLetter:
    message_id: str
    receipt_handle: str
    body: str
    reason: str
    keys: tuple[str, ...]


def peek(sqs: Any, dlq_url: str, limit: int = 100) -> list[DeadLetter]:
    """Up to `limit` messages, left visible (the queue keeps them). SQS has no real peek: we receive
    with a zero visibility timeout and stop once a round brings nothing new."""
    seen: dict[str, DeadLetter] = {}
    for _ in range(limit):
        fresh = [
            letter for letter in _receive(sqs, dlq_url, 10, visibility=0) if letter.message_id not in seen
        ]
        if not fresh:
            break
        for letter in fresh:
            seen[letter.message_id] = letter
        if len(seen) >= limit:
            break
    return list(seen.values())[:limit]


def replay(sqs: Any, dlq_url: str, queue_url: str, limit: int = 10_000) -> int:
    """Move messages back to the ingest queue; each is deleted from the DLQ only once re-sent."""
    moved = 0
    for letter in _receive(sqs, dlq_url, limit, visibility=60):
        sqs.send_message(QueueUrl=queue_url, MessageBody=letter.body)
        sqs.delete_message(QueueUrl=dlq_url, ReceiptHandle=letter.receipt_handle)
        moved += 1
    return moved


def _receive(sqs: Any, url: str, limit: int, *, visibility: int) -> Iterator[DeadLetter]:
    fetched = 0
    while fetched < limit:
        messages = sqs.receive_message(
            QueueUrl=url,
            MaxNumberOfMessages=min(10, limit - fetched),
            VisibilityTimeout=visibility,
            WaitTimeSeconds=0,
            MessageAttributeNames=["All"],
        ).get("Messages", [])
        if not messages:
            return
        for message in messages:
            fetched += 1
            attributes = message.get("MessageAttributes", {})
            reason = attributes.get(REASON_ATTRIBUTE, {}).get(
                "StringValue", "retries exhausted (moved by the queue)"
            )
            try:
                keys = tuple(e.key for e in object_events(message["Body"]))
            except MalformedMessage:
                keys = ()
            yield DeadLetter(message["MessageId"], message["ReceiptHandle"], message["Body"], reason, keys)
