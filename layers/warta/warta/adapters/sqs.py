"""The dead-letter queue: where a message that cannot succeed ends, with the reason attached."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

REASON_ATTRIBUTE = "warta_reason"


class DeadLetterQueue:
    def __init__(self, client: Any, url: str) -> None:
        self._client = client  # an injected boto3 SQS client
        self.url = url

    def send(self, body: str, *, reason: str, message_id: str, receive_count: int) -> None:
        def text(value: str) -> dict[str, str]:
            return {"DataType": "String", "StringValue": value}

        self._client.send_message(QueueUrl=self.url, MessageBody=body, MessageAttributes={
            REASON_ATTRIBUTE: text(reason[:1000] or "unknown"),
            "warta_source_message_id": text(message_id),
            "warta_receive_count": {"DataType": "Number", "StringValue": str(receive_count)},
            "warta_failed_at": text(datetime.now(UTC).isoformat(timespec="seconds")),
        })
