"""Digests: an alert saved with `"digest": "hourly"` or `"daily"` gets one delivery per period that
lists what matched, instead of one delivery per story.

Ingest records such an alert's matches as `waiting` and queues nothing (warta.alerts.matching). Once
an hour the deliver function is invoked by a schedule (template.yaml), and locally `warta alerts
digest` does the same: every due alert's waiting matches become one digest, recorded in the matches
index beside them (`kind: "digest"`), queued on the delivery queue like any delivery (signed, retried
with back-off, dead-lettered with the reason), and its matches are marked `digested` with its id.

A digest's id is a hash of (alert, end of period), so running the same hour twice queues nothing new.
If a run fails after the digest is queued but before its matches are marked, they are listed again
in the next digest: at least once, as every delivery here."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from opensearchpy import NotFoundError, OpenSearch

from .matching import Delivery
from .store import alerts_index, matches_index

DAILY_HOUR_UTC = 0  # daily digests leave at 00:00 UTC: 07:00 in Jakarta (WIB)
MAX_LISTED = 200  # matches per digest; the rest wait for the next one (`more` says how many)
MAX_DIGEST_ALERTS = 1000
REQUEST_TIMEOUT = 10


@dataclass
class DigestRun:
    """What one run did, for the log and the CLI."""

    queued: list[Delivery] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)  # alert id -> why its digest did not go out


def is_due(period: str, now: datetime) -> bool:
    return period == "hourly" or (period == "daily" and now.hour == DAILY_HOUR_UTC)


def period_end(now: datetime) -> datetime:
    """The scheduled run's cut: matches recorded before the top of this hour."""
    return now.replace(minute=0, second=0, microsecond=0)


def digest_id(alert_id: str, until: datetime) -> str:
    return hashlib.sha256(f"digest\x00{alert_id}\x00{until.isoformat()}".encode()).hexdigest()[:40]


def run_digests(
    client: OpenSearch,
    alias: str,
    send: Callable[[list[Delivery]], None],
    now: datetime,
    *,
    until: datetime | None = None,
    every_alert: bool = False,
) -> DigestRun:
    """Queue the digest of every due alert (every digest alert with `every_alert`), covering the
    matches recorded before `until` (by default the top of the hour)."""
    cut = until or period_end(now)
    run = DigestRun()
    for alert_id, name, period in _digest_alerts(client, alias):
        if not (every_alert or is_due(period, now)):
            continue
        try:
            delivery = _queue_one(client, alias, send, alert_id, name, period, cut, now)
        except Exception as exc:  # noqa: BLE001 - one alert's failure must not stop the others' digests
            run.failed[alert_id] = f"{type(exc).__name__}: {exc}"[:500]
            continue
        if delivery is not None:
            run.queued.append(delivery)
    return run


def _digest_alerts(client: OpenSearch, alias: str) -> list[tuple[str, str, str]]:
    try:
        response = client.search(
            index=alerts_index(alias),
            request_timeout=REQUEST_TIMEOUT,
            body={
                "size": MAX_DIGEST_ALERTS,
                "_source": ["alert.name", "alert.digest"],
                "query": {"exists": {"field": "alert.digest"}},
                "sort": [{"alert.created": "asc"}],
            },
        )
    except NotFoundError:
        return []  # no alerts index yet
    return [
        (hit["_id"], hit["_source"]["alert"]["name"], hit["_source"]["alert"]["digest"])
        for hit in response["hits"]["hits"]
    ]


def _queue_one(
    client: OpenSearch,
    alias: str,
    send: Callable[[list[Delivery]], None],
    alert_id: str,
    name: str,
    period: str,
    until: datetime,
    now: datetime,
) -> Delivery | None:
    waiting = client.search(
        index=matches_index(alias),
        request_timeout=REQUEST_TIMEOUT,
        body={
            "size": MAX_LISTED,
            "track_total_hits": True,
            "query": {
                "bool": {
                    "filter": [
                        {"term": {"alert_id": alert_id}},
                        {"term": {"delivery.status": "waiting"}},
                        {"range": {"matched_at": {"lt": until.isoformat()}}},
                    ]
                }
            },
            "sort": [{"matched_at": "asc"}, {"story_id": "asc"}],
        },
    )["hits"]
    listed = waiting["hits"]
    if not listed:
        return None
    digest = digest_id(alert_id, until)
    payload = {
        "kind": "digest",
        "alert_id": alert_id,
        "digest_id": digest,
        "period": period,
        "until": until.isoformat(),
        "total": waiting["total"]["value"],
        "more": waiting["total"]["value"] - len(listed),
        "matches": [_listed(hit["_source"]) for hit in listed],
    }
    if not _record(client, alias, digest, alert_id, name, len(listed), until, now):
        return None  # this period's digest was queued by an earlier run
    delivery = Delivery(digest, alert_id, "", "", "digest", digest, payload)
    try:
        send([delivery])
    except Exception as exc:
        # Its matches stay waiting and go in the next digest; this record says why this one did not.
        failed = {"status": "failed", "last_error": f"not queued: {exc}"[:1000], "updated": now.isoformat()}
        client.update(
            index=matches_index(alias),
            id=digest,
            body={"doc": {"delivery": failed}},
            request_timeout=REQUEST_TIMEOUT,
        )
        raise
    _mark_digested(client, alias, [hit["_id"] for hit in listed], digest, now)
    return delivery


def _listed(match: dict[str, Any]) -> dict[str, Any]:
    keys = ("kind", "story_id", "document_id", "title", "url", "site", "published", "matched_at")
    return {key: match.get(key) for key in keys}


def _record(
    client: OpenSearch,
    alias: str,
    digest: str,
    alert_id: str,
    name: str,
    listed: int,
    until: datetime,
    now: datetime,
) -> bool:
    """The digest's own match record, created once (a bulk create: POST, which the deliver function's
    role may send). False when it exists already."""
    record = {
        "alert_id": alert_id,
        "title": f"{name}: {listed} match{'es' if listed != 1 else ''} until {until.isoformat()}",
        "matched_at": until.isoformat(),
        "kind": "digest",
        "content_version": digest,
        "event_version": 0,
        "delivery": {"status": "pending", "attempts": 0, "last_error": None, "updated": now.isoformat()},
    }
    answer = client.bulk(
        body=[{"create": {"_index": matches_index(alias), "_id": digest}}, record],
        refresh="wait_for",
        request_timeout=REQUEST_TIMEOUT,
    )
    outcome = answer["items"][0]["create"]
    if outcome.get("status") == 409:
        return False
    if "error" in outcome:
        raise RuntimeError(f"digest record refused: {outcome['error']}")
    return True


def _mark_digested(client: OpenSearch, alias: str, match_ids: list[str], digest: str, now: datetime) -> None:
    delivery = {"status": "digested", "digest_id": digest, "updated": now.isoformat()}
    body: list[dict[str, Any]] = []
    for match in match_ids:
        body += [{"update": {"_index": matches_index(alias), "_id": match}}, {"doc": {"delivery": delivery}}]
    answer = client.bulk(body=body, refresh="wait_for", request_timeout=REQUEST_TIMEOUT)
    if answer.get("errors"):
        failed = [item["update"] for item in answer["items"] if "error" in item["update"]]
        raise RuntimeError(f"{len(failed)} match(es) not marked digested: {failed[0]['error']}")
