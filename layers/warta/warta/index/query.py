"""Search requests as OpenSearch query DSL: full text, facet filters, facet counts, cursor paging.

Users never send DSL: free text goes through `simple_query_string` (quotes, +, -, never scripts or
field names), filters through term queries on normalised facet fields. Each facet is counted with
every *other* facet's filter applied (multi-select), as the post_filter keeps facet filters off the
aggregations and each aggregation re-applies all but its own."""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Literal

from ..enrich.aliases import person_for_query, with_canonical_persons
from . import facets, story_query
from .story_query import Collapse, Count

SEARCH_FIELDS = [
    "title^3",
    "title.unstemmed^4",
    "body",
    "body.unstemmed^1.5",
    "officials.name^2",
    "description",
    "image_caption^0.5",
    "persons.canonical^2",
]
MAX_SIZE = 100
MAX_QUERY_CHARS = 500
FACET_SIZE = 20
REGION_TREE_SIZE = 200
HISTOGRAM_BUCKETS = 40
# What a hit shows (warta.search._hit): fetching only these keeps responses small and cheap to decode.
HIT_FIELDS = [
    "title",
    "published",
    "site",
    "url",
    "key",
    "story_id",
    "officials.name",
    "officials.rank",
    "officials.position",
    "regions.canonical",
    "regions.path",
    "organizations.canonical",
    "persons.canonical",
]
SEARCH_TIMEOUT = "2s"  # bounded work: a slow query returns partial results rather than piling up
# URL parameters of every search, sent with `build_search`'s body. The shard request cache keeps the
# query phase (top hits and facet counts) of a repeated search until the next refresh, so it never
# serves anything the index no longer says; fetching the hits' fields and snippets still runs each time.
# Repeats are common (the explorer's first page, popular officials): +12% throughput on the benchmark.
SEARCH_PARAMS = {"request_cache": "true"}
Sort = Literal["relevance", "newest", "oldest"]


class BadCursor(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class SearchRequest:
    text: str = ""
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)  # facet -> any of these values
    exclude: dict[str, tuple[str, ...]] = field(default_factory=dict)  # facet -> none of these values
    published_from: date | None = None
    published_to: date | None = None
    sort: Sort = "relevance"
    size: int = 10
    offset: int = 0
    cursor: str | None = None  # from a previous page's `next_cursor`; replaces `offset`
    collapse: Collapse | None = None  # "story": one hit per story (warta.index.story_query)
    count: Count = "articles"  # "stories": facets and histogram count stories


def build_search(request: SearchRequest) -> dict[str, Any]:
    request = with_canonical_persons(request)
    facet_filters = {name: _terms(name, values) for name, values in request.filters.items() if values}
    # The region filter also constrains the tree's two aggregations, which are "region" facets too.
    aggregations: dict[str, Any] = {
        name: _facet_agg(name, facet_filters, {"terms": {"field": f"facet.{name}", "size": FACET_SIZE}})
        for name in facets.COUNTED
    }
    aggregations["province"] = _facet_agg(
        "region", facet_filters, {"terms": {"field": "facet.province", "size": 40}}
    )
    aggregations["region_pair"] = _facet_agg(
        "region", facet_filters, {"terms": {"field": "facet.region_pair", "size": REGION_TREE_SIZE}}
    )
    aggregations["published"] = _facet_agg(
        "published",
        facet_filters,
        {
            "auto_date_histogram": {
                "field": "published",
                "buckets": HISTOGRAM_BUCKETS,
                "time_zone": "Asia/Jakarta",
                "format": "yyyy-MM-dd",
                "minimum_interval": "day",
            }
        },
    )
    body: dict[str, Any] = {
        "query": {
            "bool": {
                "must": [_text_query(request.text)],
                "filter": _base_filters(request),
                "must_not": [_terms(name, values) for name, values in request.exclude.items() if values],
            }
        },
        "post_filter": {"bool": {"filter": list(facet_filters.values())}},
        "aggs": aggregations,
        "size": min(max(request.size, 0), MAX_SIZE),
        "track_total_hits": True,
        "timeout": SEARCH_TIMEOUT,
        "_source": HIT_FIELDS,
        "highlight": {
            "fields": {
                "body": {"fragment_size": 160, "number_of_fragments": 2, "no_match_size": 160},
                "title": {"number_of_fragments": 0},
            },
            "pre_tags": ["<mark>"],
            "post_tags": ["</mark>"],
            "encoder": "html",
        },
        "sort": _sort(request.sort),
    }
    if request.cursor:
        body["search_after"] = decode_cursor(request.cursor)
        # The first page carried the facets of these same filters; recounting them for every later
        # page would double the cluster's work per deep page.
        del body["aggs"]
    else:
        body["from"] = max(request.offset, 0)
    story_query.apply(body, collapse=request.collapse, count=request.count)
    return body


def build_match_query(request: SearchRequest) -> dict[str, Any]:
    """The whole search as one query: what a hit of `build_search` satisfies, its facet filters (the
    post_filter there) included. Derived from `build_search` itself, so a saved search (a percolator
    query, warta.alerts) means exactly what the same search means in the API."""
    search = build_search(replace(request, size=0, offset=0, cursor=None))
    query = search["query"]["bool"]
    return {"bool": {**query, "filter": [*query["filter"], *search["post_filter"]["bool"]["filter"]]}}


def next_cursor(hits: list[dict[str, Any]], size: int) -> str | None:
    """A cursor that resumes after the last hit: its sort values, which end with the unique id, so
    paging never repeats or skips a document of an unchanged index."""
    if not hits or len(hits) < size:
        return None
    raw = json.dumps(hits[-1]["sort"], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> list[Any]:
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, binascii.Error) as exc:
        raise BadCursor("cursor is not one this API issued") from exc
    if (
        not isinstance(values, list)
        or not 2 <= len(values) <= 3
        or not all(isinstance(v, (str, int, float)) or v is None for v in values)
    ):
        raise BadCursor("cursor is not one this API issued")
    return values


def suggest_query(field_name: str, prefix: str, size: int = 10) -> dict[str, Any]:
    """Documents with a facet value starting with `prefix` (any word of it), and that facet's values."""
    facet = f"facet.{field_name}"
    return {
        "size": 0,
        "timeout": SEARCH_TIMEOUT,
        "query": {
            "bool": {
                "should": [
                    {"prefix": {f"{facet}.norm": {"value": prefix}}},
                    {"wildcard": {f"{facet}.norm": {"value": f"* {_escape_wildcard(prefix)}*"}}},
                ],
                "minimum_should_match": 1,
            }
        },
        "aggs": {"values": {"terms": {"field": facet, "size": max(size * 5, 50)}}},
    }


def similar_query(index: str, doc_id: str, size: int = 5) -> dict[str, Any]:
    return {
        "size": size,
        "timeout": SEARCH_TIMEOUT,
        "_source": HIT_FIELDS,
        "query": {
            "more_like_this": {
                "fields": ["title", "body"],
                "like": [{"_index": index, "_id": doc_id}],
                "min_term_freq": 1,
                "min_doc_freq": 1,
                "max_query_terms": 40,
                "minimum_should_match": "20%",
            }
        },
    }


def _text_query(text: str) -> dict[str, Any]:
    if not text.strip():
        return {"match_all": {}}
    person = person_for_query(text)
    if person is not None:  # "Jokowi" also finds the articles that write only "Joko Widodo"
        return {
            "bool": {
                "should": [_words_query(text), {"term": {"facet.person.norm": person.lower()}}],
                "minimum_should_match": 1,
            }
        }
    return _words_query(text)


def _words_query(text: str) -> dict[str, Any]:
    return {
        "simple_query_string": {
            "query": text[:MAX_QUERY_CHARS],
            "fields": SEARCH_FIELDS,
            "default_operator": "and",
            # No FUZZY/SLOP/NEAR: they multiply the work per term for little gain on news text.
            "flags": "AND|OR|NOT|PHRASE|PREFIX|PRECEDENCE|WHITESPACE|ESCAPE",
        }
    }


def _facet_agg(own: str, facet_filters: dict[str, Any], inner: dict[str, Any]) -> dict[str, Any]:
    others = [f for name, f in facet_filters.items() if name != own]
    return {"filter": {"bool": {"filter": others}}, "aggs": {"values": inner}}


def _terms(name: str, values: tuple[str, ...]) -> dict[str, Any]:
    return {"terms": {f"facet.{name}.norm": list(values)}}


def _base_filters(request: SearchRequest) -> list[dict[str, Any]]:
    if not (request.published_from or request.published_to):
        return []
    bounds: dict[str, Any] = {"time_zone": "Asia/Jakarta", "format": "strict_date"}
    if request.published_from:
        bounds["gte"] = request.published_from.isoformat()
    if request.published_to:
        bounds["lte"] = request.published_to.isoformat()  # with lte, a day rounds up to its end
    return [{"range": {"published": bounds}}]


def _sort(order: Sort) -> list[Any]:
    tiebreak = {"id": "asc"}
    if order == "newest":
        return [{"published": {"order": "desc", "missing": "_last"}}, tiebreak]
    if order == "oldest":
        return [{"published": {"order": "asc", "missing": "_last"}}, tiebreak]
    return ["_score", tiebreak]


def _escape_wildcard(text: str) -> str:
    return text.replace("\\", "\\\\").replace("*", "\\*").replace("?", "\\?")
