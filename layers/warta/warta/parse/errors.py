"""Why a page could not become an Article. Permanent: retrying the same bytes cannot help."""

from __future__ import annotations


class ParseError(Exception):
    """Base class; `reason` is a short stable code, the message says more for people."""

    reason = "unparseable"


class EmptyDocument(ParseError):
    reason = "empty"


class NotHtml(ParseError):
    reason = "not-html"


class TooLarge(ParseError):
    reason = "too-large"


class NoArticle(ParseError):
    reason = "no-article"
