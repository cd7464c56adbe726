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

        self._client.send_message(
            QueueUrl=self.url,
            MessageBody=body,
            MessageAttributes={
                REASON_ATTRIBUTE: text(reason[:1000] or "unknown"),
                "warta_source_message_id": text(message_id),
                "warta_receive_count": {"DataType": "Number", "StringValue": str(receive_count)},
                "warta_failed_at": text(datetime.now(UTC).isoformat(timespec="seconds")),
            },
        )


class RetryBackoff:
    """Delays the next delivery of a failed message by changing its visibility timeout: exponential
    back-off, so that a longer outage (a restarting cluster) does not use up the queue's receives
    before it is over."""

    def __init__(self, client: Any, queue_url: str, base_seconds: int) -> None:
        self._client = client
        self.queue_url = queue_url
        self.base_seconds = base_seconds

    def delay(self, receipt_handle: str, receive_count: int) -> int:
        seconds = retry_delay(receive_count, self.base_seconds)
        self._client.change_message_visibility(
            QueueUrl=self.queue_url, ReceiptHandle=receipt_handle, VisibilityTimeout=seconds
        )
        return seconds


MAX_VISIBILITY_SECONDS = 12 * 3600  # SQS's ceiling


def retry_delay(receive_count: int, base_seconds: int) -> int:
    """base, 2 x base, 4 x base ... for the 1st, 2nd, 3rd ... failed receive."""
    doublings: int = max(receive_count - 1, 0)
    return min(base_seconds * (1 << doublings), MAX_VISIBILITY_SECONDS)
