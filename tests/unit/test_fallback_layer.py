"""The optional fallback layer installs the trafilatura that the tests and `make eval` measured."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_fallback_layer_pins_the_trafilatura_of_the_dev_extra() -> None:
    layer = [
        ln.split("#", 1)[0].strip()
        for ln in (ROOT / "layers" / "fallback" / "requirements.txt").read_text(encoding="utf-8").splitlines()
    ]
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    dev = project["project"]["optional-dependencies"]["dev"]
    pinned = [d for d in dev if re.match(r"trafilatura\b", d)]
    assert pinned and pinned[0] in layer
