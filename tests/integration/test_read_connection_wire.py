"""The search read side's one kept-alive connection (`warta.index.read_connection`, a socket and httptools) against small HTTP
servers of our own on 127.0.0.1: what opensearch-py's own connections promise (answers, status errors,
timeouts, a node that closed the connection) holds through it, and the search function's client uses it."""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from opensearchpy.exceptions import NotFoundError
from warta.bootstrap import search_index
from warta.index.errors import IndexTimeout, IndexUnavailable
from warta.settings import Settings


class Node(BaseHTTPRequestHandler):
    """Answers every request with its own method, path and body; the server's `behaviour` decides more."""

    protocol_version = "HTTP/1.1"
    server: Any

    def do_POST(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        body = self.rfile.read(length)
        self.server.seen.append((self.command, self.path, body, self.client_address[1]))
        self.server.headers_seen.append(dict(self.headers))
        behaviour = self.server.behaviour
        if behaviour == "slow":
            time.sleep(1.5)
        status = 404 if behaviour == "missing" else 200
        answer = (
            {"error": {"type": "index_not_found_exception"}, "status": 404}
            if status == 404
            else {"path": self.path, "echo": json.loads(body or b"null")}
        )
        data = json.dumps(answer).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json; charset=UTF-8")
        if behaviour in ("chunked", "chunks-cut-short"):  # the body in pieces, as a proxy may send it
            self.send_header("transfer-encoding", "chunked")
            if behaviour == "chunks-cut-short":
                self.send_header("connection", "close")
                self.close_connection = True
                data = data[: len(data) // 2]  # and the connection ends before the last chunk
            self.end_headers()
            for start in range(0, len(data), 7):
                piece = data[start : start + 7]
                self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
            if behaviour == "chunked":
                self.wfile.write(b"0\r\n\r\n")
            return
        if behaviour == "until-close":  # no length: the end of the connection ends the body
            self.close_connection = True
            self.send_header("connection", "close")
            self.end_headers()
            self.wfile.write(data)
            return
        self.send_header("content-length", str(len(data) + (50 if behaviour == "cut-short" else 0)))
        if behaviour in ("close", "cut-short"):
            self.close_connection = True  # the node ends the connection after answering, unannounced
        self.end_headers()
        self.wfile.write(data)

    def do_HEAD(self) -> None:
        self.server.seen.append((self.command, self.path, b"", self.client_address[1]))
        self.send_response(200)
        self.send_header("content-type", "application/json; charset=UTF-8")
        self.send_header("content-length", "1234")  # what a GET would carry; a HEAD answer has no body
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


class _Server(ThreadingHTTPServer):
    closed = 0  # connections this server has closed

    def shutdown_request(self, request: Any) -> None:
        super().shutdown_request(request)
        self.closed += 1


@contextmanager
def node(behaviour: str = "ok") -> Iterator[ThreadingHTTPServer]:
    server = _Server(("127.0.0.1", 0), Node)
    server.seen = []  # type: ignore[attr-defined]
    server.headers_seen = []  # type: ignore[attr-defined]
    server.behaviour = behaviour  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def _client(server: ThreadingHTTPServer) -> Any:
    url = f"http://127.0.0.1:{server.server_address[1]}"
    client, _alias = search_index(Settings.from_env({"WARTA_OPENSEARCH_URL": url}))
    return client


def test_searches_go_over_one_kept_alive_connection_with_the_body_and_parameters():
    with node() as server:
        client = _client(server)

        answers = [
            client.search(
                index="warta-articles", body={"query": {"match_all": {}}}, params={"request_cache": "true"}
            )
            for _ in range(3)
        ]

    assert answers[0]["echo"] == {"query": {"match_all": {}}}
    assert answers[0]["path"] == "/warta-articles/_search?request_cache=true"
    assert len({port for *_, port in server.seen}) == 1  # one client port: the connection was kept


def test_a_connection_the_node_closed_is_replaced_before_the_next_request(caplog):
    with node("close") as server:
        client = _client(server)

        answers = []
        with caplog.at_level(logging.WARNING, logger="opensearch"):
            for n in range(3):
                answers.append(client.search(index="warta-articles", body={"size": n}))
                # A node closes a kept-alive connection when it has been idle a while, so its FIN is
                # there before the next request; sent at once, the request could race the FIN (and the
                # transport's retry on a fresh connection would take it, as with urllib3).
                _wait_for_the_close(server, n + 1)

    assert [a["echo"]["size"] for a in answers] == [0, 1, 2]
    assert len({port for *_, port in server.seen}) == 3
    assert not caplog.records  # no failed attempt that the transport had to retry


@pytest.mark.parametrize("behaviour", ["chunked", "until-close"])
def test_an_answer_in_chunks_or_ended_by_the_close_arrives_whole(behaviour):
    with node(behaviour) as server:
        client = _client(server)
        body = {"query": {"match": {"title": "banjir bandang di Kabupaten Sigi, Sulawesi Tengah"}}}

        answers = [client.search(index="warta-articles", body=body) for _ in range(2)]

    assert [a["echo"] for a in answers] == [body, body]
    kept = {"chunked": 1, "until-close": 2}[behaviour]  # a body ended by the close cannot keep it
    assert len({port for *_, port in server.seen}) == kept


def test_a_head_answer_ends_at_its_headers_and_keeps_the_connection():
    with node() as server:
        client = _client(server)

        exists = [client.indices.exists(index="warta-articles") for _ in range(2)]
        after = client.search(index="warta-articles", body={"size": 1})

    assert exists == [True, True] and after["echo"] == {"size": 1}
    assert [method for method, *_ in server.seen] == ["HEAD", "HEAD", "POST"]
    assert len({port for *_, port in server.seen}) == 1


@pytest.mark.parametrize("behaviour", ["cut-short", "chunks-cut-short"])
def test_an_answer_cut_short_is_a_connection_error_and_the_transport_retries_it_afresh(behaviour):
    with node(behaviour) as server, pytest.raises(IndexUnavailable):
        _client(server).search(index="warta-articles", body={"size": 2})

    assert len(server.seen) == 3  # the first try and opensearch-py's two retries, each on a new connection
    assert len({port for *_, port in server.seen}) == 3


def test_a_line_break_in_the_path_is_refused_before_anything_is_sent():
    with node() as server, pytest.raises(ValueError, match="line break"):
        _client(server).transport.perform_request("GET", "/warta-articles/_doc/x\r\nX-Injected: 1")

    assert server.seen == []


def _wait_for_the_close(server: Any, handled: int, timeout: float = 2.0) -> None:
    deadline = time.monotonic() + timeout
    while server.closed < handled and time.monotonic() < deadline:
        time.sleep(0.005)
    time.sleep(0.02)  # the FIN crossing loopback


def test_a_status_error_is_opensearch_pys_error_for_that_status():
    with node("missing") as server, pytest.raises(NotFoundError) as raised:
        _client(server).search(index="warta-articles", body={})

    assert raised.value.status_code == 404 and raised.value.error == "index_not_found_exception"


def test_no_answer_in_time_is_a_timeout_and_no_node_is_unavailable():
    with node("slow") as server:
        port = server.server_address[1]
        with pytest.raises(IndexTimeout):
            _client(server).search(index="warta-articles", body={}, request_timeout=0.3)

    with pytest.raises(IndexUnavailable):  # the server is gone: nothing listens on its port
        search_index(Settings.from_env({"WARTA_OPENSEARCH_URL": f"http://127.0.0.1:{port}"}))[0].search(
            index="warta-articles", body={}
        )


def test_a_signed_read_over_tls_carries_the_signature_aws_would_compute_from_what_arrived():
    """What an Amazon OpenSearch Service domain does with a request: recompute its SigV4 signature from
    the request as received (method, path and query, the headers it names, the body) and compare. The
    server here is ours, over TLS with a throwaway CA's certificate for localhost."""
    import ssl

    import trustme
    from botocore.auth import SigV4Auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials
    from opensearchpy import OpenSearch, Urllib3AWSV4SignerAuth
    from warta.index.read_connection import ReadConnection

    credentials = Credentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "sesi-token")
    ca = trustme.CA()
    with node() as server:
        serving = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ca.issue_cert("localhost").configure_cert(serving)
        server.socket = serving.wrap_socket(server.socket, server_side=True)
        trusting = ssl.create_default_context()
        ca.configure_trust(trusting)
        port = server.server_address[1]
        client = OpenSearch(
            hosts=[f"https://localhost:{port}"],
            http_auth=Urllib3AWSV4SignerAuth(credentials, "ap-southeast-3", "es"),
            connection_class=ReadConnection,
            ssl_context=trusting,
        )
        for _ in range(2):
            answer = client.search(
                index="warta-articles", body={"query": {"term": {"site": "Kompas"}}}, params={"size": "3"}
            )

    assert answer["echo"] == {"query": {"term": {"site": "Kompas"}}}
    assert len({port for *_, port in server.seen}) == 1  # one TLS connection, kept
    for (method, path, body, _), headers in zip(server.seen, server.headers_seen, strict=True):
        authorization = headers["Authorization"]
        signed = authorization.split("SignedHeaders=")[1].split(",")[0].split(";")
        assert {"host", "x-amz-date", "x-amz-content-sha256", "x-amz-security-token"} <= set(signed)
        lowered = {name.lower(): value for name, value in headers.items()}
        received = AWSRequest(
            method=method,
            url=f"https://{lowered['host']}{path}",
            data=body,
            headers={name: lowered[name] for name in signed},
        )
        received.context["timestamp"] = lowered["x-amz-date"]
        signer = SigV4Auth(credentials, "es", "ap-southeast-3")
        expected = signer.signature(
            signer.string_to_sign(received, signer.canonical_request(received)), received
        )
        assert authorization.endswith(f"Signature={expected}")
        assert path == "/warta-articles/_search?size=3"
