"""The OpenSearch client: plain HTTP for a local node, SigV4 for an Amazon OpenSearch Service domain."""

from __future__ import annotations

from urllib.parse import urlparse

from opensearchpy import OpenSearch, RequestsHttpConnection, Urllib3HttpConnection


def is_aws_domain(url: str) -> bool:
    host = urlparse(url).hostname or ""
    return host.endswith((".es.amazonaws.com", ".aoss.amazonaws.com"))


def make_client(url: str, *, timeout: float = 10.0, region: str | None = None) -> OpenSearch:
    """One client per execution environment: build it at the edge and pass it in."""
    if is_aws_domain(url):
        import boto3  # only on AWS, where the runtime already has it
        from opensearchpy import RequestsAWSV4SignerAuth

        session = boto3.Session()
        service = "aoss" if ".aoss." in url else "es"
        # Refreshable credentials: the Lambda role's keys rotate under a warm function.
        auth = RequestsAWSV4SignerAuth(session.get_credentials(), region or session.region_name, service)
        return OpenSearch(hosts=[url], http_auth=auth, connection_class=RequestsHttpConnection,
                          timeout=timeout, max_retries=2, retry_on_timeout=True)
    return OpenSearch(hosts=[url], connection_class=Urllib3HttpConnection, timeout=timeout,
                      max_retries=2, retry_on_timeout=True)
