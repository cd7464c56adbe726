"""Deliver function: alert deliveries queued by ingest -> log, HMAC-signed webhook or SNS.

Wiring only. The work and its retry policy are `warta.alerts.deliveries.deliver_batch`; the messages
to try again come back to SQS as `batchItemFailures`."""

from __future__ import annotations

from functools import cache
from typing import Any

from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.utilities.typing import LambdaContext
from warta.alerts.deliveries import DeliverDependencies, deliver_batch
from warta.tracing import make_tracer

logger = Logger()
tracer = make_tracer()  # a no-op unless tracing is on (warta.tracing)
metrics = Metrics()


@cache
def _dependencies() -> DeliverDependencies:
    """Built once per execution environment, at the first invocation rather than at import."""
    from warta.adapters.observability import PowertoolsReporter
    from warta.bootstrap import deliver_dependencies
    from warta.settings import Settings

    return deliver_dependencies(Settings.from_env(), PowertoolsReporter(logger, metrics))


@logger.inject_lambda_context
@tracer.capture_lambda_handler
@metrics.log_metrics
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    failed = deliver_batch(event.get("Records", []), _dependencies())
    return {"batchItemFailures": [{"itemIdentifier": message_id} for message_id in failed]}
