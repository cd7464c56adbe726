"""Reconcile the bucket with the index: whatever notifications were lost, the listing is the truth.

Objects missing from the index, or indexed from an older version (another ETag), are re-enqueued as
synthetic ObjectCreated notifications, so they take the normal ingest path; documents whose object is
gone are deleted. Objects recorded as unparseable with the same ETag are left alone: the same bytes
would fail the same way."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote_plus

from opensearchpy import OpenSearch, helpers

from .index import bulk
from .index.documents import document_id
from .index.failures import failures_index
from .index.mapping import write_alias


@dataclass
class Plan:
    missing: list[str] = field(default_factory=list)  # in the bucket, not indexed
    stale: list[str] = field(default_factory=list)  # indexed from another version of the object
    orphans: list[str] = field(default_factory=list)  # indexed, but the object is gone
    known_bad: int = 0  # recorded as unparseable, unchanged since
    in_sync: int = 0

    def summary(self) -> dict[str, int]:
        return {
            "missing": len(self.missing),
            "stale": len(self.stale),
            "orphans": len(self.orphans),
            "known_bad": self.known_bad,
            "in_sync": self.in_sync,
        }


def plan(
    objects: Iterable[tuple[str, str]], indexed: dict[str, str | None], failed: dict[str, str | None]
) -> Plan:
    """Pure: bucket listing (key, etag) against indexed {key: etag} and failed {key: etag}."""
    result = Plan()
    listed: set[str] = set()
    for key, etag in objects:
        listed.add(key)
        if key in indexed:
            if indexed[key] == etag:
                result.in_sync += 1
            else:
                result.stale.append(key)
        elif key in failed and failed[key] == etag:
            result.known_bad += 1
        else:
            result.missing.append(key)
    result.orphans = sorted(set(indexed) - listed)
    return result


def survey(s3: Any, client: OpenSearch, *, bucket: str, alias: str, prefix: str = "") -> Plan:
    """The plan for one prefix: the bucket's listing against the index and the failures index."""
    return plan(
        list_objects(s3, bucket, prefix),
        indexed_etags(client, alias, bucket, prefix),
        indexed_etags(client, failures_index(alias), bucket, prefix),
    )


def list_objects(s3: Any, bucket: str, prefix: str = "") -> Iterator[tuple[str, str]]:
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
        for item in page.get("Contents", []):
            yield item["Key"], item["ETag"].strip('"')


def indexed_etags(client: OpenSearch, index: str, bucket: str, prefix: str = "") -> dict[str, str | None]:
    query: dict[str, Any] = {"bool": {"filter": [{"term": {"bucket": bucket}}]}}
    if prefix:
        query["bool"]["filter"].append({"prefix": {"key": prefix}})
    hits = helpers.scan(client, index=index, query={"query": query, "_source": ["key", "etag"]}, size=1000)
    return {hit["_source"]["key"]: hit["_source"].get("etag") for hit in hits}


def apply(
    result: Plan,
    *,
    bucket: str,
    sqs: Any,
    queue_url: str,
    client: OpenSearch,
    alias: str,
    progress: Callable[[int], None] = lambda n: None,
) -> None:
    keys = result.missing + result.stale
    for start in range(0, len(keys), 10):
        chunk = keys[start : start + 10]
        sqs.send_message_batch(
            QueueUrl=queue_url,
            Entries=[{"Id": str(i), "MessageBody": notification(bucket, key)} for i, key in enumerate(chunk)],
        )
        progress(len(chunk))
    version = int(datetime.now(UTC).timestamp() * 1000)
    deletes = [
        bulk.WriteAction("delete", index, document_id(bucket, key), version)
        for key in result.orphans
        for index in (write_alias(alias), failures_index(alias))
    ]
    bulk.write(client, deletes)
    progress(len(result.orphans))


def notification(bucket: str, key: str) -> str:
    """An S3 ObjectCreated notification as S3 would send it (key URL-encoded)."""
    now = datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    return json.dumps(
        {
            "Records": [
                {
                    "eventVersion": "2.1",
                    "eventSource": "aws:s3",
                    "eventTime": now,
                    "eventName": "ObjectCreated:Reconcile",
                    "s3": {
                        "bucket": {"name": bucket, "arn": f"arn:aws:s3:::{bucket}"},
                        "object": {"key": quote_plus(key, safe="/")},
                    },
                }
            ]
        }
    )
