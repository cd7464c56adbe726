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
    r"(?:$|[\s_-])", re.IGNORECASE)
_BLOCK_TAGS = {"p", "div", "section", "article", "blockquote", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
               "li", "table", "tr", "td", "main", "header", "dl", "dd", "pre"}
_SKIP_IN_BODY = {"h1", "table", "ul", "ol"}  # the headline is the title; lists here are link lists

_NOISE_LINE = re.compile(
    r"^\s*(?:"
    r"(?:baca|lihat|simak|tonton|cek|dengarkan)\s+(?:juga|pula|selengkapnya|berita)\b"
    r"|(?:editor|penulis|pewarta|reporter|sumber|foto|editor foto|penyunting|redaktur|red|kontributor|"
    r"fotografer|ilustrasi|pilihan editor)\s*:"
    r"|scroll to (?:resume|continue)"
    r"|advertisement\b|iklan\b"
    r"|gambas:"
    r"|\(\s*[\w .]+/[\w .]+\)\s*$"  # photo credits "(Nama/detikcom)"
    r"|[\[(]\s*[a-z]{2,4}\s*[\])]\s*$"  # desk initials closing a story: "[yan]", "(nag)"
    r"|artikel ini telah (?:tayang|terbit)"
    r")", re.IGNORECASE)
_COPYRIGHT = re.compile(r"(?:©|\bcopyright\b|hak cipta|all rights reserved)", re.IGNORECASE)
_CUT_LINK = re.compile(r"\s*\[\s*(?:baca|lihat|simak)\s+(?:juga|pula)\b[^\]]*(?:\]|$)", re.IGNORECASE)
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
    for count, p in enumerate(tree.css("p")):
        if count >= MAX_SCORED_PARAGRAPHS:
            break
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


# Work caps: a 25 MB page or a pathological tree must cost bounded time, whatever its shape.
MAX_SCORED_PARAGRAPHS = 4000
MAX_WALKED_NODES = 150_000
MAX_BODY_CHARS = 200_000

_NEXT_LABEL = re.compile(r"\b(?P<label>editor|penulis|pewarta|reporter|penyunting|redaktur|red|kontributor)\s*:", re.IGNORECASE)


@dataclass(slots=True)
class BodyText:
    """The story's paragraphs, plus the staff credits found (and removed) at its foot."""

    paragraphs: list[str]
    editor: str | None = None
    writers: tuple[str, ...] = ()


def extract_paragraphs(container: LexborNode) -> BodyText:
    result = BodyText([])
    writers: list[str] = []
    total = 0
    for block in _collect(container):
        text = _CUT_LINK.sub("", " ".join(block.text.split())).strip()
        if not text:
            continue
        if _is_noise(text, block.link_chars):
            _note_credits(text, result, writers)
            continue
        result.paragraphs.append(text)
        total += len(text)
        if total > MAX_BODY_CHARS:
            break
    result.writers = tuple(dict.fromkeys(writers))
    return result


def _note_credits(text: str, result: BodyText, writers: list[str]) -> None:
    """ "Pewarta: A Editor: B" -> writers [A], editor B. Only short lines: a credit is never prose."""
    if len(text) > 160:
        return
    labels = list(_NEXT_LABEL.finditer(text))
    for i, match in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(text)
        name = _COPYRIGHT_TAIL.sub("", text[match.end():end]).strip(" |,;-")
        if not name or len(name) > 60:
            continue
        if match["label"].lower() in ("editor", "penyunting", "redaktur", "red"):
            result.editor = result.editor or name
        else:
            writers.append(name)


_COPYRIGHT_TAIL = re.compile(r"\s*(?:©|copyright\b|hak cipta).*$", re.IGNORECASE)


def _collect(container: LexborNode) -> list[_Block]:
    """Walk in document order without recursion (deeply nested markup must not overflow the stack):
    inline content accumulates into the open block, block elements close it."""
    blocks: list[_Block] = []
    current = _Block("", 0)
    # The stack holds nodes still to visit, and None as a "close the open block here" marker.
    stack: list[LexborNode | None] = []
    _push_children(container, stack)
    walked = 0
    while stack and walked < MAX_WALKED_NODES:
        node = stack.pop()
        walked += 1
        if node is None or node.tag in _BLOCK_TAGS:
            if current.text.strip():
                blocks.append(current)
            current = _Block("", 0)
            if node is not None and node.tag not in _SKIP_IN_BODY:
                stack.append(None)
                _push_children(node, stack)
            continue
        tag = node.tag
        if tag == "-text":
            current.text += node.text_content or ""
        elif tag == "br":
            if current.text.rstrip(" \t\xa0").endswith("\n"):
                # Two line breaks in a row: templates that separate paragraphs with <br><br>.
                if current.text.strip():
                    blocks.append(current)
                current = _Block("", 0)
            else:
                current.text += "\n"
        elif tag == "a":
            text = node.text(deep=True) or ""
            current.text += text
            current.link_chars += len(text.strip())
        elif tag in _SKIP_IN_BODY:
            continue
        elif tag not in ("-comment", "img"):
            _push_children(node, stack)
    if current.text.strip():
        blocks.append(current)
    return blocks


def _push_children(node: LexborNode, stack: list[LexborNode | None]) -> None:
    children = []
    child = node.child
    while child is not None:
        children.append(child)
        child = child.next
    stack.extend(reversed(children))


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
