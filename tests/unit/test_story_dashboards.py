"""The story-level Dashboards objects: articles against distinct stories over time, and the stories
with the most copies (consistency with the mapping is checked for every object in test_dashboards)."""

from __future__ import annotations

import json

from tests.conftest import ROOT

OBJECTS = {
    item["id"]: item
    for item in map(json.loads, (ROOT / "dashboards" / "warta.ndjson").read_text().splitlines())
}


def _aggs(object_id: str) -> list[dict]:
    return json.loads(OBJECTS[object_id]["attributes"]["visState"])["aggs"]


def test_stories_over_time_counts_distinct_story_ids_beside_articles():
    kinds = {(agg["type"], agg["params"].get("field")) for agg in _aggs("warta-stories-over-time")}
    assert {("count", None), ("cardinality", "story_id"), ("date_histogram", "published")} <= kinds


def test_most_copied_stories_buckets_by_story_and_shows_a_headline():
    aggs = _aggs("warta-most-copied-stories")
    buckets = [agg for agg in aggs if agg["schema"] == "bucket"]
    assert [(agg["type"], agg["params"]["field"], agg["params"]["orderBy"]) for agg in buckets] == [
        ("terms", "story_id", "1")
    ]  # ordered by the number of articles: copies
    assert any(agg["type"] == "top_hits" and agg["params"]["field"] == "title.exact" for agg in aggs)


def test_both_are_on_the_overview_dashboard():
    dashboard = OBJECTS["warta-overview"]
    assert {"warta-stories-over-time", "warta-most-copied-stories"} <= {
        r["id"] for r in dashboard["references"]
    }
