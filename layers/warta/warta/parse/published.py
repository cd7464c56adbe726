"""The publication date, chosen by evidence: every place a page states a date for the article is a
candidate, candidates vote for a day, and the day with the most trusted support wins.

What never votes: dates inside page chrome (a header bar printing today's date, a clock), or inside
related, popular, latest, comment or teaser blocks. Those carry other articles' dates, or the day the
page was fetched, and a single first-match rule takes them whenever the article's own date is written
in a form it does not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .datelines import WIB, has_time, is_plausible, parse_dateline, parse_iso, parse_url_date

PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "pubdate",
    "publishdate",
    "publish-date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "parsely-pub-date",
    "sailthru.date",
    "content_publisheddate",
    "datepublished",
)
# Trust of each kind of signal on its own; agreeing signals add up.
WEIGHTS = {
    "json-ld": 3.0,
    "itemprop": 3.0,
    "meta": 2.0,
    "dateline": 2.0,
    "time": 1.5,
    "url": 1.0,
    "text": 1.0,
}
# Elements whose class/id says they hold a date: where a page prints its own date line.
_DATE_SELECTORS = (
    "[class*=date]",
    "[class*=time]",
    "[class*=tanggal]",
    "[class*=waktu]",
    "[class*=publish]",
    "[class*=posted]",
)
# Blocks whose dates belong to other articles or to the day the page was fetched.
_NOT_THE_ARTICLE = re.compile(
    r"(?:^|[\s_-])(related|terkait|populer|popular|terpopuler|trending|terkini|latest|lainnya|recommend\w*|"
    r"rekomendasi|comments?|komentar|teaser|sidebar|widget|footer|nav|navbar|menu|topbar|top-bar|"
    r"today|clock|header-date|breaking|ticker|baca-?juga|lihat-?juga|masthead|topbar|top-bar|navbar)(?:$|[\s_-])",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class DateCandidate:
    source: str
    moment: datetime
    precise: bool  # carries a time of day


def find_published(
    tree: LexborHTMLParser,
    ld: dict[str, Any],
    meta: dict[str, str],
    headline: LexborNode | None,
    url: str | None,
) -> tuple[datetime | None, str | None]:
    """The publication moment in the page's own zone, and which signal it came from."""
    return choose_published(date_candidates(tree, ld, meta, headline, url))


def date_candidates(
    tree: LexborHTMLParser,
    ld: dict[str, Any],
    meta: dict[str, str],
    headline: LexborNode | None,
    url: str | None,
) -> list[DateCandidate]:
    found: list[DateCandidate] = []

    def add(source: str, value: str | None, *, free_text: bool = False) -> None:
        if not value:
            return
        moment = parse_dateline(value) if free_text else parse_iso(value)
        if moment is not None and is_plausible(moment):
            found.append(DateCandidate(source, moment, has_time(value)))

    published = ld.get("datePublished")
    add("json-ld", published if isinstance(published, str) else None)
    add("meta", next((meta[n] for n in PUBLISHED_META if meta.get(n)), None))
    for node in tree.css('[itemprop="datePublished"]')[:5]:
        if node.tag == "meta" or _outside_the_article(node, headline):
            continue
        attrs = node.attributes
        value = attrs.get("content") or attrs.get("datetime")
        add("itemprop", value) if value else add("itemprop", node.text(strip=True)[:200], free_text=True)
        break
    for node in tree.css("time[datetime]")[:30]:
        if not _outside_the_article(node, headline):
            add("time", node.attributes.get("datetime"))
            break
    dateline = visible_date_line(headline)
    add("dateline", dateline, free_text=True)
    if dateline is None:
        add("text", date_shaped_line(headline), free_text=True)
    if url:
        moment = parse_url_date(url)
        if moment is not None and is_plausible(moment):
            found.append(DateCandidate("url", moment, False))
    return found


def choose_published(candidates: list[DateCandidate]) -> tuple[datetime | None, str | None]:
    if not candidates:
        return None, None
    zone = _page_zone(candidates)
    support: dict[str, float] = {}
    for c in candidates:
        day = _local_day(c, zone)
        support[day] = support.get(day, 0.0) + WEIGHTS[c.source]
    order = {name: i for i, name in enumerate(WEIGHTS)}
    by_day = {d: [c for c in candidates if _local_day(c, zone) == d] for d in support}
    # Most weight; on a tie, more independent signals (a printed date line and the URL agreeing beat
    # a lone JSON-LD value), then the most trusted one.
    best_day = max(
        support, key=lambda d: (support[d], len(by_day[d]), -min(order[c.source] for c in by_day[d]))
    )
    agreeing = [c for c in candidates if _local_day(c, zone) == best_day]
    # The printed date line is the page's own local time; otherwise the most trusted precise value.
    precise = [c for c in agreeing if c.precise]
    dateline = next((c for c in precise if c.source == "dateline"), None)
    chosen = dateline or (
        min(precise, key=lambda c: order[c.source])
        if precise
        else min(agreeing, key=lambda c: order[c.source])
    )
    if dateline is not None:
        # Metadata that says the same minute is kept: it has the seconds the printed line leaves out.
        same_minute = [
            c
            for c in precise
            if c is not dateline and abs(_in_zone(c.moment, zone) - dateline.moment) < timedelta(minutes=1)
        ]
        if same_minute:
            chosen = min(same_minute, key=lambda c: order[c.source])
            return _in_zone(chosen.moment, zone), chosen.source
    source = chosen.source
    others = [c for c in agreeing if c is not chosen]
    if chosen is dateline and others:
        # Metadata named the day and the printed line gave its time: both are the evidence.
        source = f"{min(others, key=lambda c: order[c.source]).source}+dateline"
    return _in_zone(chosen.moment, zone), source


def visible_date_line(headline: LexborNode | None) -> str | None:
    """The date line printed next to the headline: searched in the headline's surroundings only,
    widening a level at a time while the region stays small (never the related links further down)."""
    if headline is None:
        return None
    beside = _date_beside(headline)
    if beside is not None:
        return beside
    node = headline.parent
    for _ in range(3):
        if node is None or node.tag in ("body", "html"):
            break
        for selector in (*_DATE_SELECTORS, '[itemprop="datePublished"]', "time"):
            for candidate in node.css(selector)[:20]:
                if _outside_the_article(candidate, headline):
                    continue
                text = _published_part(candidate.text(separator=" ", strip=True)[:300])
                if parse_dateline(text) is not None:
                    return text
        node = node.parent
    return None


def date_shaped_line(headline: LexborNode | None) -> str | None:
    """Last resort for pages that print their date in an element no class names: the first short text
    near the headline shaped like a date line (a date with a weekday, or with a time of day), not a
    date mentioned in a sentence. Weighs little: any metadata outvotes it."""
    if headline is None:
        return None
    region = headline.parent
    if region is None or region.tag in ("body", "html"):
        return None  # the whole page is no "near the headline"
    if region.parent is not None and region.parent.tag not in ("body", "html"):
        region = region.parent
    seen = 0
    for item in region.traverse(include_text=True):
        if item.tag != "-text" or item.parent is None or item.parent.tag in ("script", "style"):
            continue
        seen += 1
        if seen > _MAX_TEXTS_SCANNED:
            break
        text = " ".join((item.text_content or "").split())
        if not 8 <= len(text) <= 120 or _outside_the_article(item.parent, headline):
            continue
        if _DATE_SHAPED.search(text) and parse_dateline(text) is not None:
            return _published_part(text)
    return None


# A weekday before the date, or a time after it: how date lines look, and how dates inside sentences don't.
_DATE_SHAPED = re.compile(
    r"\b(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)\b\s*,?\s*\d|\d{4}\s*[,|\-–—]?\s*(?:pukul\s*|jam\s*|at\s*)?\d{1,2}[:.]\d{2}",
    re.IGNORECASE,
)
_MAX_TEXTS_SCANNED = 200


def _date_beside(headline: LexborNode) -> str | None:
    """A short element right before or after the headline that reads as a date."""
    for step in ("next", "prev"):
        sibling: LexborNode | None = getattr(headline, step)
        seen = 0
        while sibling is not None and seen < 4:
            if sibling.tag not in ("-text", "-comment", "br", "script", "style"):
                seen += 1
                text: str = _published_part(sibling.text(separator=" ", strip=True))
                if (
                    0 < len(text) <= 200
                    and not _about_other_articles(sibling, text)
                    and parse_dateline(text) is not None
                ):
                    return text
            sibling = getattr(sibling, step)
    return None


_UPDATED = re.compile(r"\b(?:diperbarui|diupdate|updated?|diubah|last modified|modified)\b", re.IGNORECASE)
_PUBLISHED_WORD = re.compile(
    r"\b(?:terbit|diterbitkan|dipublikasikan|dipublikasi|published|posted|tayang)\b", re.IGNORECASE
)


def _published_part(text: str) -> str:
    """The part of a date line that gives the publication, not the update: "Diperbarui 6 Nov 2015,
    Terbit 5 Nov 2015" -> "5 Nov 2015"; "5 Nov 2015 | Diperbarui 6 Nov 2015" -> "5 Nov 2015"."""
    published = _PUBLISHED_WORD.search(text)
    if published is not None:
        after = text[published.end() :]
        update = _UPDATED.search(after)
        part = after[: update.start()] if update else after
        if parse_dateline(part) is not None:
            return part
    update = _UPDATED.search(text)
    if update is not None and parse_dateline(text[: update.start()]) is not None:
        return text[: update.start()]
    return text


def _about_other_articles(node: LexborNode, text: str) -> bool:
    """A related or latest block beside the headline: its class says so, or it is mostly links."""
    attrs = node.attributes
    if _NOT_THE_ARTICLE.search(f"{attrs.get('class') or ''} {attrs.get('id') or ''}"):
        return True
    links = sum(len(a.text(strip=True)) for a in node.css("a"))
    return links > 0.4 * len(text)


def _outside_the_article(node: LexborNode, headline: LexborNode | None) -> bool:
    """In chrome (header bar, footer, navigation) or in a block about other articles."""
    current: LexborNode | None = node.parent
    for _ in range(15):
        if current is None or current.tag in ("body", "html"):
            return False
        if headline is not None and _contains(current, headline):
            return False  # reached the article's own header before any chrome
        if current.tag in ("footer", "nav", "aside", "header"):
            return True  # a <header> that does not hold the headline is the site's masthead
        attrs = current.attributes
        if _NOT_THE_ARTICLE.search(f"{attrs.get('class') or ''} {attrs.get('id') or ''}"):
            return True
        current = current.parent
    return False


def _contains(ancestor: LexborNode, node: LexborNode) -> bool:
    current: LexborNode | None = node
    for _ in range(40):
        if current is None:
            return False
        if current.mem_id == ancestor.mem_id:
            return True
        current = current.parent
    return False


def _page_zone(candidates: list[DateCandidate]) -> timezone:
    """The zone the page prints its times in: the date line's, else WIB."""
    for c in candidates:
        if c.source == "dateline" and isinstance(c.moment.tzinfo, timezone):
            return c.moment.tzinfo
    for c in candidates:
        offset = c.moment.utcoffset()
        if (
            offset
            and timedelta(hours=6) < offset <= timedelta(hours=9)
            and isinstance(c.moment.tzinfo, timezone)
        ):
            return c.moment.tzinfo
    return WIB


def _in_zone(moment: datetime, zone: timezone) -> datetime:
    """UTC and foreign offsets are shown in the page's zone: the day a reader there saw."""
    offset = moment.utcoffset()
    if offset is not None and timedelta(hours=6) < offset <= timedelta(hours=9):
        return moment
    return moment.astimezone(zone)


def _local_day(candidate: DateCandidate, zone: timezone) -> str:
    if not candidate.precise:
        return candidate.moment.date().isoformat()  # a date without time is already the local day
    return _in_zone(candidate.moment, zone).date().isoformat()
