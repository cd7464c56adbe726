"""Property tests: whatever bytes arrive, `parse` returns an Article or raises a ParseError; whatever
text arrives, `enrich` returns well-formed entities. 1,000 examples each."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warta.enrich import enrich
from warta.parse import Article, ParseError, parse_article

EXAMPLES = settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
WORDS = [
    "Kapolda",
    "Metro",
    "Jaya",
    "Irjen",
    "Pol",
    "Inspektur",
    "Jenderal",
    "Putut",
    "Eko",
    "Bayu",
    "Seno",
    "Bupati",
    "Lampung",
    "Selatan",
    "Palu",
    "Jawa",
    "Barat",
    "Kota",
    "Kabupaten",
    "Bogor",
    "Mabes",
    "Polri",
    "KPK",
    "DPRD",
    "Rabu",
    "31",
    "Oktober",
    "2012",
    "(31/10/2012)",
    "kemarin",
    "lalu",
    "UU",
    "No",
    "Rp",
    "kata",
    "ujar",
    "Mantan",
    "H.",
    "S.H.",
    ",",
    ".",
    '"',
    "-",
    "Jakarta",
    "WIB",
    "14.05",
    "Gubernur",
]
TAGS = ["p", "div", "h1", "span", "a", "script", "style", "article", "time", "meta", "title", "figure", "br"]
indonesian_text = st.lists(st.sampled_from(WORDS) | st.text(max_size=12), max_size=400).map(" ".join)


@st.composite
def html_pages(draw: st.DrawFn) -> bytes:
    parts = ["<html><head><meta charset='utf-8'>"]
    for _ in range(draw(st.integers(0, 40))):
        tag = draw(st.sampled_from(TAGS))
        attrs = draw(
            st.sampled_from(
                [
                    "",
                    ' class="detail__body-text"',
                    ' class="baca-juga"',
                    ' datetime="2012-10-31"',
                    ' property="article:published_time" content="2012-10-31T14:05:00+07:00"',
                ]
            )
        )
        closing = draw(st.booleans())
        parts.append(f"<{tag}{attrs}>{draw(indonesian_text)}" + (f"</{tag}>" if closing else ""))
    return "".join(parts).encode("utf-8", errors="replace")


@EXAMPLES
@given(st.binary(max_size=4000) | html_pages())
def test_parse_returns_an_article_or_a_typed_error(data: bytes):
    try:
        article = parse_article(data, key="x.html")
    except ParseError as exc:
        assert exc.reason and str(exc)
        return
    assert isinstance(article, Article)
    assert isinstance(article.title, str) and isinstance(article.body, str)
    assert article.published is None or article.published.tzinfo is not None


@EXAMPLES
@given(
    indonesian_text, st.datetimes(min_value=datetime(1995, 1, 1), max_value=datetime(2030, 1, 1)) | st.none()
)
def test_enrich_returns_well_formed_entities(text: str, published: datetime | None):
    moment = published.replace(tzinfo=timezone(timedelta(hours=7))) if published else None
    entities = enrich(Article(title="", body=text, published=moment))
    for region in entities.regions:
        assert (
            region.path
            and region.path[-1] == region.canonical
            and region.level in ("province", "regency", "city")
        )
        assert 0 <= region.start < region.end <= len(text) + 2
    for official in entities.officials:
        assert official.key and official.name and official.name.strip() == official.name
    assert len({o.key for o in entities.officials}) == len(entities.officials)
    for mention in entities.dates:
        assert mention.text and 1900 < mention.date.year < 2100
