"""Write docs/openapi.json from the search function's routes (a test fails when the file is stale)."""

from __future__ import annotations

import json
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "docs" / "openapi.json"


def generate() -> str:
    os.environ.setdefault("POWERTOOLS_TRACE_DISABLED", "true")
    from warta.local.lambda_runtime import load_function

    search = load_function("search")
    schema = json.loads(search.app.get_openapi_json_schema(**search.API_INFO))
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


if __name__ == "__main__":
    TARGET.write_text(generate())
    print(f"wrote {TARGET.relative_to(ROOT)}")
