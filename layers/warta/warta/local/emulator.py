"""S3 and SQS on 127.0.0.1: moto in server mode, a real HTTP endpoint that boto3 reaches through
`endpoint_url`, with the bucket's notifications delivered to the ingest queue and a DLQ behind it."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REGION = "us-east-1"
# moto accepts any credentials; fixed dummy ones keep boto3 from looking for real ones.
CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "warta-local",
    "AWS_SECRET_ACCESS_KEY": "warta-local",
    "AWS_DEFAULT_REGION": REGION,
}


@dataclass(frozen=True)
class Resources:
    bucket: str = "warta-articles"
    queue: str = "warta-ingest"
    dead_letter_queue: str = "warta-ingest-dlq"
    # Generous, as in AWS: a minute-long OpenSearch outage must not send good messages to the DLQ.
    max_receive_count: int = 5
    visibility_timeout: int = 30
    alerts_queue: str = "warta-alert-deliveries"
    alerts_dead_letter_queue: str = "warta-alert-deliveries-dlq"


def start(port: int, log_path: Path) -> subprocess.Popen[bytes]:
    moto_server = Path(sys.executable).with_name("moto_server")
    log = log_path.open("wb")
    return subprocess.Popen(
        [str(moto_server), "-H", "127.0.0.1", "-p", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def client(service: str, endpoint: str) -> Any:
    import boto3

    return boto3.client(
        service,
        endpoint_url=endpoint,
        region_name=REGION,
        aws_access_key_id=CREDENTIALS["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
    )


def provision(endpoint: str, resources: Resources = Resources()) -> dict[str, str]:
    """Create the bucket, the queues with their DLQs, and the notifications, as template.yaml does in AWS."""
    s3, sqs = client("s3", endpoint), client("sqs", endpoint)
    queue_url, queue_arn, dlq_url = _queue_with_dlq(
        sqs, resources.queue, resources.dead_letter_queue, resources
    )
    s3.create_bucket(Bucket=resources.bucket)
    s3.put_bucket_notification_configuration(
        Bucket=resources.bucket,
        NotificationConfiguration={
            "QueueConfigurations": [
                {"QueueArn": queue_arn, "Events": ["s3:ObjectCreated:*", "s3:ObjectRemoved:*"]}
            ],
        },
    )
    alerts_url, alerts_arn, alerts_dlq_url = _queue_with_dlq(
        sqs, resources.alerts_queue, resources.alerts_dead_letter_queue, resources
    )
    return {
        "bucket": resources.bucket,
        "queue_url": queue_url,
        "queue_arn": queue_arn,
        "dlq_url": dlq_url,
        "alerts_queue_url": alerts_url,
        "alerts_queue_arn": alerts_arn,
        "alerts_dlq_url": alerts_dlq_url,
    }


def _queue_with_dlq(sqs: Any, name: str, dlq_name: str, resources: Resources) -> tuple[str, str, str]:
    """A queue that redrives to its own DLQ after `max_receive_count` receives: (url, arn, DLQ url)."""
    dlq_url = sqs.create_queue(QueueName=dlq_name)["QueueUrl"]
    queue_url = sqs.create_queue(
        QueueName=name,
        Attributes={
            "VisibilityTimeout": str(resources.visibility_timeout),
            "RedrivePolicy": json.dumps(
                {
                    "deadLetterTargetArn": _arn(sqs, dlq_url),
                    "maxReceiveCount": str(resources.max_receive_count),
                }
            ),
        },
    )["QueueUrl"]
    return queue_url, _arn(sqs, queue_url), dlq_url


def _arn(sqs: Any, queue_url: str) -> str:
    return str(
        sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    )
