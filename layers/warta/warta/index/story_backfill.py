"""`warta stories backfill`: story ids for documents indexed before stories existed.

Walks the documents without a `story_id` in one point in time, earliest indexed first (`ingested`,
then id), a page at a time. For each page: fingerprints from the stored body; stories by the ingest
rule (`warta.stories.assign_stories`) against the copies already assigned and indexed no later than the
page's first document, so an older document is not filed under a newer copy's story; a partial update
of the story fields, conditional on the document being unchanged since the walk read it (a document
ingested again meanwhile got its story from ingest); then the same look as after an ingest batch
(`warta.story_merge.converge`), which merges a story that live ingest started for a newer copy into
the older one. The next page sees this page's writes (a refresh per page).

Idempotent and resumable: a document that has a `story_id` is never walked again, so a second run, or
a run after an interrupted one, does only what is left.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import suppress
from dataclasses import dataclass
from typing import Any

from opensearchpy import OpenSearch, helpers

from ..stories import Fingerprint, Known, assign_stories, fingerprint
from ..story_merge import converge
from .bulk import update_if_unchanged
from .mapping import write_alias
from .stories import OpenSearchStoryLookup
from .story_merge import OpenSearchStoryMerger

PAGE = 500
KEEP_ALIVE = "5m"
REQUEST_TIMEOUT = 60


@dataclass(slots=True)
class Backfilled:
    """What a run did."""

    walked: int = 0  # documents without a story id
    copies: int = 0  # of which joined another document's story
    changed_meanwhile: int = 0  # re-ingested while the run read them: left to ingest's story
    moved: int = 0  # documents of newer stories moved into an older one this run started


def missing_story_query() -> dict[str, Any]:
    return {"bool": {"must_not": [{"exists": {"field": "story_id"}}]}}


def backfill(
    client: OpenSearch,
    alias: str,
    *,
    page_size: int = PAGE,
    on_total: Callable[[int], None] = lambda total: None,
    on_page: Callable[[int], None] = lambda done: None,
) -> Backfilled:
    """Give every document without a story its story; returns the counts."""
    report = Backfilled()
    lookup = OpenSearchStoryLookup(client, write_alias(alias))
    merger = OpenSearchStoryMerger(client, alias)
    for page in _pages(client, alias, page_size, on_total):
        _assign(client, page, lookup, merger, report)
        report.walked += len(page)
        on_page(len(page))
    report.moved = merger.moved
    return report


def _pages(
    client: OpenSearch, alias: str, page_size: int, on_total: Callable[[int], None]
) -> Iterator[list[dict[str, Any]]]:
    pit = client.create_pit(index=alias, params={"keep_alive": KEEP_ALIVE})["pit_id"]
    body: dict[str, Any] = {
        "size": page_size,
        "query": missing_story_query(),
        "_source": ["body", "ingested"],
        "seq_no_primary_term": True,
        "sort": [{"ingested": {"order": "asc", "missing": "_last"}}, {"id": "asc"}],
        "track_total_hits": True,
    }
    try:
        while True:
            response = client.search(
                body=body | {"pit": {"id": pit, "keep_alive": KEEP_ALIVE}}, request_timeout=REQUEST_TIMEOUT
            )
            pit = response.get("pit_id", pit)
            if "search_after" not in body:
                on_total(response["hits"]["total"]["value"])
            hits = response["hits"]["hits"]
            if hits:
                yield hits
            if len(hits) < page_size:
                return
            body["search_after"] = hits[-1]["sort"]
            body["track_total_hits"] = False
    finally:
        with suppress(Exception):  # an abandoned point in time expires by itself
            client.delete_pit(body={"pit_id": [pit]})


def _assign(
    client: OpenSearch,
    hits: list[dict[str, Any]],
    lookup: OpenSearchStoryLookup,
    merger: OpenSearchStoryMerger,
    report: Backfilled,
) -> None:
    prints = [(hit["_id"], fingerprint(hit["_source"].get("body") or "")) for hit in hits]
    first = hits[0]["_source"].get("ingested")
    comparable = [p for _, p in prints if p]
    earlier = (
        lookup.known(comparable, indexed_by=first if isinstance(first, str) else None) if comparable else []
    )
    stories = assign_stories(prints, earlier)
    report.copies += sum(story != doc_id for doc_id, story in stories.items())
    written = _update(client, hits, prints, stories, report)
    converge([Known(doc_id, stories[doc_id], p) for doc_id, p in prints if doc_id in written], merger)


def _update(
    client: OpenSearch,
    hits: list[dict[str, Any]],
    prints: list[tuple[str, Fingerprint]],
    stories: dict[str, str],
    report: Backfilled,
) -> set[str]:
    """Partial updates of the story fields, each only if the document is as the walk read it; returns
    the ids written."""
    by_id = dict(prints)
    actions = (
        update_if_unchanged(
            hit,
            {
                "story_id": stories[hit["_id"]],
                "story_bands": by_id[hit["_id"]].bands(),
                "story_signature": by_id[hit["_id"]].encode(),
            },
        )
        for hit in hits
    )
    written: set[str] = set()
    for ok, item in helpers.streaming_bulk(
        client,
        actions,
        chunk_size=PAGE,
        raise_on_error=False,
        refresh=True,  # a one-off walk: forcing a refresh per page beats waiting for the next one
        request_timeout=REQUEST_TIMEOUT,
    ):
        result = next(iter(item.values()))
        if ok:
            written.add(str(result["_id"]))
        elif result.get("status") in (404, 409):  # deleted or re-ingested since the walk read it
            report.changed_meanwhile += 1
        else:
            raise RuntimeError(f"story backfill: an update failed: {item}")
    return written
