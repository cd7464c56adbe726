"""Index layout: a template for versioned indices behind a read alias and a write alias."""

from __future__ import annotations

from typing import Any

INDEX_PREFIX = "warta-articles"
TEMPLATE_NAME = "warta-articles"
SCHEMA_VERSION = 1


def index_name(alias: str = INDEX_PREFIX, version: int = SCHEMA_VERSION) -> str:
    return f"{alias}-v{version}"


def write_alias(alias: str = INDEX_PREFIX) -> str:
    return f"{alias}-write"


def _text() -> dict[str, Any]:
    # Stemmed Indonesian for recall; `exact` keeps the words as written, because the Indonesian
    # stemmer also strips affixes from names ("Putut" -> "utut" style damage).
    return {"type": "text", "analyzer": "indonesian",
            "fields": {"exact": {"type": "text", "analyzer": "standard"}}}


def _facet() -> dict[str, Any]:
    return {"type": "keyword", "normalizer": "facet", "ignore_above": 256}


MAPPINGS: dict[str, Any] = {
    "dynamic": "strict",
    "properties": {
        "bucket": {"type": "keyword"},
        "key": {"type": "keyword"},
        "etag": {"type": "keyword"},
        "url": {"type": "keyword"},
        "site": {"type": "keyword"},
        "title": _text(),
        "body": _text(),
        "authors": {"type": "keyword"},
        "published": {"type": "date"},
        "published_source": {"type": "keyword"},
        "ingested": {"type": "date"},
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
                "name": {"type": "keyword"},
                "canonical": {"type": "keyword"},
                "level": {"type": "keyword"},
                "code": {"type": "keyword"},
                "path": {"type": "keyword"},
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
        # Flat facet fields: one normalised keyword per value, so filters and aggregations stay simple
        # and fast. `region` holds every level of every region's path.
        "facet": {
            "properties": {
                "official": _facet(),
                "position": _facet(),
                "region": _facet(),
                "province": _facet(),
                "organization": _facet(),
                "site": _facet(),
            },
        },
    },
}

SETTINGS: dict[str, Any] = {
    "number_of_shards": 1,
    "number_of_replicas": 0,
    "analysis": {
        "normalizer": {"facet": {"type": "custom", "filter": ["lowercase", "asciifolding"]}},
    },
}


def index_template(alias: str = INDEX_PREFIX) -> dict[str, Any]:
    return {"index_patterns": [f"{alias}-v*"], "priority": 100,
            "template": {"settings": SETTINGS, "mappings": MAPPINGS}}
