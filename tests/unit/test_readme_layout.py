"""The README's layout names every top-level folder and file of the repository and every top-level
module and package of `warta`, so a newcomer's map has no blank spots."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "layers" / "warta" / "warta"
IGNORED = {".gitignore", "README.md"}


def _layout() -> str:
    readme = (REPO / "README.md").read_text()
    match = re.search(r"## Layout\n+```\n(.*?)```", readme, re.DOTALL)
    assert match, "README.md has a ## Layout section with a code block"
    return match.group(1)


def test_every_top_level_entry_is_in_the_layout():
    tracked = subprocess.run(["git", "ls-files"], cwd=REPO, capture_output=True, text=True, check=True).stdout
    top = {line.split("/")[0] + ("/" if "/" in line else "") for line in tracked.splitlines()} - IGNORED
    layout = _layout()

    missing = sorted(
        name for name in top if not re.search(rf"(^|[\s,]){re.escape(name)}", layout, re.MULTILINE)
    )
    assert not missing, f"not in README's layout: {missing}"


def test_every_module_of_the_package_is_in_the_layout():
    modules = {
        f"warta/{p.name}" + ("/" if p.is_dir() else "")
        for p in PACKAGE.iterdir()
        if (p.is_dir() and (p / "__init__.py").exists()) or (p.suffix == ".py" and p.name != "__init__.py")
    }
    layout = _layout()

    assert not sorted(m for m in modules if m not in layout), "every warta module is in README's layout"
