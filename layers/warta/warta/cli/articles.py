"""`warta extract`: what the pipeline reads from pages, without indexing them."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

import click


@click.command()
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
def extract(files: tuple[Path, ...]) -> None:
    """Print each file's enriched article as one JSON line, without indexing it."""
    from ..enrich import enrich
    from ..parse import ParseError, parse_article

    for file in files:
        try:
            article = parse_article(file.read_bytes(), key=file.name)
        except ParseError as exc:
            click.echo(
                json.dumps({"file": str(file), "error": exc.reason, "detail": str(exc)}, ensure_ascii=False)
            )
            continue
        click.echo(
            json.dumps({"file": str(file), **extraction_record(article, enrich(article))}, ensure_ascii=False)
        )


def extraction_record(article: Any, entities: Any) -> dict[str, Any]:
    """The stable `warta extract` contract: later work adds fields and never renames these."""
    from ..index.documents import entity_fields

    record = asdict(article)
    for name in ("published", "updated"):
        record[name] = record[name].isoformat() if record[name] else None
    record["authors"] = list(article.authors)
    record.update(entity_fields(entities))
    return record
