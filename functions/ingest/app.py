"""Ingest function: SQS messages carrying S3 notifications -> parse, enrich, index.

Wiring only. The work and its policy are `warta.ingest.process_batch`; the failed messages come back to
SQS as `batchItemFailures`, so only they are retried."""

from __future__ import annotations

from functools import cache
from typing import Any

from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.utilities.typing import LambdaContext
from warta.ingest import Dependencies, process_batch
from warta.tracing import make_tracer

logger = Logger()
tracer = make_tracer()  # a no-op unless tracing is on (warta.tracing)
metrics = Metrics()


@cache
def _dependencies() -> Dependencies:
    """Built once per execution environment, at the first invocation rather than at import."""
    from warta.adapters.observability import PowertoolsReporter
    from warta.bootstrap import ingest_dependencies
    from warta.settings import Settings

    return ingest_dependencies(Settings.from_env(), PowertoolsReporter(logger, metrics))


@logger.inject_lambda_context
@tracer.capture_lambda_handler
@metrics.log_metrics
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    # A batch whose every message failed is still answered with batchItemFailures rather than an
    # invocation error: the effect on SQS is the same, and the error metric stays for real crashes.
    failed = process_batch(event.get("Records", []), _dependencies())
    return {"batchItemFailures": [{"itemIdentifier": message_id} for message_id in failed]}
