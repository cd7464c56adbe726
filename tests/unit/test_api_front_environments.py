"""The local front's execution environments: a process each, one event at a time, and what API Gateway
answers when the function fails. Uses a small function of its own (written to a temporary folder)."""

from __future__ import annotations

import http.client
import json
import os
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from warta.local.api_front import EnvironmentPool, serve

PROBE = """
import os, time

def lambda_handler(event, context):
    path = event["rawPath"]
    if path == "/raise":
        raise RuntimeError("the function failed")
    if path == "/die":
        os._exit(3)
    if path == "/slow":
        time.sleep(0.5)
    return {"statusCode": 200, "headers": {"Content-Type": "application/json"},
            "body": '{"pid": %d}' % os.getpid()}
"""


@pytest.fixture(scope="module")
def front(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    functions = tmp_path_factory.mktemp("functions")
    (functions / "probe").mkdir()
    (functions / "probe" / "app.py").write_text(PROBE)
    server = serve(0, EnvironmentPool("probe", 2, functions_dir=Path(functions)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def _get(port: int, path: str) -> tuple[int, dict]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, json.loads(response.read())
    finally:
        conn.close()


def test_each_environment_is_a_process_of_its_own(front):
    with ThreadPoolExecutor(2) as pool:
        answers = list(pool.map(lambda _: _get(front, "/slow"), range(2)))
    pids = {body["pid"] for status, body in answers if status == 200}
    assert len(pids) == 2, "two requests at once were not served by two environments"
    assert os.getpid() not in pids


def test_a_raising_function_gets_api_gateways_500_and_the_environment_stays(front):
    assert _get(front, "/raise") == (500, {"message": "Internal Server Error"})
    assert _get(front, "/")[0] == 200


def test_a_dead_environment_is_replaced(front):
    assert _get(front, "/die") == (500, {"message": "Internal Server Error"})
    statuses = {_get(front, "/")[0] for _ in range(6)}
    assert statuses == {200}
