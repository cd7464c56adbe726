"""What a position covers, read from the words after its title: the place ("Kapolda Jawa Barat"), the
unit ("Kapolres Metro Bekasi"), the command ("Pangdam IV/Diponegoro"), the department ("Kepala Dinas
Pekerjaan Umum DKI") or the company ("Direktur Utama PT Pertamina (Persero)"), with the region the
place resolves to when a gazetteer is given."""

from __future__ import annotations

import re
from collections.abc import Callable

from warta.enrich.names import GAP_RE, HONORIFIC_RE, PLACE_STOP, skip_space
from warta.enrich.positions import KNOWN_PLACES, KODAM_NAMES, PLACE_HEADS, PLACE_TAILS, POLICE_AREAS, Title
from warta.enrich.ranks import RANK_RE

Resolver = Callable[[str], str | None]

_COMPANY_HEAD_RE = re.compile(r"(?:PT|Perum|Perusahaan|Bank|CV)\.?(?![\w])")
_COMPANY_END_RE = re.compile(r"\s*(?:\((?:Persero|Tbk)\)|Tbk\.?)")
_GOV_WORDS = frozenset(
    [
        "Polri",
        "Polda",
        "Polres",
        "Polresta",
        "Polrestabes",
        "Polsek",
        "Mabes",
        "Kepolisian",
        "Reserse",
        "Kriminal",
        "Direktorat",
        "Lalu",
        "Lintas",
        "Kementerian",
        "Kejaksaan",
        "Badan",
        "Dinas",
        "Pemprov",
        "Pemkab",
        "Pemkot",
        "Pemerintah",
        "Kodam",
        "Korem",
        "Kodim",
        "Bareskrim",
    ]
)
_UNIT_RE = re.compile(
    r"(?P<unit>Mabes\s+Polri|Polri|TNI|Kejaksaan\s+Agung|Kejagung|Bareskrim(?:\s+Polri)?|"
    r"Divisi\s+Humas\s+Polri|"
    r"(?P<local>Polda|Polres(?:ta|tabes)?|Polsek(?:ta)?|Kodam|Pemprov|Pemkab|Pemkot|Kejati|Kejari|BMKG))(?![\w])"
)
_MILITARY_RE = re.compile(
    r"(?:[IVX]{1,5}|\d{2,4})/[A-Z][\w-]*(?:\s+(?!Mayjen|Brigjen|Kolonel|Letkol)[A-Z][a-z]+)?"
)
_DINAS = (
    "Pekerjaan Umum",
    "Bina Marga",
    "Sumber Daya Air",
    "Tenaga Kerja",
    "Lingkungan Hidup",
    "Tata Kota",
    "Pemadam Kebakaran",
    "Kelautan dan Perikanan",
    "Perindustrian dan Perdagangan",
    "Komunikasi dan Informatika",
    "Pemuda dan Olahraga",
    "Kependudukan dan Pencatatan Sipil",
    "Kebudayaan dan Pariwisata",
    "Pendidikan dan Kebudayaan",
)
_DINAS_RE = re.compile(
    r"(?:" + "|".join(re.escape(d).replace(r"\ ", r"\s+") for d in _DINAS) + r"|[A-Z][a-z]+)(?![\w])"
)
_PLACE_TOKEN_RE = re.compile(r"(?:[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?|[A-Z]{2,4})(?![\w]|\.\w)|Kab\.")


def _place_tokens(text: str, pos: int) -> list[re.Match[str]]:
    """Capitalised tokens from `pos` separated by single spaces, stopping before a rank or honorific."""
    toks: list[re.Match[str]] = []
    while len(toks) < 7:
        if RANK_RE.match(text, pos) or HONORIFIC_RE.match(text, pos):
            break
        m = _PLACE_TOKEN_RE.match(text, pos)
        if not m or m.group(0) in PLACE_STOP:
            break
        toks.append(m)
        g = GAP_RE.match(text, m.end())
        if not g or "\n" in g.group(0):
            break
        pos = g.end()
    return toks


def resolve_place(resolve: Resolver | None, place: str, title: Title) -> str | None:
    """The region `place` names, trying the city or regency form first when the title is a mayor's or
    a regent's; None for police areas ("Metro Jaya") and when no gazetteer is given."""
    if resolve is None or place in POLICE_AREAS:
        return None
    place = place.removeprefix("Metro ")
    candidates = []
    if title.level == "city" and not place.startswith("Kota "):
        candidates.append("Kota " + place)
    elif title.level == "regency" and not place.startswith("Kabupaten "):
        candidates.append("Kabupaten " + place)
    candidates.append(place)
    for c in candidates:
        hit = resolve(c)
        if hit:
            return hit
    return None


def _split_place(words: list[str], stopped_by_rank: bool, resolve: Resolver | None, title: Title) -> int:
    """How many of `words` (a capitalised run after a position) name the place."""
    n = len(words)
    if n == 0:
        return 0
    if stopped_by_rank and n <= 5:
        return n
    # 1. known police areas / provinces / cities, longest prefix, then direction tails
    best = 0
    for k in range(min(n, 4), 0, -1):
        if " ".join(words[:k]) in KNOWN_PLACES:
            best = k
            break
    # 2. the resolver, longest prefix leaving at least one word for a name
    if resolve is not None and best == 0:
        for k in range(min(n - 1, 4), 0, -1):
            if resolve_place(resolve, " ".join(words[:k]), title):
                best = k
                break
        if best == 0 and n <= 2 and title.level is not None:
            return 0  # "Gubernur Ahmad Heryawan": no place; villages (level None) are never resolved
    # 3. fallback: head words need the next word; one word; then tails
    if best == 0:
        k = 0
        while k < n - 1 and words[k] in PLACE_HEADS:
            k += 1
        best = k + 1
    while best < n and words[best] in PLACE_TAILS:
        best += 1
    return min(best, n)


def _scope_place(text: str, pos: int, title: Title, resolve: Resolver | None) -> tuple[str, int, str | None]:
    toks = _place_tokens(text, pos)
    if not toks:
        return "", pos, None
    after = skip_space(text, toks[-1].end())
    stopped = bool(RANK_RE.match(text, after) or HONORIFIC_RE.match(text, after))
    words = [t.group(0) for t in toks]
    k = _split_place(words, stopped, resolve, title)
    if k == 0:
        return "", pos, None
    place = " ".join(words[:k])
    return place, toks[k - 1].end(), resolve_place(resolve, place, title)


def position_scope(
    text: str, pos: int, title: Title, resolve: Resolver | None
) -> tuple[str, int, str | None, bool]:
    """(scope text, end, jurisdiction, public) for the position whose title ends at `pos`."""
    public = title.public
    p = skip_space(text, pos)
    if title.scope == "none":
        for suffix in title.suffixes:
            if text.startswith(suffix, p) and not text[p + len(suffix) : p + len(suffix) + 1].isalnum():
                return suffix, p + len(suffix), None, public
        return "", pos, None, public
    if title.scope == "place":
        place, end, juris = _scope_place(text, p, title, resolve)
        return place, end, juris, public
    if title.scope == "unit":
        m = _UNIT_RE.match(text, p)
        if not m:
            return "", pos, None, public
        unit = " ".join(m.group("unit").split())
        if m.group("local"):
            place, end, juris = _scope_place(text, skip_space(text, m.end()), title, resolve)
            if place:
                return f"{unit} {place}", end, juris, public
        return unit, m.end(), None, public
    if title.scope == "military":
        m = _MILITARY_RE.match(text, p)
        if m:
            return m.group(0), m.end(), None, public
        for k in (2, 1):
            toks = _place_tokens(text, p)[:k]
            cand = " ".join(t.group(0) for t in toks)
            if len(toks) == k and cand in KODAM_NAMES:
                return cand, toks[-1].end(), None, public
        place, end, juris = _scope_place(text, p, title, resolve)
        return place, end, juris, public
    if title.scope == "dinas":
        m = _DINAS_RE.match(text, p)
        if not m or m.group(0) in PLACE_STOP:
            return "", pos, None, public
        dept = " ".join(m.group(0).split())
        place, end, juris = _scope_place(text, skip_space(text, m.end()), title, resolve)
        if place:
            return f"{dept} {place}", end, juris, public
        return dept, m.end(), None, public
    # company: "PT Kereta Api Indonesia (Persero) Ignasius Jonan", "Pertamina Karen Agustiawan"
    head = _COMPANY_HEAD_RE.match(text, p)
    q = skip_space(text, head.end()) if head else p
    toks = _place_tokens(text, q)
    if not toks:
        if head:
            return head.group(0), head.end(), None, public
        return "", pos, None, public
    words = [t.group(0) for t in toks]
    after = skip_space(text, toks[-1].end())
    tail = _COMPANY_END_RE.match(text, toks[-1].end())
    if tail or RANK_RE.match(text, after) or HONORIFIC_RE.match(text, after):
        k = len(words)
    elif len(words) >= 3:
        k = len(words) - 2
    elif len(words) == 2:
        k = 1
    else:
        k = 0 if not head else 1
    if any(w in _GOV_WORDS for w in words[:k]):
        public = True  # "Direktur Reserse Kriminal Umum Polda ..." is a police post
    if k == 0:
        return "", pos, None, public
    end = toks[k - 1].end()
    if tail and k == len(words):
        end = tail.end()
    scope = text[p:end]
    return " ".join(scope.split()), end, None, public


def memo_resolver(resolve: Resolver) -> Resolver:
    """A per-call cache around the region resolver: the same few place names are asked about many times."""
    cache: dict[str, str | None] = {}

    def cached(name: str) -> str | None:
        if name not in cache:
            cache[name] = resolve(name)
        return cache[name]

    return cached


_PLAIN_PLACE_TITLE = Title("", "place")


def split_place_words(words: list[str], text: str, end: int) -> int:
    """How many of `words` (capitalised words ending at `end` in `text`, read after an organization
    head such as "Polda") name a place, without a gazetteer: all of them when a rank or honorific
    follows or when there are at most three, else known places / one word, plus direction tails."""
    after = skip_space(text, end)
    stopped = bool(RANK_RE.match(text, after) or HONORIFIC_RE.match(text, after)) or len(words) <= 3
    return _split_place(words, stopped, None, _PLAIN_PLACE_TITLE)
