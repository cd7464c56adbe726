"""Multi-page articles ("Halaman 2", "?page=2"): how many pages, and where the next one is.

Only the first page's bytes reach us; fetching the rest is the caller's decision, so this module
only reports what the page links to. It must run before the boilerplate pass, which removes
pagination bars along with other navigation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin

from selectolax.lexbor import LexborNode

_PAGE_LABEL = re.compile(r"^\s*(?:halaman|hal\.?|page)?\s*(\d{1,2})\s*$", re.IGNORECASE)
_NEXT_LABEL = re.compile(
    r"^\s*(?:selanjutnya|berikutnya|next|halaman\s+selanjutnya)\s*[»›>]*\s*$", re.IGNORECASE
)
_PAGED_HREF = re.compile(r"(?:[?&](?:page|hal|halaman)=\d+|/(?:all|\d{1,2})/?$)", re.IGNORECASE)
_PAGER_SELECTORS = ("[class*=paging]", "[class*=pagination]", "[class*=pagenav]", "[class*=halaman]")


@dataclass(frozen=True, slots=True)
class Pagination:
    pages: int = 1
    next_url: str | None = None


def find_pagination(scope: LexborNode | None, base_url: str | None) -> Pagination:
    if scope is None:
        return Pagination()
    numbered: dict[int, str] = {}
    next_url: str | None = None
    for pager in _pagers(scope):
        for link in pager.css("a[href]"):
            href = link.attributes.get("href") or ""
            label = link.text(strip=True)
            number = _PAGE_LABEL.match(label)
            if number and (_PAGED_HREF.search(href) or "halaman" in label.lower()):
                numbered.setdefault(int(number.group(1)), href)
            elif _NEXT_LABEL.match(label) and next_url is None:
                next_url = href
    if not numbered:
        return Pagination(1, _absolute(next_url, base_url))
    pages = max(*numbered, 1)
    return Pagination(pages, _absolute(next_url or numbered.get(2), base_url))


def _pagers(scope: LexborNode) -> list[LexborNode]:
    found = [node for selector in _PAGER_SELECTORS for node in scope.css(selector)]
    return found[:5] if found else []


def _absolute(href: str | None, base_url: str | None) -> str | None:
    if not href:
        return None
    return urljoin(base_url, href) if base_url else href
