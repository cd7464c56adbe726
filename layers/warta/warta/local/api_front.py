"""A small HTTP front that does what API Gateway's HTTP API and Lambda do for the search function: turn
each request into a payload-format 2.0 event, hand it to an idle execution environment, and turn the
function's answer into the response.

Each execution environment is a process of its own that loads the function once and serves one event at
a time, as in Lambda. Environments that were threads of one process shared its interpreter: the GIL, and
library state kept per process, such as Powertools' pending metrics, which one environment's flush
emptied under another's feet."""

from __future__ import annotations

import argparse
import base64
import json
import multiprocessing
import queue
import threading
import time
import traceback
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from .lambda_runtime import FUNCTIONS_DIR, LocalContext, load_handler

# API Gateway's answer when the function fails rather than returning a response.
FUNCTION_ERROR = {
    "statusCode": 500,
    "headers": {"Content-Type": "application/json"},
    "body": json.dumps({"message": "Internal Server Error"}),
}
NO_ENVIRONMENT = {
    "statusCode": 503,
    "headers": {"Content-Type": "application/json"},
    "body": json.dumps({"message": "Service Unavailable"}),
}
FREE_ENVIRONMENT_TIMEOUT = 30.0  # seconds a request waits for an idle environment, cold starts included


def http_api_event(method: str, raw_path: str, headers: dict[str, str], body: bytes) -> dict[str, Any]:
    parts = urlsplit(raw_path)
    query = parse_qs(parts.query, keep_blank_values=True)
    event: dict[str, Any] = {
        "version": "2.0",
        "routeKey": "$default",
        "rawPath": parts.path,
        "rawQueryString": parts.query,
        "headers": {k.lower(): v for k, v in headers.items()},
        "requestContext": {
            "accountId": "000000000000",
            "apiId": "local",
            "domainName": "127.0.0.1",
            "http": {
                "method": method,
                "path": parts.path,
                "protocol": "HTTP/1.1",
                "sourceIp": "127.0.0.1",
                "userAgent": headers.get("User-Agent", ""),
            },
            "requestId": str(uuid.uuid4()),
            "routeKey": "$default",
            "stage": "$default",
            "time": time.strftime("%d/%b/%Y:%H:%M:%S +0000", time.gmtime()),
            "timeEpoch": int(time.time() * 1000),
        },
        "isBase64Encoded": False,
    }
    if query:
        # HTTP APIs join repeated parameters with commas, exactly like this.
        event["queryStringParameters"] = {k: ",".join(v) for k, v in query.items()}
    if body:
        event["body"] = body.decode("utf-8", errors="replace")
    return event


class Environment:
    """One execution environment: a child process with the function loaded, fed events over a pipe."""

    def __init__(self, function: str, functions_dir: Path = FUNCTIONS_DIR) -> None:
        self.broken = False
        # spawn, not fork: environments are also started while the front's threads are running.
        context = multiprocessing.get_context("spawn")
        self.conn, child = context.Pipe()
        self.process = context.Process(
            target=_serve_events,
            args=(child, function, functions_dir),
            daemon=True,
            name=f"warta-{function}-environment",
        )
        self.process.start()
        child.close()

    def wait_ready(self) -> bool:
        try:
            return bool(self.conn.recv() == "ready")
        except (EOFError, OSError):
            return False

    def invoke(self, event: dict[str, Any]) -> dict[str, Any]:
        """The function's result; API Gateway's 500 when the function raised or its process died."""
        try:
            self.conn.send(event)
            ok, result = self.conn.recv()
        except (EOFError, OSError):  # the process died mid-event: never hand it another one
            self.broken = True
            self.process.kill()
            return FUNCTION_ERROR
        return result if ok else FUNCTION_ERROR


def _serve_events(conn: Connection, function: str, functions_dir: Path) -> None:
    handler = load_handler(function, functions_dir)
    conn.send("ready")
    while True:
        try:
            event = conn.recv()
        except (EOFError, OSError):
            return  # the front is gone
        try:
            conn.send((True, handler(event, LocalContext(f"warta-{function}"))))
        except Exception:  # noqa: BLE001 - as Lambda does: log it, answer an error, keep the environment
            traceback.print_exc()
            conn.send((False, None))


class EnvironmentPool:
    """Idle environments; a request takes whichever is free and waits only when all are busy. One that
    died is replaced in the background, as Lambda starts a new environment after a crash."""

    def __init__(self, function: str, size: int, functions_dir: Path = FUNCTIONS_DIR) -> None:
        self.function = function
        self.functions_dir = functions_dir
        self._idle: queue.SimpleQueue[Environment] = queue.SimpleQueue()
        for _ in range(size):
            self._start()

    def _start(self) -> None:
        environment = Environment(self.function, self.functions_dir)

        def when_ready() -> None:
            if environment.wait_ready():
                self._idle.put(environment)

        threading.Thread(target=when_ready, daemon=True).start()

    def invoke(self, event: dict[str, Any]) -> dict[str, Any]:
        try:
            environment = self._idle.get(timeout=FREE_ENVIRONMENT_TIMEOUT)
        except queue.Empty:  # none started (see the log: a failing import?) or all stuck
            return NO_ENVIRONMENT
        result = environment.invoke(event)
        if environment.broken:
            self._start()
        else:
            self._idle.put(environment)
        return result


def serve(port: int, pool: EnvironmentPool, host: str = "127.0.0.1") -> ThreadingHTTPServer:
    class Front(BaseHTTPRequestHandler):
        # Keep-alive, as API Gateway does: under HTTP/1.0 every request paid a new connection and thread.
        protocol_version = "HTTP/1.1"
        timeout = 60  # seconds an idle keep-alive connection may hold its thread
        # The headers and the body leave in two writes. With Nagle's algorithm on, the body waited for the
        # client's ACK of the headers, which Linux delays by 40 ms on a keep-alive connection: every
        # answer paid 40 ms the function never spent. API Gateway answers without that wait.
        disable_nagle_algorithm = True

        # API Gateway hands every method to the function; the resolver answers what it has no route for.
        def do_GET(self) -> None:
            self._invoke()

        def __getattr__(self, name: str) -> Any:
            if name.startswith("do_"):  # any other method (POST, TRACE, ...): the handler decides
                return self._invoke
            raise AttributeError(name)

        def do_HEAD(self) -> None:
            self._invoke(with_body=False)

        def _invoke(self, with_body: bool = True) -> None:
            if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
                self.send_error(411, "a request body needs Content-Length")  # the search API takes no bodies
                return
            length = int(self.headers.get("Content-Length") or 0)
            result = pool.invoke(
                http_api_event(self.command, self.path, dict(self.headers), self.rfile.read(length))
            )
            body = result.get("body") or ""
            payload = base64.b64decode(body) if result.get("isBase64Encoded") else body.encode()
            self.send_response(int(result.get("statusCode", 200)))
            for name, value in (result.get("headers") or {}).items():
                self.send_header(name, value)
            for cookie in result.get("cookies") or []:
                self.send_header("Set-Cookie", cookie)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            if with_body:
                self.wfile.write(payload)

        def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
            # Failures only: a flushed log line per request was a visible share of the front's CPU under load.
            if str(code).isdigit() and int(code) >= 400:
                super().log_request(code, size)

        def log_message(self, format: str, *args: Any) -> None:
            print(json.dumps({"front": format % args}), flush=True)

    return _Server((host, port), Front)


class _Server(ThreadingHTTPServer):
    request_queue_size = 128  # the default 5 dropped connections when 20 clients connected at once


def main() -> None:
    parser = argparse.ArgumentParser(description="Serve the search function as API Gateway and Lambda would.")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument(
        "--environments",
        type=int,
        default=4,
        help="execution environments (Lambda's concurrency): processes serving one event at a time",
    )
    args = parser.parse_args()
    server = serve(args.port, EnvironmentPool("search", max(1, args.environments)))
    server.serve_forever()


if __name__ == "__main__":
    main()
