"""The one settings contract: what `from_env` reads, `to_env` writes, and the template sets."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from warta.settings import ENV_NAMES, Settings

REPO = Path(__file__).resolve().parents[2]


def test_to_env_reads_back_as_the_same_settings():
    settings = Settings(
        opensearch_url="https://search.example:9200",
        index_alias="berita",
        bucket="arsip",
        dlq_url="http://q/dlq",
        max_receive_count=4,
        queue_url="http://q/in",
        retry_base_seconds=7,
    )

    assert Settings.from_env(settings.to_env()) == settings


def test_unset_values_are_left_out_and_read_back_as_unset():
    env = Settings().to_env()

    assert "WARTA_BUCKET" not in env and "WARTA_DLQ_URL" not in env
    assert Settings.from_env(env) == Settings()


@pytest.mark.parametrize(
    ("name", "value"), [("WARTA_OPENSEARCH_URL", "localhost:9200"), ("WARTA_MAX_RECEIVE_COUNT", "lima")]
)
def test_bad_values_are_refused_with_the_variable_named(name, value):
    with pytest.raises(ValueError, match=name):
        Settings.from_env({name: value})


def test_a_required_setting_names_its_variable_when_missing():
    with pytest.raises(ValueError, match="WARTA_BUCKET"):
        Settings().required("bucket")
    assert Settings(bucket="arsip").required("bucket") == "arsip"


def test_the_template_sets_only_variables_the_contract_reads():
    template = (REPO / "template.yaml").read_text()
    used = set(re.findall(r"^\s+(WARTA_[A-Z_]+):", template, re.MULTILINE))

    assert used and used <= ENV_NAMES


def test_handlers_and_the_core_do_not_read_the_environment_themselves():
    readers = [
        path.relative_to(REPO)
        for path in [*REPO.glob("functions/*/app.py"), *(REPO / "layers/warta/warta").rglob("*.py")]
        if "os.environ" in path.read_text() and "local" not in path.parts and "cli" not in path.parts
    ]

    assert sorted(map(str, readers)) == ["layers/warta/warta/settings.py", "layers/warta/warta/tracing.py"]
