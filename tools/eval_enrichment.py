"""Measure how well ``warta.enrich`` finds officials, regions, organizations and dates.

Run from the repository root::

    python tools/eval_enrichment.py

Two gold sets are scored:

- ``labelled``: ``tests/fixtures/enrichment/labelled.jsonl``, short Indonesian news sentences written for
  this purpose, one JSON object per line (text, published, officials, regions, organizations, dates);
- ``pages``: every page in ``samples/`` against ``samples/expected.json`` plus the seed page against its
  ``.expected.json`` (officials, regions and organizations only; the body comes from ``parse_article``).

How items are matched (sets per text, micro-averaged over the set):

- officials: normalised name + rank + position; on the labelled set also ``former`` and, where a label
  says so, ``public``. Positions are compared after a small table of equal spellings ("Ketua MK" and
  "Ketua Mahkamah Konstitusi"), nothing looser;
- regions: canonical name and, on the labelled set, the path from the province down;
- organizations: the expected name equals the canonical name or the abbreviation of a found one;
- dates: date + approximate.

Timings (printed, never asserted): the median time to enrich a 5,000-character article with all four
finders, and the median import time of ``warta.enrich`` in a fresh interpreter (5 runs), plus the cost of
the first call, which builds the gazetteer. ``main()`` returns everything as a dict for the quality test.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import timeit
import unicodedata
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LABELLED = ROOT / "tests" / "fixtures" / "enrichment" / "labelled.jsonl"
# Sentences written for the persons finder: every named person, by the fullest name the text gives.
PERSONS = ROOT / "tests" / "fixtures" / "enrichment" / "persons.jsonl"
SAMPLES = ROOT / "samples"
SEED_HTML = ROOT / "tests" / "fixtures" / "seed_vivanews.html"
SEED_EXPECTED = ROOT / "tests" / "fixtures" / "seed_vivanews.expected.json"
TYPES = ("officials", "regions", "organizations", "dates")

# Spellings of one position that the gold sets may use interchangeably.
_POSITION_EQUIVALENTS = {
    "Ketua Mahkamah Konstitusi": "Ketua MK",
    "Ketua Mahkamah Agung": "Ketua MA",
}


class Score:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0

    def add(self, expected: set, found: set) -> None:
        self.tp += len(expected & found)
        self.fp += len(found - expected)
        self.fn += len(expected - found)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "p": self.precision,
            "r": self.recall,
            "f1": self.f1,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


def _norm_name(name: str) -> str:
    folded = unicodedata.normalize("NFKC", name).replace("’", "'")
    return " ".join(folded.split()).casefold()


def _norm_position(position: str | None) -> str | None:
    if position is None:
        return None
    position = " ".join(position.split())
    return _POSITION_EQUIVALENTS.get(position, position)


def _official_key(name: str, rank, position, former=None, public=None) -> tuple:
    return (_norm_name(name), rank, _norm_position(position), former, public)


def _found_officials(officials, *, labelled: bool) -> set[tuple]:
    # on the labelled set `former` always counts, and `public` counts as False-or-unspecified
    return {
        _official_key(
            o.name,
            o.rank,
            o.position,
            o.former if labelled else None,
            False if labelled and not o.public else None,
        )
        for o in officials
    }


def _org_matches(expected: list[str], found) -> tuple[set, set]:
    """Expected names matched against canonical-or-abbreviation of the found organizations."""
    names_of = [{o.canonical, o.abbreviation} - {None} for o in found]
    exp = set(expected)
    hit_exp = {e for e in exp if any(e in names for names in names_of)}
    # a found organization is a true positive when one of its names was expected
    extra = {o.canonical for o, names in zip(found, names_of, strict=True) if not names & exp}
    return hit_exp, extra


def _published(raw: str | None) -> date | None:
    return date.fromisoformat(raw) if raw else None


def evaluate_labelled(path: Path = LABELLED) -> dict[str, Score]:
    from warta.enrich.dates import find_dates
    from warta.enrich.officials import find_officials
    from warta.enrich.organizations import find_organizations
    from warta.enrich.pipeline import _canonical_region
    from warta.enrich.regions import find_regions

    scores = {t: Score() for t in TYPES}
    for line in path.read_text("utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        text = item["text"]
        published = _published(item["published"])

        exp_o = {
            _official_key(
                o["name"],
                o["rank"],
                o["position"],
                o.get("former", False),
                False if o.get("public", True) is False else None,
            )
            for o in item["officials"]
        }
        got_o = _found_officials(find_officials(text, resolve_region=_canonical_region), labelled=True)
        scores["officials"].add(exp_o, got_o)

        exp_r = {(r["canonical"], tuple(r["path"])) for r in item["regions"]}
        got_r = {(r.canonical, r.path) for r in find_regions(text)}
        scores["regions"].add(exp_r, got_r)

        hit, extra = _org_matches(item["organizations"], find_organizations(text))
        s = scores["organizations"]
        s.tp += len(hit)
        s.fn += len(set(item["organizations"]) - hit)
        s.fp += len(extra)

        exp_d = {(d["date"], d["approximate"]) for d in item["dates"]}
        got_d = {(d.date.isoformat(), d.approximate) for d in find_dates(text, published)}
        scores["dates"].add(exp_d, got_d)
    return scores


def evaluate_persons(path: Path = PERSONS) -> Score:
    """Persons found by the whole `enrich` (tagger, grammar, aliases) against the labelled names."""
    from warta.enrich import enrich
    from warta.parse.article import Article

    score = Score()
    for line in path.read_text("utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            found = enrich(Article(title="", body=item["text"], published=None)).persons
            score.add({_norm_name(n) for n in item["persons"]}, {_norm_name(p.name) for p in found})
    return score


def _pages() -> list[tuple[str, bytes, dict]]:
    expected = json.loads((SAMPLES / "expected.json").read_text("utf-8"))
    pages = [(name, (SAMPLES / name).read_bytes(), exp) for name, exp in sorted(expected.items())]
    pages.append((SEED_HTML.name, SEED_HTML.read_bytes(), json.loads(SEED_EXPECTED.read_text("utf-8"))))
    return pages


def evaluate_pages() -> dict[str, Score]:
    from warta.enrich.officials import find_officials
    from warta.enrich.organizations import find_organizations
    from warta.enrich.pipeline import _canonical_region
    from warta.enrich.regions import find_regions
    from warta.parse import parse_article

    scores = {t: Score() for t in TYPES[:3]}
    for _name, raw, exp in _pages():
        body = parse_article(raw).body
        exp_o = {_official_key(o["name"], o["rank"], o["position"]) for o in exp.get("officials", [])}
        got_o = _found_officials(find_officials(body, resolve_region=_canonical_region), labelled=False)
        scores["officials"].add(exp_o, got_o)
        scores["regions"].add(set(exp.get("regions", [])), {r.canonical for r in find_regions(body)})
        hit, extra = _org_matches(exp.get("organizations", []), find_organizations(body))
        s = scores["organizations"]
        s.tp += len(hit)
        s.fn += len(set(exp.get("organizations", [])) - hit)
        s.fp += len(extra)
    return scores


def _article_5000() -> tuple[str, datetime | None]:
    from warta.parse import parse_article

    bodies, published = [], None
    for _name, raw, _exp in _pages():
        article = parse_article(raw)
        bodies.append(article.body)
        published = published or article.published
    text = "\n\n".join(bodies)
    while len(text) < 5000:
        text += "\n\n" + text
    return text[:5000], published


def time_enrich(repeat: int = 7, number: int = 50) -> dict[str, float]:
    """Median milliseconds per 5,000-character article, per finder and in total."""
    from warta.enrich.dates import find_dates
    from warta.enrich.officials import find_officials
    from warta.enrich.organizations import find_organizations
    from warta.enrich.pipeline import _canonical_region
    from warta.enrich.regions import find_regions

    text, published = _article_5000()
    finders = {
        "officials": lambda: find_officials(text, resolve_region=_canonical_region),
        "regions": lambda: find_regions(text),
        "organizations": lambda: find_organizations(text),
        "dates": lambda: find_dates(text, published),
    }
    out = {}
    for name, fn in finders.items():
        fn()  # warm: compile patterns, build the gazetteer
        out[name] = statistics.median(timeit.repeat(fn, number=number, repeat=repeat)) / number * 1000
    out["total"] = sum(out[n] for n in finders)
    return out


def time_import(runs: int = 5) -> dict[str, float]:
    """Median milliseconds to import warta.enrich in a fresh interpreter, and to make the first calls."""
    code = (
        "import time; t0 = time.perf_counter(); import warta.enrich as e; t1 = time.perf_counter();"
        "from warta.enrich.regions import find_regions; from warta.enrich.officials import find_officials;"
        "from warta.enrich.dates import find_dates; from warta.enrich.organizations import find_organizations;"
        "s = 'Kapolda Jawa Barat Irjen Ahmad Dofiri di Kota Bandung, Rabu (10/4/2024), kata KPK.';"
        "find_regions(s); find_officials(s, resolve_region=e._canonical_region); find_dates(s, None);"
        "find_organizations(s); t2 = time.perf_counter(); print((t1 - t0) * 1000, (t2 - t1) * 1000)"
    )
    imports, first = [], []
    for _ in range(runs):
        res = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
        )
        a, b = res.stdout.split()
        imports.append(float(a))
        first.append(float(b))
    return {"import": statistics.median(imports), "first_call": statistics.median(first)}


def _table(title: str, scores: dict[str, Score]) -> str:
    lines = [title, f"  {'type':<14}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>5}{'fn':>5}"]
    for name, s in scores.items():
        lines.append(
            f"  {name:<14}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}{s.tp:>6}{s.fp:>5}{s.fn:>5}"
        )
    return "\n".join(lines)


def main(timings: bool = True) -> dict:
    labelled = evaluate_labelled()
    pages = evaluate_pages()
    print(_table(f"labelled set ({LABELLED.relative_to(ROOT)})", labelled))
    print(_table("pages (samples/expected.json + seed)", pages))
    persons = evaluate_persons()
    print(_table(f"persons ({PERSONS.relative_to(ROOT)}, whole enrich)", {"persons": persons}))
    result: dict = {
        "labelled": {k: v.as_dict() for k, v in labelled.items()},
        "pages": {k: v.as_dict() for k, v in pages.items()},
        "persons": persons.as_dict(),
    }
    if timings:
        per_article = time_enrich()
        imports = time_import()
        print(
            "median ms per 5,000-character article: "
            + ", ".join(f"{k} {v:.3f}" for k, v in per_article.items())
        )
        print(
            f"import warta.enrich: {imports['import']:.1f} ms (median of 5); first calls: {imports['first_call']:.1f} ms"
        )
        result["timing_ms"] = {**per_article, **{f"{k}_ms": v for k, v in imports.items()}}
    return result


if __name__ == "__main__":
    main()
