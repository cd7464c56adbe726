"""`warta stories`: story clusters in an index that already holds documents."""

from __future__ import annotations

import sys

import click

from ._common import index_client


@click.group()
def stories() -> None:
    """Story clusters: copies of one story share a story id."""


@stories.command("backfill")
def stories_backfill() -> None:
    """Give a story to every document indexed before stories existed (idempotent, resumable)."""
    from ..index.story_backfill import backfill

    client, alias = index_client()
    with click.progressbar(length=0, label="assigning stories", file=sys.stderr) as bar:

        def total(count: int) -> None:
            bar.length = count

        done = backfill(client, alias, on_total=total, on_page=bar.update)
    click.echo(
        f"{done.walked} documents without a story: {done.copies} joined a copy's story, "
        f"{done.changed_meanwhile} changed meanwhile (left to ingest), "
        f"{done.moved} documents of newer stories moved into older ones"
    )
