"""The trends route's response body as pydantic models (see warta.responses for the conventions)."""

from __future__ import annotations

from pydantic import Field

from .responses import Open


class TrendBucket(Open):
    date: str = Field(description="first day of the period (YYYY-MM-DD, Asia/Jakarta)")
    count: int = Field(description="articles of this search in the period")
    all: int = Field(description="all articles published in the period")
    share: float = Field(description="count / all (0 when the period has no articles)")


class TrendSeries(Open):
    label: str = Field(description="the search's words, or the compare value as given")
    total: int
    buckets: list[TrendBucket]


class StandsOut(Open):
    value: str
    count: int = Field(description="articles (words: sampled articles, one per story) of the search with it")
    background: int = Field(description="articles of the whole index with it")
    score: float


class StandingOut(Open):
    official: list[StandsOut] = Field(default_factory=list)
    region: list[StandsOut] = Field(default_factory=list)
    organization: list[StandsOut] = Field(default_factory=list)
    words: list[StandsOut] = Field(default_factory=list)


class TrendsPage(Open):
    interval: str
    total: int = Field(description="all articles in the index")
    series: list[TrendSeries] = Field(description="the search first, then each compare search")
    stands_out: StandingOut = Field(description="what stands out in the first search against the whole index")
    timed_out: bool = False
