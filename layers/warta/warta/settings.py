"""The one settings contract: every environment variable a handler reads, read once at the edge
(handler or CLI) and passed inward; the core never reads os.environ. The local stack writes its
environment with `to_env`, so the names are spelled here only (and in template.yaml, which a unit test
checks against `ENV_NAMES`)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from .index.mapping import INDEX_PREFIX

DEFAULT_LOCAL_OPENSEARCH = "http://127.0.0.1:9200"


@dataclass(frozen=True, slots=True)
class Settings:
    opensearch_url: str = DEFAULT_LOCAL_OPENSEARCH
    index_alias: str = INDEX_PREFIX
    bucket: str | None = None  # the articles bucket (reconcile lists it)
    dlq_url: str | None = None  # where poison messages go, with their reason
    max_receive_count: int = 0  # the queue's redrive maxReceiveCount; 0: leave it all to the queue
    queue_url: str | None = None  # the ingest queue, to delay retries (exponential back-off)
    retry_base_seconds: int = 30  # first retry after this long, then twice as long each time
    # Alerts (warta.alerts): where deliveries are queued, and how the deliver function retries them.
    alerts_queue_url: str | None = None
    alerts_dlq_url: str | None = None
    alerts_topic_arn: str | None = None  # the SNS channel's topic
    alerts_retry_base_seconds: int = 30
    alerts_max_receive_count: int = 0
    local_webhooks: bool = False  # the local stack: plain http to 127.0.0.1, no address checks

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        url = env.get("WARTA_OPENSEARCH_URL", "").strip() or DEFAULT_LOCAL_OPENSEARCH
        if not url.startswith(("http://", "https://")):
            raise ValueError(f"WARTA_OPENSEARCH_URL must be an http(s) URL, got {url!r}")
        return cls(
            opensearch_url=url.rstrip("/"),
            index_alias=env.get("WARTA_INDEX_ALIAS") or INDEX_PREFIX,
            bucket=env.get("WARTA_BUCKET") or None,
            dlq_url=env.get("WARTA_DLQ_URL") or None,
            max_receive_count=_whole(env, "WARTA_MAX_RECEIVE_COUNT", 0),
            queue_url=env.get("WARTA_QUEUE_URL") or None,
            retry_base_seconds=_whole(env, "WARTA_RETRY_BASE_SECONDS", 30),
            alerts_queue_url=env.get("WARTA_ALERTS_QUEUE_URL") or None,
            alerts_dlq_url=env.get("WARTA_ALERTS_DLQ_URL") or None,
            alerts_topic_arn=env.get("WARTA_ALERTS_TOPIC_ARN") or None,
            alerts_retry_base_seconds=_whole(env, "WARTA_ALERTS_RETRY_BASE_SECONDS", 30),
            alerts_max_receive_count=_whole(env, "WARTA_ALERTS_MAX_RECEIVE_COUNT", 0),
            local_webhooks=env.get("WARTA_LOCAL_WEBHOOKS", "") == "1",
        )

    def to_env(self) -> dict[str, str]:
        """The environment that `from_env` reads back as these settings (unset values left out)."""
        values = {
            "WARTA_OPENSEARCH_URL": self.opensearch_url,
            "WARTA_INDEX_ALIAS": self.index_alias,
            "WARTA_BUCKET": self.bucket,
            "WARTA_DLQ_URL": self.dlq_url,
            "WARTA_MAX_RECEIVE_COUNT": str(self.max_receive_count),
            "WARTA_QUEUE_URL": self.queue_url,
            "WARTA_RETRY_BASE_SECONDS": str(self.retry_base_seconds),
            "WARTA_ALERTS_QUEUE_URL": self.alerts_queue_url,
            "WARTA_ALERTS_DLQ_URL": self.alerts_dlq_url,
            "WARTA_ALERTS_TOPIC_ARN": self.alerts_topic_arn,
            "WARTA_ALERTS_RETRY_BASE_SECONDS": str(self.alerts_retry_base_seconds),
            "WARTA_ALERTS_MAX_RECEIVE_COUNT": str(self.alerts_max_receive_count),
            "WARTA_LOCAL_WEBHOOKS": "1" if self.local_webhooks else None,
        }
        return {name: value for name, value in values.items() if value is not None}

    def required(self, name: str) -> str:
        """A setting a handler cannot work without, e.g. `settings.required("bucket")`."""
        value = getattr(self, name)
        if not value:
            raise ValueError(f"setting {name!r} is not set (environment variable WARTA_{name.upper()})")
        return str(value)


ENV_NAMES = frozenset(
    Settings(
        bucket="b",
        dlq_url="d",
        queue_url="q",
        alerts_queue_url="a",
        alerts_dlq_url="a",
        alerts_topic_arn="a",
        local_webhooks=True,
    ).to_env()
)  # every name `from_env` reads


def _whole(env: Mapping[str, str], name: str, default: int) -> int:
    try:
        return int(env.get(name, "") or default)
    except ValueError as exc:
        raise ValueError(f"{name} must be a whole number") from exc
