"""Officials by the post written next to a tagged person's name. Pure.

The position list in positions.py knows the common posts by heart; news also names posts nobody listed
("Kepala Seksi Urusan Umum dan Humas <company>", "Perdana Menteri Malaysia", "Anggota DPR Fraksi <party>").
Around each person the tagger found, this reads a post by its shape instead:
- before the name: a run of capitalised words (and "dan", "sekaligus", bracketed abbreviations) that
  starts with a post word: "Menteri Keuangan Sri Rahayu", "Kepala Dinas Pendidikan Kota Medan, Budi";
- after it, as an apposition: "Ahmad Fauzi, Kapolda Riau, mengatakan", "Budi selaku Ketua RT";
- "mantan" / "eks" in front marks it former; Plt, Pj and Plh (acting) stay part of the post; a rank
  between the post and the name is the person's rank ("Kapolda Riau Irjen Pol Ahmad Fauzi").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import replace

from .aliases import canonical_person
from .model import Official, Person
from .names import NON_NAME
from .ranks import RANK_RE, RANKS
from .tagger import HONORIFICS, ORG_CUES, Span

# Words a post starts with (after an optional acting or former marker).
POST_HEADS: frozenset[str] = frozenset(
    [
        "Menteri",
        "Menko",
        "Wamen",
        "Wakil",
        "Kepala",
        "Ketua",
        "Ketum",
        "Sekretaris",
        "Sekjen",
        "Sekda",
        "Direktur",
        "Dirut",
        "Dirjen",
        "Deputi",
        "Asisten",
        "Presiden",
        "Wapres",
        "Perdana",
        "Gubernur",
        "Wagub",
        "Bupati",
        "Wabup",
        "Wali",
        "Walikota",
        "Wawali",
        "Camat",
        "Lurah",
        "Anggota",
        "Juru",
        "Jubir",
        "Panglima",
        "Komandan",
        "Danrem",
        "Dandim",
        "Pangdam",
        "Jaksa",
        "Hakim",
        "Duta",
        "Dubes",
        "Kanselir",
        "Raja",
        "Ratu",
        "Sultan",
        "Senator",
        "Rektor",
        "Dekan",
        "Komisaris",
        "Manajer",
        "Manager",
        "CEO",
        "COO",
        "CFO",
        "Pemimpin",
        "Pimpinan",
        "Koordinator",
        "Kasatgas",
        "Kadis",
        "Kabid",
        "Kasi",
        "Kasubdit",
        "Kabag",
        "Kasat",
        "Kapuspen",
        "Kapusdatin",
        "Karo",
        "Kajati",
        "Kajari",
        "Kajagung",
        "Kapolri",
        "Kapolda",
        "Kapolres",
        "Kapolresta",
        "Kapolsek",
        "Kapolrestabes",
        "Kabareskrim",
        "Wakapolri",
        "Wakapolda",
        "Wakapolres",
        "Staf",
        "Stafsus",
        "Penasihat",
        "Kades",
        "Kepsek",
        "Ombudsman",
        "Auditor",
        "Inspektur",
        "Panitera",
    ]
)
_ACTING = frozenset({"Plt", "Pj", "Plh", "Pelaksana", "Penjabat"})
_FORMER = frozenset({"mantan", "eks", "bekas", "Mantan", "Eks", "Bekas"})
_CONNECTORS = frozenset({"dan", "sekaligus", "&", "/", "bidang", "urusan"})
# Company posts are not public offices.
_COMPANY_CUES = re.compile(r"\b(?:PT|Tbk|CEO|COO|CFO|Manajer|Manager|Komisaris|Persero)\b")
# a post cannot end with the start of an organization's name ("Direktur PT" before a company's name)
_ORG_OPENERS = frozenset({"PT", "CV", "Tbk", "Universitas", "Yayasan", "Bank"})
_WORD_RE = re.compile(r"\([^()\n]{0,20}\)|[^\s,;:()]+")
_APPOSITION_RE = re.compile(r"\s*(?:,\s*|\s+selaku\s+|\s+sebagai\s+)")
_MAX_POST_WORDS = 14


def _is_post_word(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit() or word.startswith("(") or word in _CONNECTORS


def _post_before(text: str, name_start: int, names_end: int = 0) -> tuple[str, str | None, bool] | None:
    """(post, rank, former) written right before a name, else None. `names_end`: where the nearest
    other person's mention before it ends (a post never reaches over a name)."""
    line_start = text.rfind("\n", 0, name_start) + 1
    window = text[max(line_start, name_start - 220, names_end) : name_start]
    stripped = window.rstrip()
    if stripped.endswith(","):
        stripped = stripped[:-1]
    elif len(window) - len(stripped) != 1:
        return None  # the post ends with one space, or with a comma ("Kepala Dinas X, Budi")
    run: list[str] = []
    run_start = len(stripped)
    for m in reversed(list(_WORD_RE.finditer(stripped))):
        gap = stripped[m.end() : run_start]
        word = m.group()
        if (gap != " " if run else gap.strip()) or not _is_post_word(word) or len(run) >= _MAX_POST_WORDS:
            break
        if word.endswith(".") and len(word) > 4:
            break  # the end of the previous sentence
        run.insert(0, word)
        run_start = m.start()
    first = next((i for i, w in enumerate(run) if w in POST_HEADS or w in _ACTING), None)
    if first is None:
        return None
    if first > 0 and run[first - 1] in _ACTING:
        first -= 1
    before = stripped[:run_start].split()
    former = first == 0 and bool(before) and before[-1] in _FORMER
    post_words = [w for w in run[first:] if not (w.startswith("(") and len(w) <= 3)]  # "()" left by markup
    while post_words and (post_words[-1] in _CONNECTORS or post_words[-1].lower().rstrip(".") in HONORIFICS):
        post_words.pop()  # "Kepala Kantor X Hj" before "Siti Aminah": the honorific is not the post's
    if post_words and post_words[-1] in _ORG_OPENERS:
        return None
    post = " ".join(post_words)
    rank = None
    for r in RANK_RE.finditer(post):
        if r.end() == len(post) and r.start() > 0:  # "Kapolda Riau Irjen Pol": the rank ends the run
            rank = RANKS.get(" ".join(r.group("rank").split()))
            post = post[: r.start()].rstrip()
    return (post, rank, former) if post and post not in _ACTING else None


def _post_after(text: str, name_end: int, names_start: int) -> tuple[str, str | None, bool] | None:
    """(post, None, former) in an apposition after a name: "Ahmad, Kepala Dinas X, ...", else None.
    `names_start`: where the nearest other person's mention after it starts; a post that runs into it is
    that person's ("Rina, Ketua Panitia Festival Hendra Gunawan"), not this one's."""
    sep = _APPOSITION_RE.match(text, name_end)
    if not sep:
        return None
    pos = sep.end()
    former = False
    head = re.match(r"(mantan|eks|bekas)\s+", text[pos : pos + 10], re.IGNORECASE)
    if head:
        former, pos = True, pos + head.end()
    run: list[str] = []
    line_end = text.find("\n", pos)
    segment = text[pos : line_end if line_end >= 0 else len(text)]
    if pos + len(segment) > names_start:
        segment = text[pos:names_start]
        if segment.rstrip() == segment or segment.rstrip()[-1:] not in ",;:.":
            return None
    for m in _WORD_RE.finditer(segment):
        word = m.group()
        gap = segment[m.start() - 1 : m.start()] if m.start() else " "
        if (run and gap != " ") or not _is_post_word(word) or len(run) >= _MAX_POST_WORDS:
            break
        run.append(word.rstrip("."))
        if word.endswith("."):
            break
    if not run or not (run[0] in POST_HEADS or (run[0] in _ACTING and len(run) > 1 and run[1] in POST_HEADS)):
        return None
    while run and run[-1] in _CONNECTORS:
        run.pop()
    return " ".join(run), None, former


def _key(name: str) -> str:
    return " ".join(name.split())


def officials_by_post(
    text: str, persons: Sequence[Person], known: Sequence[Official]
) -> tuple[Official, ...]:
    """Officials among `persons` that `known` lacks, found by the post written next to a mention."""
    have = {o.name for o in known}
    everyone = sorted((s, e) for p in persons for s, e in p.mentions)
    out: list[Official] = []
    for person in persons:
        if person.name in have:
            continue
        for start, end in person.mentions:
            before = max((e for s, e in everyone if e <= start), default=0)
            after = min((s for s, e in everyone if s >= end), default=len(text))
            found = _post_before(text, start, before) or _post_after(text, end, after)
            if found:
                post, rank, former = found
                out.append(
                    Official(
                        key=_key(person.name),
                        name=person.name,
                        rank=rank,
                        position=post,
                        former=former,
                        public=rank is not None or not _COMPANY_CUES.search(post),
                        mentions=len(person.mentions),
                    )
                )
                break
    return tuple(out)


def confirm_officials(
    text: str, officials: Sequence[Official], spans: Sequence[Span]
) -> tuple[Official, ...]:
    """Officials from the position grammar that the tagger agrees are persons, names trimmed to its span.

    The grammar reads whatever capitalised words follow a post ("Seminar CEO Forum" gives "Forum");
    the tagger knows a name's shape. An official with a rank, or one the alias table knows, stays as is.
    When the grammar's name ends with the tagger's person ("Dewan Kesenian Rina Wulandari"), the
    person is the name.
    """
    persons = [(s.start, s.end) for s in spans if s.type == "PER"]
    person_starts = sorted(s for s, _ in persons)
    out: list[Official] = []
    for found in officials:
        name_re = re.compile(r"(?<![\w])" + re.escape(found.name) + r"(?![\w])")
        if any(_runs_into_person(text, m.end(), person_starts) for m in name_re.finditer(text)):
            continue  # "Direktur Jenderal Pengelolaan Sampah ... Rudi": the "name" was part of the post
        official = _acting(text, found)
        if official.rank is not None or canonical_person(official.name) is not None:
            out.append(official)
            continue
        best: str | None = None
        for m in name_re.finditer(text):
            inside = [(s, e) for s, e in persons if s < m.end() and m.start() < e]
            if any(s <= m.start() and e >= m.end() for s, e in inside):
                best = official.name
                break
            tail = [(s, e) for s, e in inside if e == m.end() and s > m.start()]
            if tail:
                best = best or text[tail[0][0] : tail[0][1]]
        if (
            best is None
            and len(official.name.split()) > 1
            and not any(w in NON_NAME for w in official.name.split())
        ):
            best = official.name  # a full name the tagger missed or put in a longer span
        if best is not None:
            out.append(replace(official, key=_key(best), name=best) if best != official.name else official)
    return tuple(out)


_CAPITALISED_RUN_RE = re.compile(r"(?:[ ]+[A-Z][\w.'’-]*)*[ ]+")


def _runs_into_person(text: str, end: int, person_starts: Sequence[int]) -> bool:
    """Whether only capitalised words stand between `end` and the start of a tagged person."""
    following = next((s for s in person_starts if s >= end), None)
    return following is not None and bool(_CAPITALISED_RUN_RE.fullmatch(text, end, following))


def _acting(text: str, official: Official) -> Official:
    """ "Plt Bupati Sleman Dewi": the position list reads "Bupati Sleman"; the post is an acting one."""
    if not official.position or official.position.split()[0] in _ACTING:
        return official
    m = re.search(r"(?<![\w])(Plt|Pj|Plh)\.?\s+" + re.escape(official.position) + r"\b", text)
    return replace(official, position=f"{m.group(1)} {official.position}") if m else official


@functools.cache
def _apposed_name_re() -> re.Pattern[str]:
    # compiled on first use: an alternation of every post word costs milliseconds at import (cold start)
    return re.compile(
        r"(?<![\w])(?:" + "|".join(sorted(POST_HEADS, key=len, reverse=True)) + r")"
        r"(?:[ ](?:[A-Z][\w&.'’-]*|dan|\([A-Z][\w&./-]{1,14}\)))*,[ ]"
        r"(?P<name>[A-Z][a-z'’-]+(?:[ ](?:[A-Z][a-z'’-]+|[A-Z]\.)){0,3}),[ ](?=[a-z])"
    )


def apposed_persons(text: str) -> list[Span]:
    """Persons read by the sentence's shape: "<Post ...>, <Name>, <verb ...>" ("Ketua Yayasan X, Budi
    Santoso, menyampaikan ..."). The tagger sometimes takes such a name for part of the organization."""
    found: list[Span] = []
    for m in _apposed_name_re().finditer(text):
        words = m.group("name").split()
        if any(w in NON_NAME or w.lower() in ORG_CUES for w in words):
            continue
        found.append(Span("PER", m.start("name"), m.end("name")))
    return found


def with_apposed_persons(text: str, spans: Sequence[Span]) -> list[Span]:
    """The tagger's spans, where an apposed person replaces whatever the tagger made of those words."""
    extra = apposed_persons(text)
    if not extra:
        return list(spans)
    kept = [s for s in spans if not any(s.start < e.end and e.start < s.end for e in extra)]
    return sorted([*kept, *extra], key=lambda s: s.start)
