"""The search API's response bodies, typed: the routes' return types, so Powertools checks what the
handler answers and docs/openapi.json describes real shapes (schemathesis holds the API to them).

The answers are TypedDicts that pydantic validates, not BaseModels: a search page holds a few hundred
small objects (hits, facet values, region pairs, histogram buckets), and building a model instance for
each cost 0.47 ms per answer against 0.18 ms for checking the dicts in place (`make bench-own`, search
handler CPU). The shape in the OpenAPI document is the same.

Every shape allows keys it does not name (`extra="allow"`): a field that a change adds to an answer before
it is added here passes through instead of being dropped, and clients that read only what is declared
keep working. To extend an answer, add the key to its TypedDict (as `NotRequired[...]` until every path
that builds the answer sets it)."""

from __future__ import annotations

from typing import Annotated, Any, NotRequired, TypedDict

from pydantic import BaseModel, ConfigDict, Field, with_config

OPEN = ConfigDict(extra="allow")


def _described(description: str) -> Any:
    return Field(description=description)


# --- search ----------------------------------------------------------------------------------------


@with_config(OPEN)
class HitOfficial(TypedDict):
    name: str
    rank: str | None
    position: str | None


@with_config(OPEN)
class HitRegion(TypedDict):
    canonical: str
    path: Annotated[list[str], _described("province first, then the levels down to this region")]


@with_config(OPEN)
class Hit(TypedDict):
    id: Annotated[str, _described("document id, for /documents/{doc_id}")]
    title: str | None
    published: Annotated[str | None, _described("ISO 8601 with the source's offset")]
    site: str | None
    url: str | None
    key: Annotated[str | None, _described("the object's key in the bucket")]
    snippet: Annotated[str, _described("body fragments, HTML-escaped, matches in <mark>")]
    title_highlight: Annotated[str | None, _described("the title, HTML-escaped, matches in <mark>")]
    officials: list[HitOfficial]
    regions: list[HitRegion]
    organizations: list[str]
    story_id: NotRequired[
        Annotated[str | None, _described("the story this article is a copy of (its first article's id)")]
    ]
    copies: NotRequired[
        Annotated[int | None, _described("with collapse=story: the story's articles in this search")]
    ]


@with_config(OPEN)
class FacetValue(TypedDict):
    value: str
    count: int


@with_config(OPEN)
class RegionFacetValue(TypedDict):
    value: str
    count: int
    children: Annotated[list[FacetValue], _described("regions below this province")]


@with_config(OPEN)
class Facets(TypedDict):
    """Counts per facet value, each counted with every *other* facet's filters applied."""

    official: list[FacetValue]
    position: list[FacetValue]
    organization: list[FacetValue]
    site: list[FacetValue]
    speaker: NotRequired[Annotated[list[FacetValue], _described("who is quoted in the articles")]]
    region: Annotated[list[RegionFacetValue], _described("provinces with their regions")]


@with_config(OPEN)
class HistogramBucket(TypedDict):
    date: Annotated[str, _described("first day of the bucket (YYYY-MM-DD, Asia/Jakarta)")]
    count: int


@with_config(OPEN)
class Histogram(TypedDict):
    interval: Annotated[str, _described("bucket width: 1d, 7d, 1M, 1y ...")]
    buckets: list[HistogramBucket]


@with_config(OPEN)
class SearchPage(TypedDict):
    total: int
    stories: NotRequired[
        Annotated[int | None, _described("distinct stories, with collapse=story or count=stories")]
    ]
    hits: list[Hit]
    next_cursor: Annotated[str | None, _described("pass as `cursor` for the next page")]
    facets: Annotated[Facets | None, _described("null on pages reached by cursor")]
    histogram: Histogram | None
    timed_out: bool
    took_ms: int | None


# --- documents -------------------------------------------------------------------------------------


@with_config(OPEN)
class Mention(TypedDict):
    type: Annotated[str, _described("official, region or organization")]
    value: Annotated[str, _described("the entity's canonical name, as in the facets")]
    start: int
    end: int


@with_config(OPEN)
class Dateline(TypedDict):
    """The story's dateline as printed at the start of the body ("JAKARTA, KOMPAS.com - ")."""

    text: str
    place: NotRequired[Annotated[str | None, _described("the place of reporting, as written")]]
    agency: NotRequired[Annotated[str | None, _described("the outlet or news agency, as written")]]
    place_start: NotRequired[Annotated[int | None, _described("the place's start offset in the body")]]
    place_end: NotRequired[Annotated[int | None, _described("the place's end offset in the body")]]


@with_config(OPEN)
class Document(TypedDict):
    """A stored article with its entities. Fields vary with the article and grow with the enrichment,
    so beyond the identity everything is optional and undeclared fields are kept."""

    id: str
    bucket: NotRequired[str | None]
    key: NotRequired[str | None]
    url: NotRequired[str | None]
    site: NotRequired[str | None]
    title: NotRequired[str | None]
    body: NotRequired[str | None]
    published: NotRequired[str | None]
    authors: NotRequired[list[str]]
    officials: NotRequired[list[dict[str, Any]]]
    regions: NotRequired[list[dict[str, Any]]]
    organizations: NotRequired[list[dict[str, Any]]]
    dates: NotRequired[list[dict[str, Any]]]
    quotes: NotRequired[Annotated[list[dict[str, Any]], _described("attributed quotes, as in /quotes")]]
    mentions: Annotated[list[Mention], _described("where each entity is written in the body")]
    # How the page was read (docs/extraction.md).
    title_source: NotRequired[
        Annotated[str | None, _described("whose wording the title is: h1, json-ld, og:title ...")]
    ]
    published_source: NotRequired[
        Annotated[
            str | None, _described("which signal gave the date: json-ld, itemprop, meta, dateline, time, url")
        ]
    ]
    extractor: NotRequired[
        Annotated[str | None, _described('"warta", or "trafilatura" when the fallback gave the body')]
    ]
    confidence: NotRequired[
        Annotated[float | None, Field(ge=0, le=1, description="how much the body looks like a story")]
    ]
    dateline: NotRequired[Dateline | None]


# --- quotes ----------------------------------------------------------------------------------------


@with_config(OPEN)
class QuoteSpeaker(TypedDict):
    name: Annotated[str, _described("as written at the quote")]
    canonical: Annotated[str, _described("the fullest name the article gives")]


@with_config(OPEN)
class QuoteArticle(TypedDict):
    id: Annotated[str, _described("document id, for /documents/{doc_id}")]
    title: NotRequired[str | None]
    published: NotRequired[str | None]
    site: NotRequired[str | None]
    url: NotRequired[str | None]
    key: NotRequired[str | None]


@with_config(OPEN)
class QuoteHit(TypedDict):
    text: Annotated[str, _described("direct: the words in the marks; indirect: the reported clause")]
    highlight: NotRequired[Annotated[str | None, _described("the text, HTML-escaped, matches in <mark>")]]
    kind: Annotated[str, _described("direct or indirect")]
    speaker: NotRequired[Annotated[QuoteSpeaker | None, _described("null for an unnamed speaker")]]
    speaker_role: NotRequired[str | None]
    cue: NotRequired[
        Annotated[str | None, _described("kata, ujar, mengatakan, menurut ...; null from context")]
    ]
    start: NotRequired[Annotated[int | None, _described("offset of the quote in the article's body")]]
    end: NotRequired[int | None]
    article: QuoteArticle


@with_config(OPEN)
class QuotesPage(TypedDict):
    total_articles: Annotated[int, _described("articles holding a matching quote")]
    quotes: Annotated[list[QuoteHit], _described("up to five matching quotes per article, articles in order")]
    timed_out: NotRequired[bool]
    took_ms: NotRequired[int | None]


@with_config(OPEN)
class Similar(TypedDict):
    hits: list[Hit]


@with_config(OPEN)
class Suggestions(TypedDict):
    field: str
    prefix: str
    values: list[FacetValue]


# --- errors ----------------------------------------------------------------------------------------


class Open(BaseModel):
    model_config = OPEN


class ErrorBody(Open):
    error: str = Field(
        description="a stable code: not_found, bad_cursor, bad_query, unavailable, timeout ..."
    )
    message: str


class ParameterProblem(Open):
    loc: list[str | int] = Field(description='where: ["query", "from"], ["path", "doc_id"] ...')
    type: str = Field(description="what: missing, string_too_long, date_from_datetime_parsing ...")


class ValidationFailure(Open):
    """Powertools' answer to parameters that fail validation (its own schema also requires a `msg` that
    its answers do not carry, so we declare what it sends)."""

    statusCode: int  # noqa: N815 - the name Powertools sends
    detail: list[ParameterProblem]


def responses(ok: str, *errors: int, encoded: Any = None) -> dict[int, Any]:
    """`responses=` for a route: 200 described as `ok` (its schema is the route's return type, or
    `encoded` for a route that answers a body it encoded itself), 422 for parameters that fail validation,
    and each error status with the error body."""

    def body(model: Any) -> dict[str, Any]:
        return {"application/json": {"model": model}}

    return {
        200: {"description": ok, "content": body(encoded)} if encoded is not None else {"description": ok},
        422: {"description": "a parameter failed validation", "content": body(ValidationFailure)},
        **{
            status: {"description": ERROR_DESCRIPTIONS[status], "content": body(ErrorBody)}
            for status in errors
        },
    }


ERROR_DESCRIPTIONS = {
    400: "a cursor or query the index cannot run",
    404: "no such document or route",
    502: "the search index answered with an error",
    503: "the search index is unreachable or overloaded",
    504: "the search took too long",
}
BACKEND_STATUSES = (502, 503, 504)
