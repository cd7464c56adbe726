"""The quote search behind `GET /quotes`: runs the query against the read alias and answers with the
quotes themselves, each with the article it comes from and its words highlighted."""

from __future__ import annotations

from typing import Any

from opensearchpy import OpenSearch

from .index.query import SEARCH_PARAMS
from .index.quote_query import QuoteRequest, build_quote_search

__all__ = ["QuoteRequest", "search_quotes"]
REQUEST_TIMEOUT = 5  # seconds, client side; the query's own timeout is shorter


def search_quotes(client: OpenSearch, alias: str, request: QuoteRequest) -> dict[str, Any]:
    response = client.search(
        index=alias, body=build_quote_search(request), params=SEARCH_PARAMS, request_timeout=REQUEST_TIMEOUT
    )
    return shape(response)


def shape(response: dict[str, Any]) -> dict[str, Any]:
    """Articles with their matching quotes -> a flat list of quotes, in the articles' order."""
    quotes: list[dict[str, Any]] = []
    for hit in response["hits"]["hits"]:
        source = hit.get("_source", {})
        article = {
            "id": hit["_id"],
            **{k: source.get(k) for k in ("title", "published", "site", "url", "key")},
        }
        for inner in hit.get("inner_hits", {}).get("quotes", {}).get("hits", {}).get("hits", []):
            quote = inner["_source"]
            highlight = inner.get("highlight", {}).get("quotes.text")
            quotes.append(
                {
                    "text": quote.get("text", ""),
                    "highlight": highlight[0] if highlight else None,
                    "kind": quote.get("kind"),
                    "speaker": quote.get("speaker"),
                    "speaker_role": quote.get("speaker_role"),
                    "cue": quote.get("cue"),
                    "start": quote.get("start"),
                    "end": quote.get("end"),
                    "article": article,
                }
            )
    return {
        "total_articles": response["hits"]["total"]["value"],
        "quotes": quotes,
        "timed_out": response.get("timed_out", False),
        "took_ms": response.get("took"),
    }
