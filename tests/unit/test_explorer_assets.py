"""The explorer's static files: small, self-contained (CSP allows nothing inline), no HTML built from
strings, and served by the search function with the right types, caching and security headers."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess

import pytest
from warta.explorer import CONTENT_SECURITY_POLICY, is_servable

from tests.conftest import ROOT

EXPLORER = ROOT / "functions" / "search" / "explorer"
PAGE = EXPLORER / "index.html"
SCRIPTS = sorted(EXPLORER.glob("*.js"))
MAX_PAGE_BYTES = 150_000


def _page_assets() -> set[str]:
    """Every file the page loads: what index.html names, then what each module imports."""
    html = PAGE.read_text()
    wanted = set(re.findall(r'(?:src|href)="/explorer/([^"]+)"', html))
    pending = [name for name in wanted if name.endswith(".js")]
    while pending:
        source = (EXPLORER / pending.pop()).read_text()
        for name in re.findall(r'from\s+"\./([^"]+)"', source):
            if name not in wanted:
                wanted.add(name)
                pending.append(name)
    return wanted


def test_every_file_the_page_loads_exists_and_is_servable():
    assets = _page_assets()
    assert {"app.js", "explorer.css"} <= assets
    for name in assets:
        assert (EXPLORER / name).is_file(), name
        assert is_servable(name), name
    assert {path.name for path in SCRIPTS} == {name for name in assets if name.endswith(".js")}, (
        "a script in the folder that the page never loads"
    )


def test_the_page_weighs_under_150_kb():
    total = PAGE.stat().st_size + sum((EXPLORER / name).stat().st_size for name in _page_assets())
    print(f"\nexplorer page weight: {total} bytes (uncompressed)")
    assert total < MAX_PAGE_BYTES


def test_nothing_is_inline_so_the_content_security_policy_can_forbid_it():
    html = PAGE.read_text()
    assert "<style" not in html
    assert not re.search(r"\sstyle=", html)
    assert not re.search(r"\son[a-z]+=", html)
    for script in re.findall(r"<script[^>]*>", html):
        assert 'src="/explorer/' in script
    assert "script-src 'self';" in CONTENT_SECURITY_POLICY and "unsafe-inline" not in CONTENT_SECURITY_POLICY


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: p.name)
def test_scripts_never_turn_strings_into_html_or_code(path):
    source = path.read_text()
    for sink in (
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
        "new Function",
        "DOMParser",
        "createContextualFragment",
        ".style =",
    ):
        assert sink not in source, f"{path.name} uses {sink}"


def test_servable_names_are_plain_files_of_known_types():
    assert is_servable("app.js") and is_servable("explorer.css") and is_servable("index.html")
    for name in ("../app.py", "app.py", ".env", "a/b.js", "app.js.map", "", "APP.JS"):
        assert not is_servable(name), name


# ---- served by the search function (invoked in-process, as the local HTTP front does) ----------
@pytest.fixture(scope="module")
def handler():
    os.environ.setdefault("POWERTOOLS_TRACE_DISABLED", "true")
    from warta.local.lambda_runtime import LocalContext, load_handler

    search = load_handler("search")
    from warta.local.api_front import http_api_event

    return lambda path, headers=None: search(
        http_api_event("GET", path, headers or {}, b""), LocalContext("search")
    )


def test_the_page_is_served_at_the_root_with_security_headers(handler):
    response = handler("/")
    headers = response["headers"]
    assert response["statusCode"] == 200
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["Cache-Control"] == "no-cache"
    assert response["body"] == PAGE.read_text()


@pytest.mark.parametrize(
    ("name", "content_type"),
    [("app.js", "text/javascript; charset=utf-8"), ("explorer.css", "text/css; charset=utf-8")],
)
def test_assets_carry_their_type_and_may_be_cached_briefly(handler, name, content_type):
    response = handler(f"/explorer/{name}")
    assert response["statusCode"] == 200
    assert response["headers"]["Content-Type"] == content_type
    assert "max-age=300" in response["headers"]["Cache-Control"]
    assert response["headers"]["X-Content-Type-Options"] == "nosniff"


def test_a_matching_etag_answers_not_modified(handler):
    etag = handler("/explorer/app.js")["headers"]["ETag"]
    response = handler("/explorer/app.js", {"If-None-Match": etag})
    assert response["statusCode"] == 304
    assert not response["body"]


@pytest.mark.parametrize(
    "path", ["/explorer/app.py", "/explorer/..%2Fapp.py", "/explorer/missing.js", "/explorer/.hidden.js"]
)
def test_anything_else_is_not_found(handler, path):
    response = handler(path)
    assert response["statusCode"] == 404
    assert json.loads(response["body"])["error"] == "not_found"


# ---- the text helpers, run in Node when it is installed (the browser test covers them anyway) ----
NODE_CHECK = r"""
const text = await import(process.argv[1]);
const out = {
  decoded: text.decodeEntities("&lt;script&gt; &amp;lt; &#x27;&#39;&quot; &#233; &bogus; &#0;"),
  segments: text.highlightSegments("a &lt;mark&gt; <mark>B&amp;C</mark> d"),
  mentions: text.mentionSegments("Ridwan di Bandung.", [
    {type: "region", value: "Kota Bandung", start: 10, end: 17},
    {type: "official", value: "k", start: 0, end: 6},
    {type: "official", value: "overlap", start: 3, end: 8},
    {type: "region", value: "beyond", start: 15, end: 99}]),
  safe: [text.safeUrl("https://a.id/x"), text.safeUrl("javascript:alert(1)"), text.safeUrl("nonsense")],
};
console.log(JSON.stringify(out));
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js is not installed")
def test_text_helpers_decode_entities_once_and_keep_markup_as_text():
    result = subprocess.run(
        ["node", "--input-type=module", "-e", NODE_CHECK, (EXPLORER / "text.js").as_uri()],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    out = json.loads(result.stdout)
    assert out["decoded"] == "<script> &lt; ''\" é &bogus; &#0;"
    assert out["segments"] == [
        {"text": "a <mark> ", "marked": False},
        {"text": "B&C", "marked": True},
        {"text": " d", "marked": False},
    ]
    assert [(s["text"], (s["mention"] or {}).get("value")) for s in out["mentions"]] == [
        ("Ridwan", "k"),
        (" di ", None),
        ("Bandung", "Kota Bandung"),
        (".", None),
    ]
    assert out["safe"] == ["https://a.id/x", None, None]
