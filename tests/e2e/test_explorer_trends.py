"""The explorer's trends panel (a compare view and "what stands out") and its export links, in Chromium
against the whole local stack with the sample pages indexed (fixtures of tests/e2e/test_explorer.py)."""

from __future__ import annotations

import csv
from urllib.parse import urlencode

import pytest

from tests.e2e import test_explorer as shared
from tests.e2e.test_explorer import _open, _params, _ready, _total
from tests.integration.helpers import api_get

pytestmark = pytest.mark.e2e
# The same fixtures as the explorer's other browser tests: one browser, the sample pages indexed once.
browser, explorer, page = shared.browser, shared.explorer, shared.page


def _open_trends(page) -> None:
    page.locator("#trends summary").click()
    page.wait_for_selector("#trends[data-state=ready]")


def _column(page, index: int) -> dict[str, int]:
    """Period -> count shown in the compare table's column `index` (0: the search itself)."""
    rows = page.locator(".compare-table tbody tr")
    return {
        rows.nth(i).locator("th").inner_text(): int(
            rows.nth(i).locator("td").nth(index).get_attribute("data-count")
        )
        for i in range(rows.count())
    }


def test_the_compare_view_sets_searches_side_by_side_with_their_shares(page):
    _open(page, "?q=banjir")
    _open_trends(page)
    assert page.locator(".compare-table thead th").all_inner_texts() == ["Period", "banjir"]
    assert sum(_column(page, 0).values()) == _total(page)

    page.fill("#compare-input", "gempa")
    page.press("#compare-input", "Enter")
    page.wait_for_selector(".compare-table thead th:nth-child(3)")
    page.wait_for_selector("#trends[data-state=ready]")

    assert _params(page)["compare"] == ["gempa"]
    assert page.locator(".compare-table thead th").all_inner_texts() == ["Period", "banjir", "gempa"]
    status, expected = api_get(
        page.base, "/trends", [("q", "banjir"), ("interval", "month"), ("compare", "gempa")]
    )
    assert status == 200
    gempa = {b["date"]: b["count"] for b in expected["series"][1]["buckets"]}
    assert _column(page, 1) == {day: gempa[day] for day in _column(page, 1)}
    assert sum(_column(page, 1).values()) == expected["series"][1]["total"] > 0
    first = page.locator(".compare-table tbody td").first
    assert "%" in first.inner_text() and float(first.get_attribute("data-share")) > 0

    page.select_option("#interval", "year")
    page.wait_for_selector("#trends[data-state=ready]")
    assert _params(page)["interval"] == ["year"]
    assert all(len(day) == 10 and day.endswith("-01-01") for day in _column(page, 0))

    page.locator('#compare-series button[aria-label="Stop comparing gempa"]').click()
    page.wait_for_selector("#trends[data-state=ready]")
    assert "compare" not in _params(page)
    assert page.locator(".compare-table thead th").count() == 2


def test_what_stands_out_matches_the_api_and_a_click_filters_by_it(page):
    _open(page, "?region=Jawa+Barat")
    _open_trends(page)
    status, expected = api_get(page.base, "/trends", [("region", "Jawa Barat"), ("interval", "month")])
    assert status == 200
    for kind in ("official", "region", "organization", "words"):
        shown = page.locator(f'.stand-out[data-kind="{kind}"]').evaluate_all(
            "els => els.map(e => e.dataset.value)"
        )
        assert shown == [item["value"] for item in expected["stands_out"][kind]], kind
    candidates = [
        (kind, item["value"])
        for kind in ("official", "organization", "region")
        for item in expected["stands_out"][kind]
        if item["value"] != "Jawa Barat"
    ]
    assert candidates, expected["stands_out"]
    kind, value = candidates[0]
    before = _total(page)
    page.locator(f'.stand-out[data-kind="{kind}"][data-value="{value}"]').click()
    _ready(page)
    assert value in _params(page)[kind]
    assert _total(page) <= before


def test_the_export_links_download_the_current_search(page):
    _open(page, "?q=banjir&-site=Nowhere")
    link = page.locator("#export-csv").get_attribute("href")
    assert link == "/export?" + urlencode([("q", "banjir"), ("-site", "Nowhere"), ("format", "csv")])
    with page.expect_download() as download:
        page.locator("#export-csv").click()
    with open(download.value.path(), encoding="utf-8") as saved:
        rows = list(csv.DictReader(saved))
    assert len(rows) == _total(page) > 0
    _, found = api_get(page.base, "/search", [("q", "banjir"), ("size", "100")])
    assert {row["id"] for row in rows} == {hit["id"] for hit in found["hits"]}
    # provenance columns: every row has its story; the URL is the page's own (pages other tests drop may
    # have none, so compare with the index rather than require one)
    assert all(row["story_id"] for row in rows)
    assert {row["id"]: row["url"] for row in rows} == {hit["id"]: hit["url"] or "" for hit in found["hits"]}
    jsonl = page.locator("#export-jsonl").get_attribute("href")
    assert jsonl.endswith("format=jsonl")
