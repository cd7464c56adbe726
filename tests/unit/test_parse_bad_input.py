"""Hostile and broken input: every case ends in a typed ParseError or a well-formed Article.

No timing assertions here (they flake); the work caps in `parse` are what keep these fast.
"""

from __future__ import annotations

import gzip
import struct
import zlib

import pytest
from warta.parse import Article, EmptyDocument, NoArticle, NotHtml, ParseError, TooLarge, parse_article
from warta.parse.decode import MAX_HTML_BYTES

PARAGRAPH = "Jakarta - Warga kampung menggelar kerja bakti membersihkan saluran air menjelang musim hujan."


def _page(body: str, head: str = "<title>Kerja Bakti Warga Kampung</title>") -> bytes:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>".encode()


def _png() -> bytes:
    header = b"\x89PNG\r\n\x1a\n"
    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    chunk = struct.pack(">I", len(ihdr)) + b"IHDR" + ihdr + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
    return header + chunk + b"\x00" * 64


def _is_well_formed(article: Article) -> bool:
    return (
        isinstance(article.title, str)
        and isinstance(article.body, str)
        and (article.published is None or article.published.tzinfo is not None)
    )


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"", EmptyDocument),
        (b"   \n\t  ", EmptyDocument),
        (_png(), NotHtml),
        (b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF", NotHtml),
        (b'{"title": "bukan halaman", "items": [1, 2, 3]}', NotHtml),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", NotHtml),
        (b"<script>var iklan = true;</script>", NotHtml),
    ],
)
def test_non_pages_are_refused_with_a_reason(data: bytes, error: type[ParseError]) -> None:
    with pytest.raises(error) as caught:
        parse_article(data)
    assert caught.value.reason in ("empty", "not-html")
    assert str(caught.value)


def test_content_type_json_is_refused_even_when_it_looks_like_markup() -> None:
    with pytest.raises(NotHtml):
        parse_article(_page(f"<p>{PARAGRAPH}</p>"), content_type="application/json")


def test_a_page_without_body_text_is_no_article() -> None:
    with pytest.raises(NoArticle) as caught:
        parse_article(b"<html><head><title>Hanya Judul Saja</title></head></html>")
    assert caught.value.reason == "no-article"


def test_a_page_of_only_scripts_and_styles_is_no_article() -> None:
    with pytest.raises(NoArticle):
        parse_article(_page("<script>var a = 1;</script><style>p { color: red }</style>"))


def test_truncated_html_still_gives_the_text_that_arrived() -> None:
    data = _page(f"<h1>Kerja Bakti Warga Kampung</h1><p>{PARAGRAPH}</p><p>Ketua RT mengatakan")[:-30]
    article = parse_article(data)
    assert article.title == "Kerja Bakti Warga Kampung"
    assert article.body.startswith("Jakarta - Warga kampung")


def test_ten_thousand_nested_divs_do_not_crash() -> None:
    data = _page("<div>" * 10_000 + f"<p>{PARAGRAPH}</p>" + "</div>" * 10_000)
    try:
        article = parse_article(data)
    except ParseError as exc:
        assert exc.reason == "no-article"
    else:
        assert _is_well_formed(article)


def test_a_25_mb_page_is_parsed_with_a_bounded_body() -> None:
    paragraph = f"<p>{PARAGRAPH}</p>\n"
    repeats = 25 * 1024 * 1024 // len(paragraph) + 1
    data = _page("<h1>Kerja Bakti Warga Kampung</h1>" + paragraph * repeats)
    assert len(data) > 25 * 1024 * 1024
    article = parse_article(data)
    assert article.title == "Kerja Bakti Warga Kampung"
    assert 0 < len(article.body) < 1_000_000


def test_over_the_size_limit_is_too_large() -> None:
    with pytest.raises(TooLarge) as caught:
        parse_article(b"<html><body><p>" + b"a" * (MAX_HTML_BYTES + 1))
    assert caught.value.reason == "too-large"


def test_a_gzip_bomb_stops_at_the_limit() -> None:
    bomb = gzip.compress(b"<html><body><p>" + b" " * (MAX_HTML_BYTES + 1024), compresslevel=9)
    with pytest.raises(TooLarge):
        parse_article(bomb, key="bom.html.gz")


def test_corrupt_gzip_is_not_html() -> None:
    with pytest.raises(NotHtml):
        parse_article(b"\x1f\x8b\x08\x00garbage-not-deflate", content_encoding="gzip")


def test_an_english_page_gives_a_well_formed_article() -> None:
    data = _page(
        "<h1>City Council Approves New Bus Lanes</h1><p>The city council voted on Tuesday to add "
        "dedicated bus lanes along the main avenue, officials said.</p>",
        head="<title>City Council Approves New Bus Lanes - Daily Example</title>",
    )
    article = parse_article(data)
    assert article.title == "City Council Approves New Bus Lanes"
    assert article.body.startswith("The city council voted")
    assert article.published is None
