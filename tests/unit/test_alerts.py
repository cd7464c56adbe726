"""The pure parts of alerts: definitions, webhook URL safety, signatures, the match query."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from warta.alerts.definition import BadAlert, ChannelPolicy, parse_definition
from warta.alerts.delivery import sign, verify
from warta.alerts.matching import content_version, match_id, story_id
from warta.alerts.urls import UnsafeUrl, check_webhook_url
from warta.index.query import SearchRequest, build_match_query, build_search

SECRET = "rahasia-uji-coba-0123456789"
PUBLIC = ChannelPolicy(resolve=lambda host: ["93.184.215.14"])


def test_a_saved_search_becomes_the_request_the_search_api_would_run() -> None:
    definition = parse_definition(
        {
            "name": "banjir jabar",
            "search": {"q": "banjir", "region": "Jawa Barat", "-site": ["contoh"], "from": "2024-01-01"},
        },
        PUBLIC,
    )

    assert definition.request == SearchRequest(
        text="banjir",
        filters={"region": ("Jawa Barat",)},
        exclude={"site": ("contoh",)},
        published_from=date(2024, 1, 1),
    )
    assert definition.search == {
        "q": "banjir",
        "region": ["Jawa Barat"],
        "-site": ["contoh"],
        "from": "2024-01-01",
    }
    assert definition.channel.type == "log"


def test_the_match_query_is_the_search_query_with_its_facet_filters() -> None:
    request = SearchRequest(
        text="banjir",
        filters={"region": ("jawa barat",)},
        exclude={"site": ("a",)},
        published_to=date(2024, 2, 1),
    )
    query = build_match_query(request)["bool"]
    search = build_search(request)

    assert query["must"] == search["query"]["bool"]["must"]
    assert query["must_not"] == search["query"]["bool"]["must_not"]
    assert search["post_filter"]["bool"]["filter"][0] in query["filter"]
    assert search["query"]["bool"]["filter"][0] in query["filter"]


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ([], "body"),
        ({"search": {"q": "x"}}, "name"),
        ({"name": "x", "search": {"q": "x"}, "extra": 1}, "extra"),
        ({"name": "x", "search": {"q": "x", "size": 5}}, "search.size"),
        ({"name": "x", "search": {"region": []}}, "search.region"),
        ({"name": "x", "search": {"region": ["a"] * 21}}, "search.region"),
        ({"name": "x", "search": {"q": ""}}, "search"),
        ({"name": "x", "search": {"q": "x", "to": "31-01-2024"}}, "search.to"),
        ({"name": "x", "search": {"q": "x"}, "channel": {"type": "email"}}, "channel.type"),
        (
            {"name": "x", "search": {"q": "x"}, "channel": {"type": "webhook", "secret": SECRET}},
            "channel.url",
        ),
        (
            {"name": "x", "search": {"q": "x"}, "channel": {"type": "webhook", "url": "https://contoh.id/h"}},
            "channel.secret",
        ),
    ],
)
def test_bad_definitions_name_the_field(payload: object, field: str) -> None:
    with pytest.raises(BadAlert) as raised:
        parse_definition(payload, PUBLIC)
    assert raised.value.field == field


@pytest.mark.parametrize(
    "url",
    [
        "http://contoh.id/hook",  # plain http outside the local stack
        "ftp://contoh.id/hook",
        "https://user:pw@contoh.id/hook",
        "https://127.0.0.1/hook",
        "https://10.0.0.8/hook",
        "https://169.254.169.254/latest/meta-data",  # the instance metadata service
        "https://[::1]/hook",
        "https://[::ffff:127.0.0.1]/hook",
        "https://contoh.id:22/hook",
    ],
)
def test_webhooks_may_not_point_inside(url: str) -> None:
    with pytest.raises(UnsafeUrl):
        check_webhook_url(url, local=False, resolve=lambda host: ["93.184.215.14"])


def test_a_host_resolving_to_a_private_address_is_refused() -> None:
    with pytest.raises(UnsafeUrl, match="non-public"):
        check_webhook_url(
            "https://intranet.contoh.id/h", local=False, resolve=lambda host: ["93.184.215.14", "10.1.2.3"]
        )
    check_webhook_url("https://contoh.id/h", local=False, resolve=lambda host: ["93.184.215.14"])


def test_the_check_hands_back_the_address_a_delivery_must_connect_to() -> None:
    answers = iter([["93.184.215.14"], ["10.0.0.5"]])  # a rebinding resolver: public, then private

    def resolve(host: str) -> list[str]:
        return next(answers)

    assert check_webhook_url("https://contoh.id/h", local=False, resolve=resolve) == "93.184.215.14"
    with pytest.raises(UnsafeUrl, match="non-public"):  # checked again at delivery: refused
        check_webhook_url("https://contoh.id/h", local=False, resolve=resolve)
    assert check_webhook_url("https://93.184.215.14/h", local=False) == "93.184.215.14"
    assert check_webhook_url("http://127.0.0.1:8099/h", local=True) == "127.0.0.1"


def test_plain_http_only_to_127_0_0_1_on_the_local_stack() -> None:
    check_webhook_url("http://127.0.0.1:8099/h", local=True)
    with pytest.raises(UnsafeUrl):
        check_webhook_url("http://localhost:8099/h", local=True)
    with pytest.raises(UnsafeUrl):
        check_webhook_url("http://127.0.0.1:8099/h", local=False)


def test_a_signature_verifies_only_with_its_secret_body_and_a_recent_time() -> None:
    body = b'{"alert":{"id":"a"}}'
    header = sign(SECRET, 1_700_000_000, body)

    assert verify(SECRET, header, body, now=1_700_000_010)
    assert not verify("another-secret-0123456", header, body, now=1_700_000_010)
    assert not verify(SECRET, header, body + b" ", now=1_700_000_010)
    assert not verify(SECRET, header, body, now=1_700_001_000)  # a replay ten minutes later


def test_one_story_one_match_and_versions_follow_the_text() -> None:
    article = {"id": "d1", "title": "Banjir", "body": "Air naik."}
    assert story_id(article) == "d1"
    assert story_id({**article, "story_id": "s9"}) == "s9"
    assert match_id("a", "s9") == match_id("a", "s9") != match_id("b", "s9")
    assert content_version(article) == content_version({**article, "ingested": "later"})
    assert content_version(article) != content_version({**article, "body": "Air surut."})


def _fields(node: object) -> set[str]:
    """Every field name a query body refers to."""
    found: set[str] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("term", "terms", "range", "prefix", "wildcard") and isinstance(value, dict):
                found |= set(value)
            elif key == "fields" and isinstance(value, list):
                found |= {v.split("^")[0] for v in value}
            found |= _fields(value)
    elif isinstance(node, list):
        for item in node:
            found |= _fields(item)
    return found


def test_the_percolated_part_of_an_article_holds_every_field_a_search_can_match() -> None:
    from warta.alerts.matching import SEARCHED_FIELDS, percolated
    from warta.index.mapping import MAPPINGS

    request = SearchRequest(
        text="banjir",
        filters=dict.fromkeys(("official", "region", "site"), ("x",)),
        exclude={"organization": ("y",)},
        published_from=date(2024, 1, 1),
    )
    nested = {n for n, spec in MAPPINGS["properties"].items() if spec.get("type") == "nested"}
    used = {name.split(".")[0] for name in _fields(build_match_query(request))}
    assert used - nested <= SEARCHED_FIELDS
    article = {
        "id": "d",
        "title": "t",
        "body": "b",
        "officials": [{"name": "n"}],
        "facet": {"site": ["s"]},
        "published": "2024-01-01",
        "authors": ["a"],
        "dates": [],
    }
    assert percolated(article) == {
        "title": "t",
        "body": "b",
        "facet": {"site": ["s"]},
        "published": "2024-01-01",
    }


def test_a_saved_search_names_no_field_its_root_level_query_cannot_reach() -> None:
    from warta.alerts.store import saved_search_query, without_nested_fields
    from warta.index.mapping import NESTED_FIELDS

    request = SearchRequest(text="banjir bandang", filters={"region": ("Jawa Barat",)})
    full, saved = build_match_query(request), saved_search_query(request)

    def words(query: dict[str, Any]) -> dict[str, Any]:
        return query["bool"]["must"][0]["simple_query_string"]  # type: ignore[no-any-return]

    assert {f.split(".")[0] for f in words(full)["fields"]} & NESTED_FIELDS  # the API's query names some
    assert not {f.split(".")[0] for f in words(saved)["fields"]} & NESTED_FIELDS
    assert set(words(saved)["fields"]) < set(words(full)["fields"])
    assert {**words(saved), "fields": None} == {**words(full), "fields": None}
    assert saved["bool"]["filter"] == full["bool"]["filter"]
    nested = {
        "nested": {
            "path": "quotes",
            "query": {"simple_query_string": {"query": "x", "fields": ["quotes.text"]}},
        }
    }
    assert without_nested_fields(nested) == nested


def test_a_digest_is_hourly_or_daily_and_a_wrong_one_is_refused_by_name() -> None:
    search = {"q": "banjir"}
    assert parse_definition({"name": "a", "search": search}, PUBLIC).digest is None
    assert parse_definition({"name": "a", "search": search, "digest": "daily"}, PUBLIC).digest == "daily"
    with pytest.raises(BadAlert) as refused:
        parse_definition({"name": "a", "search": search, "digest": "weekly"}, PUBLIC)
    assert refused.value.field == "digest"


def test_digests_fall_due_on_the_hour_and_daily_ones_once_a_day() -> None:
    from datetime import UTC, datetime

    from warta.alerts.digests import DAILY_HOUR_UTC, digest_id, is_due, period_end

    morning = datetime(2026, 12, 6, DAILY_HOUR_UTC, 0, 41, tzinfo=UTC)
    later = morning.replace(hour=DAILY_HOUR_UTC + 5, minute=17)
    assert is_due("hourly", morning) and is_due("hourly", later)
    assert is_due("daily", morning) and not is_due("daily", later)
    assert period_end(later) == later.replace(minute=0, second=0)
    # One digest per alert and period: a second run in the same hour makes the same id.
    assert digest_id("a1", period_end(later)) == digest_id("a1", period_end(later.replace(minute=59)))
    assert digest_id("a1", period_end(later)) != digest_id("a2", period_end(later))
    assert digest_id("a1", period_end(later)) != digest_id("a1", period_end(morning))
