"""Least privilege, checked on the template after the SAM transform (in-process, offline).

Every Allow statement in every policy of the transformed template (role policies, bucket, queue,
topic, log and domain resource policies, both branches of each Fn::If) must:
- name its actions one by one: no "*", no "service:*", no "service:Get*";
- name its resources, except for the few actions AWS offers no resource-level scoping for,
  listed in STAR_RESOURCE_ALLOWED with the reason;
- use neither NotAction nor NotResource.
No role may carry managed policies: SAM attaches AWS managed ones on Resource "*" to roles it
generates, so every function has a role written out in template.yaml.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from tests.unit.test_template import TEMPLATE, load_template, translate

# Actions that may be granted on Resource "*", and why.
STAR_RESOURCE_ALLOWED = {
    "xray:PutTraceSegments": "X-Ray has no resource-level permissions (Tracing: Active)",
    "xray:PutTelemetryRecords": "X-Ray has no resource-level permissions (Tracing: Active)",
    "ec2:DescribeNetworkInterfaces": "Describe actions take no resource ARN (functions in a VPC)",
    "ec2:DescribeSubnets": "Describe actions take no resource ARN (functions in a VPC)",
    "ec2:CreateNetworkInterface": "Lambda creates ENIs in subnets and with ids it picks at run time",
    "ec2:DeleteNetworkInterface": "Lambda deletes the ENIs it created; their ids are not known in advance",
    "ec2:AssignPrivateIpAddresses": "on Lambda's own ENIs, ids not known in advance",
    "ec2:UnassignPrivateIpAddresses": "on Lambda's own ENIs, ids not known in advance",
}

# What each function's role may do, exactly: a new permission has to be added here on purpose.
EXPECTED_ACTIONS = {
    "IngestFunction": {
        "logs:CreateLogStream",
        "logs:PutLogEvents",
        "xray:PutTraceSegments",
        "xray:PutTelemetryRecords",
        "sqs:ReceiveMessage",
        "sqs:DeleteMessage",
        "sqs:GetQueueAttributes",
        "sqs:ChangeMessageVisibility",
        "sqs:SendMessage",  # to the DLQ, with the failure reason, and alert deliveries to their queue
        "s3:GetObject",
        "s3:GetObjectVersion",
        "es:ESHttpGet",
        "es:ESHttpHead",
        "es:ESHttpPost",
        "es:ESHttpPut",
        "es:ESHttpDelete",
    },
    "SearchFunction": {
        "logs:CreateLogStream",
        "logs:PutLogEvents",
        "xray:PutTraceSegments",
        "xray:PutTelemetryRecords",
        "es:ESHttpGet",
        "es:ESHttpHead",
        "es:ESHttpPost",
    },
    "ReconcileFunction": {
        "logs:CreateLogStream",
        "logs:PutLogEvents",
        "xray:PutTraceSegments",
        "xray:PutTelemetryRecords",
        "s3:ListBucket",
        "sqs:SendMessage",
        "es:ESHttpGet",
        "es:ESHttpHead",
        "es:ESHttpPost",
        "es:ESHttpDelete",
    },
    "DeliverFunction": {
        "logs:CreateLogStream",
        "logs:PutLogEvents",
        "xray:PutTraceSegments",
        "xray:PutTelemetryRecords",
        "sqs:ReceiveMessage",
        "sqs:DeleteMessage",
        "sqs:GetQueueAttributes",
        "sqs:ChangeMessageVisibility",
        "sqs:SendMessage",  # to the delivery DLQ with the reason, and digests to its own queue
        "sns:Publish",  # to the alert topic only
        "es:ESHttpGet",
        "es:ESHttpHead",
        "es:ESHttpPost",
    },
    "AlertsApiFunction": {
        "logs:CreateLogStream",
        "logs:PutLogEvents",
        "xray:PutTraceSegments",
        "xray:PutTelemetryRecords",
        "es:ESHttpGet",
        "es:ESHttpHead",
        "es:ESHttpPost",
        "es:ESHttpPut",
        "es:ESHttpDelete",
    },
    "SetupFunction": {
        "logs:CreateLogStream",
        "logs:PutLogEvents",
        "xray:PutTraceSegments",
        "xray:PutTelemetryRecords",
        "es:ESHttpGet",
        "es:ESHttpHead",
        "es:ESHttpPost",
        "es:ESHttpPut",
    },
}
VPC_ACTIONS = {a for a in STAR_RESOURCE_ALLOWED if a.startswith("ec2:")}
NO_VALUE = {"Ref": "AWS::NoValue"}


@pytest.fixture(scope="module")
def cfn() -> dict[str, Any]:
    return translate(load_template())


# --------------------------------------------------------------------------- walking policies


def _branches(value: Any) -> list[Any]:
    """All values an Fn::If may take (recursively), AWS::NoValue dropped."""
    if isinstance(value, dict) and "Fn::If" in value:
        return [v for branch in value["Fn::If"][1:] for v in _branches(branch)]
    return [] if value == NO_VALUE else [value]


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _from_sub_string(value: Any) -> Any:
    """A policy written as a JSON string inside Fn::Sub (AWS::Logs::ResourcePolicy)."""
    if isinstance(value, dict) and "Fn::Sub" in value:
        text = value["Fn::Sub"] if isinstance(value["Fn::Sub"], str) else value["Fn::Sub"][0]
        return json.loads(re.sub(r"\$\{([^}]+)\}", r"<\1>", text))
    return json.loads(value) if isinstance(value, str) else value


def policy_documents(cfn: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    docs: list[tuple[str, dict[str, Any]]] = []
    for logical_id, resource in cfn["Resources"].items():
        props = resource.get("Properties", {})
        if resource["Type"] == "AWS::IAM::Role":
            for policy in props.get("Policies", []):
                docs.append((f"{logical_id}/{policy['PolicyName']}", policy["PolicyDocument"]))
        elif resource["Type"] == "AWS::OpenSearchService::Domain":
            docs.append((logical_id, props["AccessPolicies"]))
        elif "PolicyDocument" in props:
            docs.append((logical_id, _from_sub_string(props["PolicyDocument"])))
    return docs


def statements(document: dict[str, Any]) -> list[dict[str, Any]]:
    return [s for item in _as_list(document["Statement"]) for s in _branches(item)]


def allow_statements(cfn: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [
        (where, s) for where, doc in policy_documents(cfn) for s in statements(doc) if s["Effect"] == "Allow"
    ]


def _role_of(cfn: dict[str, Any], function_id: str) -> dict[str, Any]:
    return cfn["Resources"][cfn["Resources"][function_id]["Properties"]["Role"]["Fn::GetAtt"][0]]


# --------------------------------------------------------------------------- the rules


def test_the_walk_sees_every_policy(cfn: dict[str, Any]) -> None:
    where = {w.split("/")[0] for w, _ in policy_documents(cfn)}
    assert {
        "IngestFunctionRole",
        "SearchFunctionRole",
        "SetupFunctionRole",
        "IngestQueuePolicy",
        "ArticlesBucketPolicy",
        "OpenSearchDomain",
        "OpenSearchLogPolicy",
    } <= where


def test_no_wildcard_or_service_wide_actions(cfn: dict[str, Any]) -> None:
    offenders = []
    for where, statement in allow_statements(cfn):
        assert "NotAction" not in statement, where
        offenders += [(where, a) for a in _as_list(statement["Action"]) if "*" in a]
    assert not offenders, offenders


def test_star_resources_only_where_aws_requires_them(cfn: dict[str, Any]) -> None:
    offenders = []
    for where, statement in allow_statements(cfn):
        assert "NotResource" not in statement, where
        if "Resource" not in statement:  # trust policies only, which these are not
            offenders.append((where, "no Resource"))
            continue
        resources = [r for value in _as_list(statement["Resource"]) for r in _branches(value)]
        if "*" in resources:
            offenders += [(where, a) for a in _as_list(statement["Action"]) if a not in STAR_RESOURCE_ALLOWED]
    assert not offenders, offenders


def test_resource_policies_name_their_principals(cfn: dict[str, Any]) -> None:
    """No Allow with Principal "*" (an open access policy) anywhere."""
    for where, statement in allow_statements(cfn):
        principal = statement.get("Principal")
        assert principal not in ("*", {"AWS": "*"}), where


def test_every_star_resource_in_the_source_has_a_comment() -> None:
    lines = [
        ln for ln in TEMPLATE.read_text(encoding="utf-8").splitlines() if re.search(r'Resource: "\*"', ln)
    ]
    assert lines
    assert all("#" in ln for ln in lines), [ln for ln in lines if "#" not in ln]


@pytest.mark.parametrize("function_id", sorted(EXPECTED_ACTIONS))
def test_roles_are_ours_without_managed_policies(cfn: dict[str, Any], function_id: str) -> None:
    role = _role_of(cfn, function_id)["Properties"]
    assert not role.get("ManagedPolicyArns"), "SAM or someone attached managed policies"
    (trust,) = role["AssumeRolePolicyDocument"]["Statement"]
    assert trust["Principal"] == {"Service": "lambda.amazonaws.com"}
    assert trust["Action"] == "sts:AssumeRole"


@pytest.mark.parametrize("function_id", sorted(EXPECTED_ACTIONS))
def test_each_role_has_exactly_the_actions_it_needs(cfn: dict[str, Any], function_id: str) -> None:
    granted = set()
    vpc_granted = set()
    for policy in _role_of(cfn, function_id)["Properties"]["Policies"]:
        for item in _as_list(policy["PolicyDocument"]["Statement"]):
            conditional = isinstance(item, dict) and "Fn::If" in item
            for statement in _branches(item):
                actions = set(_as_list(statement["Action"]))
                if conditional:
                    assert item["Fn::If"][0] == "UseVpc"
                    vpc_granted |= actions
                else:
                    granted |= actions
    assert granted == EXPECTED_ACTIONS[function_id]
    assert vpc_granted == VPC_ACTIONS


@pytest.mark.parametrize("function_id", sorted(EXPECTED_ACTIONS))
def test_logs_are_written_only_to_the_functions_own_group(cfn: dict[str, Any], function_id: str) -> None:
    for policy in _role_of(cfn, function_id)["Properties"]["Policies"]:
        for statement in statements(policy["PolicyDocument"]):
            if any(a.startswith("logs:") for a in _as_list(statement["Action"])):
                assert statement["Resource"] == {"Fn::GetAtt": [f"{function_id}LogGroup", "Arn"]}
