"""Search requests: full text, facet filters and facet counts, built as OpenSearch query DSL.

Users never send DSL: free text goes through `simple_query_string`, filters through term queries on
normalised facet fields. Each facet is counted with every *other* filter applied, so a user can pick
several values of one facet (multi-select) and still see the alternatives."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

FACETS = ("official", "position", "region", "province", "organization", "site")
SEARCH_FIELDS = ["title^3", "title.exact^4", "body", "body.exact^1.5", "officials.name^2"]
MAX_SIZE = 100
FACET_SIZE = 20


@dataclass(frozen=True, slots=True)
class SearchRequest:
    text: str = ""
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)  # facet -> any of these values
    published_from: date | None = None
    published_to: date | None = None
    size: int = 10
    offset: int = 0


def build_search(request: SearchRequest) -> dict[str, Any]:
    query: dict[str, Any]
    if request.text.strip():
        query = {"simple_query_string": {"query": request.text, "fields": SEARCH_FIELDS,
                                         "default_operator": "and", "flags": "AND|OR|NOT|PHRASE|PREFIX|PRECEDENCE|WHITESPACE|ESCAPE"}}
    else:
        query = {"match_all": {}}
    date_filter = _date_filter(request)
    facet_filters = {name: _facet_filter(name, values) for name, values in request.filters.items() if values}
    base_filters = [date_filter] if date_filter else []
    aggregations = {
        name: {
            "filter": {"bool": {"filter": [f for other, f in facet_filters.items() if other != name]}},
            "aggs": {"values": {"terms": {"field": f"facet.{name}", "size": FACET_SIZE}}},
        }
        for name in FACETS
    }
    aggregations["published"] = {
        "filter": {"bool": {"filter": list(facet_filters.values())}},
        "aggs": {"values": {"date_histogram": {"field": "published", "calendar_interval": "month",
                                               "time_zone": "Asia/Jakarta", "min_doc_count": 0}}},
    }
    return {
        "query": {"bool": {"must": [query], "filter": base_filters}},
        # Facet filters go in post_filter so the facet counts above can leave their own facet out.
        "post_filter": {"bool": {"filter": list(facet_filters.values())}},
        "aggs": aggregations,
        "size": min(max(request.size, 0), MAX_SIZE),
        "from": max(request.offset, 0),
        "track_total_hits": True,
        "_source": {"excludes": ["body"]},
        "highlight": {"fields": {"body": {"fragment_size": 160, "number_of_fragments": 2},
                                 "title": {"number_of_fragments": 0}},
                      "pre_tags": ["<mark>"], "post_tags": ["</mark>"], "encoder": "html"},
        "sort": ["_score", {"published": {"order": "desc", "missing": "_last"}}],
    }


def _facet_filter(name: str, values: tuple[str, ...]) -> dict[str, Any]:
    # The facet normalizer lowercases and folds accents at index time; terms on a keyword field with a
    # normalizer are normalised at query time too, so "dki jakarta" finds "DKI Jakarta".
    return {"terms": {f"facet.{name}": list(values)}}


def _date_filter(request: SearchRequest) -> dict[str, Any] | None:
    if not (request.published_from or request.published_to):
        return None
    bounds: dict[str, Any] = {"time_zone": "Asia/Jakarta"}
    if request.published_from:
        bounds["gte"] = request.published_from.isoformat()
    if request.published_to:
        bounds["lte"] = request.published_to.isoformat()  # whole day: dates round up with lte
    return {"range": {"published": bounds}}
