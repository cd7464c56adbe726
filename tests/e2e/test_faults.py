"""Fault tests on the whole local stack (real OpenSearch node, real S3/SQS emulator, worker processes
running the ingest handler). Each reports its counts and checks: every file indexed exactly once,
nothing in the dead-letter queue that should not be there."""

from __future__ import annotations

import json
import os
import signal
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from opensearchpy import NotFoundError
from warta import dlq
from warta.index.client import make_client
from warta.index.documents import document_id
from warta.local import emulator
from warta.local.stack import start_service, stop_service

from tests.conftest import SAMPLES
from tests.integration.helpers import wait_for

pytestmark = pytest.mark.e2e
PAGE = (SAMPLES / "detik-kapolres-bogor-tawuran.html").read_bytes()
FILES = int(os.environ.get("WARTA_FAULT_FILES", "2000"))
DOWNTIME = float(os.environ.get("WARTA_FAULT_DOWNTIME", "60"))


@pytest.fixture(scope="module")
def clients(stack):
    return (
        emulator.client("s3", stack.emulator_url),
        emulator.client("sqs", stack.emulator_url),
        make_client(stack.opensearch_url, timeout=30),
    )


def _indexed_keys(client, alias: str, prefix: str) -> list[str]:
    client.indices.refresh(index=alias)
    body = {"query": {"prefix": {"key": prefix}}, "_source": ["key"], "size": 10_000}
    return [hit["_source"]["key"] for hit in client.search(index=alias, body=body)["hits"]["hits"]]


def _upload(s3, bucket: str, keys: list[str], on_progress=lambda n: None) -> None:
    def put(key: str) -> None:
        s3.put_object(Bucket=bucket, Key=key, Body=PAGE, ContentType="text/html")

    with ThreadPoolExecutor(max_workers=8) as pool:
        for done, _ in enumerate(pool.map(put, keys), start=1):
            on_progress(done)


def _dead_keys(sqs, stack, prefix: str) -> list[str]:
    return [
        k for letter in dlq.peek(sqs, stack.dlq_url, limit=1000) for k in letter.keys if k.startswith(prefix)
    ]


def _report(name: str, dropped: int, keys: list[str], dead: list[str]) -> None:
    counts = {
        "dropped": dropped,
        "indexed": len(set(keys)),
        "duplicates": len(keys) - len(set(keys)),
        "lost": dropped - len(set(keys)),
        "dead_lettered": len(dead),
    }
    print(f"\n[{name}] " + json.dumps(counts))


def test_opensearch_outage_mid_ingest_loses_nothing_and_duplicates_nothing(stack, clients):
    s3, sqs, client = clients
    prefix = f"outage-{uuid.uuid4().hex[:6]}/"
    keys = [f"{prefix}{n:05d}.html" for n in range(FILES)]
    stopped_at: list[float] = []

    def maybe_stop(done: int) -> None:
        if done == FILES // 5 and not stopped_at:  # a fifth of the files in: pull the plug
            stop_service(stack_dir(stack), "opensearch")
            stopped_at.append(time.monotonic())

    _upload(s3, stack.bucket, keys, maybe_stop)
    assert stopped_at, "OpenSearch was never stopped"
    time.sleep(max(0.0, DOWNTIME - (time.monotonic() - stopped_at[0])))
    start_service(stack_dir(stack), "opensearch")

    indexed = wait_for(
        lambda: _indexed_keys(client, stack.index_alias, prefix),
        timeout=300,
        interval=2,
        until=lambda got: len(set(got)) >= FILES,
    )

    dead = _dead_keys(sqs, stack, prefix)
    _report("opensearch outage", FILES, indexed, dead)
    assert sorted(indexed) == keys  # every file, exactly once
    assert dead == []


def test_worker_killed_mid_batch_and_restarted(stack, clients):
    s3, sqs, client = clients
    prefix = f"sigkill-{uuid.uuid4().hex[:6]}/"
    keys = [f"{prefix}{n:04d}.html" for n in range(400)]
    _upload(s3, stack.bucket, keys)
    wait_for(lambda: len(_indexed_keys(client, stack.index_alias, prefix)) >= 20, timeout=30, interval=0.1)

    stop_service(stack_dir(stack), "worker-0", signal.SIGKILL)  # mid-batch: no chance to finish or clean up
    start_service(stack_dir(stack), "worker-0")

    # Messages the killed worker held come back after the queue's visibility timeout.
    indexed = wait_for(
        lambda: _indexed_keys(client, stack.index_alias, prefix),
        timeout=120,
        interval=1,
        until=lambda got: len(set(got)) >= len(keys),
    )
    dead = _dead_keys(sqs, stack, prefix)
    _report("worker SIGKILL", len(keys), indexed, dead)
    assert sorted(indexed) == keys
    assert dead == []


def test_duplicate_late_missing_and_rapid_events(stack, clients):
    s3, sqs, client = clients
    prefix = f"events-{uuid.uuid4().hex[:6]}/"

    def notify(key: str, event_time: str) -> None:
        body = {
            "Records": [
                {
                    "eventName": "ObjectCreated:Put",
                    "eventTime": event_time,
                    "s3": {"bucket": {"name": stack.bucket}, "object": {"key": key}},
                }
            ]
        }
        sqs.send_message(QueueUrl=stack.queue_url, MessageBody=json.dumps(body))

    def source(key: str) -> dict | None:
        try:
            return client.get(index=stack.index_alias, id=document_id(stack.bucket, key))["_source"]
        except NotFoundError:
            return None

    # The same notification delivered twice.
    twice = f"{prefix}twice.html"
    s3.put_object(Bucket=stack.bucket, Key=twice, Body=PAGE)
    notify(twice, "2026-11-27T06:00:00.000Z")
    notify(twice, "2026-11-27T06:00:00.000Z")
    # Overwritten three times within a second: the last content must win.
    rapid = f"{prefix}rapid.html"
    for label in (b"Satu", b"Dua", b"Tiga"):
        s3.put_object(
            Bucket=stack.bucket, Key=rapid, Body=PAGE.replace(b"Tawuran Pelajar", b"Tawuran " + label)
        )
    # A created-event for an object deleted before the event was processed.
    notify(f"{prefix}deleted-before.html", "2026-11-27T06:00:00.000Z")

    wait_for(
        lambda: source(twice) and (source(rapid) or {}).get("title", "").startswith("Tawuran Tiga"),
        timeout=15,
    )
    first_ingest = source(twice)["ingested"]
    # An older event for `twice`, delivered late, must not overwrite what newer events wrote.
    notify(twice, "2020-01-01T00:00:00.000Z")
    time.sleep(3)

    assert len(_indexed_keys(client, stack.index_alias, twice)) == 1
    assert source(twice)["ingested"] == first_ingest
    assert source(rapid)["title"].startswith("Tawuran Tiga")
    assert source(f"{prefix}deleted-before.html") is None
    assert _dead_keys(sqs, stack, prefix) == []


def stack_dir(stack):
    from pathlib import Path

    return Path(stack.logs).parent
