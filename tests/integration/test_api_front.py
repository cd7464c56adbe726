"""The local API Gateway stand-in over HTTP: keep-alive and many clients at once, as API Gateway serves."""

from __future__ import annotations

import http.client
import json
import socket
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.integration


def _connect(url: str) -> http.client.HTTPConnection:
    parts = urlsplit(url)
    return http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)


def test_one_connection_carries_many_requests(stack):
    conn = _connect(stack.api_url)
    sockets = set()
    for _ in range(3):
        conn.request("GET", "/search?size=0")
        response = conn.getresponse()
        assert response.status == 200
        assert response.version == 11
        assert "total" in json.loads(response.read())
        sockets.add(id(conn.sock))
    conn.close()
    assert len(sockets) == 1, "the front closed the connection between requests"


def test_forty_clients_connecting_at_once_are_all_answered(stack):
    def ask(_: int) -> int:
        conn = _connect(stack.api_url)
        try:
            conn.request("GET", "/search?size=1")
            return conn.getresponse().status
        finally:
            conn.close()

    with ThreadPoolExecutor(40) as pool:
        assert list(pool.map(ask, range(40))) == [200] * 40


def test_a_chunked_request_body_is_refused_clearly(stack):
    # The whole request in one write: the front answers and closes without reading the body, so a
    # client still sending chunks could meet a closed socket instead of the answer.
    parts = urlsplit(stack.api_url)
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as raw:
        raw.sendall(
            b"POST /search HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n"
        )
        response = http.client.HTTPResponse(raw)
        response.begin()
        assert response.status == 411
