"""Index layout: a template for versioned indices behind a read alias and a write alias."""

from __future__ import annotations

from typing import Any

from . import facets

INDEX_PREFIX = "warta-articles"
SCHEMA_VERSION = 1


def index_name(alias: str = INDEX_PREFIX, version: int = SCHEMA_VERSION) -> str:
    return f"{alias}-v{version}"


def write_alias(alias: str = INDEX_PREFIX) -> str:
    return f"{alias}-write"


def _text(*, keyword: bool = False) -> dict[str, Any]:
    # Stemmed Indonesian for recall; `unstemmed` keeps words as written, because the Indonesian stemmer
    # also strips "affixes" from names ("Sumantri" and "Mantri" must not meet).
    fields: dict[str, Any] = {"unstemmed": {"type": "text", "analyzer": "standard"}}
    if keyword:
        fields["exact"] = {"type": "keyword", "ignore_above": 512}
    return {"type": "text", "analyzer": "indonesian", "fields": fields}


def _facet() -> dict[str, Any]:
    # The value as written, for display and aggregation, and a normalised copy (lowercase, no
    # accents) that filters match, so "dki jakarta" finds "DKI Jakarta".
    return {
        "type": "keyword",
        "ignore_above": 256,
        "fields": {"norm": {"type": "keyword", "normalizer": "facet", "ignore_above": 256}},
    }


MAPPINGS: dict[str, Any] = {
    "dynamic": "strict",
    "properties": {
        "id": {"type": "keyword"},  # the document id again: a sortable tiebreak for cursor paging
        "bucket": {"type": "keyword"},
        "key": {"type": "keyword"},
        "etag": {"type": "keyword"},
        "url": {"type": "keyword"},
        "site": {"type": "keyword"},
        "title": _text(keyword=True),
        "body": _text(),
        "authors": {"type": "keyword"},
        "editor": {"type": "keyword"},
        "section": {"type": "keyword"},
        "tags": {"type": "keyword"},
        "language": {"type": "keyword"},
        "description": {"type": "text", "analyzer": "indonesian"},
        "image": {"type": "keyword", "index": False},
        "image_caption": {"type": "text", "analyzer": "indonesian"},
        "pages": {"type": "integer"},
        "next_page_url": {"type": "keyword", "index": False},
        "updated": {"type": "date"},
        "published": {"type": "date"},
        "published_source": {"type": "keyword"},
        # How the page was read (issue 13): whose wording the title is, which extractor gave the body
        # and how sure it was, and the dateline with its place's span in the body (for enrichment).
        "title_source": {"type": "keyword"},
        "extractor": {"type": "keyword"},
        "confidence": {"type": "float"},
        "dateline": {
            "properties": {
                "text": {"type": "keyword", "index": False},
                "place": {"type": "keyword"},
                "agency": {"type": "keyword"},
                "place_start": {"type": "integer", "index": False},
                "place_end": {"type": "integer", "index": False},
            },
        },
        "ingested": {"type": "date"},
        "extractor_version": {"type": "keyword"},
        "officials": {
            "type": "nested",
            "properties": {
                "key": {"type": "keyword"},
                "name": {"type": "text", "analyzer": "standard"},
                "rank": {"type": "keyword"},
                "position": {"type": "keyword"},
                "jurisdiction": {"type": "keyword"},
                "former": {"type": "boolean"},
                "public": {"type": "boolean"},
                "mentions": {"type": "integer"},
            },
        },
        "regions": {
            "properties": {
                "role": {"type": "keyword"},  # "dateline" or "mentioned"
                "name": {"type": "keyword"},
                "canonical": {"type": "keyword"},
                "level": {"type": "keyword"},
                "code": {"type": "keyword"},
                "path": {"type": "keyword"},
            },
        },
        # Every named person: the fullest written name, the canonical one (alias table) and where each
        # mention is in the body ([start, end) pairs, flattened by OpenSearch; kept for display only).
        "persons": {
            "properties": {
                "name": {"type": "text", "analyzer": "standard"},
                "canonical": {
                    "type": "text",
                    "analyzer": "standard",
                    "fields": {"exact": {"type": "keyword", "ignore_above": 256}},
                },
                "mentions": {"type": "integer", "index": False},
            },
        },
        "organizations": {
            "properties": {
                "name": {"type": "keyword"},
                "canonical": {"type": "keyword"},
                "abbreviation": {"type": "keyword"},
            },
        },
        "dates": {
            "properties": {
                "text": {"type": "keyword", "index": False},
                "date": {"type": "date", "format": "strict_date"},
                "approximate": {"type": "boolean"},
            },
        },
        # Attributed quotes (warta.enrich.quotes), nested so that a search for words *and* a speaker
        # finds them in the same quote; `GET /quotes` returns the matching ones (warta.quote_search).
        "quotes": {
            "type": "nested",
            "properties": {
                "text": _text(),
                "kind": {"type": "keyword"},
                "speaker": {
                    "properties": {
                        "name": {"type": "keyword"},
                        "canonical": {
                            **_facet(),
                            "fields": {
                                **_facet()["fields"],
                                "text": {"type": "text", "analyzer": "standard"},
                            },
                        },
                    }
                },
                "speaker_role": {"type": "keyword"},
                "cue": {"type": "keyword"},
                "start": {"type": "integer", "index": False},
                "end": {"type": "integer", "index": False},
            },
        },
        # Flat facet fields: one keyword per value, so filters and aggregations stay simple and fast.
        # `official_position` is "name|position": "this official, in this position" as one term
        # (docs/decisions.md). `region` holds every level of every region's path; `region_pair` holds
        # "province|region" for regions below a province, to count the region tree.
        "facet": {"properties": {name: _facet() for name in facets.FIELDS}},
        # Story clusters (warta.stories): the story's id (its first document's id), the MinHash LSH band
        # keys that find earlier copies, and the signature that confirms them (kept, not indexed).
        "story_id": {"type": "keyword"},
        "story_bands": {"type": "keyword", "doc_values": False},
        "story_signature": {"type": "keyword", "index": False, "doc_values": False},
    },
}

# Fields held in nested documents: a root-level query never reaches them (only a `nested` query does).
NESTED_FIELDS = frozenset(
    name for name, spec in MAPPINGS["properties"].items() if spec.get("type") == "nested"
)

SETTINGS: dict[str, Any] = {
    "number_of_shards": 1,
    "number_of_replicas": 0,
    "analysis": {
        "normalizer": {"facet": {"type": "custom", "filter": ["lowercase", "asciifolding"]}},
    },
}


def index_template(alias: str = INDEX_PREFIX) -> dict[str, Any]:
    return {
        "index_patterns": [f"{alias}-v*"],
        "priority": 100,
        "template": {"settings": SETTINGS, "mappings": MAPPINGS},
    }
