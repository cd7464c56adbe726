"""docs/openapi.json is generated from the search function's code; it must not fall behind."""

import json
import runpy

from tests.conftest import ROOT


def test_committed_openapi_document_is_current():
    generate = runpy.run_path(str(ROOT / "tools" / "export_openapi.py"))["generate"]
    committed = (ROOT / "docs" / "openapi.json").read_text()
    assert committed == generate(), "docs/openapi.json is stale: run `make openapi`"


def test_openapi_lists_every_route_and_the_exclusion_parameters():
    schema = json.loads((ROOT / "docs" / "openapi.json").read_text())
    assert {"/search", "/documents/{doc_id}", "/documents/{doc_id}/similar", "/suggest"} <= schema[
        "paths"
    ].keys()
    names = {p["name"] for p in schema["paths"]["/search"]["get"]["parameters"]}
    assert {
        "q",
        "official",
        "-official",
        "region",
        "-region",
        "from",
        "to",
        "sort",
        "cursor",
        "size",
    } <= names


def test_the_docs_page_is_swagger_ui_over_the_same_document_and_costs_the_cold_start_nothing():
    import subprocess
    import sys

    from warta.local.api_front import http_api_event
    from warta.local.lambda_runtime import LocalContext, load_function

    search = load_function("search")
    page = search.app.resolve(http_api_event("GET", "/docs", {}, b""), LocalContext("search"))
    document = search.app.resolve(http_api_event("GET", "/openapi.json", {}, b""), LocalContext("search"))
    spec = json.loads(document["body"])
    loaded = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from warta.local.lambda_runtime import load_function; load_function('search'); "
            "print('aws_lambda_powertools.event_handler.openapi.models' in sys.modules)",
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )

    assert page["statusCode"] == 200 and page["headers"]["Content-Type"] == "text/html"
    assert "SwaggerUIBundle" in page["body"] and spec["info"]["title"] in page["body"]
    assert document["body"].replace("</", "<\\/") in page["body"]  # the same document, script-safe
    assert loaded.stdout.strip() == "False"  # Powertools' OpenAPI models load on the page's first request
