"""The OpenSearch Dashboards saved objects (dashboards/*.ndjson) and the import command.
Header names are compared in lower case: HTTP header names are case-insensitive.

OpenSearch Dashboards itself cannot run here (it is not on PyPI, npm or Debian), so the import is
checked against a small HTTP server on 127.0.0.1 that stands in for its saved-objects API and
records what it receives; the objects are checked against each other and against the index mapping."""

from __future__ import annotations

import json
import re
import runpy
import threading
from collections.abc import Iterator
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from botocore.credentials import Credentials
from click.testing import CliRunner
from warta import dashboards
from warta.cli import main
from warta.index.mapping import MAPPINGS

from tests.conftest import ROOT

FILES = sorted((ROOT / "dashboards").glob("*.ndjson"))
OBJECTS = [json.loads(line) for path in FILES for line in path.read_text().splitlines() if line.strip()]
SEARCH_SOURCE = "kibanaSavedObjectMeta.searchSourceJSON.index"


def _mapped_fields(properties: dict[str, Any], prefix: str = "") -> set[str]:
    found: set[str] = set()
    for name, spec in properties.items():
        path = f"{prefix}{name}"
        if "properties" in spec:
            found |= _mapped_fields(spec["properties"], f"{path}.")
        if "type" in spec:
            found.add(path)
        for sub in spec.get("fields", {}):
            found.add(f"{path}.{sub}")
    return found


MAPPED = _mapped_fields(MAPPINGS["properties"])


def _fields_used(item: dict[str, Any]) -> set[str]:
    attributes = item["attributes"]
    if item["type"] == "index-pattern":
        return {attributes["timeFieldName"]}
    if item["type"] == "search":
        return set(attributes["columns"]) | {field for field, _ in attributes["sort"]}
    if item["type"] == "visualization":
        state = json.loads(attributes["visState"])
        return {agg["params"]["field"] for agg in state["aggs"] if "field" in agg.get("params", {})}
    return set()


# ---- the saved objects ------------------------------------------------------------------------
def test_the_committed_file_is_what_the_generator_writes():
    generate = runpy.run_path(str(ROOT / "tools" / "export_dashboards.py"))["generate"]
    assert (ROOT / "dashboards" / "warta.ndjson").read_text() == generate(), (
        "dashboards/warta.ndjson is stale: run `make dashboards-file`"
    )


def test_the_objects_are_the_ones_the_docs_promise_with_unique_ids():
    ids = [(item["type"], item["id"]) for item in OBJECTS]
    assert len(ids) == len(set(ids))
    kinds = [item["type"] for item in OBJECTS]
    assert kinds.count("index-pattern") == 1 and "search" in kinds and "dashboard" in kinds
    assert kinds.count("visualization") >= 5
    visualization_types = {
        json.loads(item["attributes"]["visState"])["type"]
        for item in OBJECTS
        if item["type"] == "visualization"
    }
    assert {"histogram", "heatmap"} <= visualization_types
    pattern = next(item for item in OBJECTS if item["type"] == "index-pattern")
    assert pattern["attributes"]["timeFieldName"] == "published"


def test_every_reference_points_to_an_object_in_the_files():
    present = {(item["type"], item["id"]) for item in OBJECTS}
    for item in OBJECTS:
        for reference in item["references"]:
            assert (reference["type"], reference["id"]) in present, f"{item['id']} -> {reference}"


def test_every_reference_name_used_inside_an_object_is_declared():
    for item in OBJECTS:
        names = {reference["name"] for reference in item["references"]}
        attributes = item["attributes"]
        source = json.loads(attributes.get("kibanaSavedObjectMeta", {}).get("searchSourceJSON", "{}"))
        if "indexRefName" in source:
            assert source["indexRefName"] in names
        if item["type"] == "dashboard":
            panels = json.loads(attributes["panelsJSON"])
            assert {panel["panelRefName"] for panel in panels} == names
            assert len({panel["panelIndex"] for panel in panels}) == len(panels)


def test_every_field_an_object_uses_exists_in_the_index_mapping():
    for item in OBJECTS:
        unknown = _fields_used(item) - MAPPED
        assert not unknown, f"{item['id']} uses fields the mapping lacks: {unknown}"
    assert "facet.official" in MAPPED and "facet.official.norm" in MAPPED and "officials.name" in MAPPED


def test_the_index_pattern_can_be_retitled_for_another_alias():
    ndjson = dashboards.read_objects(FILES, index_pattern="news-prod")
    items = [json.loads(line) for line in ndjson.decode().splitlines()]
    pattern = next(item for item in items if item["type"] == "index-pattern")
    assert pattern["attributes"]["title"] == "news-prod" and pattern["id"] == "warta-articles"
    assert len(items) == len(OBJECTS)


def test_aws_hosts_are_recognised_with_their_region():
    assert (
        dashboards.aws_region("https://search-news-abc123.eu-west-1.es.amazonaws.com/_dashboards")
        == "eu-west-1"
    )
    assert dashboards.aws_region("https://abc.aos.ap-southeast-3.on.aws/_dashboards") == "ap-southeast-3"
    assert dashboards.aws_region("http://127.0.0.1:5601") is None


# ---- the import, against a stand-in for Dashboards ---------------------------------------------
class _Recorder:
    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.answer: tuple[int, dict[str, Any]] = (200, {"success": True, "successCount": len(OBJECTS)})


@pytest.fixture
def fake_dashboards() -> Iterator[tuple[str, _Recorder]]:
    recorder = _Recorder()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            recorder.requests.append(
                {"path": self.path, "headers": {k.lower(): v for k, v in self.headers.items()}, "body": body}
            )
            status, answer = recorder.answer
            payload = json.dumps(answer).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/_dashboards", recorder
    finally:
        server.shutdown()
        server.server_close()


def _file_part(request: dict[str, Any]) -> tuple[str, bytes]:
    content_type = request["headers"]["content-type"]
    message = BytesParser(policy=HTTP).parsebytes(
        f"Content-Type: {content_type}\r\n\r\n".encode() + request["body"]
    )
    parts = list(message.iter_parts())
    assert len(parts) == 1
    return parts[0].get_filename(), parts[0].get_payload(decode=True)


def test_the_import_command_posts_every_object_as_multipart_with_the_xsrf_header(fake_dashboards):
    url, recorder = fake_dashboards

    result = CliRunner().invoke(main, ["dashboards", "import", "--url", url])

    assert result.exit_code == 0, result.output
    assert f"imported {len(OBJECTS)} saved objects" in result.output
    [request] = recorder.requests
    assert request["path"] == "/_dashboards/api/saved_objects/_import?overwrite=true"
    assert request["headers"]["osd-xsrf"] == "true"
    assert request["headers"]["content-type"].startswith("multipart/form-data; boundary=")
    assert "authorization" not in request["headers"]
    filename, payload = _file_part(request)
    assert filename.endswith(".ndjson")
    sent = [json.loads(line) for line in payload.decode().splitlines()]
    assert [(o["type"], o["id"]) for o in sent] == [(o["type"], o["id"]) for o in OBJECTS]


def test_basic_auth_is_sent_when_a_user_is_given(fake_dashboards):
    url, recorder = fake_dashboards

    result = CliRunner().invoke(
        main,
        ["dashboards", "import", "--url", url, "--user", "admin"],
        env={"WARTA_DASHBOARDS_PASSWORD": "s3cret"},
    )

    assert result.exit_code == 0, result.output
    assert recorder.requests[0]["headers"]["authorization"] == "Basic YWRtaW46czNjcmV0"


def test_a_refused_object_fails_the_command_with_the_reason(fake_dashboards):
    url, recorder = fake_dashboards
    recorder.answer = (
        200,
        {
            "success": False,
            "successCount": 7,
            "errors": [
                {
                    "type": "visualization",
                    "id": "warta-top-officials",
                    "error": {"type": "missing_references"},
                }
            ],
        },
    )

    result = CliRunner().invoke(main, ["dashboards", "import", "--url", url])

    assert result.exit_code == 1
    assert "warta-top-officials" in result.output and "missing_references" in result.output


def test_an_error_status_fails_the_import(fake_dashboards):
    url, recorder = fake_dashboards
    recorder.answer = (403, {"statusCode": 403, "message": "no permissions"})

    with pytest.raises(dashboards.DashboardsError, match="403: no permissions"):
        dashboards.import_saved_objects(url, dashboards.read_objects(FILES))


def test_sigv4_signs_for_the_es_service_with_the_given_credentials(fake_dashboards):
    url, recorder = fake_dashboards
    credentials = Credentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "session-token")

    dashboards.import_saved_objects(
        url, dashboards.read_objects(FILES), auth=dashboards.SigV4(credentials, "ap-southeast-3")
    )

    headers = recorder.requests[0]["headers"]
    authorization = headers["authorization"]
    assert re.fullmatch(
        r"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/\d{8}/ap-southeast-3/es/aws4_request, "
        r"SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}",
        authorization,
    ), authorization
    signed = authorization.split("SignedHeaders=")[1].split(",")[0].split(";")
    assert {"host", "x-amz-date", "osd-xsrf", "content-type", "x-amz-security-token"} <= set(signed)
    assert headers["x-amz-security-token"] == "session-token"
    assert headers["osd-xsrf"] == "true"


def test_the_signature_covers_the_body():
    credentials = Credentials("AKIDEXAMPLE", "secret")
    auth = dashboards.SigV4(credentials, "eu-west-1")
    one = dashboards.build_request("https://x.eu-west-1.es.amazonaws.com", b"{}\n", auth=auth, boundary="b")
    two = dashboards.build_request("https://x.eu-west-1.es.amazonaws.com", b"[]\n", auth=auth, boundary="b")

    def signature(request: Any) -> str:
        return request.headers["Authorization"].rsplit("Signature=", 1)[1]

    assert signature(one) != signature(two)
