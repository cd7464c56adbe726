"""Saved searches with real-time alerts on the local stack: a page dropped in the bucket is indexed,
percolated in the same batch, and delivered to a webhook signed with HMAC-SHA256 (a receiver of our
own on 127.0.0.1); the pages are ours, written for these tests."""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from warta.alerts.delivery import SIGNATURE_HEADER, verify
from warta.index.documents import document_id
from warta.local import emulator

from tests.integration.helpers import api_get, wait_for

pytestmark = pytest.mark.integration
SECRET = "rahasia-uji-coba-0123456789"

PAGE = """<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>{title}</title>
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="2024-02-03T08:15:00+07:00"></head>
<body><article><h1>{title}</h1>
<p>{city} - Hujan deras sejak Jumat malam membuat banjir setinggi lutut merendam tiga perumahan di {place}.
Warga menyebut peristiwa ini banjir {token} karena datang tanpa peringatan.</p>
<p>Petugas pemadam kebakaran membantu mengevakuasi warga lanjut usia menggunakan perahu karet. {extra}</p>
<p>Pemerintah kota meminta warga tetap waspada karena hujan diperkirakan turun lagi pada akhir pekan.</p>
</article></body></html>"""
BEKASI = {"city": "Bekasi", "place": "Kota Bekasi, Jawa Barat"}
PALU = {"city": "Palu", "place": "Kota Palu"}


def page(token: str, where: dict[str, str], extra: str = "Air mulai surut pada Sabtu siang.") -> bytes:
    title = f"Banjir Rendam Perumahan di {where['place'].split(',')[0]}"
    return PAGE.format(title=title, token=token, extra=extra, **where).encode()


class Receiver:
    """A webhook receiver on 127.0.0.1 that answers 500 to its first `failures` requests."""

    def __init__(self, failures: int = 0) -> None:
        self.failures = failures
        self.requests: list[dict[str, Any]] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                receiver.requests.append({"headers": dict(self.headers), "body": body, "at": time.time()})
                failing = len(receiver.requests) <= receiver.failures
                self.send_response(500 if failing else 200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def deliveries(self) -> list[dict[str, Any]]:
        return [json.loads(r["body"]) for r in self.requests]

    def documents(self) -> list[str]:
        return [d["match"]["document_id"] for d in self.deliveries()]


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    made: list[Receiver] = []

    def make(failures: int = 0) -> Receiver:
        made.append(Receiver(failures))
        return made[-1]

    yield make  # type: ignore[misc]
    for r in made:
        r.server.shutdown()
        r.server.server_close()


@pytest.fixture(scope="module")
def s3(stack):
    return emulator.client("s3", stack.emulator_url)


def api(stack, method: str, path: str, body: Any = None) -> tuple[int, Any]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(
        f"{stack.api_url}{path}", data=data, method=method, headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            raw = response.read()
            return response.status, json.loads(raw) if raw else None
    except urllib.error.HTTPError as exc:
        raw = exc.read()
        return exc.code, json.loads(raw) if raw else None


def create_alert(stack, search: dict[str, Any], url: str) -> str:
    status, body = api(
        stack,
        "POST",
        "/alerts",
        {
            "name": "banjir uji",
            "search": search,
            "channel": {"type": "webhook", "url": url, "secret": SECRET},
        },
    )
    assert status == 201, body
    return str(body["id"])


def drop(stack, s3, html: bytes) -> tuple[str, str]:
    key = f"alerts-{uuid.uuid4().hex[:8]}/berita.html"
    s3.put_object(Bucket=stack.bucket, Key=key, Body=html, ContentType="text/html")
    return key, document_id(stack.bucket, key)


def indexed(stack, doc_id: str) -> dict[str, Any] | None:
    status, document = api_get(stack.api_url, f"/documents/{doc_id}")
    return document if status == 200 else None


def test_a_filtered_alert_fires_within_5_s_and_not_for_a_page_matching_only_its_text(stack, s3, receiver):
    hook = receiver()
    token = f"zq{uuid.uuid4().hex[:6]}"
    alert = create_alert(stack, {"q": f"banjir {token}", "region": ["Jawa Barat"]}, hook.url)

    _, palu = drop(stack, s3, page(token, PALU))  # the words match, the region does not
    wait_for(lambda: indexed(stack, palu), timeout=10)
    _, bekasi = drop(stack, s3, page(token, BEKASI))
    dropped = time.monotonic()
    wait_for(hook.documents, timeout=5)  # the promise: fires within 5 s of the drop

    assert time.monotonic() - dropped <= 5
    assert hook.documents() == [bekasi]
    request = hook.requests[0]
    assert verify(SECRET, request["headers"][SIGNATURE_HEADER], request["body"], now=time.time())
    assert not verify(
        "another-secret-entirely", request["headers"][SIGNATURE_HEADER], request["body"], now=time.time()
    )
    delivery = hook.deliveries()[0]
    # Both pages tell one story by the story rules (the same text, another city): the match carries the
    # story the index gave the Bekasi page, that of the Palu page indexed first (warta.story_merge).
    assert delivery["alert"]["id"] == alert
    assert delivery["match"]["story_id"] == indexed(stack, bekasi)["story_id"] == palu
    _, matches = wait_for(
        lambda: api(stack, "GET", f"/alerts/{alert}/matches"),
        timeout=5,
        until=lambda r: r[1]["matches"] and r[1]["matches"][0]["delivery"]["status"] == "delivered",
    )
    assert [m["document_id"] for m in matches["matches"]] == [bekasi]
    assert matches["matches"][0]["title"] == "Banjir Rendam Perumahan di Kota Bekasi"


def test_a_webhook_that_fails_twice_gets_the_delivery_on_the_third_try(stack, s3, receiver):
    hook = receiver(failures=2)
    token = f"zq{uuid.uuid4().hex[:6]}"
    alert = create_alert(stack, {"q": f"banjir {token}"}, hook.url)

    _, doc = drop(stack, s3, page(token, BEKASI))
    wait_for(lambda: len(hook.requests), timeout=30, until=lambda n: n >= 3)

    ids = {r["headers"]["X-Warta-Delivery"] for r in hook.requests}
    assert len(ids) == 1  # the same delivery, tried again
    assert hook.documents() == [doc, doc, doc]
    _, matches = wait_for(
        lambda: api(stack, "GET", f"/alerts/{alert}/matches"),
        timeout=5,
        until=lambda r: r[1]["matches"][0]["delivery"]["status"] == "delivered",
    )
    assert matches["matches"][0]["delivery"]["attempts"] == 3


def test_deleting_an_alert_stops_its_deliveries(stack, s3, receiver):
    hook = receiver()
    token = f"zq{uuid.uuid4().hex[:6]}"
    alert = create_alert(stack, {"q": f"banjir {token}"}, hook.url)
    _, first = drop(stack, s3, page(token, BEKASI))
    wait_for(hook.documents, timeout=10)

    assert api(stack, "DELETE", f"/alerts/{alert}") == (200, {"id": alert, "deleted": True})
    _, second = drop(stack, s3, page(token, BEKASI, extra="Sebagian warga sudah kembali ke rumah."))
    wait_for(lambda: indexed(stack, second), timeout=10)
    time.sleep(2)  # room for a delivery that should not come (the deliver worker polls every second)

    assert hook.documents() == [first]
    assert api(stack, "GET", f"/alerts/{alert}")[0] == 404
    assert api(stack, "GET", f"/alerts/{alert}/matches")[0] == 404


def test_a_changed_article_fires_once_as_an_update_and_never_again_for_the_same_version(stack, s3, receiver):
    hook = receiver()
    token = f"zq{uuid.uuid4().hex[:6]}"
    create_alert(stack, {"q": f"banjir {token}"}, hook.url)
    key, doc = drop(stack, s3, page(token, BEKASI))
    wait_for(hook.documents, timeout=10)
    first_ingest = indexed(stack, doc)["ingested"]

    s3.put_object(
        Bucket=stack.bucket, Key=key, Body=page(token, BEKASI), ContentType="text/html"
    )  # same text
    wait_for(lambda: indexed(stack, doc)["ingested"], timeout=10, until=lambda at: at != first_ingest)
    changed = page(token, BEKASI, extra="Korban jiwa dilaporkan dua orang.")
    s3.put_object(Bucket=stack.bucket, Key=key, Body=changed, ContentType="text/html")
    wait_for(lambda: len(hook.requests), timeout=10, until=lambda n: n >= 2)
    s3.put_object(Bucket=stack.bucket, Key=key, Body=changed, ContentType="text/html")  # the update again
    second_ingest = indexed(stack, doc)["ingested"]
    wait_for(lambda: indexed(stack, doc)["ingested"], timeout=10, until=lambda at: at != second_ingest)
    time.sleep(2)  # room for a delivery that should not come

    assert [d["match"]["kind"] for d in hook.deliveries()] == ["new", "update"]
    assert len({d["delivery_id"] for d in hook.deliveries()}) == 2


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"search": {"q": "banjir"}}, "name"),
        ({"name": "x", "search": {"q": "banjir", "color": "merah"}}, "color"),
        ({"name": "x", "search": {}}, "search"),
        ({"name": "x", "search": {"q": "banjir", "from": "2024-02-10", "to": "2024-02-01"}}, "search.from"),
        ({"name": "x", "search": {"q": "banjir", "from": "kemarin"}}, "search.from"),
        (
            {
                "name": "x",
                "search": {"q": "banjir"},
                "channel": {"type": "webhook", "url": "http://example.org/h", "secret": SECRET},
            },
            "channel.url",
        ),
        (
            {
                "name": "x",
                "search": {"q": "banjir"},
                "channel": {"type": "webhook", "url": "http://127.0.0.1:9/h", "secret": "pendek"},
            },
            "channel.secret",
        ),
        ({"name": "x", "search": {"q": "banjir"}, "channel": {"type": "sns"}}, "channel.type"),
    ],
)
def test_bad_definitions_get_a_4xx_naming_the_field(stack, body, field):
    status, answer = api(stack, "POST", "/alerts", body)
    assert 400 <= status < 500
    assert field in json.dumps(answer)


def test_the_signing_secret_is_never_returned(stack, receiver):
    alert = create_alert(stack, {"q": "banjir", "region": "Jawa Barat"}, receiver().url)
    status, one = api(stack, "GET", f"/alerts/{alert}")
    _, every = api(stack, "GET", "/alerts")

    assert status == 200
    assert one["search"] == {"q": "banjir", "region": ["Jawa Barat"]}
    assert one["channel"] == {"type": "webhook", "url": one["channel"]["url"], "signed": True}
    assert alert in [a["id"] for a in every["alerts"]]
    assert SECRET not in json.dumps(one) and SECRET not in json.dumps(every)


def test_the_cli_creates_an_alert_and_reads_its_log_deliveries(stack, s3):
    from click.testing import CliRunner
    from warta.cli import main

    token = f"zq{uuid.uuid4().hex[:6]}"
    runner = CliRunner()
    created = runner.invoke(
        main, ["alerts", "create", "banjir jabar", "--q", f"banjir {token}", "--region", "Jawa Barat"]
    )
    assert created.exit_code == 0, created.output
    alert = created.output.strip()
    _, doc = drop(stack, s3, page(token, BEKASI))

    text = wait_for(
        lambda: runner.invoke(main, ["alerts", "matches", alert]).output,
        timeout=10,
        until=lambda out: "delivered" in out,
    )
    assert "1 match(es)" in text and doc in text and "Banjir Rendam Perumahan di Kota Bekasi" in text
    assert alert in runner.invoke(main, ["alerts", "list"]).output
    assert runner.invoke(main, ["alerts", "delete", alert]).exit_code == 0
    assert runner.invoke(main, ["alerts", "matches", alert]).exit_code != 0
