"""Trends on the real node: counts per interval and their share of all articles, searches side by side,
and what stands out (significant terms and words, copies of one story counted once).

A hand-made corpus over three months: flood stories naming one regent, earthquake stories, and other
news as the background; one flood story is syndicated four times with a word of its own."""

from __future__ import annotations

import json
import os
import uuid
from datetime import UTC, datetime, timedelta, timezone
from urllib.parse import urlencode

import pytest
from warta.enrich.model import Entities, Official
from warta.enrich.regions import lookup_region
from warta.index.bulk import WriteAction, write
from warta.index.client import make_client
from warta.index.documents import build_document
from warta.index.mapping import write_alias
from warta.index.setup import ensure_index
from warta.local.api_front import http_api_event
from warta.local.lambda_runtime import LocalContext, load_handler
from warta.parse.article import Article

pytestmark = pytest.mark.integration
WIB = timezone(timedelta(hours=7))
REGENT = "Darmawan Sulistyo"
FLOODS = {1: 2, 2: 4, 3: 1}  # month -> distinct flood stories
QUAKES = {1: 1, 2: 0, 3: 3}
OTHERS = {1: 10, 2: 20, 3: 5}
SYNDICATED_COPIES = 8
PLACES = ["Tambun", "Babelan", "Cikarang", "Setu", "Cibitung", "Tarumajaya", "Sukatani"]


def _doc(key, month, day, title, body, officials=(), regions=()):
    article = Article(
        title=title, body=body, published=datetime(2026, month, day, 10, tzinfo=WIB), site=f"Situs {key[-1]}"
    )
    entities = Entities(
        officials=tuple(Official(key=n, name=n, position=p) for n, p in officials),
        regions=tuple(lookup_region(r) for r in regions),
    )
    return build_document(bucket="b", key=key, article=article, entities=entities, ingested=datetime.now(UTC))


def _corpus():
    docs = []
    for month, count in FLOODS.items():
        for n in range(count):
            place = PLACES[(month * 3 + n) % len(PLACES)]
            docs.append(
                _doc(
                    f"banjir-{month}-{n}",
                    month,
                    3 + n,
                    f"Banjir di {place}",
                    f"Tanggul sungai di {place} jebol dan banjir merendam {40 + n * 7} rumah. Bupati {REGENT} "
                    f"meninjau pengungsi di balai desa {place} dan meminta tanggul segera ditutup.",
                    [(REGENT, "Bupati Bekasi")],
                    ["Kabupaten Bekasi"],
                )
            )
    syndicated = _doc(
        "banjir-copy-0",
        2,
        20,
        "Bronjong darurat dipasang",
        f"Petugas memasang bronjong darurat di tanggul Kali Cilemahabang. Bupati {REGENT} menyebut "
        "bronjong itu menahan arus sampai banjir surut dan pengungsi bisa pulang.",
        [(REGENT, "Bupati Bekasi")],
        ["Kabupaten Bekasi"],
    )
    docs.append(syndicated)
    for n in range(1, SYNDICATED_COPIES):
        copy = _doc(
            f"banjir-copy-{n}",
            2,
            20,
            f"Bronjong dipasang ({n})",
            syndicated["body"],
            [(REGENT, "Bupati Bekasi")],
            ["Kabupaten Bekasi"],
        )
        docs.append(copy | {"story_id": syndicated["id"]})
    for month, count in QUAKES.items():
        for n in range(count):
            docs.append(
                _doc(
                    f"gempa-{month}-{n}",
                    month,
                    10 + n,
                    "Gempa di Palu",
                    f"Gempa bermagnitudo {4 + n} mengguncang Palu; warga berhamburan keluar rumah.",
                    regions=["Palu"],
                )
            )
    for month, count in OTHERS.items():
        for n in range(count):
            docs.append(
                _doc(
                    f"lain-{month}-{n}",
                    month,
                    1 + n % 27,
                    f"Pasar murah {n}",
                    f"Pemerintah kota menggelar pasar murah ke-{n} untuk warga; harga minyak goreng turun.",
                    regions=["Surabaya"],
                )
            )
    return docs


@pytest.fixture(scope="module")
def api(stack):
    alias = f"warta-trends-{uuid.uuid4().hex[:8]}"
    client = make_client(stack.opensearch_url)
    ensure_index(client, alias)
    docs = _corpus()
    assert {
        r.outcome
        for r in write(
            client, [WriteAction("index", write_alias(alias), d["id"], 1, d) for d in docs], refresh=True
        )
    } == {"indexed"}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WARTA_INDEX_ALIAS", alias)
        handler = load_handler("search")

        def get(params):
            response = handler(
                http_api_event("GET", f"/trends?{urlencode(params)}", {"host": "test"}, b""),
                LocalContext("search"),
            )
            return response["statusCode"], json.loads(response["body"])

        yield get


def _all_per_month():
    return {m: FLOODS[m] + QUAKES[m] + OTHERS[m] + (SYNDICATED_COPIES if m == 2 else 0) for m in (1, 2, 3)}


def test_counts_per_month_and_their_share_of_all_articles(api):
    status, result = api([("q", "banjir"), ("interval", "month")])
    assert status == 200
    (series,) = result["series"]
    floods = {m: FLOODS[m] + (SYNDICATED_COPIES if m == 2 else 0) for m in (1, 2, 3)}
    every = _all_per_month()
    assert [(b["date"], b["count"], b["all"]) for b in series["buckets"]] == [
        (f"2026-0{m}-01", floods[m], every[m]) for m in (1, 2, 3)
    ]
    assert [b["share"] for b in series["buckets"]] == [round(floods[m] / every[m], 6) for m in (1, 2, 3)]
    assert series["total"] == sum(floods.values())


def test_searches_side_by_side(api):
    status, result = api(
        [
            ("q", "banjir"),
            ("compare", "q=gempa&region=Sulawesi Tengah"),
            ("compare", "pasar"),
            ("interval", "month"),
        ]
    )
    assert status == 200
    assert [s["label"] for s in result["series"]] == ["banjir", "q=gempa&region=Sulawesi Tengah", "pasar"]
    assert [b["count"] for b in result["series"][1]["buckets"]] == [QUAKES[m] for m in (1, 2, 3)]
    assert [b["count"] for b in result["series"][2]["buckets"]] == [OTHERS[m] for m in (1, 2, 3)]


def test_what_stands_out_counts_a_syndicated_story_once(api):
    status, result = api([("q", "banjir")])
    assert status == 200
    stands_out = result["stands_out"]
    assert [b["value"] for b in stands_out["official"]] == [REGENT]
    assert "Kabupaten Bekasi" in [b["value"] for b in stands_out["region"]]
    words = [b["value"] for b in stands_out["words"]]
    assert "tanggul" in words
    assert "bronjong" not in words  # only one story says it, however many copies
    assert not set(words) & {"dan", "di", "yang", "itu"}


def test_without_the_sampler_and_duplicate_filter_the_copies_would_stand_out(api, stack):
    from warta.index.query import SearchRequest
    from warta.trends import Series, trends_body

    body = trends_body([Series("banjir", SearchRequest(text="banjir"))], "month")
    words = body["aggs"]["series_0"]["aggs"]["one_per_story"]["aggs"]["words"]
    body["aggs"]["series_0"]["aggs"]["plain_words"] = {
        "significant_text": words["significant_text"] | {"filter_duplicate_text": False}
    }
    client = make_client(stack.opensearch_url)
    found = client.search(index=os.environ["WARTA_INDEX_ALIAS"], body=body)["aggregations"]["series_0"]
    assert "bronjong" in [b["key"] for b in found["plain_words"]["buckets"]]


def test_bad_trend_requests_get_a_4xx(api):
    assert api([("compare", "q=a&colour=red")])[0] == 400
    assert api([("interval", "hour")])[0] == 422
    assert api([("compare", "a"), ("compare", "b"), ("compare", "c"), ("compare", "d"), ("compare", "e")])[
        0
    ] in (400, 422)
    assert api([("interval", "day"), ("compare", "q=x&from=2026-13-01")])[0] == 400
