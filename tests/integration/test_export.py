"""Exports on the real node: 12,000 documents (past the 10,000 window of ordinary paging) come out
each exactly once through the library's stream, the CLI and the HTTP route's capped pages; filters
apply; the point in time is released. Speed is measured by `bench/export.py`, not here."""

from __future__ import annotations

import csv
import io
import json
import uuid
from urllib.parse import urlencode

import pytest
from click.testing import CliRunner
from warta.cli import main as cli
from warta.export import COLUMNS, stream
from warta.index.bulk import WriteAction, write
from warta.index.client import make_client
from warta.index.mapping import write_alias
from warta.index.query import SearchRequest
from warta.index.setup import ensure_index
from warta.local.api_front import http_api_event
from warta.local.lambda_runtime import LocalContext, load_handler

from bench.search_corpus import documents

pytestmark = pytest.mark.integration
COUNT = 12_000


@pytest.fixture(scope="module")
def corpus(stack):
    alias = f"warta-export-{uuid.uuid4().hex[:8]}"
    client = make_client(stack.opensearch_url, timeout=60)
    ensure_index(client, alias)
    docs = list(documents(COUNT, seed=11))
    results = write(
        client, [WriteAction("index", write_alias(alias), d["id"], 1, d) for d in docs], refresh=True
    )
    assert {r.outcome for r in results} == {"indexed"}
    site = docs[0]["site"]
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WARTA_INDEX_ALIAS", alias)
        yield client, alias, {d["id"] for d in docs}, site, {d["id"] for d in docs if d["site"] == site}


def test_the_stream_gives_every_document_exactly_once_and_releases_its_point_in_time(corpus):
    client, alias, ids, _, _ = corpus
    pits_before = len(client.get_all_pits().get("pits", []))
    totals = []
    exported = [
        row["id"] for row in stream(client, alias, SearchRequest(), page_rows=1_000, on_total=totals.append)
    ]
    assert len(exported) == COUNT and set(exported) == ids
    assert totals == [COUNT]
    assert exported == sorted(exported)
    assert len(client.get_all_pits().get("pits", [])) == pits_before


def test_the_cli_writes_csv_with_entity_and_provenance_columns(corpus, tmp_path):
    _, _, ids, site, site_ids = corpus
    out = tmp_path / "all.csv"
    result = CliRunner().invoke(cli, ["export", "--format", "csv", "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert tuple(rows[0]) == COLUMNS
    assert len(rows) == COUNT and {r["id"] for r in rows} == ids
    assert all(
        r["bucket"] and r["key"] and r["url"] and r["ingested"] and r["extractor_version"] for r in rows
    )
    assert any(";" in r["regions"] for r in rows)  # several regions in one cell
    filtered = CliRunner().invoke(cli, ["export", "--site", site, "--format", "jsonl"])
    assert filtered.exit_code == 0
    lines = [json.loads(line) for line in filtered.stdout.splitlines() if line.startswith("{")]
    assert {line["id"] for line in lines} == site_ids and all(line["site"] == site for line in lines)
    assert all(isinstance(line["regions"], list) for line in lines)


def test_the_route_serves_capped_pages_that_chain_to_every_document_once(corpus):
    _, _, _, site, site_ids = corpus
    handler = load_handler("search")

    def get(params):
        event = http_api_event("GET", f"/export?{urlencode(params)}", {"host": "test"}, b"")
        return handler(event, LocalContext("search"))

    seen, cursor, pages = [], None, 0
    while True:
        params = [("site", site), ("format", "jsonl"), ("rows", "700")] + (
            [("cursor", cursor)] if cursor else []
        )
        response = get(params)
        assert response["statusCode"] == 200
        assert response["headers"]["Content-Type"].startswith("application/x-ndjson")
        seen += [json.loads(line)["id"] for line in response["body"].splitlines()]
        pages += 1
        cursor = response["headers"].get("X-Next-Cursor")
        if not cursor:
            break
    assert len(seen) == len(site_ids) and set(seen) == site_ids
    assert pages == len(site_ids) // 700 + 1
    first = get([("site", site), ("rows", "3")])
    table = list(csv.reader(io.StringIO(first["body"])))
    assert table[0] == list(COLUMNS) and len(table) == 4
    assert get([("cursor", "bm90IGEgY3Vyc29y")])["statusCode"] == 400
    assert get([("rows", "5001")])["statusCode"] == 422
