"""Schemathesis drives the search API from its own OpenAPI document (docs/openapi.json) through the
local HTTP front: whatever it sends, the API answers without a server error, in JSON, with no trace,
with a status the document declares and a body that matches its schema (docs/openapi.json's models
come from warta.responses)."""

from __future__ import annotations

import json

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import response_schema_conformance, status_code_conformance

from tests.conftest import ROOT

pytestmark = pytest.mark.integration
schema = schemathesis.openapi.from_path(str(ROOT / "docs" / "openapi.json"))
EXAMPLES_PER_OPERATION = 150  # four operations: at least 600 generated requests
sent: list[int] = []
# Routes whose successful answer is not JSON (their 4xx still are): the export's CSV and JSON lines.
FILE_ANSWERS = {"/export": ("text/csv", "application/x-ndjson")}


@schema.parametrize()
@settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_generated_request_gets_a_server_error(case, stack):
    response = case.call(base_url=stack.api_url, timeout=10)
    sent.append(response.status_code)
    assert response.status_code < 500, response.text[:500]
    content_type = response.headers.get("content-type", [""])[0]
    if response.status_code == 200 and case.path in FILE_ANSWERS:
        assert content_type.startswith(FILE_ANSWERS[case.path]) and "Traceback" not in response.text
        return
    assert content_type.startswith("application/json")
    body = json.loads(response.text)
    assert "Traceback" not in response.text and body is not None
    case.validate_response(response, checks=[response_schema_conformance, status_code_conformance])


def test_at_least_500_requests_were_generated():
    assert len(sent) >= 500, len(sent)
    assert any(status == 200 for status in sent) and any(400 <= status < 500 for status in sent)
