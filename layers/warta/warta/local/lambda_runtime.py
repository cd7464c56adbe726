"""What the Lambda runtime does for our handlers, done locally: load `app.lambda_handler` from a
function's code folder (the layer's package is already importable, as in /opt/python) and pass a
context object with the same attributes Lambda's has."""

from __future__ import annotations

import importlib.util
import sys
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

Handler = Callable[[dict[str, Any], Any], dict[str, Any]]

REPO_ROOT = Path(__file__).resolve().parents[4]
FUNCTIONS_DIR = REPO_ROOT / "functions"


def load_function(function: str, functions_dir: Path = FUNCTIONS_DIR) -> ModuleType:
    """Import functions/<function>/app.py under a unique module name. Each call is a fresh execution
    environment, as a cold start would be."""
    path = functions_dir / function / "app.py"
    spec = importlib.util.spec_from_file_location(f"warta_function_{function}", path)
    if spec is None or spec.loader is None:
        raise FileNotFoundError(f"no handler module at {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # as an import would: typing and pydantic resolve names through it
    spec.loader.exec_module(module)
    return module


def load_handler(function: str, functions_dir: Path = FUNCTIONS_DIR) -> Handler:
    handler: Handler = load_function(function, functions_dir).lambda_handler
    return handler


@dataclass
class LocalContext:
    """The attributes Powertools reads from Lambda's context object."""

    function_name: str
    memory_limit_in_mb: int = 512
    timeout_seconds: float = 60.0
    aws_request_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    function_version: str = "$LATEST"
    log_group_name: str = "local"
    log_stream_name: str = "local"
    _deadline: float = field(default=0.0, repr=False)

    def __post_init__(self) -> None:
        self.invoked_function_arn = f"arn:aws:lambda:us-east-1:000000000000:function:{self.function_name}"
        self._deadline = time.monotonic() + self.timeout_seconds

    def get_remaining_time_in_millis(self) -> int:
        return max(0, int((self._deadline - time.monotonic()) * 1000))
