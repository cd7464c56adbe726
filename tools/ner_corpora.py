"""Read the NER corpora in ../shared/ner-train (IOB2) with their tags mapped to PER, ORG, LOC.

The corpora belong to others: they are read where they lie and never copied into the repository.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _shared(name: str) -> Path:
    """`../shared/<name>` beside the repository; a worktree one level deeper finds it one level up."""
    for parent in ROOT.parents:
        if (parent / "shared" / name).is_dir():
            return parent / "shared" / name
    return ROOT.parent / "shared" / name


NER_TRAIN = _shared("ner-train")

# Each corpus' own tag names -> ours; tags not listed (events, food and beverage) become O.
TAG_MAP: dict[str, str] = {
    "PER": "PER",
    "ORG": "ORG",
    "LOC": "LOC",
    "PERSON": "PER",
    "ORGANISATION": "ORG",
    "PLACE": "LOC",
    "PPL": "PER",
    "IND": "ORG",
    "PLC": "LOC",
}


@dataclass(frozen=True, slots=True)
class Corpus:
    name: str
    path: Path
    label_column: int  # the NER tag's column
    cased: bool  # False when the corpus was lowercased (its capitals say nothing)


# Training splits only. idner-news-2k's test split is for measuring (TEST below), never for training.
TRAIN = (
    Corpus("idner-news-2k train", NER_TRAIN / "idner-news-2k" / "train.txt", 2, True),
    Corpus("IndoNLU NERGrit train", NER_TRAIN / "indonlu-nergrit" / "train_preprocess.txt", 1, True),
    Corpus("IndoNLU NER-P train", NER_TRAIN / "indonlu-nerp" / "train_preprocess.txt", 1, False),
)
TEST = Corpus("idner-news-2k test", NER_TRAIN / "idner-news-2k" / "test.txt", 2, True)

Sentence = tuple[list[str], list[str]]  # words, IOB2 labels


def available() -> bool:
    return NER_TRAIN.is_dir() and all(c.path.exists() for c in (*TRAIN, TEST))


def map_tag(tag: str) -> str:
    if tag == "O":
        return "O"
    prefix, _, kind = tag.partition("-")
    ours = TAG_MAP.get(kind)
    return f"{prefix}-{ours}" if ours and prefix in ("B", "I") else "O"


def read(corpus: Corpus) -> Iterator[Sentence]:
    words: list[str] = []
    labels: list[str] = []
    with corpus.path.open(encoding="utf-8") as lines:
        for line in lines:
            columns = line.split()
            if not columns:
                if words:
                    yield words, _repair(labels)
                words, labels = [], []
                continue
            words.append(columns[0])
            labels.append(map_tag(columns[corpus.label_column]))
    if words:
        yield words, _repair(labels)


def _repair(labels: list[str]) -> list[str]:
    """An I- after a different type (left by mapping tags to O) starts its own entity: B-."""
    out: list[str] = []
    for label in labels:
        orphan = label.startswith("I-") and (not out or out[-1][2:] != label[2:])
        out.append("B-" + label[2:] if orphan else label)
    return out
