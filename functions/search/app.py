"""Search function: the HTTP API over the index. Routes are wiring; `warta.search` does the work.

(No `from __future__ import annotations` here: Powertools reads the route signatures at run time to
validate parameters and to generate the OpenAPI document.)"""

import gc
from datetime import date
from functools import cache
from pathlib import Path as FilePath
from typing import Annotated, Any

import orjson
from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.event_handler import APIGatewayHttpResolver, Response
from aws_lambda_powertools.event_handler.exceptions import NotFoundError
from aws_lambda_powertools.event_handler.openapi.params import Body, Path, Query
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.metrics import MetricUnit
from aws_lambda_powertools.utilities.typing import LambdaContext
from warta.alerts import api as alerts_api
from warta.alerts import store as alerts_store
from warta.alerts.definition import BadAlert
from warta.explorer import ASSET_CACHE, PAGE_CACHE, headers_for, load_asset, not_modified
from warta.export import MEDIA_TYPES as EXPORT_MEDIA_TYPES
from warta.export import ROUTE_MAX_ROWS as EXPORT_MAX_ROWS
from warta.export import Format as ExportFormat
from warta.export import page as export_page
from warta.export import render as render_rows
from warta.index.errors import BadQuery, IndexTimeout, IndexUnavailable, SearchBackendError
from warta.index.facets import SuggestField
from warta.index.query import MAX_QUERY_CHARS, MAX_SIZE, BadCursor, SearchRequest, Sort
from warta.index.quote_query import QuoteRequest
from warta.index.story_query import Collapse, CollapseWithCursor, Count
from warta.office_holders import office_holder
from warta.quote_search import search_quotes
from warta.responses import (
    BACKEND_STATUSES,
    Document,
    QuotesPage,
    SearchPage,
    Similar,
    Suggestions,
    responses,
)
from warta.route_facts import cache_route_facts
from warta.search import DocumentNotFound, get_document, similar, suggest
from warta.search import search as run_search
from warta.tracing import make_tracer
from warta.trend_responses import TrendsPage
from warta.trends import MAX_SERIES as MAX_TREND_SERIES
from warta.trends import BadTrendRequest, parse_compare
from warta.trends import Interval as TrendInterval
from warta.trends import Series as TrendSeries
from warta.trends import trends as run_trends

cache_route_facts()  # Powertools re-derives per request what never changes per route (warta.route_facts)
# A search answer decodes into about 1,500 objects that live together until it is encoded. At the default
# threshold (700 more tracked objects than freed) that peak set off a collection in two requests of
# three, walking objects that were all alive: 0.03 ms of 0.58 per search, replayed (docs/benchmarks.md).
# At 10,000 the peak stays under it, and the few cycles a request leaves (about 20 objects) are
# collected every few hundred requests.
gc.set_threshold(10_000, *gc.get_threshold()[1:])
logger = Logger()
tracer = make_tracer()  # a no-op unless tracing is on (warta.tracing)
metrics = Metrics()


def _to_json(value: Any) -> str:
    # orjson: a search answer with its facets is about 20 KB; this encodes it in a tenth of json.dumps' time.
    return orjson.dumps(value).decode()


def _encoded(answer: Any) -> Response[str]:
    """A 200 whose JSON body is encoded here, once. With the answer's type as the route's return type,
    Powertools validates the answer and re-walks it into a copy before encoding it: 0.33 ms for a search
    page's few hundred objects, on every request (`make bench-own`). The route declares the shape with
    `responses(..., encoded=...)` instead, so docs/openapi.json is unchanged, and the shape is held to it
    by the shaping functions' unit tests and by schemathesis against the real node (test_api_fuzz.py)."""
    return Response(status_code=200, content_type="application/json", body=_to_json(answer))


app = APIGatewayHttpResolver(enable_validation=True, serializer=_to_json)
API_INFO = {
    "title": "Warta search API",
    "version": "1",
    "description": "Indonesian news, searchable by official, region, organization and date.",
}

DOC_ID = Annotated[str, Path(pattern=r"^[0-9a-f]{40}$", description="document id (from a search hit)")]


def _values(description: str, alias: str | None = None) -> Any:
    return Query(alias=alias, description=description, max_length=20)


Official = Annotated[list[str] | None, _values("official's name; repeat for any of several")]
Position = Annotated[list[str] | None, _values("position, e.g. 'Kapolda Metro Jaya'")]
Region = Annotated[list[str] | None, _values("region at any level: a province also finds its cities")]
Organization = Annotated[list[str] | None, _values("organization, full name")]
Site = Annotated[list[str] | None, _values("site name")]
Person = Annotated[
    list[str] | None,
    _values("person named in the article; an alias finds the canonical person ('Jokowi' finds Joko Widodo)"),
]
Speaker = Annotated[list[str] | None, _values("who is quoted: the full name, or a word of it")]


@app.get(
    "/search",
    summary="Full-text and faceted search",
    responses=responses(
        "a page of hits, with facets and histogram", 400, *BACKEND_STATUSES, encoded=SearchPage
    ),
)
@tracer.capture_method
def search_route(
    q: Annotated[
        str, Query(max_length=MAX_QUERY_CHARS, description='words; "quoted phrase", -exclude, a | b')
    ] = "",
    official: Official = None,
    position: Position = None,
    region: Region = None,
    organization: Organization = None,
    site: Site = None,
    person: Person = None,
    region_mentioned: Annotated[
        list[str] | None, _values("region the story is about (any level), not counting the dateline's place")
    ] = None,
    speaker: Annotated[
        list[str] | None, _values("who is quoted: the full name as in the speaker facet")
    ] = None,
    official_position: Annotated[
        list[str] | None,
        _values(
            "'name|position': this official, in this position, e.g. 'Putut Eko Bayu Seno|Kapolda Metro Jaya'"
        ),
    ] = None,
    not_official: Annotated[
        list[str] | None, _values("exclude articles naming this official", "-official")
    ] = None,
    not_position: Annotated[list[str] | None, _values("exclude this position", "-position")] = None,
    not_region: Annotated[list[str] | None, _values("exclude this region (any level)", "-region")] = None,
    not_organization: Annotated[
        list[str] | None, _values("exclude this organization", "-organization")
    ] = None,
    not_site: Annotated[list[str] | None, _values("exclude this site", "-site")] = None,
    not_person: Annotated[list[str] | None, _values("exclude articles naming this person", "-person")] = None,
    not_speaker: Annotated[
        list[str] | None, _values("exclude articles quoting this speaker", "-speaker")
    ] = None,
    from_: Annotated[
        date | None, Query(alias="from", description="published on or after (YYYY-MM-DD)")
    ] = None,
    to: Annotated[date | None, Query(description="published on or before (YYYY-MM-DD)")] = None,
    sort: Annotated[Sort, Query(description="relevance, newest or oldest")] = "relevance",
    size: Annotated[int, Query(ge=0, le=MAX_SIZE)] = 10,
    offset: Annotated[int, Query(ge=0, le=1_000, description="for the first pages; use cursor beyond")] = 0,
    cursor: Annotated[
        str | None, Query(max_length=512, description="next_cursor of the previous page")
    ] = None,
    collapse: Annotated[
        Collapse | None,
        Query(description="story: one hit per story (its first match), with `copies`; pages with offset"),
    ] = None,
    count: Annotated[
        Count, Query(description="what facets and the histogram count: articles or stories")
    ] = "articles",
) -> Response[str]:
    request = SearchRequest(
        text=q,
        filters=_named(
            (
                ("official", official),
                ("position", position),
                ("region", region),
                ("organization", organization),
                ("site", site),
                ("official_position", official_position),
                ("speaker", speaker),
                ("person", person),
                ("region_mentioned", region_mentioned),
            )
        ),
        exclude=_named(
            (
                ("official", not_official),
                ("position", not_position),
                ("region", not_region),
                ("organization", not_organization),
                ("site", not_site),
                ("speaker", not_speaker),
                ("person", not_person),
            )
        ),
        published_from=from_,
        published_to=to,
        sort=sort,
        size=size,
        offset=offset,
        cursor=cursor,
        collapse=collapse,
        count=count,
    )
    client, alias = _index()
    metrics.add_metric(name="Searches", unit=MetricUnit.Count, value=1)
    return _encoded(run_search(client, alias, request))


@app.get(
    "/quotes",
    summary="Quotes: who said what, with the article each comes from",
    responses=responses("matching quotes, highlighted, with their articles", 400, *BACKEND_STATUSES),
)
@tracer.capture_method
def quotes_route(
    speaker: Speaker = None,
    q: Annotated[str, Query(max_length=MAX_QUERY_CHARS, description="words in the quote")] = "",
    from_: Annotated[
        date | None, Query(alias="from", description="published on or after (YYYY-MM-DD)")
    ] = None,
    to: Annotated[date | None, Query(description="published on or before (YYYY-MM-DD)")] = None,
    size: Annotated[int, Query(ge=0, le=MAX_SIZE, description="articles per page")] = 10,
    offset: Annotated[int, Query(ge=0, le=1_000)] = 0,
) -> QuotesPage:
    request = QuoteRequest(
        text=q, speakers=tuple(speaker or ()), published_from=from_, published_to=to, size=size, offset=offset
    )
    client, alias = _index()
    metrics.add_metric(name="QuoteSearches", unit=MetricUnit.Count, value=1)
    return search_quotes(client, alias, request)  # type: ignore[return-value]  # the dict has this shape; Powertools checks it


EXPORT_OK = {
    "description": "up to `rows` rows in id order, CSV (a header row first) or JSON lines; the "
    "X-Next-Cursor header, when present, continues the export",
    "content": {
        "text/csv": {"schema": {"type": "string"}},
        "application/x-ndjson": {"schema": {"type": "string"}},
    },
}


@app.get(
    "/export",
    summary="Every hit of a search as CSV or JSON lines, a capped page at a time",
    responses={**responses("rows", 400, *BACKEND_STATUSES), 200: EXPORT_OK},
)
@tracer.capture_method
def export_route(
    q: Annotated[str, Query(max_length=MAX_QUERY_CHARS, description="words, as for /search")] = "",
    official: Official = None,
    position: Position = None,
    region: Region = None,
    organization: Organization = None,
    site: Site = None,
    person: Person = None,
    speaker: Speaker = None,
    official_position: Annotated[list[str] | None, _values("'name|position', as for /search")] = None,
    not_official: Annotated[list[str] | None, _values("exclude this official", "-official")] = None,
    not_position: Annotated[list[str] | None, _values("exclude this position", "-position")] = None,
    not_region: Annotated[list[str] | None, _values("exclude this region (any level)", "-region")] = None,
    not_organization: Annotated[
        list[str] | None, _values("exclude this organization", "-organization")
    ] = None,
    not_site: Annotated[list[str] | None, _values("exclude this site", "-site")] = None,
    not_person: Annotated[list[str] | None, _values("exclude articles naming this person", "-person")] = None,
    not_speaker: Annotated[
        list[str] | None, _values("exclude articles quoting this speaker", "-speaker")
    ] = None,
    from_: Annotated[
        date | None, Query(alias="from", description="published on or after (YYYY-MM-DD)")
    ] = None,
    to: Annotated[date | None, Query(description="published on or before (YYYY-MM-DD)")] = None,
    format: Annotated[ExportFormat, Query(description="csv or jsonl")] = "csv",
    rows: Annotated[
        int, Query(ge=1, le=EXPORT_MAX_ROWS, description="rows in this response")
    ] = EXPORT_MAX_ROWS,
    cursor: Annotated[
        str | None, Query(max_length=512, description="X-Next-Cursor of the previous page")
    ] = None,
) -> Response[str]:
    request = SearchRequest(
        text=q,
        filters=_named(
            (
                ("official", official),
                ("position", position),
                ("region", region),
                ("organization", organization),
                ("site", site),
                ("person", person),
                ("speaker", speaker),
                ("official_position", official_position),
            )
        ),
        exclude=_named(
            (
                ("official", not_official),
                ("position", not_position),
                ("region", not_region),
                ("organization", not_organization),
                ("site", not_site),
                ("person", not_person),
                ("speaker", not_speaker),
            )
        ),
        published_from=from_,
        published_to=to,
    )
    client, alias = _index()
    found, next_cursor = export_page(client, alias, request, rows=rows, cursor=cursor)
    headers = {"Content-Disposition": f'attachment; filename="warta-export.{format}"'}
    if next_cursor:
        headers["X-Next-Cursor"] = next_cursor
    metrics.add_metric(name="Exports", unit=MetricUnit.Count, value=1)
    return Response(
        status_code=200,
        content_type=EXPORT_MEDIA_TYPES[format],
        body=render_rows(found, format),
        headers=headers,
    )


@app.get(
    "/trends",
    summary="Counts over time, as shares of all articles, side by side; what stands out",
    responses=responses("series per period and what stands out", 400, *BACKEND_STATUSES),
)
@tracer.capture_method
def trends_route(
    q: Annotated[str, Query(max_length=MAX_QUERY_CHARS, description="words, as for /search")] = "",
    official: Official = None,
    position: Position = None,
    region: Region = None,
    organization: Organization = None,
    site: Site = None,
    person: Person = None,
    speaker: Speaker = None,
    not_official: Annotated[list[str] | None, _values("exclude this official", "-official")] = None,
    not_region: Annotated[list[str] | None, _values("exclude this region (any level)", "-region")] = None,
    not_organization: Annotated[
        list[str] | None, _values("exclude this organization", "-organization")
    ] = None,
    not_site: Annotated[list[str] | None, _values("exclude this site", "-site")] = None,
    not_person: Annotated[list[str] | None, _values("exclude articles naming this person", "-person")] = None,
    not_speaker: Annotated[
        list[str] | None, _values("exclude articles quoting this speaker", "-speaker")
    ] = None,
    from_: Annotated[
        date | None, Query(alias="from", description="published on or after (YYYY-MM-DD)")
    ] = None,
    to: Annotated[date | None, Query(description="published on or before (YYYY-MM-DD)")] = None,
    interval: Annotated[TrendInterval, Query(description="day, week, month or year")] = "month",
    compare: Annotated[
        list[str] | None,
        Query(
            max_length=MAX_TREND_SERIES - 1,
            description=(
                "another search to set beside this one, in URL form ('q=banjir&region=Jawa Barat') or plain words; "
                "repeat for several"
            ),
        ),
    ] = None,
) -> TrendsPage:
    request = SearchRequest(
        text=q,
        filters=_named(
            (
                ("official", official),
                ("position", position),
                ("region", region),
                ("organization", organization),
                ("site", site),
                ("person", person),
                ("speaker", speaker),
            )
        ),
        exclude=_named(
            (
                ("official", not_official),
                ("region", not_region),
                ("organization", not_organization),
                ("site", not_site),
                ("person", not_person),
                ("speaker", not_speaker),
            )
        ),
        published_from=from_,
        published_to=to,
    )
    series = [TrendSeries(q or "all articles", request), *(parse_compare(value) for value in compare or [])]
    client, alias = _index()
    return run_trends(client, alias, series, interval)  # type: ignore[return-value]  # the dict has this shape; Powertools checks it


def _named(pairs: tuple[tuple[str, list[str] | None], ...]) -> dict[str, tuple[str, ...]]:
    return {name: tuple(values) for name, values in pairs if values}


@app.get(
    "/documents/<doc_id>",
    summary="One document with its entities and where they are written",
    responses=responses("the document, its entities and their mentions", 404, *BACKEND_STATUSES),
)
@tracer.capture_method
def document_route(doc_id: DOC_ID) -> Document:
    client, alias = _index()
    return get_document(client, alias, doc_id)  # type: ignore[return-value]


@app.get(
    "/documents/<doc_id>/similar",
    summary="Articles like this one",
    responses=responses("the most similar articles", 404, *BACKEND_STATUSES),
)
@tracer.capture_method
def similar_route(doc_id: DOC_ID, size: Annotated[int, Query(ge=1, le=20)] = 5) -> Similar:
    client, alias = _index()
    return similar(client, alias, doc_id, size)  # type: ignore[return-value]


@app.get(
    "/suggest",
    summary="Autocomplete for facet values",
    responses=responses("facet values that start with the prefix", 400, *BACKEND_STATUSES),
)
@tracer.capture_method
def suggest_route(
    prefix: Annotated[str, Query(min_length=1, max_length=50)],
    field: Annotated[
        SuggestField, Query(description="official, position, region, organization, site, speaker or person")
    ] = "official",
    size: Annotated[int, Query(ge=1, le=20)] = 10,
) -> Suggestions:
    client, alias = _index()
    return suggest(client, alias, field, prefix, size)  # type: ignore[return-value]


@app.get(
    "/offices/holder",
    summary="Who held an office on a date, read from the indexed articles",
    responses=responses(
        "the holder, and every person named in the post near the date with the evidence",
        400,
        *BACKEND_STATUSES,
    ),
)
@tracer.capture_method
def office_holder_route(
    position: Annotated[str, Query(min_length=2, max_length=120, description="e.g. 'Kapolda Metro Jaya'")],
    on: Annotated[date, Query(alias="date", description="the day (YYYY-MM-DD)")],
) -> dict[str, Any]:
    client, alias = _index()
    return office_holder(client, alias, position, on)


# Saved searches with real-time alerts (docs/alerts.md): the wiring; warta.alerts does the work.
ALERT_ID = Annotated[str, Path(pattern=r"^[0-9a-f]{32}$", description="alert id (from POST /alerts)")]


@app.post(
    "/alerts",
    summary="Save a search as an alert",
    responses=alerts_api.responses(201, "created", 400, definition=True),
)
@tracer.capture_method
def create_alert_route(body: Annotated[alerts_api.AlertIn, Body()]) -> Response[alerts_api.AlertCreated]:
    from datetime import UTC, datetime

    from warta.alerts.definition import parse_definition

    definition = parse_definition(alerts_api.definition_payload(body), _alert_policy())
    client, alias = _index()
    alert_id = alerts_store.create_alert(client, alias, definition, datetime.now(UTC))
    metrics.add_metric(name="AlertsCreated", unit=MetricUnit.Count, value=1)
    return Response(
        status_code=201,
        content_type="application/json",
        body=alerts_api.AlertCreated(id=alert_id),
        headers={"Location": f"/alerts/{alert_id}"},
    )


@app.get(
    "/alerts", summary="Every saved alert (no secrets)", responses=alerts_api.responses(200, "the alerts")
)
@tracer.capture_method
def list_alerts_route() -> alerts_api.AlertList:
    client, alias = _index()
    return alerts_api.AlertList.model_validate(alerts_store.list_alerts(client, alias))


@app.get(
    "/alerts/<alert_id>",
    summary="One alert (no secrets)",
    responses=alerts_api.responses(200, "the alert", 404),
)
@tracer.capture_method
def get_alert_route(alert_id: ALERT_ID) -> alerts_api.AlertOut:
    client, alias = _index()
    return alerts_api.AlertOut.model_validate(alerts_store.get_alert(client, alias, alert_id))


@app.delete(
    "/alerts/<alert_id>",
    summary="Delete an alert: no further deliveries",
    responses=alerts_api.responses(200, "deleted", 404),
)
@tracer.capture_method
def delete_alert_route(alert_id: ALERT_ID) -> alerts_api.AlertDeleted:
    client, alias = _index()
    alerts_store.delete_alert(client, alias, alert_id)
    return alerts_api.AlertDeleted(id=alert_id)


@app.get(
    "/alerts/<alert_id>/matches",
    summary="What an alert matched, newest first, with each delivery's state",
    responses=alerts_api.responses(200, "a page of matches", 400, 404),
)
@tracer.capture_method
def alert_matches_route(
    alert_id: ALERT_ID,
    size: Annotated[int, Query(ge=1, le=100)] = alerts_store.MATCHES_PAGE,
    cursor: Annotated[
        str | None, Query(max_length=512, description="next_cursor of the previous page")
    ] = None,
) -> alerts_api.MatchesOut:
    client, alias = _index()
    return alerts_api.MatchesOut.model_validate(
        alerts_store.list_matches(client, alias, alert_id, size=size, cursor=cursor)
    )


@cache
def _alert_policy() -> Any:
    from warta.alerts.definition import ChannelPolicy
    from warta.settings import Settings

    settings = Settings.from_env()
    return ChannelPolicy(local=settings.local_webhooks, sns_available=bool(settings.alerts_topic_arn))


@app.get("/openapi.json", include_in_schema=False)
def openapi_route() -> Response[str]:
    return Response(
        status_code=200, content_type="application/json", body=app.get_openapi_json_schema(**API_INFO)
    )


@app.get("/docs", include_in_schema=False)
def docs_page() -> Response[str]:
    """Swagger UI over the document /openapi.json serves. Powertools' `enable_swagger` does the same, but
    imports its OpenAPI models when the route is registered: about 50 ms of every cold start, for a page
    few requests ask for. Here they load on the first request of this page."""
    from aws_lambda_powertools.event_handler.openapi import swagger_ui
    from aws_lambda_powertools.event_handler.openapi.swagger_ui import generate_swagger_html

    assets = FilePath(swagger_ui.__file__).parent
    page = generate_swagger_html(
        app.get_openapi_json_schema(**API_INFO).replace("</", "<\\/"),  # keep </script> out of the page
        (assets / "swagger-ui-bundle.min.js").read_text(encoding="utf-8"),
        (assets / "swagger-ui.min.css").read_text(encoding="utf-8"),
        None,  # type: ignore[arg-type]  # no external Swagger UI: the bundled one, as enable_swagger serves
        None,
    )
    return Response(status_code=200, content_type="text/html", body=page)


# The explorer: a static page over this API, shipped in this function's folder (docs/explorer.md).
EXPLORER = FilePath(__file__).resolve().parent / "explorer"


@app.get("/", include_in_schema=False)
def explorer_page() -> Response[str]:
    return _explorer_file("index.html", PAGE_CACHE)


@app.get("/explorer/<asset>", include_in_schema=False)
def explorer_asset(asset: str) -> Response[str]:
    return _explorer_file(asset, ASSET_CACHE)


def _explorer_file(name: str, cache_control: str) -> Response[str]:
    found = load_asset(EXPLORER, name)
    if found is None:
        raise NotFoundError(name)
    headers = headers_for(found, cache_control)
    if not_modified(found, app.current_event.headers.get("if-none-match")):
        return Response(status_code=304, headers=headers, body="")
    return Response(status_code=200, content_type=found.content_type, body=found.body, headers=headers)


@cache
def _index() -> tuple[Any, str]:
    """The client, built once per execution environment on first use; its errors are domain errors."""
    from warta.bootstrap import search_index
    from warta.settings import Settings

    return search_index(Settings.from_env())


# One place where domain and backend errors become HTTP statuses; no stack traces reach clients.
def _error(status: int, code: str, message: str) -> Response[dict[str, str]]:
    return Response(
        status_code=status, content_type="application/json", body={"error": code, "message": message}
    )


@app.exception_handler(DocumentNotFound)
def _not_found(exc: DocumentNotFound) -> Response[dict[str, str]]:
    return _error(404, "not_found", f"no document with id {exc}")


@app.exception_handler(NotFoundError)
def _no_route(exc: NotFoundError) -> Response[dict[str, str]]:
    return _error(404, "not_found", "no such route")


@app.exception_handler(CollapseWithCursor)
def _collapse_with_cursor(exc: CollapseWithCursor) -> Response[dict[str, str]]:
    return _error(400, "bad_request", str(exc))


@app.exception_handler(BadTrendRequest)
def _bad_trend(exc: BadTrendRequest) -> Response[dict[str, str]]:
    return _error(400, "bad_request", str(exc))


@app.exception_handler(BadAlert)
def _bad_alert(exc: BadAlert) -> Response[dict[str, str]]:
    return Response(
        status_code=400,
        content_type="application/json",
        body={"error": "bad_alert", "field": exc.field, "message": str(exc)},
    )


@app.exception_handler(ValueError)
def _unparseable_body(exc: ValueError) -> Response[dict[str, Any]]:
    # Powertools' validation raises a bare ValueError for a multipart body without a boundary (the
    # alert routes take JSON); answer as it answers other content types it cannot read. Any other
    # ValueError is a bug of ours and stays a 500.
    content_type = app.current_event.headers.get("content-type", "")
    if content_type.startswith("multipart/") and "boundary=" not in content_type:
        return Response(
            status_code=415,
            content_type="application/json",
            body={"statusCode": 415, "detail": [{"loc": ["body"], "type": "unsupported_content_type"}]},
        )
    raise exc


@app.exception_handler(alerts_store.AlertNotFound)
def _alert_not_found(exc: alerts_store.AlertNotFound) -> Response[dict[str, str]]:
    return _error(404, "not_found", f"no alert with id {exc}")


@app.exception_handler(alerts_store.BadMatchesCursor)
def _bad_matches_cursor(exc: alerts_store.BadMatchesCursor) -> Response[dict[str, str]]:
    return _error(400, "bad_cursor", str(exc))


@app.exception_handler(BadCursor)
def _bad_cursor(exc: BadCursor) -> Response[dict[str, str]]:
    return _error(400, "bad_cursor", str(exc))


# The index's troubles, by domain error (warta.index.errors): status, code, message.
BACKEND_ERRORS: dict[type[SearchBackendError], tuple[int, str, str]] = {
    IndexUnavailable: (503, "unavailable", "the search index is unreachable, try again"),
    IndexTimeout: (504, "timeout", "the search took too long, try a narrower query"),
    BadQuery: (400, "bad_query", "the query could not be run"),
    SearchBackendError: (502, "backend_error", "search backend error"),
}


@app.exception_handler(SearchBackendError)
def _backend_error(exc: SearchBackendError) -> Response[dict[str, str]]:
    status, code, message = next(BACKEND_ERRORS[kind] for kind in type(exc).__mro__ if kind in BACKEND_ERRORS)
    logger.error(f"search backend: {code}", exc_info=exc)
    return _error(status, code, message)


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_HTTP)
@tracer.capture_lambda_handler
@metrics.log_metrics
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return app.resolve(event, context)
