"""The query mix of the search benchmark: one list of scenarios, each a `SearchRequest` that is sent
both ways, as API query parameters and as the `build_search` body straight to OpenSearch.

Kinds: free text, facet filters (with or without text), date ranges sorted by date, and deep pages
(a first page, then `next_cursor` followed for a few more pages). Deterministic from the seed."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import date, timedelta
from urllib.parse import urlencode

from warta.index.query import SearchRequest

from .search_corpus import TOPICS, Population

KINDS = ("text", "facet", "date", "cursor")
WEIGHTS = (35, 25, 20, 20)  # scenarios; a cursor scenario makes 1 + CURSOR_PAGES requests
CURSOR_PAGES = 3


@dataclass(frozen=True, slots=True)
class Scenario:
    kind: str
    request: SearchRequest
    pages: int = 1  # > 1: follow next_cursor for pages - 1 more requests


def scenarios(pop: Population, seed: int, count: int = 2000) -> list[Scenario]:
    rng = random.Random(seed + 2)
    words = [w for topic in TOPICS.values() for w in topic]
    out = []
    for _ in range(count):
        kind = rng.choices(KINDS, WEIGHTS)[0]
        if kind == "text":
            text = " ".join(rng.sample(words, rng.choice((1, 1, 2))))
            if rng.random() < 0.15:
                text = f'"{rng.choice(words)}" -{rng.choice(words)}'
            out.append(Scenario(kind, SearchRequest(text=text)))
        elif kind == "facet":
            filters: dict[str, tuple[str, ...]] = {}
            facet = rng.choice(("official", "region", "organization", "official+region"))
            if "official" in facet:
                filters["official"] = (rng.choices(pop.officials, pop.official_weights)[0].key,)
            if "region" in facet:
                filters["region"] = (rng.choices(pop.regions, pop.region_weights)[0].path[0],)
            if facet == "organization":
                filters["organization"] = (
                    rng.choices(pop.organizations, pop.organization_weights)[0].canonical,
                )
            text = rng.choice(words) if rng.random() < 0.4 else ""
            out.append(Scenario(kind, SearchRequest(text=text, filters=filters)))
        elif kind == "date":
            start = date(2012, 1, 1) + timedelta(days=rng.randrange(13 * 365))
            end = start + timedelta(days=rng.choice((7, 30, 90, 365)))
            text = rng.choice(words) if rng.random() < 0.5 else ""
            out.append(
                Scenario(
                    kind, SearchRequest(text=text, published_from=start, published_to=end, sort="newest")
                )
            )
        else:
            text = rng.choice(words) if rng.random() < 0.5 else ""
            out.append(
                Scenario(
                    kind,
                    SearchRequest(text=text, sort=rng.choice(("newest", "relevance")), size=20),
                    pages=1 + CURSOR_PAGES,
                )
            )
    return out


def api_path(request: SearchRequest) -> str:
    """The same request as the search API's query string."""
    params: list[tuple[str, str]] = []
    if request.text:
        params.append(("q", request.text))
    for name, values in request.filters.items():
        params.extend((name, v) for v in values)
    for name, values in request.exclude.items():
        params.extend((f"-{name}", v) for v in values)
    if request.published_from:
        params.append(("from", request.published_from.isoformat()))
    if request.published_to:
        params.append(("to", request.published_to.isoformat()))
    if request.sort != "relevance":
        params.append(("sort", request.sort))
    if request.size != 10:
        params.append(("size", str(request.size)))
    if request.cursor:
        params.append(("cursor", request.cursor))
    return "/search?" + urlencode(params)


def with_cursor(request: SearchRequest, cursor: str) -> SearchRequest:
    return replace(request, cursor=cursor)
