"""Small helpers for tests that talk to the running local stack."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from typing import Any


def api_get(
    api_url: str, path: str, params: list[tuple[str, str]] | dict[str, str] | None = None
) -> tuple[int, Any]:
    query = f"?{urllib.parse.urlencode(params)}" if params else ""
    try:
        with urllib.request.urlopen(f"{api_url}{path}{query}", timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"null")


def wait_for[T](
    check: Callable[[], T], *, timeout: float, interval: float = 0.25, until: Callable[[T], object] = bool
) -> T:
    """Poll `check` until `until(value)` holds; return that value, or fail with the last one."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if until(value):
            return value
        if time.monotonic() >= deadline:
            raise AssertionError(f"condition not met within {timeout} s (last value: {value!r})")
        time.sleep(interval)


def keys_of(result: dict[str, Any]) -> set[str]:
    return {hit["key"] for hit in result["hits"]}
