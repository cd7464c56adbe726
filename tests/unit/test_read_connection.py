"""Which connection the search function's client gets: one kept-alive socket (ReadConnection, httptools parsing)
(warta.index.read_connection), plain for a local node, over TLS and signed (SigV4) for an Amazon
OpenSearch Service domain; other clients keep requests there. Building a client opens no socket."""

from __future__ import annotations

import pytest
from opensearchpy import RequestsAWSV4SignerAuth, RequestsHttpConnection, Urllib3AWSV4SignerAuth
from warta.bootstrap import index_client, search_index
from warta.index.errors import DomainErrorsTransport
from warta.index.read_connection import ReadConnection
from warta.settings import Settings


def test_a_local_node_is_read_over_one_kept_alive_connection_with_domain_errors():
    client, alias = search_index(Settings.from_env({"WARTA_OPENSEARCH_URL": "http://127.0.0.1:9200"}))

    connections = client.transport.connection_pool.connections
    assert isinstance(client.transport, DomainErrorsTransport)
    assert [type(c) for c in connections] == [ReadConnection]
    assert connections[0].host == "http://127.0.0.1:9200" and alias


def test_an_aws_domain_is_read_over_tls_signed_and_written_through_requests_signed(monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "ap-southeast-3")
    settings = Settings.from_env(
        {"WARTA_OPENSEARCH_URL": "https://search-warta-abc123.ap-southeast-3.es.amazonaws.com"}
    )

    reads, _alias = search_index(settings)
    writes = index_client(settings)

    (read,) = reads.transport.connection_pool.connections
    assert isinstance(read, ReadConnection) and read.use_ssl and read.port == 443
    assert isinstance(read._sign, Urllib3AWSV4SignerAuth)
    assert read._sign.signer.region == "ap-southeast-3"
    write = writes.transport.connection_pool.connections[0]
    assert isinstance(write, RequestsHttpConnection)
    assert isinstance(write.session.auth, RequestsAWSV4SignerAuth)


def test_the_kept_alive_connection_refuses_what_it_does_not_speak():
    with pytest.raises(ValueError, match="signed by a callable"):
        ReadConnection(host="example.test", port=9200, http_auth=("user", "secret"))
    with pytest.raises(ValueError, match="uncompressed"):
        ReadConnection(host="example.test", port=9200, http_compress=True)


def test_an_answer_is_parsed_whole_from_pieces_with_repeated_headers_folded():
    from warta.index.read_connection import _Answer

    answer = _Answer(head_only=False)
    raw = (
        b'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nWarning: 299 OpenSearch "one"\r\n'
        b'Warning: 299 OpenSearch "two"\r\nContent-Length: 17\r\n\r\n{"hits": "Palu"}\n'
    )
    for start in range(0, len(raw), 5):  # as the socket may hand it over
        answer.parser.feed_data(raw[start : start + 5])

    assert answer.complete and answer.keep_alive
    assert answer.parser.get_status_code() == 200
    assert answer.headers["content-type"] == "application/json"
    assert answer.headers["warning"] == '299 OpenSearch "one", 299 OpenSearch "two"'
    assert b"".join(answer.body) == b'{"hits": "Palu"}\n'


def test_a_request_goes_out_as_one_write_and_a_line_break_in_a_header_is_refused():
    from warta.index.read_connection import _request_bytes

    sent = _request_bytes(
        "POST", "/warta/_search?size=1", "node:9200", {"content-type": "application/json"}, b"{}"
    )

    assert sent == (
        b"POST /warta/_search?size=1 HTTP/1.1\r\nHost: node:9200\r\nAccept-Encoding: identity\r\n"
        b"content-type: application/json\r\nContent-Length: 2\r\n\r\n{}"
    )
    with pytest.raises(ValueError, match="line break"):
        _request_bytes("GET", "/warta/_doc/1", "node:9200", {"x-trace": "a\r\nX-Injected: 1"}, None)
