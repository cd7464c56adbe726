"""The explorer page's static files: which names may be served, with what type, caching and security
headers. The files themselves ship with the search function (functions/search/explorer/), which
passes their folder in; this module only decides how to answer for them."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".svg": "image/svg+xml",
}
# Every script and style comes from a file of this origin: no inline code, no third parties.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
# The page revalidates every time (it names the assets); assets may be reused for a few minutes,
# then revalidate cheaply with their ETag. Names carry no hash, so long caching would serve stale code.
PAGE_CACHE = "no-cache"
ASSET_CACHE = "public, max-age=300, must-revalidate"
_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*\.(html|css|js|svg)$")


@dataclass(frozen=True, slots=True)
class Asset:
    body: str
    content_type: str
    etag: str


def is_servable(name: str) -> bool:
    """A plain file name of a known type: no folders, no dot files, nothing else to guess."""
    return bool(_NAME.fullmatch(name))


@cache
def load_asset(root: Path, name: str) -> Asset | None:
    """The file `name` in `root`, or None when there is no such servable file. Cached per execution
    environment: the files are part of the deployment and never change under it."""
    if not is_servable(name):
        return None
    path = root / name
    if not path.is_file():
        return None
    body = path.read_text(encoding="utf-8")
    digest = hashlib.sha256(body.encode()).hexdigest()[:20]
    return Asset(body=body, content_type=CONTENT_TYPES[path.suffix], etag=f'"{digest}"')


def headers_for(asset: Asset, cache_control: str) -> dict[str, str]:
    return {**SECURITY_HEADERS, "Cache-Control": cache_control, "ETag": asset.etag}


def not_modified(asset: Asset, if_none_match: str | None) -> bool:
    if not if_none_match:
        return False
    return (
        asset.etag in {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
        or if_none_match.strip() == "*"
    )
