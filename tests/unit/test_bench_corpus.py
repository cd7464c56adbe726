"""The benchmark corpus generator: deterministic from its seed, and shaped like real news pages.
No timings here: benchmarks are measured by `make bench`, never asserted by tests."""

import hashlib
import json
import re

from bench import corpus


def _digest(pages):
    return [hashlib.sha256(p.data).hexdigest() for p in pages]


def test_same_seed_gives_byte_identical_pages():
    # Given the same seed twice, When generating, Then every byte matches
    assert _digest(corpus.pages(12, seed=3)) == _digest(corpus.pages(12, seed=3))


def test_another_seed_gives_other_pages():
    assert _digest(corpus.pages(5, seed=3)) != _digest(corpus.pages(5, seed=4))


def test_a_page_does_not_depend_on_the_pages_before_it():
    assert corpus.page(9, 40).data == list(corpus.pages(3, seed=9, start=39))[1].data


def test_written_files_match_the_generator(tmp_path):
    paths = corpus.write(4, seed=5, out=tmp_path)
    assert [p.read_bytes() for p in paths] == [p.data for p in corpus.pages(4, seed=5)]
    assert [p.name for p in paths] == sorted(p.name for p in paths)


def test_sizes_and_layouts_are_those_of_real_sites():
    pages = list(corpus.pages(120, seed=7))
    sizes = [len(p.data) for p in pages]
    assert min(sizes) >= corpus.MIN_BYTES * 0.95
    assert max(sizes) <= corpus.MAX_BYTES * 1.05
    assert {p.layout for p in pages} == set(corpus.LAYOUTS)
    assert sorted(sizes)[len(sizes) // 2] > 40_000  # heavy pages: scripts, menus, related lists


def test_pages_carry_officials_regions_and_dates():
    for p in corpus.pages(30, seed=7):
        text = p.data.decode("utf-8")
        assert text.startswith("<!DOCTYPE html>") and text.rstrip().endswith("</html>")
        assert p.officials and p.regions
        assert any(o.split()[0] in text for o in p.officials)
        assert all(r.removeprefix("Kabupaten ").removeprefix("Kota ") in text for r in p.regions)
        assert re.search(r"\((\d{1,2})/(\d{1,2})/20\d\d\)", text)  # "Senin (3/2/2025)"
        assert re.search(r"\b(WIB|WITA|WIT)\b", text)
        assert "<script" in text and "<nav" in text


def test_regions_come_from_the_gazetteer():
    provinces, children = corpus.gazetteer()
    names = {p.name for p in provinces} | {r.name for rs in children.values() for r in rs}
    for p in corpus.pages(20, seed=11):
        assert set(p.regions) <= names


def test_structured_data_is_valid_json_where_present():
    for p in corpus.pages(20, seed=2):
        for blob in re.findall(r'<script type="application/ld\+json">(.*?)</script>', p.data.decode()):
            assert json.loads(blob)["@type"] == "NewsArticle"


def test_a_giant_page_reaches_its_requested_size():
    page = corpus.page(7, 1, target_bytes=3_000_000)
    assert 2_900_000 <= len(page.data) <= 3_300_000
