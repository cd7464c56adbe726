"""The explorer page in a real browser (Debian's Chromium driven by playwright) against the whole
local stack: search, facets, exclusion, the histogram brush, the document view, the address bar as
the view's state, and a hostile page that must run nothing.

Set WARTA_SCREENSHOTS=1 (or run `make screenshots`) to also write docs/screenshots/*.png."""

from __future__ import annotations

import os
import re
import shutil
import uuid
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
from warta.local import emulator

from tests.conftest import FIXTURES, ROOT, SAMPLES
from tests.integration.helpers import api_get, wait_for

pytestmark = pytest.mark.e2e

PAGES = ROOT / "tests" / "e2e" / "pages"
SCREENSHOTS = ROOT / "docs" / "screenshots"
CHROMIUM = shutil.which("chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
EXPECTED_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)


def _all_keys(api_url: str) -> set[str]:
    keys: set[str] = set()
    for offset in range(0, 1000, 100):
        status, body = api_get(api_url, "/search", {"size": "100", "offset": str(offset), "sort": "oldest"})
        assert status == 200, body
        keys |= {hit["key"] for hit in body["hits"]}
        if len(body["hits"]) < 100:
            break
    return keys


@pytest.fixture(scope="module")
def explorer(stack) -> str:
    """The stack's API with the sample pages, the seed page and the hostile page indexed."""
    s3 = emulator.client("s3", stack.emulator_url)
    prefix = f"explorer-{uuid.uuid4().hex[:8]}"
    files = [*sorted(SAMPLES.glob("*.html")), FIXTURES / "seed_vivanews.html", PAGES / "xss-attempt.html"]
    keys = {f"{prefix}/{path.name}" for path in files}
    for path in files:
        s3.put_object(
            Bucket=stack.bucket, Key=f"{prefix}/{path.name}", Body=path.read_bytes(), ContentType="text/html"
        )
    wait_for(lambda: keys <= _all_keys(stack.api_url), timeout=30, interval=0.5)
    return stack.api_url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (apt-get install chromium; .ci/run does it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser, explorer) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    tab.base = explorer
    try:
        yield tab
    finally:
        context.close()
    assert not errors, f"the page reported errors: {errors}"


def _ready(page) -> None:
    page.wait_for_selector("body[data-state=ready]")


def _open(page, query: str = "") -> None:
    page.goto(f"{page.base}/{query}")
    _ready(page)


def _params(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def _total(page) -> int:
    text = page.locator("#status").inner_text()
    return 0 if text.startswith("No articles") else int(text.split()[0].replace(",", ""))


def test_the_page_is_served_with_its_security_headers(page):
    response = page.goto(f"{page.base}/")
    headers = response.headers

    assert headers["content-security-policy"] == EXPECTED_CSP
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["content-type"].startswith("text/html")
    script = page.request.get(f"{page.base}/explorer/app.js")
    assert script.headers["content-type"].startswith("text/javascript")
    assert "max-age" in script.headers["cache-control"]
    _ready(page)


def test_typing_a_query_and_pressing_enter_shows_highlighted_results(page):
    _open(page)
    page.fill("#q", "banjir")
    page.press("#q", "Enter")
    _ready(page)

    assert _params(page)["q"] == ["banjir"]
    assert page.locator(".hit").count() >= 1
    assert page.locator(".hit .snippet mark").first.inner_text().lower().startswith("banjir")
    assert page.locator(".chip.official").count() >= 1


def test_a_facet_click_filters_updates_the_address_and_back_restores_the_view(page):
    _open(page)
    everything = _total(page)

    page.locator('.value[data-facet=region][data-value="Jawa Barat"]').click()
    _ready(page)

    assert _params(page)["region"] == ["Jawa Barat"]
    assert 0 < _total(page) < everything
    assert (
        page.locator('.value[data-facet=region][data-value="Jawa Barat"]').get_attribute("aria-pressed")
        == "true"
    )
    assert page.locator(".pill").first.inner_text().startswith("region: Jawa Barat")

    page.go_back()
    _ready(page)
    assert "region" not in _params(page)
    assert _total(page) == everything
    page.go_forward()
    _ready(page)
    assert _params(page)["region"] == ["Jawa Barat"]


def test_the_persons_facet_filters_by_a_person_and_hits_show_person_chips(page):
    _open(page)
    everything = _total(page)
    person = page.locator('.value[data-facet=person][data-value="Putut Eko Bayu Seno"]')
    person.click()
    _ready(page)

    assert _params(page)["person"] == ["Putut Eko Bayu Seno"]
    assert 0 < _total(page) < everything
    assert page.locator(".chip.person", has_text="Putut Eko Bayu Seno").count() >= 1


def test_excluding_a_site_removes_its_articles(page):
    _open(page)
    site_button = page.locator(".value[data-facet=site]").first
    site = site_button.get_attribute("data-value")
    before = _total(page)

    page.locator(f'.exclude[data-facet=site][data-value="{site}"]').click()
    _ready(page)

    assert _params(page)["-site"] == [site]
    assert _total(page) < before
    shown = page.locator(".hit .meta span:first-child").all_inner_texts()
    assert site not in shown
    assert "excluded" in page.locator(f'.value[data-facet=site][data-value="{site}"]').get_attribute("class")

    # Alt-click on a value excludes too.
    official = page.locator(".value[data-facet=official]").nth(0).get_attribute("data-value")
    page.locator(f'.value[data-facet=official][data-value="{official}"]').click(modifiers=["Alt"])
    _ready(page)
    assert _params(page)["-official"] == [official]


def test_brushing_the_histogram_with_the_mouse_sets_the_date_range(page):
    _open(page)
    before = _total(page)
    chart = page.locator("#histogram svg").bounding_box()
    y = chart["y"] + chart["height"] * 0.5

    page.mouse.move(chart["x"] + chart["width"] * 0.05, y)
    page.mouse.down()
    page.mouse.move(chart["x"] + chart["width"] * 0.3, y, steps=4)
    page.mouse.move(chart["x"] + chart["width"] * 0.55, y, steps=4)
    page.mouse.up()
    _ready(page)

    params = _params(page)
    assert params["from"][0] <= params["to"][0]
    assert page.input_value("#from") == params["from"][0]
    assert page.input_value("#to") == params["to"][0]
    assert _total(page) < before
    for published in page.locator(".hit time").evaluate_all(
        "els => els.map(e => e.getAttribute('datetime'))"
    ):
        assert params["from"][0] <= published[:10] <= params["to"][0]

    # The keyboard path: the date inputs.
    page.fill("#to", "2030-01-01")
    page.dispatch_event("#to", "change")
    _ready(page)
    assert _params(page)["to"] == ["2030-01-01"]


def test_the_document_view_highlights_entities_in_place_and_escape_closes_it(page):
    _open(page, "?official=Putut+Eko+Bayu+Seno")
    page.locator(".hit .open-doc").first.click()
    page.wait_for_selector("#document[open] .doc-body")

    assert "doc" in _params(page)
    marks = page.locator(".doc-body mark.official")
    assert marks.count() >= 1
    assert "Putut" in " ".join(marks.all_inner_texts())
    assert page.locator(".doc-body mark.region").count() >= 1
    page.wait_for_selector(".similar li")

    page.keyboard.press("Escape")
    page.wait_for_selector("#document:not([open])", state="attached")
    assert "doc" not in _params(page)
    page.go_back()
    page.wait_for_selector("#document[open] .doc-body")


def test_a_hostile_page_runs_nothing_in_the_explorer(page):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    _open(page, "?q=xsscanary")

    title = page.locator(".hit h3").first.inner_text()
    assert '<img src=x onerror="window.__pwned=1">' in title
    page.locator(".hit .open-doc").first.click()
    page.wait_for_selector("#document[open] .doc-body")
    assert "<script>window.__pwned=2</script>" in page.locator(".doc-body").inner_text()
    page.locator(".doc-body").hover()
    page.keyboard.press("Escape")
    page.locator(".hit h3").first.hover()

    assert page.evaluate("window.__pwned") is None
    assert (
        page.evaluate("document.querySelectorAll('#results img, #document img, #document script').length")
        == 0
    )
    assert dialogs == []


def test_first_render_timing_is_reported(page):
    """Reported, not asserted: timings on a shared CI machine are no pass/fail signal."""
    _open(page)
    timings = page.evaluate("""() => ({
        results: performance.getEntriesByName('warta:first-results')[0]?.startTime,
        paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
        api: performance.getEntriesByType('resource').find(e => e.name.includes('/search?'))?.responseEnd,
        transferred: performance.getEntriesByType('resource').reduce((n, e) => n + e.transferSize, 0)
          + performance.getEntriesByType('navigation')[0].transferSize,
    })""")
    assert timings["results"] is not None and timings["api"] is not None
    print(
        f"\nexplorer first contentful paint {timings['paint']:.0f} ms, first results {timings['results']:.0f} ms "
        f"({timings['results'] - timings['api']:.0f} ms after the API answered), "
        f"{timings['transferred']} bytes transferred"
    )


def test_behind_a_jwt_authorizer_the_explorer_asks_for_a_token_and_sends_it(browser, explorer):
    """API Gateway's JWT authorizer is AWS's, so a route in the browser plays it: 401 without the token."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    sent: list[str | None] = []

    def authorizer(route, request) -> None:
        sent.append(request.headers.get("authorization"))
        if request.headers.get("authorization") == "Bearer t0ken":
            route.continue_()
        else:
            route.fulfill(status=401, content_type="application/json", body='{"message":"Unauthorized"}')

    context.route(re.compile(r"^[^?]*/(search|documents|suggest)(\?|/|$)"), authorizer)
    try:
        tab = context.new_page()
        tab.set_default_timeout(15_000)
        tab.goto(f"{explorer}/?q=banjir")
        tab.wait_for_selector("body[data-state=sign-in]")
        assert "needs a sign-in token" in tab.locator("#results").inner_text()
        tab.fill("#token", "t0ken")
        tab.press("#token", "Enter")
        tab.wait_for_selector("body[data-state=ready]")
        assert tab.locator(".hit").count() > 0
        assert sent[0] is None and sent[-1] == "Bearer t0ken"

        # A sign-in page sends the reader back with the token in the fragment: taken, then dropped
        # from the address. (A new tab: the pasted token lives in the first tab's sessionStorage only.)
        back = context.new_page()
        back.set_default_timeout(15_000)
        back.goto(f"{explorer}/?q=banjir#access_token=t0ken")
        back.wait_for_selector("body[data-state=ready]")
        assert "access_token" not in back.url and back.url.endswith("?q=banjir")
    finally:
        context.close()


@pytest.mark.skipif(
    os.environ.get("WARTA_SCREENSHOTS") != "1", reason="set WARTA_SCREENSHOTS=1 to write screenshots"
)
def test_screenshots(browser, explorer):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name, options in (
        ("desktop", {"viewport": {"width": 1366, "height": 900}}),
        (
            "phone",
            {
                "viewport": {"width": 390, "height": 844},
                "is_mobile": True,
                "has_touch": True,
                "device_scale_factor": 2,
            },
        ),
    ):
        context = browser.new_context(locale="en-US", **options)
        tab = context.new_page()
        tab.goto(f"{explorer}/?region=Jawa+Barat")
        tab.wait_for_selector("body[data-state=ready]")
        tab.screenshot(path=str(SCREENSHOTS / f"explorer-{name}.png"))
        if name == "desktop":
            tab.goto(f"{explorer}/?official=Putut+Eko+Bayu+Seno")
            tab.wait_for_selector("body[data-state=ready]")
            tab.locator(".hit .open-doc").first.click()
            tab.wait_for_selector("#document[open] .similar li")
            tab.screenshot(path=str(SCREENSHOTS / "explorer-document.png"))
        context.close()


def test_the_document_view_lists_who_said_what(page):
    _open(page, "?speaker=Putut+Eko+Bayu+Seno")
    assert _total(page) == 1  # the seed page: the only article quoting the Kapolda
    assert "Putut Eko Bayu Seno" in page.locator('[data-facet="speaker"]').first.inner_text()
    page.locator(".hit .open-doc").first.click()
    page.wait_for_selector("#document[open] .quotes li")

    quotes = page.locator(".quotes li")
    assert quotes.count() >= 5
    bylines = quotes.locator(".quote-by").all_inner_texts()
    assert all(b.startswith("Putut Eko Bayu Seno · Kapolda Metro Jaya") for b in bylines)
    assert page.locator(".quotes li.direct").count() == 4


def test_the_quote_search_finds_the_quote_and_opens_its_article(page):
    _open(page)
    page.locator("#quote-search summary").click()
    page.fill("#quote-form input[name=speaker]", "Putut Eko Bayu Seno")
    page.fill("#quote-form input[name=words]", "kampung")
    page.locator("#quote-form button[type=submit]").click()
    page.wait_for_selector(".quote-hits li")

    hits = page.locator(".quote-hits li")
    assert hits.count() == 1
    assert hits.locator("blockquote mark").first.inner_text().lower() == "kampung"
    hits.locator(".open-doc").click()
    page.wait_for_selector("#document[open] .quotes li")
    assert "doc" in _params(page)
