"""The Article: what `parse` makes of one news page."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Article:
    title: str
    body: str
    published: datetime | None  # aware: keeps the page's own UTC offset (WIB +07:00 ...)
    published_source: str | None = None  # where the date came from: "json-ld", "meta", "time", "dateline", "url"
    updated: datetime | None = None
    url: str | None = None
    site: str | None = None
    language: str | None = None
    authors: tuple[str, ...] = field(default_factory=tuple)
    description: str | None = None
