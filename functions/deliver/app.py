"""Deliver function: alert deliveries queued by ingest -> log, HMAC-signed webhook or SNS; and, invoked
by the hourly schedule (template.yaml), the digests that are due, queued for itself to deliver.

Wiring only. The work and its retry policy are `warta.alerts.deliveries.deliver_batch`; the messages
to try again come back to SQS as `batchItemFailures`. Digests: `warta.alerts.digests`."""

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
    if "Records" not in event:  # the schedule's event, not a batch from the delivery queue
        return _digests()
    failed = deliver_batch(event.get("Records", []), _dependencies())
    return {"batchItemFailures": [{"itemIdentifier": message_id} for message_id in failed]}


def _digests() -> dict[str, Any]:
    from warta.bootstrap import digest_run
    from warta.settings import Settings

    run = digest_run(Settings.from_env())
    metrics.add_metric(name="AlertDigestsQueued", unit="Count", value=len(run.queued))
    for alert_id, reason in run.failed.items():
        logger.warning("digest not queued", extra={"alert_id": alert_id, "reason": reason})
    if run.failed:  # the schedule's asynchronous invoke retries; queued digests are not queued twice
        raise RuntimeError(f"{len(run.failed)} digest(s) not queued; see the log")
    return {"queued": [d.match_id for d in run.queued]}
