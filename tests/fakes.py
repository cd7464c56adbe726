"""Recording fakes of the ingest ports (`warta.ports`): in memory, no socket, each keeps what it was
asked so tests can assert on it. Faults are scripted per key or per document id."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from warta.ports import LogLevel, ObjectTooLarge, StoredObject, WriteAction, WriteResult
from warta.stories import Fingerprint, Known


@dataclass
class FakeObjectStore:
    """Objects by (bucket, key); `faults` maps a key to the exception `get` raises for it."""

    objects: dict[tuple[str, str], StoredObject] = field(default_factory=dict)
    faults: dict[str, Exception] = field(default_factory=dict)
    gets: list[tuple[str, str]] = field(default_factory=list)

    def put(self, bucket: str, key: str, data: bytes, etag: str = "etag-1") -> None:
        self.objects[(bucket, key)] = StoredObject(data, "text/html", None, etag)

    def get(self, bucket: str, key: str) -> StoredObject | None:
        self.gets.append((bucket, key))
        if key in self.faults:
            raise self.faults[key]
        return self.objects.get((bucket, key))


@dataclass
class RecordingIndexWriter:
    """Answers every action as OpenSearch would when all goes well, except the document ids in
    `results` (a scripted item result) and, with `transport_error` set, everything (as `bulk.write`
    reports a lost connection or a timeout: status 0)."""

    results: dict[str, WriteResult] = field(default_factory=dict)
    transport_error: str | None = None
    calls: list[list[WriteAction]] = field(default_factory=list)

    def write(self, actions: Sequence[WriteAction], *, refresh: bool = False) -> list[WriteResult]:
        self.calls.append(list(actions))
        if self.transport_error is not None:
            return [WriteResult("failed", 0, self.transport_error) for _ in actions]
        return [
            self.results.get(a.doc_id, WriteResult("indexed" if a.op == "index" else "deleted", 200))
            for a in actions
        ]

    @property
    def actions(self) -> list[WriteAction]:
        return [action for call in self.calls for action in call]


@dataclass
class RecordingDeadLetters:
    fault: Exception | None = None
    sent: list[dict[str, object]] = field(default_factory=list)

    def send(self, body: str, *, reason: str, message_id: str, receive_count: int) -> None:
        if self.fault is not None:
            raise self.fault
        self.sent.append(
            {"body": body, "reason": reason, "message_id": message_id, "receive_count": receive_count}
        )


@dataclass
class RecordingBackoff:
    fault: Exception | None = None
    delays: list[tuple[str, int]] = field(default_factory=list)

    def delay(self, receipt_handle: str, receive_count: int) -> int:
        if self.fault is not None:
            raise self.fault
        self.delays.append((receipt_handle, receive_count))
        return 30 * 2 ** (receive_count - 1)


@dataclass
class RecordingReporter:
    """Keeps metrics and log lines in the order they were reported."""

    events: list[tuple[str, ...]] = field(default_factory=list)
    lines: list[tuple[LogLevel, str, dict[str, object]]] = field(default_factory=list)

    def count(self, metric: str) -> None:
        self.events.append(("metric", metric))

    def log(self, level: LogLevel, message: str, fields: Mapping[str, object]) -> None:
        self.events.append(("log", level, message))
        self.lines.append((level, message, dict(fields)))

    @property
    def metrics(self) -> list[str]:
        return [event[1] for event in self.events if event[0] == "metric"]


@dataclass
class InMemoryStories:
    """The story fields of the index in memory: `warta.stories.StoryLookup` (look-up before a write) and
    `warta.story_merge.StoryMerger` (the look after it). `snapshot()` freezes what a look-up sees, to
    play two batches whose look-ups both ran before either wrote."""

    documents: dict[str, tuple[str, Fingerprint, datetime]] = field(default_factory=dict)
    moves: list[dict[str, str]] = field(default_factory=list)
    frozen: dict[str, tuple[str, Fingerprint, datetime]] | None = None

    def add(self, doc_id: str, story_id: str, fingerprint: Fingerprint, ingested: datetime) -> None:
        self.documents[doc_id] = (story_id, fingerprint, ingested)

    def snapshot(self) -> None:
        self.frozen = dict(self.documents)

    def known(self, prints: Sequence[Fingerprint]) -> list[Known]:
        return self._sharing(self.frozen if self.frozen is not None else self.documents, prints)

    def copies(self, prints: Sequence[Fingerprint]) -> list[Known]:
        return self._sharing(self.documents, prints)

    def first_indexed(self, story_ids: Collection[str]) -> dict[str, datetime | None]:
        return {s: self.documents[s][2] if s in self.documents else None for s in story_ids}

    def move(self, moves: Mapping[str, str]) -> int:
        self.moves.append(dict(moves))
        changed = [d for d, (story, _, _) in self.documents.items() if story in moves]
        for doc_id in changed:
            story, print_, ingested = self.documents[doc_id]
            self.documents[doc_id] = (moves[story], print_, ingested)
        return len(changed)

    def story_of(self, doc_id: str) -> str:
        return self.documents[doc_id][0]

    @staticmethod
    def _sharing(
        documents: Mapping[str, tuple[str, Fingerprint, datetime]], prints: Sequence[Fingerprint]
    ) -> list[Known]:
        bands = {band for p in prints for band in p.bands()}
        return [
            Known(doc_id, story, print_)
            for doc_id, (story, print_, _) in sorted(documents.items())
            if bands & set(print_.bands())
        ]


__all__ = [
    "FakeObjectStore",
    "InMemoryStories",
    "ObjectTooLarge",
    "RecordingBackoff",
    "RecordingDeadLetters",
    "RecordingIndexWriter",
    "RecordingReporter",
]
