"""Checks on template.yaml: SAM-translated in-process, fully offline.

The SAM template is turned into plain CloudFormation with aws-sam-translator
(the same library `sam build`/`sam deploy` and CloudFormation's transform use),
then the wiring is checked on the resulting resources. cfn-lint runs on the
source template. Nothing here talks to AWS.
"""

from __future__ import annotations

import copy
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import boto3
import pytest
import yaml
from samtranslator.parser.parser import Parser
from samtranslator.translator.translator import Translator

REPO = Path(__file__).resolve().parents[2]
TEMPLATE = REPO / "template.yaml"

# Code locations the template points at, and the placeholder S3 objects that
# stand in for them during translation (the translator wants s3:// URIs).
CODE_URIS = {
    "IngestFunction": "functions/ingest/",
    "SearchFunction": "functions/search/",
}
LAYER_URIS = {"WartaLayer": "layers/warta/"}

PARAMETERS = {
    "OpenSearchEndpoint": "https://search-warta-abc123.eu-west-1.es.amazonaws.com",
    "OpenSearchDomainArn": "",
    "MaxReceiveCount": "5",
    "IngestBatchSize": "10",
    "LogRetentionDays": "30",
}


# --------------------------------------------------------------------------- loading


class _CfnLoader(yaml.SafeLoader):
    """SafeLoader that understands CloudFormation's short-form tags (!Ref, !Sub, ...).

    A subclass, so the global yaml.SafeLoader used elsewhere is left untouched.
    """


def _construct_intrinsic(loader: yaml.SafeLoader, tag_suffix: str, node: yaml.Node) -> dict[str, Any]:
    name = tag_suffix if tag_suffix in ("Ref", "Condition") else f"Fn::{tag_suffix}"
    if isinstance(node, yaml.ScalarNode):
        value: Any = loader.construct_scalar(node)
        if tag_suffix == "GetAtt":
            value = value.split(".", 1)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    return {name: value}


_CfnLoader.add_multi_constructor("!", _construct_intrinsic)


def _load_template() -> dict[str, Any]:
    with TEMPLATE.open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_CfnLoader)


@pytest.fixture(scope="module")
def sam_template() -> dict[str, Any]:
    return _load_template()


@pytest.fixture(scope="module")
def cfn(sam_template: dict[str, Any]) -> dict[str, Any]:
    """The template after the SAM transform, with local code paths swapped for S3 placeholders."""
    template = copy.deepcopy(sam_template)
    resources = template["Resources"]
    for logical_id in CODE_URIS:
        resources[logical_id]["Properties"]["CodeUri"] = f"s3://warta-test-artifacts/{logical_id}.zip"
    for logical_id in LAYER_URIS:
        resources[logical_id]["Properties"]["ContentUri"] = f"s3://warta-test-artifacts/{logical_id}.zip"

    translator = Translator(
        managed_policy_map=None,
        sam_parser=Parser(),
        boto_session=boto3.session.Session(region_name="eu-west-1"),
    )
    return translator.translate(
        template,
        parameter_values=dict(PARAMETERS),
        get_managed_policy_map=dict,  # no managed-policy names to resolve, so no IAM call
    )


def _of_type(cfn: dict[str, Any], resource_type: str) -> dict[str, dict[str, Any]]:
    return {k: v for k, v in cfn["Resources"].items() if v["Type"] == resource_type}


def _policy_documents(cfn: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """Every policy document in the template: role inline policies, resource policies."""
    docs: list[tuple[str, dict[str, Any]]] = []
    for logical_id, resource in cfn["Resources"].items():
        props = resource.get("Properties", {})
        if resource["Type"] == "AWS::IAM::Role":
            docs.append((f"{logical_id} trust", props["AssumeRolePolicyDocument"]))
            for policy in props.get("Policies", []):
                docs.append((f"{logical_id}/{policy['PolicyName']}", policy["PolicyDocument"]))
        elif "PolicyDocument" in props:
            docs.append((logical_id, props["PolicyDocument"]))
    return docs


def _statements(document: dict[str, Any]) -> list[dict[str, Any]]:
    statements = document["Statement"]
    return statements if isinstance(statements, list) else [statements]


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _role_actions(cfn: dict[str, Any], function_id: str) -> set[str]:
    role_ref = cfn["Resources"][function_id]["Properties"]["Role"]
    role_id = role_ref["Fn::GetAtt"][0]
    role = cfn["Resources"][role_id]
    actions: set[str] = set()
    for policy in role["Properties"].get("Policies", []):
        for statement in _statements(policy["PolicyDocument"]):
            if statement["Effect"] == "Allow":
                actions.update(_as_list(statement["Action"]))
    return actions


# --------------------------------------------------------------------------- repository layout


@pytest.mark.parametrize(
    "relative",
    [
        "functions/ingest/app.py",
        "functions/search/app.py",
        "layers/warta/warta/__init__.py",
        "layers/warta/requirements.txt",
    ],
)
def test_code_locations_exist(relative: str) -> None:
    assert (REPO / relative).exists(), f"template.yaml points at {relative}, which is missing"


def test_template_code_uris_are_the_expected_ones(sam_template: dict[str, Any]) -> None:
    resources = sam_template["Resources"]
    for logical_id, uri in CODE_URIS.items():
        assert resources[logical_id]["Properties"]["CodeUri"] == uri
        assert resources[logical_id]["Properties"]["Handler"] == "app.lambda_handler"
    for logical_id, uri in LAYER_URIS.items():
        assert resources[logical_id]["Properties"]["ContentUri"] == uri


# --------------------------------------------------------------------------- lint


def test_cfn_lint_is_clean() -> None:
    """Zero cfn-lint matches (errors, warnings and informational) on the source template."""
    beside_python = Path(sys.executable).parent / "cfn-lint"
    if beside_python.exists():
        result = subprocess.run(
            [str(beside_python), "--format", "parseable", "--", str(TEMPLATE)],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert result.returncode == 0 and not result.stdout.strip(), (
            f"cfn-lint found problems (exit {result.returncode}):\n{result.stdout}{result.stderr}"
        )
    else:  # no console script next to this interpreter: use the library directly
        from cfnlint.api import lint_file

        matches = lint_file(TEMPLATE)
        assert not matches, "\n".join(str(m) for m in matches)


# --------------------------------------------------------------------------- functions


@pytest.mark.parametrize("function_id", ["IngestFunction", "SearchFunction"])
def test_functions_runtime_architecture_and_layer(cfn: dict[str, Any], function_id: str) -> None:
    props = cfn["Resources"][function_id]["Properties"]
    assert props["Runtime"] == "python3.12"
    assert props["Architectures"] == ["arm64"]
    assert props["Handler"] == "app.lambda_handler"
    assert props["TracingConfig"] == {"Mode": "Active"}
    assert len(props["Layers"]) == 1
    layer_ref = props["Layers"][0]["Ref"]
    assert cfn["Resources"][layer_ref]["Type"] == "AWS::Lambda::LayerVersion"
    assert layer_ref.startswith("WartaLayer")


@pytest.mark.parametrize("function_id", ["IngestFunction", "SearchFunction"])
def test_functions_environment(cfn: dict[str, Any], function_id: str) -> None:
    variables = cfn["Resources"][function_id]["Properties"]["Environment"]["Variables"]
    assert variables["POWERTOOLS_SERVICE_NAME"] == "warta"
    assert variables["POWERTOOLS_METRICS_NAMESPACE"] == "Warta"
    assert variables["WARTA_INDEX_ALIAS"] == "warta-articles"
    assert variables["WARTA_OPENSEARCH_URL"] == {"Ref": "OpenSearchEndpoint"}
    assert "LOG_LEVEL" in variables


def test_layer_is_python312_arm64(cfn: dict[str, Any], sam_template: dict[str, Any]) -> None:
    layers = _of_type(cfn, "AWS::Lambda::LayerVersion")
    assert len(layers) == 1
    (layer,) = layers.values()
    assert layer["Properties"]["CompatibleRuntimes"] == ["python3.12"]
    assert layer["Properties"]["CompatibleArchitectures"] == ["arm64"]
    metadata = sam_template["Resources"]["WartaLayer"]["Metadata"]
    assert metadata["BuildMethod"] == "python3.12"
    assert metadata["BuildArchitecture"] == "arm64"


@pytest.mark.parametrize("function_id", ["IngestFunction", "SearchFunction"])
def test_log_groups_are_named_after_the_functions(cfn: dict[str, Any], function_id: str) -> None:
    group = cfn["Resources"][f"{function_id}LogGroup"]
    assert group["Type"] == "AWS::Logs::LogGroup"
    assert group["Properties"]["LogGroupName"] == {"Fn::Sub": f"/aws/lambda/${{{function_id}}}"}
    assert group["Properties"]["RetentionInDays"] == {"Ref": "LogRetentionDays"}


# --------------------------------------------------------------------------- ingest wiring


def test_ingest_event_source_mapping(cfn: dict[str, Any]) -> None:
    mappings = [
        m["Properties"]
        for m in _of_type(cfn, "AWS::Lambda::EventSourceMapping").values()
        if m["Properties"]["FunctionName"] == {"Ref": "IngestFunction"}
    ]
    assert len(mappings) == 1
    (mapping,) = mappings
    assert mapping["EventSourceArn"] == {"Fn::GetAtt": ["IngestQueue", "Arn"]}
    assert mapping["FunctionResponseTypes"] == ["ReportBatchItemFailures"]
    assert mapping["BatchSize"] == {"Ref": "IngestBatchSize"}
    assert mapping["MaximumBatchingWindowInSeconds"] >= 1  # needed for batches > 10 too
    assert mapping["ScalingConfig"]["MaximumConcurrency"] >= 2


def _managed_policy_names(cfn: dict[str, Any], function_id: str) -> set[str]:
    role_id = cfn["Resources"][function_id]["Properties"]["Role"]["Fn::GetAtt"][0]
    arns = cfn["Resources"][role_id]["Properties"].get("ManagedPolicyArns", [])
    return {arn.rsplit("/", 1)[-1] for arn in arns if isinstance(arn, str)}


def test_ingest_role_can_consume_the_queue(cfn: dict[str, Any]) -> None:
    """The template grants no sqs:* itself: SAM's SQS event attaches the AWS managed
    AWSLambdaSQSQueueExecutionRole (ReceiveMessage, DeleteMessage, GetQueueAttributes)."""
    assert "AWSLambdaSQSQueueExecutionRole" in _managed_policy_names(cfn, "IngestFunction")
    assert "AWSLambdaSQSQueueExecutionRole" not in _managed_policy_names(cfn, "SearchFunction")
    actions = _role_actions(cfn, "IngestFunction")
    assert {"s3:GetObject", "es:ESHttpGet", "es:ESHttpPost", "es:ESHttpPut", "es:ESHttpDelete"} <= actions
    assert not any(a.startswith("s3:") and a not in {"s3:GetObject", "s3:GetObjectVersion"} for a in actions)


def test_queue_redrives_to_the_dead_letter_queue(cfn: dict[str, Any]) -> None:
    queue = cfn["Resources"]["IngestQueue"]["Properties"]
    assert queue["RedrivePolicy"] == {
        "deadLetterTargetArn": {"Fn::GetAtt": ["IngestDeadLetterQueue", "Arn"]},
        "maxReceiveCount": {"Ref": "MaxReceiveCount"},
    }
    dlq = cfn["Resources"]["IngestDeadLetterQueue"]["Properties"]
    assert dlq["MessageRetentionPeriod"] == 14 * 24 * 3600
    for props in (queue, dlq):
        assert props["SqsManagedSseEnabled"] is True


def test_visibility_timeout_covers_six_ingest_timeouts(cfn: dict[str, Any]) -> None:
    timeout = cfn["Resources"]["IngestFunction"]["Properties"]["Timeout"]
    visibility = cfn["Resources"]["IngestQueue"]["Properties"]["VisibilityTimeout"]
    assert isinstance(timeout, int) and isinstance(visibility, int)
    assert visibility >= 6 * timeout


def test_bucket_notifications_target_the_queue(cfn: dict[str, Any]) -> None:
    bucket = cfn["Resources"]["ArticlesBucket"]
    configs = bucket["Properties"]["NotificationConfiguration"]["QueueConfigurations"]
    events = {c["Event"] for c in configs}
    assert events == {"s3:ObjectCreated:*", "s3:ObjectRemoved:*"}
    for config in configs:
        assert config["Queue"] == {"Fn::GetAtt": ["IngestQueue", "Arn"]}
    assert "IngestQueuePolicy" in _as_list(bucket["DependsOn"])


def test_queue_policy_admits_only_this_bucket(cfn: dict[str, Any], sam_template: dict[str, Any]) -> None:
    policy = cfn["Resources"]["IngestQueuePolicy"]["Properties"]
    assert policy["Queues"] == [{"Ref": "IngestQueue"}]
    (statement,) = _statements(policy["PolicyDocument"])
    assert statement["Effect"] == "Allow"
    assert statement["Principal"] == {"Service": "s3.amazonaws.com"}
    assert statement["Action"] == "sqs:SendMessage"
    bucket_name = sam_template["Resources"]["ArticlesBucket"]["Properties"]["BucketName"]["Fn::Sub"]
    assert statement["Condition"]["ArnEquals"]["aws:SourceArn"] == {
        "Fn::Sub": f"arn:${{AWS::Partition}}:s3:::{bucket_name}"
    }
    assert statement["Condition"]["StringEquals"]["aws:SourceAccount"] == {"Ref": "AWS::AccountId"}


# --------------------------------------------------------------------------- bucket


def test_bucket_is_private_encrypted_and_versioned(cfn: dict[str, Any]) -> None:
    props = cfn["Resources"]["ArticlesBucket"]["Properties"]
    assert props["PublicAccessBlockConfiguration"] == {
        "BlockPublicAcls": True,
        "BlockPublicPolicy": True,
        "IgnorePublicAcls": True,
        "RestrictPublicBuckets": True,
    }
    (rule,) = props["BucketEncryption"]["ServerSideEncryptionConfiguration"]
    assert rule["ServerSideEncryptionByDefault"]["SSEAlgorithm"] in {"AES256", "aws:kms"}
    assert props["VersioningConfiguration"] == {"Status": "Enabled"}


def test_bucket_policy_denies_plain_http(cfn: dict[str, Any]) -> None:
    policy = cfn["Resources"]["ArticlesBucketPolicy"]["Properties"]
    assert policy["Bucket"] == {"Ref": "ArticlesBucket"}
    denies = [
        s
        for s in _statements(policy["PolicyDocument"])
        if s["Effect"] == "Deny"
        and s.get("Condition", {}).get("Bool", {}).get("aws:SecureTransport") == "false"
    ]
    assert denies, "no statement denying aws:SecureTransport=false"


def test_bucket_name_is_deterministic_and_lower_case_template(sam_template: dict[str, Any]) -> None:
    """The queue policy and the ingest role rebuild the bucket ARN from this very name."""
    name = sam_template["Resources"]["ArticlesBucket"]["Properties"]["BucketName"]["Fn::Sub"]
    assert name == "${AWS::StackName}-articles-${AWS::AccountId}-${AWS::Region}"
    # Everything outside the pseudo parameters must already be valid in an S3 bucket name.
    assert re.fullmatch(r"[a-z0-9.-]*", re.sub(r"\$\{[^}]+\}", "", name))


# --------------------------------------------------------------------------- search wiring


def test_search_routes_on_the_http_api(cfn: dict[str, Any]) -> None:
    routes = _of_type(cfn, "AWS::ApiGatewayV2::Route")
    if routes:  # routes as resources
        keys = {r["Properties"]["RouteKey"] for r in routes.values()}
    else:  # routes inside the API's OpenAPI body (how SAM does it)
        (api,) = _of_type(cfn, "AWS::ApiGatewayV2::Api").values()
        paths = api["Properties"]["Body"]["paths"]
        keys = {f"{method.upper()} {path}" for path, methods in paths.items() for method in methods}
        for path in ("/search", "/documents/{id}"):
            integration = paths[path]["get"]["x-amazon-apigateway-integration"]
            assert integration["payloadFormatVersion"] == "2.0"
            assert "SearchFunction.Arn" in str(integration["uri"])
    assert keys == {"GET /search", "GET /documents/{id}"}

    permissions = [
        p["Properties"]
        for p in _of_type(cfn, "AWS::Lambda::Permission").values()
        if p["Properties"]["FunctionName"] == {"Ref": "SearchFunction"}
    ]
    assert len(permissions) == 2
    assert all(p["Principal"] == "apigateway.amazonaws.com" for p in permissions)


def test_http_api_throttling_and_cors(cfn: dict[str, Any]) -> None:
    (api,) = _of_type(cfn, "AWS::ApiGatewayV2::Api").values()
    cors = api["Properties"]["Body"].get("x-amazon-apigateway-cors") or api["Properties"].get(
        "CorsConfiguration"
    )
    assert cors, "no CORS configuration on the HTTP API"
    methods = {m.upper() for m in cors.get("allowMethods", cors.get("AllowMethods", []))}
    assert methods == {"GET"}
    (stage,) = _of_type(cfn, "AWS::ApiGatewayV2::Stage").values()
    route_settings = stage["Properties"]["DefaultRouteSettings"]
    assert route_settings["ThrottlingBurstLimit"] > 0
    assert route_settings["ThrottlingRateLimit"] > 0


def test_search_role_is_read_only_on_opensearch(cfn: dict[str, Any]) -> None:
    actions = _role_actions(cfn, "SearchFunction")
    es_actions = {a for a in actions if a.startswith("es:")}
    assert es_actions == {"es:ESHttpGet", "es:ESHttpPost", "es:ESHttpHead"}
    assert not any(a.startswith(("s3:", "sqs:")) for a in actions)


# --------------------------------------------------------------------------- IAM hygiene


def test_no_wildcard_actions_are_allowed(cfn: dict[str, Any]) -> None:
    """No Allow anywhere grants "*" or "service:*".

    Deny statements may use a wildcard: the bucket policy denies "s3:*" over
    plain HTTP, which is the point of it.
    """
    offenders = []
    for where, document in _policy_documents(cfn):
        for statement in _statements(document):
            if statement.get("Effect") != "Allow":
                continue
            actions = _as_list(statement.get("Action", [])) + _as_list(statement.get("NotAction", []))
            offenders += [
                (where, a) for a in actions if isinstance(a, str) and (a == "*" or a.endswith(":*"))
            ]
    assert not offenders, offenders


ALLOWED_MANAGED_POLICIES = {
    "AWSLambdaBasicExecutionRole",  # CloudWatch Logs
    "AWSXrayWriteOnlyAccess",  # Tracing: Active
    "AWSLambdaSQSQueueExecutionRole",  # the ingest function's SQS event
}


@pytest.mark.parametrize("function_id", ["IngestFunction", "SearchFunction"])
def test_only_expected_managed_policies(cfn: dict[str, Any], function_id: str) -> None:
    assert _managed_policy_names(cfn, function_id) <= ALLOWED_MANAGED_POLICIES


def test_policies_were_found(cfn: dict[str, Any]) -> None:
    """Guard for the wildcard check above: it must have had something to look at."""
    names = {where.split("/")[0].split(" ")[0] for where, _ in _policy_documents(cfn)}
    assert {"IngestFunctionRole", "SearchFunctionRole", "IngestQueuePolicy", "ArticlesBucketPolicy"} <= names


def test_es_permissions_are_scoped_to_a_domain(cfn: dict[str, Any]) -> None:
    for function_id in ("IngestFunction", "SearchFunction"):
        role_id = cfn["Resources"][function_id]["Properties"]["Role"]["Fn::GetAtt"][0]
        for policy in cfn["Resources"][role_id]["Properties"]["Policies"]:
            for statement in _statements(policy["PolicyDocument"]):
                if any(a.startswith("es:") for a in _as_list(statement["Action"])):
                    resource = statement["Resource"]
                    assert resource != "*"
                    assert "Fn::If" in resource
                    with_arn, without_arn = resource["Fn::If"][1:]
                    assert with_arn == {"Fn::Sub": "${OpenSearchDomainArn}/*"}
                    assert "${AWS::AccountId}" in without_arn["Fn::Sub"]
                    assert "${AWS::Region}" in without_arn["Fn::Sub"]


def test_outputs(sam_template: dict[str, Any]) -> None:
    assert {"SearchApiUrl", "ArticlesBucketName", "IngestQueueUrl", "DeadLetterQueueUrl"} <= set(
        sam_template["Outputs"]
    )
