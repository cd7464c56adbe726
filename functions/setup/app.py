"""Index setup: a CloudFormation custom resource (Custom::WartaIndex in template.yaml).

Create and Update put the index template and make sure the read and write aliases point at an
index (`warta.index.setup.ensure_index`). On a domain the stack created, where this function's
role is the fine-grained access control master, they also map the ingest and search roles to
security roles scoped to the alias's indices. Delete leaves the indices alone: they hold data,
and a domain the stack created goes away with the stack anyway.

CloudFormation waits for an answer PUT to a presigned S3 URL (the `cfn-response` contract), so
this module answers on every path: success, failure, Delete, and a timer that answers FAILED
shortly before the function would time out. Only the standard library is imported at module
level, so even a broken layer still gets an answer out.
"""

from __future__ import annotations

import json
import logging
import threading
import time
import urllib.request
from collections.abc import Callable
from typing import Any

logger = logging.getLogger("warta.setup")
logger.setLevel(logging.INFO)

SUCCESS, FAILED = "SUCCESS", "FAILED"
# Seconds kept back from the Lambda timeout to send the FAILED answer if the work hangs.
ANSWER_MARGIN_S = 15.0
# Retries while a new domain settles (endpoint not resolvable yet, master role mapping not applied).
RETRY_STATUSES = (401, 403, 429, 502, 503, 504)

Sender = Callable[[str, bytes], None]


# --------------------------------------------------------------------------- answering CloudFormation


def put_response(url: str, body: bytes, attempts: int = 4) -> None:
    """PUT the answer to CloudFormation's presigned URL (no content type: it is part of the signature)."""
    for attempt in range(1, attempts + 1):
        request = urllib.request.Request(
            url, data=body, method="PUT", headers={"Content-Type": "", "Content-Length": str(len(body))}
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:  # the https URL CloudFormation sent
                response.read()
            return
        except OSError as exc:  # URLError and socket errors
            logger.warning("answering CloudFormation failed (attempt %d): %s", attempt, exc)
            if attempt == attempts:
                raise
            time.sleep(min(2**attempt, 8))


class Responder:
    """Sends exactly one answer for one event, whichever of the work or the timer comes first."""

    def __init__(self, event: dict[str, Any], send: Sender = put_response) -> None:
        self._event = event
        self._send = send
        self._lock = threading.Lock()
        self.answered: str | None = None

    def answer(
        self, status: str, *, physical_id: str, reason: str = "", data: dict[str, str] | None = None
    ) -> bool:
        with self._lock:
            if self.answered is not None:
                return False
            self.answered = status
        event = self._event
        body = {
            "Status": status,
            # CloudFormation shows Reason in the console; it caps the whole answer at 4 KB.
            "Reason": (reason or f"see CloudWatch log stream {event.get('_log_stream', '')}")[:1000],
            "PhysicalResourceId": physical_id,
            "StackId": event["StackId"],
            "RequestId": event["RequestId"],
            "LogicalResourceId": event["LogicalResourceId"],
            "NoEcho": False,
            "Data": data or {},
        }
        logger.info("answering %s for %s %s", status, event["RequestType"], physical_id)
        self._send(event["ResponseURL"], json.dumps(body).encode("utf-8"))
        return True


# --------------------------------------------------------------------------- the work


def physical_id_for(properties: dict[str, Any]) -> str:
    return f"warta-index:{properties['Alias']}"


def security_roles(
    alias: str,
    ingest_role_arn: str,
    search_role_arn: str,
    reconcile_role_arn: str = "",
    alerts_role_arns: list[str] | None = None,
) -> dict[str, Any]:
    """Fine-grained access control roles, scoped to the alias's indices, and their IAM role mappings.
    The optional reconcile function reads and deletes as ingest does, so it shares ingest's role."""
    pattern = f"{alias}*"  # the versioned indices, both aliases and the failures index
    return {
        "warta_ingest": (
            {
                # Index templates are cluster-level objects; bulk is a cluster-level action.
                "cluster_permissions": [
                    "cluster_composite_ops",
                    "indices:admin/index_template/put",
                    "indices:admin/index_template/get",
                ],
                # All index actions, but only on this alias's indices: create, aliases, write, delete.
                "index_permissions": [{"index_patterns": [pattern], "allowed_actions": ["indices_all"]}],
            },
            {"backend_roles": [arn for arn in (ingest_role_arn, reconcile_role_arn) if arn]},
        ),
        "warta_search": (
            {
                "cluster_permissions": ["cluster_composite_ops_ro"],
                "index_permissions": [{"index_patterns": [pattern], "allowed_actions": ["read"]}],
            },
            {"backend_roles": [search_role_arn]},
        ),
        # The alert routes and the deliver function: read articles, write saved searches and matches.
        "warta_alerts": (
            {
                "cluster_permissions": ["cluster_composite_ops"],
                "index_permissions": [
                    {"index_patterns": [pattern], "allowed_actions": ["read"]},
                    {"index_patterns": [f"{alias}-alert*"], "allowed_actions": ["crud"]},
                ],
            },
            {"backend_roles": [arn for arn in alerts_role_arns or [] if arn]},
        ),
    }


def configure(client: Any, properties: dict[str, Any]) -> dict[str, str]:
    """Create/Update: the index and aliases, then (on our own domain) the security roles."""
    from warta.index.setup import ensure_index

    alias = properties["Alias"]
    index = ensure_index(client, alias)
    if str(properties.get("ConfigureSecurity", "false")).lower() == "true":
        for name, (role, mapping) in security_roles(
            alias,
            properties["IngestRoleArn"],
            properties["SearchRoleArn"],
            properties.get("ReconcileRoleArn", ""),
            list(properties.get("AlertsRoleArns", [])),
        ).items():
            client.transport.perform_request("PUT", f"/_plugins/_security/api/roles/{name}", body=role)
            client.transport.perform_request(
                "PUT", f"/_plugins/_security/api/rolesmapping/{name}", body=mapping
            )
    return {"IndexName": index}


def _retryable(exc: Exception) -> bool:
    from opensearchpy.exceptions import ConnectionError as OpenSearchConnectionError
    from opensearchpy.exceptions import TransportError

    if isinstance(exc, OpenSearchConnectionError):
        return True
    return isinstance(exc, TransportError) and exc.status_code in RETRY_STATUSES


def with_retries(
    work: Callable[[], dict[str, str]],
    deadline: float,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], None] = time.sleep,
) -> dict[str, str]:
    delay = 5.0
    while True:
        try:
            return work()
        except Exception as exc:
            if not _retryable(exc) or clock() + delay >= deadline:
                raise
            logger.warning("OpenSearch not ready (%s), retrying in %.0f s", exc, delay)
            sleep(delay)
            delay = min(delay * 2, 30.0)


def default_client() -> Any:
    from warta import bootstrap
    from warta.settings import Settings

    return bootstrap.index_client(Settings.from_env(), timeout=30.0)


def handle(
    event: dict[str, Any],
    remaining_ms: Callable[[], int],
    *,
    client_factory: Callable[[], Any] = default_client,
    send: Sender = put_response,
) -> str:
    """Do the request's work and answer CloudFormation exactly once; return the status sent."""
    responder = Responder(event, send)
    properties = event.get("ResourceProperties", {})
    request_type = event.get("RequestType")
    # On a failed Create there is no PhysicalResourceId yet; give one so that the rollback's
    # Delete names something this function recognises (and answers with a harmless success).
    physical_id = event.get("PhysicalResourceId") or (
        physical_id_for(properties) if "Alias" in properties else "warta-index:invalid"
    )

    budget_s = max(remaining_ms() / 1000.0 - ANSWER_MARGIN_S, 1.0)
    timer = threading.Timer(
        budget_s,
        lambda: responder.answer(
            FAILED, physical_id=physical_id, reason="index setup did not finish before the function timeout"
        ),
    )
    timer.daemon = True
    timer.start()
    try:
        if request_type == "Delete":
            responder.answer(SUCCESS, physical_id=physical_id, reason="indices are kept")
        elif request_type in ("Create", "Update"):
            if "Alias" not in properties:
                raise ValueError("the custom resource needs an Alias property")
            new_id = physical_id_for(properties)
            client = client_factory()
            data = with_retries(
                lambda: configure(client, properties), deadline=time.monotonic() + budget_s - 5.0
            )
            responder.answer(SUCCESS, physical_id=new_id, data=data)
        else:
            raise ValueError(f"unknown RequestType {request_type!r}")
    except Exception as exc:
        logger.exception("index setup failed")
        responder.answer(FAILED, physical_id=physical_id, reason=f"{type(exc).__name__}: {exc}")
    finally:
        timer.cancel()
    return responder.answered or FAILED


def lambda_handler(event: dict[str, Any], context: Any) -> None:
    event = {**event, "_log_stream": getattr(context, "log_stream_name", "")}
    logger.info("custom resource %s for %s", event.get("RequestType"), event.get("LogicalResourceId"))
    handle(event, context.get_remaining_time_in_millis)
