"""Matching at ingest: one multi-document percolate per batch of indexed articles against every saved
search, then one match record per (alert, story), so a story fires an alert once. A changed article
(new content, newer event) fires once more as an update; the same content never fires again."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Literal

from opensearchpy import ConflictError, NotFoundError, OpenSearch

from ..index.mapping import NESTED_FIELDS, write_alias
from ..index.query import SEARCH_FIELDS
from ..ports import WriteAction, WriteResult
from .store import alerts_index, matches_index

MAX_MATCHED_ALERTS = 10_000  # per batch; beyond this a batch is percolated again (see percolate)
REQUEST_TIMEOUT = 10


@dataclass(frozen=True, slots=True)
class Indexed:
    """An article the batch just wrote: its id, its document, and its event version (S3 event time)."""

    doc_id: str
    document: dict[str, Any]
    event_version: int


@dataclass(frozen=True, slots=True)
class Delivery:
    """A match to deliver: the key receivers deduplicate on is (alert_id, story_id, content_version)."""

    match_id: str
    alert_id: str
    story_id: str
    document_id: str
    kind: Literal["new", "update", "digest"]
    content_version: str
    payload: dict[str, Any]
    resend: bool = False  # recorded earlier but perhaps never queued (the batch failed after recording)


def story_id(document: dict[str, Any]) -> str:
    """The story an article belongs to: the `story_id` ingest gave it (warta.stories), else the article
    itself (a document written without the story look-up)."""
    return str(document.get("story_id") or document["id"])


def content_version(document: dict[str, Any]) -> str:
    """What "the same version" of an article means for alerts: the same title and body."""
    text = f"{document.get('title') or ''}\n{document.get('body') or ''}"
    return hashlib.sha256(text.encode()).hexdigest()[:20]


def match_id(alert_id: str, story: str) -> str:
    return hashlib.sha256(f"{alert_id}\x00{story}".encode()).hexdigest()[:40]


@dataclass(frozen=True, slots=True)
class Matched:
    alert_id: str
    slot: int  # the article's position in the percolated batch
    digest: str | None  # the alert's digest period; None: delivered at once


def percolate(client: OpenSearch, alias: str, articles: Sequence[Indexed]) -> list[Matched]:
    """Every saved search an article of the batch matches, with the article's slot, in one request."""
    if not articles:
        return []
    try:
        response = client.search(
            index=alerts_index(alias), body=percolate_body(articles), request_timeout=REQUEST_TIMEOUT
        )
    except NotFoundError:
        return []  # no alerts index (a deployment from before alerts): nothing to match
    hits = response["hits"]["hits"]
    if len(hits) >= MAX_MATCHED_ALERTS and len(articles) > 1:  # too many to see at once: halve the batch
        half = len(articles) // 2
        return percolate(client, alias, articles[:half]) + [
            replace(m, slot=m.slot + half) for m in percolate(client, alias, articles[half:])
        ]
    return [
        Matched(hit["_id"], int(slot), (hit.get("_source") or {}).get("alert", {}).get("digest"))
        for hit in hits
        for slot in hit.get("fields", {}).get("_percolator_document_slot", [0])
    ]


def _searched_fields() -> frozenset[str]:
    """The document fields a saved search can look at: the text fields the search matches, the facets
    it filters on and the date it ranges over. Nested fields are left out: a search's top-level query
    never reaches inside nested documents (`officials.name` in SEARCH_FIELDS matches no root document),
    so they cannot change a match, while indexing them multiplies the percolator's work per article."""
    text = {re.split(r"[.^]", spec, maxsplit=1)[0] for spec in SEARCH_FIELDS}
    return frozenset((text | {"facet", "published"}) - NESTED_FIELDS)


SEARCHED_FIELDS = _searched_fields()


def percolated(document: dict[str, Any]) -> dict[str, Any]:
    """The part of an article a saved search can match (see `_searched_fields`)."""
    return {name: value for name, value in document.items() if name in SEARCHED_FIELDS}


def percolate_body(articles: Sequence[Indexed]) -> dict[str, Any]:
    # In filter context the percolator computes no scores (which alert matched is all we ask): about
    # a tenth less node CPU on the benchmark, with the same matches and slots.
    percolate = {"percolate": {"field": "query", "documents": [percolated(a.document) for a in articles]}}
    return {
        "size": MAX_MATCHED_ALERTS,
        "_source": ["alert.digest"],  # a digest alert's matches wait for its digest (alerts.digests)
        "track_total_hits": False,
        "query": {"constant_score": {"filter": percolate}},
    }


def record_matches(
    client: OpenSearch, alias: str, articles: Sequence[Indexed], now: datetime
) -> list[Delivery]:
    """Percolate the batch and record what is new; return the deliveries to send. A record written by
    another worker first (409) is theirs to deliver."""
    matched = percolate(client, alias, articles)
    if not matched:
        return []
    candidates: dict[str, tuple[Matched, Indexed]] = {}
    for m in matched:
        article = articles[m.slot]
        candidates.setdefault(match_id(m.alert_id, story_id(article.document)), (m, article))
    existing = client.mget(
        index=matches_index(alias), body={"ids": list(candidates)}, request_timeout=REQUEST_TIMEOUT
    )["docs"]
    deliveries: list[Delivery] = []
    for found in existing:
        m, article = candidates[found["_id"]]
        delivery = _decide(found, m.alert_id, article)
        if delivery is None:
            continue
        if delivery.resend:
            deliveries.append(delivery)
            continue
        record = _record(delivery, article, now, waiting=m.digest is not None)
        options: dict[str, Any] = (
            {"op_type": "create"}
            if delivery.kind == "new"
            else {"if_seq_no": found["_seq_no"], "if_primary_term": found["_primary_term"]}
        )
        try:
            client.index(
                index=matches_index(alias),
                id=delivery.match_id,
                body=record,
                request_timeout=REQUEST_TIMEOUT,
                **options,
            )
        except ConflictError:
            continue  # another worker recorded this match first: theirs to deliver
        if m.digest is None:  # a digest alert's match waits, recorded, for the next digest
            deliveries.append(delivery)
    return deliveries


def _decide(found: dict[str, Any], alert_id: str, article: Indexed) -> Delivery | None:
    document = article.document
    story, version = story_id(document), content_version(document)
    if not found.get("found"):
        return _delivery(found["_id"], alert_id, story, article, "new", version)
    previous = found["_source"]
    if previous["document_id"] != article.doc_id:
        return None  # another copy of the story already fired
    if previous["content_version"] == version:
        if (previous.get("delivery") or {}).get("status") == "pending":
            # Recorded, but the batch may have failed before queueing it: queue again (receivers and
            # the delivery function drop a delivery id they have already seen).
            return replace(
                _delivery(found["_id"], alert_id, story, article, previous["kind"], version), resend=True
            )
        return None  # the same version again
    if previous["event_version"] >= article.event_version:
        return None  # an older event arriving late
    return _delivery(found["_id"], alert_id, story, article, "update", version)


def _delivery(
    mid: str, alert_id: str, story: str, article: Indexed, kind: Literal["new", "update"], version: str
) -> Delivery:
    document = article.document
    payload = {
        "alert_id": alert_id,
        "kind": kind,
        "story_id": story,
        "document_id": article.doc_id,
        "content_version": version,
        "title": document.get("title"),
        "url": document.get("url"),
        "site": document.get("site"),
        "published": document.get("published"),
        "officials": [o.get("name") for o in document.get("officials", [])][:20],
        "regions": [r.get("canonical") for r in document.get("regions", [])][:20],
    }
    return Delivery(mid, alert_id, story, article.doc_id, kind, version, payload)


def _record(delivery: Delivery, article: Indexed, now: datetime, *, waiting: bool = False) -> dict[str, Any]:
    document = article.document
    return {
        "alert_id": delivery.alert_id,
        "story_id": delivery.story_id,
        "document_id": delivery.document_id,
        "title": document.get("title"),
        "url": document.get("url"),
        "site": document.get("site"),
        "published": document.get("published"),
        "matched_at": now.isoformat(),
        "kind": delivery.kind,
        "content_version": delivery.content_version,
        "event_version": article.event_version,
        "delivery": {
            "status": "waiting" if waiting else "pending",
            "attempts": 0,
            "last_error": None,
            "updated": now.isoformat(),
        },
    }


class AlertMatcher:
    """The ingest hook: after a batch's bulk write, percolate the articles it indexed and queue the
    deliveries. Returns the messages whose matching failed, so SQS retries them (the index write is
    idempotent and matching deduplicates, so a retry fires nothing twice)."""

    def __init__(
        self,
        client: OpenSearch,
        alias: str,
        notify: Callable[[list[Delivery]], None],
        now: Callable[[], datetime],
    ) -> None:
        self._client, self._alias, self._notify, self._now = client, alias, notify, now

    def match(
        self, actions: Sequence[WriteAction], owners: Sequence[str], results: Sequence[WriteResult]
    ) -> dict[str, str]:
        target = write_alias(self._alias)
        indexed = [
            (owner, Indexed(a.doc_id, dict(a.document), a.version))
            for a, owner, r in zip(actions, owners, results, strict=True)
            if a.op == "index" and a.index == target and a.document is not None and r.outcome == "indexed"
        ]
        if not indexed:
            return {}
        try:
            self._notify(record_matches(self._client, self._alias, [i for _, i in indexed], self._now()))
        except Exception as exc:  # noqa: BLE001 - OpenSearch or the queue: retry these messages
            reason = f"alerts: {type(exc).__name__}: {exc}"[:500]
            return {owner: reason for owner, _ in indexed}
        return {}
