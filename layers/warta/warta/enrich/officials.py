"""Officials named in a news text: who holds which rank and/or position.

Forms read (all with compiled regexes, no model):
- position [jurisdiction] [rank] name   "Kapolda Metro Jaya Inspektur Jenderal Putut Eko Bayu Seno"
- rank name                             "Irjen Pol Putut Eko Bayu Seno"
- name, position                        "Putut Eko Bayu Seno, Kapolda Metro Jaya"
- "Mantan"/"Eks" before a position marks it former.
A position without a name right after it (and no "Name, " right before it) is ignored: generic
"gubernur", or "Mantan Kapolda Jawa Barat menambahkan" (the model has one position per person, so
a second, former position of the main official is not recorded).

Records are merged per person: a shorter name whose tokens all belong to exactly one longer name
is the same person. `mentions` counts runs of the person's name tokens in the whole text, so
"kata Putut" and "Putut menegaskan" count; a token shared by two officials counts for neither.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from warta.enrich._triggers import TriggeredPattern, first_words
from warta.enrich.jurisdictions import Resolver, memo_resolver, position_scope, resolve_place
from warta.enrich.model import Official
from warta.enrich.names import NON_NAME, TextLines, read_name, read_name_backwards, skip_space
from warta.enrich.positions import KNOWN_PLACES, TITLE_RE, TITLES, title_for
from warta.enrich.ranks import RANK_RE, RANKS

# the word right before a rank or position that makes it a place name, not a person
_PLACE_PREFIX_RE = re.compile(
    r"(?:Jalan|Jl|Jln|Bandara|Stadion|Universitas|Museum|Makam|Gedung|Lapangan|Monumen|Patung|Yayasan|"
    r"RS|RSUD|Rumah\s+Sakit|Kampus|Taman)\.?\s+$"
)


@dataclass(slots=True)
class _Raw:
    name: str
    start: int
    rank: str | None = None
    position: str | None = None
    jurisdiction: str | None = None
    former: bool = False
    public: bool = True


# first words of island names that are no one's name ("Sumatera Utara" read after "Wakil Kapolda")
_PLACE_FIRST_WORDS = frozenset(
    {"Sumatera", "Sumatra", "Kalimantan", "Sulawesi", "Jawa", "Nusa", "Papua", "Maluku"}
)


_TITLE_SCAN = TriggeredPattern(
    TITLE_RE, first_words(TITLES, any_first_case=True) | {"Mantan", "mantan", "Eks", "eks", "Bekas", "bekas"}
)
_RANK_SCAN = TriggeredPattern(RANK_RE, first_words(RANKS))


def _titles(text: str) -> Iterator[re.Match[str]]:
    return _TITLE_SCAN.finditer(text)


def _ranks(text: str) -> Iterator[re.Match[str]]:
    return _RANK_SCAN.finditer(text)


def _left_is_place_prefix(text: str, start: int) -> bool:
    return bool(_PLACE_PREFIX_RE.search(text[max(0, start - 20) : start]))


# "(Sulsel)" or "(Kajati)": an abbreviation in brackets after a position or its place, skipped
_PAREN_ABBR_RE = re.compile(r"\s*\([A-Z][\w-]{1,11}\)")
# "<name> ditunjuk sebagai <position>", "<name> yang sebelumnya menjabat <position>"
_LINK_BEFORE_RE = re.compile(
    r"\s+(?:yang\s+)?(?P<before>sebelumnya\s+)?(?:kini\s+|resmi\s+|akan\s+)?"
    r"(?:(?:ditunjuk|diangkat|dilantik|dimutasi|dipromosikan|dipercaya)\s+(?:sebagai|menjadi)|menjabat(?:\s+sebagai)?)"
    r"\s+$"
)
# "<position> kini dijabat <name>", "Kursi <position> kemudian ditempati <name>"
_LINK_AFTER_RE = re.compile(
    r"\s+(?:kini\s+|kemudian\s+|akan\s+|resmi\s+)?(?:dijabat|ditempati|diisi|diemban)(?:\s+oleh)?\s+"
)
# "<position> <name> dimutasi menjadi <other position>": the first position is the one being left
_MOVED_AFTER_RE = re.compile(
    r"\s+(?:yang\s+)?(?:kini\s+|resmi\s+)?(?:dimutasi|dipromosikan|digeser|dirotasi)\s+(?:sebagai|menjadi)\s"
)


def _name_before_link(text: str, start: int) -> tuple[str, bool] | None:
    """The name in "Name ditunjuk sebagai <position at start>": (name, whether the post is a former one)."""
    window = text[max(0, start - 200) : start]
    m = _LINK_BEFORE_RE.search(window)
    if not m:
        return None
    name = read_name_backwards(window[: m.start()] + ", ", len(window[: m.start()]) + 2)
    return (name, bool(m.group("before"))) if name else None


def _from_positions(
    text: str, resolve: Resolver | None, lines: TextLines
) -> tuple[list[_Raw], list[tuple[int, int]]]:
    raws: list[_Raw] = []
    spans: list[tuple[int, int]] = []
    for m in _titles(text):
        if _left_is_place_prefix(text, m.start()):
            continue
        title = title_for(m.group("title"))
        after_title = m.end("title")
        paren = _PAREN_ABBR_RE.match(text, after_title)
        if paren and title.scope != "none":
            after_title = paren.end()
        scope, end, juris, public = position_scope(text, after_title, title, resolve)
        position = f"{title.title} {scope}" if scope else title.title
        paren = _PAREN_ABBR_RE.match(text, end)
        if paren:
            end = paren.end()
        p = skip_space(text, end)
        link = _LINK_AFTER_RE.match(text, end)
        if link:
            p = link.end()
        if text.startswith(",", p) and RANK_RE.match(text, skip_space(text, p + 1)):
            p = skip_space(text, p + 1)  # "Kapolda Metro Jaya, Irjen Putut ..."
        rank = None
        r = RANK_RE.match(text, p)
        if r:
            rank = RANKS[" ".join(r.group("rank").split())]
            p = r.end()
            public = True
        found = read_name(text, p, lines)
        if found and title.scope == "place" and not scope and not r and m.group("title")[0].islower():
            continue  # "lurah Cempaka Putih menyatakan": a generic lower-case post, not a name
        former = bool(m.group("former"))
        if found:
            name = found[0]
            spans.append((m.start(), found[2]))
            if _MOVED_AFTER_RE.match(text, found[2]):
                former = True  # "Kapolda Jawa Tengah Irjen X dimutasi menjadi ...": X leaves this post
        else:
            if r:  # "Kapolda Irjen" with no name is nothing
                continue
            backwards = read_name_backwards(text, m.start())
            if backwards:
                name = backwards
            else:
                linked = _name_before_link(text, m.start())
                if not linked:
                    continue
                name, was = linked
                former = former or was
        if resolve is not None and len(name.split()) <= 3 and resolve_place(resolve, name, title):
            continue  # a place, not a person
        if name in KNOWN_PLACES or name.split()[0] in _PLACE_FIRST_WORDS:
            continue
        raws.append(_Raw(name, m.start(), rank, position, juris, former=former, public=public))
    return raws, spans


def _from_ranks(text: str, lines: TextLines) -> list[_Raw]:
    raws: list[_Raw] = []
    for m in _ranks(text):
        if _left_is_place_prefix(text, m.start()):
            continue
        found = read_name(text, m.end(), lines)
        if not found or text[m.end() : found[1]].count("\n"):
            continue
        raws.append(_Raw(found[0], m.start(), RANKS[" ".join(m.group("rank").split())]))
    return raws


def _canonical_names(raws: list[_Raw]) -> dict[str, str]:
    """Map every raw name to the full name of its person."""
    names = sorted({r.name for r in raws}, key=lambda n: (-len(n.split()), n))
    canon: dict[str, str] = {}
    fulls: list[tuple[str, set[str]]] = []
    for n in names:
        toks = {t for t in n.split() if not t.endswith(".")}
        owners = [full for full, ftoks in fulls if toks <= ftoks]
        if len(owners) == 1:
            canon[n] = owners[0]
        elif owners:
            canon[n] = n  # ambiguous short form: keep it apart rather than guess
        else:
            canon[n] = n
            fulls.append((n, toks))
    return canon


def _count_mentions(text: str, names: list[str]) -> dict[str, int]:
    owner: dict[str, set[str]] = {}
    for n in names:
        for t in n.split():
            if len(t) >= 3 and not t.endswith(".") and not t.islower() and t not in NON_NAME:
                owner.setdefault(t, set()).add(n)
    unique = {t: next(iter(o)) for t, o in owner.items() if len(o) == 1}
    counts = dict.fromkeys(names, 0)
    if not unique:
        return counts
    pat = re.compile(
        r"(?<![\w])(?:" + "|".join(map(re.escape, sorted(unique, key=len, reverse=True))) + r")(?![\w])"
    )
    last_end = -10
    last_owner = None
    for m in pat.finditer(text):
        who = unique[m.group(0)]
        gap = text[last_end : m.start()]
        if who == last_owner and (gap.strip() == "" or gap.strip() in {"bin", "binti", "van", "de"}):
            last_end = m.end()
            continue  # same run of one name
        counts[who] += 1
        last_owner, last_end = who, m.end()
    return counts


def find_officials(text: str, resolve_region: Resolver | None = None) -> tuple[Official, ...]:
    """Officials named in `text`, one per person, in order of first appearance."""
    if not text:
        return ()
    if resolve_region is not None:
        resolve_region = memo_resolver(resolve_region)
    lines = TextLines(text)
    raws, _ = _from_positions(text, resolve_region, lines)
    raws += _from_ranks(text, lines)
    if not raws:
        return ()
    canon = _canonical_names(raws)
    groups: dict[str, list[_Raw]] = {}
    for r in sorted(raws, key=lambda r: r.start):
        groups.setdefault(canon[r.name], []).append(r)
    counts = _count_mentions(text, list(groups))
    out: list[Official] = []
    for key, rs in groups.items():
        rank = next((r.rank for r in rs if r.rank), None)
        with_pos = [r for r in rs if r.position]
        current = [r for r in with_pos if not r.former]
        chosen = (current or with_pos)[0] if with_pos else None
        public = any(r.public for r in with_pos) if with_pos else True
        out.append(
            Official(
                key=key,
                name=key,
                rank=rank,
                position=chosen.position if chosen else None,
                jurisdiction=chosen.jurisdiction if chosen else None,
                former=bool(chosen and not current),
                public=public or rank is not None,
                mentions=max(counts.get(key, 0), 1),
            )
        )
    return tuple(out)
