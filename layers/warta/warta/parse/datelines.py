"""Publication dates as news pages write them: ISO strings in metadata, Indonesian datelines on the page.

Only the shapes news sites use for their own dateline are recognised here; dates mentioned in
the text are the enrichment's job (warta.enrich.dates).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone

from ..indonesian import MONTHS as INDONESIAN_MONTHS

WIB = timezone(timedelta(hours=7), "WIB")
WITA = timezone(timedelta(hours=8), "WITA")
WIT = timezone(timedelta(hours=9), "WIT")
ZONES = {"WIB": WIB, "WITA": WITA, "WIT": WIT}

# English names too: some Indonesian sites render their datelines with an English locale.
MONTHS = {
    **INDONESIAN_MONTHS,
    "january": 1,
    "february": 2,
    "march": 3,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "aug": 8,
    "october": 10,
    "oct": 10,
    "december": 12,
    "dec": 12,
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
# "14:05", "pukul 14.05", "at 1:01 PM", then an optional zone. WITA before WIT: the longer name first.
_TIME = (
    r"(?:[,|\s\-–—]*(?:(?:pukul|jam|at)\s*)?(?P<hh>\d{1,2})[:.](?P<mm>\d{2})(?:[:.]\d{2})?"
    r"(?:\s*(?P<ampm>[AaPp]\.?[Mm]\.?)(?![\w]))?)?\s*(?P<tz>WITA|WIB|WIT)?\b"
)

# "Rabu, 31 Oktober 2012 | 14:05 WIB", "31 Okt 2012, 14:05"
_NAMED_MONTH = re.compile(
    rf"\b(?P<d>\d{{1,2}})\s+(?P<mon>{_MONTH})\.?\s+(?P<y>(?:19|20)\d{{2}})\b" + _TIME, re.IGNORECASE
)
# "March 9, 2017 at 10:42 WIB", "Mar 9, 2017": English-locale templates put the month first
_MONTH_FIRST = re.compile(
    rf"\b(?P<mon>{_MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d{{2}})\b" + _TIME,
    re.IGNORECASE,
)
# "Kamis, 05/11/2015 09:25 WIB", "05-11-2015"
_NUMERIC = re.compile(r"\b(?P<d>\d{1,2})[/-](?P<m>\d{1,2})[/-](?P<y>(?:19|20)\d{2})\b" + _TIME, re.IGNORECASE)
# "/2012/10/31/" in a URL
_URL_DATE = re.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?:/|$)")
_URL_COMPACT = re.compile(r"/(?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)(?:\d{6})?[/-]")
# "/berita/23/08/14/slug": a two-digit year, read as 20yy (no news site here predates 2000)
_URL_SHORT = re.compile(r"/(?P<y>[0-4]\d)/(?P<m>[01]\d)/(?P<d>[0-3]\d)/")

EARLIEST_PLAUSIBLE = datetime(1990, 1, 1, tzinfo=UTC)


def parse_iso(value: str, default_tz: timezone = WIB) -> datetime | None:
    """An ISO 8601 date or datetime from metadata; a value with no offset is read as WIB."""
    text = value.strip()
    if not text:
        return None
    text = re.sub(r"^(\d{4})/(\d{2})/(\d{2})", r"\1-\2-\3", text)  # "2021/01/16 15:48:10"
    text = (
        text.replace("Z", "+00:00").replace(" ", "T", 1) if "T" not in text else text.replace("Z", "+00:00")
    )
    text = re.sub(r"([+-]\d{2})(\d{2})$", r"\1:\2", text)  # +0700 -> +07:00
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return parse_dateline(value)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=default_tz)
    return parsed


def parse_dateline(text: str, default_tz: timezone = WIB) -> datetime | None:
    """The first Indonesian dateline in `text`, with its zone (WIB when none is written)."""
    found = [m for m in (p.search(text) for p in (_NAMED_MONTH, _MONTH_FIRST, _NUMERIC)) if m]
    if not found:
        return None
    return _build(min(found, key=lambda m: m.start()), default_tz)  # the first date written


def parse_url_date(url: str) -> datetime | None:
    for pattern in (_URL_DATE, _URL_COMPACT, _URL_SHORT):
        match = pattern.search(url)
        if match:
            year = int(match["y"])
            try:
                return datetime(
                    year + 2000 if year < 100 else year, int(match["m"]), int(match["d"]), tzinfo=WIB
                )
            except ValueError:
                continue
    return None


def has_time(value: str) -> bool:
    """Whether a metadata date string carries a time of day ("2020-11-21" does not)."""
    return bool(re.search(r"\d{1,2}:\d{2}", value))


def is_plausible(moment: datetime, now: datetime | None = None) -> bool:
    """Dates before 1990 or more than a day in the future are almost always extraction errors."""
    now = now or datetime.now(UTC)
    return EARLIEST_PLAUSIBLE <= moment <= now + timedelta(days=1)


def _build(match: re.Match[str], default_tz: timezone) -> datetime | None:
    groups = match.groupdict()
    month = MONTHS[groups["mon"].lower()] if groups.get("mon") else int(groups["m"])
    hour = int(groups["hh"]) if groups.get("hh") else 0
    ampm = (groups.get("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    minute = int(groups["mm"]) if groups.get("mm") else 0
    zone = ZONES.get((groups.get("tz") or "").upper(), default_tz)
    try:
        return datetime(int(groups["y"]), month, int(groups["d"]), hour, minute, tzinfo=zone)
    except ValueError:
        return None
