"""A small HTTP front that does what API Gateway's HTTP API does for the search function: turn each
request into a payload-format 2.0 event, invoke the handler, turn its answer into the response."""

from __future__ import annotations

import argparse
import base64
import json
import os
import queue
import socket
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from .lambda_runtime import Handler, LocalContext, load_handler


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
            "accountId": "000000000000", "apiId": "local", "domainName": "127.0.0.1",
            "http": {"method": method, "path": parts.path, "protocol": "HTTP/1.1", "sourceIp": "127.0.0.1",
                     "userAgent": headers.get("User-Agent", "")},
            "requestId": str(uuid.uuid4()), "routeKey": "$default", "stage": "$default",
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


def serve(port: int, handlers: list[Handler], host: str = "127.0.0.1") -> ThreadingHTTPServer:
    """Each handler is one execution environment (its own loaded module): it serves one request at a
    time, as the resolver keeps the current event on its app object. A request takes whichever
    environment is idle, as API Gateway and Lambda do, and waits only when all are busy."""
    idle: queue.SimpleQueue[Handler] = queue.SimpleQueue()
    for handler in handlers:
        idle.put(handler)

    class Front(BaseHTTPRequestHandler):
        # Keep-alive, as API Gateway does: under HTTP/1.0 every request paid a new connection and thread.
        protocol_version = "HTTP/1.1"
        timeout = 60  # seconds an idle keep-alive connection may hold its thread

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
            event = http_api_event(self.command, self.path, dict(self.headers), self.rfile.read(length))
            handler = idle.get()
            try:
                result = handler(event, LocalContext("warta-search"))
            finally:
                idle.put(handler)
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

    return _SharedPortServer((host, port), Front)


class _SharedPortServer(ThreadingHTTPServer):
    request_queue_size = 128  # the default 5 dropped connections when 20 clients connected at once
    # Several front processes may listen on one port, as several Lambda execution environments serve
    # one API: the kernel spreads connections between them.
    def server_bind(self) -> None:
        self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        super().server_bind()


def main() -> None:
    parser = argparse.ArgumentParser(description="Serve the search function as API Gateway would.")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--environments", type=int, default=4,
                        help="execution environments, each serving one request at a time")
    parser.add_argument("--processes", type=int, default=1,
                        help="processes to spread the environments over (Python runs one thread at a time)")
    args = parser.parse_args()
    for _ in range(args.processes - 1):
        if os.fork() == 0:
            break  # children serve too; all die with the process group on `warta local down`
    per_process = max(1, args.environments // args.processes)
    server = serve(args.port, [load_handler("search") for _ in range(per_process)])
    server.serve_forever()


if __name__ == "__main__":
    main()
