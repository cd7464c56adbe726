"""What quote finding adds to `enrich`, per page: `find_quotes` timed alone on bodies that `parse` made.

    python -m bench.quotes [--pages 300] [--seed 7]

Pages: the generated corpus (`bench.corpus`, same seed, same bytes), the labelled stories of
tests/fixtures/quotes, and the devset's real pages when ../shared/devset (or WARTA_SHARED_DIR) is there.
Officials and organizations are found first and handed in, as `enrich` does, so the clock covers only
the quote finder. A warm-up pass runs first; each body is then timed as the best of 3 runs (the machine is
shared: the best run is the one least disturbed). Printed, never asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def _bodies(count: int, seed: int) -> dict[str, list[str]]:
    from warta.parse import ParseError, parse_article

    from .corpus import pages

    generated = []
    for p in pages(count, seed):
        try:
            generated.append(parse_article(p.data, key=p.name).body)
        except ParseError:
            continue
    labelled = []
    for path in sorted((ROOT / "tests" / "fixtures" / "quotes" / "pages").glob("*.txt")):
        labelled.append(path.read_text("utf-8").partition("\n")[2].strip())
    sets = {"generated corpus": generated, "labelled stories": labelled}
    devset = Path(os.environ.get("WARTA_SHARED_DIR") or ROOT.parent / "shared") / "devset" / "html"
    if devset.is_dir():
        sets["devset pages"] = [
            parse_article(p.read_bytes(), key=p.name).body for p in sorted(devset.glob("*.html"))
        ]
    return sets


def measure(bodies: list[str]) -> dict[str, Any]:
    from warta.enrich.officials import find_officials
    from warta.enrich.organizations import find_organizations
    from warta.enrich.pipeline import _canonical_region, _is_region
    from warta.enrich.quotes import find_quotes

    inputs = [(b, find_officials(b, resolve_region=_canonical_region), find_organizations(b)) for b in bodies]
    for body, officials, organizations in inputs:
        find_quotes(body, officials, organizations, is_region=_is_region)
    times, quotes = [], 0
    for body, officials, organizations in inputs:
        best = float("inf")
        for _ in range(3):
            started = time.perf_counter()
            found = find_quotes(body, officials, organizations, is_region=_is_region)
            best = min(best, time.perf_counter() - started)
        times.append(best * 1000)
        quotes += len(found)
    times.sort()
    return {
        "pages": len(bodies),
        "median_chars": statistics.median(len(b) for b in bodies),
        "quotes": quotes,
        "median_ms": statistics.median(times),
        "p90_ms": times[int(0.9 * (len(times) - 1))],
        "max_ms": times[-1],
    }


def main(argv: list[str] | None = None) -> dict[str, dict[str, Any]]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    results = {name: measure(bodies) for name, bodies in _bodies(args.pages, args.seed).items() if bodies}
    print(f"{'set':<18} {'pages':>5} {'chars':>7} {'quotes':>6} {'median ms':>9} {'p90 ms':>7} {'max ms':>7}")
    for name, r in results.items():
        print(
            f"{name:<18} {r['pages']:>5} {r['median_chars']:>7.0f} {r['quotes']:>6} {r['median_ms']:>9.3f} "
            f"{r['p90_ms']:>7.3f} {r['max_ms']:>7.3f}"
        )
    return results


if __name__ == "__main__":
    main()
