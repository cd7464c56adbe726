"""The alerts' two indices, beside the articles': saved searches as percolator queries
(`<alias>-alerts`) and what they matched (`<alias>-alert-matches`), one record per (alert, story)."""

from __future__ import annotations

import base64
import binascii
import json
import uuid
from datetime import datetime
from typing import Any

from opensearchpy import NotFoundError, OpenSearch

from ..index.mapping import INDEX_PREFIX, MAPPINGS, NESTED_FIELDS, SETTINGS
from ..index.query import SearchRequest, build_match_query
from .definition import AlertDefinition, Channel

REQUEST_TIMEOUT = 5
MAX_ALERTS_LISTED = 1000
MATCHES_PAGE = 50


class AlertNotFound(LookupError):
    pass


class BadMatchesCursor(ValueError):
    pass


def alerts_index(alias: str = INDEX_PREFIX) -> str:
    return f"{alias}-alerts"


def matches_index(alias: str = INDEX_PREFIX) -> str:
    return f"{alias}-alert-matches"


def _alerts_mappings() -> dict[str, Any]:
    # A percolator index needs the fields its queries name, mapped as the articles map them: the
    # article mapping's properties, plus the stored query and the alert's own record.
    return {
        "dynamic": "strict",
        "properties": {
            **MAPPINGS["properties"],
            "query": {"type": "percolator"},
            "alert": {
                "properties": {
                    "name": {"type": "keyword"},
                    "created": {"type": "date"},
                    "digest": {"type": "keyword"},  # hourly, daily; absent: every match at once
                    # The definition as given (search parameters, channel with its secret): kept, not indexed.
                    "definition": {"type": "object", "enabled": False},
                }
            },
        },
    }


MATCHES_MAPPINGS: dict[str, Any] = {
    "dynamic": "strict",
    "properties": {
        "alert_id": {"type": "keyword"},
        "story_id": {"type": "keyword"},
        "document_id": {"type": "keyword"},
        "title": {"type": "keyword", "ignore_above": 1024},
        "url": {"type": "keyword", "index": False},
        "site": {"type": "keyword"},
        "published": {"type": "date"},
        "matched_at": {"type": "date"},
        "kind": {"type": "keyword"},  # "new", "update" for a changed article, or "digest"
        "content_version": {"type": "keyword"},
        "event_version": {"type": "long"},
        "delivery": {
            "properties": {
                # pending, delivered, retrying, failed, cancelled; for a digest alert's match: waiting
                # (for the next digest), then digested (sent in the digest `digest_id`)
                "status": {"type": "keyword"},
                "digest_id": {"type": "keyword"},
                "attempts": {"type": "integer"},
                "last_error": {"type": "keyword", "ignore_above": 1024},
                "updated": {"type": "date"},
            }
        },
    },
}


def ensure_alert_indices(client: OpenSearch, alias: str = INDEX_PREFIX) -> None:
    """Create both indices if missing; keep the percolator index's article fields in step with the
    article mapping (new fields are added; OpenSearch refuses incompatible changes loudly)."""
    name = alerts_index(alias)
    if client.indices.exists(index=name):
        client.indices.put_mapping(index=name, body=_alerts_mappings())
    else:
        client.indices.create(index=name, body={"settings": SETTINGS, "mappings": _alerts_mappings()})
    matches = matches_index(alias)
    if client.indices.exists(index=matches):
        client.indices.put_mapping(index=matches, body=MATCHES_MAPPINGS)
    else:
        client.indices.create(
            index=matches,
            body={"settings": {"number_of_shards": 1, "number_of_replicas": 0}, "mappings": MATCHES_MAPPINGS},
        )


def create_alert(client: OpenSearch, alias: str, definition: AlertDefinition, now: datetime) -> str:
    alert_id = uuid.uuid4().hex
    stored = {
        "name": definition.name,
        "search": definition.search,
        "channel": {
            "type": definition.channel.type,
            "url": definition.channel.url,
            "secret": definition.channel.secret,
        },
    }
    client.index(
        index=alerts_index(alias),
        id=alert_id,
        refresh="wait_for",
        request_timeout=REQUEST_TIMEOUT,
        body={
            "query": saved_search_query(definition.request),
            "alert": {
                "name": definition.name,
                "created": now.isoformat(),
                **({"digest": definition.digest} if definition.digest else {}),
                "definition": stored,
            },
        },
        op_type="create",
    )
    return alert_id


def saved_search_query(request: SearchRequest) -> dict[str, Any]:
    """The percolator query of a saved search: the search API's own query (`build_match_query`), with
    the fields of nested documents taken out of its word queries. A root-level query never matches
    those fields, in the articles index or in the percolator, so every match stays the same; but the
    percolator builds each candidate query again for every batch, analysing the words once per field
    named, so a field that cannot match is pure cost (docs/benchmarks.md, "Alerts")."""
    query: dict[str, Any] = without_nested_fields(build_match_query(request))
    return query


def without_nested_fields(node: Any) -> Any:
    if isinstance(node, list):
        return [without_nested_fields(item) for item in node]
    if not isinstance(node, dict):
        return node
    # Inside a `nested` query the nested fields are the point: left as they are.
    shaped = {key: value if key == "nested" else without_nested_fields(value) for key, value in node.items()}
    words = shaped.get("simple_query_string")
    if words is not None:
        fields = [f for f in words["fields"] if f.split(".", 1)[0].split("^", 1)[0] not in NESTED_FIELDS]
        shaped["simple_query_string"] = {**words, "fields": fields}
    return shaped


def get_stored(client: OpenSearch, alias: str, alert_id: str) -> dict[str, Any]:
    """The alert as stored, its channel's secret included: for delivery only, never for the API."""
    try:
        found = client.get(
            index=alerts_index(alias),
            id=alert_id,
            _source_includes=["alert"],
            request_timeout=REQUEST_TIMEOUT,
        )
    except NotFoundError as exc:
        raise AlertNotFound(alert_id) from exc
    return {"id": alert_id, **found["_source"]["alert"]}


def channel_of(stored: dict[str, Any]) -> Channel:
    raw = stored["definition"].get("channel") or {}
    return Channel(raw.get("type", "log"), raw.get("url"), raw.get("secret"))


def public_view(stored: dict[str, Any]) -> dict[str, Any]:
    """What the API shows of an alert: never the signing secret."""
    definition = stored["definition"]
    return {
        "id": stored["id"],
        "name": stored["name"],
        "created": stored["created"],
        "search": definition["search"],
        "channel": channel_of(stored).public(),
        "digest": stored.get("digest"),
    }


def get_alert(client: OpenSearch, alias: str, alert_id: str) -> dict[str, Any]:
    return public_view(get_stored(client, alias, alert_id))


def list_alerts(client: OpenSearch, alias: str) -> dict[str, Any]:
    response = client.search(
        index=alerts_index(alias),
        request_timeout=REQUEST_TIMEOUT,
        body={
            "size": MAX_ALERTS_LISTED,
            "_source": ["alert"],
            "query": {"match_all": {}},
            "sort": [{"alert.created": "desc"}, {"_id": "asc"}],
        },
    )
    return {
        "alerts": [
            public_view({"id": hit["_id"], **hit["_source"]["alert"]}) for hit in response["hits"]["hits"]
        ]
    }


def delete_alert(client: OpenSearch, alias: str, alert_id: str) -> None:
    """Gone from the percolator index at once (refreshed), so no later batch matches it; deliveries
    already queued find it gone and are cancelled (warta.alerts.delivery)."""
    try:
        client.delete(index=alerts_index(alias), id=alert_id, refresh="true", request_timeout=REQUEST_TIMEOUT)
    except NotFoundError as exc:
        raise AlertNotFound(alert_id) from exc


def list_matches(
    client: OpenSearch, alias: str, alert_id: str, *, size: int = MATCHES_PAGE, cursor: str | None = None
) -> dict[str, Any]:
    get_stored(client, alias, alert_id)  # 404 for an unknown (or deleted) alert
    body: dict[str, Any] = {
        "size": size,
        "query": {"term": {"alert_id": alert_id}},
        "sort": [{"matched_at": "desc"}, {"story_id": "asc"}],
    }
    if cursor:
        body["search_after"] = _decode(cursor)
    response = client.search(index=matches_index(alias), body=body, request_timeout=REQUEST_TIMEOUT)
    hits = response["hits"]["hits"]
    matches = [_match_view(hit["_source"]) for hit in hits]
    next_cursor = _encode(hits[-1]["sort"]) if len(hits) == size else None
    return {"matches": matches, "next_cursor": next_cursor}


def _match_view(source: dict[str, Any]) -> dict[str, Any]:
    delivery = source.get("delivery") or {}
    return {  # a digest's own record has no document or story: it lists them (warta.alerts.digests)
        "document_id": source.get("document_id"),
        "story_id": source.get("story_id"),
        "title": source.get("title"),
        "url": source.get("url"),
        "site": source.get("site"),
        "published": source.get("published"),
        "matched_at": source["matched_at"],
        "kind": source.get("kind", "new"),
        "delivery": {
            "status": delivery.get("status", "pending"),
            "attempts": delivery.get("attempts", 0),
            "last_error": delivery.get("last_error"),
            "digest_id": delivery.get("digest_id"),
        },
    }


def _encode(values: list[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(values, separators=(",", ":")).encode()).decode().rstrip("=")


def _decode(cursor: str) -> list[Any]:
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, binascii.Error) as exc:
        raise BadMatchesCursor("cursor is not one this API issued") from exc
    if not isinstance(values, list) or len(values) != 2 or not all(isinstance(v, (str, int)) for v in values):
        raise BadMatchesCursor("cursor is not one this API issued")
    return values
