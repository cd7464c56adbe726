"""Story ids at write time: look up earlier documents sharing an LSH band, then assign in process.

`assign(client, alias, documents)` is the one call the ingest path makes (and what alerts rely on:
after it, every document dict carries its final `story_id`). Documents come from
`warta.index.documents.build_document`, which already stores `story_bands` and `story_signature`.
One search per batch (chunked), on the read alias; a failure raises, so the batch is retried rather
than written with a wrong story."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from opensearchpy import OpenSearch

from ..stories import Fingerprint, Known, assign_stories

DOCS_PER_LOOKUP = 25  # 25 x 32 band clauses stay under OpenSearch's default limit of 1,024 clauses
CANDIDATES_PER_DOC = 20
REQUEST_TIMEOUT = 10


def assign(client: OpenSearch, alias: str, documents: Sequence[dict[str, Any]]) -> None:
    """Set `story_id` on each document (in place), in order, copies within the batch included."""
    prints = [(d["id"], Fingerprint.decode(d.get("story_signature"))) for d in documents]
    earlier = known_documents(client, alias, [p for _, p in prints if p])
    stories = assign_stories(prints, earlier)
    for document in documents:
        document["story_id"] = stories[document["id"]]


def known_documents(client: OpenSearch, alias: str, prints: Sequence[Fingerprint]) -> list[Known]:
    """Indexed documents sharing at least one band with any of `prints`, most shared bands first."""
    found: dict[str, Known] = {}
    for start in range(0, len(prints), DOCS_PER_LOOKUP):
        chunk = prints[start:start + DOCS_PER_LOOKUP]
        bands = sorted({band for p in chunk for band in p.bands()})
        if not bands:
            continue
        response = client.search(index=alias, body=lookup_query(bands, len(chunk) * CANDIDATES_PER_DOC),
                                 request_timeout=REQUEST_TIMEOUT)
        for hit in response["hits"]["hits"]:
            source = hit["_source"]
            found[hit["_id"]] = Known(hit["_id"], source.get("story_id") or hit["_id"],
                                      Fingerprint.decode(source.get("story_signature")))
    return list(found.values())


def lookup_query(bands: Sequence[str], size: int) -> dict[str, Any]:
    # One constant-score clause per band: a hit's score is the number of bands it shares, so the
    # closest copies come first when a popular story has more candidates than `size`.
    return {
        "size": size,
        "_source": ["story_id", "story_signature"],
        "query": {"bool": {"should": [{"constant_score": {"filter": {"term": {"story_bands": band}}}}
                                      for band in bands], "minimum_should_match": 1}},
        "sort": ["_score", {"id": "asc"}],
    }

