"""The facet vocabulary, in one place: which facet fields a document carries, which the API filters on,
counts, and suggests. The mapping, the query builder, the document builder, the search service and the
handler read these names from here (`tests/unit/test_facets.py` holds them to it)."""

from __future__ import annotations

from typing import Literal, get_args

# Every `facet.*` field of a document (`documents.facets` fills them; the mapping declares them).
FIELDS = (
    "official",
    "position",
    "official_position",
    "region",
    "province",
    "region_pair",
    "organization",
    "site",
    "speaker",
    "person",
    "region_mentioned",
)
# What a search may filter on (`?official=...`) and exclude (`?-official=...`; not official_position).
FILTERS = (
    "official",
    "position",
    "official_position",
    "region",
    "organization",
    "site",
    "speaker",
    "person",
    "region_mentioned",
)
EXCLUDES = ("official", "position", "region", "organization", "site", "speaker", "person")
# Counted as flat value lists; regions are counted as a tree from `province` and `region_pair`.
COUNTED = ("official", "position", "organization", "site", "speaker", "person")
REGION_TREE = ("province", "region_pair")

SuggestField = Literal["official", "position", "region", "organization", "site", "speaker", "person"]
SUGGESTED: tuple[str, ...] = get_args(SuggestField)
