"""Enrich time per page on real pages: the devset (../shared/devset/html, when it is beside the
repository) or samples/ otherwise; plus the tagger's own share, import cost and first-call cost.

    python -m bench.enrich_pages [--repeat 20]

Each page is parsed once; `enrich` is then timed `repeat` times per page after a warm-up, and the
median over pages of each page's median is reported, as wall time and as this process's CPU time (on
a machine shared with other work the CPU time is the steadier figure). Nothing here is asserted.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _pages() -> tuple[str, list[Path]]:
    for parent in ROOT.parents:
        devset = parent / "shared" / "devset" / "html"
        if devset.is_dir():
            return "devset", sorted(devset.glob("*.html"))
    return "samples", sorted((ROOT / "samples").glob("*.html"))


def _fresh(code: str) -> float:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    from warta.enrich import enrich, tagger
    from warta.parse import parse_article

    name, files = _pages()
    articles = [parse_article(f.read_bytes(), key=f.name, content_type="text/html") for f in files]
    for a in articles:
        enrich(a)
    per_page, cpu_page, tag_page = [], [], []
    for a in articles:
        runs, cpu_runs, tag_runs = [], [], []
        for _ in range(args.repeat):
            started, cpu = time.perf_counter(), time.process_time()
            enrich(a)
            runs.append(time.perf_counter() - started)
            cpu_runs.append(time.process_time() - cpu)
            cpu = time.process_time()
            tagger.tag(a.body)
            tag_runs.append(time.process_time() - cpu)
        per_page.append(statistics.median(runs) * 1000)
        cpu_page.append(statistics.median(cpu_runs) * 1000)
        tag_page.append(statistics.median(tag_runs) * 1000)
    per_page.sort()
    print(
        f"{name}: {len(articles)} pages, median body {statistics.median(len(a.body) for a in articles):.0f} chars"
    )
    print(f"enrich per page: median {statistics.median(per_page):.2f} ms wall, max {per_page[-1]:.2f} ms")
    print(f"enrich per page: median {statistics.median(cpu_page):.2f} ms CPU, max {max(cpu_page):.2f} ms")
    print(f"  of which the tagger: median {statistics.median(tag_page):.2f} ms CPU")
    imports = [
        _fresh("import time; t=time.process_time(); import warta.enrich; print((time.process_time()-t)*1000)")
        for _ in range(5)
    ]
    first = [
        _fresh(
            "import time; from datetime import datetime; import warta.enrich as e; "
            "from warta.parse.article import Article; a=Article(title='', body='Kapolda Riau Irjen Ahmad "
            "Fauzi datang ke Jakarta.', published=None); t=time.process_time(); e.enrich(a); "
            "print((time.process_time()-t)*1000)"
        )
        for _ in range(5)
    ]
    print(f"import warta.enrich: median {statistics.median(imports):.1f} ms CPU (5 fresh interpreters)")
    print(f"first enrich call (tables, automata, model load): median {statistics.median(first):.1f} ms CPU")


if __name__ == "__main__":
    main()
