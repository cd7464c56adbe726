"""The ingest use case: S3 notifications (as carried by SQS messages) in, index writes out.

Every message ends in exactly one outcome. Pages that can never be indexed (not HTML, empty, too
large) are recorded in the failures index with their reason and are *not* retried; transient trouble
(S3 or OpenSearch throttling, 5xx, timeouts) marks the message for retry, and SQS's redrive policy
sends it to the DLQ after the configured number of receives."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal, Protocol
from urllib.parse import unquote_plus

from opensearchpy import OpenSearch

from .adapters.s3 import ObjectTooLarge, StoredObject
from .enrich import enrich
from .index import bulk
from .index.documents import build_document, document_id
from .index.mapping import write_alias
from .index.setup import failures_index
from .parse import ParseError, parse_article

Status = Literal["indexed", "deleted", "skipped", "rejected", "retry", "poison"]
Disposition = Literal["acknowledge", "retry", "dead-letter"]


class ObjectStore(Protocol):
    def get(self, bucket: str, key: str) -> StoredObject | None: ...


@dataclass(frozen=True, slots=True)
class ObjectEvent:
    kind: Literal["created", "removed"]
    bucket: str
    key: str  # URL-decoded
    version: int  # orders events for the same key; see `_event_version`


@dataclass(frozen=True, slots=True)
class MessageOutcome:
    status: Status
    reason: str = ""
    keys: tuple[str, ...] = ()

    def disposition(self, receive_count: int, max_receives: int) -> Disposition:
        """What to do with the message now.

        - done or permanently rejected (recorded in the failures index): acknowledge;
        - poison (OpenSearch refused the document itself, e.g. a mapping error): straight to the DLQ
          with the reason, since another try would fail the same way;
        - retry: leave it to SQS, except on the last receive the queue allows, when we move it to the
          DLQ ourselves so that it arrives there with its reason attached.
        """
        if self.status == "poison":
            return "dead-letter"
        if self.status == "retry":
            return "dead-letter" if max_receives and receive_count >= max_receives else "retry"
        return "acknowledge"


class MalformedMessage(ValueError):
    pass


def object_events(body: str) -> list[ObjectEvent]:
    """The S3 events in one SQS message body. S3's configuration test event yields none."""
    try:
        payload = json.loads(body)
    except ValueError as exc:
        raise MalformedMessage(f"message body is not JSON: {exc}") from exc
    if not isinstance(payload, dict):
        raise MalformedMessage("message body is not a JSON object")
    if payload.get("Event") == "s3:TestEvent":
        return []
    records = payload.get("Records")
    if not isinstance(records, list):
        raise MalformedMessage("message body has no S3 'Records'")
    events = []
    for record in records:
        try:
            name = record["eventName"]
            bucket = record["s3"]["bucket"]["name"]
            raw_key = record["s3"]["object"]["key"]
        except (KeyError, TypeError) as exc:
            raise MalformedMessage(f"S3 record without {exc}") from exc
        if name.startswith("ObjectCreated"):
            kind: Literal["created", "removed"] = "created"
        elif name.startswith("ObjectRemoved"):
            kind = "removed"
        else:
            continue  # replication, restore, lifecycle transitions: nothing to index
        events.append(ObjectEvent(kind, bucket, unquote_plus(raw_key), _event_version(record)))
    return events


def _event_version(record: dict[str, Any]) -> int:
    """A number that grows with the event's time, for OpenSearch's external versioning: a delayed
    older event then loses against a newer one instead of overwriting it."""
    try:
        moment = datetime.fromisoformat(record["eventTime"])  # Python 3.11+ reads the trailing Z
    except (KeyError, ValueError, AttributeError):
        moment = datetime.now(UTC)
    return int(moment.timestamp() * 1000)


class AlertHook(Protocol):
    """warta.alerts.matching.AlertMatcher: matches what a batch indexed against the saved searches."""

    def match(self, actions: Sequence[bulk.WriteAction], owners: Sequence[str],
              results: Sequence[bulk.WriteResult]) -> dict[str, str]: ...


def ingest_messages(messages: Sequence[tuple[str, str]], *, store: ObjectStore, client: OpenSearch,
                    alias: str, now: Callable[[], datetime] = lambda: datetime.now(UTC),
                    refresh: bool = False, alerts: AlertHook | None = None) -> dict[str, MessageOutcome]:
    """Process one batch: messages are (message_id, body). Returns an outcome per message id.
    All index writes of the batch go out in one bulk request."""
    outcomes: dict[str, MessageOutcome] = {}
    actions: list[bulk.WriteAction] = []
    owners: list[str] = []  # message id of each action, to map bulk results back
    planned: list[tuple[str, list[ObjectEvent]]] = []
    for message_id, body in messages:
        try:
            planned.append((message_id, object_events(body)))
        except MalformedMessage as exc:
            outcomes[message_id] = MessageOutcome("rejected", str(exc))
    fetched = _fetch_all(store, {(e.bucket, e.key) for _, events in planned for e in events if e.kind == "created"})
    for message_id, events in planned:
        outcome, message_actions = _plan(events, fetched=fetched, alias=alias, ingested=now())
        outcomes[message_id] = outcome
        actions += message_actions
        owners += [message_id] * len(message_actions)
    results = bulk.write(client, actions, refresh=refresh)
    for message_id, result in zip(owners, results, strict=True):
        if result.outcome == "failed" and outcomes[message_id].status != "retry":
            status: Status = "retry" if result.retryable else "poison"
            reason = f"opensearch {result.status}: {result.error}" if result.status else f"opensearch: {result.error}"
            outcomes[message_id] = MessageOutcome(status, reason, outcomes[message_id].keys)
    if alerts is not None:  # saved searches, percolated in this batch; a failure retries the message
        for message_id, reason in alerts.match(actions, owners, results).items():
            outcomes[message_id] = MessageOutcome("retry", reason, outcomes[message_id].keys)
    return outcomes


Fetched = dict[tuple[str, str], "StoredObject | None | Exception"]
FETCH_THREADS = 10  # a batch holds at most 10 messages; S3 latency, not CPU, is what they wait on


def _fetch_all(store: ObjectStore, wanted: set[tuple[str, str]]) -> Fetched:
    """Get the batch's objects at once rather than one after another; an error is kept as the result."""
    def get(location: tuple[str, str]) -> StoredObject | None | Exception:
        try:
            return store.get(*location)
        except Exception as exc:  # noqa: BLE001 - decided per message in _plan
            return exc

    if len(wanted) <= 1:
        return {location: get(location) for location in wanted}
    with ThreadPoolExecutor(max_workers=min(FETCH_THREADS, len(wanted))) as pool:
        return dict(zip(wanted, pool.map(get, wanted), strict=True))


def _plan(events: list[ObjectEvent], *, fetched: Fetched, alias: str,
          ingested: datetime) -> tuple[MessageOutcome, list[bulk.WriteAction]]:
    """Decide what one message's events write; parsing happens here, writes happen in bulk."""
    actions: list[bulk.WriteAction] = []
    statuses: list[tuple[Status, str]] = []
    for event in events:
        doc_id = document_id(event.bucket, event.key)
        if event.kind == "removed":
            actions += [bulk.WriteAction("delete", write_alias(alias), doc_id, event.version),
                        bulk.WriteAction("delete", failures_index(alias), doc_id, event.version)]
            statuses.append(("deleted", ""))
            continue
        stored = fetched[(event.bucket, event.key)]
        if isinstance(stored, ObjectTooLarge):
            actions += _reject(alias, event, doc_id, "too-large", str(stored), ingested, stored.etag)
            statuses.append(("rejected", f"too-large: {stored}"))
            continue
        if isinstance(stored, Exception):  # S3 throttling, network, permissions: retry via SQS
            statuses.append(("retry", f"s3 get_object failed: {type(stored).__name__}: {stored}"))
            continue
        if stored is None:
            statuses.append(("skipped", "object no longer exists"))
            continue
        try:
            article = parse_article(stored.data, key=event.key, content_type=stored.content_type,
                                    content_encoding=stored.content_encoding)
            document = build_document(bucket=event.bucket, key=event.key, article=article,
                                      entities=enrich(article), ingested=ingested, etag=stored.etag)
        except ParseError as exc:
            actions += _reject(alias, event, doc_id, exc.reason, str(exc), ingested, stored.etag)
            statuses.append(("rejected", f"{exc.reason}: {exc}"))
            continue
        except Exception as exc:  # noqa: BLE001 - a bug of ours must not sink the batch; the DLQ keeps the
            # message for a replay once the fix is deployed
            statuses.append(("retry", f"internal error: {type(exc).__name__}: {exc}"))
            continue
        # An older failure record for this key may remain: `warta failures` hides keys that are indexed,
        # which costs a look-up when someone asks rather than a delete on every write.
        actions.append(bulk.WriteAction("index", write_alias(alias), doc_id, event.version, document))
        statuses.append(("indexed", ""))
    keys = tuple(e.key for e in events)
    for wanted in ("retry", "rejected"):
        reasons = [reason for status, reason in statuses if status == wanted]
        if reasons:
            return MessageOutcome(wanted, "; ".join(reasons), keys), actions
    status: Status = statuses[0][0] if len(statuses) == 1 else ("indexed" if statuses else "skipped")
    reason = statuses[0][1] if statuses else "no object events in the message"
    return MessageOutcome(status, reason, keys), actions


def _reject(alias: str, event: ObjectEvent, doc_id: str, reason: str, detail: str,
            at: datetime, etag: str | None) -> list[bulk.WriteAction]:
    """Record why the object cannot be indexed, and drop the article an earlier version of it left."""
    record = {"bucket": event.bucket, "key": event.key, "etag": etag, "reason": reason,
              "detail": detail[:1000], "at": at.isoformat()}
    return [bulk.WriteAction("index", failures_index(alias), doc_id, event.version, record),
            bulk.WriteAction("delete", write_alias(alias), doc_id, event.version)]
