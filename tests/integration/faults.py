"""A fault-injecting HTTP proxy in front of the real OpenSearch node. Requests pass through, except
that `_bulk` actions for chosen document ids are withheld from the node and answered with a per-item
error instead, as a cluster under pressure (429) or a mapping that refuses a document (400) would."""

from __future__ import annotations

import http.client
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self
from urllib.parse import urlsplit

REJECTIONS = {
    429: {"type": "es_rejected_execution_exception", "reason": "rejected execution: write queue is full"},
    400: {"type": "mapper_parsing_exception", "reason": "failed to parse field [published] of type [date]"},
}


class BulkFaultProxy:
    def __init__(self, target_url: str) -> None:
        self.target = urlsplit(target_url)
        self.rules: dict[str, int] = {}  # document id -> status to answer for it, on every attempt
        self.bulk_requests = 0
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                self._forward()

            def do_POST(self) -> None:
                self._forward()

            def do_PUT(self) -> None:
                self._forward()

            def do_HEAD(self) -> None:
                self._forward()

            def do_DELETE(self) -> None:
                self._forward()

            def _forward(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                is_bulk = self.command == "POST" and urlsplit(self.path).path.endswith("/_bulk")
                faults: dict[int, tuple[str, str, int]] = {}
                stand_in = False
                if is_bulk:
                    proxy.bulk_requests += 1
                    body, faults, stand_in = proxy._withhold(body)
                upstream = http.client.HTTPConnection(proxy.target.hostname, proxy.target.port, timeout=30)
                headers = {
                    k: v for k, v in self.headers.items() if k.lower() not in ("host", "content-length")
                }
                upstream.request(self.command, self.path, body=body or None, headers=headers)
                response = upstream.getresponse()
                payload = response.read()
                if is_bulk:
                    payload = proxy._splice(payload, faults, stand_in)
                self.send_response(response.status)
                for name, value in response.getheaders():
                    if name.lower() not in ("content-length", "transfer-encoding", "connection"):
                        self.send_header(name, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(payload)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _withhold(self, request: bytes) -> tuple[bytes, dict[int, tuple[str, str, int]], bool]:
        """Drop the actions of faulted ids from the request: the node never sees them, as a rejected
        item is never written. Returns the new body, {position: (op, id, status)}, and whether the
        body is only a stand-in (every action was faulted)."""
        lines = [line for line in request.decode().splitlines() if line.strip()]
        kept: list[str] = []
        faults: dict[int, tuple[str, str, int]] = {}
        index = position = 0
        while index < len(lines):
            op, meta = next(iter(json.loads(lines[index]).items()))
            width = 1 if op == "delete" else 2
            status = self.rules.get(meta.get("_id"))
            if status:
                faults[position] = (op, meta.get("_id"), status)
            else:
                kept += lines[index : index + width]
            index += width
            position += 1
        stand_in = not kept
        if stand_in:  # a bulk request must carry something: a harmless write to a scratch index
            kept = ['{"index": {"_index": "warta-proxy-scratch", "_id": "x"}}', "{}"]
        return ("\n".join(kept) + "\n").encode(), faults, stand_in

    @staticmethod
    def _splice(payload: bytes, faults: dict[int, tuple[str, str, int]], stand_in: bool) -> bytes:
        answer = json.loads(payload)
        real = iter([] if stand_in else answer["items"])
        count = len(faults) + (0 if stand_in else len(answer["items"]))
        answer["items"] = [
            {faults[p][0]: {"_id": faults[p][1], "status": faults[p][2], "error": REJECTIONS[faults[p][2]]}}
            if p in faults
            else next(real)
            for p in range(count)
        ]
        answer["errors"] = answer["errors"] or bool(faults)
        return json.dumps(answer).encode()
