"""`GET /quotes` as query DSL: the articles holding a quote that matches, and those quotes (inner hits).

A nested query over `quotes` keeps the words and the speaker in the same quote: "Putut" and "tawuran"
must meet in one quote, not one in a quote and the other elsewhere in the article. The speaker is
matched on the full name (case and accents ignored, as the facets are) or on any of its words
("putut"). Free text goes through `simple_query_string`, as in the article search."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from .query import MAX_QUERY_CHARS, MAX_SIZE, SEARCH_TIMEOUT

QUOTES_PER_ARTICLE = 5
ARTICLE_FIELDS = ["title", "published", "site", "url", "key"]


@dataclass(frozen=True, slots=True)
class QuoteRequest:
    text: str = ""
    speakers: tuple[str, ...] = ()  # any of these speakers
    published_from: date | None = None
    published_to: date | None = None
    size: int = 10  # articles per page; each brings up to QUOTES_PER_ARTICLE quotes
    offset: int = 0


def build_quote_search(request: QuoteRequest) -> dict[str, Any]:
    must: list[dict[str, Any]] = []
    if request.text.strip():
        must.append(
            {
                "simple_query_string": {
                    "query": request.text[:MAX_QUERY_CHARS],
                    "fields": ["quotes.text", "quotes.text.unstemmed^1.5"],
                    "default_operator": "and",
                    "flags": "AND|OR|NOT|PHRASE|PREFIX|PRECEDENCE|WHITESPACE|ESCAPE",
                }
            }
        )
    speaker = _speaker_filter(request.speakers)
    nested: dict[str, Any] = {
        "path": "quotes",
        "score_mode": "max",
        "query": {"bool": {"must": must or [{"match_all": {}}], "filter": [speaker] if speaker else []}},
        "inner_hits": {
            "size": QUOTES_PER_ARTICLE,
            "_source": True,
            "highlight": {
                "fields": {"quotes.text": {"number_of_fragments": 0}},
                "pre_tags": ["<mark>"],
                "post_tags": ["</mark>"],
                "encoder": "html",
            },
        },
    }
    return {
        "query": {"bool": {"must": [{"nested": nested}], "filter": _published(request)}},
        "_source": ARTICLE_FIELDS,
        "size": min(max(request.size, 0), MAX_SIZE),
        "from": max(request.offset, 0),
        "track_total_hits": True,
        "timeout": SEARCH_TIMEOUT,
        # with words, the best quotes first; without, the newest
        "sort": (["_score"] if request.text.strip() else [])
        + [{"published": {"order": "desc", "missing": "_last"}}, {"id": "asc"}],
    }


def _speaker_filter(speakers: tuple[str, ...]) -> dict[str, Any] | None:
    wanted = [s for s in speakers if s.strip()]
    if not wanted:
        return None
    should: list[dict[str, Any]] = [{"terms": {"quotes.speaker.canonical.norm": [s.lower() for s in wanted]}}]
    should += [{"match": {"quotes.speaker.canonical.text": {"query": s, "operator": "and"}}} for s in wanted]
    return {"bool": {"should": should, "minimum_should_match": 1}}


def _published(request: QuoteRequest) -> list[dict[str, Any]]:
    if not (request.published_from or request.published_to):
        return []
    bounds: dict[str, Any] = {"time_zone": "Asia/Jakarta", "format": "strict_date"}
    if request.published_from:
        bounds["gte"] = request.published_from.isoformat()
    if request.published_to:
        bounds["lte"] = request.published_to.isoformat()
    return [{"range": {"published": bounds}}]
