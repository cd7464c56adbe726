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
