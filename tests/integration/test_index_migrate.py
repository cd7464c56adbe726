"""A mapping change is a reindex and an alias swap: nothing is lost and reads never stop."""

from __future__ import annotations

import uuid

import pytest
from click.testing import CliRunner
from warta.cli import main
from warta.index.bulk import WriteAction, write
from warta.index.client import make_client
from warta.index.mapping import write_alias
from warta.index.setup import ensure_index

pytestmark = pytest.mark.integration


def test_migrate_moves_both_aliases_and_keeps_documents_and_versions(stack, monkeypatch):
    alias = f"warta-migrate-{uuid.uuid4().hex[:8]}"
    client = make_client(stack.opensearch_url)
    ensure_index(client, alias)
    docs = [
        WriteAction(
            "index", write_alias(alias), f"{i:040x}", 1000 + i, {"id": f"{i:040x}", "title": f"Berita {i}"}
        )
        for i in range(1200)
    ]
    assert {r.outcome for r in write(client, docs, refresh=True)} == {"indexed"}
    monkeypatch.setenv("WARTA_INDEX_ALIAS", alias)

    result = CliRunner().invoke(main, ["index", "migrate", "--delete-old"])

    assert result.exit_code == 0, result.output
    assert f"{alias}-v1 -> {alias}-v2 (1200 documents copied, old index deleted)" in result.output
    assert list(client.indices.get_alias(name=alias)) == [f"{alias}-v2"]
    assert list(client.indices.get_alias(name=write_alias(alias))) == [f"{alias}-v2"]
    assert client.count(index=alias)["count"] == 1200
    # External versions survive the copy, so stale-write protection still holds after a migration.
    assert client.get(index=alias, id=f"{7:040x}")["_version"] == 1007
    stale = write(client, [WriteAction("index", write_alias(alias), f"{7:040x}", 1006, {"title": "lama"})])
    assert stale[0].outcome == "stale"
    status = CliRunner().invoke(main, ["index", "status"])
    assert "documents: 1200" in status.output
