"""Write dashboards/warta.ndjson: OpenSearch Dashboards saved objects for the articles index (an index
pattern, a saved search, visualizations and a dashboard). Saved objects nest JSON inside JSON
strings, which nobody should edit by hand: change this file and run `make dashboards-file`; a test
fails when the committed file differs from what this writes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "dashboards" / "warta.ndjson"
INDEX_PATTERN = "warta-articles"  # the read alias; `warta dashboards import --index-pattern` renames it
SEARCH_SOURCE_REF = "kibanaSavedObjectMeta.searchSourceJSON.index"
EMPTY_QUERY = {"query": "", "language": "kuery"}


def _json(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def _count() -> dict[str, Any]:
    return {"id": "1", "enabled": True, "type": "count", "schema": "metric", "params": {}}


def _date_histogram(agg_id: str) -> dict[str, Any]:
    """Articles per period of their publication date, the period chosen by Dashboards."""
    params = {"field": "published", "interval": "auto", "min_doc_count": 1, "extended_bounds": {}}
    return {"id": agg_id, "enabled": True, "type": "date_histogram", "schema": "segment", "params": params}


def _terms(agg_id: str, field: str, size: int, schema: str = "segment") -> dict[str, Any]:
    return {
        "id": agg_id,
        "enabled": True,
        "type": "terms",
        "schema": schema,
        "params": {
            "field": field,
            "size": size,
            "order": "desc",
            "orderBy": "1",
            "otherBucket": False,
            "missingBucket": False,
        },
    }


def _visualization(
    vis_id: str,
    title: str,
    vis_type: str,
    aggs: list[dict[str, Any]],
    params: dict[str, Any],
    description: str,
) -> dict[str, Any]:
    return {
        "id": vis_id,
        "type": "visualization",
        "migrationVersion": {"visualization": "7.10.0"},
        "attributes": {
            "title": title,
            "description": description,
            "version": 1,
            "uiStateJSON": "{}",
            "visState": _json({"title": title, "type": vis_type, "aggs": aggs, "params": params}),
            "kibanaSavedObjectMeta": {
                "searchSourceJSON": _json(
                    {"query": EMPTY_QUERY, "filter": [], "indexRefName": SEARCH_SOURCE_REF}
                )
            },
        },
        "references": [{"name": SEARCH_SOURCE_REF, "type": "index-pattern", "id": INDEX_PATTERN}],
    }


def objects() -> list[dict[str, Any]]:
    index_pattern = {
        "id": INDEX_PATTERN,
        "type": "index-pattern",
        "migrationVersion": {"index-pattern": "7.6.0"},
        "attributes": {"title": INDEX_PATTERN, "timeFieldName": "published"},
        "references": [],
    }
    saved_search = {
        "id": "warta-latest-articles",
        "type": "search",
        "migrationVersion": {"search": "7.9.3"},
        "attributes": {
            "title": "Warta: latest articles",
            "description": "Every article, newest first, with its entities.",
            "columns": ["title", "site", "facet.official", "facet.region", "facet.organization"],
            "sort": [["published", "desc"]],
            "version": 1,
            "kibanaSavedObjectMeta": {
                "searchSourceJSON": _json(
                    {
                        "query": EMPTY_QUERY,
                        "filter": [],
                        "highlightAll": True,
                        "indexRefName": SEARCH_SOURCE_REF,
                    }
                )
            },
        },
        "references": [{"name": SEARCH_SOURCE_REF, "type": "index-pattern", "id": INDEX_PATTERN}],
    }
    bars = {"addLegend": False, "addTooltip": True, "legendPosition": "right"}
    visualizations = [
        _visualization(
            "warta-articles-over-time",
            "Warta: articles over time",
            "histogram",
            [
                _count(),
                _date_histogram("2"),
            ],
            bars,
            "Articles per period of their publication date.",
        ),
        _visualization(
            "warta-top-officials",
            "Warta: top officials",
            "horizontal_bar",
            [_count(), _terms("2", "facet.official", 15)],
            bars,
            "Officials named in the most articles.",
        ),
        _visualization(
            "warta-top-regions",
            "Warta: top regions",
            "horizontal_bar",
            [_count(), _terms("2", "facet.region", 15)],
            bars,
            "Regions at any level (a province counts its cities' articles too).",
        ),
        _visualization(
            "warta-officials-by-region",
            "Warta: officials by province",
            "heatmap",
            [_count(), _terms("2", "facet.province", 12), _terms("3", "facet.official", 15, "group")],
            {
                "addTooltip": True,
                "addLegend": True,
                "enableHover": True,
                "legendPosition": "right",
                "colorsNumber": 5,
                "colorSchema": "Greens",
                "percentageMode": False,
            },
            "How often each official appears in articles about each province.",
        ),
        _visualization(
            "warta-organizations",
            "Warta: organizations",
            "tagcloud",
            [_count(), _terms("2", "facet.organization", 40)],
            {
                "scale": "linear",
                "orientation": "single",
                "minFontSize": 14,
                "maxFontSize": 48,
                "showLabel": True,
            },
            "Organizations by the number of articles naming them.",
        ),
        _visualization(
            "warta-top-persons",
            "Warta: persons",
            "horizontal_bar",
            [_count(), _terms("2", "facet.person", 20)],
            bars,
            "Everyone named, by canonical name (aliases count as the person), by number of articles.",
        ),
        # Story level (warta.stories): copies of one story share `story_id`.
        _visualization(
            "warta-stories-over-time",
            "Warta: stories and articles over time",
            "line",
            [
                _count(),
                {
                    "id": "3",
                    "enabled": True,
                    "type": "cardinality",
                    "schema": "metric",
                    "params": {"field": "story_id", "customLabel": "Stories"},
                },
                _date_histogram("2"),
            ],
            {"addLegend": True, "addTooltip": True, "legendPosition": "top"},
            "Articles and distinct stories per period: the gap is syndicated copies.",
        ),
        _visualization(
            "warta-most-copied-stories",
            "Warta: most copied stories",
            "table",
            [
                _count(),
                {
                    "id": "3",
                    "enabled": True,
                    "type": "top_hits",
                    "schema": "metric",
                    "params": {
                        "field": "title.exact",
                        "aggregate": "concat",
                        "size": 1,
                        "sortField": "published",
                        "sortOrder": "asc",
                        "customLabel": "First headline",
                    },
                },
                {
                    "id": "4",
                    "enabled": True,
                    "type": "cardinality",
                    "schema": "metric",
                    "params": {"field": "site", "customLabel": "Sites"},
                },
                _terms("2", "story_id", 20, "bucket"),
            ],
            {
                "perPage": 20,
                "showPartialRows": False,
                "showMetricsAtAllLevels": False,
                "showTotal": False,
                "totalFunc": "sum",
            },
            "Stories with the most copies, the headline of their first article, and on how many sites.",
        ),
    ]
    layout = [
        ("warta-articles-over-time", "visualization", 0, 0, 48, 12),
        ("warta-top-officials", "visualization", 0, 12, 24, 16),
        ("warta-top-regions", "visualization", 24, 12, 24, 16),
        ("warta-officials-by-region", "visualization", 0, 28, 32, 18),
        ("warta-organizations", "visualization", 32, 28, 16, 18),
        ("warta-top-persons", "visualization", 0, 46, 48, 16),
        ("warta-stories-over-time", "visualization", 0, 62, 24, 16),
        ("warta-most-copied-stories", "visualization", 24, 62, 24, 16),
        ("warta-latest-articles", "search", 0, 78, 48, 18),
    ]
    panels, references = [], []
    for number, (object_id, object_type, x, y, w, height) in enumerate(layout):
        panel_index = str(number + 1)
        panels.append(
            {
                "version": "2.11.0",
                "panelIndex": panel_index,
                "panelRefName": f"panel_{number}",
                "gridData": {"x": x, "y": y, "w": w, "h": height, "i": panel_index},
                "embeddableConfig": {},
            }
        )
        references.append({"name": f"panel_{number}", "type": object_type, "id": object_id})
    dashboard = {
        "id": "warta-overview",
        "type": "dashboard",
        "migrationVersion": {"dashboard": "7.9.3"},
        "attributes": {
            "title": "Warta: overview",
            "description": "Who, where and when in the indexed news.",
            "panelsJSON": _json(panels),
            "optionsJSON": _json({"hidePanelTitles": False, "useMargins": True}),
            "timeRestore": True,
            "timeFrom": "now-15y",
            "timeTo": "now",
            "refreshInterval": {"pause": True, "value": 0},
            "version": 1,
            "kibanaSavedObjectMeta": {"searchSourceJSON": _json({"query": EMPTY_QUERY, "filter": []})},
        },
        "references": references,
    }
    return [index_pattern, saved_search, *visualizations, dashboard]


def generate() -> str:
    return "".join(_json(item) + "\n" for item in objects())


if __name__ == "__main__":
    TARGET.write_text(generate())
    print(f"wrote {TARGET.relative_to(ROOT)}")
