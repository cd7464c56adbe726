"""The article body: find the container that holds the story, then keep its paragraphs and drop the noise
Indonesian news sites put between them (related links, photo credits, ads, editor lines, copyright)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .story_dateline import find_dateline, is_bare_dateline

# Whole elements that never hold the story.
_DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "iframe",
    "form",
    "nav",
    "footer",
    "aside",
    "figure",
    "figcaption",
    "button",
    "svg",
    "select",
    "input",
    "template",
    "video",
    "audio",
    "picture",
)
# class/id words of boilerplate containers. Matched on whole words of the attribute value.
_BOILERPLATE = re.compile(
    r"(?<![^\s_-])(share|sharing|social|sosmed|related|terkait|populer|popular|terpopuler|trending|"
    r"comment|comments|komentar|ads?|advert\w*|iklan|banner|newsletter|tags?|breadcrumbs?|footer|"
    r"nav|navbar|menu|caption|credit|teaser|recommend\w*|rekomendasi|lainnya|sidebar|widget|promo|"
    r"subscribe|copyright|baca-?juga|lihat-?juga|img-?title|photo-?credit|author-box|editor)"
    r"(?![^\s_-])",
    re.IGNORECASE,
)  # whole words: separators or the ends of the attribute around them
_BLOCK_TAGS = {
    "p",
    "div",
    "section",
    "article",
    "blockquote",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "table",
    "tr",
    "td",
    "main",
    "header",
    "dl",
    "dd",
    "pre",
}
_SKIP_IN_BODY = {"h1", "table", "ul", "ol"}  # the headline is the title; lists here are link lists
# Inline elements: inside a paragraph they are part of the sentence, whatever their class says
# (a link to a tag page around a word of the story, classed "tag-link", is not a tag list).
_INLINE_TAGS = {"a", "span", "strong", "b", "em", "i", "u", "mark", "abbr", "small", "sup", "sub", "font"}
# Boilerplate words that some templates also give the element holding the story ("teaser", "lead
# container"): such an element is kept when it holds prose.
_SOFT_BOILERPLATE = {"teaser", "promo", "widget"}
_PROSE_CHARS = 400
_HEADINGS = {"h2", "h3", "h4", "h5", "h6"}
# Classes of the summary some templates print above the story ("subtitle", "excerpt", "ringkasan"): not
# the lead when they come first. ("lead" itself is left out: some templates class the first paragraph so.)
_STANDFIRST = re.compile(
    r"(?<![^\s_-])(sub-?title|sub-?judul|standfirst|excerpt|summary|ringkasan|deck|kicker|"
    r"strapline|sub-?head(?:line)?)(?![^\s_-])",
    re.IGNORECASE,
)
_IMAGE_TAGS = ("img", "amp-img", "picture")
_MAX_CAPTION_CHARS = 250

_NOISE_LINE = re.compile(
    r"^\s*(?:"
    r"(?:baca|lihat|simak|tonton|cek|dengarkan)\s+(?:juga|pula|selengkapnya|berita)\b"
    r"|(?:baca|lihat|simak|tonton)\s*:"
    r"|(?:artikel|berita|video)\s+(?:terkait|lainnya|pilihan|rekomendasi|populer|terpopuler)\b"
    r"|(?:editor|penulis|pewarta|reporter|sumber|foto|editor foto|penyunting|redaktur|red|kontributor|"
    r"fotografer|ilustrasi|pilihan editor)\s*:"
    r"|scroll to (?:resume|continue)"
    r"|advertisement\b|iklan\b"
    r"|gambas:"
    r"|\(\s*[\w .]+/[\w .]+\)\s*$"  # photo credits "(Nama/detikcom)"
    r"|[\[(]\s*[a-z]{2,4}\s*[\])]\s*$"  # desk initials closing a story: "[yan]", "(nag)"
    r"|artikel ini telah (?:tayang|terbit)"
    r")",
    re.IGNORECASE,
)
# Lines widgets print into the article: notifications, app prompts, galleries, players. Only short
# lines: a story sentence may start with the same words.
_WIDGET_LINE = re.compile(
    r"^\s*(?:"
    r"(?:aktifkan|izinkan|nyalakan|dapatkan)\s+(?:notifikasi|pemberitahuan|update|berita|info)"
    r"|(?:klik|tekan|ketuk)\s+(?:di ?sini|tombol|untuk)"
    r"|(?:unduh|download)\s+(?:aplikasi|app)"
    r"|(?:ikuti|follow)\s+(?:kami|berita|channel|saluran|whatsapp|google news)"
    r"|(?:lihat|buka)\s+(?:foto|galeri|video)\b"
    r"|(?:foto|gambar|slide)\s+\d+\s+(?:dari|of)\s+\d+"
    r"|loading\b"
    r")",
    re.IGNORECASE,
)
_MAX_WIDGET_LINE = 120
# A label on a line of its own, with the related headlines on the lines after it.
_RELATED_LABEL = re.compile(
    r"^(?:(?:baca|lihat|simak|tonton)(?:\s+(?:juga|pula))?|(?:artikel|berita)\s+(?:terkait|lainnya|pilihan))"
    r"\s*:?$",
    re.IGNORECASE,
)
_MAX_RELATED_AFTER_LABEL = 3
_ENDS_WITH_PERIOD = re.compile(r"\.[\"'”’)]?\s*$")  # a sentence, quoted or not; headlines end otherwise
_MAX_HEADLINE_CHARS = 150
_COPYRIGHT = re.compile(r"(?:©|\bcopyright\b|hak cipta|all rights reserved)", re.IGNORECASE)
_CUT_LINK = re.compile(r"\s*\[\s*(?:baca|lihat|simak)\s+(?:juga|pula)\b[^\]]*(?:\]|$)", re.IGNORECASE)
_SENTENCE_END = re.compile(r"""[.!?"'”’)\]:]\s*$""")


@dataclass(slots=True)
class _Block:
    text: str
    link_chars: int
    tag: str = ""  # the innermost block element the text was written in
    marker: str = ""  # that element's class and id


def strip_boilerplate(root: LexborNode) -> None:
    """Remove, in place, elements that never hold the story."""
    _strip_image_captions(root)
    for tag in _DROP_TAGS:
        for node in root.css(tag):
            node.decompose()
    for node in root.css("[class], [id]"):
        attrs = node.attributes
        marker = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
        words = {m.group(1).lower() for m in _BOILERPLATE.finditer(marker)}
        if not words or node.tag in ("body", "html"):
            continue
        if node.tag in _INLINE_TAGS and node.parent is not None and node.parent.tag == "p":
            continue
        if words <= _SOFT_BOILERPLATE and _holds_prose(node):
            continue  # "teaser-content" holding the story; "widget comments" still goes
        node.decompose()


def _holds_prose(node: LexborNode) -> bool:
    """Long text that is mostly not links: story text, not a list of teasers."""
    text = node.text(strip=True)
    if len(text) < _PROSE_CHARS:
        return False
    links = sum(len(a.text(strip=True)) for a in node.css("a"))
    return links < 0.3 * len(text) and len(re.findall(r"[.!?]", text)) >= 3


def _strip_image_captions(root: LexborNode) -> None:
    """A photo's credit or caption sits in the image's own wrapper, or in the element right after
    it; either is short and is not a paragraph. Neither is story text."""
    seen: set[int] = set()
    for image in root.css(",".join(_IMAGE_TAGS))[:200]:
        wrapper = image.parent
        while wrapper is not None and wrapper.tag in _INLINE_TAGS | {"amp-img", "picture", "noscript"}:
            wrapper = wrapper.parent
        if wrapper is None or wrapper.tag in ("body", "html", "p") or wrapper.mem_id in seen:
            continue
        seen.add(wrapper.mem_id)
        text = wrapper.text(strip=True)
        if wrapper.css_first("p") is None and len(text) <= _MAX_CAPTION_CHARS:
            following = _next_element(wrapper)
            if text:
                wrapper.decompose()
            elif (
                following is not None
                and following.tag in ("div", "span", "small", "figcaption")
                and following.css_first("p, img") is None
                and 0 < len(following.text(strip=True)) <= _MAX_CAPTION_CHARS
                and find_dateline(following.text(strip=True)) is None
            ):
                following.decompose()


def _next_element(node: LexborNode) -> LexborNode | None:
    sibling = node.next
    while (
        sibling is not None
        and sibling.tag in ("-text", "-comment")
        and not (sibling.text_content or "").strip()
    ):
        sibling = sibling.next
    return sibling if sibling is not None and sibling.tag not in ("-text", "-comment") else None


def find_container(tree: LexborHTMLParser) -> LexborNode | None:
    """The element whose paragraphs carry the most text (parents score in full, grandparents half).
    Text set directly in an element between <br>s counts as that element's paragraphs: some templates
    print the story so, with <p> only in the lists around it."""
    for selector in ('[itemprop="articleBody"]',):
        node = tree.css_first(selector)
        if node is not None:
            return node
    scores: dict[int, tuple[float, LexborNode]] = {}

    def credit(node: LexborNode | None, length: int) -> None:
        for weight in (1.0, 0.5):
            if node is None:
                break
            score, _ = scores.get(node.mem_id, (0.0, node))
            scores[node.mem_id] = (score + length * weight, node)
            node = node.parent

    for count, p in enumerate(tree.css("p")):
        if count >= MAX_SCORED_PARAGRAPHS:
            break
        length = len(p.text(strip=True))
        if length >= 25:
            credit(p.parent, length)
    broken: set[int] = set()
    for count, br in enumerate(tree.css("br")):
        if count >= MAX_SCORED_PARAGRAPHS:
            break
        holder = br.parent
        if holder is None or holder.tag == "p" or holder.mem_id in broken:
            continue  # a <p>'s own text is counted above
        broken.add(holder.mem_id)
        runs = _direct_text_runs(holder)
        if len(runs) >= 2 and sum(runs) >= _MIN_BROKEN_TEXT:
            # A holder among sibling <div>s that are paragraphs themselves is one of the story's
            # paragraphs: the story is their parent.
            credit(holder.parent if _among_div_paragraphs(holder) else holder, sum(runs))
    if not scores:
        return tree.body
    return max(scores.values(), key=lambda item: item[0])[1]


def _direct_text_runs(node: LexborNode) -> list[int]:
    """Lengths of the paragraphs set directly in `node` (text and inline children, cut at each <br>),
    those of 25 characters or more. One run after a <br> is a paragraph, not a <br>-split story."""
    runs: list[int] = []
    length = 0
    child = node.child
    while child is not None:
        if child.tag == "-text":
            length += len((child.text_content or "").strip())
        elif child.tag in _INLINE_TAGS:
            length += len(child.text(strip=True))
        elif child.tag == "br":
            runs.append(length)
            length = 0
        child = child.next
    runs.append(length)
    return [r for r in runs if r >= 25]


_MIN_BROKEN_TEXT = 200


def _among_div_paragraphs(node: LexborNode) -> bool:
    """Whether a sibling of `node` is a <div> used as a paragraph: text, and no blocks inside."""
    parent = node.parent
    if parent is None or parent.tag in ("body", "html"):
        return False
    child = parent.child
    while child is not None:
        if (
            child is not node
            and child.mem_id != node.mem_id
            and child.tag == "div"
            and len(child.text(strip=True)) >= 25
            and not any(c.tag in _BLOCK_TAGS for c in child.iter(include_text=False))
        ):
            return True
        child = child.next
    return False


# Work caps: a 25 MB page or a pathological tree must cost bounded time, whatever its shape.
MAX_SCORED_PARAGRAPHS = 4000
MAX_WALKED_NODES = 150_000
MAX_BODY_CHARS = 200_000

_NEXT_LABEL = re.compile(
    r"\b(?P<label>editor|penulis|pewarta|reporter|penyunting|redaktur|red|kontributor)\s*:", re.IGNORECASE
)


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
    dateline = ""  # a dateline printed apart from the first paragraph, waiting for it
    related = 0  # headlines still expected after a "Baca juga:" label printed on a line of its own
    for block in _collect(container):
        text = _CUT_LINK.sub("", " ".join(block.text.split())).strip()
        if not text:
            continue
        if _RELATED_LABEL.match(text):
            related = _MAX_RELATED_AFTER_LABEL
            continue
        if related and len(text) <= _MAX_HEADLINE_CHARS and not _ENDS_WITH_PERIOD.search(text):
            related -= 1
            continue  # a headline listed under the label, linked or not
        related = 0
        if not result.paragraphs and not dateline and is_bare_dateline(text):
            dateline = text
            continue
        if not result.paragraphs and (block.tag in _HEADINGS or _STANDFIRST.search(block.marker)):
            continue  # a kicker or standfirst above the story, or its first section's title: not the lead
        if _is_noise(text, block.link_chars) or (not result.paragraphs and _is_leading_label(text)):
            _note_credits(text, result, writers)
            continue
        if dateline:
            text, dateline = f"{dateline} {text}", ""
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
        name = _COPYRIGHT_TAIL.sub("", text[match.end() : end]).strip(" |,;-")
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
            current = _Block("", 0, (node.tag or "") if node is not None else "", _marker(node))
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


def _marker(node: LexborNode | None) -> str:
    if node is None:
        return ""
    attrs = node.attributes
    return f"{attrs.get('class') or ''} {attrs.get('id') or ''}"


def _push_children(node: LexborNode, stack: list[LexborNode | None]) -> None:
    children = []
    child = node.child
    while child is not None:
        children.append(child)
        child = child.next
    stack.extend(reversed(children))


def is_noise_line(text: str) -> bool:
    """The same judgement for a line of text from elsewhere (the fallback's paragraphs)."""
    return _is_noise(text, 0)


def _is_noise(text: str, link_chars: int) -> bool:
    if _NOISE_LINE.search(text) or (_COPYRIGHT.search(text) and len(text) < 200):
        return True
    if len(text) < _MAX_WIDGET_LINE and _WIDGET_LINE.search(text):
        return True
    if link_chars and link_chars >= 0.6 * len(text):
        return True  # a paragraph that is one link: a related-article or ad link
    return _looks_like_headline(text)


def _is_leading_label(text: str) -> bool:
    """Before the story's first sentence: a short line that is no sentence (a gallery label, a
    widget's placeholder, a kicker) is not the lead. Datelines are handled before this."""
    return len(text) < 80 and not _SENTENCE_END.search(text) and find_dateline(text) is None


def body_confidence(paragraphs: list[str]) -> float:
    """How much the extracted body looks like a story, in [0, 1]: enough text, in several
    paragraphs, most of them ending as sentences do. Low values send the page to the fallback."""
    if not paragraphs:
        return 0.0
    chars = sum(len(p) for p in paragraphs)
    sentences = sum(1 for p in paragraphs if _SENTENCE_END.search(p)) / len(paragraphs)
    length = min(1.0, chars / 1200)
    count = min(1.0, len(paragraphs) / 4)
    return round(0.5 * length + 0.2 * count + 0.3 * sentences, 3)


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
