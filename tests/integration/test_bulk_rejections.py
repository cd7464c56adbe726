"""Per-item bulk failures map back to the SQS messages that carried them: only throttled items are
retried, a document the mapping refuses goes to the DLQ with its reason, the rest is indexed."""

from __future__ import annotations

import json
import uuid

import pytest
from warta import dlq
from warta.index.client import make_client
from warta.index.documents import document_id
from warta.local import emulator
from warta.local.lambda_runtime import LocalContext, load_handler

from tests.conftest import SAMPLES
from tests.integration.faults import BulkFaultProxy

pytestmark = pytest.mark.integration
BUCKET = "warta-bulk-faults"


def _record(key: str, receive_count: int = 1) -> dict:
    body = {
        "Records": [
            {
                "eventName": "ObjectCreated:Put",
                "eventTime": "2026-11-27T05:00:00.000Z",
                "s3": {"bucket": {"name": BUCKET}, "object": {"key": key}},
            }
        ]
    }
    return {
        "messageId": f"m-{key}",
        "receiptHandle": "r",
        "body": json.dumps(body),
        "attributes": {"ApproximateReceiveCount": str(receive_count)},
        "messageAttributes": {},
        "md5OfBody": "0" * 32,
        "eventSource": "aws:sqs",
        "eventSourceARN": "arn:aws:sqs:us-east-1:0:q",
        "awsRegion": "us-east-1",
    }


def test_throttled_items_are_retried_and_refused_items_dead_lettered(stack, monkeypatch):
    s3 = emulator.client("s3", stack.emulator_url)
    sqs = emulator.client("sqs", stack.emulator_url)
    s3.create_bucket(Bucket=BUCKET)
    prefix = uuid.uuid4().hex[:8]
    keys = {name: f"{prefix}/{name}.html" for name in ("ok", "throttled", "refused")}
    for key in keys.values():
        s3.put_object(Bucket=BUCKET, Key=key, Body=(SAMPLES / "tempo-mutasi-kapolda.html").read_bytes())
    dlq_url = sqs.create_queue(QueueName=f"warta-test-dlq-{prefix}")["QueueUrl"]

    with BulkFaultProxy(stack.opensearch_url) as proxy:
        proxy.rules = {document_id(BUCKET, keys["throttled"]): 429, document_id(BUCKET, keys["refused"]): 400}
        monkeypatch.setenv("WARTA_OPENSEARCH_URL", proxy.url)
        monkeypatch.setenv("WARTA_DLQ_URL", dlq_url)
        monkeypatch.setenv("WARTA_MAX_RECEIVE_COUNT", "5")
        handler = load_handler("ingest")

        response = handler({"Records": [_record(k) for k in keys.values()]}, LocalContext("ingest"))

    assert response == {"batchItemFailures": [{"itemIdentifier": f"m-{keys['throttled']}"}]}
    client = make_client(stack.opensearch_url)
    assert client.exists(index=stack.index_alias, id=document_id(BUCKET, keys["ok"]))
    assert not client.exists(index=stack.index_alias, id=document_id(BUCKET, keys["refused"]))
    (letter,) = dlq.peek(sqs, dlq_url)
    assert letter.keys == (keys["refused"],)
    assert "mapper_parsing_exception" in letter.reason


def test_the_last_allowed_receive_dead_letters_with_the_reason(stack, monkeypatch):
    s3 = emulator.client("s3", stack.emulator_url)
    sqs = emulator.client("sqs", stack.emulator_url)
    s3.create_bucket(Bucket=BUCKET)
    key = f"{uuid.uuid4().hex[:8]}/always-throttled.html"
    s3.put_object(Bucket=BUCKET, Key=key, Body=(SAMPLES / "tempo-mutasi-kapolda.html").read_bytes())
    dlq_url = sqs.create_queue(QueueName=f"warta-test-dlq-{uuid.uuid4().hex[:8]}")["QueueUrl"]

    with BulkFaultProxy(stack.opensearch_url) as proxy:
        proxy.rules = {document_id(BUCKET, key): 429}
        monkeypatch.setenv("WARTA_OPENSEARCH_URL", proxy.url)
        monkeypatch.setenv("WARTA_DLQ_URL", dlq_url)
        monkeypatch.setenv("WARTA_MAX_RECEIVE_COUNT", "3")
        handler = load_handler("ingest")
        second = handler({"Records": [_record(key, receive_count=2)]}, LocalContext("ingest"))
        last = handler({"Records": [_record(key, receive_count=3)]}, LocalContext("ingest"))

    assert second == {"batchItemFailures": [{"itemIdentifier": f"m-{key}"}]}
    assert last == {"batchItemFailures": []}  # acknowledged: it now sits in the DLQ, with its reason
    (letter,) = dlq.peek(sqs, dlq_url)
    assert "429" in letter.reason and "es_rejected_execution_exception" in letter.reason

    moved = dlq.replay(sqs, dlq_url, stack.queue_url)
    assert moved == 1 and dlq.peek(sqs, dlq_url) == []
