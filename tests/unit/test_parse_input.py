"""Input handling: gzip in its three disguises, and encodings as pages really declare them."""

from __future__ import annotations

import gzip

import pytest
from warta.parse import parse_article

TITLE = "Kafe “Hijau” di Bandung Raih Penghargaan — Warga Senang"
BODY = "Bandung – Pemilik kafe, Rénata, menyebut sedotan plastik sudah dihapus sejak awal tahun ini."


def _page(charset: str) -> str:
    return (
        f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
        f"</head><body><h1>{TITLE}</h1><p>{BODY}</p></body></html>"
    )


@pytest.mark.parametrize("how", ["magic", "header", "key"])
def test_gzip_is_detected_by_magic_bytes_header_or_key(how: str) -> None:
    data = gzip.compress(_page("utf-8").encode())
    article = parse_article(
        data,
        key="a.html.gz" if how == "key" else "a.html",
        content_encoding="gzip" if how == "header" else None,
    )
    assert article.title == TITLE


def test_utf8_bytes_declared_as_latin1_come_out_right() -> None:
    article = parse_article(_page("iso-8859-1").encode("utf-8"))
    assert article.title == TITLE
    assert article.body == BODY


@pytest.mark.parametrize("charset", ["windows-1252", "iso-8859-1"])
def test_true_cp1252_pages_decode_their_quotes_and_dashes(charset: str) -> None:
    article = parse_article(_page(charset).encode("cp1252"))
    assert article.title == TITLE
    assert article.body == BODY


def test_the_http_header_charset_is_used_when_the_page_declares_none() -> None:
    html = f"<html><body><h1>{TITLE}</h1><p>{BODY}</p></body></html>"
    article = parse_article(html.encode("cp1252"), content_type="text/html; charset=windows-1252")
    assert article.body == BODY


def test_a_utf8_bom_is_not_part_of_the_text() -> None:
    article = parse_article(b"\xef\xbb\xbf" + _page("utf-8").encode())
    assert article.title == TITLE


def test_multi_page_articles_report_page_count_and_next_url() -> None:
    html = (
        f"<html><body><h1>{TITLE}</h1><div class='content'><p>{BODY}</p></div>"
        "<div class='pagination'><a href='/berita/kafe?page=2'>2</a><a href='/berita/kafe?page=4'>4</a>"
        "</div></body></html>"
    )
    article = parse_article(html.encode(), key="kafe.html")
    assert article.pages == 4
    assert article.next_page_url == "/berita/kafe?page=2"
    assert "page=" not in article.body
