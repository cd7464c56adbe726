"""The search service shapes the index's raw answers into the API's models (`warta.responses`), with a
recording fake client in place of OpenSearch: no socket."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError
from warta.index.query import SearchRequest, decode_cursor, next_cursor
from warta.responses import SearchPage, Suggestions
from warta.search import search, suggest

PAGE = TypeAdapter(SearchPage)
SUGGESTIONS = TypeAdapter(Suggestions)


class FakeClient:
    def __init__(self, answer: dict[str, Any]) -> None:
        self.answer = answer
        self.requests: list[dict[str, Any]] = []

    def search(self, **request: Any) -> dict[str, Any]:
        self.requests.append(request)
        return self.answer


def _terms(*pairs: tuple[str, int]) -> dict[str, Any]:
    return {"values": {"buckets": [{"key": key, "doc_count": count} for key, count in pairs]}}


RAW_HIT = {
    "_id": "a" * 40,
    "sort": [3.2, "a" * 40],
    "_source": {
        "title": "Banjir di Bekasi",
        "published": "2026-11-02T08:00:00+07:00",
        "site": "Contoh",
        "url": "https://contoh.test/banjir",
        "key": "2026/banjir.html",
        "officials": [{"name": "Budi Santoso", "rank": None, "position": "Wali Kota Bekasi"}],
        "regions": [{"canonical": "Kota Bekasi", "path": ["Jawa Barat", "Kota Bekasi"]}],
        "organizations": [{"canonical": "Badan Penanggulangan Bencana Daerah"}],
    },
    "highlight": {"body": ["air <mark>banjir</mark> setinggi"], "title": ["<mark>Banjir</mark> di Bekasi"]},
}
ANSWER = {
    "took": 7,
    "timed_out": False,
    "hits": {"total": {"value": 41}, "hits": [RAW_HIT]},
    "aggregations": {
        "official": _terms(("Budi Santoso", 3)),
        "position": _terms(("Wali Kota Bekasi", 3)),
        "organization": _terms(),
        "site": _terms(("Contoh", 41)),
        "speaker": _terms(("Budi Santoso", 2)),
        "person": _terms(("Budi Santoso", 3)),
        "province": _terms(("Jawa Barat", 30), ("DKI Jakarta", 4)),
        "region_pair": _terms(("Jawa Barat|Kota Bekasi", 25), ("Jawa Barat|Kabupaten Bogor", 5)),
        "published": {
            "values": {
                "interval": "1d",
                "buckets": [
                    {"key_as_string": "2026-11-01", "doc_count": 2},
                    {"key_as_string": "2026-11-04", "doc_count": 1},
                ],
            }
        },
    },
}


def test_a_search_answer_is_a_valid_search_page_with_a_region_tree_and_a_gapless_histogram():
    client = FakeClient(ANSWER)

    page = PAGE.validate_python(search(client, "warta-articles", SearchRequest(text="banjir", size=1)))

    assert page["total"] == 41 and page["hits"][0]["snippet"] == "air <mark>banjir</mark> setinggi"
    assert page["hits"][0]["organizations"] == ["Badan Penanggulangan Bencana Daerah"]
    assert page["facets"] is not None
    jabar = page["facets"]["region"][0]
    assert (jabar["value"], [c["value"] for c in jabar["children"]]) == (
        "Jawa Barat",
        ["Kota Bekasi", "Kabupaten Bogor"],
    )
    assert page["facets"]["region"][1]["children"] == []
    assert page["histogram"] is not None
    assert [(b["date"], b["count"]) for b in page["histogram"]["buckets"]] == [
        ("2026-11-01", 2),
        ("2026-11-02", 0),
        ("2026-11-03", 0),
        ("2026-11-04", 1),
    ]
    assert page["next_cursor"] is not None and decode_cursor(page["next_cursor"]) == [3.2, "a" * 40]


def test_a_page_reached_by_cursor_carries_no_facets():
    answer = {**ANSWER, "aggregations": None}
    cursor = next_cursor([RAW_HIT], 1)

    page = PAGE.validate_python(search(FakeClient(answer), "a", SearchRequest(size=1, cursor=cursor)))

    assert page["facets"] is None and page["histogram"] is None


def test_a_hit_missing_a_declared_field_fails_validation():
    shaped = search(FakeClient(ANSWER), "a", SearchRequest())
    del shaped["hits"][0]["snippet"]

    with pytest.raises(ValidationError, match="snippet"):
        PAGE.validate_python(shaped)


def test_a_field_added_to_a_hit_before_its_model_passes_through():
    raw = {**ANSWER, "hits": {"total": {"value": 1}, "hits": [RAW_HIT]}}
    shaped = search(FakeClient(raw), "a", SearchRequest())
    shaped["hits"][0]["story_id"] = "s-1"

    assert PAGE.dump_python(PAGE.validate_python(shaped), mode="json")["hits"][0]["story_id"] == "s-1"


@pytest.mark.parametrize(
    ("prefix", "expected"), [("bu", ["Budi Santoso"]), ("san", ["Budi Santoso"]), ("x", [])]
)
def test_suggestions_match_the_value_or_one_of_its_words(prefix, expected):
    client = FakeClient({"aggregations": _terms(("Budi Santoso", 3), ("Ahmad Rizal", 1))})

    answer = SUGGESTIONS.validate_python(suggest(client, "a", "official", prefix))

    assert [v["value"] for v in answer["values"]] == expected
