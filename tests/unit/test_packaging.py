"""The layer's requirements and the project's dependencies are one list, written twice."""

import tomllib

from tests.conftest import ROOT


def _requirements() -> set[str]:
    lines = (ROOT / "layers" / "warta" / "requirements.txt").read_text().splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def test_layer_requirements_match_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert _requirements() == set(project["dependencies"])


def test_every_event_file_is_used_by_a_test():
    events = sorted(p.name for p in (ROOT / "events").glob("*.json"))
    tests = "".join(p.read_text() for p in (ROOT / "tests").rglob("test_*.py"))
    unused = [name for name in events if name not in tests.replace("test_every_event_file", "")]
    assert events and not unused
