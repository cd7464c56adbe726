"""The article body: find the container that holds the story, then keep its paragraphs and drop the noise
Indonesian news sites put between them (related links, photo credits, ads, editor lines, copyright)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

# Whole elements that never hold the story.
_DROP_TAGS = ("script", "style", "noscript", "iframe", "form", "nav", "footer", "aside", "figure",
              "figcaption", "button", "svg", "select", "input", "template", "video", "audio", "picture")
# class/id words of boilerplate containers. Matched on whole words of the attribute value.
_BOILERPLATE = re.compile(
    r"(?:^|[\s_-])(share|sharing|social|sosmed|related|terkait|populer|popular|terpopuler|trending|"
    r"comment|comments|komentar|ads?|advert\w*|iklan|banner|newsletter|tags?|breadcrumbs?|footer|"
    r"nav|navbar|menu|caption|credit|teaser|recommend\w*|rekomendasi|lainnya|sidebar|widget|promo|"
    r"subscribe|copyright|baca-?juga|lihat-?juga|img-?title|photo-?credit|author-box|editor)"
    r"(?:$|[\s_-])", re.I)
_BLOCK_TAGS = {"p", "div", "section", "article", "blockquote", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
               "li", "table", "tr", "td", "main", "header", "dl", "dd", "pre"}
_SKIP_IN_BODY = {"h1", "table", "ul", "ol"}  # the headline is the title; lists here are link lists

_NOISE_LINE = re.compile(
    r"^\s*(?:"
    r"(?:baca|lihat|simak|tonton|cek|dengarkan)\s+(?:juga|pula|selengkapnya|berita)\b"
    r"|(?:editor|penulis|pewarta|reporter|sumber|foto|editor foto|penyunting|redaktur|kontributor|"
    r"fotografer|ilustrasi|pilihan editor)\s*:"
    r"|scroll to (?:resume|continue)"
    r"|advertisement\b|iklan\b"
    r"|gambas:"
    r"|\(\s*[\w .]+/[\w .]+\)\s*$"  # photo credits "(Nama/detikcom)"
    r"|artikel ini telah (?:tayang|terbit)"
    r")", re.I)
_COPYRIGHT = re.compile(r"(?:©|\bcopyright\b|hak cipta|all rights reserved)", re.I)
_CUT_LINK = re.compile(r"\s*\[\s*(?:baca|lihat|simak)\s+(?:juga|pula)\b[^\]]*(?:\]|$)", re.I)
_SENTENCE_END = re.compile(r"""[.!?"'”’)\]:]\s*$""")


@dataclass(slots=True)
class _Block:
    text: str
    link_chars: int


def strip_boilerplate(root: LexborNode) -> None:
    """Remove, in place, elements that never hold the story."""
    for tag in _DROP_TAGS:
        for node in root.css(tag):
            node.decompose()
    for node in root.css("[class], [id]"):
        attrs = node.attributes
        marker = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
        if _BOILERPLATE.search(marker) and node.tag not in ("body", "html"):
            node.decompose()


def find_container(tree: LexborHTMLParser) -> LexborNode | None:
    """The element whose paragraphs carry the most text (parents score in full, grandparents half)."""
    for selector in ('[itemprop="articleBody"]',):
        node = tree.css_first(selector)
        if node is not None:
            return node
    scores: dict[int, tuple[float, LexborNode]] = {}
    for p in tree.css("p"):
        length = len(p.text(strip=True))
        if length < 25:
            continue
        parent = p.parent
        for weight in (1.0, 0.5):
            if parent is None:
                break
            key = parent.mem_id
            score, _ = scores.get(key, (0.0, parent))
            scores[key] = (score + length * weight, parent)
            parent = parent.parent
    if not scores:
        return tree.body
    return max(scores.values(), key=lambda item: item[0])[1]


def extract_paragraphs(container: LexborNode) -> list[str]:
    blocks: list[_Block] = []
    _collect(container, blocks, [_Block("", 0)])
    paragraphs = []
    for block in blocks:
        text = _CUT_LINK.sub("", " ".join(block.text.split())).strip()
        if text and not _is_noise(text, block.link_chars):
            paragraphs.append(text)
    return paragraphs


def _collect(node: LexborNode, blocks: list[_Block], current: list[_Block]) -> None:
    """Walk in document order; inline content accumulates into the current block, block elements
    close it. `current` is a one-item list so that recursion can replace the open block."""
    child = node.child
    while child is not None:
        tag = child.tag
        if tag == "-text":
            current[0].text += child.text_content or ""
        elif tag in _SKIP_IN_BODY:
            pass
        elif tag in _BLOCK_TAGS:
            _flush(blocks, current)
            _collect(child, blocks, current)
            _flush(blocks, current)
        elif tag == "br":
            current[0].text += "\n"
        elif tag == "a":
            text = child.text(deep=True) or ""
            current[0].text += text
            current[0].link_chars += len(text.strip())
        elif tag not in ("-comment", "img"):
            _collect(child, blocks, current)
        child = child.next


def _flush(blocks: list[_Block], current: list[_Block]) -> None:
    if current[0].text.strip():
        blocks.append(current[0])
    current[0] = _Block("", 0)


def _is_noise(text: str, link_chars: int) -> bool:
    if _NOISE_LINE.search(text) or (_COPYRIGHT.search(text) and len(text) < 200):
        return True
    if link_chars and link_chars >= 0.6 * len(text):
        return True  # a paragraph that is one link: a related-article or ad link
    return _looks_like_headline(text)


def _looks_like_headline(text: str) -> bool:
    """Short, unpunctuated and mostly Capitalised: a headline of another article or an ad
    injected between paragraphs. Story paragraphs end with punctuation."""
    if len(text) > 120 or _SENTENCE_END.search(text):
        return False
    words = re.findall(r"[^\W\d_]+", text)
    if len(words) < 3:
        return len(text) < 40
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised >= 0.6 * len(words)
