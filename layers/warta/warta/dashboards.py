"""OpenSearch Dashboards: load the saved objects in dashboards/*.ndjson (index pattern, saved search,
visualizations, dashboard) through the saved-objects import API.

The request is `POST {url}/api/saved_objects/_import?overwrite=true`, a multipart form with the
NDJSON as its `file` part and the `osd-xsrf` header Dashboards requires of API writes. An Amazon
OpenSearch Service domain's Dashboards takes SigV4 requests signed for the service "es"; a
self-managed one may take basic auth, or nothing."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

REPO_ROOT = Path(__file__).resolve().parents[3]
DASHBOARDS_DIR = REPO_ROOT / "dashboards"
IMPORT_PATH = "/api/saved_objects/_import"
_REGION = r"[a-z]{2}(?:-[a-z]+)+-\d"
# search-NAME-ID.REGION.es.amazonaws.com, or the newer search-NAME-ID.aos.REGION.on.aws
_AWS_HOST = re.compile(
    rf"(?:\.(?P<classic>{_REGION})\.es\.amazonaws\.com|\.aos\.(?P<aos>{_REGION})\.on\.aws)$"
)


class DashboardsError(RuntimeError):
    """Dashboards refused the import, or answered with an error status."""


@dataclass(frozen=True, slots=True)
class BasicAuth:
    user: str
    password: str


@dataclass(frozen=True, slots=True)
class SigV4:
    """Sign with these botocore credentials for the service "es" in `region`."""

    credentials: Any
    region: str


@dataclass(frozen=True, slots=True)
class ImportRequest:
    url: str
    headers: dict[str, str]
    body: bytes


Send = Callable[[ImportRequest, float], tuple[int, bytes]]


def saved_object_files(folder: Path = DASHBOARDS_DIR) -> list[Path]:
    return sorted(folder.glob("*.ndjson"))


def read_objects(files: Iterable[Path], index_pattern: str | None = None) -> bytes:
    """The NDJSON of all `files` as one upload; `index_pattern` retitles the index patterns (the
    index or alias they read), keeping their ids so every reference still holds."""
    lines = []
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            item = json.loads(line)
            if index_pattern and item.get("type") == "index-pattern":
                item["attributes"]["title"] = index_pattern
            lines.append(json.dumps(item, separators=(",", ":"), ensure_ascii=False))
    return ("\n".join(lines) + "\n").encode()


def aws_region(url: str) -> str | None:
    """The region of an Amazon OpenSearch Service endpoint, or None for any other host."""
    match = _AWS_HOST.search(urlsplit(url).hostname or "")
    return (match.group("classic") or match.group("aos")) if match else None


def multipart(ndjson: bytes, boundary: str, filename: str = "warta.ndjson") -> bytes:
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{filename}"\r\n'
        "Content-Type: application/ndjson\r\n\r\n"
    ).encode()
    return head + ndjson + f"\r\n--{boundary}--\r\n".encode()


def build_request(
    url: str,
    ndjson: bytes,
    *,
    overwrite: bool = True,
    auth: BasicAuth | SigV4 | None = None,
    boundary: str | None = None,
) -> ImportRequest:
    boundary = boundary or f"warta-{uuid.uuid4().hex}"
    target = f"{url.rstrip('/')}{IMPORT_PATH}?overwrite={'true' if overwrite else 'false'}"
    body = multipart(ndjson, boundary)
    headers = {
        "Content-Type": f"multipart/form-data; boundary={boundary}",
        "osd-xsrf": "true",
        "Accept": "application/json",
    }
    if isinstance(auth, BasicAuth):
        import base64

        token = base64.b64encode(f"{auth.user}:{auth.password}".encode()).decode()
        headers["Authorization"] = f"Basic {token}"
    elif isinstance(auth, SigV4):
        headers = _signed(target, headers, body, auth)
    return ImportRequest(url=target, headers=headers, body=body)


def _signed(url: str, headers: dict[str, str], body: bytes, auth: SigV4) -> dict[str, str]:
    from botocore.auth import SigV4Auth
    from botocore.awsrequest import AWSRequest

    request = AWSRequest(method="POST", url=url, data=body, headers=headers)
    SigV4Auth(auth.credentials, "es", auth.region).add_auth(request)
    return dict(request.headers.items())


def import_saved_objects(
    url: str,
    ndjson: bytes,
    *,
    auth: BasicAuth | SigV4 | None = None,
    overwrite: bool = True,
    timeout: float = 30.0,
    send: Send | None = None,
) -> dict[str, Any]:
    """Import, and return Dashboards' answer ({success, successCount, errors?}); raise
    DashboardsError when the status is not 200 or any object failed."""
    request = build_request(url, ndjson, overwrite=overwrite, auth=auth)
    status, raw = (send or _send)(request, timeout)
    try:
        answer = json.loads(raw or b"{}")
    except ValueError:
        answer = {"message": raw[:200].decode("utf-8", "replace")}
    if status != 200:
        raise DashboardsError(f"Dashboards answered {status}: {answer.get('message') or answer}")
    if not answer.get("success", False):
        problems = "; ".join(
            f"{e.get('type')}/{e.get('id')}: {e.get('error', {}).get('type', e.get('error'))}"
            for e in answer.get("errors", [])
        )
        raise DashboardsError(f"some objects were not imported: {problems or answer}")
    return dict(answer)


def _send(request: ImportRequest, timeout: float) -> tuple[int, bytes]:
    http_request = urllib.request.Request(
        request.url, data=request.body, headers=request.headers, method="POST"
    )
    try:
        with urllib.request.urlopen(http_request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()
