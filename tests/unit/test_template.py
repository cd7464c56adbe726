"""Checks on template.yaml: SAM-translated in-process, fully offline.

The SAM template is turned into plain CloudFormation with aws-sam-translator
(the same library `sam build`/`sam deploy` and CloudFormation's transform use),
then the wiring is checked on the resulting resources. cfn-lint runs on the
source template; `sam validate --lint` and checkov run when their own venvs
(.venv-sam, .venv-checkov) exist. Nothing here talks to AWS.

IAM scoping has its own file: test_least_privilege.py.
"""

from __future__ import annotations

import copy
import re
import shutil
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
SAM_VENV = REPO / ".venv-sam"
CHECKOV_VENV = REPO / ".venv-checkov"

# Code locations the template points at, and the placeholder S3 objects that
# stand in for them during translation (the translator wants s3:// URIs).
CODE_URIS = {
    "IngestFunction": "functions/ingest/",
    "SearchFunction": "functions/search/",
    "SetupFunction": "functions/setup/",
    "ReconcileFunction": "functions/reconcile/",
    "DeliverFunction": "functions/deliver/",
    "AlertsApiFunction": "functions/search/",  # the same app, on the alert routes, with a role that may write
}
FUNCTIONS = list(CODE_URIS)
# Built by tools/build_layer.py (make layer); not in the repository.
LAYER_URIS = {"WartaLayer": "build/layer/", "FallbackLayer": "build/fallback-layer/"}

PARAMETERS = {
    "OpenSearchEndpoint": "",
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


def load_template() -> dict[str, Any]:
    with TEMPLATE.open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_CfnLoader)


def translate(sam_template: dict[str, Any]) -> dict[str, Any]:
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


@pytest.fixture(scope="module")
def sam_template() -> dict[str, Any]:
    return load_template()


@pytest.fixture(scope="module")
def cfn(sam_template: dict[str, Any]) -> dict[str, Any]:
    return translate(sam_template)


def _of_type(cfn: dict[str, Any], resource_type: str) -> dict[str, dict[str, Any]]:
    return {k: v for k, v in cfn["Resources"].items() if v["Type"] == resource_type}


def _statements(document: dict[str, Any]) -> list[dict[str, Any]]:
    """Statements of a policy document, both branches of any Fn::If included."""
    raw = document["Statement"]
    out: list[dict[str, Any]] = []
    for item in raw if isinstance(raw, list) else [raw]:
        if isinstance(item, dict) and "Fn::If" in item:
            out += [b for b in item["Fn::If"][1:] if b != {"Ref": "AWS::NoValue"}]
        else:
            out.append(item)
    return out


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _role(cfn: dict[str, Any], function_id: str) -> dict[str, Any]:
    role_id = cfn["Resources"][function_id]["Properties"]["Role"]["Fn::GetAtt"][0]
    return cfn["Resources"][role_id]


def _role_statements(cfn: dict[str, Any], function_id: str) -> list[dict[str, Any]]:
    return [
        s
        for policy in _role(cfn, function_id)["Properties"].get("Policies", [])
        for s in _statements(policy["PolicyDocument"])
    ]


def _role_actions(cfn: dict[str, Any], function_id: str) -> set[str]:
    return {
        a for s in _role_statements(cfn, function_id) if s["Effect"] == "Allow" for a in _as_list(s["Action"])
    }


def _condition_of(cfn: dict[str, Any], logical_id: str) -> str | None:
    return cfn["Resources"][logical_id].get("Condition")


# --------------------------------------------------------------------------- repository layout


@pytest.mark.parametrize(
    "relative",
    [
        "functions/ingest/app.py",
        "functions/search/app.py",
        "functions/setup/app.py",
        "functions/reconcile/app.py",
        "functions/deliver/app.py",
        "layers/warta/warta/__init__.py",
        "layers/warta/requirements.txt",
        "tools/build_layer.py",
    ],
)
def test_code_locations_exist(relative: str) -> None:
    assert (REPO / relative).exists(), f"template.yaml relies on {relative}, which is missing"


def test_template_code_uris_are_the_expected_ones(sam_template: dict[str, Any]) -> None:
    resources = sam_template["Resources"]
    for logical_id, uri in CODE_URIS.items():
        assert resources[logical_id]["Properties"]["CodeUri"] == uri
        assert resources[logical_id]["Properties"]["Handler"] == "app.lambda_handler"
    for logical_id, uri in LAYER_URIS.items():
        assert resources[logical_id]["Properties"]["ContentUri"] == uri
        # No BuildMethod: `sam build` must ship tools/build_layer.py's output untouched.
        assert "BuildMethod" not in resources[logical_id].get("Metadata", {})


def test_build_output_is_ignored_by_git() -> None:
    ignored = (REPO / ".gitignore").read_text().split()
    assert "build/" in ignored


# --------------------------------------------------------------------------- offline checkers


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


def test_sam_validate_lint() -> None:
    """`sam validate --lint` from the separate SAM CLI venv (kept out of .venv: it pins versions)."""
    sam = SAM_VENV / "bin" / "sam"
    if not sam.exists():
        pytest.skip(
            f"{sam} not found: create .venv-sam with aws-sam-cli to run sam validate (docs/deploy.md)"
        )
    result = subprocess.run(
        [str(sam), "validate", "--lint", "--region", "eu-west-1", "--template-file", str(TEMPLATE)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=REPO,
        env={
            "PATH": f"{SAM_VENV / 'bin'}:/usr/bin:/bin",
            "HOME": str(Path.home()),
            "SAM_CLI_TELEMETRY": "0",
            "AWS_DEFAULT_REGION": "eu-west-1",
        },
    )
    assert result.returncode == 0, f"{result.stdout}\n{result.stderr}"


def test_checkov_finds_nothing_unsuppressed() -> None:
    """checkov's CloudFormation checks, offline; suppressions are inline with their reasons."""
    checkov = CHECKOV_VENV / "bin" / "checkov"
    if not checkov.exists():
        pytest.skip(f"{checkov} not found: `make checkov` creates .venv-checkov (docs/deploy.md)")
    result = subprocess.run(
        [
            str(checkov),
            "--file",
            str(TEMPLATE),
            "--framework",
            "cloudformation",
            "--compact",
            "--quiet",
            "--skip-download",
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        cwd=REPO,
    )
    assert result.returncode == 0, f"{result.stdout}\n{result.stderr[-2000:]}"


def test_every_checkov_suppression_has_a_reason(sam_template: dict[str, Any]) -> None:
    found = 0
    for logical_id, resource in sam_template["Resources"].items():
        for skip in resource.get("Metadata", {}).get("checkov", {}).get("skip", []):
            found += 1
            assert re.fullmatch(r"CKV2?_AWS_\d+", skip["id"]), (logical_id, skip)
            assert len(skip.get("comment", "").split()) >= 5, f"{logical_id} {skip['id']}: give a reason"
    assert found


# --------------------------------------------------------------------------- functions


@pytest.mark.parametrize("function_id", FUNCTIONS)
def test_functions_runtime_architecture_and_layer(cfn: dict[str, Any], function_id: str) -> None:
    props = cfn["Resources"][function_id]["Properties"]
    assert props["Runtime"] == "python3.12"
    assert props["Architectures"] == ["arm64"]
    assert props["Handler"] == "app.lambda_handler"
    # X-Ray is opt-in; with it off, POWERTOOLS_TRACE_DISABLED keeps the SDK from loading (warta.tracing).
    assert props["TracingConfig"] == {"Mode": {"Fn::If": ["TraceWithXRay", "Active", "PassThrough"]}}
    assert props["Environment"]["Variables"]["POWERTOOLS_TRACE_DISABLED"] == {
        "Fn::If": ["TraceWithXRay", "false", "true"]
    }
    layer_ref = props["Layers"][0]["Ref"]
    assert cfn["Resources"][layer_ref]["Type"] == "AWS::Lambda::LayerVersion"
    assert layer_ref.startswith("WartaLayer")
    # Only ingest parses pages, so only ingest gets the extraction fallback, and only when it is on.
    fallback = props["Layers"][1:]
    if function_id == "IngestFunction":
        assert len(fallback) == 1
        condition, attached, absent = fallback[0]["Fn::If"]
        assert condition == "UseExtractionFallback" and absent == {"Ref": "AWS::NoValue"}
        assert cfn["Resources"][attached["Ref"]]["Type"] == "AWS::Lambda::LayerVersion"
        assert cfn["Resources"][attached["Ref"]]["Condition"] == "UseExtractionFallback"
    else:
        assert fallback == []


@pytest.mark.parametrize("function_id", FUNCTIONS)
def test_functions_environment(cfn: dict[str, Any], function_id: str) -> None:
    variables = cfn["Resources"][function_id]["Properties"]["Environment"]["Variables"]
    assert variables["POWERTOOLS_SERVICE_NAME"] == "warta"
    assert variables["POWERTOOLS_METRICS_NAMESPACE"] == "Warta"
    assert variables["POWERTOOLS_LOG_LEVEL"] == "INFO"
    assert variables["POWERTOOLS_LOGGER_LOG_EVENT"] == "false"
    assert variables["WARTA_INDEX_ALIAS"] == {"Ref": "IndexAlias"}
    assert variables["WARTA_OPENSEARCH_URL"] == {
        "Fn::If": [
            "CreateDomain",
            {"Fn::Sub": "https://${OpenSearchDomain.DomainEndpoint}"},
            {"Ref": "OpenSearchEndpoint"},
        ]
    }


@pytest.mark.parametrize("function_id", FUNCTIONS)
def test_functions_join_the_vpc_only_when_subnets_are_given(cfn: dict[str, Any], function_id: str) -> None:
    vpc = cfn["Resources"][function_id]["Properties"]["VpcConfig"]
    assert vpc["Fn::If"][0] == "UseVpc"
    assert vpc["Fn::If"][1] == {
        "SubnetIds": {"Ref": "SubnetIds"},
        "SecurityGroupIds": {"Ref": "SecurityGroupIds"},
    }
    assert vpc["Fn::If"][2] == {"Ref": "AWS::NoValue"}


def test_layers_are_python312_arm64(cfn: dict[str, Any]) -> None:
    layers = _of_type(cfn, "AWS::Lambda::LayerVersion")
    assert sorted(layers[name]["Properties"]["LayerName"] for name in layers) == sorted(LAYER_URIS)
    for layer in layers.values():
        assert layer["Properties"]["CompatibleRuntimes"] == ["python3.12"]
        assert layer["Properties"]["CompatibleArchitectures"] == ["arm64"]


@pytest.mark.parametrize("function_id", FUNCTIONS)
def test_each_function_logs_to_its_own_group_with_retention(cfn: dict[str, Any], function_id: str) -> None:
    group_id = f"{function_id}LogGroup"
    assert cfn["Resources"][function_id]["Properties"]["LoggingConfig"] == {"LogGroup": {"Ref": group_id}}
    group = cfn["Resources"][group_id]
    assert group["Type"] == "AWS::Logs::LogGroup"


def test_every_log_group_has_retention(cfn: dict[str, Any]) -> None:
    groups = _of_type(cfn, "AWS::Logs::LogGroup")
    assert len(groups) >= 5
    for logical_id, group in groups.items():
        assert group["Properties"]["RetentionInDays"] == {"Ref": "LogRetentionDays"}, logical_id


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
    assert mapping["MaximumBatchingWindowInSeconds"] == {"Ref": "IngestBatchWindowSeconds"}
    assert mapping["ScalingConfig"]["MaximumConcurrency"] == {"Ref": "IngestMaxConcurrency"}


def test_batch_parameters_are_bounded_for_lambda(sam_template: dict[str, Any]) -> None:
    params = sam_template["Parameters"]
    # A batch over 10 messages needs a batching window of at least 1 s.
    assert params["IngestBatchWindowSeconds"]["MinValue"] >= 1
    assert params["IngestMaxConcurrency"]["MinValue"] >= 2  # Lambda's floor for MaximumConcurrency
    assert params["MaxReceiveCount"]["Type"] == "Number"


def test_ingest_role_consumes_only_its_queue(cfn: dict[str, Any]) -> None:
    """No AWSLambdaSQSQueueExecutionRole (Resource "*"): an inline statement on the queue."""
    assert "ManagedPolicyArns" not in _role(cfn, "IngestFunction")["Properties"]
    sqs = {
        s["Sid"]: s
        for s in _role_statements(cfn, "IngestFunction")
        if any(a.startswith("sqs:") for a in _as_list(s["Action"]))
    }
    assert set(sqs) == {"ConsumeIngestQueue", "DeadLetterWithReason", "QueueAlertDeliveries"}
    assert sqs["QueueAlertDeliveries"]["Resource"] == {"Fn::GetAtt": ["AlertDeliveryQueue", "Arn"]}
    consume = sqs["ConsumeIngestQueue"]
    assert set(consume["Action"]) >= {"sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"}
    assert consume["Resource"] == {"Fn::GetAtt": ["IngestQueue", "Arn"]}
    # The function moves poison messages to the DLQ itself, with the reason: send there, and only there.
    assert _as_list(sqs["DeadLetterWithReason"]["Action"]) == ["sqs:SendMessage"]
    assert sqs["DeadLetterWithReason"]["Resource"] == {"Fn::GetAtt": ["IngestDeadLetterQueue", "Arn"]}
    actions = _role_actions(cfn, "IngestFunction")
    assert {"s3:GetObject", "es:ESHttpGet", "es:ESHttpPost", "es:ESHttpPut", "es:ESHttpDelete"} <= actions
    assert not any(a.startswith("s3:") and a not in {"s3:GetObject", "s3:GetObjectVersion"} for a in actions)


def test_the_deliver_function_queues_digests_hourly_to_its_own_queue_only(
    cfn: dict[str, Any], sam_template: dict[str, Any]
) -> None:
    sends = [
        s for s in _role_statements(cfn, "DeliverFunction") if "sqs:SendMessage" in _as_list(s["Action"])
    ]
    assert sorted(str(s["Resource"]) for s in sends) == sorted(
        str({"Fn::GetAtt": [queue, "Arn"]})
        for queue in ("AlertDeliveryDeadLetterQueue", "AlertDeliveryQueue")
    )
    schedule = sam_template["Resources"]["DeliverFunction"]["Properties"]["Events"]["DigestSchedule"]
    assert schedule["Type"] == "Schedule"
    assert schedule["Properties"]["Schedule"] == "cron(0 * * * ? *)"  # the top of every hour
    assert "Records" not in schedule["Properties"]["Input"]  # what tells the handler it is the schedule


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


def test_visibility_timeout_covers_six_ingest_timeouts_and_the_window(
    cfn: dict[str, Any], sam_template: dict[str, Any]
) -> None:
    timeout = cfn["Resources"]["IngestFunction"]["Properties"]["Timeout"]
    visibility = cfn["Resources"]["IngestQueue"]["Properties"]["VisibilityTimeout"]
    max_window = sam_template["Parameters"]["IngestBatchWindowSeconds"]["MaxValue"]
    assert isinstance(timeout, int) and isinstance(visibility, int)
    assert visibility >= 6 * timeout + max_window


def test_bucket_notifications_target_the_queue(cfn: dict[str, Any]) -> None:
    bucket = cfn["Resources"]["ArticlesBucket"]
    configs = bucket["Properties"]["NotificationConfiguration"]["QueueConfigurations"]
    events = {c["Event"] for c in configs}
    assert events == {"s3:ObjectCreated:*", "s3:ObjectRemoved:*"}
    for config in configs:
        assert config["Queue"] == {"Fn::GetAtt": ["IngestQueue", "Arn"]}
    assert "IngestQueuePolicy" in _as_list(bucket["DependsOn"])


def test_queue_policy_admits_only_this_bucket_over_tls(
    cfn: dict[str, Any], sam_template: dict[str, Any]
) -> None:
    policy = cfn["Resources"]["IngestQueuePolicy"]["Properties"]
    assert policy["Queues"] == [{"Ref": "IngestQueue"}]
    allows = [s for s in _statements(policy["PolicyDocument"]) if s["Effect"] == "Allow"]
    (statement,) = allows
    assert statement["Principal"] == {"Service": "s3.amazonaws.com"}
    assert statement["Action"] == "sqs:SendMessage"
    bucket_name = sam_template["Resources"]["ArticlesBucket"]["Properties"]["BucketName"]["Fn::Sub"]
    assert statement["Condition"]["ArnEquals"]["aws:SourceArn"] == {
        "Fn::Sub": f"arn:${{AWS::Partition}}:s3:::{bucket_name}"
    }
    assert statement["Condition"]["StringEquals"]["aws:SourceAccount"] == {"Ref": "AWS::AccountId"}
    assert any(
        s["Effect"] == "Deny" and s["Condition"]["Bool"]["aws:SecureTransport"] == "false"
        for s in _statements(policy["PolicyDocument"])
    )


# --------------------------------------------------------------------------- bucket


def test_bucket_is_private_encrypted_versioned_and_expires_old_versions(cfn: dict[str, Any]) -> None:
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
    rules = props["LifecycleConfiguration"]["Rules"]
    assert any("NoncurrentVersionExpiration" in r and r["Status"] == "Enabled" for r in rules)


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


# --------------------------------------------------------------------------- OpenSearch domain


def test_domain_is_optional_and_locked_down(cfn: dict[str, Any]) -> None:
    domain = cfn["Resources"]["OpenSearchDomain"]
    assert domain["Condition"] == "CreateDomain"
    props = domain["Properties"]
    assert props["EncryptionAtRestOptions"] == {"Enabled": True}
    assert props["NodeToNodeEncryptionOptions"] == {"Enabled": True}
    assert props["DomainEndpointOptions"] == {
        "EnforceHTTPS": True,
        "TLSSecurityPolicy": "Policy-Min-TLS-1-2-PFS-2023-10",
    }
    security = props["AdvancedSecurityOptions"]
    assert security["Enabled"] is True and security["InternalUserDatabaseEnabled"] is False
    assert security["MasterUserOptions"] == {"MasterUserARN": {"Fn::GetAtt": ["SetupFunctionRole", "Arn"]}}
    assert props["ClusterConfig"]["InstanceType"] == {"Ref": "DomainInstanceType"}
    assert props["ClusterConfig"]["InstanceCount"] == {"Ref": "DomainInstanceCount"}
    assert props["VPCOptions"]["Fn::If"][0] == "UseVpc"


def test_domain_access_policy_names_only_the_function_roles(cfn: dict[str, Any]) -> None:
    (statement,) = _statements(cfn["Resources"]["OpenSearchDomain"]["Properties"]["AccessPolicies"])
    assert statement["Effect"] == "Allow"
    always = [{"Fn::GetAtt": [f"{f}Role", "Arn"]} for f in FUNCTIONS if f != "ReconcileFunction"]
    scheduled = {
        "Fn::If": [
            "ScheduleReconcile",
            {"Fn::GetAtt": ["ReconcileFunctionRole", "Arn"]},
            {"Ref": "AWS::NoValue"},
        ]
    }
    assert statement["Principal"] == {"AWS": [*always, scheduled]}
    assert "*" not in str(statement["Action"])
    assert statement["Resource"] == {
        "Fn::Sub": "arn:${AWS::Partition}:es:${AWS::Region}:${AWS::AccountId}:domain/${AWS::StackName}/*"
    }
    assert "Condition" not in statement


def test_small_domain_defaults(sam_template: dict[str, Any]) -> None:
    params = sam_template["Parameters"]
    assert params["DomainInstanceType"]["Default"] == "t3.small.search"
    assert params["DomainInstanceCount"]["Default"] == 1
    assert params["OpenSearchEndpoint"]["Default"] == ""


def test_ingest_starts_after_the_index_setup(cfn: dict[str, Any]) -> None:
    assert "IndexSetup" in _as_list(cfn["Resources"]["IngestFunction"]["DependsOn"])


def test_index_setup_custom_resource(cfn: dict[str, Any]) -> None:
    setup = cfn["Resources"]["IndexSetup"]
    assert setup["Type"].startswith("Custom::")
    props = setup["Properties"]
    assert props["ServiceToken"] == {"Fn::GetAtt": ["SetupFunction", "Arn"]}
    assert props["Alias"] == {"Ref": "IndexAlias"}
    assert props["ConfigureSecurity"] == {"Fn::If": ["CreateDomain", "true", "false"]}
    assert props["ServiceTimeout"] > cfn["Resources"]["SetupFunction"]["Properties"]["Timeout"]


# --------------------------------------------------------------------------- search API


def test_search_routes_on_the_http_api(cfn: dict[str, Any]) -> None:
    routes = _of_type(cfn, "AWS::ApiGatewayV2::Route")
    keys = {r["Properties"]["RouteKey"]: r["Properties"] for r in routes.values()}
    data_routes = {"GET /search", "GET /documents/{id}", "GET /documents/{id}/similar", "GET /suggest"}
    alert_routes = {
        "POST /alerts",
        "GET /alerts",
        "GET /alerts/{id}",
        "DELETE /alerts/{id}",
        "GET /alerts/{id}/matches",
    }
    public_routes = {"GET /", "GET /explorer/{asset}", "GET /openapi.json", "GET /docs"}
    assert set(keys) == data_routes | alert_routes | public_routes
    # Routes that return articles sit behind the optional authorizer; the static ones never do.
    for key in data_routes | alert_routes:
        assert keys[key]["AuthorizationType"] == {"Fn::If": ["HasJwtAuthorizer", "JWT", "NONE"]}
    for key in public_routes:
        assert "AuthorizationType" not in keys[key]
    integrations = _of_type(cfn, "AWS::ApiGatewayV2::Integration")
    integration = integrations["SearchApiIntegration"]
    assert integration["Properties"]["IntegrationUri"] == {"Fn::GetAtt": ["SearchFunction", "Arn"]}
    assert integration["Properties"]["PayloadFormatVersion"] == "2.0"
    assert integrations["AlertsApiIntegration"]["Properties"]["IntegrationUri"] == {
        "Fn::GetAtt": ["AlertsApiFunction", "Arn"]
    }
    for key in alert_routes:  # only the alert routes reach the function that may write
        assert keys[key]["Target"] == {"Fn::Sub": "integrations/${AlertsApiIntegration}"}
    permissions = [
        p["Properties"]
        for p in _of_type(cfn, "AWS::Lambda::Permission").values()
        if p["Properties"]["FunctionName"] == {"Ref": "SearchFunction"}
    ]
    assert len(permissions) == 2
    assert all(p["Principal"] == "apigateway.amazonaws.com" for p in permissions)
    assert all("${SearchApi}/*/GET/" in p["SourceArn"]["Fn::Sub"] for p in permissions)


def test_jwt_authorizer_is_optional(cfn: dict[str, Any]) -> None:
    ((authorizer_id, authorizer),) = _of_type(cfn, "AWS::ApiGatewayV2::Authorizer").items()
    assert authorizer["Condition"] == "HasJwtAuthorizer"
    assert authorizer["Properties"]["JwtConfiguration"] == {
        "Issuer": {"Ref": "JwtIssuer"},
        "Audience": {"Ref": "JwtAudience"},
    }
    guarded = [
        r
        for r in _of_type(cfn, "AWS::ApiGatewayV2::Route").values()
        if "AuthorizationType" in r["Properties"]
    ]
    assert len(guarded) == 9  # the data and alert routes; test_search_routes_on_the_http_api checks which
    for route in guarded:
        assert route["Properties"]["AuthorizationType"] == {"Fn::If": ["HasJwtAuthorizer", "JWT", "NONE"]}
        assert route["Properties"]["AuthorizerId"]["Fn::If"][1] == {"Ref": authorizer_id}


def test_http_api_throttling_cors_and_access_logs(cfn: dict[str, Any]) -> None:
    (api,) = _of_type(cfn, "AWS::ApiGatewayV2::Api").values()
    cors = api["Properties"]["CorsConfiguration"]
    assert {m.upper() for m in cors["AllowMethods"]} == {"GET", "POST", "DELETE"}  # POST/DELETE: /alerts
    assert cors["AllowOrigins"] == {"Ref": "CorsAllowOrigins"}
    (stage,) = _of_type(cfn, "AWS::ApiGatewayV2::Stage").values()
    route_settings = stage["Properties"]["DefaultRouteSettings"]
    assert route_settings["ThrottlingBurstLimit"] == {"Ref": "ApiThrottlingBurstLimit"}
    assert route_settings["ThrottlingRateLimit"] == {"Ref": "ApiThrottlingRateLimit"}
    assert stage["Properties"]["AccessLogSettings"]["DestinationArn"] == {
        "Fn::GetAtt": ["SearchApiAccessLogGroup", "Arn"]
    }


def test_search_role_is_read_only_on_opensearch(cfn: dict[str, Any]) -> None:
    actions = _role_actions(cfn, "SearchFunction")
    es_actions = {a for a in actions if a.startswith("es:")}
    assert es_actions == {"es:ESHttpGet", "es:ESHttpPost", "es:ESHttpHead"}
    assert not any(a.startswith(("s3:", "sqs:")) for a in actions)


def test_es_permissions_are_scoped_to_a_domain(cfn: dict[str, Any]) -> None:
    for function_id in FUNCTIONS:
        for statement in _role_statements(cfn, function_id):
            if any(a.startswith("es:") for a in _as_list(statement["Action"])):
                condition, created, existing = statement["Resource"]["Fn::If"]
                assert condition == "CreateDomain"
                assert created == {
                    "Fn::Sub": "arn:${AWS::Partition}:es:${AWS::Region}:${AWS::AccountId}"
                    ":domain/${AWS::StackName}/*"
                }
                condition, with_arn, without_arn = existing["Fn::If"]
                assert condition == "HasOpenSearchDomainArn"
                assert with_arn == {"Fn::Sub": "${OpenSearchDomainArn}/*"}
                assert "${AWS::AccountId}" in without_arn["Fn::Sub"]
                assert "${AWS::Region}" in without_arn["Fn::Sub"]


# --------------------------------------------------------------------------- alarms


def _alarms(cfn: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    return {
        (a["Properties"]["Namespace"], a["Properties"]["MetricName"]): a["Properties"]
        for a in _of_type(cfn, "AWS::CloudWatch::Alarm").values()
    }


def test_alarms_cover_dlq_errors_throttles_and_freshness(cfn: dict[str, Any]) -> None:
    alarms = _alarms(cfn)
    dlq = alarms[("AWS/SQS", "ApproximateNumberOfMessagesVisible")]
    assert dlq["Dimensions"] == [
        {"Name": "QueueName", "Value": {"Fn::GetAtt": ["IngestDeadLetterQueue", "QueueName"]}}
    ]
    assert dlq["Threshold"] == 0 and dlq["ComparisonOperator"] == "GreaterThanThreshold"
    errors = alarms[("AWS/Lambda", "Errors")]
    assert errors["Dimensions"][0]["Value"] == {"Ref": "IngestFunction"}
    assert ("AWS/Lambda", "Throttles") in alarms
    age = alarms[("AWS/SQS", "ApproximateAgeOfOldestMessage")]
    assert age["Dimensions"][0]["Value"] == {"Fn::GetAtt": ["IngestQueue", "QueueName"]}
    assert age["Threshold"] == {"Ref": "FreshnessThresholdSeconds"}


def test_alarm_topic_is_optional(cfn: dict[str, Any]) -> None:
    assert _condition_of(cfn, "AlarmTopic") == "CreateAlarmTopic"
    for alarm in _of_type(cfn, "AWS::CloudWatch::Alarm").values():
        condition, _actions, none = alarm["Properties"]["AlarmActions"]["Fn::If"]
        assert condition == "HasAlarmActions" and none == {"Ref": "AWS::NoValue"}


# --------------------------------------------------------------------------- outputs


def test_outputs(sam_template: dict[str, Any]) -> None:
    outputs = sam_template["Outputs"]
    assert {
        "SearchApiUrl",
        "ArticlesBucketName",
        "IngestQueueUrl",
        "DeadLetterQueueUrl",
        "OpenSearchEndpoint",
        "OpenSearchDashboardsUrl",
        "IndexAlias",
    } <= set(outputs)
    assert outputs["OpenSearchDashboardsUrl"]["Condition"] == "CreateDomain"
    assert outputs["OpenSearchDomainArn"]["Condition"] == "CreateDomain"


def test_sam_cli_is_not_in_the_project_venv() -> None:
    """TOOLCHAIN-NOTES: aws-sam-cli pins versions that break the dev tools; it has .venv-sam."""
    assert shutil.which("sam", path=str(Path(sys.executable).parent)) is None
