"""The composition root: real dependencies built from `Settings`, in one place, for the handlers and
the CLI. Nothing else constructs SDK clients from configuration. No network calls here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .settings import Settings

if TYPE_CHECKING:
    from .ingest import Dependencies
    from .ports import Reporter


def ingest_dependencies(settings: Settings, reporter: Reporter) -> Dependencies:
    """What `warta.ingest.process_batch` needs in production: S3, the index, the DLQ and back-off."""
    import boto3

    from .adapters.s3 import S3ObjectStore
    from .adapters.sqs import DeadLetterQueue, RetryBackoff
    from .index.bulk import OpenSearchIndexWriter
    from .index.client import make_client
    from .ingest import Dependencies

    sqs = boto3.client("sqs")
    return Dependencies(
        store=S3ObjectStore(boto3.client("s3")),
        writer=OpenSearchIndexWriter(make_client(settings.opensearch_url)),
        reporter=reporter,
        alias=settings.index_alias,
        dead_letters=DeadLetterQueue(sqs, settings.dlq_url) if settings.dlq_url else None,
        backoff=RetryBackoff(sqs, settings.queue_url, settings.retry_base_seconds) if settings.queue_url else None,
        max_receives=settings.max_receive_count,
    )
