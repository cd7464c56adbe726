"""Extraction accuracy and speed: our parser next to trafilatura's `bare_extraction`, on every page
that has an expected entry (samples/, tests/fixtures/, tests/fixtures/extraction/).

Fields, each scored 0/1 per page and averaged:
  title      exact match
  published  exact ISO datetime with offset (trafilatura reports a day, so it is scored on the day
             in `published_day`; ours is scored on both)
  lead       the body's first 80 characters match exactly
  no_noise   none of the page's must_not_contain strings is in the body

Then, when the shared development set of real pages is there (`../shared/devset`, or WARTA_DEVSET),
the same pages through ours, trafilatura's `bare_extraction` and htmldate, in the same run, scored by the
devset's own scorer (imported from the devset folder, never copied here) per field and per site:
  title, published (the day), lead, boilerplate (must-not-contain strings absent), clean (pages with
  none of them), refused (pages without a body), fallback (pages whose body came from the fallback).
Without the devset that part is skipped with the reason.

Run:  .venv/bin/python tools/eval_extraction.py   (`main()` and `devset_main()` return the numbers)
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import os
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
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
        "no_noise": bool(extraction.body)
        and not any(s in extraction.body for s in expected["must_not_contain"]),
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
        "failures": {
            name: [f for f, ok in r.items() if not ok] for name, r in per_page.items() if not all(r.values())
        },
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


# --- the shared development set of real pages -------------------------------------------------------

DEVSET_FIELDS = ("title", "published", "lead", "boilerplate", "clean", "refused", "fallback")
DEVSET_SYSTEMS = ("ours", "trafilatura", "htmldate")


def devset_dir() -> Path | None:
    """`../shared/devset` beside the repository (a worktree sits one level deeper, so its parents are
    searched too), or WARTA_DEVSET. None in a user's clone, which has no such folder."""
    if os.environ.get("WARTA_DEVSET"):
        path = Path(os.environ["WARTA_DEVSET"])
        return path if (path / "gold.jsonl").exists() else None
    for parent in ROOT.parents[:3]:
        path = parent / "shared" / "devset"
        if (path / "gold.jsonl").exists():
            return path
    return None


def devset_skip_reason() -> str:
    return (
        "no development set: ../shared/devset (real pages with labels, kept outside the repository for "
        "copyright) is not beside this checkout, and WARTA_DEVSET does not name one"
    )


def _devset_scorer(folder: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("devset_score", folder / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _devset_predictions(data: bytes, name: str) -> dict[str, dict[str, Any]]:
    from htmldate import find_date
    from warta.parse import ParseError, parse_article

    out: dict[str, dict[str, Any]] = {}
    try:
        article = parse_article(data, key=name)
        out["ours"] = {
            "title": article.title,
            "published": article.published.isoformat() if article.published else None,
            "body": article.body,
            "fallback": article.extractor != "warta",
        }
    except ParseError as exc:
        out["ours"] = {"title": "", "published": None, "body": "", "error": str(exc)}
    page = Page(Path(name), data, {})
    theirs = trafilatura_bare(page)
    out["trafilatura"] = {"title": theirs.title, "published": theirs.published, "body": theirs.body}
    try:
        day = find_date(data.decode("utf-8", errors="replace"), original_date=True)
    except Exception:  # noqa: BLE001 - a comparison tool failing on a page counts as no answer
        day = None
    out["htmldate"] = {"title": None, "published": day, "body": None}
    return out


def devset_main() -> dict[str, Any] | None:
    """Scores per system, per field and per site; None when there is no devset."""
    folder = devset_dir()
    if folder is None:
        return None
    scorer = _devset_scorer(folder)
    gold = [
        json.loads(line)
        for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    rows: dict[str, list[dict[str, Any]]] = {s: [] for s in DEVSET_SYSTEMS}
    misses: dict[str, list[str]] = {s: [] for s in DEVSET_SYSTEMS}
    for label in gold:
        path = folder / label["file"]
        predictions = _devset_predictions(path.read_bytes(), path.name)
        for system, found in predictions.items():
            row = _devset_row(scorer, label, found)
            rows[system].append(row)
            failed = [f for f in ("title", "published", "lead", "clean") if row.get(f) is False]
            if failed or row.get("refused"):
                misses[system].append(f"{path.name}: {', '.join(failed) or 'refused'}")
    result: dict[str, Any] = {
        "folder": str(folder),
        "pages": len(gold),
        "sites": sorted({g["site"] for g in gold}),
        "misses": misses,
    }
    for system in DEVSET_SYSTEMS:
        result[system] = {
            "all": _aggregate(rows[system]),
            "per_site": {
                site: _aggregate([r for r in rows[system] if r["site"] == site]) for site in result["sites"]
            },
        }
    return result


def _devset_row(scorer: ModuleType, label: dict[str, Any], found: dict[str, Any]) -> dict[str, Any]:
    body = found.get("body")
    row: dict[str, Any] = {
        "site": label["site"],
        "published": scorer.date_of(found.get("published")) == label["published"],
    }
    if found.get("title") is not None:
        row["title"] = scorer.title_ok(found["title"] or "", label["title"])
    if body is not None:
        normalised = scorer.norm(body)
        kept_out = [scorer.norm(s) not in normalised for s in label["must_not_contain"]]
        row.update(
            lead=scorer.lead_ok(body, label["lead"]),
            strings=len(kept_out),
            strings_out=sum(kept_out),
            clean=all(kept_out) and bool(body),
            refused=not body,
            fallback=bool(found.get("fallback")),
        )
    return row


def _aggregate(rows: list[dict[str, Any]]) -> dict[str, float | int | None]:
    def mean(field: str) -> float | None:
        values = [r[field] for r in rows if field in r]
        return sum(values) / len(values) if values else None

    strings = sum(r.get("strings", 0) for r in rows)
    return {
        "pages": len(rows),
        "title": mean("title"),
        "published": mean("published"),
        "lead": mean("lead"),
        "boilerplate": sum(r.get("strings_out", 0) for r in rows) / strings if strings else None,
        "clean": mean("clean"),
        "refused": sum(1 for r in rows if r.get("refused")) if any("refused" in r for r in rows) else None,
        "fallback": sum(1 for r in rows if r.get("fallback")) if any("fallback" in r for r in rows) else None,
    }


def _cell(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def _print_devset(result: dict[str, Any] | None) -> None:
    if result is None:
        print(f"\ndevset: skipped, {devset_skip_reason()}")
        return
    print(f"\ndevset {result['folder']}: {result['pages']} real pages from {len(result['sites'])} sites\n")
    print(f"{'field':<13}" + "".join(f"{s:>13}" for s in DEVSET_SYSTEMS))
    for field in DEVSET_FIELDS:
        print(f"{field:<13}" + "".join(f"{_cell(result[s]['all'][field]):>13}" for s in DEVSET_SYSTEMS))
    print("\nper site (ours / trafilatura; published also htmldate)")
    print(f"{'site':<16}{'pages':>6}{'title':>16}{'published':>24}{'lead':>16}{'clean':>16}")
    for site in result["sites"]:
        ours, traf, hd = (result[s]["per_site"][site] for s in DEVSET_SYSTEMS)
        print(
            f"{site:<16}{ours['pages']:>6}"
            f"{_cell(ours['title']) + ' / ' + _cell(traf['title']):>16}"
            f"{_cell(ours['published']) + ' / ' + _cell(traf['published']) + ' / ' + _cell(hd['published']):>24}"
            f"{_cell(ours['lead']) + ' / ' + _cell(traf['lead']):>16}"
            f"{_cell(ours['clean']) + ' / ' + _cell(traf['clean']):>16}"
        )
    for system in DEVSET_SYSTEMS:
        for miss in result["misses"][system]:
            print(f"  {system} misses {miss}")


if __name__ == "__main__":
    _print(main(include_trafilatura="--ours-only" not in sys.argv))
    if "--no-devset" not in sys.argv:
        _print_devset(devset_main())
