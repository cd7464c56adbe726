"""Deliver function: alert deliveries queued by ingest (warta.alerts) -> log, signed webhook or SNS.

Wiring only. A channel that refuses is retried by SQS with exponential back-off (the message's
visibility is pushed out: 1st retry after the base delay, then twice as long each time); on the last
receive the message goes to the delivery DLQ with the reason, and the match records it as failed."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import Any

from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.metrics import MetricUnit
from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.typing import LambdaContext
from warta.alerts.delivery import Channels, DeliveryFailed, deliver
from warta.tracing import make_tracer

logger = Logger()
tracer = make_tracer()
metrics = Metrics()
processor = BatchProcessor(event_type=EventType.SQS, raise_on_entire_batch_failure=False)


@dataclass(frozen=True)
class Dependencies:
    client: Any
    alias: str
    channels: Channels
    backoff: Any
    dead_letters: Any
    max_receive_count: int


@cache
def _dependencies() -> Dependencies:
    import boto3
    from warta.adapters.sqs import DeadLetterQueue, RetryBackoff
    from warta.index.client import make_client
    from warta.settings import Settings

    settings = Settings.from_env()
    sqs = boto3.client("sqs")
    sns = boto3.client("sns") if settings.alerts_topic_arn else None
    channels = Channels(local=settings.local_webhooks, sns=sns, topic_arn=settings.alerts_topic_arn)
    backoff = (RetryBackoff(sqs, settings.alerts_queue_url, settings.alerts_retry_base_seconds)
               if settings.alerts_queue_url else None)
    dead_letters = DeadLetterQueue(sqs, settings.alerts_dlq_url) if settings.alerts_dlq_url else None
    return Dependencies(make_client(settings.opensearch_url), settings.index_alias, channels, backoff,
                        dead_letters, settings.alerts_max_receive_count)


@logger.inject_lambda_context
@tracer.capture_lambda_handler
@metrics.log_metrics
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    deps = _dependencies()

    def record_handler(record: SQSRecord) -> None:
        receives = int(record.attributes.approximate_receive_count or 1)
        final = bool(deps.max_receive_count) and receives >= deps.max_receive_count
        message = json.loads(record.body)
        try:
            result = deliver(message, client=deps.client, alias=deps.alias, channels=deps.channels,
                             now=lambda: datetime.now(UTC), attempt=receives, final_try=final)
        except DeliveryFailed as exc:
            metrics.add_metric(name="AlertDeliveriesFailed", unit=MetricUnit.Count, value=1)
            logger.warning(f"alert delivery failed: {exc}", extra={"match_id": message.get("match_id"),
                                                                    "attempt": receives})
            if final and deps.dead_letters is not None:
                deps.dead_letters.send(record.body, reason=str(exc), message_id=record.message_id,
                                       receive_count=receives)
                return
            if deps.backoff is not None:
                deps.backoff.delay(record.receipt_handle, receives)
            raise
        metrics.add_metric(name=f"AlertDeliveries{result.capitalize()}", unit=MetricUnit.Count, value=1)
        logger.info(f"alert delivery {result}", extra={"match_id": message.get("match_id"), "attempt": receives})

    return process_partial_response(event=event, record_handler=record_handler, processor=processor,
                                    context=context)
