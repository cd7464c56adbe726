"""Which connection the search function's client gets: one kept-alive `http.client` connection for a
plain-HTTP node (warta.index.http_connection), requests with SigV4 for an Amazon OpenSearch Service
domain whatever the read side asks for. Building a client opens no socket."""

from __future__ import annotations

import pytest
from opensearchpy import RequestsAWSV4SignerAuth, RequestsHttpConnection
from warta.bootstrap import search_index
from warta.index.errors import DomainErrorsTransport
from warta.index.http_connection import HttpClientConnection
from warta.settings import Settings


def test_a_local_node_is_read_over_one_kept_alive_connection_with_domain_errors():
    client, alias = search_index(Settings.from_env({"WARTA_OPENSEARCH_URL": "http://127.0.0.1:9200"}))

    connections = client.transport.connection_pool.connections
    assert isinstance(client.transport, DomainErrorsTransport)
    assert [type(c) for c in connections] == [HttpClientConnection]
    assert connections[0].host == "http://127.0.0.1:9200" and alias


def test_an_aws_domain_keeps_requests_and_sigv4(monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "ap-southeast-3")
    url = "https://search-warta-abc123.ap-southeast-3.es.amazonaws.com"

    client, _alias = search_index(Settings.from_env({"WARTA_OPENSEARCH_URL": url}))

    connection = client.transport.connection_pool.connections[0]
    assert isinstance(connection, RequestsHttpConnection)
    assert isinstance(connection.session.auth, RequestsAWSV4SignerAuth)


def test_the_kept_alive_connection_refuses_what_it_does_not_speak():
    with pytest.raises(ValueError, match="plain"):
        HttpClientConnection(host="example.test", port=443, use_ssl=True)
    with pytest.raises(ValueError, match="plain"):
        HttpClientConnection(host="example.test", port=9200, http_auth=("user", "secret"))
