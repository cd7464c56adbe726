"""Bulk writes with a result per action, so each SQS message learns its own fate."""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from opensearchpy import OpenSearch, helpers

Outcome = Literal["indexed", "deleted", "stale", "absent", "failed"]

# Statuses worth a retry through SQS: throttling and server-side trouble.
RETRYABLE_STATUSES = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True, slots=True)
class WriteAction:
    op: Literal["index", "delete"]
    index: str
    doc_id: str
    version: int  # external version: newer S3 events carry larger numbers
    document: dict[str, Any] | None = None

    def to_bulk(self) -> dict[str, Any]:
        action: dict[str, Any] = {"_op_type": self.op, "_index": self.index, "_id": self.doc_id,
                                  "version": self.version, "version_type": "external_gte"}
        if self.document is not None:
            action["_source"] = self.document
        return action


@dataclass(frozen=True, slots=True)
class WriteResult:
    outcome: Outcome
    status: int
    error: str | None = None

    @property
    def retryable(self) -> bool:
        return self.outcome == "failed" and (self.status in RETRYABLE_STATUSES or self.status == 0)


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
            client, (a.to_bulk() for a in actions), raise_on_error=False, raise_on_exception=False,
            max_retries=3, initial_backoff=0.5, max_backoff=8, yield_ok=True, chunk_size=200,
            refresh="wait_for" if refresh else False,
        )
        for _ok, item in stream:
            op, body = next(iter(item.items()))
            queue = waiting.get((op, str(body.get("_id"))))
            if queue:
                results[queue.popleft()] = _result_of(op, body)
    except Exception as exc:  # noqa: BLE001 - transport errors: everything not yet answered is retryable
        detail = f"{type(exc).__name__}: {exc}"[:500]
    return [r if r is not None else WriteResult("failed", 0, detail) for r in results]


def _result_of(op: str, body: dict[str, Any]) -> WriteResult:
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
