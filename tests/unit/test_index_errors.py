"""opensearch-py's errors become domain errors in one place (`warta.index.errors`)."""

from __future__ import annotations

import pytest
from opensearchpy.exceptions import ConnectionError as TransportConnectionError
from opensearchpy.exceptions import ConnectionTimeout, NotFoundError, RequestError, TransportError
from warta.index.errors import (
    BadQuery,
    DomainErrorsTransport,
    IndexTimeout,
    IndexUnavailable,
    SearchBackendError,
    translate,
)


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (ConnectionTimeout("TIMEOUT", "read timed out", None), IndexTimeout),
        (TransportConnectionError("N/A", "connection refused", None), IndexUnavailable),
        (TransportError(429, "es_rejected_execution_exception", {}), IndexUnavailable),
        (TransportError(503, "unavailable_shards_exception", {}), IndexUnavailable),
        (RequestError(400, "search_phase_execution_exception", {}), BadQuery),
        (TransportError(500, "null_pointer_exception", {}), SearchBackendError),
    ],
)
def test_each_error_becomes_its_domain_error(error, expected):
    translated = translate(error)

    assert type(translated) is expected


def test_a_missing_document_stays_for_the_caller_to_name():
    error = NotFoundError(404, "not_found", {})

    assert translate(error) is error


class _RefusingConnection:
    """A connection that never gets an answer, as opensearch-py's pool hands it to the transport."""

    host = "http://127.0.0.1:9"

    def perform_request(self, *args: object, **kwargs: object) -> None:
        raise TransportConnectionError("N/A", "connection refused", None)


def test_the_transport_raises_domain_errors_with_the_original_as_cause(monkeypatch):
    transport = DomainErrorsTransport([{"host": "127.0.0.1", "port": 9}], max_retries=0)
    monkeypatch.setattr(transport, "get_connection", _RefusingConnection)

    with pytest.raises(IndexUnavailable) as caught:
        transport.perform_request("GET", "/_search")
    assert isinstance(caught.value.__cause__, TransportConnectionError)
