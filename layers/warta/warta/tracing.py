"""X-Ray tracing only when it is switched on. Creating Powertools' Tracer imports the X-Ray SDK and
patches botocore, about 160 ms at every cold start even when tracing is disabled, so with tracing off
the handlers get a stand-in with the same decorators that does nothing."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


class NoTracer:
    def capture_lambda_handler(self, handler: F) -> F:
        return handler

    def capture_method(self, method: F) -> F:
        return method


def make_tracer(environ: dict[str, str] | None = None) -> Any:
    env = os.environ if environ is None else environ
    if env.get("POWERTOOLS_TRACE_DISABLED", "").lower() in ("1", "true"):
        return NoTracer()
    from aws_lambda_powertools import Tracer

    return Tracer()
