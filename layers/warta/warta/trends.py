"""Trends: how often searches come up over time, as counts and as a share of all articles, and what
stands out in a search against the whole corpus.

One request per call. Every series is a `filter` aggregation (the search's query and filters) holding
a date histogram with the same fixed interval and bounds as the histogram of all articles, so each
bucket's share is its count over all articles published in that bucket. "What stands out" is
`significant_terms` over the entity facets and `significant_text` over the body, both with the first
search as foreground and the whole index as background; the words come from a sampler that takes at
most one article per story, so syndicated copies do not make their own wording stand out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal
from urllib.parse import parse_qs

from opensearchpy import OpenSearch

from .index.facets import EXCLUDES, FILTERS
from .index.query import MAX_QUERY_CHARS, SearchRequest, build_search
from .stopwords import INDONESIAN_STOP_WORDS

Interval = Literal["day", "week", "month", "year"]
MAX_SERIES = 5
MAX_BUCKETS = 400  # a day interval over more than about a year is refused: ask for weeks or months
STANDS_OUT_FIELDS = {
    "official": "facet.official",
    "region": "facet.region",
    "organization": "facet.organization",
}
STANDS_OUT_SIZE = 10
SAMPLE_PER_SHARD = 300
REQUEST_TIMEOUT = 10


class BadTrendRequest(ValueError):
    """A compare search that cannot be read, too many series, or too many buckets."""


@dataclass(frozen=True, slots=True)
class Series:
    label: str
    request: SearchRequest


def parse_compare(value: str) -> Series:
    """A compare value is a search in URL form, e.g. "q=banjir&region=Jawa Barat" (URL-encoded once
    more inside the outer query string); a value without "=" is plain text."""
    if "=" not in value:
        return Series(value, SearchRequest(text=value[:MAX_QUERY_CHARS]))
    try:
        fields = parse_qs(value, keep_blank_values=False, max_num_fields=30)
    except ValueError as exc:  # more fields than that
        raise BadTrendRequest(f"compare: {exc}") from exc
    unknown = set(fields) - {"q", "from", "to", *FILTERS, *(f"-{name}" for name in EXCLUDES)}
    if unknown:
        raise BadTrendRequest(f"compare: unknown parameter {min(unknown)!r}")
    try:
        published_from = date.fromisoformat(fields["from"][0]) if "from" in fields else None
        published_to = date.fromisoformat(fields["to"][0]) if "to" in fields else None
    except ValueError as exc:
        raise BadTrendRequest(f"compare: {exc}") from exc
    request = SearchRequest(
        text=" ".join(fields.get("q", []))[:MAX_QUERY_CHARS],
        filters={name: tuple(fields[name]) for name in FILTERS if name in fields},
        exclude={name: tuple(fields[f"-{name}"]) for name in EXCLUDES if f"-{name}" in fields},
        published_from=published_from,
        published_to=published_to,
    )
    return Series(value, request)


def series_query(request: SearchRequest) -> dict[str, Any]:
    """The search's query with its facet filters, for a filter aggregation."""
    body = build_search(request)
    facet_filters = body["post_filter"]["bool"]["filter"]
    return {"bool": {"must": [body["query"]], "filter": facet_filters}} if facet_filters else body["query"]


def trends_body(series: list[Series], interval: Interval, *, stands_out: bool = True) -> dict[str, Any]:
    if not 1 <= len(series) <= MAX_SERIES:
        raise BadTrendRequest(f"between 1 and {MAX_SERIES} searches")
    histogram = {
        "date_histogram": {
            "field": "published",
            "calendar_interval": interval,
            "time_zone": "Asia/Jakarta",
            "format": "yyyy-MM-dd",
            "min_doc_count": 0,
        }
    }
    aggs: dict[str, Any] = {"all": histogram}
    for number, one in enumerate(series):
        aggs[f"series_{number}"] = {"filter": series_query(one.request), "aggs": {"over_time": histogram}}
    if stands_out:
        inner: dict[str, Any] = {
            name: {"significant_terms": {"field": field, "size": STANDS_OUT_SIZE, "min_doc_count": 2}}
            for name, field in STANDS_OUT_FIELDS.items()
        }
        inner["one_per_story"] = {
            "diversified_sampler": {
                "shard_size": SAMPLE_PER_SHARD,
                "field": "story_id",
                "max_docs_per_value": 1,
            },
            "aggs": {
                "words": {
                    "significant_text": {
                        "field": "body.unstemmed",
                        "source_fields": ["body"],
                        "filter_duplicate_text": True,
                        "size": STANDS_OUT_SIZE * 2,
                        "min_doc_count": 2,
                        "exclude": sorted(INDONESIAN_STOP_WORDS),
                    }
                }
            },
        }
        aggs["series_0"]["aggs"].update(inner)
    return {"size": 0, "track_total_hits": True, "timeout": "5s", "query": {"match_all": {}}, "aggs": aggs}


def trends(
    client: OpenSearch, alias: str, series: list[Series], interval: Interval = "month"
) -> dict[str, Any]:
    _check_span(client, alias, interval)
    response = client.search(index=alias, body=trends_body(series, interval), request_timeout=REQUEST_TIMEOUT)
    aggs = response["aggregations"]
    totals = {b["key_as_string"]: b["doc_count"] for b in aggs["all"]["buckets"]}
    answer_series = []
    for number, one in enumerate(series):
        found = aggs[f"series_{number}"]
        counts = {b["key_as_string"]: b["doc_count"] for b in found["over_time"]["buckets"]}
        answer_series.append(
            {
                "label": one.label,
                "total": found["doc_count"],
                "buckets": [
                    {
                        "date": day,
                        "count": counts.get(day, 0),
                        "all": all_count,
                        "share": round(counts.get(day, 0) / all_count, 6) if all_count else 0.0,
                    }
                    for day, all_count in totals.items()
                ],
            }
        )
    main = aggs["series_0"]
    stands_out = {name: [_significant(b) for b in main[name]["buckets"]] for name in STANDS_OUT_FIELDS}
    stands_out["words"] = [_significant(b) for b in main["one_per_story"]["words"]["buckets"]][
        :STANDS_OUT_SIZE
    ]
    return {
        "interval": interval,
        "total": response["hits"]["total"]["value"],
        "series": answer_series,
        "stands_out": stands_out,
        "timed_out": response.get("timed_out", False),
    }


def _check_span(client: OpenSearch, alias: str, interval: Interval) -> None:
    """Refuse an interval that would make too many buckets for the index's span of dates."""
    stats = client.search(
        index=alias,
        body={"size": 0, "aggs": {"span": {"stats": {"field": "published"}}}},
        request_timeout=REQUEST_TIMEOUT,
    )["aggregations"]["span"]
    if not stats.get("count"):
        return
    days = (stats["max"] - stats["min"]) / 86_400_000
    per_bucket = {"day": 1, "week": 7, "month": 30, "year": 365}[interval]
    if days / per_bucket > MAX_BUCKETS:
        raise BadTrendRequest(f"interval={interval} gives more than {MAX_BUCKETS} buckets: use a longer one")


def _significant(bucket: dict[str, Any]) -> dict[str, Any]:
    return {
        "value": bucket["key"],
        "count": bucket["doc_count"],
        "background": bucket["bg_count"],
        "score": round(bucket["score"], 4),
    }
