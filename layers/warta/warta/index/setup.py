"""Create the index template, the first versioned index and its aliases. Idempotent."""

from __future__ import annotations

import re
from collections.abc import Callable

from opensearchpy import OpenSearch, helpers

from ..alerts.store import ensure_alert_indices
from . import failures
from .failures import failures_index
from .mapping import INDEX_PREFIX, MAPPINGS, index_name, index_template, write_alias

__all__ = ["current_index", "ensure_index", "failures_index", "migrate"]


def ensure_index(client: OpenSearch, alias: str = INDEX_PREFIX) -> str:
    """Make sure `alias` (reads) and `alias-write` (writes) point at an index; return the index name."""
    client.indices.put_index_template(name=alias, body=index_template(alias))
    if client.indices.exists_alias(name=alias):
        current = current_index(client, alias)
        # New fields (added, never changed) reach the live index without a migration; a conflicting
        # change is refused by OpenSearch and needs `warta index migrate`.
        client.indices.put_mapping(index=current, body={"properties": MAPPINGS["properties"]})
        ensure_alert_indices(client, alias)
        return current
    name = index_name(alias)
    if not client.indices.exists(index=name):
        client.indices.create(index=name)
    client.indices.update_aliases(
        body={
            "actions": [
                {"add": {"index": name, "alias": alias}},
                {"add": {"index": name, "alias": write_alias(alias), "is_write_index": True}},
            ]
        }
    )
    failures.ensure(client, alias)
    ensure_alert_indices(client, alias)  # saved searches (percolator) and their matches
    return name


def current_index(client: OpenSearch, alias: str = INDEX_PREFIX) -> str:
    return str(next(iter(client.indices.get_alias(name=alias))))


def migrate(
    client: OpenSearch,
    alias: str = INDEX_PREFIX,
    *,
    delete_old: bool = False,
    progress: Callable[[int], None] = lambda copied: None,
) -> tuple[str, str]:
    """Move the alias to a new versioned index built from the current template, with no downtime.

    1. create the next index (the template gives it the current mapping);
    2. point the write alias at it, so new writes land there while we copy;
    3. copy every document with its external version (`external_gte`): a document written in step 2
       carries a newer version and wins over the copy;
    4. point the read alias at it in one atomic alias update.
    """
    client.indices.put_index_template(name=alias, body=index_template(alias))
    old = current_index(client, alias)
    match = re.fullmatch(rf"{re.escape(alias)}-v(\d+)", old)
    new = index_name(alias, int(match.group(1)) + 1 if match else 1)
    if not client.indices.exists(index=new):
        client.indices.create(index=new)
    client.indices.update_aliases(
        body={
            "actions": [
                {"add": {"index": old, "alias": write_alias(alias), "is_write_index": False}},
                {"add": {"index": new, "alias": write_alias(alias), "is_write_index": True}},
            ]
        }
    )
    copied = 0
    actions = (
        {
            "_op_type": "index",
            "_index": new,
            "_id": hit["_id"],
            "_source": hit["_source"],
            "version": hit["_version"],
            "version_type": "external_gte",
        }
        for hit in helpers.scan(client, index=old, version=True, size=500, query={"query": {"match_all": {}}})
    )
    for ok, item in helpers.streaming_bulk(
        client, actions, raise_on_error=False, chunk_size=500, max_retries=3
    ):
        status = next(iter(item.values())).get("status")
        if not ok and status != 409:  # 409: a newer write already reached the new index
            raise RuntimeError(f"copy to {new} failed: {item}")
        copied += 1
        if copied % 500 == 0:
            progress(copied)
    progress(copied)
    client.indices.refresh(index=new)
    client.indices.update_aliases(
        body={
            "actions": [
                {"remove": {"index": old, "alias": alias}},
                {"add": {"index": new, "alias": alias}},
                {"remove": {"index": old, "alias": write_alias(alias)}},
            ]
        }
    )
    if delete_old:
        client.indices.delete(index=old)
    return old, new
