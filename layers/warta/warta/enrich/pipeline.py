"""The enrichment pipeline: an Article -> the officials, persons, regions, organizations, dates and quotes
it names. Pure. Reached as `warta.enrich.enrich`."""

from __future__ import annotations

from ..parse.article import Article
from .dates import find_dates
from .model import Entities
from .officials import find_officials
from .org_spans import cue_spans, organizations_from_spans
from .organizations import find_organizations
from .persons import find_persons, without_thin
from .posts import confirm_officials, officials_by_post, with_apposed_persons
from .quotes import find_quotes
from .regions import dateline_end as find_dateline_end
from .regions import find_regions, lookup_region
from .tagger import tag


def enrich(article: Article, dateline_end: int | None = None) -> Entities:
    """The entities of an article. `dateline_end`: where the body's dateline ("PALU, KOMPAS.com -") ends,
    as an offset in the body, when the caller knows better than the article; regions named there get
    `role="dateline"`."""
    text = f"{article.title}\n\n{article.body}" if article.title else article.body
    if dateline_end is None:
        dateline_end = _dateline_end(article)
    if dateline_end is not None and article.title:
        dateline_end += len(article.title) + 2
    # Officials and persons from the body only: headlines are Title Case, so every word looks like a name
    # there, and a headline's people are named again, in full, in the story. Mentions are body offsets.
    spans = with_apposed_persons(article.body, tag(article.body))
    officials = confirm_officials(article.body, find_officials(article.body, _canonical_region), spans)
    by_head = [article.body[s.start : s.end] for s in cue_spans(article.body)]
    persons = find_persons(article.body, spans, officials, by_head)
    officials += officials_by_post(article.body, persons, officials)
    persons = without_thin(persons, officials)
    organizations = find_organizations(text)
    person_starts = sorted(s for p in persons for s, _ in p.mentions)
    return Entities(
        officials=officials,
        persons=persons,
        regions=find_regions(text, dateline_end),
        organizations=organizations
        + organizations_from_spans(
            article.body,
            spans,
            organizations,
            person_starts,
            frozenset(w for p in persons for w in p.name.split()),
        ),
        dates=find_dates(text, article.published),
        quotes=find_quotes(article.body, officials, organizations, is_region=_is_region, persons=persons),
    )


def _dateline_end(article: Article) -> int | None:
    """Where the body's dateline ends: parse's own reading when it has one, else one read by its shape."""
    dateline = article.dateline
    if dateline is not None and article.body.startswith(dateline.text):
        return len(dateline.text)
    return find_dateline_end(article.body)


def _is_region(name: str) -> bool:
    return lookup_region(name) is not None


def _canonical_region(name: str) -> str | None:
    region = lookup_region(name)
    return region.canonical if region else None
