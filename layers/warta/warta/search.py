"""The search service behind the API: runs a SearchRequest and shapes hits and facets for clients."""

from __future__ import annotations

from typing import Any

from opensearchpy import NotFoundError, OpenSearch

from .index.query import FACETS, SearchRequest, build_search


class DocumentNotFound(LookupError):
    pass


def search(client: OpenSearch, alias: str, request: SearchRequest) -> dict[str, Any]:
    response = client.search(index=alias, body=build_search(request))
    hits = [_hit(h) for h in response["hits"]["hits"]]
    aggs = response.get("aggregations", {})
    facets = {name: [{"value": b["key"], "count": b["doc_count"]} for b in aggs[name]["values"]["buckets"]]
              for name in FACETS}
    histogram = [{"date": b["key_as_string"][:10], "count": b["doc_count"]}
                 for b in aggs["published"]["values"]["buckets"]]
    return {"total": response["hits"]["total"]["value"], "hits": hits, "facets": facets,
            "histogram": histogram, "took_ms": response.get("took")}


def get_document(client: OpenSearch, alias: str, doc_id: str) -> dict[str, Any]:
    try:
        response = client.get(index=alias, id=doc_id)
    except NotFoundError as exc:
        raise DocumentNotFound(doc_id) from exc
    return {"id": response["_id"], **response["_source"]}


def _hit(raw: dict[str, Any]) -> dict[str, Any]:
    source = raw["_source"]
    highlight = raw.get("highlight", {})
    return {
        "id": raw["_id"],
        "title": source.get("title"),
        "published": source.get("published"),
        "site": source.get("site"),
        "url": source.get("url"),
        "key": source.get("key"),
        "snippet": " … ".join(highlight.get("body", [])),
        "title_highlight": (highlight.get("title") or [None])[0],
        "officials": [{"name": o["name"], "rank": o.get("rank"), "position": o.get("position")}
                      for o in source.get("officials", [])],
        "regions": [{"canonical": r["canonical"], "path": r["path"]} for r in source.get("regions", [])],
        "organizations": [o["canonical"] for o in source.get("organizations", [])],
    }
