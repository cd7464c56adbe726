"""The Article: what `parse` makes of one news page.

`title`, `body` and `published` are a stable contract (`warta extract` prints them, the index stores
them); later fields are additions with defaults, never renames. Every field is plain data
(str, int, tuple, aware datetime) so the record serialises without help.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from .story_dateline import Dateline


@dataclass(frozen=True, slots=True)
class Article:
    title: str
    body: str  # paragraphs joined by a blank line; no captions, credits, related links or ads
    published: datetime | None  # aware: keeps the page's own UTC offset (WIB +07:00 ...)
    # Which signal won: "json-ld", "itemprop", "meta", "time", "dateline", "url"; "json-ld+dateline"
    # when metadata named the day and the printed date line gave its time.
    published_source: str | None = None
    updated: datetime | None = None
    url: str | None = None  # the canonical URL
    site: str | None = None  # the site's name ("Kompas.com", "detikNews")
    language: str | None = None
    authors: tuple[str, ...] = field(default_factory=tuple)  # names only, no "Penulis:" labels
    description: str | None = None
    editor: str | None = None
    section: str | None = None
    tags: tuple[str, ...] = field(default_factory=tuple)
    image: str | None = None
    image_caption: str | None = None  # the lead photo's caption, kept out of the body
    pages: int = 1  # > 1 for stories split over several pages; only the first page is parsed
    next_page_url: str | None = None
    title_source: str | None = None  # whose wording the title is: "h1", "json-ld", "og:title", "title" ...
    dateline: Dateline | None = None  # "JAKARTA, KOMPAS.com - ", kept at the start of the body as printed
    extractor: str = "warta"  # which extractor produced the body: "warta" or "trafilatura" (the fallback)
    confidence: float = 1.0  # how much the body looks like a story, in [0, 1]
