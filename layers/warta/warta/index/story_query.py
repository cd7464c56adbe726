"""Searches at the level of stories (warta.stories): one hit per story, and counts of stories.

`collapse=story` collapses hits on `story_id` (the first hit of each story stands for it) and counts
its copies with an inner hit that fetches nothing; `count=stories` gives every facet bucket and
histogram bucket a cardinality sub-aggregation on `story_id` and orders the facets by it. Both add a
`stories` total. Cardinality is exact up to `PRECISION` distinct stories per bucket, an estimate
(HyperLogLog++, within a few per cent) beyond."""

from __future__ import annotations

from typing import Any, Literal

STORY_FIELD = "story_id"
PRECISION = 3000  # OpenSearch's default threshold, written down: exact counts below it
Collapse = Literal["story"]
Count = Literal["articles", "stories"]


class CollapseWithCursor(ValueError):
    """OpenSearch cannot continue a collapsed search after a cursor: collapsed pages use `offset`."""


def stories_count() -> dict[str, Any]:
    return {"cardinality": {"field": STORY_FIELD, "precision_threshold": PRECISION}}


def apply(body: dict[str, Any], *, collapse: Collapse | None, count: Count) -> None:
    """Change a search body (from `warta.index.query.build_search`) in place."""
    if collapse == "story":
        if "search_after" in body:
            raise CollapseWithCursor("collapse=story pages with offset, not cursor")
        body["collapse"] = {
            "field": STORY_FIELD,
            "inner_hits": {"name": "copies", "size": 0, "_source": False},
        }
    aggregations = body.get("aggs")
    if aggregations is None:
        return
    if collapse == "story" or count == "stories":
        # Applied like the hits (post_filter too), so it counts the stories the hits come from.
        aggregations["stories"] = {
            "filter": body.get("post_filter", {"match_all": {}}),
            "aggs": {"values": stories_count()},
        }
    if count != "stories":
        return
    for name, aggregation in aggregations.items():
        inner = aggregation.get("aggs", {}).get("values")
        if name == "stories" or inner is None:
            continue
        inner.setdefault("aggs", {})["stories"] = stories_count()
        if "terms" in inner:
            inner["terms"]["order"] = [{"stories": "desc"}, {"_key": "asc"}]


def bucket_count(bucket: dict[str, Any]) -> int:
    """A bucket's count: its stories when they were counted, else its articles."""
    stories = bucket.get("stories")
    return int(stories["value"]) if isinstance(stories, dict) else int(bucket["doc_count"])


def copies(raw_hit: dict[str, Any]) -> int | None:
    """How many articles a collapsed hit stands for (None when the search was not collapsed)."""
    inner = raw_hit.get("inner_hits", {}).get("copies")
    if inner is None:
        return None
    total = inner["hits"]["total"]
    return int(total["value"] if isinstance(total, dict) else total)


def total_stories(aggregations: dict[str, Any] | None) -> int | None:
    found = (aggregations or {}).get("stories")
    return int(found["values"]["value"]) if found else None
