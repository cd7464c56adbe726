"""The headline, chosen by evidence: every place a page states its headline is a candidate, and the
text that most trusted sources agree on wins.

Why a vote instead of a first match: real pages put other text in each single place. A `<title>` can
hold the site's slogan, an `<h1>` can wrap the logo or a footer link, JSON-LD can hold a truncated copy.
A text two sources agree on is rarely any of those.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

# How much each source is trusted on its own. Agreement adds the weights up.
WEIGHTS = {
    "json-ld": 3.0,
    "og:title": 2.0,
    "itemprop": 2.0,
    "h1": 2.0,
    "twitter:title": 1.0,
    "title": 1.0,
    "heading": 1.0,
}
# Visible text is what the page prints: when it agrees with metadata, its wording is kept.
_VISIBLE = ("h1", "heading")
_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:»]\s+")
_CHROME = re.compile(
    r"(?:^|[\s_-])(footer|header-logo|logo|nav|menu|related|terkait|populer|popular|"
    r"trending|sidebar|widget|teaser|recommend\w*|terkini|lainnya)(?:$|[\s_-])",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Candidate:
    source: str
    text: str


def find_title(
    tree: LexborHTMLParser,
    ld: dict[str, Any],
    meta: dict[str, str],
    site: str | None,
    section: str | None = None,
) -> tuple[str, str | None]:
    """The headline and the source whose wording was kept ("json-ld", "og:title", "h1" ...)."""
    candidates = title_candidates(tree, ld, meta, site, section)
    return choose_title(candidates)


def title_candidates(
    tree: LexborHTMLParser,
    ld: dict[str, Any],
    meta: dict[str, str],
    site: str | None,
    section: str | None = None,
) -> list[Candidate]:
    found: list[Candidate] = []
    headline = ld.get("headline") or ld.get("name")
    if isinstance(headline, str):
        found.append(Candidate("json-ld", clean_title(headline, site, section)))
    for name in ("og:title", "twitter:title"):
        if meta.get(name):
            found.append(Candidate(name, clean_title(meta[name], site, section)))
    # The first microdata headline outside chrome: related items carry their own itemprop="headline".
    for node in tree.css('[itemprop="headline"]')[:10]:
        if node.tag != "meta" and not _in_chrome(node):
            found.append(Candidate("itemprop", _visible_text(node)))
            break
    for node in tree.css("h1")[:5]:
        if not _in_chrome(node):
            found.append(Candidate("h1", _visible_text(node)))
    title = tree.css_first("title")
    if title is not None:
        found.append(Candidate("title", clean_title(title.text(strip=True), site, section)))
    # Templates that set the headline in an <h2> or a titled <div> (no <h1>, or a logo in it).
    for node in tree.css(
        "h2[class*=title], h2[class*=judul], div[class*=title] > h2, [class*=judul] > h2,"
        " [class*=headline] > h2"
    )[:3]:
        if not _in_chrome(node):
            found.append(Candidate("heading", _visible_text(node)))
    return [c for c in found if _plausible(c.text)]


# What site-wide slogans say of the site ("Portal Berita Terkini dan Terpercaya", "Situs Berita Online"):
# a headline that reads like one counts for little, wherever it is written.
_SLOGAN = re.compile(
    r"\b(?:portal|situs|media|berita|news)\s+(?:berita\s+|informasi\s+)?(?:terkini|terbaru|"
    r"terpercaya|terlengkap|terupdate|online|indonesia|hari ini|harian)\b",
    re.IGNORECASE,
)
_SLOGAN_WEIGHT = 0.25


def choose_title(candidates: list[Candidate]) -> tuple[str, str | None]:
    if not candidates:
        return "", None
    best: tuple[float, int, Candidate] | None = None
    for order, candidate in enumerate(candidates):
        support = sum(
            _weight(other)
            for other in _distinct_sources(candidates, candidate)
            if agrees(candidate.text, other.text)
        )
        key = (support, -order, candidate)
        if best is None or key[:2] > best[:2]:
            best = key
    assert best is not None
    winner = best[2]
    # Among the texts that agree with the winner, print the page's visible wording when it has one
    # (metadata copies are sometimes truncated with "..." or carry a site name), else the longest.
    agreeing = [c for c in candidates if agrees(winner.text, c.text)]
    visible = [c for c in agreeing if c.source in _VISIBLE and not _truncated(c.text)]
    chosen = visible[0] if visible else next((c for c in agreeing if not _truncated(c.text)), winner)
    return chosen.text, chosen.source


def _weight(candidate: Candidate) -> float:
    slogan = _SLOGAN.search(candidate.text) is not None and len(candidate.text.split()) <= 8
    return WEIGHTS[candidate.source] * (_SLOGAN_WEIGHT if slogan else 1.0)


def agrees(a: str, b: str) -> bool:
    """Same headline: equal once normalised, or one a truncated or suffixed copy of the other."""
    na, nb = _norm(a), _norm(b)
    if not na or not nb:
        return False
    if na == nb:
        return True
    short, long_ = sorted((na, nb), key=len)
    return (len(short) >= 20 and long_.startswith(short)) or (len(short) >= 30 and short in long_)


def clean_title(title: str, site: str | None, section: str | None = None) -> str:
    """Drop a site-name suffix or prefix and a section prefix: what remains is the headline."""
    title = " ".join(html.unescape(title).split())
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) == 1:
        return title
    site_words = {w.lower() for w in re.findall(r"\w+", site or "")}
    section_key = (section or "").strip().lower()

    def looks_like_site(part: str) -> bool:
        words = {w.lower() for w in re.findall(r"\w+", part)}
        if section_key and part.strip().lower() == section_key:
            return True
        return bool(words) and (
            words <= site_words | {"com", "co", "id", "news", "net", "online"}
            or (len(part) <= 20 and "." in part)
        )

    kept = [p for p in parts if not looks_like_site(p)]
    if kept and len(kept) < len(parts):
        # Slice from the first kept part to the last so the headline keeps its own separators.
        start = title.find(kept[0])
        end = title.rfind(kept[-1]) + len(kept[-1])
        return title[start:end]
    # No site name recognised: drop a short trailing segment, the usual site suffix.
    if len(parts[-1]) <= 25 and len(parts[-1]) < len(title) / 2:
        return title[: title.rfind(parts[-1])].rstrip(" |-–—:»")
    return title


def _distinct_sources(candidates: list[Candidate], winner: Candidate) -> list[Candidate]:
    """One vote per source: three <h1>s saying the same thing are still one kind of evidence."""
    seen: dict[str, Candidate] = {}
    for c in candidates:
        if c.source not in seen or (
            agrees(winner.text, c.text) and not agrees(winner.text, seen[c.source].text)
        ):
            seen[c.source] = c
    return list(seen.values())


def _visible_text(node: LexborNode) -> str:
    return " ".join(html.unescape(node.text(separator=" ", strip=True)).split())


def _in_chrome(node: LexborNode) -> bool:
    """Inside the page's header/footer/navigation or a related-links block."""
    current: LexborNode | None = node
    for _ in range(12):
        if current is None or current.tag in ("body", "html"):
            return False
        if current.tag in ("footer", "nav", "aside"):
            return True
        attrs = current.attributes
        if _CHROME.search(f"{attrs.get('class') or ''} {attrs.get('id') or ''}"):
            return True
        current = current.parent
    return False


def _plausible(text: str) -> bool:
    """A headline has a few words; a logo's alt text or a one-word label does not."""
    return len(text.split()) >= 3 and len(text) <= 300


def _truncated(text: str) -> bool:
    return text.rstrip().endswith(("...", "…"))


def _norm(text: str) -> str:
    text = html.unescape(text).casefold()
    text = re.sub(r"[\"'“”‘’`]", "", text)
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())
