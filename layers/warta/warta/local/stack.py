"""The local stack: OpenSearch node, S3/SQS emulator, ingest workers and the search front, started in
the background and stopped again, leaving no process behind. Its state (pids, URLs) is one JSON file."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..settings import Settings
from . import emulator, opensearch_node
from .lambda_runtime import REPO_ROOT

STATE_FILE = "stack.json"


@dataclass
class StackConfig:
    state_dir: Path = field(
        default_factory=lambda: Path(os.environ.get("WARTA_STATE_DIR", REPO_ROOT / ".warta"))
    )
    opensearch_port: int = 9200
    emulator_port: int = 5050
    api_port: int = 8000
    workers: int = 2
    api_environments: int = 4
    resources: emulator.Resources = field(default_factory=emulator.Resources)
    # An existing cluster to use instead of starting a node (WARTA_OPENSEARCH_URL).
    opensearch_url: str | None = field(default_factory=lambda: os.environ.get("WARTA_OPENSEARCH_URL") or None)
    index_alias: str = "warta-articles"


@dataclass
class StackState:
    opensearch_url: str
    emulator_url: str
    api_url: str
    bucket: str
    queue_url: str
    dlq_url: str
    index_alias: str
    max_receive_count: int
    pids: dict[str, int]
    logs: str
    commands: dict[str, list[str]] = field(default_factory=dict)  # how to start each service again
    alerts_queue_url: str = ""  # alert deliveries (warta.alerts), fed to the deliver function
    alerts_dlq_url: str = ""

    def environment(self) -> dict[str, str]:
        """What a handler, the CLI or a test needs to reach this stack: the handlers' settings written by
        `Settings.to_env` (one contract), plus the emulator's endpoint and the CLI's API URL."""
        settings = Settings(
            opensearch_url=self.opensearch_url,
            index_alias=self.index_alias,
            bucket=self.bucket,
            dlq_url=self.dlq_url,
            max_receive_count=self.max_receive_count,
            queue_url=self.queue_url,
            # Alerts: webhooks to 127.0.0.1 over plain http; retries after 1, 2, 4 ... s.
            alerts_queue_url=self.alerts_queue_url or None,
            alerts_dlq_url=self.alerts_dlq_url or None,
            alerts_max_receive_count=self.max_receive_count,
            alerts_retry_base_seconds=1,
            local_webhooks=True,
        )
        return {
            **emulator.CREDENTIALS,
            "AWS_ENDPOINT_URL": self.emulator_url,
            **settings.to_env(),
            "WARTA_API_URL": self.api_url,
            "POWERTOOLS_SERVICE_NAME": "warta",
            "POWERTOOLS_METRICS_NAMESPACE": "Warta",
            "POWERTOOLS_TRACE_DISABLED": "true",
        }


class StackError(RuntimeError):
    pass


def read_state(state_dir: Path) -> StackState | None:
    path = state_dir / STATE_FILE
    if not path.exists():
        return None
    return StackState(**json.loads(path.read_text()))


def up(config: StackConfig | None = None, *, echo: Any = print) -> StackState:
    config = config or StackConfig()
    existing = read_state(config.state_dir)
    if existing and all(group_alive(pid) for pid in existing.pids.values()):
        return existing
    if existing:
        down(config.state_dir)
    logs = config.state_dir / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    pids: dict[str, int] = {}
    watched: list[int] = []  # processes whose early exit should fail the wait at once
    try:
        opensearch_url = config.opensearch_url
        node_dir = opensearch_node.run_dir_for(config.state_dir)
        if not opensearch_url:
            echo("fetching OpenSearch through Maven (first run only) ...")
            home = opensearch_node.install()
            node = opensearch_node.start(home, node_dir, http_port=config.opensearch_port)
            pids["opensearch"] = node.pid
            watched.append(node.pid)
            opensearch_url = f"http://127.0.0.1:{config.opensearch_port}"
        emulator_url = f"http://127.0.0.1:{config.emulator_port}"
        pids["emulator"] = emulator.start(config.emulator_port, logs / "emulator.log").pid
        _wait_http(emulator_url + "/moto-api/", "S3/SQS emulator", timeout=30)
        resources = emulator.provision(emulator_url, config.resources)
        _wait_http(
            opensearch_url + "/_cluster/health?wait_for_status=yellow&timeout=5s",
            "OpenSearch",
            timeout=180,
            log=node_dir / "stdout.log",
            watch=watched,
        )
        _ensure_index(opensearch_url, config.index_alias)
        state = StackState(
            opensearch_url=opensearch_url,
            emulator_url=emulator_url,
            api_url=f"http://127.0.0.1:{config.api_port}",
            bucket=resources["bucket"],
            queue_url=resources["queue_url"],
            dlq_url=resources["dlq_url"],
            index_alias=config.index_alias,
            max_receive_count=config.resources.max_receive_count,
            pids=pids,
            logs=str(logs),
            alerts_queue_url=resources["alerts_queue_url"],
            alerts_dlq_url=resources["alerts_dlq_url"],
        )
        env = {**os.environ, **state.environment()}
        for n in range(config.workers):
            state.commands[f"worker-{n}"] = [
                sys.executable,
                "-m",
                "warta.local.worker",
                "--endpoint",
                emulator_url,
                "--queue-url",
                resources["queue_url"],
                "--queue-arn",
                resources["queue_arn"],
            ]
        state.commands["deliver"] = [
            sys.executable,
            "-m",
            "warta.local.worker",
            "--endpoint",
            emulator_url,
            "--queue-url",
            resources["alerts_queue_url"],
            "--queue-arn",
            resources["alerts_queue_arn"],
            "--function",
            "deliver",
        ]
        state.commands["api"] = [
            sys.executable,
            "-m",
            "warta.local.api_front",
            "--port",
            str(config.api_port),
            "--environments",
            str(config.api_environments),
        ]
        for name, command in state.commands.items():
            pids[name] = _spawn(command, env, logs / f"{name}.log")
        _wait_http(state.api_url + "/search?size=0", "search API", timeout=30, log=logs / "api.log")
    except BaseException:
        _stop_all(pids)
        raise
    (config.state_dir / STATE_FILE).write_text(json.dumps(asdict(state), indent=2))
    return state


def stop_service(state_dir: Path, name: str, sig: signal.Signals = signal.SIGTERM) -> None:
    """Stop one service (for fault tests: an outage, or a worker killed mid-batch with SIGKILL)."""
    state = _require_state(state_dir)
    if sig == signal.SIGTERM:
        _stop_all({name: state.pids[name]})
    else:
        _signal_group(state.pids[name], sig)
        _wait_gone([state.pids[name]], timeout=10)


def start_service(state_dir: Path, name: str) -> None:
    """Start a stopped service again; OpenSearch keeps its data."""
    state = _require_state(state_dir)
    logs = Path(state.logs)
    if name == "opensearch":
        port = int(state.opensearch_url.rsplit(":", 1)[1])
        node_dir = opensearch_node.run_dir_for(state_dir)
        state.pids[name] = opensearch_node.start(
            opensearch_node.install(), node_dir, http_port=port, fresh=False
        ).pid
        _wait_http(
            state.opensearch_url + "/_cluster/health?wait_for_status=yellow&timeout=5s",
            "OpenSearch",
            timeout=180,
            log=node_dir / "stdout.log",
            watch=[state.pids[name]],
        )
    else:
        state.pids[name] = _spawn(
            state.commands[name], {**os.environ, **state.environment()}, logs / f"{name}.log"
        )
    (state_dir / STATE_FILE).write_text(json.dumps(asdict(state), indent=2))


def _require_state(state_dir: Path) -> StackState:
    state = read_state(state_dir)
    if state is None:
        raise StackError(f"no stack is running from {state_dir}")
    return state


def down(state_dir: Path | None = None) -> bool:
    """Stop everything `up` started. Returns False when nothing was running."""
    state_dir = state_dir or StackConfig().state_dir
    state = read_state(state_dir)
    if state is None:
        return False
    _stop_all(state.pids)
    (state_dir / STATE_FILE).unlink(missing_ok=True)
    return True


def _ensure_index(url: str, alias: str) -> None:
    from ..index.client import make_client
    from ..index.setup import ensure_index

    ensure_index(make_client(url), alias)


def _spawn(command: list[str], env: dict[str, str], log_path: Path) -> int:
    log = log_path.open("ab")
    return subprocess.Popen(
        command, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=REPO_ROOT, start_new_session=True
    ).pid


def _wait_http(
    url: str, what: str, *, timeout: float, log: Path | None = None, watch: list[int] | None = None
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if watch and not all(group_alive(pid) for pid in watch):
            break  # it died: no use waiting out the timeout
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status < 500:
                    return
        except urllib.error.HTTPError as exc:
            if exc.code < 500:
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            pass
        time.sleep(0.5)
    tail = log.read_text(errors="replace")[-2000:] if log and log.exists() else ""
    raise StackError(f"{what} did not answer at {url} (waited up to {timeout:.0f} s)\n{tail}")


def _stop_all(pids: dict[str, int]) -> None:
    # Reverse order: front and workers first, so nothing writes to a stopping node.
    for pid in reversed(list(pids.values())):
        _signal_group(pid, signal.SIGTERM)
    _wait_gone(list(pids.values()), timeout=20)
    for pid in pids.values():
        if group_alive(pid):
            _signal_group(pid, signal.SIGKILL)
    _wait_gone(list(pids.values()), timeout=5)


def _wait_gone(pids: list[int], *, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and any(group_alive(pid) for pid in pids):
        time.sleep(0.1)


def _signal_group(pid: int, sig: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, sig)  # each service is its own session and process group


@dataclass(frozen=True)
class ProcessStat:
    pid: int
    state: str  # "R", "S", "Z" (zombie) ...
    group: int  # process group id
    cpu_ticks: int  # user + system time, in clock ticks


def processes() -> Iterator[ProcessStat]:
    """Every process on the machine, read from /proc (Linux)."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(") ", 1)[1].split()
        except (OSError, IndexError):
            continue  # it ended while we looked
        yield ProcessStat(int(entry.name), fields[0], int(fields[2]), int(fields[11]) + int(fields[12]))


def group_alive(pgid: int) -> bool:
    """True while any live (non-zombie) process remains in the service's process group."""
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pgid, os.WNOHANG)  # reap the leader if it is our own exited child
    return any(p.group == pgid and p.state != "Z" for p in processes())
