"""From an enriched article to the JSON document stored in OpenSearch."""

from __future__ import annotations

import hashlib
from dataclasses import asdict
from datetime import datetime
from typing import Any

from .. import __version__
from ..enrich.model import Entities
from ..parse.article import Article
from ..stories import fingerprint


def document_id(bucket: str, key: str) -> str:
    """Deterministic, so a redelivered event overwrites rather than duplicates. `key` must already be
    URL-decoded (S3 events encode it)."""
    return hashlib.sha256(f"{bucket}\x00{key}".encode()).hexdigest()[:40]


def build_document(
    *,
    bucket: str,
    key: str,
    article: Article,
    entities: Entities,
    ingested: datetime,
    etag: str | None = None,
) -> dict[str, Any]:
    story = fingerprint(article.body)
    return {
        "id": document_id(bucket, key),
        "bucket": bucket,
        "key": key,
        "etag": etag,
        "url": article.url,
        "site": article.site,
        "title": article.title,
        "body": article.body,
        "authors": list(article.authors),
        "editor": article.editor,
        "section": article.section,
        "tags": list(article.tags),
        "language": article.language,
        "description": article.description,
        "image": article.image,
        "image_caption": article.image_caption,
        "pages": article.pages,
        "next_page_url": article.next_page_url,
        "updated": article.updated.isoformat() if article.updated else None,
        "published": article.published.isoformat() if article.published else None,
        "published_source": article.published_source,
        "title_source": article.title_source,
        "extractor": article.extractor,
        "confidence": article.confidence,
        "dateline": asdict(article.dateline) if article.dateline else None,
        "ingested": ingested.isoformat(),
        "extractor_version": __version__,  # which code read the page (provenance for exports)
        **entity_fields(entities),
        "facet": facets(article, entities),
        # Its own story until `warta.stories.assign_documents` finds an earlier copy at ingest.
        "story_id": document_id(bucket, key),
        "story_bands": story.bands(),
        "story_signature": story.encode(),
    }


def entity_fields(entities: Entities) -> dict[str, list[dict[str, Any]]]:
    """The entities as JSON, one list per kind: the stored document's and `warta extract`'s shape."""
    return {
        "officials": [asdict(o) for o in entities.officials],
        "regions": [
            {
                "name": r.name,
                "canonical": r.canonical,
                "level": r.level,
                "code": r.code,
                "path": list(r.path),
                "role": r.role,
            }
            for r in entities.regions
        ],
        "persons": [
            {"name": p.name, "canonical": p.canonical, "mentions": [list(m) for m in p.mentions]}
            for p in entities.persons
        ],
        "organizations": [asdict(o) for o in entities.organizations],
        "dates": [
            {"text": d.text, "date": d.date.isoformat(), "approximate": d.approximate} for d in entities.dates
        ],
        "quotes": [asdict(q) for q in entities.quotes],
    }


def facets(article: Article, entities: Entities) -> dict[str, list[str]]:
    public = [o for o in entities.officials if o.public]
    return {
        "official": sorted({o.key for o in public}),
        "position": sorted({o.position for o in public if o.position}),
        "official_position": sorted({f"{o.key}|{o.position}" for o in public if o.position}),
        "region": sorted({name for r in entities.regions for name in r.path}),
        "province": sorted({r.path[0] for r in entities.regions if r.path}),
        "region_pair": sorted({f"{r.path[0]}|{r.canonical}" for r in entities.regions if len(r.path) > 1}),
        "organization": sorted({o.canonical for o in entities.organizations}),
        "site": [article.site] if article.site else [],
        # who is quoted, by the fullest name the article gives (unnamed speakers are no facet value)
        "speaker": sorted({q.speaker.canonical for q in entities.quotes if q.speaker}),
        # canonical names: "Jokowi" and "Joko Widodo" count as one person
        "person": sorted({p.canonical for p in entities.persons}),
        # regions the story is about, without the dateline's place (which `region` also counts)
        "region_mentioned": sorted(
            {name for r in entities.regions if r.role == "mentioned" for name in r.path}
        ),
    }
