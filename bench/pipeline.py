"""In-process timings of the pure pipeline: parse + enrich per page against trafilatura on the same
pages, and enrichment alone on 5,000-character articles."""

from __future__ import annotations

import dataclasses
import time
from typing import Any

from .corpus import Page
from .stats import summary

WARMUP = 10  # first calls load lazily built tables (automata): that is cold-start cost


def parse_and_enrich(pages: list[Page]) -> dict[str, Any]:
    from trafilatura import bare_extraction
    from warta.enrich import enrich
    from warta.parse import ParseError, parse_article

    for p in pages[:WARMUP]:
        enrich(parse_article(p.data, key=p.name))
        bare_extraction(p.data, with_metadata=True)
    parse_times, enrich_times, total_times, traf_times = [], [], [], []
    failures = 0
    for p in pages:
        started = time.perf_counter()
        try:
            article = parse_article(p.data, key=p.name, content_type="text/html")
        except ParseError:
            failures += 1
            continue
        parsed = time.perf_counter()
        enrich(article)
        done = time.perf_counter()
        bare_extraction(p.data, with_metadata=True)
        traf_times.append(time.perf_counter() - done)
        parse_times.append(parsed - started)
        enrich_times.append(done - parsed)
        total_times.append(done - started)
    sizes = [len(p.data) for p in pages]
    ours, theirs = summary(total_times), summary(traf_times)
    return {
        "pages": len(pages),
        "parse_failures": failures,
        "bytes": summary(sizes),
        "parse": summary(parse_times),
        "enrich": summary(enrich_times),
        "parse_enrich": ours,
        "trafilatura": theirs,
        "ratio_median": theirs["median"] / ours["median"],
        "ratio_p90": theirs["p90"] / ours["p90"],
    }


def enrich_5000(pages: list[Page], chars: int = 5000) -> dict[str, Any]:
    """Each page's story, grown (with its own paragraphs, then the next page's) or cut to ~5,000 chars."""
    from warta.enrich import enrich
    from warta.parse import ParseError, parse_article

    articles = []
    for p in pages:
        try:
            articles.append(parse_article(p.data, key=p.name))
        except ParseError:
            continue
    sized = []
    for i, article in enumerate(articles):
        paragraphs = article.body.split("\n\n")
        j = i
        while sum(len(x) + 2 for x in paragraphs) < chars:
            j = (j + 1) % len(articles)
            paragraphs += articles[j].body.split("\n\n")
        body, kept = "", []
        for para in paragraphs:
            if len(body) + len(para) + 2 > chars and kept:
                break
            kept.append(para)
            body = "\n\n".join(kept)
        sized.append(dataclasses.replace(article, body=body[:chars]))
    for a in sized[:WARMUP]:
        enrich(a)
    times = []
    for a in sized:
        started = time.perf_counter()
        enrich(a)
        times.append(time.perf_counter() - started)
    return {"articles": len(sized), "chars": summary([len(a.body) for a in sized]), "enrich": summary(times)}
