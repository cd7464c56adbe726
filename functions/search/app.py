"""Search function: the HTTP API over the index. Routes are wiring; `warta.search` does the work."""


from datetime import date
from functools import cache
from typing import Annotated, Any

from aws_lambda_powertools import Logger, Metrics, Tracer
from aws_lambda_powertools.event_handler import APIGatewayHttpResolver, Response
from aws_lambda_powertools.event_handler.exceptions import NotFoundError
from aws_lambda_powertools.event_handler.openapi.params import Path, Query
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.metrics import MetricUnit
from aws_lambda_powertools.utilities.typing import LambdaContext
from opensearchpy.exceptions import ConnectionError as SearchUnavailable
from opensearchpy.exceptions import TransportError

from warta.index.query import MAX_SIZE, SearchRequest
from warta.search import DocumentNotFound, get_document, search

logger = Logger()
tracer = Tracer()
metrics = Metrics()
app = APIGatewayHttpResolver(enable_validation=True)

Values = Annotated[list[str] | None, Query(description="repeat the parameter to match any of several values")]


@cache
def _index() -> tuple[Any, str]:
    from warta.index.client import make_client
    from warta.settings import Settings

    settings = Settings.from_env()
    return make_client(settings.opensearch_url), settings.index_alias


@app.get("/search")
@tracer.capture_method
def search_route(
    q: Annotated[str, Query(max_length=500, description="words; quotes for phrases, - to exclude")] = "",
    official: Values = None,
    position: Values = None,
    region: Values = None,
    organization: Values = None,
    site: Values = None,
    from_: Annotated[date | None, Query(alias="from", description="published on or after (YYYY-MM-DD)")] = None,
    to: Annotated[date | None, Query(description="published on or before (YYYY-MM-DD)")] = None,
    size: Annotated[int, Query(ge=0, le=MAX_SIZE)] = 10,
    offset: Annotated[int, Query(ge=0, le=10_000)] = 0,
) -> dict[str, Any]:
    filters = {name: tuple(values) for name, values in (("official", official), ("position", position),
               ("region", region), ("organization", organization), ("site", site)) if values}
    client, alias = _index()
    metrics.add_metric(name="Searches", unit=MetricUnit.Count, value=1)
    return search(client, alias, SearchRequest(text=q, filters=filters, published_from=from_,
                                               published_to=to, size=size, offset=offset))


@app.get("/documents/<doc_id>")
@tracer.capture_method
def document_route(doc_id: Annotated[str, Path(pattern=r"^[0-9a-f]{40}$")]) -> dict[str, Any]:
    client, alias = _index()
    return get_document(client, alias, doc_id)


# One place where domain and backend errors become HTTP statuses; no stack traces reach clients.
@app.exception_handler(DocumentNotFound)
def _not_found(exc: DocumentNotFound) -> Response[dict[str, str]]:
    return Response(status_code=404, content_type="application/json",
                    body={"error": "not_found", "message": f"no document with id {exc}"})


@app.exception_handler(NotFoundError)
def _no_route(exc: NotFoundError) -> Response[dict[str, str]]:
    return Response(status_code=404, content_type="application/json",
                    body={"error": "not_found", "message": "no such route"})


@app.exception_handler(SearchUnavailable)
def _unavailable(exc: SearchUnavailable) -> Response[dict[str, str]]:
    logger.exception("search backend unreachable")
    return Response(status_code=503, content_type="application/json",
                    body={"error": "unavailable", "message": "the search index is unreachable, try again"})


@app.exception_handler(TransportError)
def _backend_error(exc: TransportError) -> Response[dict[str, str]]:
    logger.exception("search backend error")
    status = 400 if exc.status_code == 400 else 502
    return Response(status_code=status, content_type="application/json",
                    body={"error": "bad_query" if status == 400 else "backend_error",
                          "message": "the query could not be run" if status == 400 else "search backend error"})


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_HTTP)
@tracer.capture_lambda_handler
@metrics.log_metrics
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return app.resolve(event, context)
