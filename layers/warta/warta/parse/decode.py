"""Bytes from S3 to text: gzip, binary sniffing, and the real encoding."""

from __future__ import annotations

import gzip
import re
import zlib

from .errors import EmptyDocument, NotHtml, TooLarge

MAX_HTML_BYTES = 32 * 1024 * 1024  # decompressed; a news page is rarely over 1 MB

_GZIP_MAGIC = b"\x1f\x8b"
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_HTML_HINT = re.compile(rb"<\s*(!doctype\s+html|html|head|body|meta|title|div|p|article)\b", re.I)
_HTML_CONTENT_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/octet-stream", "")


def decode_html(data: bytes, *, key: str = "", content_type: str | None = None,
                content_encoding: str | None = None) -> str:
    """Return the page as text, or raise a ParseError saying why it is not a page."""
    if not data or not data.strip():
        raise EmptyDocument("the object is empty")
    if data[:2] == _GZIP_MAGIC or (content_encoding or "").lower() == "gzip" or key.endswith(".gz"):
        data = _gunzip(data)
    if len(data) > MAX_HTML_BYTES:
        raise TooLarge(f"{len(data)} bytes is over the {MAX_HTML_BYTES} byte limit")
    mime = (content_type or "").split(";")[0].strip().lower()
    if mime not in _HTML_CONTENT_TYPES and not mime.startswith("text/"):
        raise NotHtml(f"content type {mime!r} is not HTML")
    head = data[:4096]
    if b"\x00" in head:
        raise NotHtml("binary content (NUL bytes), not an HTML page")
    if not _HTML_HINT.search(data[:65536]):
        raise NotHtml("no HTML markup in the first 64 KB")
    return _to_text(data)


def _gunzip(data: bytes) -> bytes:
    try:
        # Bounded decompression: a small gzip bomb must not take the function's memory.
        decompressor = zlib.decompressobj(wbits=31)
        out = decompressor.decompress(data, MAX_HTML_BYTES + 1)
    except (OSError, EOFError, zlib.error, gzip.BadGzipFile) as exc:
        raise NotHtml(f"declared gzip but could not decompress: {exc}") from exc
    if len(out) > MAX_HTML_BYTES:
        raise TooLarge(f"decompresses to over {MAX_HTML_BYTES} bytes")
    return out


def _to_text(data: bytes) -> str:
    # UTF-8 first: pages often declare iso-8859-1 while serving UTF-8, and a strict UTF-8
    # decode of non-UTF-8 text almost always fails, so success is strong evidence.
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _DECLARED_CHARSET.search(data[:4096])
    if declared:
        name = declared.group(1).decode("ascii", "replace").lower()
        if name in ("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"):
            name = "cp1252"  # what browsers do, per the WHATWG encoding standard
        try:
            return data.decode(name, errors="replace")
        except LookupError:
            pass
    return data.decode("cp1252", errors="replace")
