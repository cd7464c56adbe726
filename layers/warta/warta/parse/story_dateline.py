"""The story's dateline: the place of reporting (and often the outlet) printed before the first
sentence, "JAKARTA, KOMPAS.com - ", "Jakarta - ", "kabarkota.id, BEKASI - ", "KUPANG, NTT (ANTARA) - ".

Not to be confused with `datelines.py`, which reads publication dates. The body keeps the dateline as
printed; this module only says where it is and what it names, so that enrichment can treat its place
as the place of reporting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The dash that ends a dateline: "-", "--", an en dash or an em dash, with a space after it (a hyphen inside a word is
# never one). The text before it is short.
_SEPARATOR = re.compile(r"\s*(?:-{1,2}|–|—)\s+")
_MAX_PREFIX = 60
# An outlet: a domain ("KOMPAS.com", "jpnn.com", "REPUBLIKA.CO.ID", "TRIBUN-TIMUR.COM") or a news
# agency's name. Agency names are public facts: the national agency and the wire services that
# Indonesian pages credit.
_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.(?:com|co\.id|co|id|net|tv|news|org)$", re.IGNORECASE)
_AGENCIES = re.compile(
    r"^(?:antara(?: news)?|antaranews|reuters|afp|ap|xinhua|bernama|anadolu|kyodo|dpa)$", re.IGNORECASE
)
_PLACE_WORD = re.compile(r"^[A-Z][\w'’.]*$")


@dataclass(frozen=True, slots=True)
class Dateline:
    text: str  # as printed, separator included: "JAKARTA, KOMPAS.com - "
    place: str | None  # "JAKARTA", "Kupang, NTT": the place of reporting, as written
    agency: str | None  # "KOMPAS.com", "ANTARA News"
    place_start: int | None = None  # the place's span in the body (offsets into Article.body)
    place_end: int | None = None


def find_dateline(body: str, outlet_names: tuple[str, ...] = ()) -> Dateline | None:
    """The dateline at the start of `body`, or None when the story opens without one. `outlet_names`
    (the site's name, its host) recognise an outlet printed without its domain ("SEMARANG, WARTA -")."""
    outlets = {_squash(n) for n in outlet_names if n} - {""}
    match = _SEPARATOR.search(body, 0, _MAX_PREFIX + 4)
    if match is None or match.start() == 0:
        return None
    prefix = body[: match.start()]
    if "\n" in prefix:
        return None
    place_parts: list[tuple[str, int]] = []
    agency: str | None = None
    for part, start in _parts(prefix):
        if _DOMAIN.match(part) or _AGENCIES.match(part) or _squash(part) in outlets:
            agency = agency or part
        elif all(_PLACE_WORD.match(w) for w in part.split()) and len(part.split()) <= 4:
            place_parts.append((part, start))
        else:
            return None  # a lower-case word or a sentence: this dash belongs to the story
    if not place_parts and agency is None:
        return None
    text = body[: match.end()]
    if not place_parts:
        return Dateline(text, None, agency)
    # Contiguous place parts ("KUPANG, NTT") form one place.
    start = place_parts[0][1]
    end = place_parts[-1][1] + len(place_parts[-1][0])
    return Dateline(text, body[start:end], agency, start, end)


def is_bare_dateline(text: str) -> bool:
    """A block that is only a dateline ("Jakarta -"): templates that print it apart from the first
    paragraph. It belongs in front of that paragraph."""
    stripped = text.strip()
    found = find_dateline(stripped + " x")
    return found is not None and len(found.text.rstrip()) >= len(stripped)


def _squash(name: str) -> str:
    """ "Warta Nusantara", "WARTANUSANTARA", "warta-nusantara" -> "wartanusantara"."""
    return re.sub(r"[\W_]+", "", name).casefold()


def _parts(prefix: str) -> list[tuple[str, int]]:
    """Comma- and parenthesis-separated parts of the prefix, with their offsets."""
    parts: list[tuple[str, int]] = []
    for match in re.finditer(r"[^,()]+", prefix):
        part = match.group().strip()
        if part:
            parts.append((part, match.start() + match.group().index(part)))
    return parts
