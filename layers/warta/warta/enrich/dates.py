"""Dates named in an Indonesian news text, as calendar dates.

A compact grammar of compiled regexes, computed with the standard library (no dateparser):
- "31 Oktober 2012", "Rabu, 31 Okt. 2012"            exact
- "31 Oktober", "Rabu 31 Oktober"                    exact, year taken from `published`
                                                      (the year that puts it closest to publication)
- "Rabu (31/10/2012)", "(31/10)", "31/10/2012"        exact; the bare "d/m" form only in brackets
- "hari ini", "kemarin", "kemarin lusa", "besok"      relative to `published`
- "Rabu lalu", "Senin kemarin"                        the previous such weekday before publication
- "dua hari lalu"                                     exact
- "pekan lalu", "minggu lalu", "beberapa hari lalu",
  "dua pekan lalu"                                    approximate
Not dates: law numbers ("UU No 31 Tahun 1999"), money ("Rp 31.10 miliar"), times ("14.05 WIB"),
scores ("2-1", "skor (3/1)"), case numbers ("Nomor 12/2011").
Results are deduplicated by (date, approximate); `text` is the first written form.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from warta.enrich._triggers import TriggeredPattern
from warta.enrich.model import DateMention
from warta.indonesian import MONTHS, WEEKDAYS

_NUMBERS: dict[str, int] = {
    "satu": 1,
    "se": 1,
    "dua": 2,
    "tiga": 3,
    "empat": 4,
    "lima": 5,
    "enam": 6,
    "tujuh": 7,
    "delapan": 8,
    "sembilan": 9,
    "sepuluh": 10,
}

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY = r"Senin|Selasa|Rabu|Kamis|Jum'?at|Sabtu|Minggu|Ahad"
_NUM = r"\d{1,2}|" + "|".join(k for k in _NUMBERS if k != "se")
_LEFT = r"(?<![\w.,/:-])"

_DATE_RE = re.compile(
    # 1. "Rabu, 31 Oktober 2012" / "31 Okt." (year optional)
    r"(?P<abs>" + _LEFT + r"(?:(?P<adow>" + _DAY + r")\s*,?\s*(?:\(\s*)?)?"
    r"(?P<ad>\d{1,2})\s+(?P<am>(?i:"
    + _MONTH
    + r"))(?![\w])\.?(?:\s*,?\s+(?P<ay>(?:19|20)\d{2})(?![\w.,]\d))?)"
    # 2. "Rabu (31/10/2012)" / "(31/10)"
    r"|(?P<sl>(?:(?P<sdow>" + _DAY + r")\s*,?\s*)?\(\s*(?P<sd>\d{1,2})/(?P<sm>\d{1,2})"
    r"(?:/(?P<sy>\d{4}|\d{2}))?\s*\))"
    # 3. "31/10/2012"
    r"|(?P<pl>" + _LEFT + r"(?P<pd>\d{1,2})/(?P<pm>\d{1,2})/(?P<py>(?:19|20)\d{2})(?![\w/]))"
    # 4. "Rabu lalu", "Senin kemarin"
    r"|(?P<wd>(?<![\w])(?P<wdow>" + _DAY + r")\s+(?:yang\s+)?(?:lalu|kemarin)(?![\w]))"
    # 5. "dua hari lalu", "beberapa hari yang lalu", "dua pekan lalu", "pekan lalu", "minggu lalu"
    r"|(?P<ago>(?<![\w])(?:(?P<n>(?i:" + _NUM + r"|beberapa))\s+)?(?P<unit>hari|pekan|minggu)"
    r"\s+(?:yang\s+)?(?:lalu|kemarin)(?![\w]))"
    # 6. "hari ini", "kemarin lusa", "kemarin", "besok"
    r"|(?P<rel>(?<![\w])(?i:hari\s+ini|kemarin\s+lusa|kemarin|besok)(?![\w]))"
)
# the words before a match that make it a number, a case or a score, not a date
_NOT_DATE_BEFORE = re.compile(
    r"(?:No|Nomor|Nomer|Nmr|Pasal|pasal|Perkara|perkara|Perpres|Perda|PP|UU|skor|Skor|angka|set|Rp|US\$)"
    r"\.?\s*:?\s*$"
)


_WORD_TRIGGERS = [*WEEKDAYS, *_NUMBERS, "beberapa", "hari", "pekan", "minggu", "kemarin", "besok"]
_DATE_SCAN = TriggeredPattern(
    _DATE_RE,
    [
        *"0123456789(",
        *_WORD_TRIGGERS,
        *(w.capitalize() for w in _WORD_TRIGGERS),
        *(w.upper() for w in _WORD_TRIGGERS),
    ],
)


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _closest_year(m: int, d: int, ref: date) -> date | None:
    options = [x for x in (_safe_date(ref.year + k, m, d) for k in (-1, 0, 1)) if x]
    return min(options, key=lambda x: abs((x - ref).days)) if options else None


def _previous_weekday(ref: date, weekday: int) -> date:
    back = (ref.weekday() - weekday) % 7 or 7
    return ref - timedelta(days=back)


def _year(raw: str) -> int:
    y = int(raw)
    if len(raw) == 2:
        y += 2000 if y < 70 else 1900
    return y


def _resolve(m: re.Match[str], ref: date | None) -> tuple[date, bool] | None:
    g = m.groupdict()
    if g["abs"]:
        month = MONTHS[g["am"].lower()]
        day = int(g["ad"])
        if g["ay"]:
            d = _safe_date(int(g["ay"]), month, day)
        else:
            d = _closest_year(month, day, ref) if ref else None
        return (d, False) if d else None
    if g["sl"] or g["pl"]:
        day_s, month_s, year = (g["sd"], g["sm"], g["sy"]) if g["sl"] else (g["pd"], g["pm"], g["py"])
        day_i, month_i = int(day_s), int(month_s)
        if not (1 <= month_i <= 12):
            return None
        if year:
            d = _safe_date(_year(year), month_i, day_i)
        else:
            d = _closest_year(month_i, day_i, ref) if ref else None
        return (d, False) if d else None
    if ref is None:
        return None
    if g["wd"]:
        return _previous_weekday(ref, WEEKDAYS[g["wdow"].lower().replace("'", "")]), False
    if g["ago"]:
        n_raw = (g["n"] or "").lower()
        unit = g["unit"]
        if n_raw == "beberapa":
            return ref - timedelta(days=3), True
        n = 1 if not n_raw else (int(n_raw) if n_raw.isdigit() else _NUMBERS[n_raw])
        if unit == "hari":
            return ref - timedelta(days=n), False
        return ref - timedelta(days=7 * n), True
    rel = " ".join(g["rel"].lower().split())
    offset = {"hari ini": 0, "kemarin": -1, "kemarin lusa": -2, "besok": 1}[rel]
    return ref + timedelta(days=offset), False


def find_dates(text: str, published: datetime | None) -> tuple[DateMention, ...]:
    """Dates in `text`; relative and year-less forms are resolved against `published`."""
    if not text:
        return ()
    ref = published.date() if isinstance(published, datetime) else published
    seen: dict[tuple[date, bool], DateMention] = {}
    for m in _DATE_SCAN.finditer(text):
        if (m.group("abs") or m.group("sl") or m.group("pl")) and _NOT_DATE_BEFORE.search(
            text[max(0, m.start() - 12) : m.start()]
        ):
            continue
        hit = _resolve(m, ref)
        if hit is None:
            continue
        d, approximate = hit
        seen.setdefault(
            (d, approximate), DateMention(text=" ".join(m.group(0).split()), date=d, approximate=approximate)
        )
    return tuple(seen.values())
