"""The index-setup custom resource answers CloudFormation exactly once, whatever happens."""

from __future__ import annotations

import importlib.util
import json
import time
from types import ModuleType
from typing import Any

import pytest
from opensearchpy.exceptions import ConnectionError as OpenSearchConnectionError

from tests.conftest import ROOT


def _load_app() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "setup_app_under_test", ROOT / "functions" / "setup" / "app.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


app = _load_app()


class FakeIndices:
    def __init__(self, calls: list[tuple[str, Any]]) -> None:
        self.calls = calls

    def put_index_template(self, name: str, body: dict[str, Any]) -> None:
        self.calls.append(("put_index_template", name))

    def exists_alias(self, name: str) -> bool:
        return False

    def exists(self, index: str) -> bool:
        return False

    def create(self, index: str, body: dict[str, Any] | None = None) -> None:
        self.calls.append(("create", index))

    def update_aliases(self, body: dict[str, Any]) -> None:
        self.calls.append(("update_aliases", [a["add"]["alias"] for a in body["actions"]]))


class FakeTransport:
    def __init__(self, calls: list[tuple[str, Any]]) -> None:
        self.calls = calls

    def perform_request(self, method: str, url: str, body: Any = None) -> dict[str, Any]:
        self.calls.append((method, url))
        return {}


class FakeClient:
    def __init__(self) -> None:
        self.calls: list[tuple[str, Any]] = []
        self.indices = FakeIndices(self.calls)
        self.transport = FakeTransport(self.calls)


class Recorder:
    def __init__(self) -> None:
        self.answers: list[tuple[str, dict[str, Any]]] = []

    def __call__(self, url: str, body: bytes) -> None:
        self.answers.append((url, json.loads(body)))


def _event(request_type: str, **properties: Any) -> dict[str, Any]:
    return {
        "RequestType": request_type,
        "ResponseURL": "https://cloudformation-custom-resource-response.example/presigned",
        "StackId": "arn:aws:cloudformation:eu-west-1:123456789012:stack/warta/abc",
        "RequestId": "req-1",
        "LogicalResourceId": "IndexSetup",
        "ResourceType": "Custom::WartaIndex",
        "ResourceProperties": {"ServiceToken": "arn:...", "Alias": "warta-articles", **properties},
    }


def _plenty() -> int:
    return 300_000


def test_create_sets_up_the_index_and_answers_success() -> None:
    client, send = FakeClient(), Recorder()
    status = app.handle(
        _event("Create", ConfigureSecurity="false"), _plenty, client_factory=lambda: client, send=send
    )
    assert status == "SUCCESS"
    ((url, body),) = send.answers
    assert url.startswith("https://")
    assert body["Status"] == "SUCCESS"
    assert body["PhysicalResourceId"] == "warta-index:warta-articles"
    assert body["Data"] == {"IndexName": "warta-articles-v1"}
    assert (body["StackId"], body["RequestId"], body["LogicalResourceId"]) == (
        "arn:aws:cloudformation:eu-west-1:123456789012:stack/warta/abc",
        "req-1",
        "IndexSetup",
    )
    assert ("put_index_template", "warta-articles") in client.calls
    assert ("update_aliases", ["warta-articles", "warta-articles-write"]) in client.calls
    assert not [c for c in client.calls if str(c[1]).startswith("/_plugins/_security")]


def test_on_its_own_domain_it_maps_the_function_roles() -> None:
    client, send = FakeClient(), Recorder()
    app.handle(
        _event(
            "Create",
            ConfigureSecurity="true",
            IngestRoleArn="arn:aws:iam::1:role/i",
            SearchRoleArn="arn:aws:iam::1:role/s",
        ),
        _plenty,
        client_factory=lambda: client,
        send=send,
    )
    security = [url for method, url in client.calls if method == "PUT"]
    assert security == [
        "/_plugins/_security/api/roles/warta_ingest",
        "/_plugins/_security/api/rolesmapping/warta_ingest",
        "/_plugins/_security/api/roles/warta_search",
        "/_plugins/_security/api/rolesmapping/warta_search",
        "/_plugins/_security/api/roles/warta_alerts",
        "/_plugins/_security/api/rolesmapping/warta_alerts",
    ]
    roles = app.security_roles("warta-articles", "arn:i", "arn:s")
    assert roles["warta_search"][0]["index_permissions"] == [
        {"index_patterns": ["warta-articles*"], "allowed_actions": ["read"]}
    ]
    assert roles["warta_ingest"][1] == {"backend_roles": ["arn:i"]}
    alerts = app.security_roles("warta-articles", "arn:i", "arn:s", alerts_role_arns=["arn:a", "arn:d"])[
        "warta_alerts"
    ]
    assert alerts[0]["index_permissions"] == [
        {"index_patterns": ["warta-articles*"], "allowed_actions": ["read"]},
        {"index_patterns": ["warta-articles-alert*"], "allowed_actions": ["crud"]},
    ]
    assert alerts[1] == {"backend_roles": ["arn:a", "arn:d"]}


def test_delete_answers_success_and_touches_nothing() -> None:
    send = Recorder()

    def no_client() -> None:
        raise AssertionError("Delete must not reach OpenSearch")

    event = {**_event("Delete"), "PhysicalResourceId": "warta-index:warta-articles"}
    assert app.handle(event, _plenty, client_factory=no_client, send=send) == "SUCCESS"
    ((_, body),) = send.answers
    assert body["PhysicalResourceId"] == "warta-index:warta-articles"


def test_a_failure_is_answered_with_its_reason() -> None:
    send = Recorder()

    def broken() -> None:
        raise ValueError("WARTA_OPENSEARCH_URL must be an http(s) URL")

    assert app.handle(_event("Create"), _plenty, client_factory=broken, send=send) == "FAILED"
    ((_, body),) = send.answers
    assert body["Status"] == "FAILED"
    assert "WARTA_OPENSEARCH_URL" in body["Reason"]
    # A physical id even on a failed Create, so that the rollback's Delete can succeed.
    assert body["PhysicalResourceId"] == "warta-index:warta-articles"


def test_missing_alias_and_unknown_request_types_fail_cleanly() -> None:
    send = Recorder()
    event = _event("Create")
    del event["ResourceProperties"]["Alias"]
    assert app.handle(event, _plenty, client_factory=FakeClient, send=send) == "FAILED"
    assert app.handle(_event("Frobnicate"), _plenty, client_factory=FakeClient, send=send) == "FAILED"
    assert [b["Status"] for _, b in send.answers] == ["FAILED", "FAILED"]


def test_a_hang_is_answered_failed_before_the_function_times_out() -> None:
    send = Recorder()

    def slow_client() -> FakeClient:
        time.sleep(1.6)
        return FakeClient()

    # 15.5 s left and a 15 s margin: the timer fires after 1 s (its floor), the work ends later.
    status = app.handle(_event("Create"), lambda: 15_500, client_factory=slow_client, send=send)
    assert status == "FAILED"
    ((_, body),) = send.answers  # the late success was not sent as a second answer
    assert "timeout" in body["Reason"]


def test_retries_while_the_domain_settles() -> None:
    attempts: list[int] = []
    now = [0.0]

    def work() -> dict[str, str]:
        attempts.append(1)
        if len(attempts) < 3:
            raise OpenSearchConnectionError("N/A", "not resolvable yet", None)
        return {"IndexName": "x"}

    result = app.with_retries(
        work, deadline=100.0, clock=lambda: now[0], sleep=lambda s: now.__setitem__(0, now[0] + s)
    )
    assert result == {"IndexName": "x"} and len(attempts) == 3


def test_no_retry_past_the_deadline_or_for_real_errors() -> None:
    def unreachable() -> dict[str, str]:
        raise OpenSearchConnectionError("N/A", "down", None)

    with pytest.raises(OpenSearchConnectionError):
        app.with_retries(unreachable, deadline=1.0, clock=lambda: 0.0, sleep=lambda s: None)

    def bug() -> dict[str, str]:
        raise KeyError("Alias")

    with pytest.raises(KeyError):
        app.with_retries(bug, deadline=100.0, clock=lambda: 0.0, sleep=lambda s: None)
