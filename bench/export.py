"""Exports against a local node: rows per second and memory of `warta.export.stream` (what `warta export`
runs), and the size and time of one capped page of the HTTP route.

Starts its own stack (ports 9281/5081/8081, state in .warta/bench-export; always stopped), indexes N
generated documents (bench/search_corpus.py), then exports all of them twice per format, writing to a
sink that only counts characters. Memory: tracemalloc's peak of Python allocations while exporting the
first quarter of the documents and while exporting all of them; flat memory means the two are close.

    python -m bench.export [--docs 12000] [--seed 7]
"""

from __future__ import annotations

import argparse
import time
import tracemalloc
from pathlib import Path
from typing import Any

from warta.export import ROUTE_MAX_ROWS, page, render, stream, write_rows
from warta.index.bulk import WriteAction, write
from warta.index.client import make_client
from warta.index.mapping import write_alias
from warta.index.query import SearchRequest
from warta.index.setup import ensure_index

from . import search_corpus
from .node_stack import node_stack

REPO = Path(__file__).resolve().parents[1]
STATE = REPO / ".warta" / "bench-export"


class CountingSink:
    def __init__(self) -> None:
        self.chars = 0

    def write(self, text: str) -> int:
        self.chars += len(text)
        return len(text)


def run(url: str, alias: str, docs: int, seed: int) -> dict[str, Any]:
    client = make_client(url, timeout=120)
    ensure_index(client, alias)
    batch: list[WriteAction] = []
    for document in search_corpus.documents(docs, seed):
        batch.append(WriteAction("index", write_alias(alias), document["id"], 1, document))
        if len(batch) == 2_000:
            write(client, batch)
            batch = []
    write(client, batch, refresh=True)
    results: dict[str, Any] = {"docs": client.count(index=alias)["count"]}
    for fmt in ("csv", "jsonl"):
        best = 0.0
        for _ in range(2):
            ids: set[str] = set()
            sink = CountingSink()
            start = time.perf_counter()
            written = write_rows(
                (ids.add(r["id"]) or r for r in stream(client, alias, SearchRequest())), fmt, sink
            )  # type: ignore[arg-type]
            seconds = time.perf_counter() - start
            assert written == len(ids) == results["docs"], (written, len(ids))
            best = max(best, written / seconds)
        results[fmt] = {"rows_per_s": round(best), "mb": round(sink.chars / 1e6, 1)}
    peaks = {}
    for share in (4, 1):
        tracemalloc.start()
        rows = 0
        for _ in stream(client, alias, SearchRequest()):
            rows += 1
            if rows >= results["docs"] // share:
                break
        peaks[rows] = round(tracemalloc.get_traced_memory()[1] / 1e6, 1)
        tracemalloc.stop()
    results["peak_mb_by_rows"] = peaks
    start = time.perf_counter()
    found, _ = page(client, alias, SearchRequest(), rows=ROUTE_MAX_ROWS)
    body = render(found, "csv")
    results["route_page"] = {
        "rows": len(found),
        "csv_mb": round(len(body.encode()) / 1e6, 2),
        "ms": round((time.perf_counter() - start) * 1000),
    }
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=12_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with node_stack(STATE, 9281, 5081, 8081) as state:
        results = run(state.opensearch_url, "warta-bench-export", args.docs, args.seed)
    print(results)
    print("| format | rows | rows/s | output MB |")
    print("|---|---:|---:|---:|")
    for fmt in ("csv", "jsonl"):
        print(f"| {fmt} | {results['docs']} | {results[fmt]['rows_per_s']} | {results[fmt]['mb']} |")
    print(f"tracemalloc peak by rows exported: {results['peak_mb_by_rows']} MB")
    print(f"one route page: {results['route_page']}")


if __name__ == "__main__":
    main()
