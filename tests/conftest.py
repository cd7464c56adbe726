"""Shared fixtures. The local stack is started once per test session, on its own ports and state
folder (so a developer's running `make up` stack is untouched), and stopped at the end."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SAMPLES = ROOT / "samples"
EVENTS = ROOT / "events"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    from warta.local.stack import StackConfig, down, up

    state_dir = tmp_path_factory.mktemp("stack")
    config = StackConfig(
        state_dir=state_dir,
        opensearch_port=_free_port(),
        emulator_port=_free_port(),
        api_port=_free_port(),
        workers=2,
        opensearch_url=os.environ.get("WARTA_OPENSEARCH_URL") or None,
    )
    state = up(config)
    saved = {k: os.environ.get(k) for k in state.environment()}
    os.environ.update(state.environment())
    try:
        yield state
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        down(state_dir)
        from warta.local.stack import group_alive

        left = {name: pid for name, pid in state.pids.items() if group_alive(pid)}
        assert not left, f"the stack left processes behind: {left}"
