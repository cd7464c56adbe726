"""Ingest function: SQS messages carrying S3 notifications -> parse, enrich, index.

Wiring only. The work is `warta.ingest.ingest_messages`; failures come back to SQS as
`batchItemFailures`, so only the failed messages are retried."""

from __future__ import annotations

from functools import cache
from typing import Any

from aws_lambda_powertools import Logger, Metrics, Tracer
from aws_lambda_powertools.metrics import MetricUnit
from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.typing import LambdaContext

from warta.ingest import MessageOutcome, ingest_messages

logger = Logger()
tracer = Tracer()
metrics = Metrics()
processor = BatchProcessor(event_type=EventType.SQS)


class RetryLater(Exception):
    """Raised for a message whose failure may pass: SQS delivers it again, then to the DLQ."""


@cache
def _dependencies() -> tuple[Any, Any, str]:
    """Built once per execution environment, at the first invocation rather than at import."""
    import boto3

    from warta.adapters.s3 import S3ObjectStore
    from warta.index.client import make_client
    from warta.index.setup import ensure_index
    from warta.settings import Settings

    settings = Settings.from_env()
    client = make_client(settings.opensearch_url)
    ensure_index(client, settings.index_alias)
    return client, S3ObjectStore(boto3.client("s3")), settings.index_alias


@logger.inject_lambda_context
@tracer.capture_lambda_handler
@metrics.log_metrics
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    client, store, alias = _dependencies()
    messages = [(r["messageId"], r["body"]) for r in event.get("Records", [])]
    outcomes = ingest_messages(messages, store=store, client=client, alias=alias)
    for message_id, outcome in outcomes.items():
        _report(message_id, outcome)

    def record_handler(record: SQSRecord) -> None:
        outcome = outcomes[record.message_id]
        if outcome.should_retry:
            raise RetryLater(outcome.reason)

    return process_partial_response(event=event, record_handler=record_handler, processor=processor,
                                    context=context)


def _report(message_id: str, outcome: MessageOutcome) -> None:
    metrics.add_metric(name=f"Messages{outcome.status.capitalize()}", unit=MetricUnit.Count, value=1)
    fields = {"message_id": message_id, "status": outcome.status, "keys": list(outcome.keys)}
    if outcome.status in ("rejected", "retry"):
        logger.warning(f"message {outcome.status}: {outcome.reason}", extra=fields)
    else:
        logger.info(f"message {outcome.status}", extra=fields)
