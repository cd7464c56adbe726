"""`warta export`: every hit of a search to a file (or stdout), CSV or JSON lines, with a progress bar.
Talks to OpenSearch directly with the library's `warta.export.stream` (a point in time, no cap)."""

from __future__ import annotations

import sys
from contextlib import nullcontext
from datetime import date
from pathlib import Path
from typing import Any

import click

from ._common import index_client


@click.command()
@click.argument("text", default="")
@click.option("--official", multiple=True)
@click.option("--position", multiple=True)
@click.option("--region", multiple=True, help="any level: a province also finds its cities")
@click.option("--organization", multiple=True)
@click.option("--site", multiple=True)
@click.option(
    "--from", "from_", default=None, type=click.DateTime(["%Y-%m-%d"]), help="published on or after"
)
@click.option("--to", default=None, type=click.DateTime(["%Y-%m-%d"]), help="published on or before")
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl"]), default="csv", show_default=True)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="file to write (default: stdout)",
)
def export(
    text: str,
    official: tuple[str, ...],
    position: tuple[str, ...],
    region: tuple[str, ...],
    organization: tuple[str, ...],
    site: tuple[str, ...],
    from_: Any,
    to: Any,
    fmt: str,
    output: Path | None,
) -> None:
    """Export every article matching a search, with entity and provenance columns."""
    from ..export import stream, write_rows
    from ..index.query import SearchRequest

    filters = {
        name: values
        for name, values in (
            ("official", official),
            ("position", position),
            ("region", region),
            ("organization", organization),
            ("site", site),
        )
        if values
    }
    request = SearchRequest(text=text, filters=filters, published_from=_day(from_), published_to=_day(to))
    client, alias = index_client()
    target = output.open("w", encoding="utf-8", newline="") if output else nullcontext(sys.stdout)
    with target as out, click.progressbar(length=0, label="exporting", file=sys.stderr) as bar:

        def total(count: int) -> None:
            bar.length = count

        def counted(rows: Any) -> Any:
            for row in rows:
                yield row
                bar.update(1)

        rows = counted(stream(client, alias, request, on_total=total))
        written = write_rows(rows, "jsonl" if fmt == "jsonl" else "csv", out)
    click.echo(f"{written} rows", err=True)


def _day(value: Any) -> date | None:
    return value.date() if value is not None else None
