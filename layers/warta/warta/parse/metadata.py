"""Page metadata: JSON-LD, meta tags, bylines. The title and the publication date, which weigh several of
these against each other, are chosen in titles.py and published.py."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .datelines import is_plausible, parse_iso

_ARTICLE_TYPES = {"NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting", "AnalysisNewsArticle"}
_UPDATED_META = ("article:modified_time", "og:updated_time", "dateModified", "last-modified")


def json_ld_article(tree: LexborHTMLParser) -> dict[str, Any]:
    """The first JSON-LD object typed as a news article, or {}."""
    for script in tree.css('script[type="application/ld+json"]'):
        try:
            data = json.loads(script.text(deep=True) or "null")
        except (ValueError, RecursionError):
            continue  # broken JSON-LD is common; the other sources still work
        for item in _walk_json_ld(data):
            kind = item.get("@type")
            kinds = set(kind) if isinstance(kind, list) else {kind}
            if kinds & _ARTICLE_TYPES:
                return item
    return {}


def _walk_json_ld(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _walk_json_ld(item)
    elif isinstance(data, dict):
        yield data
        graph = data.get("@graph")
        if isinstance(graph, list):
            yield from _walk_json_ld(graph)


def meta_tags(tree: LexborHTMLParser) -> dict[str, str]:
    """Meta tags by lower-cased name/property/itemprop; the first occurrence wins."""
    found: dict[str, str] = {}
    for node in tree.css("meta"):
        attrs = node.attributes
        name = attrs.get("property") or attrs.get("name") or attrs.get("itemprop")
        content = attrs.get("content")
        if name and content and name.lower() not in found:
            found[name.lower()] = content.strip()
    return found


def find_section(tree: LexborHTMLParser, ld: dict[str, Any], meta: dict[str, str]) -> str | None:
    """The desk the story ran under. Reads the breadcrumb, so it must run before boilerplate removal."""
    value = ld.get("articleSection")
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, str) and value.strip():
        return value.strip()
    if meta.get("article:section"):
        return meta["article:section"]
    crumbs = tree.css_first("[class*=breadcrumb]")
    if crumbs is not None:
        items = [a.text(strip=True) for a in crumbs.css("a")]
        items = [i for i in items if i and i.lower() not in ("home", "beranda", "index")]
        if items:
            return items[-1]
    return None


def find_tags(tree: LexborHTMLParser, ld: dict[str, Any], meta: dict[str, str]) -> tuple[str, ...]:
    """Topic tags from metadata (every article:tag, then keywords). Visible tag clouds are not read:
    they often mix in site-wide trending topics."""
    tags = [node.attributes.get("content") or "" for node in tree.css('meta[property="article:tag"]')]
    keywords = ld.get("keywords")
    if not tags and isinstance(keywords, list):
        tags = [k for k in keywords if isinstance(k, str)]
    elif not tags and isinstance(keywords, str):
        tags = keywords.split(",")
    if not tags:
        tags = (meta.get("news_keywords") or meta.get("keywords") or "").split(",")
    cleaned = (" ".join(t.split()) for t in tags)
    return tuple(dict.fromkeys(t for t in cleaned if t and len(t) <= 80))[:30]


def find_editor(ld: dict[str, Any], meta: dict[str, str]) -> str | None:
    editor = ld.get("editor")
    if isinstance(editor, list) and editor:
        editor = editor[0]
    if isinstance(editor, dict):
        editor = editor.get("name")
    if isinstance(editor, str) and editor.strip():
        return _LABELS.sub("", editor).strip()
    value = meta.get("editor") or meta.get("content_editor")
    return _LABELS.sub("", value).strip() if value else None


# Labels that bylines carry in front of names: "Penulis: A", "Reporter : B", "Oleh C".
_LABELS = re.compile(r"^(penulis|reporter|editor|pewarta|oleh|by|penyunting)\s*:?\s*", re.IGNORECASE)


def find_site(ld: dict[str, Any], meta: dict[str, str]) -> str | None:
    publisher = ld.get("publisher")
    if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
        return str(publisher["name"]).strip()
    return meta.get("og:site_name") or meta.get("application-name")


def find_updated(ld: dict[str, Any], meta: dict[str, str]) -> datetime | None:
    for value in [_as_str(ld.get("dateModified"))] + [meta.get(n.lower()) for n in _UPDATED_META]:
        if value:
            moment = parse_iso(value)
            if moment and is_plausible(moment):
                return moment
    return None


def find_authors(ld: dict[str, Any], meta: dict[str, str]) -> tuple[str, ...]:
    raw = ld.get("author")
    items = raw if isinstance(raw, list) else [raw] if raw else []
    names: Sequence[object] = [i.get("name") if isinstance(i, dict) else i for i in items]
    if not names:
        names = [meta[k] for k in ("author", "content_author", "dc.creator") if meta.get(k)][:1]
    return tuple(dict.fromkeys(_LABELS.sub("", n).strip() for n in names if isinstance(n, str) and n.strip()))


def leading_text(node: LexborNode, limit: int = 2000, separator: str = " ") -> str:
    """The first `limit` characters of a node's text, without materialising all of it: on a 25 MB
    page the headline's parent can be the whole body, and only its top matters here."""
    pieces: list[str] = []
    size = 0
    for item in node.traverse(include_text=True):
        if item.tag not in ("-text",) or item.parent is None or item.parent.tag in ("script", "style"):
            continue
        piece = (item.text_content or "").strip()
        if piece:
            pieces.append(piece)
            size += len(piece) + 1
            if size >= limit:
                break
    return separator.join(pieces)[:limit]


def _as_str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _text_of(node: LexborNode | None) -> str | None:
    return node.text(strip=True) if node is not None else None


_BYLINE = re.compile(
    r"^(?P<label>penulis|reporter|pewarta|editor|penyunting)\s*:\s*(?P<name>[^|:]{3,60})$", re.IGNORECASE
)


def find_bylines(header: LexborNode | None) -> tuple[tuple[str, ...], str | None]:
    """Writers and editor printed under the headline ("Penulis: A | Editor: B"), labels removed.
    Only the first lines of the header are read, so a byline in a teaser cannot leak in."""
    if header is None:
        return (), None
    writers: list[str] = []
    editor: str | None = None
    lines = leading_text(header, 1500, separator="\n").splitlines()[:40]
    for piece in (p.strip() for line in lines for p in line.split("|")):
        match = _BYLINE.match(piece)
        if not match:
            continue
        name = match["name"].strip()
        if match["label"].lower() in ("editor", "penyunting"):
            editor = editor or name
        else:
            writers.append(name)
    return tuple(dict.fromkeys(writers)), editor
