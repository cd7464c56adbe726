"""Small helpers for tests that talk to the running local stack."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


def api_get(api_url: str, path: str, params: list[tuple[str, str]] | dict[str, str] | None = None) -> tuple[int, Any]:
    query = f"?{urllib.parse.urlencode(params)}" if params else ""
    try:
        with urllib.request.urlopen(f"{api_url}{path}{query}", timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"null")


def wait_for(check: Callable[[], T | None], *, timeout: float, interval: float = 0.25) -> T:
    """Poll until `check` returns something truthy; fail with the last value after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    last: T | None = None
    while time.monotonic() < deadline:
        last = check()
        if last:
            return last
        time.sleep(interval)
    raise AssertionError(f"condition not met within {timeout} s (last value: {last!r})")


def keys_of(result: dict[str, Any]) -> set[str]:
    return {hit["key"] for hit in result["hits"]}
