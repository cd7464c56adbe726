"""`warta extract` prints the stable contract: one JSON object per file."""

import json

from click.testing import CliRunner
from warta.cli import main

from tests.conftest import FIXTURES

CONTRACT = {"title", "published", "body", "officials", "regions", "organizations", "dates"}


def test_extract_prints_the_contract_fields_for_the_seed_page(tmp_path):
    junk = tmp_path / "junk.html"
    junk.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    result = CliRunner().invoke(main, ["extract", str(FIXTURES / "seed_vivanews.html"), str(junk)])
    assert result.exit_code == 0, result.output
    seed, bad = (json.loads(line) for line in result.output.splitlines())
    assert seed.keys() >= CONTRACT
    assert seed["published"].startswith("2012-10-31T14:05:00+07:00")
    assert {"name", "rank", "position"} <= seed["officials"][0].keys()
    assert {"name", "canonical", "level", "code", "path"} <= seed["regions"][0].keys()
    assert {"name", "canonical"} <= seed["organizations"][0].keys()
    assert {"text", "date"} <= seed["dates"][0].keys()
    assert bad["error"] == "not-html"
