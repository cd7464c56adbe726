"""The CLI against the running stack: what `make demo` runs, plus search and failures."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from warta.cli import main

from tests.conftest import FIXTURES, SAMPLES

pytestmark = pytest.mark.integration


def test_demo_drops_the_samples_and_every_example_search_finds_articles(stack):
    result = CliRunner().invoke(main, ["demo", str(SAMPLES), str(FIXTURES / "seed_vivanews.html")])

    assert result.exit_code == 0, result.output
    assert "dropped 13 file(s)" in result.output
    counts = [int(n) for n in re.findall(r"^  (\d+) article\(s\)$", result.output, re.MULTILINE)]
    assert len(counts) == 3 and all(n >= 1 for n in counts), result.output


def test_search_command_prints_titles_and_officials(stack):
    CliRunner().invoke(main, ["drop", "--prefix", "cli/", str(FIXTURES / "seed_vivanews.html")])
    runner = CliRunner()

    def output() -> str:
        return runner.invoke(
            main,
            [
                "search",
                "konflik",
                "--official",
                "Putut Eko Bayu Seno",
                "--from",
                "2012-10-31",
                "--to",
                "2012-10-31",
            ],
        ).output

    from tests.integration.helpers import wait_for

    text = wait_for(output, timeout=10, until=lambda o: "Ini Cara Kapolda Metro" in o)
    assert "officials: " in text and "Putut Eko Bayu Seno" in text


def test_failures_command_lists_reasons(stack):
    from warta.local import emulator

    from tests.integration.helpers import wait_for

    emulator.client("s3", stack.emulator_url).put_object(
        Bucket=stack.bucket, Key="cli/blank.html", Body=b"   "
    )
    runner = CliRunner()
    text = wait_for(
        lambda: runner.invoke(main, ["failures"]).output, timeout=10, until=lambda o: "cli/blank.html" in o
    )
    assert re.search(r"cli/blank\.html\s+empty:", text)
