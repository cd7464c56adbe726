"""Organizations the tagger finds, cut to clean boundaries and paired with their abbreviations. Pure.

organizations.py knows the state's institutions by name; companies, universities, clubs, hospitals and
foreign bodies come from the tagger's ORG spans. A span is cut where a name cannot go on: at a verb
("Polda Riau Tangkap"), at a lower-case word other than an inner "dan"/"dan"-like joiner, at a person's
name ("PT X Tbk Budi Santoso"). "Komisi Pemberantasan Korupsi (KPK)" is one organization whose
abbreviation is KPK; a later bare "KPK" is the same one.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from .aliases import fold
from .model import Organization
from .names import HEADLINE_VERBS, NON_NAME
from .tagger import ORG_CUES, Span

# Joiners that may sit inside a name when a capitalised word follows ("Kementerian Pendidikan dan
# Kebudayaan", "Bank of America", "Universitas Islam Negeri Sunan Kalijaga").
_JOINERS = frozenset({"dan", "of", "the", "and", "de", "du", "des", "la", "für", "&", "untuk", "bagi"})
_VERB_RE = re.compile(
    r"(?:[Mm]em[bp]|[Mm]en[dgjcst]|[Mm]eng|[Mm]eny|[Bb]er[a-z]|[Tt]er[bcdgjklmpst])[a-z]{2,}"
    r"|[Dd]i[a-z]{3,}(?:kan|i)|[A-Za-z][a-z]+kan"
)
_WORD_RE = re.compile(r"\S+")
_ABBREVIATION_RE = re.compile(r"\s*\(([A-Z][A-Za-z0-9&\-./]{1,14})\)")
_SITE_RE = re.compile(r"\.(?:com|co\.id|id|net|org|or\.id|tv)\b", re.IGNORECASE)
_MIN_SINGLE = 2
# Last words of events, not organizations: "Garuda Youth Championship", "Borneo Jazz Festival".
_EVENT_TAILS = frozenset(
    {
        "Cup",
        "Awards",
        "Award",
        "Ceremony",
        "Festival",
        "Fest",
        "Championship",
        "Championships",
        "Expo",
        "Fair",
        "Week",
        "Summit",
        "Concert",
        "Tour",
        "Marathon",
        "Open",
        "Games",
        "Olympics",
        "Trophy",
    }
)
# A dateline with the filing agency at the start of the body: "Jakarta (ANTARA News) - ".
_CREDIT_RE = re.compile(r"[^\n]{0,60}?\s[-–—]\s")
# Platforms a story quotes from ("kata dia di Instagram"): where something was said, not who is in the story.
_PLATFORMS = frozenset(
    {"Instagram", "Twitter", "YouTube", "Youtube", "Facebook", "TikTok", "WhatsApp", "Threads"}
)


def _cut(
    text: str, start: int, end: int, stops: Sequence[int], by_head: bool = False
) -> tuple[int, int] | None:
    """The span's clean part: from its first capitalised word to before the first word a name cannot hold.
    A person's name (`stops`) ends it, unless it follows the head word ("PT Budi Jaya" is a company)."""
    after_head = text.find(" ", start, end) + 1 if by_head else -1
    for stop in stops:
        if start < stop < end and stop != after_head:
            end = stop
    words = [(m.group(), m.start() + start, m.end() + start) for m in _WORD_RE.finditer(text[start:end])]
    kept: list[tuple[str, int, int]] = []
    for i, (word, ws, _) in enumerate(words):
        bare = word.strip(",.;:\"'“”‘’")
        if not bare:
            break
        if bare.startswith(("#", "@")):
            return None
        if not kept and not bare[:1].isupper():
            continue  # the tagger's span may open with a lower-case word ("rangkaian")
        if kept and (_VERB_RE.fullmatch(bare) or bare in HEADLINE_VERBS):
            break
        if not bare[:1].isupper() and not bare[:1].isdigit():
            nxt = words[i + 1][0] if i + 1 < len(words) else ""
            if bare.lower() not in _JOINERS or not nxt[:1].isupper():
                break
        kept.append(
            (bare, ws + (len(word) - len(word.lstrip(",.;:\"'“”‘’"))), ws + len(word.rstrip(",.;:\"'“”‘’")))
        )
        if word != word.rstrip(",.;:"):
            break  # punctuation after the word ends the name
    while kept and kept[-1][0].lower() in _JOINERS:
        kept.pop()
    if not kept:
        return None
    return kept[0][1], kept[-1][2]


# Head words an organization's name starts with, as written in running text.
_CUE_HEADS = (
    "PT",
    "CV",
    "Perum",
    "Perumda",
    "Universitas",
    "Institut",
    "Politeknik",
    "Sekolah Tinggi",
    "Akademi",
    "SMA",
    "SMAN",
    "SMP",
    "SMPN",
    "SMK",
    "SMKN",
    "SD",
    "SDN",
    "Madrasah",
    "MAN",
    "Pondok Pesantren",
    "Dinas",
    "Badan",
    "Kantor",
    "Balai",
    "Biro",
    "Direktorat",
    "Sekretariat",
    "Lembaga",
    "Komisi",
    "Dewan",
    "Majelis",
    "Kementerian",
    "Pengadilan",
    "Kejaksaan",
    "Rumah Sakit",
    "RSUD",
    "RSUP",
    "RS",
    "Puskesmas",
    "Klinik",
    "Bank",
    "Yayasan",
    "Perhimpunan",
    "Persatuan",
    "Ikatan",
    "Asosiasi",
    "Himpunan",
    "Koperasi",
    "Partai",
    "Fraksi",
    "Federasi",
    "Konfederasi",
    "Serikat",
    "Aliansi",
    "Gerakan",
    "Organisasi",
)


@functools.cache
def _cue_re() -> re.Pattern[str]:
    # compiled on first use, not at import (cold start)
    return re.compile(
        r"(?<![\w])(?:" + "|".join(re.escape(c) for c in sorted(_CUE_HEADS, key=len, reverse=True)) + r")"
        r"(?:[ ](?:[A-Z][\w&.'’-]*|[0-9]+|dan|&|of|(?:\([A-Z][\w&./-]{1,14}\))))+"
    )


def cue_spans(text: str) -> list[Span]:
    """ORG spans read by shape: a head word ("Dinas", "PT", "Rumah Sakit") and the capitalised words after it."""
    return [Span("ORG", m.start(), m.end()) for m in _cue_re().finditer(text)]


def _plausible(text: str, name: str, words: list[str], abbreviation: str | None) -> bool:
    """Whether a cleaned ORG span is worth keeping: the tagger's one-word guesses need support."""
    if any(w.strip("()") in _PLATFORMS for w in words):
        return False
    if len(words) > 1 and words[-1] in _EVENT_TAILS:
        return False  # an event the story is about, not a body that acts
    if len(words) > 1 and all(w.isupper() and len(w) > 3 for w in words):
        return False  # a shouted heading or show title ("HEART BEAT"), not a name
    if len(words) > 1 or abbreviation:
        return True
    if name in NON_NAME or words[0].lower() in ORG_CUES or _written_in_lower_case(text, name):
        return False  # a common word written with a capital ("Ban" opening a sentence), or a bare cue
    # one word on the tagger's word alone: only a name the story repeats
    return len(re.findall(r"(?<![\w])" + re.escape(name) + r"(?![\w])", text)) > 1


def _written_in_lower_case(text: str, word: str) -> bool:
    return re.search(r"(?<![\w])" + re.escape(word.lower()) + r"(?![\w])", text) is not None


def organizations_from_spans(
    text: str,
    spans: Sequence[Span],
    known: Sequence[Organization] = (),
    person_starts: Sequence[int] = (),
    person_words: frozenset[str] = frozenset(),
) -> tuple[Organization, ...]:
    """Organizations in the tagger's ORG spans that `known` does not already hold, in text order.
    `person_starts`: where persons' mentions start (a name ends an organization's); `person_words`: the
    words of their names (a lone "Limbong" is the person, not a company)."""
    seen: set[str] = set()
    for org in known:
        seen.update(fold(n) for n in (org.name, org.canonical, org.abbreviation) if n)
    out: list[Organization] = []
    by_abbreviation: dict[str, Organization] = {}
    credit = _CREDIT_RE.match(text)
    by_head = cue_spans(text)
    head_spans = {(s.start, s.end) for s in by_head}
    for span in [*by_head, *spans]:
        if credit and span.end <= credit.end():
            continue  # "Jakarta (ANTARA) -": the agency that filed the story, not one in it
        if span.type != "ORG":
            continue
        cut = _cut(text, span.start, span.end, person_starts, (span.start, span.end) in head_spans)
        if cut is None:
            continue
        start, end = cut
        name = " ".join(text[start:end].split())
        if _SITE_RE.search(name) or len(name) < _MIN_SINGLE:
            continue  # a news site's credit line, not an organization in the story
        words = name.split()
        paren = _ABBREVIATION_RE.match(text, end)
        abbreviation = paren.group(1) if paren and paren.group(1) != name else None
        if not _plausible(text, name, words, abbreviation):
            continue
        if len(words) == 1 and name in person_words:
            continue
        key = fold(name)
        if key in seen or any(key in s or s in key for s in seen if len(s) > 3 and len(key) > 3):
            continue
        if abbreviation and fold(abbreviation) in seen:
            continue
        if name in by_abbreviation:
            continue  # "KPK" after "Komisi Pemberantasan Korupsi (KPK)"
        org = Organization(name=name, canonical=name, abbreviation=abbreviation)
        out.append(org)
        seen.add(key)
        if abbreviation:
            by_abbreviation[abbreviation] = org
            seen.add(fold(abbreviation))
    return tuple(out)
