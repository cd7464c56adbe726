"""Measure how well ``warta.enrich`` finds attributed quotes.

Run from the repository root::

    python tools/eval_quotes.py [--misses]

Two gold sets are scored:

- ``labelled``: ``tests/fixtures/quotes/pages/*.txt``, news stories written for this purpose (title on the
  first line, then the body), labelled in ``tests/fixtures/quotes/labels.jsonl``;
- ``devset``: the real pages of ``../shared/devset/html`` against ``../shared/devset/quotes.jsonl`` (labels
  owned by others, read where they are, never copied). Skipped, saying why, when that folder is absent;
  ``WARTA_SHARED_DIR`` points elsewhere (a worktree whose parent has no ``shared``).

Matching follows the devset's published rule: a predicted quote matches a labelled one when, normalised
(case folded, quotation marks and punctuation dropped), one text holds the other or at least half of the
labelled words are in the prediction; each labelled quote takes at most one prediction. A prediction is
right when it matches any labelled quote of its page. The speaker is right when the names share all the
words of the shorter one, or two words. ``main()`` returns the scores for the quality tests.
"""

from __future__ import annotations

import json
import os
import re
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
LABELLED_DIR = ROOT / "tests" / "fixtures" / "quotes"
SEED_HTML = ROOT / "tests" / "fixtures" / "seed_vivanews.html"


def shared_dir() -> Path:
    return Path(os.environ.get("WARTA_SHARED_DIR") or ROOT.parent / "shared")


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").casefold()
    text = re.sub(r"[\"'`\u2018\u2019\u201c\u201d]", "", text)
    text = re.sub(r"[^\w\s]", " ", text)
    return " ".join(text.split())


def matches(predicted: str, gold: str) -> bool:
    p, g = _norm(predicted), _norm(gold)
    if not p or not g:
        return False
    if g in p or (len(p) >= 20 and p in g):
        return True
    words = set(p.split())
    gold_words = g.split()
    return sum(w in words for w in gold_words) / len(gold_words) >= 0.5


_RANK_WORDS = frozenset(
    {"irjen", "kombes", "brigjen", "akbp", "kompol", "pol", "jenderal", "dr", "prof", "h"}
)


def same_speaker(predicted: str, gold: str) -> bool:
    a = {w for w in _norm(predicted).split() if len(w) > 1 and w not in _RANK_WORDS}
    b = {w for w in _norm(gold).split() if len(w) > 1 and w not in _RANK_WORDS}
    if not a or not b:
        return False
    common = a & b
    return common in (a, b) or len(common) >= 2


@dataclass
class QuoteScore:
    gold: int = 0
    found: int = 0
    predicted: int = 0
    predicted_right: int = 0
    named: int = 0
    speaker_right: int = 0
    misses: list[str] = field(default_factory=list)

    def add_page(
        self, name: str, gold: Sequence[dict[str, Any]], predicted: Sequence[dict[str, Any]]
    ) -> None:
        used: set[int] = set()
        for g in gold:
            self.gold += 1
            hit = next(
                (i for i, q in enumerate(predicted) if i not in used and matches(q["text"], g["text"])), None
            )
            if hit is None:
                self.misses.append(f"{name}: MISSED {g['kind']} {g.get('cue')!r} {g['text'][:80]!r}")
                continue
            used.add(hit)
            self.found += 1
            if g.get("speaker"):
                self.named += 1
                said = _speaker_name(predicted[hit].get("speaker"))
                if same_speaker(said, g["speaker"]):
                    self.speaker_right += 1
                else:
                    self.misses.append(f"{name}: SPEAKER {said!r} for {g['speaker']!r}: {g['text'][:60]!r}")
        for q in predicted:
            self.predicted += 1
            if any(matches(q["text"], g["text"]) for g in gold):
                self.predicted_right += 1
            else:
                self.misses.append(f"{name}: EXTRA {q['kind']} {q.get('cue')!r} {q['text'][:80]!r}")

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.predicted_right / self.predicted if self.predicted else 1.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.named if self.named else 1.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "recall": self.recall,
            "precision": self.precision,
            "speaker_accuracy": self.speaker_accuracy,
            "gold": self.gold,
            "predicted": self.predicted,
        }


def _speaker_name(speaker: Any) -> str:
    if isinstance(speaker, dict):
        return str(speaker.get("canonical") or speaker.get("name") or "")
    return str(speaker or "")


def _as_records(quotes: Iterable[Any]) -> list[dict[str, Any]]:
    from dataclasses import asdict

    return [asdict(q) for q in quotes]


def labelled_page(path: Path) -> Any:
    """A labelled page as an Article: the first line is the title, the rest the body."""
    from warta.parse.article import Article

    title, _, body = path.read_text("utf-8").partition("\n")
    return Article(title=title.strip(), body=body.strip(), published=None)


def evaluate_labelled(directory: Path = LABELLED_DIR) -> QuoteScore:
    from warta.enrich import enrich

    score = QuoteScore()
    for line in (directory / "labels.jsonl").read_text("utf-8").splitlines():
        if not line.strip():
            continue
        labels = json.loads(line)
        article = labelled_page(directory / "pages" / labels["file"])
        score.add_page(labels["file"], labels["quotes"], _as_records(enrich(article).quotes))
    return score


def evaluate_devset(devset: Path | None = None) -> QuoteScore | None:
    """The devset's pages through parse and enrich; None when the devset is not there."""
    from warta.enrich import enrich
    from warta.parse import parse_article

    devset = devset or shared_dir() / "devset"
    gold_file = devset / "quotes.jsonl"
    if not gold_file.exists():
        return None
    score = QuoteScore()
    for line in gold_file.read_text("utf-8").splitlines():
        if not line.strip():
            continue
        labels = json.loads(line)
        page = devset / labels["file"]
        article = parse_article(page.read_bytes(), key=page.name)
        score.add_page(page.name, labels["quotes"], _as_records(enrich(article).quotes))
    return score


def main(show_misses: bool = False) -> dict[str, Any]:
    result: dict[str, Any] = {}
    sets: list[tuple[str, QuoteScore | None]] = [
        ("labelled", evaluate_labelled()),
        ("devset", evaluate_devset()),
    ]
    for name, score in sets:
        if score is None:
            print(
                f"{name}: skipped, {shared_dir() / 'devset'} is not there (set WARTA_SHARED_DIR to score it)"
            )
            continue
        result[name] = score.as_dict()
        print(
            f"{name}: quotes recall {score.recall:.3f}, precision {score.precision:.3f}, speaker right on "
            f"{score.speaker_accuracy:.3f} of {score.named} matched named quotes "
            f"({score.gold} labelled, {score.predicted} predicted)"
        )
        if show_misses:
            for miss in score.misses:
                print("   ", miss)
    return result


if __name__ == "__main__":
    main(show_misses="--misses" in sys.argv)
