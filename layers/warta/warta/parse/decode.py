"""Bytes from S3 to text: gzip, refusing what is not a page, and finding the real encoding."""

from __future__ import annotations

import codecs
import re
import zlib

from .errors import EmptyDocument, NotHtml, TooLarge

MAX_HTML_BYTES = 32 * 1024 * 1024  # decompressed; a news page is rarely over 1 MB

_GZIP_MAGIC = b"\x1f\x8b"
# File signatures of things that land in a news bucket by mistake. Checked before anything else
# so the reason names what the object actually is.
_SIGNATURES = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"RIFF", "a RIFF (WebP/WAV/AVI) file"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x7fELF", "an executable"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_\-:.]+)", re.IGNORECASE)
_HTML_HINT = re.compile(rb"<\s*(!doctype\s+html|html|head|body|meta|title|div|p|article|h1)\b", re.IGNORECASE)
_NOT_HTML_TYPES = (
    "application/json",
    "application/pdf",
    "application/zip",
    "application/xml",
    "text/xml",
    "text/css",
    "text/javascript",
    "application/javascript",
    "text/csv",
)
# Labels that browsers read as windows-1252 (WHATWG encoding standard): pages that say latin-1
# and use the 0x80-0x9F range mean curly quotes and dashes, not control characters.
_CP1252_ALIASES = {
    "iso-8859-1",
    "iso8859-1",
    "latin-1",
    "latin1",
    "l1",
    "us-ascii",
    "ascii",
    "windows-1252",
    "cp1252",
    "x-cp1252",
}


def decode_html(
    data: bytes, *, key: str = "", content_type: str | None = None, content_encoding: str | None = None
) -> str:
    """Return the page as text, or raise a ParseError saying why it is not a page."""
    if not data or not data.strip():
        raise EmptyDocument("the object is empty")
    if (
        data[:2] == _GZIP_MAGIC
        or (content_encoding or "").strip().lower() in ("gzip", "x-gzip")
        or key.lower().endswith(".gz")
    ):
        data = _gunzip(data)
        if not data.strip():
            raise EmptyDocument("the object decompresses to nothing")
    if len(data) > MAX_HTML_BYTES:
        raise TooLarge(f"{len(data)} bytes is over the {MAX_HTML_BYTES} byte limit")
    _refuse_non_html(data, content_type)
    return _to_text(data, content_type)


def _gunzip(data: bytes) -> bytes:
    """Bounded decompression: a small gzip bomb must not take the function's memory."""
    try:
        decompressor = zlib.decompressobj(wbits=47)  # 32 + 15: accept a gzip or a zlib header
        out = decompressor.decompress(data, MAX_HTML_BYTES + 1)
    except zlib.error as exc:
        raise NotHtml(f"declared gzip but could not decompress: {exc}") from exc
    if len(out) > MAX_HTML_BYTES or decompressor.unconsumed_tail:
        raise TooLarge(f"decompresses to over {MAX_HTML_BYTES} bytes")
    return out


def _refuse_non_html(data: bytes, content_type: str | None) -> None:
    head = data[:65536]
    stripped = head.lstrip()
    for signature, what in _SIGNATURES:
        if stripped.startswith(signature):
            raise NotHtml(f"the object is {what}, not an HTML page")
    mime = (content_type or "").split(";")[0].strip().lower()
    if mime in _NOT_HTML_TYPES or mime.startswith(("image/", "video/", "audio/", "font/")):
        raise NotHtml(f"content type {mime!r} is not HTML")
    if stripped[:1] in (b"{", b"[") and not _HTML_HINT.match(stripped):
        raise NotHtml("the object looks like JSON, not an HTML page")
    bom = any(head.startswith(b) for b, _ in _BOMS[1:])
    if b"\x00" in head[:4096] and not bom:
        raise NotHtml("binary content (NUL bytes), not an HTML page")
    if not bom and not _HTML_HINT.search(head):
        raise NotHtml("no HTML markup in the first 64 KB")


def _to_text(data: bytes, content_type: str | None) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    # UTF-8 first, whatever the page declares: many Indonesian CMSes print iso-8859-1 in a template
    # while serving UTF-8, and text in another encoding almost never passes a strict UTF-8 decode.
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for name in (_header_charset(content_type), _meta_charset(data)):
        if not name or name.replace("-", "") == "utf8":
            continue  # a UTF-8 claim was just proven false by the failed decode
        codec = "cp1252" if name in _CP1252_ALIASES else name
        try:
            return data.decode(codec, errors="replace")
        except LookupError:
            continue
    # No usable declaration: mostly-UTF-8 with a few broken bytes reads better as UTF-8.
    valid = data.decode("utf-8", errors="replace")
    if valid.count("\ufffd") * 200 < len(valid):
        return valid
    return data.decode("cp1252", errors="replace")


def _header_charset(content_type: str | None) -> str | None:
    match = _HEADER_CHARSET.search(content_type or "")
    return match.group(1).lower() if match else None


def _meta_charset(data: bytes) -> str | None:
    match = _DECLARED_CHARSET.search(data[:8192])
    return match.group(1).decode("ascii", "replace").lower() if match else None
