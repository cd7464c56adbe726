"""The delivery queue: one SQS message per delivery, consumed by the deliver function, which retries
a failing channel with back-off and finally leaves the message in its DLQ with the reason."""

from __future__ import annotations

from typing import Any

from .delivery import message_body
from .matching import Delivery


class DeliveryQueue:
    def __init__(self, client: Any, url: str) -> None:
        self._client = client  # an injected boto3 SQS client
        self.url = url

    def send(self, deliveries: list[Delivery]) -> None:
        for start in range(0, len(deliveries), 10):  # SQS's batch limit
            chunk = deliveries[start : start + 10]
            answer = self._client.send_message_batch(
                QueueUrl=self.url,
                Entries=[{"Id": str(n), "MessageBody": message_body(d)} for n, d in enumerate(chunk)],
            )
            if answer.get("Failed"):
                raise RuntimeError(
                    f"delivery queue refused {len(answer['Failed'])} message(s): "
                    f"{answer['Failed'][0].get('Message', '')}"
                )
