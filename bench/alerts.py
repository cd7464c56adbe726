"""Percolating new articles against 1,000 saved searches on the local node: the cost ingest adds per
article for alerts (issue 15: at most 10 ms per article).

    python -m bench.alerts [--alerts 1000] [--pages 200] [--rounds 5] [--seed 7]

A node of its own (free port, `.warta/bench/alerts-node`, stopped in a `finally`), the index set up by
`ensure_index`, saved searches made from the corpus's own titles and facets through the API's parser and
stored as the alert API stores them (a word or two, an official, a region with a site, date ranges,
exclusions), and the corpus's documents percolated as ingest does: batches of 10 in one request, beside
batches of 1 and 50 for the shape of the cost.

The generated searches are broader than a monitoring desk's: one or two words from a generated title
match about 22 of 1,000 per article, because the generated pages share a small vocabulary. The cost
grows with the candidates the percolator must verify, so this errs on the expensive side.

Reports the node's CPU per article (the cost: what the node spends, read from /proc), OpenSearch's own
`took` and the wall time per article (client round trip included)."""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import socket
import time
import urllib.request
from pathlib import Path
from typing import Any

from .e2e import BENCH_DIR
from .stats import summary

BATCH = 10  # ingest's batch: one percolate request per SQS batch
WARMUP_PASSES = 3


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def saved_searches(documents: list[dict[str, Any]], count: int, rng: random.Random) -> list[dict[str, Any]]:
    """`count` alert definitions in the shapes users write, built from values the corpus contains."""
    searches = []
    while len(searches) < count:
        doc = rng.choice(documents)
        facet = doc["facet"]
        words = [w for w in (doc.get("title") or "").split() if len(w) > 4 and w.isalpha()]
        shape = rng.randrange(6)
        search: dict[str, Any] = {}
        if shape in (0, 1, 4, 5) and words:
            search["q"] = " ".join(rng.sample(words, min(len(words), rng.choice((1, 2)))))
        if shape in (1, 3, 5) and facet["region"]:
            search["region"] = [rng.choice(facet["region"])]
        if shape == 2 and facet["official"]:
            search["official"] = [rng.choice(facet["official"])]
        if shape == 3 and facet["organization"]:
            search["organization"] = [rng.choice(facet["organization"])]
        if shape == 4 and facet["site"]:
            search["site"] = facet["site"]
            search["from"] = "2015-01-01"
        if shape == 5 and facet["site"]:
            search["-site"] = facet["site"]
        if search.get("q") or any(k in search for k in ("region", "official", "organization", "site")):
            searches.append(search)
    return searches


def run(alerts: int, pages: int, rounds: int, seed: int) -> dict[str, Any]:
    from opensearchpy import helpers
    from warta.alerts.definition import ChannelPolicy, parse_definition
    from warta.alerts.matching import Indexed, percolate_body
    from warta.alerts.store import alerts_index, saved_search_query
    from warta.index.client import make_client
    from warta.index.setup import ensure_index
    from warta.local import opensearch_node

    from . import corpus

    documents = corpus.documents(corpus.pages(pages, seed))
    rng = random.Random(seed)
    port = _free_port()
    node = opensearch_node.start(
        opensearch_node.install(),
        opensearch_node.run_dir_for(BENCH_DIR / "alerts-node"),
        http_port=port,
        heap="512m",
    )
    try:
        url = f"http://127.0.0.1:{port}"
        _wait(url)
        client = make_client(url, timeout=60)
        ensure_index(client, "bench-articles")
        index = alerts_index("bench-articles")
        definitions = [
            parse_definition({"name": f"b{n}", "search": s}, ChannelPolicy())
            for n, s in enumerate(saved_searches(documents, alerts, rng))
        ]
        helpers.bulk(
            client,
            (
                {
                    "_index": index,
                    "_id": f"a{n}",
                    "_source": {
                        "query": saved_search_query(d.request),  # as the alert API stores it
                        "alert": {
                            "name": d.name,
                            "created": "2026-01-01T00:00:00Z",
                            "definition": {"search": d.search},
                        },
                    },
                }
                for n, d in enumerate(definitions)
            ),
            refresh="wait_for",
        )
        client.indices.forcemerge(index=index, max_num_segments=1)
        articles = [Indexed(d["id"], d, 1) for d in documents]
        results: dict[str, Any] = {
            "alerts": len(definitions),
            "articles": len(articles),
            "rounds": rounds,
            "load_before": _load(),
        }
        sizes = (1, BATCH, 50)
        # Unmeasured passes at every batch size first: the JIT compiles the percolator's code paths over
        # the first few hundred requests (one pass was not enough: the first measured rounds ran about
        # half again as costly). Then the sizes take turns round by round, so a noisy neighbour weighs
        # on all of them alike rather than on whichever ran first.
        for _ in range(WARMUP_PASSES):
            for batch_size in sizes:
                _percolate_all(client, index, articles, batch_size, percolate_body)
        totals = {size: _Totals() for size in sizes}
        for _ in range(rounds):
            for batch_size in sizes:
                cpu_before = _node_cpu_seconds(node.pid)
                _percolate_all(client, index, articles, batch_size, percolate_body, totals[batch_size])
                totals[batch_size].node_cpu += _node_cpu_seconds(node.pid) - cpu_before
        for batch_size, t in totals.items():
            results[f"batch_{batch_size}"] = {
                "wall_per_article": summary(t.wall),
                "took_per_article": summary(t.took),
                "node_cpu_ms_per_article": t.node_cpu * 1000 / t.percolated,
                "matches_per_article": t.matches / t.percolated,
            }
        results["load_after"] = _load()
        return results
    finally:
        os.killpg(node.pid, signal.SIGTERM)
        node.wait(timeout=60)


class _Totals:
    def __init__(self) -> None:
        self.wall: list[float] = []  # per article, one value per request
        self.took: list[float] = []
        self.node_cpu = 0.0
        self.matches = self.percolated = 0


def _percolate_all(
    client: Any, index: str, articles: list[Any], batch_size: int, body: Any, totals: _Totals | None = None
) -> None:
    for start in range(0, len(articles), batch_size):
        batch = articles[start : start + batch_size]
        began = time.perf_counter()
        response = client.search(index=index, body=body(batch))
        if totals is None:
            continue
        totals.wall.append((time.perf_counter() - began) / len(batch))
        totals.took.append(response["took"] / 1000 / len(batch))
        totals.matches += sum(len(h["fields"]["_percolator_document_slot"]) for h in response["hits"]["hits"])
        totals.percolated += len(batch)


def _node_cpu_seconds(pgid: int) -> float:
    """CPU the node spent (its process group): a fairer measure than wall time on a shared machine."""
    from warta.local.stack import processes

    return sum(p.cpu_ticks for p in processes() if p.group == pgid) / os.sysconf("SC_CLK_TCK")


def _load() -> str:
    return Path("/proc/loadavg").read_text().split(" ", 3)[:3].__str__()


def _wait(url: str, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(
                f"{url}/_cluster/health?wait_for_status=yellow&timeout=5s", timeout=10
            ):
                return
        except OSError:
            time.sleep(1)
    raise RuntimeError(f"OpenSearch did not start at {url}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Percolation cost per article against N saved searches.")
    parser.add_argument("--alerts", type=int, default=1000)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    results = run(args.alerts, args.pages, args.rounds, args.seed)
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    (BENCH_DIR / "alerts.json").write_text(json.dumps(results, indent=2))

    def ms(s: dict[str, float]) -> str:
        return f"{s['median'] * 1000:.2f} ms (p90 {s['p90'] * 1000:.2f})"

    print(
        f"{results['alerts']} saved searches, {results['articles']} articles, load {results['load_before']} "
        f"-> {results['load_after']}"
    )
    for batch_size in (1, BATCH, 50):
        r = results[f"batch_{batch_size}"]
        print(
            f"batches of {batch_size:2}: wall {ms(r['wall_per_article'])}, took {ms(r['took_per_article'])}, "
            f"node CPU {r['node_cpu_ms_per_article']:.2f} ms per article; "
            f"{r['matches_per_article']:.1f} matches per article"
        )


if __name__ == "__main__":
    main()
