"""Every person an article names, one record per person with every place it is mentioned. Pure.

Where names come from: the tagger's PER spans, the officials the position grammar found, and the alias
table's forms ("Jokowi"). Who is who, within one article: a name whose words all belong to exactly one
longer name is that person ("Fauzi", "Pak Ahmad" -> "Ahmad Fauzi"); capitals that are the initials of a
full name are that person ("SBY"); a form the alias table knows is its canonical person. Two people who
share a word ("Ahmad Fauzi" and "Ahmad Dahlan") leave a bare "Ahmad" to neither.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

from .aliases import canonical_person, fold, initials, strip_honorifics, table
from .model import Official, Person
from .names import NON_NAME
from .positions import DIRECTIONS
from .ranks import RANK_RE
from .tagger import ORG_CUES, Span

_MAX_WORDS = 6
_TRIM = " \t\n,.;:-–—'\"“”‘’()"
_TITLE_CASE_WORD_RE = re.compile(r"[A-Z][\w'’-]*|[A-Z]\.")
# a particle inside a name ("Abdul bin Ahmad", "van der Berg") keeps the name whole
_PARTICLES = frozenset({"bin", "binti", "van", "von", "de", "der", "da", "dos", "al", "el"})


def _clean(text: str, start: int, end: int) -> tuple[str, int, int] | None:
    """A tagged span without honorifics, ranks and punctuation around it; None when no name is left."""
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    before = text[max(0, start - 16) : start].split()
    if before and before[-1].lower() in ORG_CUES and before[-1][:1].isupper():
        return None  # "PT Gadjah Mada", "Universitas Ahmad Dahlan": part of an organization's name
    if text[start - 1 : start] == "/":
        return None  # "Kodam XVI/Pattimura", "Danrem 151/Binaiya": a unit's name
    written = text[start:end]
    rank = RANK_RE.match(written)
    if rank and rank.end() < len(written):
        start += rank.end()
    written = text[start:end]
    bare = strip_honorifics(written)
    start += len(written) - len(bare)
    while start < end and text[start].isspace():
        start += 1
    name = " ".join(text[start:end].split())
    words = name.split()
    if not words or len(words) > _MAX_WORDS or "\n" in text[start:end]:
        return None
    if any(not (_TITLE_CASE_WORD_RE.fullmatch(w) or w in _PARTICLES) for w in words):
        return None  # a lower-case word inside: a phrase, not a name
    if len(words) == 1 and (words[0] in NON_NAME or len(words[0]) < 3):
        return None
    if len(words) > 1 and words[-1] in DIRECTIONS:
        return None  # "Tambun Utara", "Kebayoran Baru"-like: a district, not a person
    return name, start, end


def _occurrences(text: str, name: str) -> Iterable[tuple[int, int]]:
    for m in re.finditer(r"(?<![\w])" + re.escape(name) + r"(?![\w])", text):
        yield m.start(), m.end()


@functools.cache
def _alias_pattern() -> re.Pattern[str]:
    forms = sorted((f for f in table().written if len(f) >= 2), key=len, reverse=True)
    return re.compile(r"(?<![\w.])(?:" + "|".join(map(re.escape, forms)) + r")(?![\w])")


def _words(name: str) -> frozenset[str]:
    return frozenset(w for w in fold(name).split() if len(w) > 1 and w not in _PARTICLES)


def _cluster(names: Sequence[str]) -> dict[str, str]:
    """Each written name -> the written name that stands for its person (the fullest form)."""
    owner: dict[str, str] = {}
    fulls: list[tuple[str, frozenset[str]]] = []
    by_canonical: dict[str, str] = {}
    for name in sorted(set(names), key=lambda n: (-len(n.split()), -len(n), n)):
        known = canonical_person(name)
        if known is not None and known in by_canonical:
            owner[name] = by_canonical[known]
            continue
        words = _words(name)
        candidates = {full for full, full_words in fulls if words and words <= full_words}
        if name.isupper() and 2 <= len(name) <= 4:
            candidates |= {full for full, _ in fulls if initials(full) == name}
        ambiguous_alias = canonical_person(name, allow_ambiguous=True)
        if ambiguous_alias is not None and ambiguous_alias in by_canonical:
            candidates = {by_canonical[ambiguous_alias]}
        if len(candidates) == 1:
            owner[name] = candidates.pop()
        elif candidates:
            owner[name] = ""  # shared by two people: nobody's
        else:
            owner[name] = name
            fulls.append((name, words))
            by_canonical[known or fold(name)] = name
            if known is not None:
                by_canonical[known] = name
    return owner


def find_persons(
    text: str, spans: Sequence[Span], officials: Sequence[Official] = (), org_names: Sequence[str] = ()
) -> tuple[Person, ...]:
    """The persons named in `text`, in order of first mention.

    `org_names`: organizations read by their head word ("PT Sinar Baja Utama"); a tagged "person" who is the
    start of one of their names after the head ("Sinar Baja") is that organization's short name.
    """
    org_tails = {" ".join(name.split()[1 : 1 + n]) for name in org_names for n in range(1, len(name.split()))}
    found: list[tuple[str, int, int]] = []
    for span in spans:
        if span.type == "PER":
            cleaned = _clean(text, span.start, span.end)
            if cleaned and cleaned[0] not in org_tails:
                found.append(cleaned)
    for official in officials:
        found += [(official.name, s, e) for s, e in _occurrences(text, official.name)]
    for m in _alias_pattern().finditer(text):
        found.append((m.group(), m.start(), m.end()))
    if not found:
        return ()
    owner = _cluster([name for name, _, _ in found])
    # Mentions the tagger missed: every written form, and each distinctive word of a full name
    # ("kata Fauzi"), found again in the whole text. A word two people share is left to neither.
    forms: dict[str, str] = {name: who for name, who in owner.items() if who}
    word_owner: dict[str, set[str]] = {}
    for who in set(forms.values()):
        for word in who.split():
            if len(word) >= 3 and word not in NON_NAME and word[0].isupper() and word not in _PARTICLES:
                word_owner.setdefault(word, set()).add(who)
    for word, whos in word_owner.items():
        if len(whos) == 1 and word not in forms:
            forms[word] = next(iter(whos))
    pattern = re.compile(
        r"(?<![\w])(?:" + "|".join(map(re.escape, sorted(forms, key=len, reverse=True))) + r")(?![\w])"
    )
    mentions: dict[str, list[list[int]]] = {}
    for m in pattern.finditer(text):
        who = forms[m.group()]
        runs = mentions.setdefault(who, [])
        if runs and text[runs[-1][1] : m.start()].strip() == "" and m.start() - runs[-1][1] <= 1:
            runs[-1][1] = m.end()  # "Ahmad" "Fauzi" side by side: one mention
        else:
            runs.append([m.start(), m.end()])
    tagged_people = {owner[name] for name, _, _ in found if owner[name]}
    people = sorted((who for who in tagged_people if mentions.get(who)), key=lambda w: mentions[w][0][0])
    return tuple(
        Person(
            name=who,
            canonical=canonical_person(who, allow_ambiguous=True) or who,
            mentions=tuple((s, e) for s, e in mentions[who]),
        )
        for who in people
    )


def without_thin(persons: Sequence[Person], officials: Sequence[Official]) -> tuple[Person, ...]:
    """Persons less a one-word name said once that no post or alias supports: on the tagger's word alone
    that is a place or a common word ("Trauma", a district) as often as a name."""
    holders = {o.name for o in officials}
    return tuple(
        p
        for p in persons
        if " " in p.name or p.name in holders or len(p.mentions) > 1 or canonical_person(p.name) is not None
    )
