"""A webhook delivery reaches the address the URL check approved, and no other: the name is kept for
the certificate, SNI and the Host header, but it is never resolved again (no DNS rebinding between
the check and the connection). Real sockets on 127.0.0.1; the certificates come from a throwaway CA."""

from __future__ import annotations

import http.server
import ssl
import threading
from collections.abc import Iterator
from typing import Any, ClassVar

import pytest
import trustme
from warta.alerts.delivery import post

# Names under .invalid never resolve (RFC 2606): a delivery that reached the receiver cannot have
# looked the name up.
HOOK = "hook.invalid"


class _Receiver(http.server.BaseHTTPRequestHandler):
    seen: ClassVar[list[dict[str, Any]]] = []  # each test makes a subclass with its own list

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.seen.append({"host": self.headers["Host"], "path": self.path, "body": body})
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def receiver() -> Iterator[tuple[http.server.HTTPServer, list[dict[str, Any]]]]:
    seen: ClassVar[list[dict[str, Any]]] = []  # each test makes a subclass with its own list
    server = http.server.HTTPServer(("127.0.0.1", 0), type("Receiver", (_Receiver,), {"seen": seen}))
    yield server, seen
    server.shutdown()
    server.server_close()


def _serve(server: http.server.HTTPServer) -> None:
    threading.Thread(target=server.serve_forever, daemon=True).start()


def test_plain_http_goes_to_the_given_address_with_the_name_in_the_host_header(receiver: Any) -> None:
    server, seen = receiver
    _serve(server)
    port = server.server_address[1]

    status = post(f"http://{HOOK}:{port}/masuk?tim=redaksi", b'{"a":1}', {}, "127.0.0.1")

    assert status == 204
    assert seen == [{"host": f"{HOOK}:{port}", "path": "/masuk?tim=redaksi", "body": b'{"a":1}'}]


def test_https_is_pinned_to_the_address_and_still_verifies_the_certificate_for_the_name(
    receiver: Any,
) -> None:
    server, seen = receiver
    ca = trustme.CA()
    tls_server = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert(HOOK).configure_cert(tls_server)
    server.socket = tls_server.wrap_socket(server.socket, server_side=True)
    _serve(server)
    port = server.server_address[1]
    trusting = ssl.create_default_context()
    ca.configure_trust(trusting)

    status = post(f"https://{HOOK}:{port}/h", b"{}", {}, "127.0.0.1", context=trusting)

    assert status == 204
    assert seen[0]["host"] == f"{HOOK}:{port}"
    # The same address under a name the certificate does not carry is refused by TLS.
    with pytest.raises(ssl.SSLCertVerificationError):
        post(f"https://other.invalid:{port}/h", b"{}", {}, "127.0.0.1", context=trusting)
    assert len(seen) == 1
