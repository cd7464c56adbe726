"""Ingest function: SQS messages carrying S3 notifications -> parse, enrich, index.

Wiring only. The work is `warta.ingest.ingest_messages`; failures come back to SQS as
`batchItemFailures`, so only the failed messages are retried."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import Any

from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.metrics import MetricUnit
from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.typing import LambdaContext
from warta.ingest import MessageOutcome, ingest_messages
from warta.tracing import make_tracer

logger = Logger()
tracer = make_tracer()  # a no-op unless tracing is on (warta.tracing)
metrics = Metrics()
# A batch whose every message failed is still answered with batchItemFailures rather than an invocation
# error: the effect on SQS is the same, and the error metric stays for real crashes.
processor = BatchProcessor(event_type=EventType.SQS, raise_on_entire_batch_failure=False)


class RetryLater(Exception):
    """Raised for a message whose failure may pass: SQS delivers it again, then to the DLQ."""


@dataclass(frozen=True)
class Dependencies:
    client: Any
    store: Any
    dead_letters: Any
    backoff: Any
    alias: str
    max_receive_count: int
    alerts: Any = None  # warta.alerts.matching.AlertMatcher, when the stack has a delivery queue


@cache
def _dependencies() -> Dependencies:
    """Built once per execution environment, at the first invocation rather than at import. No network
    calls here: the index is created at deployment (functions/setup) or by `warta local up`."""
    import boto3
    from warta.adapters.s3 import S3ObjectStore
    from warta.adapters.sqs import DeadLetterQueue, RetryBackoff
    from warta.index.client import make_client
    from warta.settings import Settings

    settings = Settings.from_env()
    sqs = boto3.client("sqs")
    dead_letters = DeadLetterQueue(sqs, settings.dlq_url) if settings.dlq_url else None
    backoff = RetryBackoff(sqs, settings.queue_url, settings.retry_base_seconds) if settings.queue_url else None
    client = make_client(settings.opensearch_url)
    alerts = None
    if settings.alerts_queue_url:
        from warta.alerts.matching import AlertMatcher
        from warta.alerts.queue import DeliveryQueue

        alerts = AlertMatcher(client, settings.index_alias, DeliveryQueue(sqs, settings.alerts_queue_url).send,
                              now=lambda: datetime.now(UTC))
    return Dependencies(client, S3ObjectStore(boto3.client("s3")), dead_letters,
                        backoff, settings.index_alias, settings.max_receive_count, alerts)


@logger.inject_lambda_context
@tracer.capture_lambda_handler
@metrics.log_metrics
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    deps = _dependencies()
    messages = [(r["messageId"], r["body"]) for r in event.get("Records", [])]
    outcomes = ingest_messages(messages, store=deps.store, client=deps.client, alias=deps.alias, alerts=deps.alerts)

    def record_handler(record: SQSRecord) -> None:
        outcome = outcomes[record.message_id]
        receives = int(record.attributes.approximate_receive_count or 1)
        disposition = outcome.disposition(receives, deps.max_receive_count)
        if disposition == "dead-letter" and deps.dead_letters is not None:
            # If the send raises, BatchProcessor reports the message as failed and SQS retries it.
            deps.dead_letters.send(record.body, reason=outcome.reason, message_id=record.message_id,
                                   receive_count=receives)
        elif disposition != "acknowledge":
            if deps.backoff is not None:
                _back_off(deps.backoff, record, receives)
            raise RetryLater(outcome.reason)
        _report(record.message_id, outcome, disposition)

    return process_partial_response(event=event, record_handler=record_handler, processor=processor,
                                    context=context)


def _back_off(backoff: Any, record: SQSRecord, receives: int) -> None:
    try:
        seconds = backoff.delay(record.receipt_handle, receives)
        logger.info(f"next try in {seconds} s", extra={"message_id": record.message_id})
    except Exception as exc:  # noqa: BLE001 - without the delay, the queue's own visibility timeout applies
        logger.warning(f"could not delay the next try: {type(exc).__name__}: {exc}",
                       extra={"message_id": record.message_id})


def _report(message_id: str, outcome: MessageOutcome, disposition: str) -> None:
    metrics.add_metric(name=f"Messages{outcome.status.capitalize()}", unit=MetricUnit.Count, value=1)
    fields = {"message_id": message_id, "status": outcome.status, "disposition": disposition,
              "keys": list(outcome.keys)}
    if outcome.status in ("rejected", "retry", "poison"):
        logger.warning(f"message {outcome.status}: {outcome.reason}", extra=fields)
    else:
        logger.info(f"message {outcome.status}", extra=fields)
