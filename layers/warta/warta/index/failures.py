"""The failures index: pages that can never be indexed (not HTML, empty, too large, no article),
recorded with their reason instead of being retried. Its name, mapping and record live here, with the
rule that a record stops counting once its key is indexed after all."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from opensearchpy import OpenSearch

from .mapping import INDEX_PREFIX

SUFFIX = "failures"
DETAIL_CHARS = 1000

MAPPING: dict[str, Any] = {
    "settings": {"number_of_shards": 1, "number_of_replicas": 0},
    "mappings": {
        "dynamic": "strict",
        "properties": {
            "bucket": {"type": "keyword"},
            "key": {"type": "keyword"},
            "etag": {"type": "keyword"},
            "reason": {"type": "keyword"},
            "detail": {"type": "text"},
            "at": {"type": "date"},
        },
    },
}


def failures_index(alias: str = INDEX_PREFIX) -> str:
    """Where pages that could not be indexed are recorded, with their reason."""
    return f"{alias}-{SUFFIX}"


def ensure(client: OpenSearch, alias: str = INDEX_PREFIX) -> None:
    index = failures_index(alias)
    if not client.indices.exists(index=index):
        client.indices.create(index=index, body=MAPPING)


def record(
    *, bucket: str, key: str, etag: str | None, reason: str, detail: str, at: datetime
) -> dict[str, Any]:
    """One failure record: the document stored under the key's document id."""
    return {
        "bucket": bucket,
        "key": key,
        "etag": etag,
        "reason": reason,
        "detail": detail[:DETAIL_CHARS],
        "at": at.isoformat(),
    }


def current(client: OpenSearch, alias: str, size: int) -> tuple[list[dict[str, Any]], int]:
    """The most recent `size` records whose key is not indexed now, and how many records were read.

    A key fixed since (uploaded again, indexed fine) keeps its old record: ingest does not delete it on
    every write, which would cost a delete per article; the look-up happens here, when someone asks."""
    result = client.search(index=failures_index(alias), body={"size": size, "sort": [{"at": "desc"}]})
    hits = result["hits"]["hits"]
    if not hits:
        return [], 0
    found = client.mget(index=alias, body={"ids": [h["_id"] for h in hits]}, _source=False)["docs"]
    indexed = {d["_id"] for d in found if d.get("found")}
    return [h["_source"] for h in hits if h["_id"] not in indexed], len(hits)
