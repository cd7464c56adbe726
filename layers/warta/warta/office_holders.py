"""Who held an office on a date, read from the index: the office-holder table is the corpus itself.

Every article stores its officials (nested) with their position and whether the post is a former one.
For "Kapolda Metro Jaya on 2012-07-01" we count, per person named in that post (not as "mantan"), the
articles published on or before the date and after it, within a window; the holder is the person last
named in the post on or before the date (a successor named before the date has taken over), else the
first named after it. Nothing is hand-typed: a new article that names a new Kapolda changes the answer.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from opensearchpy import OpenSearch

WINDOW = timedelta(days=730)  # how far from the date an article may be and still say who held the post
REQUEST_TIMEOUT = 5
_CANDIDATES = 20


def _in_post(position: str) -> dict[str, Any]:
    return {
        "bool": {
            "filter": [
                {"term": {"officials.position": {"value": position, "case_insensitive": True}}},
                {"term": {"officials.former": False}},
            ]
        }
    }


def holder_query(position: str, on: date) -> dict[str, Any]:
    """Articles naming someone in `position` within the window, with per-person first and last dates."""
    day = on.isoformat()
    bounds = {
        "gte": (on - WINDOW).isoformat(),
        "lte": (on + WINDOW).isoformat(),
        "format": "strict_date",
        "time_zone": "Asia/Jakarta",
    }
    per_person = {
        "reverse_nested": {},
        "aggs": {
            "until": {
                "filter": {
                    "range": {"published": {"lte": day, "format": "strict_date", "time_zone": "Asia/Jakarta"}}
                },
                "aggs": {"last": {"max": {"field": "published"}}},
            },
            "since": {
                "filter": {
                    "range": {"published": {"gt": day, "format": "strict_date", "time_zone": "Asia/Jakarta"}}
                },
                "aggs": {"first": {"min": {"field": "published"}}},
            },
        },
    }
    return {
        "size": 0,
        "timeout": "2s",
        "query": {
            "bool": {
                "filter": [
                    {"range": {"published": bounds}},
                    {"nested": {"path": "officials", "query": _in_post(position)}},
                ]
            }
        },
        "aggs": {
            "officials": {
                "nested": {"path": "officials"},
                "aggs": {
                    "in_post": {
                        "filter": _in_post(position),
                        "aggs": {
                            "people": {
                                "terms": {"field": "officials.key", "size": _CANDIDATES},
                                "aggs": {"articles": per_person},
                            }
                        },
                    }
                },
            }
        },
    }


def resolve_holder(response: dict[str, Any], position: str, on: date) -> dict[str, Any]:
    """The holder on `on` and every candidate with the evidence, from `holder_query`'s answer."""
    buckets = response["aggregations"]["officials"]["in_post"]["people"]["buckets"]
    candidates = []
    for bucket in buckets:
        articles = bucket["articles"]
        last = articles["until"]["last"].get("value_as_string")
        first = articles["since"]["first"].get("value_as_string")
        candidates.append(
            {
                "name": bucket["key"],
                "articles_until": articles["until"]["doc_count"],
                "last_named_until": last[:10] if last else None,
                "articles_after": articles["since"]["doc_count"],
                "first_named_after": first[:10] if first else None,
            }
        )
    before = [c for c in candidates if c["last_named_until"]]
    after = [c for c in candidates if c["first_named_after"]]
    holder = None
    if before:
        holder = max(before, key=lambda c: (c["last_named_until"], c["articles_until"]))["name"]
    elif after:
        holder = min(after, key=lambda c: (c["first_named_after"], -c["articles_after"]))["name"]
    return {"position": position, "date": on.isoformat(), "holder": holder, "candidates": candidates}


def office_holder(client: OpenSearch, alias: str, position: str, on: date) -> dict[str, Any]:
    response = client.search(index=alias, body=holder_query(position, on), request_timeout=REQUEST_TIMEOUT)
    return resolve_holder(response, position, on)
