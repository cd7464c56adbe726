"""The lead image and its caption, kept apart from the body (which never carries captions)."""

from __future__ import annotations

from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

_CAPTION_SELECTORS = (
    "figure figcaption",
    "[class*=caption]",
    "[class*=img_title]",
    "[class*=img-title]",
    "[class*=keterangan]",
)


def find_image(ld: dict[str, Any], meta: dict[str, str]) -> str | None:
    for value in (meta.get("og:image"), meta.get("twitter:image"), _ld_image(ld.get("image"))):
        if value and value.strip():
            return value.strip()
    return None


def find_image_caption(scope: LexborNode | LexborHTMLParser | None) -> str | None:
    """The first photo caption on the page. Must run before the boilerplate pass removes captions."""
    if scope is None:
        return None
    for selector in _CAPTION_SELECTORS:
        node = scope.css_first(selector)
        if node is not None:
            text = " ".join(node.text(separator=" ", strip=True).split())
            if 3 <= len(text) <= 400:
                return text
    return None


def _ld_image(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, list) and value:
        return _ld_image(value[0])
    if isinstance(value, dict):
        url = value.get("url") or value.get("contentUrl")
        return url if isinstance(url, str) else None
    return None
