"""Exports: every hit of a search, as CSV or JSON lines, with entity and provenance columns.

`stream` walks the whole result inside a point in time (a consistent snapshot, no 10,000 cap) with
`search_after` on the unique `id`, a page at a time, so memory stays flat however many rows there are.
`page` is what the HTTP route serves: one capped page and a cursor for the next, because a Lambda
response cannot exceed 6 MB (docs/decisions.md, "Exports"). `warta export` (the CLI) uses `stream`.
"""

from __future__ import annotations

import base64
import binascii
import csv
import io
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import suppress
from dataclasses import replace
from typing import Any, Literal

import orjson
from opensearchpy import OpenSearch

from .index.query import BadCursor, SearchRequest, build_search

Format = Literal["csv", "jsonl"]
PAGE_ROWS = 5_000  # per request to OpenSearch while streaming, the next one prefetched (docs/benchmarks.md)
ROUTE_MAX_ROWS = 5_000  # per HTTP response: about 3 MB of CSV at typical row sizes
KEEP_ALIVE = "2m"  # between two pages of a stream, not for the whole export
REQUEST_TIMEOUT = 30
SOURCE = [
    "id",
    "story_id",
    "bucket",
    "key",
    "url",
    "site",
    "title",
    "published",
    "ingested",
    "extractor_version",
    "facet.official",
    "facet.position",
    "facet.region",
    "facet.province",
    "facet.organization",
]
COLUMNS = (
    "id",
    "story_id",
    "title",
    "published",
    "site",
    "url",
    "bucket",
    "key",
    "ingested",
    "extractor_version",
    "officials",
    "positions",
    "regions",
    "provinces",
    "organizations",
)
LIST_SEPARATOR = "; "  # inside one CSV cell; JSON lines keep lists


def export_query(request: SearchRequest) -> dict[str, Any]:
    """The search's query with its facet filters applied, sorted by id: no scores, no aggregations."""
    body = build_search(replace(request, size=0, offset=0, cursor=None, collapse=None, count="articles"))
    query = body["query"]
    facet_filters = body["post_filter"]["bool"]["filter"]
    if facet_filters:
        query = {"bool": {"must": [query], "filter": facet_filters}}
    return {"query": query, "sort": [{"id": "asc"}], "_source": SOURCE, "track_total_hits": True}


def row(source: dict[str, Any]) -> dict[str, Any]:
    facet = source.get("facet", {})
    return {
        "id": source.get("id"),
        "story_id": source.get("story_id") or source.get("id"),
        "title": source.get("title"),
        "published": source.get("published"),
        "site": source.get("site"),
        "url": source.get("url"),
        "bucket": source.get("bucket"),
        "key": source.get("key"),
        "ingested": source.get("ingested"),
        "extractor_version": source.get("extractor_version"),
        "officials": facet.get("official", []),
        "positions": facet.get("position", []),
        "regions": facet.get("region", []),
        "provinces": facet.get("province", []),
        "organizations": facet.get("organization", []),
    }


def stream(
    client: OpenSearch,
    alias: str,
    request: SearchRequest,
    *,
    page_rows: int = PAGE_ROWS,
    on_total: Callable[[int], None] = lambda total: None,
) -> Iterator[dict[str, Any]]:
    """Every matching document once, in id order, from one point in time. The next page is fetched
    while the caller writes the current one (OpenSearch's work and ours overlap)."""
    pit = client.create_pit(index=alias, params={"keep_alive": KEEP_ALIVE})["pit_id"]
    body = export_query(request) | {"size": page_rows, "pit": {"id": pit, "keep_alive": KEEP_ALIVE}}

    def fetch(after: list[Any] | None, pit_id: str) -> dict[str, Any]:
        page_body = body | {"pit": {"id": pit_id, "keep_alive": KEEP_ALIVE}}
        if after is not None:
            page_body |= {"search_after": after, "track_total_hits": False}
        result: dict[str, Any] = client.search(body=page_body, request_timeout=REQUEST_TIMEOUT)
        return result

    with ThreadPoolExecutor(max_workers=1) as prefetch:
        try:
            pending: Future[dict[str, Any]] | None = prefetch.submit(fetch, None, pit)
            first = True
            while pending is not None:
                response = pending.result()
                if first:
                    on_total(response["hits"]["total"]["value"])
                    first = False
                hits = response["hits"]["hits"]
                full = len(hits) == page_rows
                pending = (
                    prefetch.submit(fetch, hits[-1]["sort"], response.get("pit_id", pit)) if full else None
                )
                for hit in hits:
                    yield row(hit["_source"])
        finally:
            if pending is not None:
                pending.cancel()
                with suppress(Exception):  # the stream is being abandoned; its error does not matter
                    pending.result()
            client.delete_pit(body={"pit_id": [pit]})


def page(
    client: OpenSearch,
    alias: str,
    request: SearchRequest,
    *,
    rows: int = ROUTE_MAX_ROWS,
    cursor: str | None = None,
) -> tuple[list[dict[str, Any]], str | None]:
    """One page of at most `rows` rows in id order, and the cursor of the next (None at the end).
    Pages of an unchanged index never repeat or skip a document (the cursor is the last id)."""
    body = export_query(request) | {"size": rows, "track_total_hits": False}
    if cursor:
        body["search_after"] = decode_cursor(cursor)
    hits = client.search(index=alias, body=body, request_timeout=REQUEST_TIMEOUT)["hits"]["hits"]
    found = [row(hit["_source"]) for hit in hits]
    if len(hits) < rows:
        return found, None
    return found, encode_cursor(hits[-1]["sort"])


def encode_cursor(sort: list[Any]) -> str:
    return base64.urlsafe_b64encode(orjson.dumps(sort)).decode().rstrip("=")


def decode_cursor(cursor: str) -> list[str]:
    """The last exported id, as `encode_cursor` wrote it; anything else is a `BadCursor`."""
    try:
        values = orjson.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, binascii.Error) as exc:
        raise BadCursor("cursor is not one this API issued") from exc
    if not (isinstance(values, list) and len(values) == 1 and isinstance(values[0], str)):
        raise BadCursor("cursor is not one this API issued")
    return values


def write_rows(
    rows: Iterator[dict[str, Any]] | list[dict[str, Any]],
    fmt: Format,
    out: io.TextIOBase | Any,
    *,
    header: bool = True,
) -> int:
    """Write rows to a text stream; returns how many. CSV joins list cells with "; "."""
    count = 0
    if fmt == "jsonl":
        for record in rows:
            out.write(orjson.dumps(record).decode())
            out.write("\n")
            count += 1
        return count
    writer = csv.writer(out, lineterminator="\n")
    if header:
        writer.writerow(COLUMNS)
    for record in rows:
        writer.writerow(
            [
                LIST_SEPARATOR.join(v) if isinstance(v, list) else ("" if v is None else v)
                for v in (record[c] for c in COLUMNS)
            ]
        )
        count += 1
    return count


def render(rows: list[dict[str, Any]], fmt: Format) -> str:
    buffer = io.StringIO()
    write_rows(rows, fmt, buffer)
    return buffer.getvalue()


MEDIA_TYPES: dict[str, str] = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson"}
