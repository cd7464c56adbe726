"""Delivering a match: to the log (the local stack's default, read back by `warta alerts matches`), to
a webhook signed with HMAC-SHA256, or to the stack's SNS topic. Each try is recorded on the match, so
a failing channel is visible; the queue retries with back-off (functions/deliver)."""

from __future__ import annotations

import hashlib
import hmac
import http.client
import json
import logging
import socket
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, Protocol
from urllib.parse import urlsplit

from opensearchpy import NotFoundError, OpenSearch

from .definition import Channel
from .matching import Delivery
from .store import AlertNotFound, channel_of, get_stored, matches_index
from .urls import UnsafeUrl, check_webhook_url

log = logging.getLogger("warta.alerts")
WEBHOOK_TIMEOUT = 5.0
SIGNATURE_HEADER = "X-Warta-Signature"
Result = Literal["delivered", "cancelled", "duplicate"]


class DeliveryFailed(Exception):
    """The channel did not take the delivery; the queue tries again later."""


class Publisher(Protocol):
    def publish(self, **kwargs: Any) -> Any: ...


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """HTTPS to one given address, while the certificate, SNI and Host header still name the host:
    the address the URL check approved is the one the delivery reaches."""

    def __init__(self, host: str, address: str, port: int, timeout: float, context: ssl.SSLContext) -> None:
        super().__init__(host, port, timeout=timeout, context=context)
        self._address = address
        self._tls = context

    def connect(self) -> None:
        raw = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._tls.wrap_socket(raw, server_hostname=self.host)


def post(
    url: str,
    body: bytes,
    headers: dict[str, str],
    address: str | None = None,
    *,
    context: ssl.SSLContext | None = None,
) -> int:
    """POST `body` and return the status. With `address`, the connection goes there and nowhere else.
    Redirects are not followed: one could lead past the address check, so a 3xx counts as a failure."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    connection: http.client.HTTPConnection
    if parts.scheme == "https":
        tls = context or ssl.create_default_context()
        port = parts.port or 443
        connection = (
            _PinnedHTTPSConnection(host, address, port, WEBHOOK_TIMEOUT, tls)
            if address
            else http.client.HTTPSConnection(host, port, timeout=WEBHOOK_TIMEOUT, context=tls)
        )
    else:
        connection = http.client.HTTPConnection(address or host, parts.port or 80, timeout=WEBHOOK_TIMEOUT)
    try:
        connection.request(
            "POST", target, body=body, headers={"Host": parts.netloc.rpartition("@")[2], **headers}
        )
        return int(connection.getresponse().status)
    finally:
        connection.close()


@dataclass(frozen=True)
class Channels:
    """How deliveries leave: injected, so tests and the local stack choose their own ends."""

    local: bool = False  # plain http to 127.0.0.1 allowed; no address checks
    sns: Publisher | None = None
    topic_arn: str | None = None
    post: Callable[[str, bytes, dict[str, str], str | None], int] = post
    clock: Callable[[], float] = time.time


def message_body(delivery: Delivery) -> str:
    """The delivery queue's message: everything needed to deliver, but no secret."""
    return json.dumps(
        {
            "match_id": delivery.match_id,
            "alert_id": delivery.alert_id,
            "content_version": delivery.content_version,
            "payload": delivery.payload,
        }
    )


def sign(secret: str, timestamp: int, body: bytes) -> str:
    """`t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>." + body>`: the timestamp is signed too, so a
    receiver can refuse replays of old deliveries."""
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def verify(secret: str, header: str, body: bytes, *, now: float, tolerance: float = 300) -> bool:
    """What a receiver does (documented in docs/alerts.md; used by the tests' receiver)."""
    try:
        parts = dict(item.split("=", 1) for item in header.split(","))
        timestamp = int(parts["t"])
    except (ValueError, KeyError):
        return False
    return abs(now - timestamp) <= tolerance and hmac.compare_digest(sign(secret, timestamp, body), header)


def deliver(
    message: dict[str, Any],
    *,
    client: OpenSearch,
    alias: str,
    channels: Channels,
    now: Callable[[], datetime],
    attempt: int = 1,
    final_try: bool = False,
) -> Result:
    """One try (the `attempt`-th). Raises DeliveryFailed when the channel refused; the match records
    the outcome, so a failing channel is visible in `GET /alerts/{id}/matches`."""
    match = message["match_id"]
    if _already_delivered(client, alias, match, message["content_version"]):
        return "duplicate"  # at-least-once upstream: the same version queued twice goes out once
    try:
        stored = get_stored(client, alias, message["alert_id"])
    except AlertNotFound:
        _record(client, alias, match, now, "cancelled", None, None)
        return "cancelled"  # the alert was deleted: its deliveries stop
    payload = message["payload"]
    envelope = {
        "alert": {"id": stored["id"], "name": stored["name"]},
        "digest" if payload.get("kind") == "digest" else "match": payload,
        "delivery_id": f"{match}.{message['content_version']}",
    }
    try:
        _send(channel_of(stored), envelope, channels)
    except DeliveryFailed as exc:
        _record(client, alias, match, now, "failed" if final_try else "retrying", str(exc), attempt)
        raise
    _record(client, alias, match, now, "delivered", None, attempt)
    return "delivered"


def _send(channel: Channel, envelope: dict[str, Any], channels: Channels) -> None:
    body = json.dumps(envelope, ensure_ascii=False, separators=(",", ":")).encode()
    if channel.type == "log":
        log.info("alert delivery %s", body.decode())
        return
    if channel.type == "sns":
        if channels.sns is None or not channels.topic_arn:
            raise DeliveryFailed("no alert topic configured")
        try:
            channels.sns.publish(
                TopicArn=channels.topic_arn,
                Message=body.decode(),
                MessageAttributes={
                    "alert_id": {"DataType": "String", "StringValue": envelope["alert"]["id"]}
                },
            )
        except Exception as exc:  # any SDK error: try again later
            raise DeliveryFailed(f"sns: {type(exc).__name__}: {exc}") from exc
        return
    url = channel.url or ""
    try:  # again at delivery (DNS answers change), and the delivery goes to the address checked
        address = check_webhook_url(url, local=channels.local)
    except UnsafeUrl as exc:
        raise DeliveryFailed(f"webhook url refused: {exc}") from exc
    timestamp = int(channels.clock())
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "warta-alerts/1",
        "X-Warta-Delivery": envelope["delivery_id"],
        SIGNATURE_HEADER: sign(channel.secret or "", timestamp, body),
    }
    try:
        status = channels.post(url, body, headers, address)
    except (OSError, ValueError) as exc:
        raise DeliveryFailed(f"webhook: {type(exc).__name__}: {exc}") from exc
    if not 200 <= status < 300:
        raise DeliveryFailed(f"webhook answered {status}")


def _already_delivered(client: OpenSearch, alias: str, match: str, version: str) -> bool:
    try:
        found = client.get(
            index=matches_index(alias), id=match, _source_includes=["content_version", "delivery"]
        )
    except NotFoundError:
        return False
    source = found["_source"]
    return bool(
        source.get("content_version") == version and source.get("delivery", {}).get("status") == "delivered"
    )


def _record(
    client: OpenSearch,
    alias: str,
    match: str,
    now: Callable[[], datetime],
    status: str,
    error: str | None,
    attempt: int | None,
) -> None:
    delivery: dict[str, Any] = {
        "status": status,
        "last_error": error[:1000] if error else None,
        "updated": now().isoformat(),
    }
    if attempt is not None:
        delivery["attempts"] = attempt
    try:
        client.update(
            index=matches_index(alias), id=match, retry_on_conflict=3, body={"doc": {"delivery": delivery}}
        )
    except NotFoundError:
        log.warning("match %s is gone; delivery status %s not recorded", match, status)
