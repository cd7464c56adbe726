"""`enrich`: an Article -> the officials, regions, organizations and dates it names. Pure."""

from __future__ import annotations

from ..parse.article import Article
from .dates import find_dates
from .model import DateMention, Entities, Official, Organization, Quote, RegionMention, Speaker
from .officials import find_officials
from .organizations import find_organizations
from .quotes import find_quotes
from .regions import find_regions, lookup_region

__all__ = [
    "DateMention", "Entities", "Official", "Organization", "Quote", "RegionMention", "Speaker", "enrich",
]


def enrich(article: Article) -> Entities:
    text = f"{article.title}\n\n{article.body}" if article.title else article.body
    # Officials from the body only: headlines are Title Case, so every word looks like a name there,
    # and a headline's official is named again, in full, in the story.
    officials = find_officials(article.body, resolve_region=_canonical_region)
    organizations = find_organizations(text)
    return Entities(
        officials=officials,
        regions=find_regions(text),
        organizations=organizations,
        dates=find_dates(text, article.published),
        quotes=find_quotes(article.body, officials, organizations, is_region=_is_region),
    )


def _is_region(name: str) -> bool:
    return lookup_region(name) is not None


def _canonical_region(name: str) -> str | None:
    region = lookup_region(name)
    return region.canonical if region else None
