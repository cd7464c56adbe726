"""S3 notifications as SQS carries them: the object events one message body holds."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal
from urllib.parse import unquote_plus


@dataclass(frozen=True, slots=True)
class ObjectEvent:
    kind: Literal["created", "removed"]
    bucket: str
    key: str  # URL-decoded
    version: int  # orders events for the same key; see `_event_version`


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
    except (KeyError, ValueError, AttributeError, TypeError):
        moment = datetime.now(UTC)
    return int(moment.timestamp() * 1000)
