"""Settings read once at the edge (handler or CLI) and passed inward; the core never reads os.environ."""

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
        return cls(opensearch_url=url.rstrip("/"), index_alias=env.get("WARTA_INDEX_ALIAS", INDEX_PREFIX),
                   dlq_url=env.get("WARTA_DLQ_URL") or None,
                   max_receive_count=_whole(env, "WARTA_MAX_RECEIVE_COUNT", 0),
                   queue_url=env.get("WARTA_QUEUE_URL") or None,
                   retry_base_seconds=_whole(env, "WARTA_RETRY_BASE_SECONDS", 30),
                   alerts_queue_url=env.get("WARTA_ALERTS_QUEUE_URL") or None,
                   alerts_dlq_url=env.get("WARTA_ALERTS_DLQ_URL") or None,
                   alerts_topic_arn=env.get("WARTA_ALERTS_TOPIC_ARN") or None,
                   alerts_retry_base_seconds=_whole(env, "WARTA_ALERTS_RETRY_BASE_SECONDS", 30),
                   alerts_max_receive_count=_whole(env, "WARTA_ALERTS_MAX_RECEIVE_COUNT", 0),
                   local_webhooks=env.get("WARTA_LOCAL_WEBHOOKS", "") == "1")


def _whole(env: Mapping[str, str], name: str, default: int) -> int:
    try:
        return int(env.get(name, "") or default)
    except ValueError as exc:
        raise ValueError(f"{name} must be a whole number") from exc
