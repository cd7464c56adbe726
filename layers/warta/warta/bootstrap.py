"""The composition root: real dependencies built from `Settings`, in one place, for the four handlers
and the CLI. Nothing else turns configuration into SDK clients. No network calls here: clients
connect on first use."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .settings import Settings

if TYPE_CHECKING:
    from opensearchpy import OpenSearch

    from .ingest import Dependencies
    from .ports import Reporter


def ingest_dependencies(settings: Settings, reporter: Reporter) -> Dependencies:
    """What `warta.ingest.process_batch` needs in production: S3, the index, the DLQ and back-off."""
    from .adapters.s3 import S3ObjectStore
    from .adapters.sqs import DeadLetterQueue, RetryBackoff
    from .index.bulk import OpenSearchIndexWriter
    from .index.stories import OpenSearchStoryLookup
    from .ingest import Dependencies

    sqs = aws_client("sqs")
    client = index_client(settings)
    return Dependencies(
        store=S3ObjectStore(aws_client("s3")),
        writer=OpenSearchIndexWriter(client),
        stories=OpenSearchStoryLookup(client, settings.index_alias),
        reporter=reporter,
        alias=settings.index_alias,
        dead_letters=DeadLetterQueue(sqs, settings.dlq_url) if settings.dlq_url else None,
        backoff=RetryBackoff(sqs, settings.queue_url, settings.retry_base_seconds) if settings.queue_url else None,
        max_receives=settings.max_receive_count,
    )


def search_index(settings: Settings) -> tuple[OpenSearch, str]:
    """The read side: a client whose errors are domain errors (`warta.index.errors`), and the read alias."""
    from .index.errors import DomainErrorsTransport

    return index_client(settings, transport_class=DomainErrorsTransport), settings.index_alias


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
    local = {"region_name": environ.get("AWS_DEFAULT_REGION", "us-east-1"),
             "aws_access_key_id": environ["AWS_ACCESS_KEY_ID"],
             "aws_secret_access_key": environ["AWS_SECRET_ACCESS_KEY"]} if "AWS_ACCESS_KEY_ID" in environ else {}
    return boto3.client(service, endpoint_url=environ.get("AWS_ENDPOINT_URL"), **local)
