"""Stories against a local node: the backfill rate, and what the look after each ingest batch costs.

Starts its own stack (ports 9282/5082/8082, state in .warta/bench-story-index; always stopped), indexes
N generated documents (bench/search_corpus.py) plus a copy of every fourth (a new lead, the last third
of its paragraphs cut), all without story fields, a second apart by `ingested`, as documents indexed
before stories existed. Then:

1. `warta stories backfill` over all of them (`warta.index.story_backfill.backfill`): documents per
   second, and how many joined a copy's story;
2. ingest-sized batches (10 new documents, two of them copies of indexed ones), each as ingest does
   it: the story look-up, the bulk write, then the merge look (`warta.story_merge.converge`). Per batch:
   the look's search as the node reports it (`took`) and as the client waits for it, and the bulk
   write's client time without a refresh and with `refresh=wait_for` (what ingest now asks for so
   that the look of a racing batch sees this one), alternating batch by batch; after the batches
   without, a forced refresh (the alternative) is timed. Batches start at a random moment (0-1 s
   pause, not timed), so they do not fall in step with the node's refresh cycle.

    python -m bench.story_index [--docs 3000] [--batches 40] [--seed 7]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from warta.index.bulk import WriteAction, write
from warta.index.client import make_client
from warta.index.mapping import write_alias
from warta.index.setup import ensure_index
from warta.index.stories import CANDIDATES_PER_DOC, OpenSearchStoryLookup, lookup_query
from warta.index.story_backfill import backfill
from warta.index.story_merge import OpenSearchStoryMerger
from warta.stories import Fingerprint, Known, assign_documents, fingerprint
from warta.story_merge import converge

from . import search_corpus
from .node_stack import node_stack

REPO = Path(__file__).resolve().parents[1]
STATE = REPO / ".warta" / "bench-story-index"
STORY_FIELDS = ("story_id", "story_bands", "story_signature")
LEAD = "JAKARTA, KABAR - Berita ini dimuat ulang dari mitra media kami."
START = datetime(2026, 1, 1, tzinfo=UTC)


def with_copies(documents: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Each document, and after every fourth a copy of it under another id."""
    for n, document in enumerate(documents):
        yield document
        if n % 4 == 0:
            paragraphs = document["body"].split("\n\n")
            body = "\n\n".join([LEAD, *paragraphs[: max(1, len(paragraphs) * 2 // 3)]])
            yield document | {"id": document["id"] + "c", "key": document["key"] + ".copy", "body": body}


def load_without_stories(client: Any, alias: str, docs: int, seed: int) -> int:
    batch: list[WriteAction] = []
    count = 0
    for n, document in enumerate(with_copies(search_corpus.documents(docs, seed))):
        bare = {k: v for k, v in document.items() if k not in STORY_FIELDS}
        bare["ingested"] = (START + timedelta(seconds=n)).isoformat()
        batch.append(WriteAction("index", write_alias(alias), bare["id"], 1, bare))
        count += 1
        if len(batch) == 2_000:
            write(client, batch)
            batch = []
    write(client, batch, refresh=True)
    return count


def new_batches(client: Any, alias: str, batches: int, seed: int) -> Iterator[list[dict[str, Any]]]:
    """Batches of 10 new documents, the last two of each copies of documents already indexed."""
    fresh = search_corpus.documents(batches * 8, seed + 101)
    indexed = client.search(
        index=alias, body={"size": batches * 2, "_source": ["body"], "query": {"match_all": {}}}
    )["hits"]["hits"]
    for b in range(batches):
        documents = [next(fresh) for _ in range(8)]
        documents += [
            documents[0] | {"body": LEAD + "\n\n" + hit["_source"]["body"]}
            for hit in indexed[b * 2 : b * 2 + 2]
        ]
        now = datetime.now(UTC).isoformat()
        for i, document in enumerate(documents):
            print_ = fingerprint(document["body"])  # the copies' bodies changed: their fingerprints follow
            document |= {
                "id": f"new-{b}-{i}",
                "story_id": f"new-{b}-{i}",
                "ingested": now,
                "story_bands": print_.bands(),
                "story_signature": print_.encode(),
            }
        yield documents


def checks(client: Any, alias: str, batches: int, seed: int) -> dict[str, list[float]]:
    lookup = OpenSearchStoryLookup(client, alias)
    merger = OpenSearchStoryMerger(client, alias)
    names = ("look_took", "look_client", "bulk", "bulk_wait_for", "forced_refresh")
    times: dict[str, list[float]] = {name: [] for name in names}
    rng = random.Random(seed)
    for n, documents in enumerate(new_batches(client, alias, batches, seed)):
        time.sleep(rng.random())  # batches arrive at any moment of the refresh cycle, not in step with it
        assign_documents(documents, lookup)
        actions = [WriteAction("index", write_alias(alias), d["id"], 1, d) for d in documents]
        wait = n % 2 == 1
        start = time.perf_counter()
        write(client, actions, refresh=wait)
        times["bulk_wait_for" if wait else "bulk"].append((time.perf_counter() - start) * 1000)
        if not wait:  # the other way to make the batch visible: force a refresh (more, smaller segments)
            start = time.perf_counter()
            client.indices.refresh(index=write_alias(alias))
            times["forced_refresh"].append((time.perf_counter() - start) * 1000)
        prints = [Fingerprint.decode(d["story_signature"]) for d in documents]
        bands = sorted({band for p in prints for band in p.bands()})
        start = time.perf_counter()
        response = client.search(
            index=write_alias(alias), body=lookup_query(bands, len(prints) * CANDIDATES_PER_DOC)
        )
        times["look_client"].append((time.perf_counter() - start) * 1000)
        times["look_took"].append(float(response["took"]))
        converge([Known(d["id"], d["story_id"], p) for d, p in zip(documents, prints, strict=True)], merger)
    return times


def run(url: str, alias: str, docs: int, batches: int, seed: int) -> dict[str, Any]:
    client = make_client(url, timeout=120)
    ensure_index(client, alias)
    total = load_without_stories(client, alias, docs, seed)
    start = time.perf_counter()
    report = backfill(client, alias)
    seconds = time.perf_counter() - start
    again = backfill(client, alias)
    results: dict[str, Any] = {
        "documents": total,
        "backfill": {
            "walked": report.walked,
            "copies": report.copies,
            "moved": report.moved,
            "seconds": round(seconds, 1),
            "docs_per_s": round(report.walked / seconds),
            "second_run_walked": again.walked,
        },
    }
    times = checks(client, alias, batches, seed)
    results["per_batch_ms"] = {
        name: {"median": round(statistics.median(v), 1), "p90": round(statistics.quantiles(v, n=10)[-1], 1)}
        for name, v in times.items()
    }
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=3_000)
    parser.add_argument("--batches", type=int, default=40)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with node_stack(STATE, 9282, 5082, 8082) as state:
        results = run(state.opensearch_url, "warta-bench-stories", args.docs, args.batches, args.seed)
    print(results)
    b = results["backfill"]
    print(
        f"backfill: {b['walked']} documents in {b['seconds']} s = {b['docs_per_s']} docs/s; "
        f"{b['copies']} joined a copy's story, {b['moved']} moved; a second run walked {b['second_run_walked']}"
    )
    print("| per ingest batch of 10 | median ms | p90 ms |")
    print("|---|---:|---:|")
    for name, value in results["per_batch_ms"].items():
        print(f"| {name} | {value['median']} | {value['p90']} |")


if __name__ == "__main__":
    main()
