"""Other names of public figures ("Jokowi" is Joko Widodo), from a curated table (data/aliases.PROVENANCE.md).

Also rules that need no table: honorifics in front of a name do not change who it is ("Pak Ahmad" is
"Ahmad"), and a run of capitals can be the initials of a name the same article writes in full ("SBY").
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

_DATA_FILE = Path(__file__).parent / "data" / "aliases.json"
_HONORIFICS = (
    r"^(?:(?:Prof|Dr|dr|Drs|Dra|Ir|Hj|H|KH|K\.H|Kiai|Kyai|Habib|Haji|Hajjah|Ny|Nyonya|Tuan|Bapak|Pak|Ibu|Bu|"
    r"Sdr|Saudara|Saudari|Ust|Ustaz|Ustadz|Mbak|Mas|Bang|Kak)\.?\s+)+"
)


@dataclass(frozen=True, slots=True)
class AliasTable:
    canonical: dict[str, str]  # folded written form -> canonical name (canonical names map to themselves)
    ambiguous: frozenset[str]  # folded forms that resolve only when the article names the person otherwise
    written: tuple[str, ...]  # every form as written, for finding them in a text


def fold(name: str) -> str:
    """Compare names without case, accents, dots or spacing differences."""
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return " ".join(ascii_.replace(".", " ").replace("’", "'").lower().split())


@functools.cache
def table() -> AliasTable:
    raw = json.loads(_DATA_FILE.read_text("utf-8"))
    canonical: dict[str, str] = {}
    written: list[str] = []
    for name, others in raw["persons"].items():
        for form in (name, *others):
            canonical[fold(form)] = name
            written.append(form)
    return AliasTable(canonical, frozenset(fold(a) for a in raw["ambiguous"]), tuple(written))


def strip_honorifics(name: str) -> str:
    """ "Pak Ahmad" -> "Ahmad", "Hj. Siti Aminah" -> "Siti Aminah" (the name alone when nothing is left)."""
    stripped = re.sub(_HONORIFICS, "", name).strip()  # re's own cache compiles it once, on first use
    return stripped or name


def canonical_person(name: str, *, allow_ambiguous: bool = False) -> str | None:
    """The canonical name of a person the table knows under `name`, else None."""
    t = table()
    key = fold(name)
    if key not in t.canonical:
        key = fold(strip_honorifics(name))
    if key not in t.canonical or (key in t.ambiguous and not allow_ambiguous):
        return None
    return t.canonical[key]


def initials(name: str) -> str:
    """ "Susilo Bambang Yudhoyono" -> "SBY"."""
    return "".join(word[0] for word in name.split() if word[:1].isupper())


if TYPE_CHECKING:  # the bound below is evaluated lazily (PEP 695): no Protocol class built at import

    class _FiltersRequest(Protocol):
        @property
        def filters(self) -> dict[str, tuple[str, ...]]: ...

        @property
        def exclude(self) -> dict[str, tuple[str, ...]]: ...


def person_for_query(text: str) -> str | None:
    """The canonical person a whole search text names by another name ("Jokowi"), else None."""
    text = text.strip().strip('"')
    if not text or len(text) > 60:
        return None
    canonical = canonical_person(text)
    return canonical if canonical is not None and fold(canonical) != fold(text) else None


def with_canonical_persons[R: _FiltersRequest](request: R) -> R:
    """A search request whose `person` filters and exclusions name canonical persons ("Jokowi" -> Joko Widodo)."""

    def canon(values: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(canonical_person(v, allow_ambiguous=True) or v for v in values))

    changed = {}
    for name in ("filters", "exclude"):
        current: dict[str, tuple[str, ...]] = getattr(request, name)
        if current.get("person"):
            changed[name] = {**current, "person": canon(current["person"])}
    return replace(request, **changed) if changed else request  # type: ignore[type-var]  # a dataclass
