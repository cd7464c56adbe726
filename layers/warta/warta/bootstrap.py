"""The composition root: real dependencies built from `Settings`, in one place, for the four handlers
and the CLI. Nothing else turns configuration into SDK clients. No network calls here: clients
connect on first use."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .settings import Settings

if TYPE_CHECKING:
    from opensearchpy import OpenSearch

    from .alerts.deliveries import DeliverDependencies
    from .alerts.digests import DigestRun
    from .alerts.matching import AlertMatcher
    from .ingest import Dependencies
    from .ports import Reporter


def ingest_dependencies(settings: Settings, reporter: Reporter) -> Dependencies:
    """What `warta.ingest.process_batch` needs in production: S3, the index, the DLQ and back-off."""
    from .adapters.s3 import S3ObjectStore
    from .adapters.sqs import DeadLetterQueue, RetryBackoff
    from .index.bulk import OpenSearchIndexWriter
    from .index.stories import OpenSearchStoryLookup
    from .index.story_merge import OpenSearchStoryMerger
    from .ingest import Dependencies

    sqs = aws_client("sqs")
    client = index_client(settings)
    return Dependencies(
        store=S3ObjectStore(aws_client("s3")),
        writer=OpenSearchIndexWriter(client),
        stories=OpenSearchStoryLookup(client, settings.index_alias),
        merger=OpenSearchStoryMerger(client, settings.index_alias),
        reporter=reporter,
        alias=settings.index_alias,
        dead_letters=DeadLetterQueue(sqs, settings.dlq_url) if settings.dlq_url else None,
        backoff=RetryBackoff(sqs, settings.queue_url, settings.retry_base_seconds)
        if settings.queue_url
        else None,
        max_receives=settings.max_receive_count,
        alerts=alert_matcher(settings, client, sqs),
    )


def alert_matcher(settings: Settings, client: OpenSearch, sqs: Any) -> AlertMatcher | None:
    """Matching saved searches at ingest, when the stack has an alert delivery queue."""
    if not settings.alerts_queue_url:
        return None
    from datetime import UTC, datetime

    from .alerts.matching import AlertMatcher
    from .alerts.queue import DeliveryQueue

    return AlertMatcher(
        client,
        settings.index_alias,
        DeliveryQueue(sqs, settings.alerts_queue_url).send,
        now=lambda: datetime.now(UTC),
    )


def deliver_dependencies(settings: Settings, reporter: Reporter) -> DeliverDependencies:
    """What the deliver function needs: the index (alerts and matches), the channels, back-off and DLQ."""
    from .adapters.sqs import DeadLetterQueue, RetryBackoff
    from .alerts.deliveries import DeliverDependencies
    from .alerts.delivery import Channels

    sqs = aws_client("sqs")
    channels = Channels(
        local=settings.local_webhooks,
        topic_arn=settings.alerts_topic_arn,
        sns=aws_client("sns") if settings.alerts_topic_arn else None,
    )
    return DeliverDependencies(
        client=index_client(settings),
        alias=settings.index_alias,
        channels=channels,
        reporter=reporter,
        backoff=(
            RetryBackoff(sqs, settings.alerts_queue_url, settings.alerts_retry_base_seconds)
            if settings.alerts_queue_url
            else None
        ),
        dead_letters=DeadLetterQueue(sqs, settings.alerts_dlq_url) if settings.alerts_dlq_url else None,
        max_receives=settings.alerts_max_receive_count,
    )


def digest_run(settings: Settings) -> DigestRun:
    """The hourly schedule's work, for the deliver function: queue every due digest."""
    from datetime import UTC, datetime

    from .alerts.digests import run_digests
    from .alerts.queue import DeliveryQueue

    if not settings.alerts_queue_url:
        raise RuntimeError("WARTA_ALERTS_QUEUE_URL is not set: digests have nowhere to go")
    queue = DeliveryQueue(aws_client("sqs"), settings.alerts_queue_url)
    return run_digests(index_client(settings), settings.index_alias, queue.send, datetime.now(UTC))


def search_index(settings: Settings) -> tuple[OpenSearch, str]:
    """The read side: a client whose errors are domain errors (`warta.index.errors`), on one kept-alive
    connection (`warta.index.read_connection`: an execution environment runs one request at a time), and
    the read alias."""
    from .index.errors import DomainErrorsTransport
    from .index.read_connection import ReadConnection

    client = index_client(settings, transport_class=DomainErrorsTransport, connection_class=ReadConnection)
    return client, settings.index_alias


def index_client(settings: Settings, *, timeout: float = 10.0, **options: Any) -> OpenSearch:
    """A client of the index: plain HTTP locally, SigV4 on an Amazon OpenSearch Service domain.
    Operations that scan (reconcile, migrate, the CLI) pass a longer `timeout`."""
    from .index.client import make_client

    return make_client(settings.opensearch_url, timeout=timeout, **options)


def aws_client(service: str, environ: dict[str, str] | None = None) -> Any:
    """A boto3 client. In Lambda the runtime supplies region and credentials; the CLI passes the local
    stack's environment (emulator endpoint and its fixed credentials)."""
    import boto3

    if environ is None:
        return boto3.client(service)
    local = (
        {
            "region_name": environ.get("AWS_DEFAULT_REGION", "us-east-1"),
            "aws_access_key_id": environ["AWS_ACCESS_KEY_ID"],
            "aws_secret_access_key": environ["AWS_SECRET_ACCESS_KEY"],
        }
        if "AWS_ACCESS_KEY_ID" in environ
        else {}
    )
    return boto3.client(service, endpoint_url=environ.get("AWS_ENDPOINT_URL"), **local)
