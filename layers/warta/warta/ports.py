"""The ingest use case's ports: what it needs from the world, as types it owns.

Adapters implement them (`warta.adapters.s3`, `warta.adapters.sqs`, `warta.index.bulk`,
`warta.adapters.observability`); tests pass recording fakes (`tests/fakes.py`). Nothing here imports an
SDK, so the use case and its tests need no socket."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from .parse.decode import MAX_HTML_BYTES

# --- reading objects -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StoredObject:
    data: bytes
    content_type: str | None
    content_encoding: str | None
    etag: str | None


class ObjectTooLarge(Exception):
    def __init__(self, size: int, etag: str | None = None) -> None:
        super().__init__(f"object is {size} bytes, over the {MAX_HTML_BYTES} byte limit")
        self.size = size
        self.etag = etag


class ObjectStore(Protocol):
    def get(self, bucket: str, key: str) -> StoredObject | None:
        """The object, or None when it is gone. Raises ObjectTooLarge over the size limit; any other
        exception (throttling, 5xx, permissions) means "try again later"."""
        ...


# --- writing to the index --------------------------------------------------------------------------

WriteOutcome = Literal["indexed", "deleted", "stale", "absent", "failed"]

# Statuses worth a retry through SQS: throttling and server-side trouble. 0 means no HTTP answer at all
# (connection refused or lost, a timeout).
RETRYABLE_STATUSES = frozenset({0, 429, 500, 502, 503, 504})


@dataclass(frozen=True, slots=True)
class WriteAction:
    op: Literal["index", "delete"]
    index: str
    doc_id: str
    version: int  # external version: newer S3 events carry larger numbers
    document: Mapping[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class WriteResult:
    outcome: WriteOutcome
    status: int  # the item's HTTP status; 0 when no answer came
    error: str | None = None

    @property
    def retryable(self) -> bool:
        return self.outcome == "failed" and self.status in RETRYABLE_STATUSES


class IndexWriter(Protocol):
    def write(self, actions: Sequence[WriteAction], *, refresh: bool = False) -> list[WriteResult]:
        """A result per action, in the order of `actions`; never raises for a failed item or transport."""
        ...


class AlertHook(Protocol):
    """Saved searches matched against what a batch indexed (warta.alerts.matching.AlertMatcher)."""

    def match(
        self, actions: Sequence[WriteAction], owners: Sequence[str], results: Sequence[WriteResult]
    ) -> dict[str, str]:
        """The messages whose matching failed, with the reason: SQS retries them."""
        ...


# --- the queue -------------------------------------------------------------------------------------


class DeadLetters(Protocol):
    def send(self, body: str, *, reason: str, message_id: str, receive_count: int) -> None: ...


class RetryDelay(Protocol):
    def delay(self, receipt_handle: str, receive_count: int) -> int:
        """Hide the message for longer before its next delivery; returns the seconds chosen."""
        ...


# --- what operators see ----------------------------------------------------------------------------

LogLevel = Literal["info", "warning"]


class Reporter(Protocol):
    """Metrics and structured logs, so the use case decides what is reported and at which level."""

    def count(self, metric: str) -> None: ...

    def log(self, level: LogLevel, message: str, fields: Mapping[str, object]) -> None: ...
