"""Extraction speed on real pages: the shared devset (../shared/devset), ours next to trafilatura in the
same run. Skipped, saying why, when the devset is not beside the checkout.

- per page, in process: `parse_article` (fallback on) + `enrich` against trafilatura's `bare_extraction`
  (with metadata) on the same bytes, interleaved page by page, ROUNDS rounds after a warm-up; median
  and p99 of every timing, and how many pages took the fallback;
- whole process: `warta extract FILES...` against a fresh interpreter that imports trafilatura and runs
  `bare_extraction` over the same files and prints JSON lines, alternating, median of RUNS wall times
  (interpreter start and imports included: that is what a user waits for).

    python -m bench.extraction [--rounds 5] [--runs 5] [--doc docs/benchmarks.md]

It rewrites its own section of docs/benchmarks.md (between the extraction markers, in the hand-written
part that `make bench` keeps), so it can run alone.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

from .machine import load_average
from .stats import ms, summary

REPO = Path(__file__).resolve().parents[1]
BEGIN = "<!-- extraction benchmark: written by `python -m bench.extraction` -->"
END = "<!-- end of extraction benchmark -->"
TRAFILATURA_PROCESS = (
    "import json, sys\n"
    "from trafilatura import bare_extraction\n"
    "for name in sys.argv[1:]:\n"
    "    data = open(name, 'rb').read()\n"
    "    doc = bare_extraction(data, with_metadata=True)\n"
    "    found = (doc if isinstance(doc, dict) else doc.as_dict()) if doc is not None else {}\n"
    "    print(json.dumps({'file': name, 'title': found.get('title'), 'published': found.get('date'),\n"
    "                      'body': found.get('text')}, ensure_ascii=False))\n"
)


def _eval_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_extraction", REPO / "tools" / "eval_extraction.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def devset_files() -> tuple[list[Path], str | None]:
    """The devset's pages, or no pages and the reason."""
    evaluation = _eval_module()
    folder = evaluation.devset_dir()
    if folder is None:
        return [], evaluation.devset_skip_reason()
    return sorted((folder / "html").glob("*.html")), None


def per_page(files: list[Path], rounds: int) -> dict[str, Any]:
    from trafilatura import bare_extraction
    from warta.enrich import enrich
    from warta.parse import ParseError, parse_article

    pages = [(f.name, f.read_bytes()) for f in files]
    for name, data in pages:  # warm-up: lazily built tables belong to cold start
        enrich(parse_article(data, key=name))
        bare_extraction(data, with_metadata=True)
    ours: list[float] = []
    theirs: list[float] = []
    fallback: set[str] = set()
    refused: set[str] = set()
    for _ in range(rounds):
        for name, data in pages:
            started = time.perf_counter()
            try:
                article = parse_article(data, key=name)
                enrich(article)
                if article.extractor != "warta":
                    fallback.add(name)
            except ParseError:
                refused.add(name)
            done = time.perf_counter()
            bare_extraction(data, with_metadata=True)
            theirs.append(time.perf_counter() - done)
            ours.append(done - started)
    mine, other = summary(ours), summary(theirs)
    return {
        "pages": len(pages),
        "rounds": rounds,
        "ours": mine,
        "trafilatura": other,
        "ratio_median": mine["median"] / other["median"],
        "ratio_p99": mine["p99"] / other["p99"],
        "fallback_pages": sorted(fallback),
        "refused_pages": sorted(refused),
    }


def whole_process(files: list[Path], runs: int) -> dict[str, Any]:
    warta = [str(REPO / ".venv" / "bin" / "warta"), "extract", *map(str, files)]
    trafilatura = [sys.executable, "-c", TRAFILATURA_PROCESS, *map(str, files)]
    for command in (warta, trafilatura):  # warm the page cache and the .pyc files once
        subprocess.run(command, check=True, capture_output=True)
    times: dict[str, list[float]] = {"warta extract": [], "trafilatura": []}
    for _ in range(runs):
        for label, command in (("warta extract", warta), ("trafilatura", trafilatura)):
            started = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            times[label].append(time.perf_counter() - started)
    medians = {label: statistics.median(values) for label, values in times.items()}
    return {
        "files": len(files),
        "runs": runs,
        "median_s": medians,
        "all_s": times,
        "ratio": medians["warta extract"] / medians["trafilatura"],
    }


def run(rounds: int, runs: int) -> dict[str, Any]:
    files, reason = devset_files()
    if not files:
        return {"skipped": reason}
    started, load = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), load_average()
    return {
        "per_page": per_page(files, rounds),
        "whole_process": whole_process(files, runs),
        "started": started,
        "load": f"{load} before, {load_average()} after",
    }


def table(result: dict[str, Any]) -> str:
    if "skipped" in result:
        return f"Extraction benchmark skipped: {result['skipped']}."
    page, process = result["per_page"], result["whole_process"]
    ours, theirs = page["ours"], page["trafilatura"]
    rows = [
        ("figure", "ours", "trafilatura", "ours / trafilatura"),
        (
            "per page: parse + enrich vs bare_extraction, median ms",
            ms(ours["median"]),
            ms(theirs["median"]),
            f"{page['ratio_median']:.2f}x",
        ),
        ("per page, p99 ms", ms(ours["p99"]), ms(theirs["p99"]), f"{page['ratio_p99']:.2f}x"),
        ("per page, max ms", ms(ours["max"]), ms(theirs["max"]), ""),
        (
            f"whole process over the {process['files']} files, median s of {process['runs']}",
            f"{process['median_s']['warta extract']:.2f}",
            f"{process['median_s']['trafilatura']:.2f}",
            f"{process['ratio']:.2f}x",
        ),
    ]
    lines = [f"| {' | '.join(r)} |" for r in rows]
    lines.insert(1, "|---|---|---|---|")
    notes = (
        f"\n{page['pages']} devset pages x {page['rounds']} rounds ({ours['n']} timings each); "
        f"the fallback ran on {len(page['fallback_pages'])} pages"
        f"{': ' + ', '.join(page['fallback_pages']) if page['fallback_pages'] else ''}; "
        f"{len(page['refused_pages'])} refused. Run {result['started']}, load average (1/5/15 min) "
        f"{result['load']} on {os.cpu_count()} CPUs: both sides share it, the ratios are the figures to read."
    )
    return "\n".join(lines) + "\n" + notes


def write_doc(path: Path, text: str) -> None:
    """Replace the section between the markers (or add it after the file's first heading block)."""
    section = f"{BEGIN}\n{text}\n{END}"
    content = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    if BEGIN in content and END in content:
        before, rest = content.split(BEGIN, 1)
        content = before + section + rest.split(END, 1)[1]
    else:
        raise SystemExit(f"{path} has no extraction benchmark markers ({BEGIN})")
    path.write_text(content, encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Extraction speed on the devset, ours vs trafilatura.")
    parser.add_argument("--rounds", type=int, default=5, help="in-process rounds over every page")
    parser.add_argument("--runs", type=int, default=5, help="whole-process runs of each command")
    parser.add_argument("--doc", type=Path, default=REPO / "docs" / "benchmarks.md")
    args = parser.parse_args(argv)
    result = run(args.rounds, args.runs)
    text = table(result)
    print(text)
    out = REPO / ".warta" / "bench"
    out.mkdir(parents=True, exist_ok=True)
    (out / "extraction.json").write_text(json.dumps(result, indent=2, default=str))
    if "skipped" not in result:
        write_doc(args.doc, text)
        print(f"\nwrote {args.doc} and {out / 'extraction.json'}")


if __name__ == "__main__":
    main()
