"""The Lambda layer that tools/build_layer.py builds: small, importable on its own, with bytecode.

The build test installs wheels from PyPI for this machine's architecture (the real layer is arm64,
which this x86_64 host cannot import), so it takes 10 to 30 seconds and skips when PyPI is out of
reach. The import check runs a fresh interpreter with `-I -S`: no site-packages, no environment,
so only the standard library and the layer folder can answer an import, as on Lambda where the
runtime adds /opt/python (boto3 aside, which the check makes sure is *not* in the layer).
"""

from __future__ import annotations

import importlib.util
import json
import platform
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import ROOT

MAX_UNZIPPED = 50 * 1000 * 1000
HOST_ARCH = {"x86_64": "x86_64", "amd64": "x86_64", "aarch64": "arm64", "arm64": "arm64"}.get(
    platform.machine().lower()
)


def _build_layer_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_layer_under_test", ROOT / "tools" / "build_layer.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build_layer = _build_layer_module()


def _index_reachable() -> bool:
    """Whether pip's configured package index answers, asked through pip itself."""
    try:
        answer = subprocess.run(
            [sys.executable, "-m", "pip", "index", "versions", "pip", "--disable-pip-version-check"],
            capture_output=True,
            timeout=30,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return False
    return answer.returncode == 0


@pytest.fixture(scope="module")
def host_layer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if sys.platform != "linux" or HOST_ARCH is None:
        pytest.skip(f"the layer's wheels are manylinux; this host is {sys.platform}/{platform.machine()}")
    if sys.version_info[:2] != (3, 12):
        pytest.skip("the layer's bytecode must be compiled by Python 3.12")
    if not _index_reachable():
        pytest.skip("pip's package index is unreachable: the layer build installs wheels from it")
    out = tmp_path_factory.mktemp("layer") / "layer"
    build_layer.build(out, HOST_ARCH)
    return out


# --------------------------------------------------------------------------- pure: requirement rewriting


def test_lean_requirements_drop_the_tracer_extra_and_the_grpc_stack() -> None:
    lines = build_layer.REQUIREMENTS.read_text().splitlines()
    normal, no_deps = build_layer.lean_requirements(lines)
    powertools = [r for r in normal if r.startswith("aws-lambda-powertools")]
    assert powertools and all("tracer" not in r for r in powertools)
    assert any(r.startswith("opensearch-py==") for r in no_deps)
    assert any(r.startswith("aws-xray-sdk==") for r in no_deps)
    assert not any(
        r.split("=")[0].split("<")[0] in {"boto3", "botocore", "opensearch-protobufs", "grpcio"}
        for r in normal + no_deps
    )
    assert "python-dateutil>=2.8,<3" in normal


# --------------------------------------------------------------------------- built: size, imports, bytecode


def test_layer_is_under_50_mb_unzipped(host_layer: Path) -> None:
    size = build_layer.tree_size(host_layer)
    assert size < MAX_UNZIPPED, f"{size / 1e6:.1f} MB"


def test_layer_leaves_out_what_the_runtime_has_and_what_is_never_imported(host_layer: Path) -> None:
    top = {p.name.split("-")[0].lower() for p in (host_layer / "python").iterdir()}
    assert not top & {"boto3", "botocore", "s3transfer", "grpc", "grpcio", "google", "opensearch_protobufs"}
    warta = host_layer / "python" / "warta"
    assert not (warta / "local").exists() and not (warta / "cli").exists()
    assert list((warta / "enrich").rglob("data/*")), "the enrich data files are missing"


IMPORT_CHECK = """
import json, sys
layer = sys.argv[1]
sys.path.insert(0, layer)  # what the Lambda runtime does with /opt/python
import warta.parse, warta.enrich, warta.ingest, warta.search, warta.index.setup, warta.index.bulk
import warta.responses, warta.trend_responses, warta.alerts.api  # the search API's typed answers: pydantic
import opensearchpy
from opensearchpy import helpers
from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.utilities.batch import BatchProcessor
try:
    import boto3
    has_boto3 = True
except ImportError:
    has_boto3 = False
outside = sorted(
    name for name, module in list(sys.modules.items())
    if getattr(module, "__file__", None) and not module.__file__.startswith(layer)
    and ("site-packages" in module.__file__ or "dist-packages" in module.__file__)
)
print(json.dumps({"outside": outside, "has_boto3": has_boto3,
                  "parse_cached": warta.parse.__cached__}))
"""


def test_layer_imports_with_only_the_standard_library_beside_it(host_layer: Path) -> None:
    site = str(host_layer / "python")
    result = subprocess.run(
        [sys.executable, "-I", "-S", "-c", IMPORT_CHECK, site],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["outside"] == [], "modules came from outside the layer"
    assert report["has_boto3"] is False, "boto3 must come from the Lambda runtime, not the layer"
    assert report["parse_cached"].startswith(site)


def test_layer_has_bytecode_for_every_module(host_layer: Path) -> None:
    site = host_layer / "python"
    sources = list(site.rglob("*.py"))
    missing = [p for p in sources if not Path(importlib.util.cache_from_source(str(p))).exists()]
    assert sources and not missing, missing[:10]
    # unchecked-hash pycs: flags field (bytes 4..8) == 0b01 (hash-based, not checked)
    pyc = Path(importlib.util.cache_from_source(str(site / "warta" / "parse" / "__init__.py")))
    assert int.from_bytes(pyc.read_bytes()[4:8], "little") == 0b01
