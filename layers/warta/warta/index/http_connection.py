"""opensearch-py's `Connection` on the standard library's `http.client`, for the search function's reads:
from a plain-HTTP node (the local stack), or over TLS with every request signed (SigV4) from an Amazon
OpenSearch Service domain.

The search handler spends most of its own CPU in the client: through urllib3 (connection pool, retry and
timeout objects, a response wrapper with decoders, headers and body sent in two writes) a search cost
0.95 ms of the handler's CPU, through one kept-alive `http.client` connection 0.55 ms (`make bench-own`).
An execution environment runs one request at a time, so it needs one connection, not a pool.

What opensearch-py's own connections do is kept: its headers, its errors (`ConnectionError`,
`ConnectionTimeout`, the HTTP status errors, which `warta.index.errors` turns into domain errors), its
request logging and the `Warning` header. The transport retries a failed request on a fresh connection.

In AWS the read side signed each request through requests: 1.59 ms of the handler's CPU per search against
0.64 ms here, of which the signature itself is 0.08 ms. Here the signer is opensearch-py's own
`Urllib3AWSV4SignerAuth` (a callable giving the headers to add), over one TLS connection verified
against certifi's roots, as urllib3 and requests verify them.

Not thread-safe; no compression, no basic auth (neither is used)."""

from __future__ import annotations

import http.client
import select
import socket
import ssl
import time
from collections.abc import Callable, Collection, Mapping
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


class _NoDelayHTTPSConnection(http.client.HTTPSConnection):
    def connect(self) -> None:
        super().connect()
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


Signer = Callable[[str, str, bytes | None, Mapping[str, str]], Mapping[str, str]]


class HttpClientConnection(Connection):
    def __init__(
        self,
        host: str = "localhost",
        port: int | None = None,
        http_auth: Signer | None = None,
        ssl_context: ssl.SSLContext | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(host=host, port=port, **kwargs)
        if self.http_compress or (http_auth is not None and not callable(http_auth)):
            raise ValueError(
                "HttpClientConnection speaks uncompressed HTTP, signed by a callable or not at all"
            )
        self._sign = http_auth
        self._http: http.client.HTTPConnection
        if self.use_ssl:
            if ssl_context is None:
                import certifi  # opensearch-py's own dependency: the roots urllib3 and requests use

                ssl_context = ssl.create_default_context(cafile=certifi.where())
            self._http = _NoDelayHTTPSConnection(
                self.hostname, self.port, timeout=self.timeout, context=ssl_context
            )
        else:
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
        if self._sign is not None:  # SigV4 over exactly what is sent: method, URL with query, body
            request_headers = {
                **request_headers,
                **self._sign(method, self.host + path, body, request_headers),
            }
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
