"""The trends route's response body, typed as `warta.responses` types its answers (TypedDicts that
pydantic checks in place; undeclared keys pass through)."""

from __future__ import annotations

from typing import Annotated, NotRequired, TypedDict

from pydantic import with_config

from .responses import OPEN, _described


@with_config(OPEN)
class TrendBucket(TypedDict):
    date: Annotated[str, _described("first day of the period (YYYY-MM-DD, Asia/Jakarta)")]
    count: Annotated[int, _described("articles of this search in the period")]
    all: Annotated[int, _described("all articles published in the period")]
    share: Annotated[float, _described("count / all (0 when the period has no articles)")]


@with_config(OPEN)
class TrendSeries(TypedDict):
    label: Annotated[str, _described("the search's words, or the compare value as given")]
    total: int
    buckets: list[TrendBucket]


@with_config(OPEN)
class StandsOut(TypedDict):
    value: str
    count: Annotated[
        int, _described("articles (words: sampled articles, one per story) of the search with it")
    ]
    background: Annotated[int, _described("articles of the whole index with it")]
    score: float


@with_config(OPEN)
class StandingOut(TypedDict):
    official: NotRequired[list[StandsOut]]
    region: NotRequired[list[StandsOut]]
    organization: NotRequired[list[StandsOut]]
    words: NotRequired[list[StandsOut]]


@with_config(OPEN)
class TrendsPage(TypedDict):
    interval: str
    total: Annotated[int, _described("all articles in the index")]
    series: Annotated[list[TrendSeries], _described("the search first, then each compare search")]
    stands_out: Annotated[
        StandingOut, _described("what stands out in the first search against the whole index")
    ]
    timed_out: NotRequired[bool]
