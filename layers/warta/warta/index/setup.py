"""Create the index template, the first versioned index and its aliases. Idempotent."""

from __future__ import annotations

from opensearchpy import OpenSearch

from .mapping import INDEX_PREFIX, index_name, index_template, write_alias

FAILURES_INDEX_SUFFIX = "failures"


def ensure_index(client: OpenSearch, alias: str = INDEX_PREFIX) -> str:
    """Make sure `alias` (reads) and `alias-write` (writes) point at an index; return the index name."""
    client.indices.put_index_template(name=alias, body=index_template(alias))
    if client.indices.exists_alias(name=alias):
        return next(iter(client.indices.get_alias(name=alias)))
    name = index_name(alias)
    if not client.indices.exists(index=name):
        client.indices.create(index=name)
    client.indices.update_aliases(body={"actions": [
        {"add": {"index": name, "alias": alias}},
        {"add": {"index": name, "alias": write_alias(alias), "is_write_index": True}},
    ]})
    failures = failures_index(alias)
    if not client.indices.exists(index=failures):
        client.indices.create(index=failures, body={
            "settings": {"number_of_shards": 1, "number_of_replicas": 0},
            "mappings": {"dynamic": "strict", "properties": {
                "bucket": {"type": "keyword"}, "key": {"type": "keyword"}, "reason": {"type": "keyword"},
                "detail": {"type": "text"}, "at": {"type": "date"}}},
        })
    return name


def failures_index(alias: str = INDEX_PREFIX) -> str:
    """Where pages that could not be indexed are recorded, with their reason."""
    return f"{alias}-{FAILURES_INDEX_SUFFIX}"
