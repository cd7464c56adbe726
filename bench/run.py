"""`make bench`: every benchmark in one run; prints a table and rewrites docs/benchmarks.md below its
hand-written header. Raw results go to .warta/bench/results.json.

    python -m bench.run [--pages 300] [--e2e-files 10000] [--workers 3] [--seed 7] [--skip e2e,layer]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

from . import coldstart, corpus, footprint, machine, pipeline, report
from .e2e import BENCH_DIR

REPO = Path(__file__).resolve().parents[1]
SECTIONS = ("pipeline", "coldstart", "footprint", "layer", "e2e")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Run Warta's benchmarks and write docs/benchmarks.md.")
    parser.add_argument("--pages", type=int, default=300, help="generated pages for the per-page timings")
    parser.add_argument(
        "--e2e-files", type=int, default=10_000, help="files dropped in the bucket end to end"
    )
    parser.add_argument("--workers", type=int, default=3, help="local worker processes (2 to 4)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--max-queued",
        type=int,
        default=100,
        help="end to end: hold uploads while more messages wait (0: drop all files at once)",
    )
    parser.add_argument("--skip", default="", help=f"comma-separated sections to skip: {', '.join(SECTIONS)}")
    parser.add_argument("--doc", type=Path, default=REPO / "docs" / "benchmarks.md")
    args = parser.parse_args(argv)
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    results: dict[str, Any] = {
        "machine": machine.describe(),
        "seed": args.seed,
        "started": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "args": {
            "pages": args.pages,
            "e2e_files": args.e2e_files,
            "workers": args.workers,
            "max_queued": args.max_queued,
        },
    }
    pages = list(corpus.pages(args.pages, args.seed))
    if "pipeline" not in skip:
        print(f"parse + enrich vs trafilatura on {len(pages)} pages ...", flush=True)
        results["pipeline"] = pipeline.parse_and_enrich(pages)
        results["enrich_5000"] = pipeline.enrich_5000(pages)
    if "coldstart" not in skip:
        print("cold start: fresh interpreters, 10 runs each ...", flush=True)
        results["coldstart"] = coldstart.run()
        env = coldstart.lambda_env(tracer=False)
        results["coldstart"]["heaviest"] = {
            name: coldstart.heaviest_imports(coldstart.SUBJECTS[name], env)
            for name in list(coldstart.SUBJECTS)[:2]
        }
    if "footprint" not in skip:
        print("peak memory on a 25 MB page ...", flush=True)
        results["memory"] = footprint.peak_memory(seed=args.seed)
    if "layer" not in skip:
        print("layer size ...", flush=True)
        results["layer"] = footprint.layer_size()
    if "e2e" not in skip:
        from . import e2e

        results["e2e"] = e2e.run(
            args.e2e_files, args.seed, args.workers, corpus.documents(pages), args.max_queued
        )
    results["load_end"] = machine.load_average()
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    (BENCH_DIR / "results.json").write_text(json.dumps(results, indent=2, default=str))
    table = report.table(results)
    print()
    print(table)
    report.write_doc(args.doc, results, table)
    print(f"\nwrote {args.doc} and {BENCH_DIR / 'results.json'}")


if __name__ == "__main__":
    main()
