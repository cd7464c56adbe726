"""A local stack for benchmarks that need only its node (no ingest workers, one API environment): started
in a state folder of its own, on fixed ports, and stopped whatever happens."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from warta.local import stack


@contextmanager
def node_stack(
    state_dir: Path, opensearch_port: int, emulator_port: int, api_port: int
) -> Iterator[stack.StackState]:
    if stack.read_state(state_dir) is None:  # a stale folder from a run that died: start clean
        shutil.rmtree(state_dir, ignore_errors=True)
    config = stack.StackConfig(
        state_dir=state_dir,
        opensearch_port=opensearch_port,
        emulator_port=emulator_port,
        api_port=api_port,
        workers=0,
        api_environments=1,
        opensearch_url=None,
    )
    try:
        yield stack.up(config, echo=lambda m: print(m, flush=True))
    finally:
        stack.down(state_dir)
