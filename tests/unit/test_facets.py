"""The facet vocabulary (`warta.index.facets`) is the one every other place follows."""

from __future__ import annotations

import inspect
from datetime import UTC, datetime
from pathlib import Path

from warta.enrich import enrich
from warta.index import facets
from warta.index.documents import build_document
from warta.index.mapping import index_template
from warta.index.query import SearchRequest, build_search
from warta.parse import parse_article
from warta.search import SuggestField

REPO = Path(__file__).resolve().parents[2]
PAGE = REPO / "samples" / "tempo-mutasi-kapolda.html"


def test_the_document_carries_exactly_the_mapped_facet_fields():
    article = parse_article(PAGE.read_bytes(), key=PAGE.name)
    document = build_document(
        bucket="b",
        key=PAGE.name,
        article=article,
        entities=enrich(article),
        ingested=datetime(2026, 11, 27, tzinfo=UTC),
    )
    mapped = index_template("warta-articles")["template"]["mappings"]["properties"]["facet"]["properties"]

    assert tuple(document["facet"]) == facets.FIELDS
    assert tuple(mapped) == facets.FIELDS


def test_the_query_counts_the_counted_facets_and_the_region_tree():
    aggregations = build_search(SearchRequest(text="banjir"))["aggs"]

    assert set(facets.COUNTED) | set(facets.REGION_TREE) <= aggregations.keys()


def test_filters_excludes_and_suggestions_are_facet_fields():
    assert set(facets.FILTERS) <= set(facets.FIELDS)
    assert set(facets.EXCLUDES) <= set(facets.FILTERS)
    assert set(facets.SUGGESTED) <= set(facets.FIELDS)
    assert SuggestField is facets.SuggestField


def test_the_search_route_takes_a_parameter_for_every_filter_and_exclusion():
    from warta.local.lambda_runtime import load_function

    parameters = inspect.signature(load_function("search").search_route).parameters

    assert set(facets.FILTERS) <= parameters.keys()
    assert {f"not_{name}" for name in facets.EXCLUDES} <= parameters.keys()
