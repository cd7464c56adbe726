"""The deliver function's retry policy, with fakes: a refusing webhook is retried with back-off and the
match shows each try; the last allowed try goes to the DLQ as failed; a deleted alert cancels."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from opensearchpy import NotFoundError
from warta.alerts.deliveries import DeliverDependencies, deliver_batch
from warta.alerts.delivery import SIGNATURE_HEADER, Channels, verify

from tests.fakes import RecordingBackoff, RecordingDeadLetters, RecordingReporter

SECRET = "rahasia-uji-coba-0123456789"
ALIAS = "warta-articles"


class FakeIndex:
    """The two alert indices as dicts, answering the calls `warta.alerts.delivery` makes."""

    def __init__(self) -> None:
        self.docs: dict[tuple[str, str], dict[str, Any]] = {}

    def get(self, *, index: str, id: str, **_: Any) -> dict[str, Any]:
        if (index, id) not in self.docs:
            raise NotFoundError(404, "not_found", {})
        return {"_id": id, "_source": self.docs[(index, id)]}

    def update(self, *, index: str, id: str, body: dict[str, Any], **_: Any) -> None:
        if (index, id) not in self.docs:
            raise NotFoundError(404, "not_found", {})
        self.docs[(index, id)]["delivery"] |= body["doc"]["delivery"]


def _setup(
    answers: list[int], max_receives: int = 5
) -> tuple[FakeIndex, DeliverDependencies, list[dict[str, Any]]]:
    index = FakeIndex()
    index.docs[(f"{ALIAS}-alerts", "a1")] = {
        "alert": {
            "name": "banjir",
            "created": "2026-01-01T00:00:00Z",
            "definition": {
                "search": {"q": "banjir"},
                "channel": {"type": "webhook", "url": "http://127.0.0.1:9/h", "secret": SECRET},
            },
        }
    }
    index.docs[(f"{ALIAS}-alert-matches", "m1")] = {
        "content_version": "v1",
        "delivery": {"status": "pending"},
    }
    posted: list[dict[str, Any]] = []

    def post(url: str, body: bytes, headers: dict[str, str], address: str | None) -> int:
        posted.append({"url": url, "body": body, "headers": headers, "address": address})
        return answers[len(posted) - 1]

    deps = DeliverDependencies(
        client=index,
        alias=ALIAS,  # type: ignore[arg-type]
        channels=Channels(local=True, post=post, clock=lambda: 1_700_000_000),
        reporter=RecordingReporter(),
        backoff=RecordingBackoff(),
        dead_letters=RecordingDeadLetters(),
        max_receives=max_receives,
        now=lambda: datetime(2026, 1, 1, tzinfo=UTC),
    )
    return index, deps, posted


def _record(receives: int) -> dict[str, Any]:
    body = {"match_id": "m1", "alert_id": "a1", "content_version": "v1", "payload": {"title": "Banjir"}}
    return {
        "messageId": "q1",
        "body": json.dumps(body),
        "receiptHandle": f"r{receives}",
        "attributes": {"ApproximateReceiveCount": str(receives)},
    }


def test_a_webhook_failing_twice_is_retried_with_back_off_and_delivered_on_the_third_try() -> None:
    index, deps, posted = _setup([500, 503, 200])
    matches = index.docs[(f"{ALIAS}-alert-matches", "m1")]

    assert deliver_batch([_record(1)], deps) == ["q1"]
    assert matches["delivery"] == {
        "status": "retrying",
        "attempts": 1,
        "last_error": "webhook answered 500",
        "updated": "2026-01-01T00:00:00+00:00",
    }
    assert deliver_batch([_record(2)], deps) == ["q1"]
    assert deliver_batch([_record(3)], deps) == []

    assert matches["delivery"]["status"] == "delivered" and matches["delivery"]["attempts"] == 3
    assert deps.backoff.delays == [("r1", 1), ("r2", 2)]  # type: ignore[union-attr]
    assert len({p["headers"]["X-Warta-Delivery"] for p in posted}) == 1
    assert verify(SECRET, posted[-1]["headers"][SIGNATURE_HEADER], posted[-1]["body"], now=1_700_000_000)
    assert posted[-1]["address"] == "127.0.0.1"  # the address the URL check approved
    assert deliver_batch([_record(4)], deps) == []  # queued twice: the second copy is not sent again
    assert len(posted) == 3


def test_the_last_allowed_try_goes_to_the_dlq_and_the_match_says_failed() -> None:
    index, deps, _ = _setup([500, 500], max_receives=2)
    deliver_batch([_record(1)], deps)

    assert deliver_batch([_record(2)], deps) == []
    assert index.docs[(f"{ALIAS}-alert-matches", "m1")]["delivery"]["status"] == "failed"
    assert [s["reason"] for s in deps.dead_letters.sent] == ["webhook answered 500"]  # type: ignore[union-attr]


def test_a_deleted_alert_cancels_its_queued_deliveries() -> None:
    index, deps, posted = _setup([200])
    del index.docs[(f"{ALIAS}-alerts", "a1")]

    assert deliver_batch([_record(1)], deps) == []
    assert posted == []
    assert index.docs[(f"{ALIAS}-alert-matches", "m1")]["delivery"]["status"] == "cancelled"
