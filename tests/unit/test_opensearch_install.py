"""The local node's install folder follows its module list, so a cache assembled before a module was
added is rebuilt beside it instead of being taken for complete."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from warta.local import opensearch_node


def test_the_percolator_module_is_installed_and_pinned() -> None:
    modules = {m.name: m for m in opensearch_node.MODULES}
    assert modules["percolator"].artifact.startswith("org.opensearch.plugin:percolator-client:")
    assert len(modules["percolator"].sha256) == 64


def test_the_install_folder_changes_with_the_module_list(monkeypatch: pytest.MonkeyPatch) -> None:
    before = opensearch_node.install_name()
    fewer = tuple(m for m in opensearch_node.MODULES if m.name != "percolator")
    monkeypatch.setattr(opensearch_node, "MODULES", fewer)
    assert opensearch_node.install_name() != before
    assert opensearch_node.install_name().startswith(f"opensearch-{opensearch_node.OPENSEARCH_VERSION}-")


def test_a_marker_naming_only_the_version_is_not_complete(tmp_path: Path) -> None:
    home = tmp_path / opensearch_node.install_name()
    home.mkdir()
    (home / ".warta-complete").write_text(opensearch_node.OPENSEARCH_VERSION)
    assert not opensearch_node._complete(home)
    (home / ".warta-complete").write_text(opensearch_node._marker())
    assert opensearch_node._complete(home)


def test_the_marker_names_every_module_with_its_sum(monkeypatch: pytest.MonkeyPatch) -> None:
    marker = opensearch_node._marker()
    for module in opensearch_node.MODULES:
        assert f"{module.artifact} {module.sha256}" in marker
    changed = tuple(dataclasses.replace(m, sha256="0" * 64) for m in opensearch_node.MODULES)
    monkeypatch.setattr(opensearch_node, "MODULES", changed)
    assert opensearch_node._marker() != marker
