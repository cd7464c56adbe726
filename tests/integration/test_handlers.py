"""The handlers fed the sample events in events/, in-process, against the local node and emulator."""

from __future__ import annotations

import json
import socket

import pytest
from warta.index.client import make_client
from warta.index.documents import document_id
from warta.local import emulator
from warta.local.lambda_runtime import LocalContext, load_handler

from tests.conftest import EVENTS, FIXTURES

pytestmark = pytest.mark.integration
# A bucket with no notifications: only our direct handler calls touch its documents.
QUIET_BUCKET = "warta-handler-test"


def _event(name: str, bucket: str | None = None) -> dict:
    event = json.loads((EVENTS / name).read_text())
    if bucket:
        for record in event["Records"]:
            body = json.loads(record["body"])
            for s3_record in body.get("Records", []):
                s3_record["s3"]["bucket"]["name"] = bucket
            record["body"] = json.dumps(body)
    return event


def test_ingest_handler_indexes_then_deletes_from_the_sample_events(stack):
    s3 = emulator.client("s3", stack.emulator_url)
    s3.create_bucket(Bucket=QUIET_BUCKET)
    key = "events/2012/10/Kapolda Metro Jaya (profil).html"  # what the event's encoded key decodes to
    s3.put_object(Bucket=QUIET_BUCKET, Key=key, Body=(FIXTURES / "seed_vivanews.html").read_bytes())
    handler = load_handler("ingest")
    client = make_client(stack.opensearch_url)
    doc_id = document_id(QUIET_BUCKET, key)

    created = handler(_event("sqs_s3_object_created.json", QUIET_BUCKET), LocalContext("ingest"))

    assert created == {"batchItemFailures": []}
    document = client.get(index=stack.index_alias, id=doc_id)["_source"]
    assert document["key"] == key
    assert "Putut Eko Bayu Seno" in document["facet"]["official"]

    removed = handler(_event("sqs_s3_object_removed.json", QUIET_BUCKET), LocalContext("ingest"))

    assert removed == {"batchItemFailures": []}
    assert not client.exists(index=stack.index_alias, id=doc_id)


def test_ingest_handler_acknowledges_the_s3_test_event(stack):
    handler = load_handler("ingest")
    assert handler(_event("sqs_s3_test_event.json"), LocalContext("ingest")) == {"batchItemFailures": []}


def test_ingest_handler_reports_only_the_failing_message(stack):
    """A message whose object cannot be fetched (no such bucket: an S3 error other than a missing key)
    is reported for retry; the good message in the same batch is not."""
    s3 = emulator.client("s3", stack.emulator_url)
    s3.create_bucket(Bucket=QUIET_BUCKET)
    key = "events/2012/10/Kapolda Metro Jaya (profil).html"
    s3.put_object(Bucket=QUIET_BUCKET, Key=key, Body=(FIXTURES / "seed_vivanews.html").read_bytes())
    good = _event("sqs_s3_object_created.json", QUIET_BUCKET)["Records"][0]
    bad = _event("sqs_s3_object_created.json", "warta-no-such-bucket")["Records"][0]
    bad["messageId"] = "bad-message"

    response = load_handler("ingest")({"Records": [good, bad]}, LocalContext("ingest"))

    assert response == {"batchItemFailures": [{"itemIdentifier": "bad-message"}]}


def test_search_handler_answers_the_sample_http_api_events(stack):
    handler = load_handler("search")

    ok = handler(_event("http_api_search.json"), LocalContext("search"))
    bad = handler(_event("http_api_search_bad_date.json"), LocalContext("search"))

    assert ok["statusCode"] == 200
    body = json.loads(ok["body"])
    assert {"total", "hits", "facets", "histogram"} <= body.keys()
    assert bad["statusCode"] == 422
    assert "Traceback" not in bad["body"]
    assert json.loads(bad["body"])["detail"][0]["loc"][-1] == "from"


def test_search_handler_answers_503_with_a_body_when_the_index_is_unreachable(monkeypatch):
    with socket.socket() as probe:  # a port nobody listens on: bound, then closed
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("WARTA_OPENSEARCH_URL", f"http://127.0.0.1:{port}")
    handler = load_handler("search")

    response = handler(_event("http_api_search.json"), LocalContext("search"))

    assert response["statusCode"] == 503
    assert json.loads(response["body"])["error"] == "unavailable"
    assert "Traceback" not in response["body"]
