"""Span precision, recall and F1 per type of the entity tagger on idner-news-2k's test split.

    python tools/eval_ner.py [--json]

The test split is only ever read here: nothing is trained or tuned on it. A span counts when its type,
first and last word all agree with the label (exact match, the CoNLL convention). Skipped, saying why,
when ../shared/ner-train is not next to the repository.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import ner_corpora
from warta.enrich import tagger

TYPES = ("PER", "ORG", "LOC")


def score_sentences(
    gold: Sequence[Sequence[str]], predicted: Sequence[Sequence[str]]
) -> dict[str, dict[str, float]]:
    tp = dict.fromkeys(TYPES, 0)
    n_gold = dict.fromkeys(TYPES, 0)
    n_found = dict.fromkeys(TYPES, 0)
    for g, p in zip(gold, predicted, strict=True):
        expected = set(tagger.spans_from_labels(g))
        found = set(tagger.spans_from_labels(p))
        for kind, *_ in expected:
            n_gold[kind] += 1
        for kind, *_ in found:
            n_found[kind] += 1
        for kind, *_ in expected & found:
            tp[kind] += 1
    scores: dict[str, dict[str, float]] = {}
    for kind in TYPES:
        p = tp[kind] / n_found[kind] if n_found[kind] else 0.0
        r = tp[kind] / n_gold[kind] if n_gold[kind] else 0.0
        scores[kind] = {
            "p": p,
            "r": r,
            "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "gold": n_gold[kind],
            "found": n_found[kind],
        }
    return scores


def main() -> dict[str, dict[str, float]] | None:
    if not ner_corpora.available():
        print(f"NER test split skipped: {ner_corpora.NER_TRAIN} is not here (not part of the repository)")
        return None
    if not tagger.model_available():
        print(f"NER test split skipped: no model at {tagger.MODEL_FILE} (make train-ner)")
        return None
    sentences = list(ner_corpora.read(ner_corpora.TEST))
    predicted = [tagger.tag_words(words) for words, _ in sentences]
    scores = score_sentences([labels for _, labels in sentences], predicted)
    if "--json" in sys.argv:
        print(json.dumps(scores))
    else:
        print(f"NER on {ner_corpora.TEST.name} ({len(sentences)} sentences), exact spans:")
        for kind, s in scores.items():
            print(
                f"  {kind}: P {s['p']:.3f}  R {s['r']:.3f}  F1 {s['f1']:.3f}  (gold {s['gold']}, found {s['found']})"
            )
    return scores


if __name__ == "__main__":
    main()
