"""opensearch-py's `Connection` for the search function's reads: one kept-alive socket, the response parsed
by httptools (llhttp, the parser Node.js and uvicorn use), from a plain-HTTP node (the local stack) or
over TLS with every request signed (SigV4) from an Amazon OpenSearch Service domain.

Why not urllib3 or http.client: the search handler's own CPU is mostly the read. Per search, through
urllib3's pool (retry and timeout objects, a response wrapper, headers and body in two writes) the client
cost 0.95 ms; through one kept-alive `http.client` connection 0.55 ms, of which a third was its header
parsing (the `email` package, for four header lines) and its request building; here the request leaves in
one write and the parse is C (`make bench-own`, `python -m bench.read_paths`). An execution environment
runs one request at a time, so it needs one connection, not a pool.

What opensearch-py's own connections do is kept: its headers, its errors (`ConnectionError`,
`ConnectionTimeout`, the HTTP status errors, which `warta.index.errors` turns into domain errors), its
request logging and the `Warning` header. The transport retries a failed request on a fresh connection.
The signer is opensearch-py's own `Urllib3AWSV4SignerAuth` (a callable giving the headers to add), and
TLS is verified against certifi's roots, as urllib3 and requests verify it.

Not thread-safe; no compression, no basic auth, no proxies (none is used)."""

from __future__ import annotations

import select
import socket
import ssl
import time
from collections.abc import Callable, Collection, Mapping
from typing import Any
from urllib.parse import urlencode

import httptools
from opensearchpy import Connection
from opensearchpy.exceptions import ConnectionError as TransportConnectionError
from opensearchpy.exceptions import ConnectionTimeout

Signer = Callable[[str, str, bytes | None, Mapping[str, str]], Mapping[str, str]]
RECEIVE_BYTES = 256 * 1024  # a search answer is about 20 KB; one read takes most whole
MAX_HEADER_BYTES = 64 * 1024  # a node's headers are a few hundred bytes; more is not a node
_FORBIDDEN_IN_HEAD = frozenset("\r\n\0")


class _Answer:
    """httptools' callbacks, collecting one response."""

    __slots__ = (
        "_head_only",
        "body",
        "complete",
        "header_bytes",
        "headers",
        "headers_done",
        "keep_alive",
        "parser",
    )

    def __init__(self, head_only: bool) -> None:
        self._head_only = head_only  # a HEAD answer announces a length but carries no body
        self.headers: dict[str, str] = {}
        self.body: list[bytes] = []
        self.headers_done = self.complete = self.keep_alive = False
        self.header_bytes = 0
        self.parser = httptools.HttpResponseParser(self)

    def on_header(self, name: bytes, value: bytes) -> None:
        self.header_bytes += len(name) + len(value)
        key = name.decode("latin-1").lower()
        text = value.decode("latin-1")
        # Repeated headers fold into one, comma-separated, as HTTP allows (RFC 9110, 5.3).
        self.headers[key] = f"{self.headers[key]}, {text}" if key in self.headers else text

    def on_headers_complete(self) -> None:
        # Known once the headers are in (version, Connection); the parser forgets it after the body.
        self.keep_alive = self.parser.should_keep_alive()
        self.headers_done = True
        if self._head_only:
            self.complete = True

    def on_body(self, chunk: bytes) -> None:
        self.body.append(chunk)

    def on_message_complete(self) -> None:
        self.complete = True

    def ends_with_the_connection(self) -> bool:
        """An answer with neither a length nor chunks, on a connection not kept: its body is whatever
        arrives before the close (HTTP/1.0 style)."""
        framed = "content-length" in self.headers or "transfer-encoding" in self.headers
        return self.headers_done and not framed and not self.keep_alive


class ReadConnection(Connection):
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
            raise ValueError("ReadConnection speaks uncompressed HTTP, signed by a callable or not at all")
        self._sign = http_auth
        self._tls: ssl.SSLContext | None = None
        if self.use_ssl:
            if ssl_context is None:
                import certifi  # opensearch-py's own dependency: the roots urllib3 and requests use

                ssl_context = ssl.create_default_context(cafile=certifi.where())
            self._tls = ssl_context
        default_port = 443 if self.use_ssl else 80
        # The Host header as http.client writes it: the port only when it is not the scheme's own.
        self._host_header = self.hostname if self.port == default_port else f"{self.hostname}:{self.port}"
        self._sock: socket.socket | None = None

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
        request_headers = {**self.headers, **headers} if headers else dict(self.headers)
        if self._sign is not None:  # SigV4 over exactly what is sent: method, URL with query, body
            request_headers.update(self._sign(method, self.host + path, body, request_headers))
        request = _request_bytes(method, path, self._host_header, request_headers, body)
        started = time.time()
        try:
            status, response_headers, data = self._exchange(
                request, method == "HEAD", timeout or self.timeout
            )
        except (OSError, httptools.HttpParserError, _BadAnswer) as exc:
            self.close()  # the next request (the transport's retry) connects afresh
            self.log_request_fail(method, self.host + path, path, body, time.time() - started, exception=exc)
            if isinstance(exc, TimeoutError):
                raise ConnectionTimeout("TIMEOUT", str(exc), exc) from exc
            raise TransportConnectionError("N/A", str(exc), exc) from exc
        raw = data.decode("utf-8", "surrogatepass")
        duration = time.time() - started
        if "warning" in response_headers:
            self._raise_warnings([response_headers["warning"]])
        if not 200 <= status < 300 and status not in ignore:
            self.log_request_fail(method, self.host + path, path, body, duration, status, raw)
            self._raise_error(status, raw, response_headers.get("content-type"))
        self.log_request_success(method, self.host + path, path, body, status, raw, duration)
        return status, response_headers, raw

    def _exchange(self, request: bytes, head_only: bool, timeout: float) -> tuple[int, dict[str, str], bytes]:
        sock = self._socket(timeout)
        sock.sendall(request)
        answer = _Answer(head_only)
        while not answer.complete:
            data = sock.recv(RECEIVE_BYTES)
            if not data:
                if answer.ends_with_the_connection():
                    break
                raise _BadAnswer("the node closed the connection before a whole answer")
            answer.parser.feed_data(data)
            if answer.header_bytes > MAX_HEADER_BYTES:
                raise _BadAnswer("more header bytes than any node sends")
        if not answer.keep_alive:
            self.close()
        return answer.parser.get_status_code(), answer.headers, b"".join(answer.body)

    def _socket(self, timeout: float) -> socket.socket:
        """The kept-alive socket with this request's timeout; a fresh one when there is none, or when the
        node has closed it (an idle connection with something to read, its end of file, is no longer
        usable, as urllib3 checks too)."""
        sock = self._sock
        if sock is not None:
            poller = select.poll()
            poller.register(sock, select.POLLIN)
            if poller.poll(0):
                self.close()
                sock = None
        if sock is None:
            sock = socket.create_connection((self.hostname, self.port), timeout)
            # The request leaves in one write; without TCP_NODELAY a second write (a large body's
            # tail) could wait for the node's delayed ACK.
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            if self._tls is not None:
                sock = self._tls.wrap_socket(sock, server_hostname=self.hostname)
            self._sock = sock
        if sock.gettimeout() != timeout:
            sock.settimeout(timeout)
        return sock

    def close(self) -> None:
        if self._sock is not None:
            self._sock.close()
            self._sock = None


class _BadAnswer(Exception):
    """The node's answer ended early or was not HTTP: the request is failed, and retried afresh."""


def _request_bytes(
    method: str, path: str, host: str, headers: Mapping[str, str], body: bytes | None
) -> bytes:
    """The request's head and body, for one write. A line break in the path or a header would split the
    request in two (request smuggling), and a space in the path would end it early; http.client refuses
    those too."""
    fields = [f"{name}: {value}" for name, value in headers.items()]
    if not _FORBIDDEN_IN_HEAD.isdisjoint("".join((method, path, host, *fields))) or " " in path:
        raise ValueError(
            f"refusing a line break in a request's path or headers, or a space in its path: {path!r}"
        )
    lines = [f"{method} {path} HTTP/1.1", f"Host: {host}", "Accept-Encoding: identity", *fields]
    if body is not None or method in ("POST", "PUT"):
        lines.append(f"Content-Length: {len(body or b'')}")
    return "\r\n".join(lines).encode("latin-1") + b"\r\n\r\n" + (body or b"")
