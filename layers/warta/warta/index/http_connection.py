"""opensearch-py's `Connection` on the standard library's `http.client`, for the search function's reads
from a plain-HTTP node (the local stack).

The search handler spends most of its own CPU in the client: through urllib3 (connection pool, retry and
timeout objects, a response wrapper with decoders, headers and body sent in two writes) a search cost
0.95 ms of the handler's CPU, through one kept-alive `http.client` connection 0.55 ms (`make bench-own`).
An execution environment runs one request at a time, so it needs one connection, not a pool.

What opensearch-py's own connections do is kept: its headers, its errors (`ConnectionError`,
`ConnectionTimeout`, the HTTP status errors, which `warta.index.errors` turns into domain errors), its
request logging and the `Warning` header. The transport retries a failed request on a fresh connection.

Not thread-safe; plain HTTP only (an Amazon OpenSearch Service domain keeps requests and SigV4,
`warta.index.client`)."""

from __future__ import annotations

import http.client
import select
import socket
import time
from collections.abc import Collection, Mapping
from typing import Any
from urllib.parse import urlencode

from opensearchpy import Connection
from opensearchpy.exceptions import ConnectionError as TransportConnectionError
from opensearchpy.exceptions import ConnectionTimeout


class _NoDelayHTTPConnection(http.client.HTTPConnection):
    """http.client writes the headers and the body in two sends: without TCP_NODELAY (which urllib3
    sets too) the body would wait for the node's delayed ACK of the headers."""

    def connect(self) -> None:
        super().connect()
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


class HttpClientConnection(Connection):
    def __init__(self, host: str = "localhost", port: int | None = None, **kwargs: Any) -> None:
        super().__init__(host=host, port=port, **kwargs)
        if self.use_ssl or self.http_compress or kwargs.get("http_auth"):
            raise ValueError("HttpClientConnection speaks plain, uncompressed, unauthenticated HTTP")
        self._http = _NoDelayHTTPConnection(self.hostname, self.port, timeout=self.timeout)

    def perform_request(
        self,
        method: str,
        url: str,
        params: Mapping[str, Any] | None = None,
        body: bytes | None = None,
        timeout: float | None = None,
        ignore: Collection[int] = (),
        headers: Mapping[str, str] | None = None,
    ) -> Any:
        path = self.url_prefix + url
        if params:
            path = f"{path}?{urlencode(params)}"
        request_headers = {**self.headers, **headers} if headers else self.headers
        started = time.time()
        try:
            self._prepare(timeout or self.timeout)
            # A bytes body goes out with the headers in one write (http.client joins them).
            self._http.request(method, path, body, request_headers)
            response = self._http.getresponse()
            raw = response.read().decode("utf-8", "surrogatepass")
        except (OSError, http.client.HTTPException) as exc:
            self._http.close()  # the next request (the transport's retry) connects afresh
            self.log_request_fail(method, self.host + path, path, body, time.time() - started, exception=exc)
            if isinstance(exc, TimeoutError):
                raise ConnectionTimeout("TIMEOUT", str(exc), exc) from exc
            raise TransportConnectionError("N/A", str(exc), exc) from exc
        duration = time.time() - started
        self._raise_warnings(response.headers.get_all("warning") or ())
        if not 200 <= response.status < 300 and response.status not in ignore:
            self.log_request_fail(method, self.host + path, path, body, duration, response.status, raw)
            self._raise_error(response.status, raw, response.getheader("content-type"))
        self.log_request_success(method, self.host + path, path, body, response.status, raw, duration)
        return response.status, response.headers, raw

    def _prepare(self, timeout: float) -> None:
        """Set this request's timeout, and drop a kept-alive connection the node has closed: an idle
        connection with something to read (its end of file) is no longer usable, as urllib3 checks too."""
        self._http.timeout = timeout
        sock = self._http.sock
        if sock is None:
            return
        poller = select.poll()
        poller.register(sock, select.POLLIN)
        if poller.poll(0):
            self._http.close()
            return
        if sock.gettimeout() != timeout:
            sock.settimeout(timeout)

    def close(self) -> None:
        self._http.close()
