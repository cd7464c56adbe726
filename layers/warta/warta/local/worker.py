"""The local stand-in for Lambda's SQS event source mapping: long-poll the queue, invoke the ingest
handler with exactly the event Lambda would send (up to 10 records), delete only the messages the
handler did not report in `batchItemFailures`. Failed messages become visible again after the
visibility timeout, and the queue's redrive policy moves them to the DLQ."""

from __future__ import annotations

import argparse
import hashlib
import logging
import signal
import threading
from typing import Any

from .emulator import REGION, client
from .lambda_runtime import Handler, LocalContext, load_handler

log = logging.getLogger("warta.worker")


def sqs_event(messages: list[dict[str, Any]], queue_arn: str) -> dict[str, Any]:
    """Lambda's SQS event for a batch of received messages."""
    return {
        "Records": [
            {
                "messageId": m["MessageId"],
                "receiptHandle": m["ReceiptHandle"],
                "body": m["Body"],
                "attributes": m.get("Attributes", {}),
                "messageAttributes": m.get("MessageAttributes", {}),
                "md5OfBody": m.get("MD5OfBody") or hashlib.md5(m["Body"].encode()).hexdigest(),
                "eventSource": "aws:sqs",
                "eventSourceARN": queue_arn,
                "awsRegion": REGION,
            }
            for m in messages
        ]
    }


def poll_once(
    sqs: Any, queue_url: str, queue_arn: str, handler: Handler, *, wait_seconds: int = 1, batch_size: int = 10
) -> tuple[int, int]:
    """One receive-invoke-delete round. Returns (messages received, messages failed)."""
    received = sqs.receive_message(
        QueueUrl=queue_url,
        MaxNumberOfMessages=batch_size,
        WaitTimeSeconds=wait_seconds,
        AttributeNames=["All"],
        MessageAttributeNames=["All"],
    ).get("Messages", [])
    if not received:
        return 0, 0
    try:
        response = handler(sqs_event(received, queue_arn), LocalContext("warta-ingest"))
        failed = {f["itemIdentifier"] for f in (response or {}).get("batchItemFailures", [])}
    except Exception:  # a crashed invocation fails the whole batch, as in Lambda
        log.exception("ingest handler raised; the whole batch will be redelivered")
        failed = {m["MessageId"] for m in received}
    done = [
        {"Id": str(i), "ReceiptHandle": m["ReceiptHandle"]}
        for i, m in enumerate(received)
        if m["MessageId"] not in failed
    ]
    if done:
        sqs.delete_message_batch(QueueUrl=queue_url, Entries=done)
    return len(received), len(failed)


def run(
    endpoint: str, queue_url: str, queue_arn: str, stop: threading.Event, function: str = "ingest"
) -> None:
    sqs = client("sqs", endpoint)
    handler = load_handler(function)
    while not stop.is_set():
        try:
            received, failed = poll_once(sqs, queue_url, queue_arn, handler)
        except Exception:  # the emulator restarting, say: keep polling
            log.exception("polling failed")
            stop.wait(1)
            continue
        if received:
            log.info("batch of %d messages, %d failed", received, failed)


def main() -> None:
    parser = argparse.ArgumentParser(description="Feed SQS batches to the ingest handler, as Lambda does.")
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--queue-url", required=True)
    parser.add_argument("--queue-arn", required=True)
    parser.add_argument(
        "--function", default="ingest", help="the function the queue feeds (functions/<name>)"
    )
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    run(args.endpoint, args.queue_url, args.queue_arn, stop, args.function)


if __name__ == "__main__":
    main()
