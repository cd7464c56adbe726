"""`GET /quotes` without a node: the query keeps words and speaker in one quote, and the answer is a flat
list of quotes with their articles."""

from __future__ import annotations

from datetime import UTC, date, datetime

from pydantic import TypeAdapter
from warta.enrich.model import Entities, Quote, Speaker
from warta.index.documents import build_document
from warta.index.quote_query import QuoteRequest, build_quote_search
from warta.parse.article import Article
from warta.quote_search import shape
from warta.responses import QuotesPage


def test_words_and_speaker_are_one_nested_query_with_inner_hits():
    body = build_quote_search(
        QuoteRequest(text="tawuran", speakers=("Putut Eko Bayu Seno",), published_from=date(2012, 1, 1))
    )
    nested = body["query"]["bool"]["must"][0]["nested"]

    assert nested["path"] == "quotes" and "inner_hits" in nested
    assert nested["query"]["bool"]["must"][0]["simple_query_string"]["query"] == "tawuran"
    speaker = nested["query"]["bool"]["filter"][0]["bool"]["should"]
    assert {"terms": {"quotes.speaker.canonical.norm": ["putut eko bayu seno"]}} in speaker
    assert body["query"]["bool"]["filter"][0]["range"]["published"]["gte"] == "2012-01-01"
    assert body["sort"][0] == "_score"


def test_without_words_the_newest_come_first_and_every_quote_matches():
    nested = build_quote_search(QuoteRequest())["query"]["bool"]["must"][0]["nested"]

    assert nested["query"]["bool"]["must"] == [{"match_all": {}}]
    assert build_quote_search(QuoteRequest())["sort"][0] == {
        "published": {"order": "desc", "missing": "_last"}
    }


def test_a_document_carries_its_quotes_and_the_speaker_facet():
    quote = Quote(
        text="Keamanan Jakarta harus kita jaga bersama",
        kind="direct",
        speaker=Speaker("Putut", "Putut Eko Bayu Seno"),
        speaker_role="Kapolda Metro Jaya",
        cue="kata",
        start=10,
        end=50,
    )
    unnamed = Quote(
        text="Airnya datang tengah malam",
        kind="direct",
        speaker=None,
        speaker_role=None,
        cue="ujar",
        start=60,
        end=86,
    )
    document = build_document(
        bucket="b",
        key="k",
        article=Article(title="t", body="b", published=None),
        entities=Entities(quotes=(quote, unnamed)),
        ingested=datetime(2026, 12, 6, tzinfo=UTC),
    )

    assert document["quotes"][0]["speaker"] == {"name": "Putut", "canonical": "Putut Eko Bayu Seno"}
    assert document["quotes"][1]["speaker"] is None
    assert document["facet"]["speaker"] == ["Putut Eko Bayu Seno"]


def test_the_answer_flattens_inner_hits_into_quotes_with_their_article():
    response = {
        "took": 3,
        "timed_out": False,
        "hits": {
            "total": {"value": 1},
            "hits": [
                {
                    "_id": "a" * 40,
                    "_source": {"title": "Kapolda baru", "published": "2012-10-31T14:05:00+07:00"},
                    "inner_hits": {
                        "quotes": {
                            "hits": {
                                "hits": [
                                    {
                                        "_source": {
                                            "text": "Keamanan Jakarta harus kita jaga",
                                            "kind": "direct",
                                            "cue": "kata",
                                            "speaker": {"name": "Putut", "canonical": "Putut Eko Bayu Seno"},
                                            "start": 1,
                                            "end": 33,
                                        },
                                        "highlight": {
                                            "quotes.text": ["Keamanan <mark>Jakarta</mark> harus kita jaga"]
                                        },
                                    },
                                    {
                                        "_source": {
                                            "text": "polisi tidak boleh hanya bergerak",
                                            "kind": "indirect",
                                            "cue": "menjelaskan",
                                            "speaker": None,
                                            "start": 40,
                                            "end": 73,
                                        }
                                    },
                                ]
                            }
                        }
                    },
                }
            ],
        },
    }
    page = TypeAdapter(QuotesPage).validate_python(shape(response))

    quotes = page["quotes"]
    assert page["total_articles"] == 1 and len(quotes) == 2
    assert quotes[0].get("highlight") == "Keamanan <mark>Jakarta</mark> harus kita jaga"
    first_speaker = quotes[0].get("speaker")
    assert first_speaker is not None and first_speaker["canonical"] == "Putut Eko Bayu Seno"
    assert quotes[1].get("speaker") is None and quotes[1].get("highlight") is None
    assert {q["article"]["id"] for q in quotes} == {"a" * 40}
