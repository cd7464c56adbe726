"""Quality gate for `warta.enrich` on the labelled set, and the seed page's required entities.

The floors are pinned here so nobody lowers them quietly: raise, never lower. They are checked against
`tools/eval_enrichment.py`, the same scorer a developer runs by hand. No timings are asserted here.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from warta.enrich.dates import find_dates
from warta.enrich.officials import find_officials
from warta.enrich.organizations import find_organizations
from warta.enrich.pipeline import _canonical_region
from warta.enrich.regions import find_regions
from warta.parse import parse_article

ROOT = Path(__file__).resolve().parents[2]

# raise, never lower
OFFICIALS_PRECISION_FLOOR = 0.95
OFFICIALS_RECALL_FLOOR = 0.95
REGIONS_PRECISION_FLOOR = 0.95  # a region counts only with its correct province path
REGIONS_RECALL_FLOOR = 0.95
ORGANIZATIONS_PRECISION_FLOOR = 0.90
ORGANIZATIONS_RECALL_FLOOR = 0.90
DATES_PRECISION_FLOOR = 0.90
DATES_RECALL_FLOOR = 0.90
PERSONS_PRECISION_FLOOR = 0.90  # tests/fixtures/enrichment/persons.jsonl through the whole enrich
PERSONS_RECALL_FLOOR = 0.85

FLOORS = {
    "officials": (OFFICIALS_PRECISION_FLOOR, OFFICIALS_RECALL_FLOOR),
    "regions": (REGIONS_PRECISION_FLOOR, REGIONS_RECALL_FLOOR),
    "organizations": (ORGANIZATIONS_PRECISION_FLOOR, ORGANIZATIONS_RECALL_FLOOR),
    "dates": (DATES_PRECISION_FLOOR, DATES_RECALL_FLOOR),
}


def _eval_module():
    spec = importlib.util.spec_from_file_location("eval_enrichment", ROOT / "tools" / "eval_enrichment.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def labelled_scores():
    return _eval_module().evaluate_labelled()


def test_labelled_set_is_big_enough_and_well_formed():
    lines = (ROOT / "tests" / "fixtures" / "enrichment" / "labelled.jsonl").read_text("utf-8").splitlines()
    assert len([x for x in lines if x.strip()]) >= 60


@pytest.mark.parametrize("kind", list(FLOORS))
def test_labelled_precision_and_recall_meet_the_floors(labelled_scores, kind):
    p_floor, r_floor = FLOORS[kind]
    score = labelled_scores[kind]
    assert score.precision >= p_floor, (kind, score.as_dict())
    assert score.recall >= r_floor, (kind, score.as_dict())


def test_persons_precision_and_recall_meet_the_floors():
    score = _eval_module().evaluate_persons()
    assert score.precision >= PERSONS_PRECISION_FLOOR, score.as_dict()
    assert score.recall >= PERSONS_RECALL_FLOOR, score.as_dict()


@pytest.fixture(scope="module")
def seed_body():
    article = parse_article((ROOT / "tests" / "fixtures" / "seed_vivanews.html").read_bytes())
    return article.body, article.published


def test_seed_body_yields_putut_and_no_one_else(seed_body):
    body, _ = seed_body
    officials = find_officials(body, resolve_region=_canonical_region)
    assert {(o.name, o.rank, o.position) for o in officials} == {
        ("Putut Eko Bayu Seno", "Inspektur Jenderal", "Kapolda Metro Jaya")
    }
    assert "Megawati" not in {o.name.split()[0] for o in officials}


def test_seed_body_yields_regions_with_provinces(seed_body):
    body, _ = seed_body
    regions = {r.canonical: r.path for r in find_regions(body)}
    assert regions["DKI Jakarta"] == ("DKI Jakarta",)
    assert regions["Kabupaten Lampung Selatan"] == ("Lampung", "Kabupaten Lampung Selatan")
    assert regions["Kota Palu"] == ("Sulawesi Tengah", "Kota Palu")
    assert regions["Jawa Barat"] == ("Jawa Barat",)


def test_seed_body_yields_mabes_polri_and_the_date(seed_body):
    body, published = seed_body
    assert "Mabes Polri" in {o.abbreviation for o in find_organizations(body)}
    assert "2012-10-31" in {d.date.isoformat() for d in find_dates(body, published)}


@pytest.mark.parametrize(
    "headline",
    [
        "Ini Cara Kapolda Metro Cegah Konflik Antarwarga di Jakarta",
        "Kapolri Rotasi Lima Kapolda, Ini Daftar Lengkapnya",
        "Gubernur Minta Warga Waspada Banjir Susulan",
    ],
)
def test_title_case_headline_words_are_not_officials(headline):
    assert find_officials(headline, resolve_region=_canonical_region) == ()


def test_headline_name_stops_before_the_verb():
    found = find_officials(
        "Wali Kota Surabaya Eri Cahyadi Resmikan Jembatan Baru", resolve_region=_canonical_region
    )
    assert [(o.name, o.position) for o in found] == [("Eri Cahyadi", "Wali Kota Surabaya")]
