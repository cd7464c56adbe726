"""Cold start: import cost in a fresh interpreter, median of repeated runs, bytecode compiled first.

A handler module is loaded the way the Lambda runtime loads it (by file path, as `app`); the
baseline imports only the libraries every handler of this kind stands on."""

from __future__ import annotations

import compileall
import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path
from typing import Any

from .stats import summary

REPO = Path(__file__).resolve().parents[1]
RUNS = 10

BASELINE = (
    "import boto3\n"
    "from aws_lambda_powertools import Logger, Metrics, Tracer\n"
    "from aws_lambda_powertools.utilities.batch import BatchProcessor\n"
    "from aws_lambda_powertools.event_handler import APIGatewayHttpResolver\n"
    "import opensearchpy\n"
)


def _handler(function: str) -> str:
    path = REPO / "functions" / function / "app.py"
    return (
        "import importlib.util, sys\n"
        f"spec = importlib.util.spec_from_file_location('app', {str(path)!r})\n"
        "module = importlib.util.module_from_spec(spec); sys.modules['app'] = module\n"
        "spec.loader.exec_module(module)\n"
    )


FIRST_ENRICH = (
    "from warta.enrich import enrich\nfrom warta.parse import Article\n"
    "enrich(Article(title='Banjir di Bekasi', published=None, body='Kapolda Jawa Barat Irjen Pol "
    "Budi Santoso meninjau banjir di Kabupaten Bekasi, Senin (3/2/2025), bersama BPBD Bekasi.'))\n"
)

SUBJECTS = {
    "ingest handler (functions/ingest/app.py)": _handler("ingest"),
    "search handler (functions/search/app.py)": _handler("search"),
    "baseline: boto3 + Powertools + opensearchpy": BASELINE,
    "warta.enrich": "import warta.enrich\n",
    "warta.parse": "import warta.parse\n",
    "warta.enrich import + first enrich() call": FIRST_ENRICH,
}


def compile_bytecode() -> None:
    """As a layer built for Lambda should ship: .pyc next to every module (Lambda's /opt is read-only)."""
    for folder in (REPO / "layers" / "warta", REPO / "functions", Path(sysconfig.get_paths()["purelib"])):
        compileall.compile_dir(folder, quiet=1, workers=0)


def time_import(code: str, env: dict[str, str], runs: int = RUNS) -> dict[str, Any]:
    timed = (
        "import time\n_t0 = time.perf_counter()\n" + code + "print('\\nBENCH', time.perf_counter() - _t0)\n"
    )
    values = []
    for _ in range(runs):
        result = subprocess.run(
            [sys.executable, "-c", timed], capture_output=True, text=True, env=env, cwd=REPO, check=False
        )
        if result.returncode != 0:
            return {"error": result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "failed"}
        line = [x for x in result.stdout.splitlines() if x.startswith("BENCH ")][-1]
        values.append(float(line.split()[1]))
    return summary(values)


def time_imports_alternating(codes: dict[str, str], env: dict[str, str], runs: int) -> dict[str, Any]:
    """Each snippet of `codes` imported `runs` times, each in a fresh interpreter, the snippets taking turns
    (and which goes first alternating), so that a busy spell of the machine falls on all of them alike.
    For each: wall time and CPU time of the import (CPU is the steadier on a shared machine: it does not
    count time spent waiting for a core), as summaries; and for each round, the ratios to the first
    snippet's, summarised too."""
    names = list(codes)
    wall: dict[str, list[float]] = {name: [] for name in names}
    cpu: dict[str, list[float]] = {name: [] for name in names}
    for run in range(runs):
        for name in names if run % 2 == 0 else names[::-1]:
            spent = _import_seconds(codes[name], env)
            wall[name].append(spent[0])
            cpu[name].append(spent[1])
    first = names[0]
    return {
        name: {
            "wall": summary(wall[name]),
            "cpu": summary(cpu[name]),
            "wall_ratio_to_first": summary([a / b for a, b in zip(wall[first], wall[name], strict=True)]),
            "cpu_ratio_to_first": summary([a / b for a, b in zip(cpu[first], cpu[name], strict=True)]),
        }
        for name in names
    }


def _import_seconds(code: str, env: dict[str, str]) -> tuple[float, float]:
    timed = (
        "import time\n_w, _c = time.perf_counter(), time.process_time()\n"
        + code
        + "print('\\nBENCH', time.perf_counter() - _w, time.process_time() - _c)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", timed], capture_output=True, text=True, env=env, cwd=REPO, check=True
    )
    line = [x for x in result.stdout.splitlines() if x.startswith("BENCH ")][-1]
    _, wall, cpu = line.split()
    return float(wall), float(cpu)


def lambda_env(tracer: bool) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("POWERTOOLS_", "AWS_"))}
    env.update(
        {
            "AWS_DEFAULT_REGION": "us-east-1",
            "AWS_REGION": "us-east-1",
            "POWERTOOLS_SERVICE_NAME": "warta",
            "POWERTOOLS_METRICS_NAMESPACE": "Warta",
            "PYTHONDONTWRITEBYTECODE": "1",
        }
    )
    if tracer:  # what Lambda itself sets: Powertools then really creates the tracer and patches botocore
        env.update(
            {
                "AWS_LAMBDA_FUNCTION_NAME": "warta-bench",
                "AWS_EXECUTION_ENV": "AWS_Lambda_python3.12",
                "_X_AMZN_TRACE_ID": "Root=1-00000000-000000000000000000000000",
            }
        )
    else:
        env["POWERTOOLS_TRACE_DISABLED"] = "true"
    return env


def run() -> dict[str, Any]:
    compile_bytecode()
    results: dict[str, Any] = {"runs": RUNS, "tracer_off": {}, "tracer_on": {}}
    for name, code in SUBJECTS.items():
        results["tracer_off"][name] = time_import(code, lambda_env(tracer=False))
    for name in list(SUBJECTS)[:3]:
        results["tracer_on"][name] = time_import(SUBJECTS[name], lambda_env(tracer=True))
    return results


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))


def heaviest_imports(code: str, env: dict[str, str], top: int = 8) -> list[tuple[str, float]]:
    """The top-level packages that cost the most, from one `-X importtime` run (cumulative, seconds)."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        check=False,
    )
    costs: dict[str, float] = {}
    for line in result.stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        parts = line.split("|")
        try:
            cumulative = int(parts[1].strip())
        except ValueError:
            continue
        name = parts[2].rstrip()
        if name.startswith(" ") and not name.startswith("  "):  # top level: one space of indent
            package = name.strip().split(".")[0]
            costs[package] = costs.get(package, 0.0) + cumulative / 1e6
    return sorted(costs.items(), key=lambda item: -item[1])[:top]
