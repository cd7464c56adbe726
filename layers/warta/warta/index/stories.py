"""The index side of story clusters: find earlier documents that share an LSH band (warta.stories).

`OpenSearchStoryLookup` is the `StoryLookup` the ingest path uses (built by `warta.bootstrap`): one
search per batch (chunked), on the read alias; it raises when OpenSearch cannot answer, and the batch
is then retried rather than written with a wrong story."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from opensearchpy import OpenSearch

from ..stories import Fingerprint, Known

DOCS_PER_LOOKUP = 25  # 25 x 32 band clauses stay under OpenSearch's default limit of 1,024 clauses
CANDIDATES_PER_DOC = 20
REQUEST_TIMEOUT = 10


class OpenSearchStoryLookup:
    def __init__(self, client: OpenSearch, alias: str) -> None:
        self._client = client
        self._alias = alias

    def known(self, prints: Sequence[Fingerprint], *, indexed_by: str | None = None) -> list[Known]:
        """Indexed documents sharing at least one band with any of `prints`, most shared bands first;
        with `indexed_by` (an ISO time), only those indexed then or before (`warta stories backfill`)."""
        found: dict[str, Known] = {}
        for start in range(0, len(prints), DOCS_PER_LOOKUP):
            chunk = prints[start : start + DOCS_PER_LOOKUP]
            bands = sorted({band for p in chunk for band in p.bands()})
            if not bands:
                continue
            response = self._client.search(
                index=self._alias,
                body=lookup_query(bands, len(chunk) * CANDIDATES_PER_DOC, indexed_by),
                request_timeout=REQUEST_TIMEOUT,
            )
            for hit in response["hits"]["hits"]:
                source = hit["_source"]
                found[hit["_id"]] = Known(
                    hit["_id"],
                    source.get("story_id") or hit["_id"],
                    Fingerprint.decode(source.get("story_signature")),
                )
        return list(found.values())


def lookup_query(bands: Sequence[str], size: int, indexed_by: str | None = None) -> dict[str, Any]:
    # One constant-score clause per band: a hit's score is the number of bands it shares, so the
    # closest copies come first when a popular story has more candidates than `size`.
    query: dict[str, Any] = {
        "should": [{"constant_score": {"filter": {"term": {"story_bands": band}}}} for band in bands],
        "minimum_should_match": 1,
    }
    if indexed_by is not None:
        query["filter"] = [{"range": {"ingested": {"lte": indexed_by}}}]
    return {
        "size": size,
        "_source": ["story_id", "story_signature"],
        "query": {"bool": query},
        "sort": ["_score", {"id": "asc"}],
    }
