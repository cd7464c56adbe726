"""The index side of converging stories (warta.story_merge): look again for copies after a write, read
when each story's first document was indexed, and move the documents of a losing story to the winner.

Everything goes through the write alias, where the batch has just written (during `warta index
migrate` it spans the old and the new index). Moves are partial updates of `story_id` only, each
conditional on the document not having changed since it was read (`if_seq_no`): a document re-indexed
meanwhile keeps what its own ingest gave it, and its own batch's look merges it. The local node has no
scripting module, so no update_by_query: a terms search, then one bulk request per page."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from datetime import datetime
from typing import Any

from opensearchpy import OpenSearch, helpers

from ..stories import Fingerprint, Known
from ..story_merge import parse_time
from .bulk import update_if_unchanged
from .mapping import write_alias
from .stories import REQUEST_TIMEOUT, OpenSearchStoryLookup

MOVE_PAGE = 500


class OpenSearchStoryMerger:
    """`warta.story_merge.StoryMerger` over an injected client, on `alias`'s write alias."""

    def __init__(self, client: OpenSearch, alias: str) -> None:
        self._client = client
        self._index = write_alias(alias)
        self._lookup = OpenSearchStoryLookup(client, self._index)
        self.moved = 0  # documents this merger has moved, for reports and benchmarks

    def copies(self, prints: Sequence[Fingerprint]) -> list[Known]:
        return self._lookup.known(prints)

    def first_indexed(self, story_ids: Collection[str]) -> dict[str, datetime | None]:
        ids = sorted(story_ids)
        response = self._client.search(
            index=self._index,
            # Twice the ids: during a migration the write alias spans two indices holding both copies.
            body={"size": 2 * len(ids), "_source": ["ingested"], "query": {"ids": {"values": ids}}},
            request_timeout=REQUEST_TIMEOUT,
        )
        found = {hit["_id"]: parse_time(hit["_source"].get("ingested")) for hit in response["hits"]["hits"]}
        return {story: found.get(story) for story in ids}

    def move(self, moves: Mapping[str, str]) -> int:
        losers_of: dict[str, list[str]] = defaultdict(list)
        for loser, winner in moves.items():
            losers_of[winner].append(loser)
        changed = 0
        for winner, losers in sorted(losers_of.items()):
            changed += self._move(sorted(losers), winner)
        self.moved += changed
        return changed

    def _move(self, losers: list[str], winner: str) -> int:
        body: dict[str, Any] = {
            "size": MOVE_PAGE,
            "_source": False,
            "seq_no_primary_term": True,
            "query": {"terms": {"story_id": losers}},
            "sort": [{"id": "asc"}],
        }
        changed = 0
        while True:
            hits = self._client.search(index=self._index, body=body, request_timeout=REQUEST_TIMEOUT)["hits"][
                "hits"
            ]
            if not hits:
                return changed
            changed += self._update(hits, winner)
            if len(hits) < MOVE_PAGE:
                return changed
            body["search_after"] = hits[-1]["sort"]

    def _update(self, hits: list[dict[str, Any]], winner: str) -> int:
        actions = (update_if_unchanged(hit, {"story_id": winner}) for hit in hits)
        changed = 0
        for ok, item in helpers.streaming_bulk(
            self._client,
            actions,
            raise_on_error=False,
            raise_on_exception=True,
            refresh="wait_for",
            request_timeout=REQUEST_TIMEOUT,
        ):
            status = next(iter(item.values())).get("status")
            if ok:
                changed += 1
            elif status not in (404, 409):  # gone, or changed since read: its own ingest's look merges it
                raise RuntimeError(f"moving a document to story {winner} failed: {item}")
        return changed
