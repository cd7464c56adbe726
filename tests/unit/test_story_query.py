"""How story-level searches change the search body (the real node checks the answers:
tests/integration/test_stories.py)."""

from __future__ import annotations

import pytest
from warta.index.query import SearchRequest, build_search
from warta.index.story_query import CollapseWithCursor, bucket_count, copies, total_stories


def test_plain_searches_are_unchanged_by_stories():
    body = build_search(SearchRequest(text="banjir"))
    assert "collapse" not in body and "stories" not in body["aggs"]
    assert "aggs" not in body["aggs"]["official"]["aggs"]["values"]


def test_collapse_groups_hits_by_story_and_counts_them():
    body = build_search(SearchRequest(text="banjir", collapse="story"))
    assert body["collapse"]["field"] == "story_id"
    assert body["collapse"]["inner_hits"]["size"] == 0
    assert body["aggs"]["stories"]["aggs"]["values"]["cardinality"]["field"] == "story_id"


def test_counting_stories_adds_a_cardinality_to_every_facet_and_the_histogram():
    body = build_search(SearchRequest(count="stories"))
    for name in ("official", "position", "organization", "site", "province", "region_pair", "published"):
        inner = body["aggs"][name]["aggs"]["values"]
        assert inner["aggs"]["stories"]["cardinality"]["field"] == "story_id", name
    assert body["aggs"]["site"]["aggs"]["values"]["terms"]["order"][0] == {"stories": "desc"}


def test_a_collapsed_search_cannot_continue_from_a_cursor():
    with pytest.raises(CollapseWithCursor):
        build_search(SearchRequest(collapse="story", cursor="WyJhIiwiYiJd"))


def test_answers_are_read_as_stories_when_counted():
    assert bucket_count({"doc_count": 5, "stories": {"value": 2}}) == 2
    assert bucket_count({"doc_count": 5}) == 5
    assert copies({"inner_hits": {"copies": {"hits": {"total": {"value": 3, "relation": "eq"}}}}}) == 3
    assert copies({}) is None
    assert total_stories({"stories": {"doc_count": 7, "values": {"value": 4}}}) == 4
    assert total_stories(None) is None
