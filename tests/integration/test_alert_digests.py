"""Digest alerts on the local stack: matches wait, recorded, until a digest run lists them in one signed
delivery; a second run sends nothing. The pages are ours, written for these tests."""

from __future__ import annotations

import time
import uuid

import pytest
from click.testing import CliRunner
from warta.alerts.delivery import SIGNATURE_HEADER, verify
from warta.cli import main as cli

from tests.integration.helpers import wait_for
from tests.integration.test_alerts import SECRET, api, drop, indexed, receiver, s3  # noqa: F401

pytestmark = pytest.mark.integration

# Two stories of their own: a copy of another test's page would join that page's story and change
# what that test sees.
MARKET = """<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>{title}</title>
<meta property="article:published_time" content="2024-03-12T07:30:00+07:00"></head>
<body><article><h1>{title}</h1>
<p>Surakarta - Harga bawang merah di Pasar Gede turun menjadi Rp28 ribu per kilogram pada Selasa pagi,
setelah panen raya di lereng Merapi membuat pasokan melimpah. Pedagang menyebut gelombang {token}.</p>
<p>Sebagian pedagang memilih menahan stok karena khawatir harga jatuh lebih dalam menjelang akhir bulan.</p>
<p>Dinas perdagangan berjanji memantau harga setiap hari dan membuka pasar murah bila diperlukan.</p>
</article></body></html>"""
ROADS = """<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>{title}</title>
<meta property="article:published_time" content="2024-03-11T10:00:00+07:00"></head>
<body><article><h1>{title}</h1>
<p>Semarang - Dinas Pekerjaan Umum mulai menambal jalan berlubang di lingkar utara sejak Senin pagi, setelah
keluhan warga soal kecelakaan sepeda motor menumpuk. Pekerjaan disebut tahap {token}.</p>
<p>Kepala dinas menyebut perbaikan ditargetkan rampung sebelum arus mudik, dengan anggaran dari kas daerah.</p>
<p>Selama pengerjaan, kendaraan berat diminta memakai jalur alternatif melalui kawasan industri.</p>
</article></body></html>"""


def test_a_digest_alert_waits_then_lists_its_matches_in_one_delivery(stack, s3, receiver):  # noqa: F811
    hook = receiver()
    token = f"zq{uuid.uuid4().hex[:6]}"
    status, created = api(
        stack,
        "POST",
        "/alerts",
        {
            "name": "pantauan harian",
            "search": {"q": token},
            "channel": {"type": "webhook", "url": hook.url, "secret": SECRET},
            "digest": "hourly",
        },
    )
    assert status == 201, created
    alert = created["id"]
    assert api(stack, "GET", f"/alerts/{alert}")[1]["digest"] == "hourly"

    _, market = drop(
        stack, s3, MARKET.format(title="Harga Bawang Merah Turun di Pasar Gede", token=token).encode()
    )
    _, roads = drop(stack, s3, ROADS.format(title="Jalan Lingkar Utara Mulai Ditambal", token=token).encode())
    for doc in (market, roads):
        wait_for(lambda doc=doc: indexed(stack, doc), timeout=15)
    _, waiting = wait_for(
        lambda: api(stack, "GET", f"/alerts/{alert}/matches"),
        timeout=10,
        until=lambda r: len(r[1]["matches"]) == 2,
    )
    assert {m["delivery"]["status"] for m in waiting["matches"]} == {"waiting"}
    time.sleep(2)  # room for a delivery that should not come (the deliver worker polls every second)
    assert hook.requests == []

    result = CliRunner().invoke(cli, ["alerts", "digest", "--all"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert f"for alert {alert}: 2 match(es)" in result.output
    wait_for(lambda: hook.requests, timeout=10)

    assert len(hook.requests) == 1
    request = hook.requests[0]
    assert verify(SECRET, request["headers"][SIGNATURE_HEADER], request["body"], now=time.time())
    delivery = hook.deliveries()[0]
    assert "match" not in delivery
    digest = delivery["digest"]
    assert digest["period"] == "hourly" and digest["total"] == 2 and digest["more"] == 0
    assert {m["document_id"] for m in digest["matches"]} == {market, roads}
    _, after = wait_for(
        lambda: api(stack, "GET", f"/alerts/{alert}/matches"),
        timeout=10,
        until=lambda r: any(
            m["kind"] == "digest" and m["delivery"]["status"] == "delivered" for m in r[1]["matches"]
        ),
    )
    listed = [m for m in after["matches"] if m["kind"] != "digest"]
    assert {m["delivery"]["status"] for m in listed} == {"digested"}
    assert {m["delivery"]["digest_id"] for m in listed} == {digest["digest_id"]}

    again = CliRunner().invoke(cli, ["alerts", "digest", "--all"], catch_exceptions=False)
    assert again.exit_code == 0 and f"for alert {alert}" not in again.output
    time.sleep(2)
    assert len(hook.requests) == 1
