"""Story clustering in process: our MinHash (warta.stories) against datasketch's MinHash + MinHashLSH.

Bodies come from the generated corpus (bench/corpus.py, parsed by warta.parse). Every `COPY_EVERY`-th
page gets a syndicated copy: the same body with its last third of paragraphs trimmed and a new lead
sentence. The clock covers fingerprinting and assignment of every body (originals then copies, one
batch), after a warm-up; cold import of each module is timed in a fresh interpreter (median of 5).

    python -m bench.stories [--pages 400] [--seed 7]

datasketch is measured only when installed (`pip install datasketch==2.0.0`: numpy and scipy come
with it); it is not a dependency of the project (docs/decisions.md, "Story clusters").
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import subprocess
import sys
import time
from collections.abc import Callable

from warta.parse import parse_article
from warta.stories import BANDS, BINS, ROWS, SAME_STORY, assign_stories, fingerprint, shingles

from . import corpus

COPY_EVERY = 4
LEAD = "JAKARTA, KABAR - Berita ini dimuat ulang dari mitra media kami."


def bodies(count: int, seed: int) -> tuple[list[tuple[str, str]], dict[str, str]]:
    """(doc id, body) in ingest order, and the original id of every copy."""
    originals = [
        (f"p{i}", parse_article(p.data, key=p.name, content_type="text/html").body)
        for i, p in enumerate(corpus.pages(count, seed))
    ]
    copies, truth = [], {}
    for index, (doc_id, body) in enumerate(originals):
        if index % COPY_EVERY == 0:
            paragraphs = body.split("\n")
            kept = paragraphs[: max(1, len(paragraphs) * 2 // 3)]
            copies.append((f"c{index}", "\n".join([LEAD, *kept])))
            truth[f"c{index}"] = doc_id
    return originals + copies, truth


def ours(batch: list[tuple[str, str]]) -> dict[str, str]:
    return assign_stories([(doc_id, fingerprint(body)) for doc_id, body in batch], [])


def datasketch_lsh(batch: list[tuple[str, str]]) -> dict[str, str]:
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(num_perm=BINS, params=(BANDS, ROWS))
    signatures, stories = {}, {}
    for doc_id, body in batch:
        minhash = MinHash(num_perm=BINS)
        minhash.update_batch([s.encode() for s in shingles(body)])
        scored = [(minhash.jaccard(signatures[other]), stories[other]) for other in lsh.query(minhash)]
        matches = [(-score, story) for score, story in scored if score >= SAME_STORY]
        stories[doc_id] = min(matches)[1] if matches else doc_id
        signatures[doc_id] = minhash
        lsh.insert(doc_id, minhash)
    return stories


def timed(
    method: Callable[[list[tuple[str, str]]], dict[str, str]], batch: list[tuple[str, str]], rounds: int = 3
) -> tuple[float, dict[str, str]]:
    method(batch[:20])  # warm-up: lazy imports and tables
    best, result = float("inf"), {}
    for _ in range(rounds):
        start = time.perf_counter()
        result = method(batch)
        best = min(best, time.perf_counter() - start)
    return best / len(batch) * 1000, result


def quality(stories: dict[str, str], truth: dict[str, str]) -> tuple[float, int]:
    """Share of copies found, and originals wrongly merged with another original."""
    found = sum(stories[copy] == stories[original] for copy, original in truth.items())
    originals = [s for doc_id, s in stories.items() if doc_id.startswith("p")]
    return found / len(truth), len(originals) - len(set(originals))


def import_ms(module: str) -> float:
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    runs = [
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
        for _ in range(5)
    ]
    return statistics.median(runs) * 1000


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=400)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    batch, truth = bodies(args.pages, args.seed)
    words = statistics.median(len(body.split()) for _, body in batch)
    print(
        f"{len(batch)} bodies ({len(truth)} copies), median {words:.0f} words; {BINS} bins, {BANDS} bands of {ROWS}"
    )
    methods: list[tuple[str, Callable[[list[tuple[str, str]]], dict[str, str]], str]] = [
        ("warta.stories (xxh3, one-permutation MinHash)", ours, "warta.stories")
    ]
    if importlib.util.find_spec("datasketch"):
        methods.append(("datasketch MinHash + MinHashLSH", datasketch_lsh, "datasketch"))
    else:
        print("datasketch not installed: its row is skipped (pip install datasketch==2.0.0)")
    print("| method | ms per article | copies found | originals merged | cold import ms |")
    print("|---|---:|---:|---:|---:|")
    for name, method, module in methods:
        per_article, stories = timed(method, batch)
        recall, merged = quality(stories, truth)
        print(f"| {name} | {per_article:.3f} | {recall:.1%} | {merged} | {import_ms(module):.0f} |")


if __name__ == "__main__":
    main()
