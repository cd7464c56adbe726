"""`parse`: the bytes of a news page -> an Article. Pure: no AWS, no OpenSearch."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .article import Article
from .body import body_confidence, extract_paragraphs, find_container, is_noise_line, strip_boilerplate
from .decode import decode_html
from .errors import EmptyDocument, NoArticle, NotHtml, ParseError, TooLarge
from .fallback import LOW_CONFIDENCE, fallback_paragraphs, is_better
from .media import find_image, find_image_caption
from .metadata import (
    find_authors,
    find_bylines,
    find_editor,
    find_section,
    find_site,
    find_tags,
    find_updated,
    json_ld_article,
    leading_text,
    meta_tags,
)
from .pages import find_pagination
from .published import find_published
from .story_dateline import Dateline, find_dateline
from .titles import agrees, find_title

__all__ = [
    "Article",
    "Dateline",
    "EmptyDocument",
    "NoArticle",
    "NotHtml",
    "ParseError",
    "TooLarge",
    "parse_article",
]


def parse_article(
    data: bytes,
    *,
    key: str = "",
    content_type: str | None = None,
    content_encoding: str | None = None,
    fallback: bool = True,
) -> Article:
    """Parse one page. Raises a ParseError subclass (with a `reason`) when it is not a news page.
    With `fallback`, a page whose body we cannot find, or doubt, gets trafilatura's second opinion."""
    html = decode_html(data, key=key, content_type=content_type, content_encoding=content_encoding)
    tree = LexborHTMLParser(html)
    root = tree.body
    if root is None:
        raise NoArticle("the page has no <body>: nothing to read the story from")
    ld = json_ld_article(tree)
    meta = meta_tags(tree)
    site = find_site(ld, meta)
    # Everything read from captions, breadcrumbs and pagers comes before the boilerplate pass removes them.
    section = find_section(tree, ld, meta)
    title, title_source = find_title(tree, ld, meta, site, section)
    url = _canonical_url(tree, ld, meta)
    headline = _headline_node(tree, title)
    published, published_source = find_published(tree, ld, meta, headline, url)
    byline_writers, byline_editor = find_bylines(_header_of(headline))
    caption = find_image_caption(root)
    pagination = find_pagination(root, url)
    strip_boilerplate(root)
    container = find_container(tree)
    text = extract_paragraphs(container) if container is not None else None
    paragraphs = text.paragraphs if text is not None else []
    confidence = body_confidence(paragraphs)
    extractor = "warta"
    fallback_missing = False
    if fallback and confidence < LOW_CONFIDENCE:
        second = fallback_paragraphs(html)
        fallback_missing = not second.available
        theirs = [p for p in second.paragraphs if not is_noise_line(p)]
        if is_better(paragraphs, theirs):
            paragraphs, extractor = theirs, "trafilatura"
            confidence = body_confidence(theirs)
    if not paragraphs:
        raise NoArticle(_refusal(fallback, fallback_missing))
    body = "\n\n".join(paragraphs)
    html_node = tree.css_first("html")
    return Article(
        title=title,
        body=body,
        published=published,
        published_source=published_source,
        updated=find_updated(ld, meta),
        url=url,
        site=site,
        language=(html_node.attributes.get("lang") if html_node is not None else None)
        or meta.get("language"),
        authors=find_authors(ld, meta) or byline_writers or (text.writers if text else ()),
        description=meta.get("description") or meta.get("og:description"),
        editor=find_editor(ld, meta) or byline_editor or (text.editor if text else None),
        section=section,
        tags=find_tags(tree, ld, meta),
        image=find_image(ld, meta),
        image_caption=caption,
        pages=pagination.pages,
        next_page_url=pagination.next_url,
        title_source=title_source,
        dateline=find_dateline(body, _outlet_names(site, url)),
        extractor=extractor,
        confidence=confidence,
    )


def _outlet_names(site: str | None, url: str | None) -> tuple[str, ...]:
    """The names a page's outlet goes by: its site name, and its host without "www" and the suffix."""
    host = urlsplit(url).hostname if url else None
    labels = [label for label in (host or "").split(".") if label not in ("www", "m", "amp")]
    return tuple(n for n in (site, labels[0] if labels else None) if n)


def _refusal(fallback: bool, fallback_missing: bool) -> str:
    """Why no body was found, worded for the person who reads `warta failures`."""
    reason = (
        "no story text: no run of paragraphs (<p>, or text split by <br>) of 25 characters or more "
        "outside navigation, related links and ads"
    )
    if not fallback:
        return reason + "; the fallback extractor was not asked"
    if fallback_missing:
        return (
            reason
            + "; the fallback extractor (trafilatura) is not installed, add the fallback layer to retry"
        )
    return (
        reason + ", and the fallback extractor (trafilatura) found none either. If the page is an article, "
        "its text is probably loaded by JavaScript: store the rendered HTML instead"
    )


def _headline_node(tree: LexborHTMLParser, title: str) -> LexborNode | None:
    """The element that prints the chosen headline; the page's own date line sits around it."""
    if not title:
        return tree.css_first("h1")
    # Headings first: a wrapper whose class says "title" also holds the headline, and more.
    for selector in ("h1, h2, h3", "[class*=title], [class*=headline], [class*=judul]"):
        for node in tree.css(selector)[:300]:
            if agrees(title, " ".join(node.text(separator=" ", strip=True).split())):
                return node
    return None  # no element prints the headline: better no date line than a logo's neighbourhood


def _header_of(h1: LexborNode | None) -> LexborNode | None:
    """The headline's surroundings, where a page prints its byline (never the related links)."""
    if h1 is None:
        return None
    headline = leading_text(h1, 500)
    node = h1.parent
    # Climb until the region holds some text besides the headline, but not the whole page.
    for _ in range(2):
        if node is None or node.parent is None:
            break
        if len(leading_text(node, len(headline) + 9)) > len(headline) + 8:
            break
        node = node.parent
    return node


def _canonical_url(tree: LexborHTMLParser, ld: dict[str, Any], meta: dict[str, str]) -> str | None:
    link = tree.css_first('link[rel="canonical"]')
    if link is not None and link.attributes.get("href"):
        return link.attributes["href"]
    url = ld.get("url") or meta.get("og:url")
    return url if isinstance(url, str) else None
