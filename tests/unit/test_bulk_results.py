"""`bulk.write` maps each item of a bulk answer back to its action, in order. A real opensearch-py
client runs over a scripted connection that answers `_bulk` as a node would: no socket."""

from __future__ import annotations

import json
from typing import Any, ClassVar

from opensearchpy import Connection, OpenSearch
from opensearchpy.exceptions import ConnectionError as TransportConnectionError
from warta.index.bulk import OpenSearchIndexWriter, WriteAction, write


class ScriptedConnection(Connection):
    """Answers each bulk action with the status scripted for its document id (201 for an index, 200 for
    a delete); with `refuse` set, never answers at all."""

    statuses: ClassVar[dict[str, int]] = {}
    refuse: ClassVar[bool] = False
    requests: ClassVar[list[str]] = []

    def perform_request(
        self,
        method: str,
        url: str,
        params: Any = None,
        body: Any = None,
        timeout: Any = None,
        ignore: Any = (),
        headers: Any = None,
    ) -> tuple[int, dict[str, str], str]:
        if self.refuse:
            raise TransportConnectionError("N/A", "connection refused", None)
        text = body.decode() if isinstance(body, bytes) else body
        self.requests.append(text)
        items = []
        for line in text.splitlines():
            header = json.loads(line)
            op = next(iter(header))
            if op not in ("index", "delete"):
                continue  # a document line
            meta = header[op]
            status = self.statuses.get(meta["_id"], 201 if op == "index" else 200)
            item: dict[str, Any] = {"_id": meta["_id"], "_index": meta["_index"], "status": status}
            if status == 400:
                item["error"] = {
                    "type": "mapper_parsing_exception",
                    "reason": "failed to parse field [title]",
                }
            items.append({op: item})
        return (
            200,
            {"content-type": "application/json"},
            json.dumps({"took": 1, "errors": True, "items": items}),
        )


def _client(statuses: dict[str, int] | None = None, refuse: bool = False) -> OpenSearch:
    ScriptedConnection.statuses = statuses or {}
    ScriptedConnection.refuse = refuse
    ScriptedConnection.requests = []
    return OpenSearch(hosts=["http://127.0.0.1:9"], connection_class=ScriptedConnection, max_retries=0)


ACTIONS = [
    WriteAction("index", "w", "doc-ok", 5, {"title": "a"}),
    WriteAction("index", "w", "doc-bad", 5, {"title": "b"}),
    WriteAction("delete", "w", "doc-gone", 5),
    WriteAction("index", "w", "doc-old", 5, {"title": "c"}),
]


def test_each_action_gets_its_own_result_in_order():
    results = write(_client({"doc-bad": 400, "doc-gone": 404, "doc-old": 409}), ACTIONS)

    assert [r.outcome for r in results] == ["indexed", "failed", "absent", "stale"]
    assert results[1].status == 400 and "mapper_parsing_exception" in (results[1].error or "")
    assert not results[1].retryable
    (sent,) = ScriptedConnection.requests
    assert '"version_type":"external_gte"' in sent.replace(" ", "")


def test_a_lost_connection_fails_every_action_as_retryable():
    results = OpenSearchIndexWriter(_client(refuse=True)).write(ACTIONS)

    assert {(r.outcome, r.status, r.retryable) for r in results} == {("failed", 0, True)}
    assert "ConnectionError" in (results[0].error or "")


def test_nothing_to_write_sends_nothing():
    assert write(_client(), []) == [] and ScriptedConnection.requests == []
