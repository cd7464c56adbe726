"""A statistical tagger for persons (PER), organizations (ORG) and places (LOC). Pure.

A linear-chain CRF (CRFsuite, through python-crfsuite) trained by `tools/train_ner.py` on public Indonesian
news NER corpora (data/ner.PROVENANCE.md). Lists and patterns only know the names somebody listed; the
tagger reads the shape and the context of a name, so it finds the ones nobody listed. Its features come
from our own word lists too (positions, ranks, regions, organization cue words), so what the rules know
helps the model.

The model is opened once, on first use: importing this module costs nothing beyond `re`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

EntityType = Literal["PER", "ORG", "LOC"]
MODEL_FILE = Path(__file__).parent / "data" / "ner.crfsuite"

# A word (letters and digits, inner hyphens and apostrophes), a number with separators, or one other sign.
_TOKEN_RE = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*|\S")
_SENTENCE_END = frozenset({".", "!", "?"})

# Organization cue words (lowercase): the head words of Indonesian organization names.
ORG_CUES: frozenset[str] = frozenset(
    [
        "pt",
        "tbk",
        "cv",
        "persero",
        "universitas",
        "univ",
        "institut",
        "sekolah",
        "akademi",
        "politeknik",
        "stikes",
        "sma",
        "smp",
        "sd",
        "smk",
        "madrasah",
        "pesantren",
        "dinas",
        "kementerian",
        "kemenkes",
        "kemendagri",
        "kemenag",
        "kemenkeu",
        "badan",
        "komisi",
        "dewan",
        "majelis",
        "lembaga",
        "polda",
        "polres",
        "polresta",
        "polrestabes",
        "polsek",
        "polri",
        "mabes",
        "kodam",
        "korem",
        "kodim",
        "koramil",
        "tni",
        "kejaksaan",
        "kejari",
        "kejati",
        "kejagung",
        "pengadilan",
        "mahkamah",
        "pn",
        "pt",
        "pa",
        "persatuan",
        "perhimpunan",
        "ikatan",
        "asosiasi",
        "himpunan",
        "yayasan",
        "partai",
        "fraksi",
        "rumah",
        "rs",
        "rsud",
        "puskesmas",
        "klinik",
        "bank",
        "bumn",
        "bumd",
        "perum",
        "perumda",
        "koperasi",
        "fc",
        "persib",
        "persija",
        "persebaya",
        "united",
        "club",
        "klub",
        "federasi",
        "pssi",
        "kpk",
        "kpu",
        "bawaslu",
        "bpk",
        "bpbd",
        "basarnas",
        "bmkg",
        "ojk",
        "bi",
        "dpr",
        "dprd",
        "mpr",
        "dpd",
        "pemprov",
        "pemkab",
        "pemkot",
        "pemerintah",
        "direktorat",
        "ditjen",
        "biro",
        "kantor",
        "kantor",
        "perusahaan",
        "grup",
        "group",
        "corp",
        "inc",
        "ltd",
        "co",
        "organisasi",
        "gerakan",
        "front",
        "aliansi",
        "serikat",
        "liga",
    ]
)
# Words that start a name written after them ("Pak Ahmad", "Hj Siti").
HONORIFICS: frozenset[str] = frozenset(
    [
        "pak",
        "bapak",
        "bu",
        "ibu",
        "h",
        "hj",
        "haji",
        "hajjah",
        "kh",
        "dr",
        "drs",
        "dra",
        "ir",
        "prof",
        "ny",
        "nyonya",
        "tuan",
        "sdr",
        "saudara",
        "saudari",
        "gus",
        "habib",
        "ustaz",
        "ustadz",
        "kiai",
        "kyai",
        "raden",
        "mas",
        "mbak",
        "bang",
        "kak",
    ]
)


@dataclass(frozen=True, slots=True)
class Span:
    """A tagged entity: its type and its character offsets in the tagged text."""

    type: EntityType
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Word lists that become features (all lowercase)."""

    positions: frozenset[str]
    ranks: frozenset[str]
    regions: frozenset[str]
    organizations: frozenset[str]


@functools.cache
def lexicon() -> Lexicon:
    """Our own word lists, read once: position and rank words, words of region names, organizations'
    one-word names. Region words come from the region gazetteer, which enrich loads anyway."""
    from .organizations import name_words
    from .positions import TITLES
    from .ranks import RANKS
    from .regions import _gazetteer

    positions = frozenset(w.lower() for title in TITLES for w in title.replace(",", " ").split())
    ranks = frozenset(w.lower() for rank in RANKS for w in rank.split() if len(w) > 1)
    regions = {w for name in _gazetteer().by_folded for w in name.split() if len(w) > 2}
    return Lexicon(positions - ORG_CUES, ranks, frozenset(regions) - ORG_CUES - positions, name_words())


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """Words and signs with their offsets."""
    return [(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]


def sentences(tokens: Sequence[tuple[str, int, int]], text: str) -> Iterator[list[tuple[str, int, int]]]:
    """Runs of tokens ended by . ! ? or a line break (a paragraph never continues a sentence)."""
    current: list[tuple[str, int, int]] = []
    for token in tokens:
        if current and "\n" in text[current[-1][2] : token[1]]:
            yield current
            current = []
        current.append(token)
        if token[0] in _SENTENCE_END:
            yield current
            current = []
    if current:
        yield current


def _shape(word: str) -> str:
    """Word shape with runs collapsed: "Jokowi" -> "Xx", "KPK" -> "X", "2024" -> "d", "dr." -> "x."."""
    out: list[str] = []
    for ch in word:
        c = "X" if ch.isupper() else "x" if ch.isalpha() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


def _word_classes(low: str, lex: Lexicon) -> tuple[str, ...]:
    classes = []
    if low in lex.positions:
        classes.append("pos")
    if low in lex.ranks:
        classes.append("rank")
    if low in lex.regions:
        classes.append("reg")
    if low in ORG_CUES:
        classes.append("org")
    if low in HONORIFICS:
        classes.append("hon")
    return tuple(classes)


# What the features need of one word, independent of its neighbours: lower-cased form, shape, the word
# lists it belongs to, and its own attributes. A plain tuple: cheap to build and to cache.
_Word = tuple[str, str, tuple[str, ...], tuple[str, ...]]


@functools.lru_cache(maxsize=65536)
def _word(word: str, cased: bool, lex: Lexicon) -> _Word:
    low = word.lower()
    classes = _word_classes(low, lex)
    if word in lex.organizations:  # as written: "BIN" is an agency, "bin" a particle in a name
        classes += ("orgname",)
    own = [
        "b",
        "w=" + low,
        "p3=" + low[:3],
        "s3=" + low[-3:],
        "s2=" + low[-2:],
        "len=" + str(min(len(low), 8)),
    ]
    own += ["c=" + c for c in classes]
    if word.isdigit():
        own.append("digit")
    shape = _shape(word) if cased else ""
    if cased:
        own.append("sh=" + shape)
    return low, shape, classes, tuple(own)


def features(
    words: Sequence[str],
    cased: bool = True,
    lex: Lexicon | None = None,
    first: int = 0,
    end: int | None = None,
) -> list[list[str]]:
    """CRF attributes for the words `first` to `end` of a sentence (all of it by default).

    `cased=False` for text whose capitals were lost (a lowercased corpus): its case-based attributes are
    left out rather than all saying "lowercase", so such text teaches the model words and contexts
    without teaching it that names are written in lowercase.
    """
    lex = lex or lexicon()
    n = len(words)
    end = n if end is None else end
    lo, hi = max(0, first - 2), min(n, end + 2)
    info = {j: _word(words[j], cased, lex) for j in range(lo, hi)}
    out: list[list[str]] = []
    for i in range(first, end):
        _, my_shape, _, own = info[i]
        f = list(own)
        if i == 0:
            f.append("BOS")
        if i == n - 1:
            f.append("EOS")
        if cased and words[i][:1].isupper():
            f.append("cap" if i else "cap0")
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                low, shape, classes, _ = info[j]
                f.append(f"{d}w={low}")
                if d in (-1, 1):
                    f += [f"{d}c={c}" for c in classes]
                    if cased:
                        f.append(f"{d}sh={shape}")
                        f.append(f"{d}sh0={my_shape}|{shape}")
        if 0 < i < n - 1:
            f.append("ww=" + info[i - 1][0] + "|" + info[i + 1][0])
        out.append(f)
    return out


def _segments(words: Sequence[str], reach: int = 2) -> list[tuple[int, int]]:
    """Stretches of a sentence worth tagging: each capitalised word with `reach` words either side.

    In cased text a name is written with capitals, so words far from any capital are O; the features
    look two words either side, so inside a stretch the attributes are the same as for the whole
    sentence. This keeps tagging cheap on long articles.
    """
    out: list[tuple[int, int]] = []
    n = len(words)
    for i, word in enumerate(words):
        if not word[:1].isupper():
            continue
        lo, hi = max(0, i - reach), min(n, i + reach + 1)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


@functools.cache
def _tagger() -> Any:
    import pycrfsuite  # type: ignore[import-untyped]  # ships no type information

    tagger = pycrfsuite.Tagger()
    tagger.open(str(MODEL_FILE))
    return tagger


def model_available() -> bool:
    return MODEL_FILE.exists()


def tag_words(words: Sequence[str]) -> list[str]:
    """IOB2 labels for one sentence of cased text (only its stretches around capitals are tagged)."""
    labels = ["O"] * len(words)
    if not words:
        return labels
    tagger, lex = _tagger(), lexicon()
    for first, end in _segments(words):
        labels[first:end] = tagger.tag(features(words, True, lex, first, end))
    return labels


def spans_from_labels(labels: Sequence[str]) -> list[tuple[EntityType, int, int]]:
    """IOB2 labels -> (type, first token, end token). An I- without its B- starts an entity too."""
    spans: list[tuple[EntityType, int, int]] = []
    kind: str | None = None
    start = 0
    for i, label in enumerate([*labels, "O"]):
        prefix, _, tag = label.partition("-")
        if kind is not None and (prefix != "I" or tag != kind):
            spans.append((kind, start, i))  # type: ignore[arg-type]
            kind = None
        if prefix == "B" or (prefix == "I" and kind is None):
            kind, start = tag, i
    return spans


def tag(text: str) -> list[Span]:
    """Every PER, ORG and LOC span the model finds, in text order."""
    if not model_available():
        return []
    tokens = tokenize(text)
    found: list[Span] = []
    for sentence in sentences(tokens, text):
        labels = tag_words([t[0] for t in sentence])
        for kind, first, end in spans_from_labels(labels):
            found.append(Span(kind, sentence[first][1], sentence[end - 1][2]))
    return found
