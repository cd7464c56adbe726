"""opensearch-py's errors as domain errors, translated here and nowhere else: the search API's
error-to-status map (functions/search/app.py) sees only these.

The translation sits in the client's transport (`DomainErrorsTransport`), which the composition root
gives to the read side. The write side keeps opensearch-py's own errors: its bulk helper retries
429s by them, and `bulk.write` turns every failure into a per-item result anyway."""

from __future__ import annotations

from typing import Any

from opensearchpy import Transport
from opensearchpy.exceptions import ConnectionError as TransportConnectionError
from opensearchpy.exceptions import ConnectionTimeout, TransportError


class SearchBackendError(Exception):
    """The index answered with an error no narrower class describes."""


class IndexUnavailable(SearchBackendError):
    """The index cannot be reached, or says it is overloaded (429, 503): try again later."""


class IndexTimeout(SearchBackendError):
    """No answer in time."""


class BadQuery(SearchBackendError):
    """The index refused the query itself (400)."""


UNAVAILABLE_STATUSES = frozenset({429, 503})


def translate(exc: TransportError) -> Exception:
    """The domain error for an opensearch-py error; a 404 stays as it is (callers decide what is missing)."""
    if isinstance(exc, ConnectionTimeout):
        return IndexTimeout(str(exc))
    if isinstance(exc, TransportConnectionError):
        return IndexUnavailable(str(exc))
    status = exc.status_code if isinstance(exc.status_code, int) else 0
    if status == 404:
        return exc
    if status == 400:
        return BadQuery(str(exc.error))
    if status in UNAVAILABLE_STATUSES:
        return IndexUnavailable(str(exc.error))
    return SearchBackendError(f"{exc.status_code} {exc.error}")


class DomainErrorsTransport(Transport):
    def perform_request(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().perform_request(*args, **kwargs)
        except TransportError as exc:
            translated = translate(exc)
            if translated is exc:
                raise
            raise translated from exc
