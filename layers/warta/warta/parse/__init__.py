"""`parse`: the bytes of a news page -> an Article. Pure: no AWS, no OpenSearch."""

from __future__ import annotations

from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .article import Article
from .body import extract_paragraphs, find_container, strip_boilerplate
from .decode import decode_html
from .errors import EmptyDocument, NoArticle, NotHtml, ParseError, TooLarge
from .media import find_image, find_image_caption
from .metadata import (
    find_authors,
    find_bylines,
    find_editor,
    find_published,
    find_section,
    find_site,
    find_tags,
    find_title,
    find_updated,
    json_ld_article,
    leading_text,
    meta_tags,
)
from .pages import find_pagination

__all__ = ["Article", "EmptyDocument", "NoArticle", "NotHtml", "ParseError", "TooLarge", "parse_article"]


def parse_article(data: bytes, *, key: str = "", content_type: str | None = None,
                  content_encoding: str | None = None) -> Article:
    """Parse one page. Raises a ParseError subclass (with a `reason`) when it is not a news page."""
    html = decode_html(data, key=key, content_type=content_type, content_encoding=content_encoding)
    tree = LexborHTMLParser(html)
    root = tree.body
    if root is None:
        raise NoArticle("the page has no <body>")
    ld = json_ld_article(tree)
    meta = meta_tags(tree)
    site = find_site(ld, meta)
    # Everything read from captions, breadcrumbs and pagers comes before the boilerplate pass removes them.
    section = find_section(tree, ld, meta)
    title = find_title(tree, ld, meta, site, section)
    url = _canonical_url(tree, ld, meta)
    header = _header_of(tree, title)
    published, published_source = find_published(tree, ld, meta, header, url)
    byline_writers, byline_editor = find_bylines(header)
    caption = find_image_caption(root)
    pagination = find_pagination(root, url)
    strip_boilerplate(root)
    container = find_container(tree)
    text = extract_paragraphs(container) if container is not None else None
    if text is None or not text.paragraphs:
        raise NoArticle("no paragraphs of story text")
    html_node = tree.css_first("html")
    return Article(
        title=title,
        body="\n\n".join(text.paragraphs),
        published=published,
        published_source=published_source,
        updated=find_updated(ld, meta),
        url=url,
        site=site,
        language=(html_node.attributes.get("lang") if html_node is not None else None) or meta.get("language"),
        authors=find_authors(ld, meta) or byline_writers or text.writers,
        description=meta.get("description") or meta.get("og:description"),
        editor=find_editor(ld, meta) or byline_editor or text.editor,
        section=section,
        tags=find_tags(tree, ld, meta),
        image=find_image(ld, meta),
        image_caption=caption,
        pages=pagination.pages,
        next_page_url=pagination.next_url,
    )


def _header_of(tree: LexborHTMLParser, title: str) -> LexborNode | None:
    """The headline's surroundings, where a page prints its own dateline (never the related links)."""
    h1 = tree.css_first("h1") or _element_with_text(tree, title)
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


def _element_with_text(tree: LexborHTMLParser, text: str) -> LexborNode | None:
    """The heading that prints `text`, for templates that set their headline in an <h2> or a <div>."""
    if not text:
        return None
    for node in tree.css("h2, h3, [class*=title], [class*=headline]")[:200]:
        if node.text(strip=True) == text:
            return node
    return None


def _canonical_url(tree: LexborHTMLParser, ld: dict[str, Any], meta: dict[str, str]) -> str | None:
    link = tree.css_first('link[rel="canonical"]')
    if link is not None and link.attributes.get("href"):
        return link.attributes["href"]
    url = ld.get("url") or meta.get("og:url")
    return url if isinstance(url, str) else None
