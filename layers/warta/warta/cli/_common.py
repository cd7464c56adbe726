"""What the commands share: the local stack's endpoints, clients, and small HTTP and file helpers."""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import click

HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")


def stack_env() -> dict[str, str]:
    """The running local stack's endpoints, overridden by the environment where set."""
    from ..local.stack import StackConfig, read_state

    state = read_state(StackConfig().state_dir)
    env = state.environment() if state else {}
    for name in (
        "AWS_ENDPOINT_URL",
        "WARTA_OPENSEARCH_URL",
        "WARTA_API_URL",
        "WARTA_BUCKET",
        "WARTA_INDEX_ALIAS",
        "WARTA_QUEUE_URL",
        "WARTA_DLQ_URL",
        "WARTA_ALERTS_QUEUE_URL",
    ):
        if os.environ.get(name):
            env[name] = os.environ[name]
    return env


def index_client(env: dict[str, str] | None = None) -> tuple[Any, str]:
    """The OpenSearch client and read alias of the local stack, or of WARTA_OPENSEARCH_URL."""
    from .. import bootstrap
    from ..settings import Settings

    settings = Settings.from_env(stack_env() if env is None else env)
    return bootstrap.index_client(settings, timeout=60), settings.index_alias


def aws_client(service: str, env: dict[str, str]) -> Any:
    from .. import bootstrap

    return bootstrap.aws_client(service, env)


def required(env: dict[str, str], name: str, flag: str) -> str:
    if not env.get(name):
        raise click.UsageError(f"no {flag}: start the local stack (`make up`) or set {name}")
    return env[name]


def html_files(paths: tuple[Path, ...]) -> list[Path]:
    return [
        f
        for p in paths
        for f in ([p] if p.is_file() else sorted(p.rglob("*")))
        if f.is_file() and f.name.lower().endswith(HTML_SUFFIXES)
    ]


def exists(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=10):
            return True
    except urllib.error.HTTPError:
        return False


def get_json(url: str) -> dict[str, Any]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            answer: dict[str, Any] = json.loads(response.read())
            return answer
    except urllib.error.HTTPError as exc:
        raise click.ClickException(f"{exc.code}: {exc.read().decode(errors='replace')[:500]}") from exc
    except urllib.error.URLError as exc:
        raise click.ClickException(f"cannot reach {url}: {exc.reason}") from exc
