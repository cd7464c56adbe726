"""Reading news pages from S3. SDK errors become domain answers here and nowhere else."""

from __future__ import annotations

from typing import Any

from ..parse.decode import MAX_HTML_BYTES
from ..ports import ObjectTooLarge, StoredObject

__all__ = ["ObjectTooLarge", "S3ObjectStore", "StoredObject"]


class S3ObjectStore:
    """`warta.ports.ObjectStore` over an injected boto3 S3 client. `get` returns None when the object is
    gone (deleted before its created-event was processed)."""

    def __init__(self, client: Any) -> None:
        self._client = client  # an injected boto3 S3 client

    def get(self, bucket: str, key: str) -> StoredObject | None:
        from botocore.exceptions import ClientError

        try:
            response = self._client.get_object(Bucket=bucket, Key=key)
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in ("NoSuchKey", "404", "NotFound"):
                return None
            raise  # throttling, permissions, 5xx: the caller retries the message
        size = int(response.get("ContentLength") or 0)
        if size > MAX_HTML_BYTES:
            response["Body"].close()
            raise ObjectTooLarge(size, (response.get("ETag") or "").strip('"') or None)
        return StoredObject(
            data=response["Body"].read(),
            content_type=response.get("ContentType"),
            content_encoding=response.get("ContentEncoding"),
            etag=(response.get("ETag") or "").strip('"') or None,
        )
