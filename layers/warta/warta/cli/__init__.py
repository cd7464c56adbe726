"""`warta`: a thin command line over the library and the local stack, one module per group of commands."""

from __future__ import annotations

import click

from .alerts import alerts
from .articles import extract
from .dashboards import dashboards
from .export import export
from .operations import dlq, failures, index, reconcile
from .stack import demo, drop, local, search
from .stories import stories


@click.group()
@click.version_option(package_name="warta")
def main() -> None:
    """Warta: Indonesian news pages in, searchable officials, regions, organizations and dates out."""


for command in (
    local,
    drop,
    search,
    demo,
    extract,
    export,
    index,
    dlq,
    reconcile,
    failures,
    dashboards,
    alerts,
    stories,
):
    main.add_command(command)
