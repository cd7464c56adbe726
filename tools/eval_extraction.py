"""Extraction accuracy and speed: our parser next to trafilatura's `bare_extraction`, on every page
that has an expected entry (samples/, tests/fixtures/, tests/fixtures/extraction/).

Fields, each scored 0/1 per page and averaged:
  title      exact match
  published  exact ISO datetime with offset (trafilatura reports a day, so it is scored on the day
             in `published_day`; ours is scored on both)
  lead       the body's first 80 characters match exactly
  no_noise   none of the page's must_not_contain strings is in the body

Run:  .venv/bin/python tools/eval_extraction.py   (`main()` returns the numbers as a dict)
"""

from __future__ import annotations

import gzip
import json
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPORA = (ROOT / "samples", ROOT / "tests" / "fixtures", ROOT / "tests" / "fixtures" / "extraction")
FIELDS = ("title", "published", "published_day", "lead", "no_noise")
REPEATS = 5  # timing: the best of a few runs per page smooths out scheduler noise


@dataclass(frozen=True, slots=True)
class Page:
    path: Path
    data: bytes
    expected: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Extraction:
    title: str
    published: str  # ISO, or "" when none
    body: str


def load_pages() -> list[Page]:
    return list(_pages())


def _pages() -> Iterator[Page]:
    for folder in CORPORA:
        expected_file = folder / "expected.json"
        if expected_file.exists():
            for name, expected in json.loads(expected_file.read_text(encoding="utf-8")).items():
                path = folder / name
                yield Page(path, path.read_bytes(), expected)
        # Single-page fixtures that carry their own `<name>.expected.json`.
        for expected_file in sorted(folder.glob("*.expected.json")):
            path = folder / expected_file.name.replace(".expected.json", ".html")
            if path.exists():
                yield Page(path, path.read_bytes(), json.loads(expected_file.read_text(encoding="utf-8")))


def ours(page: Page) -> Extraction:
    from warta.parse import ParseError, parse_article

    try:
        article = parse_article(page.data, key=page.path.name)
    except ParseError:
        return Extraction("", "", "")
    return Extraction(article.title, article.published.isoformat() if article.published else "", article.body)


def trafilatura_bare(page: Page) -> Extraction:
    from trafilatura import bare_extraction

    # Same bytes as ours, decompressed: trafilatura does not read gzip objects itself.
    data = gzip.decompress(page.data) if page.data[:2] == b"\x1f\x8b" else page.data
    doc = bare_extraction(data, with_metadata=True)
    if doc is None:
        return Extraction("", "", "")
    found = doc if isinstance(doc, dict) else doc.as_dict()
    return Extraction(found.get("title") or "", found.get("date") or "", found.get("text") or "")


def score(extraction: Extraction, expected: dict[str, Any]) -> dict[str, bool]:
    lead = " ".join(extraction.body.split())[:80]
    return {
        "title": extraction.title == expected["title"],
        "published": extraction.published == expected["published"],
        "published_day": extraction.published[:10] == expected["published"][:10],
        "lead": lead == expected["lead"],
        "no_noise": bool(extraction.body) and not any(s in extraction.body for s in expected["must_not_contain"]),
    }


def evaluate(extractor: Callable[[Page], Extraction], pages: list[Page]) -> dict[str, Any]:
    per_page: dict[str, dict[str, bool]] = {}
    timings: list[float] = []
    for page in pages:
        best = float("inf")
        for _ in range(REPEATS):
            start = time.perf_counter()
            extraction = extractor(page)
            best = min(best, time.perf_counter() - start)
        timings.append(best)
        per_page[page.path.name] = score(extraction, page.expected)
    accuracy = {f: sum(r[f] for r in per_page.values()) / len(per_page) for f in FIELDS}
    timings.sort()
    return {
        "accuracy": accuracy,
        "failures": {name: [f for f, ok in r.items() if not ok] for name, r in per_page.items() if not all(r.values())},
        "median_ms": statistics.median(timings) * 1000,
        "p90_ms": timings[min(len(timings) - 1, int(0.9 * len(timings)))] * 1000,
    }


def main(include_trafilatura: bool = True) -> dict[str, Any]:
    pages = load_pages()
    ours(pages[0]), trafilatura_bare(pages[0]) if include_trafilatura else None  # warm imports
    result: dict[str, Any] = {
        "pages": len(pages),
        "layouts": len({p.expected.get("layout", p.path.name.split("-")[0]) for p in pages}),
        "ours": evaluate(ours, pages),
    }
    if include_trafilatura:
        result["trafilatura"] = evaluate(trafilatura_bare, pages)
    return result


def _print(result: dict[str, Any]) -> None:
    systems = [s for s in ("ours", "trafilatura") if s in result]
    print(f"{result['pages']} pages, {result['layouts']} layouts\n")
    print(f"{'field':<15}" + "".join(f"{s:>14}" for s in systems))
    for field in FIELDS:
        print(f"{field:<15}" + "".join(f"{result[s]['accuracy'][field]:>14.3f}" for s in systems))
    for stat in ("median_ms", "p90_ms"):
        print(f"{stat:<15}" + "".join(f"{result[s][stat]:>14.2f}" for s in systems))
    for system in systems:
        for name, fields in result[system]["failures"].items():
            print(f"  {system} misses {name}: {', '.join(fields)}")


if __name__ == "__main__":
    _print(main(include_trafilatura="--ours-only" not in sys.argv))
