"""Reconcile function: on a schedule, make the index match the bucket again (see warta.reconcile).

Wiring only. One invocation handles one prefix (the event's "prefix", default all keys); for very large
buckets, schedule one rule per prefix so each run stays well inside Lambda's 15 minutes."""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.metrics import MetricUnit
from aws_lambda_powertools.utilities.typing import LambdaContext
from warta.tracing import make_tracer

logger = Logger()
tracer = make_tracer()  # a no-op unless tracing is on (warta.tracing)
metrics = Metrics()


@logger.inject_lambda_context
@tracer.capture_lambda_handler
@metrics.log_metrics
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, int]:
    from warta import bootstrap, reconcile
    from warta.settings import Settings

    settings = Settings.from_env()
    bucket, queue_url = settings.required("bucket"), settings.required("queue_url")
    prefix = str(event.get("prefix", ""))
    client = bootstrap.index_client(settings, timeout=60)
    result = reconcile.survey(
        bootstrap.aws_client("s3"), client, bucket=bucket, alias=settings.index_alias, prefix=prefix
    )
    if not event.get("dry_run"):
        reconcile.apply(
            result,
            bucket=bucket,
            sqs=bootstrap.aws_client("sqs"),
            queue_url=queue_url,
            client=client,
            alias=settings.index_alias,
        )
    summary = result.summary()
    for name, count in summary.items():
        metrics.add_metric(
            name=f"Reconcile{name.title().replace('_', '')}", unit=MetricUnit.Count, value=count
        )
    logger.info("reconciled", extra={"prefix": prefix, **summary})
    return summary
