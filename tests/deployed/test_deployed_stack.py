"""The deployed stack, end to end: an article put in the bucket becomes searchable through the API.

Runs only against a real deployment:

    WARTA_STACK_NAME=warta AWS_PROFILE=... AWS_REGION=eu-west-1 make test-deployed

It reads the stack's outputs, uploads tests/fixtures/seed_vivanews.html under a unique key,
polls GET /documents/{id} until the ingest path has indexed it, checks that GET /search finds it,
then deletes the object, waits until the document is gone, and removes the object's versions.
With a JWT authorizer on the API, set WARTA_API_TOKEN to a token it accepts.
Without WARTA_STACK_NAME or AWS credentials every test here is skipped.
"""

from __future__ import annotations

import json
import os
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from warta.index.documents import document_id

from tests.conftest import FIXTURES

STACK_NAME = os.environ.get("WARTA_STACK_NAME", "").strip()
INDEX_WAIT_S = float(os.environ.get("WARTA_DEPLOYED_TIMEOUT", "180"))

pytestmark = pytest.mark.skipif(
    not STACK_NAME, reason="WARTA_STACK_NAME is not set: no deployed stack to test"
)


@pytest.fixture(scope="module")
def session() -> Any:
    boto3 = pytest.importorskip("boto3")
    session = boto3.session.Session()
    if session.get_credentials() is None:
        pytest.skip("no AWS credentials found (environment, profile or instance role)")
    if not session.region_name:
        pytest.skip("no AWS region configured (AWS_REGION or the profile's region)")
    return session


@pytest.fixture(scope="module")
def outputs(session: Any) -> dict[str, str]:
    (stack,) = session.client("cloudformation").describe_stacks(StackName=STACK_NAME)["Stacks"]
    return {o["OutputKey"]: o["OutputValue"] for o in stack.get("Outputs", [])}


def _get(url: str) -> tuple[int, dict[str, Any]]:
    headers = {"Accept": "application/json"}
    if token := os.environ.get("WARTA_API_TOKEN"):
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=15) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"{}")


def _poll(url: str, want: int, timeout: float) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    status, body = 0, {}
    while time.monotonic() < deadline:
        status, body = _get(url)
        if status == want:
            return body
        assert status in (200, 404), f"GET {url}: {status} {body}"
        time.sleep(5)
    pytest.fail(f"GET {url} still answered {status} after {timeout:.0f} s (wanted {want}): {body}")


@pytest.fixture
def uploaded(session: Any, outputs: dict[str, str]) -> Iterator[tuple[str, str]]:
    s3 = session.client("s3")
    bucket = outputs["ArticlesBucketName"]
    key = f"deployed-test/{uuid.uuid4().hex}.html"
    s3.put_object(
        Bucket=bucket,
        Key=key,
        Body=(FIXTURES / "seed_vivanews.html").read_bytes(),
        ContentType="text/html; charset=utf-8",
    )
    try:
        yield bucket, key
    finally:
        versions = s3.list_object_versions(Bucket=bucket, Prefix=key)
        for item in versions.get("Versions", []) + versions.get("DeleteMarkers", []):
            if item["Key"] == key:
                s3.delete_object(Bucket=bucket, Key=key, VersionId=item["VersionId"])


def test_an_uploaded_article_becomes_searchable_and_goes_away(
    session: Any, outputs: dict[str, str], uploaded: tuple[str, str]
) -> None:
    bucket, key = uploaded
    api = outputs["SearchApiUrl"].rstrip("/")
    doc_url = f"{api}/documents/{document_id(bucket, key)}"

    document = _poll(doc_url, 200, INDEX_WAIT_S)
    assert document.get("key") == key or key in json.dumps(document)

    title = str(document.get("title") or "")
    words = " ".join(title.split()[:4])
    if words:
        status, results = _get(f"{api}/search?{urllib.parse.urlencode({'q': words, 'size': 50})}")
        assert status == 200
        assert key in json.dumps(results), f"searching {words!r} did not find the uploaded article"

    session.client("s3").delete_object(Bucket=bucket, Key=key)
    _poll(doc_url, 404, INDEX_WAIT_S)


def test_dead_letter_queue_is_empty(session: Any, outputs: dict[str, str]) -> None:
    attributes = session.client("sqs").get_queue_attributes(
        QueueUrl=outputs["DeadLetterQueueUrl"], AttributeNames=["ApproximateNumberOfMessages"]
    )
    assert attributes["Attributes"]["ApproximateNumberOfMessages"] == "0"
