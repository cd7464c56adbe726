"""The index writer's OpenSearch adapter: bulk writes with a result per action, so each SQS message
learns its own fate. The types are the port's (`warta.ports`); they are re-exported here for callers
that write to the index directly (reconcile, migrate, benchmarks)."""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Sequence
from typing import Any

from opensearchpy import OpenSearch, helpers

from ..ports import RETRYABLE_STATUSES, WriteAction, WriteResult

# Items refused with 429 are retried inside the helper: 3 more tries, 0.5 s doubling up to 8 s. (Passed as
# a dict because the helper's annotation says int for initial_backoff; it sleeps any number.)
RETRY_429: dict[str, Any] = {"max_retries": 3, "initial_backoff": 0.5, "max_backoff": 8}

__all__ = [
    "RETRYABLE_STATUSES",
    "OpenSearchIndexWriter",
    "WriteAction",
    "WriteResult",
    "update_if_unchanged",
    "write",
]


def update_if_unchanged(hit: dict[str, Any], doc: dict[str, Any]) -> dict[str, Any]:
    """A bulk partial update of a search hit (read with `seq_no_primary_term`) that applies only while the
    document is as the search read it; a version conflict means someone wrote it since."""
    return {
        "_op_type": "update",
        "_index": hit["_index"],
        "_id": hit["_id"],
        "if_seq_no": hit["_seq_no"],
        "if_primary_term": hit["_primary_term"],
        "doc": doc,
    }


class OpenSearchIndexWriter:
    """`warta.ports.IndexWriter` over an injected opensearch-py client."""

    def __init__(self, client: OpenSearch) -> None:
        self._client = client

    def write(self, actions: Sequence[WriteAction], *, refresh: bool = False) -> list[WriteResult]:
        return write(self._client, actions, refresh=refresh)


def write(client: OpenSearch, actions: Sequence[WriteAction], *, refresh: bool = False) -> list[WriteResult]:
    """One bulk request (chunked by the helper); returns a result per action, in the order of `actions`.
    A version conflict means a newer event already won: that is success, not failure."""
    if not actions:
        return []
    # The helper yields results as they settle: items it retried after a 429 come last. Match results
    # back by operation and id (first come, first served for the rare duplicate within one batch).
    waiting: dict[tuple[str, str], deque[int]] = defaultdict(deque)
    for position, action in enumerate(actions):
        waiting[(action.op, action.doc_id)].append(position)
    results: list[WriteResult | None] = [None] * len(actions)
    detail = "no answer for this item"
    try:
        stream = helpers.streaming_bulk(
            client,
            (bulk_action(a) for a in actions),
            raise_on_error=False,
            raise_on_exception=False,
            **RETRY_429,
            yield_ok=True,
            chunk_size=200,
            refresh="wait_for" if refresh else False,
        )
        for _ok, item in stream:
            op, body = next(iter(item.items()))
            queue = waiting.get((op, str(body.get("_id"))))
            if queue:
                results[queue.popleft()] = result_of(op, body)
    except Exception as exc:  # noqa: BLE001 - transport errors: everything not yet answered is retryable
        detail = f"{type(exc).__name__}: {exc}"[:500]
    return [r if r is not None else WriteResult("failed", 0, detail) for r in results]


def bulk_action(action: WriteAction) -> dict[str, Any]:
    """The bulk helper's form of one action."""
    bulk: dict[str, Any] = {
        "_op_type": action.op,
        "_index": action.index,
        "_id": action.doc_id,
        "version": action.version,
        "version_type": "external_gte",
    }
    if action.document is not None:
        bulk["_source"] = action.document
    return bulk


def result_of(op: str, body: dict[str, Any]) -> WriteResult:
    """One item of a bulk response as a result."""
    raw_status = body.get("status")
    status = raw_status if isinstance(raw_status, int) else 0  # 0: no HTTP answer (connection lost)
    error = body.get("error")
    if status == 409:
        return WriteResult("stale", status)
    if op == "delete" and status == 404:
        return WriteResult("absent", status)
    if 200 <= status < 300:
        return WriteResult("deleted" if op == "delete" else "indexed", status)
    reason = error.get("reason") if isinstance(error, dict) else str(error or body.get("exception", ""))
    kind = error.get("type") if isinstance(error, dict) else None
    return WriteResult("failed", status, f"{kind}: {reason}" if kind else reason)
