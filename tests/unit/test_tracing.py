"""With tracing off, the handlers never load the X-Ray SDK (it costs ~160 ms per cold start)."""

import os
import subprocess
import sys

from warta.tracing import NoTracer, make_tracer


def test_disabled_tracing_gives_a_no_op_tracer():
    tracer = make_tracer({"POWERTOOLS_TRACE_DISABLED": "true"})
    assert isinstance(tracer, NoTracer)

    def handler(event, context):
        return event

    assert tracer.capture_lambda_handler(handler) is handler
    assert tracer.capture_method(handler) is handler


def test_handlers_import_without_the_xray_sdk_when_tracing_is_off():
    code = (
        "import sys; from warta.local.lambda_runtime import load_function; "
        "[load_function(n) for n in ('ingest', 'search', 'reconcile')]; "
        "print(any(m.startswith('aws_xray_sdk') for m in sys.modules))"
    )
    env = {**os.environ, "POWERTOOLS_TRACE_DISABLED": "true"}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
