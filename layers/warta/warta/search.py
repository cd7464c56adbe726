"""The search service behind the API: runs requests against the read alias and shapes the answers."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from opensearchpy import NotFoundError, OpenSearch

from .index import facets as facet_vocabulary
from .index import story_query
from .index.facets import SuggestField
from .index.query import (
    SEARCH_PARAMS,
    SearchRequest,
    build_search,
    next_cursor,
    similar_query,
    suggest_query,
)

__all__ = ["DocumentNotFound", "SuggestField", "get_document", "search", "similar", "suggest"]
REQUEST_TIMEOUT = 5  # seconds, client side; the query's own timeout is shorter


class DocumentNotFound(LookupError):
    pass


def search(client: OpenSearch, alias: str, request: SearchRequest) -> dict[str, Any]:
    response = client.search(
        index=alias, body=build_search(request), params=SEARCH_PARAMS, request_timeout=REQUEST_TIMEOUT
    )
    raw_hits = response["hits"]["hits"]
    aggs = response.get("aggregations")
    facets: dict[str, Any] | None = None
    if aggs:  # pages reached by cursor carry no facets: the first page had them
        facets = {name: _buckets(aggs[name]) for name in facet_vocabulary.COUNTED}
        facets["region"] = _region_tree(aggs["province"], aggs["region_pair"])
    return {
        "total": response["hits"]["total"]["value"],
        "stories": story_query.total_stories(aggs),  # when collapsed or counting stories
        "hits": [_hit(h) for h in raw_hits],
        # A collapsed search pages with offset only (OpenSearch cannot search_after a collapse).
        "next_cursor": None if request.collapse else next_cursor(raw_hits, request.size),
        "facets": facets,
        "histogram": _histogram(aggs["published"]["values"]) if aggs else None,
        "timed_out": response.get("timed_out", False),
        "took_ms": response.get("took"),
    }


def get_document(client: OpenSearch, alias: str, doc_id: str) -> dict[str, Any]:
    try:
        response = client.get(index=alias, id=doc_id, request_timeout=REQUEST_TIMEOUT)
    except NotFoundError as exc:
        raise DocumentNotFound(doc_id) from exc
    document = dict(response["_source"])
    document.pop("facet", None)
    document["mentions"] = entity_offsets(document)
    return document


def similar(client: OpenSearch, alias: str, doc_id: str, size: int = 5) -> dict[str, Any]:
    try:
        found = client.get(index=alias, id=doc_id, _source=False, request_timeout=REQUEST_TIMEOUT)
    except NotFoundError as exc:
        raise DocumentNotFound(doc_id) from exc
    response = client.search(
        index=alias, body=similar_query(found["_index"], doc_id, size), request_timeout=REQUEST_TIMEOUT
    )
    return {"hits": [_hit(h) for h in response["hits"]["hits"]]}


def suggest(
    client: OpenSearch, alias: str, field: SuggestField, prefix: str, size: int = 10
) -> dict[str, Any]:
    """Facet values where the value, or one of its words, starts with `prefix` (case and accents ignored)."""
    response = client.search(
        index=alias, body=suggest_query(field, prefix.lower(), size), request_timeout=REQUEST_TIMEOUT
    )
    wanted = prefix.casefold()
    values = [
        b
        for b in _buckets(response["aggregations"])
        if any(word.startswith(wanted) for word in [b["value"].casefold(), *b["value"].casefold().split()])
    ]
    return {"field": field, "prefix": prefix, "values": values[:size]}


def entity_offsets(document: dict[str, Any], limit: int = 200) -> list[dict[str, Any]]:
    """Where each entity is written in the body: [start, end) character offsets, for highlighting."""
    body = document.get("body") or ""
    names: dict[str, tuple[str, str]] = {}
    for official in document.get("officials", []):
        names[official["name"]] = ("official", official["key"])
        last = official["name"].split()[0] if official["name"] else ""
        names.setdefault(last, ("official", official["key"]))  # short mentions: "kata Putut"
    for region in document.get("regions", []):
        names[region["name"]] = ("region", region["canonical"])
    for organization in document.get("organizations", []):
        names[organization["name"]] = ("organization", organization["canonical"])
    for person in document.get("persons", []):
        names.setdefault(person["name"], ("person", person["canonical"]))
    names.pop("", None)
    if not names:
        return []
    pattern = re.compile(
        r"(?<!\w)(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?!\w)"
    )
    mentions = []
    for match in pattern.finditer(body):
        kind, value = names[match.group(1)]
        mentions.append({"type": kind, "value": value, "start": match.start(), "end": match.end()})
        if len(mentions) >= limit:
            break
    return mentions


def _buckets(aggregation: dict[str, Any]) -> list[dict[str, Any]]:
    buckets = aggregation["values"]["buckets"]
    return [{"value": b["key"], "count": n} for b, n in zip(buckets, _counts(buckets), strict=True)]


def _counts(buckets: list[dict[str, Any]]) -> list[int]:
    """`story_query.bucket_count` of each bucket, deciding once per aggregation rather than per bucket:
    a search answer carries about 400 buckets, and this loop was a fifth of the shaping's CPU."""
    if buckets and isinstance(buckets[0].get("stories"), dict):
        return [story_query.bucket_count(b) for b in buckets]
    return [int(b["doc_count"]) for b in buckets]


def _region_tree(provinces: dict[str, Any], pairs: dict[str, Any]) -> list[dict[str, Any]]:
    """Provinces with the regions below them, in one pass over the two aggregations' raw buckets."""
    children: dict[str, list[dict[str, Any]]] = {}
    pair_buckets = pairs["values"]["buckets"]
    for pair, count in zip(pair_buckets, _counts(pair_buckets), strict=True):
        province, _, region = pair["key"].partition("|")
        siblings = children.get(province)
        if siblings is None:
            siblings = children[province] = []
        siblings.append({"value": region, "count": count})
    province_buckets = provinces["values"]["buckets"]
    return [
        {"value": p["key"], "count": count, "children": children.get(p["key"], [])}
        for p, count in zip(province_buckets, _counts(province_buckets), strict=True)
    ]


def _histogram(aggregation: dict[str, Any]) -> dict[str, Any]:
    """Buckets of the automatic interval, with the empty ones between first and last filled in."""
    buckets = aggregation.get("buckets", [])
    interval = aggregation.get("interval", "1d")
    counts = {b["key_as_string"][:10]: n for b, n in zip(buckets, _counts(buckets), strict=True)}
    if not counts:
        return {"interval": interval, "buckets": []}
    first, last = date.fromisoformat(min(counts)), date.fromisoformat(max(counts))
    filled: list[dict[str, Any]] = []
    current = first
    while current <= last and len(filled) < 1000:
        filled.append({"date": current.isoformat(), "count": counts.get(current.isoformat(), 0)})
        current = _step(current, interval)
    return {"interval": interval, "buckets": filled}


def _step(day: date, interval: str) -> date:
    amount, unit = int(interval[:-1] or 1), interval[-1]
    if unit == "y":
        return day.replace(year=day.year + amount)
    if unit == "M":
        month = day.month - 1 + amount
        return day.replace(year=day.year + month // 12, month=month % 12 + 1)
    days = {"d": 1, "w": 7}.get(unit)
    return day + timedelta(days=amount * days) if days else day + timedelta(days=1)


def _hit(raw: dict[str, Any]) -> dict[str, Any]:
    source = raw["_source"]
    highlight = raw.get("highlight", {})
    return {
        "id": raw["_id"],
        "title": source.get("title"),
        "published": source.get("published"),
        "site": source.get("site"),
        "url": source.get("url"),
        "key": source.get("key"),
        "story_id": source.get("story_id") or raw["_id"],
        "copies": story_query.copies(raw),  # articles of this story, when collapsed
        "snippet": " … ".join(highlight.get("body", [])),
        "title_highlight": (highlight.get("title") or [None])[0],
        "officials": [
            {"name": o["name"], "rank": o.get("rank"), "position": o.get("position")}
            for o in source.get("officials", [])
        ],
        "regions": [{"canonical": r["canonical"], "path": r["path"]} for r in source.get("regions", [])],
        "organizations": [o["canonical"] for o in source.get("organizations", [])],
        "persons": [p["canonical"] for p in source.get("persons", [])],
    }
