"""The search API's response bodies as pydantic models: the routes' return types, so the handler
checks what it answers and docs/openapi.json describes real shapes (schemathesis holds the API to them).

Every model allows fields it does not name (`extra="allow"`): a field that a change adds to an answer
before it is added here passes through instead of being dropped, and clients that read only what is
declared keep working. To extend an answer, add the field to its model with a default."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Open(BaseModel):
    """Declared fields are checked; undeclared ones pass through unchanged."""

    model_config = ConfigDict(extra="allow")


# --- search ----------------------------------------------------------------------------------------


class HitOfficial(Open):
    name: str
    rank: str | None = None
    position: str | None = None


class HitRegion(Open):
    canonical: str
    path: list[str] = Field(description="province first, then the levels down to this region")


class Hit(Open):
    id: str = Field(description="document id, for /documents/{doc_id}")
    title: str | None = None
    published: str | None = Field(default=None, description="ISO 8601 with the source's offset")
    site: str | None = None
    url: str | None = None
    key: str | None = Field(default=None, description="the object's key in the bucket")
    snippet: str = Field(default="", description="body fragments, HTML-escaped, matches in <mark>")
    title_highlight: str | None = Field(default=None, description="the title, HTML-escaped, matches in <mark>")
    officials: list[HitOfficial] = []
    regions: list[HitRegion] = []
    organizations: list[str] = []


class FacetValue(Open):
    value: str
    count: int


class RegionFacetValue(FacetValue):
    children: list[FacetValue] = Field(default=[], description="regions below this province")


class Facets(Open):
    """Counts per facet value, each counted with every *other* facet's filters applied."""

    official: list[FacetValue] = []
    position: list[FacetValue] = []
    organization: list[FacetValue] = []
    site: list[FacetValue] = []
    speaker: list[FacetValue] = Field(default=[], description="who is quoted in the articles")
    region: list[RegionFacetValue] = Field(default=[], description="provinces with their regions")


class HistogramBucket(Open):
    date: str = Field(description="first day of the bucket (YYYY-MM-DD, Asia/Jakarta)")
    count: int


class Histogram(Open):
    interval: str = Field(description="bucket width: 1d, 7d, 1M, 1y ...")
    buckets: list[HistogramBucket]


class SearchPage(Open):
    total: int
    hits: list[Hit]
    next_cursor: str | None = Field(default=None, description="pass as `cursor` for the next page")
    facets: Facets | None = Field(default=None, description="absent on pages reached by cursor")
    histogram: Histogram | None = None
    timed_out: bool = False
    took_ms: int | None = None


# --- documents -------------------------------------------------------------------------------------


class Mention(Open):
    type: str = Field(description="official, region or organization")
    value: str = Field(description="the entity's canonical name, as in the facets")
    start: int
    end: int


class Document(Open):
    """A stored article with its entities. Fields vary with the article and grow with the enrichment,
    so beyond the identity everything is optional and undeclared fields are kept."""

    id: str
    bucket: str | None = None
    key: str | None = None
    url: str | None = None
    site: str | None = None
    title: str | None = None
    body: str | None = None
    published: str | None = None
    authors: list[str] = []
    officials: list[dict[str, Any]] = []
    regions: list[dict[str, Any]] = []
    organizations: list[dict[str, Any]] = []
    dates: list[dict[str, Any]] = []
    quotes: list[dict[str, Any]] = Field(default=[], description="attributed quotes, as in /quotes")
    mentions: list[Mention] = Field(default=[], description="where each entity is written in the body")


# --- quotes ----------------------------------------------------------------------------------------


class QuoteSpeaker(Open):
    name: str = Field(description="as written at the quote")
    canonical: str = Field(description="the fullest name the article gives")


class QuoteArticle(Open):
    id: str = Field(description="document id, for /documents/{doc_id}")
    title: str | None = None
    published: str | None = None
    site: str | None = None
    url: str | None = None
    key: str | None = None


class QuoteHit(Open):
    text: str = Field(description="direct: the words in the marks; indirect: the reported clause")
    highlight: str | None = Field(default=None, description="the text, HTML-escaped, matches in <mark>")
    kind: str = Field(description="direct or indirect")
    speaker: QuoteSpeaker | None = Field(default=None, description="null for an unnamed speaker")
    speaker_role: str | None = None
    cue: str | None = Field(default=None, description="kata, ujar, mengatakan, menurut ...; null from context")
    start: int | None = Field(default=None, description="offset of the quote in the article's body")
    end: int | None = None
    article: QuoteArticle


class QuotesPage(Open):
    total_articles: int = Field(description="articles holding a matching quote")
    quotes: list[QuoteHit] = Field(description="up to five matching quotes per article, articles in order")
    timed_out: bool = False
    took_ms: int | None = None


class Similar(Open):
    hits: list[Hit]


class Suggestions(Open):
    field: str
    prefix: str
    values: list[FacetValue]


# --- errors ----------------------------------------------------------------------------------------


class ErrorBody(Open):
    error: str = Field(description="a stable code: not_found, bad_cursor, bad_query, unavailable, timeout ...")
    message: str


class ParameterProblem(Open):
    loc: list[str | int] = Field(description='where: ["query", "from"], ["path", "doc_id"] ...')
    type: str = Field(description="what: missing, string_too_long, date_from_datetime_parsing ...")


class ValidationFailure(Open):
    """Powertools' answer to parameters that fail validation (its own schema also requires a `msg` that
    its answers do not carry, so we declare what it sends)."""

    statusCode: int  # noqa: N815 - the name Powertools sends
    detail: list[ParameterProblem]


def responses(ok: str, *errors: int) -> dict[int, Any]:
    """`responses=` for a route: 200 described as `ok` (its schema is the route's return type), 422 for
    parameters that fail validation, and each error status with the error body."""
    def body(model: type[BaseModel]) -> dict[str, Any]:
        return {"application/json": {"model": model}}

    return {200: {"description": ok},
            422: {"description": "a parameter failed validation", "content": body(ValidationFailure)},
            **{status: {"description": ERROR_DESCRIPTIONS[status], "content": body(ErrorBody)} for status in errors}}


ERROR_DESCRIPTIONS = {
    400: "a cursor or query the index cannot run",
    404: "no such document or route",
    502: "the search index answered with an error",
    503: "the search index is unreachable or overloaded",
    504: "the search took too long",
}
BACKEND_STATUSES = (502, 503, 504)
