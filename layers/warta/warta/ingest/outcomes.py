"""One batch of messages in, one outcome per message out, and all its index writes in one request.

Every message ends in exactly one outcome. Pages that can never be indexed (not HTML, empty, too
large) are recorded in the failures index with their reason and are *not* retried; transient trouble
(S3 or OpenSearch throttling, 5xx, timeouts) marks the message for retry, and what happens next is
`policy.settle`'s decision."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime

from ..enrich import enrich
from ..index import failures
from ..index.documents import build_document, document_id
from ..index.failures import failures_index
from ..index.mapping import write_alias
from ..parse import ParseError, parse_article
from ..ports import AlertHook, IndexWriter, ObjectStore, ObjectTooLarge, StoredObject, WriteAction
from ..stories import StoryLookup, assign_documents
from ..story_merge import StoryMerger, converge_batch
from .events import MalformedMessage, ObjectEvent, object_events
from .policy import MessageOutcome, Status


def _utc_now() -> datetime:
    return datetime.now(UTC)


def ingest_messages(
    messages: Sequence[tuple[str, str]],
    *,
    store: ObjectStore,
    writer: IndexWriter,
    alias: str,
    now: Callable[[], datetime] = _utc_now,
    refresh: bool = False,
    stories: StoryLookup | None = None,
    merger: StoryMerger | None = None,
    alerts: AlertHook | None = None,
) -> dict[str, MessageOutcome]:
    """Process one batch: messages are (message_id, body). Returns an outcome per message id.
    All index writes of the batch go out in one bulk request."""
    outcomes: dict[str, MessageOutcome] = {}
    actions: list[WriteAction] = []
    owners: list[str] = []  # message id of each action, to map bulk results back
    planned: list[tuple[str, list[ObjectEvent]]] = []
    for message_id, body in messages:
        try:
            planned.append((message_id, object_events(body)))
        except MalformedMessage as exc:
            outcomes[message_id] = MessageOutcome("rejected", str(exc))
    fetched = _fetch_all(
        store, {(e.bucket, e.key) for _, events in planned for e in events if e.kind == "created"}
    )
    for message_id, events in planned:
        outcome, message_actions = _plan(events, fetched=fetched, alias=alias, ingested=now())
        outcomes[message_id] = outcome
        actions += message_actions
        owners += [message_id] * len(message_actions)
    if stories is not None:  # story ids need earlier copies: one look-up for the batch (warta.stories)
        try:
            assign_documents(
                [
                    a.document
                    for a in actions
                    if a.op == "index" and a.index == write_alias(alias) and isinstance(a.document, dict)
                ],
                stories,
            )
        except Exception as exc:  # noqa: BLE001 - OpenSearch unreachable: write nothing, retry what had writes
            reason = f"story look-up failed: {type(exc).__name__}: {exc}"[:500]
            return {
                message_id: MessageOutcome("retry", reason, outcome.keys) if message_id in owners else outcome
                for message_id, outcome in outcomes.items()
            }
    # Merging needs this batch's writes visible to the other batches' looks (warta.story_merge).
    results = writer.write(actions, refresh=refresh or merger is not None)
    for message_id, result in zip(owners, results, strict=True):
        if result.outcome == "failed" and outcomes[message_id].status != "retry":
            status: Status = "retry" if result.retryable else "poison"
            reason = (
                f"opensearch {result.status}: {result.error}"
                if result.status
                else f"opensearch: {result.error}"
            )
            outcomes[message_id] = MessageOutcome(status, reason, outcomes[message_id].keys)
    if merger is not None:  # two batches may have started one story twice: merge them, before alerts
        for message_id, reason in converge_batch(
            actions, owners, results, merger, write_alias(alias)
        ).items():
            outcomes[message_id] = MessageOutcome("retry", reason, outcomes[message_id].keys)
    if alerts is not None:  # saved searches, percolated in this batch; a failure retries the message
        for message_id, reason in alerts.match(actions, owners, results).items():
            outcomes[message_id] = MessageOutcome("retry", reason, outcomes[message_id].keys)
    return outcomes


Fetched = dict[tuple[str, str], StoredObject | Exception | None]
FETCH_THREADS = 10  # a batch holds at most 10 messages; S3 latency, not CPU, is what they wait on


def _fetch_all(store: ObjectStore, wanted: set[tuple[str, str]]) -> Fetched:
    """Get the batch's objects at once rather than one after another; an error is kept as the result."""

    def get(location: tuple[str, str]) -> StoredObject | Exception | None:
        try:
            return store.get(*location)
        except Exception as exc:  # noqa: BLE001 - decided per message in _plan
            return exc

    if len(wanted) <= 1:
        return {location: get(location) for location in wanted}
    with ThreadPoolExecutor(max_workers=min(FETCH_THREADS, len(wanted))) as pool:
        return dict(zip(wanted, pool.map(get, wanted), strict=True))


def _plan(
    events: list[ObjectEvent], *, fetched: Fetched, alias: str, ingested: datetime
) -> tuple[MessageOutcome, list[WriteAction]]:
    """Decide what one message's events write; parsing happens here, writes happen in bulk."""
    actions: list[WriteAction] = []
    statuses: list[tuple[Status, str]] = []
    for event in events:
        doc_id = document_id(event.bucket, event.key)
        if event.kind == "removed":
            actions += [
                WriteAction("delete", write_alias(alias), doc_id, event.version),
                WriteAction("delete", failures_index(alias), doc_id, event.version),
            ]
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
            article = parse_article(
                stored.data,
                key=event.key,
                content_type=stored.content_type,
                content_encoding=stored.content_encoding,
            )
            document = build_document(
                bucket=event.bucket,
                key=event.key,
                article=article,
                entities=enrich(article),
                ingested=ingested,
                etag=stored.etag,
            )
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
        actions.append(WriteAction("index", write_alias(alias), doc_id, event.version, document))
        statuses.append(("indexed", ""))
    keys = tuple(e.key for e in events)
    for wanted in ("retry", "rejected"):
        reasons = [reason for status, reason in statuses if status == wanted]
        if reasons:
            return MessageOutcome(wanted, "; ".join(reasons), keys), actions
    status: Status = statuses[0][0] if len(statuses) == 1 else ("indexed" if statuses else "skipped")
    reason = statuses[0][1] if statuses else "no object events in the message"
    return MessageOutcome(status, reason, keys), actions


def _reject(
    alias: str, event: ObjectEvent, doc_id: str, reason: str, detail: str, at: datetime, etag: str | None
) -> list[WriteAction]:
    """Record why the object cannot be indexed, and drop the article an earlier version of it left."""
    record = failures.record(
        bucket=event.bucket, key=event.key, etag=etag, reason=reason, detail=detail, at=at
    )
    return [
        WriteAction("index", failures_index(alias), doc_id, event.version, record),
        WriteAction("delete", write_alias(alias), doc_id, event.version),
    ]
