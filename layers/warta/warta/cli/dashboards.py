"""`warta dashboards import`: the saved objects for OpenSearch Dashboards."""

from __future__ import annotations

from pathlib import Path

import click


@click.group()
def dashboards() -> None:
    """OpenSearch Dashboards: the saved objects in dashboards/*.ndjson."""


@dashboards.command("import")
@click.option("--url", required=True, help="Dashboards' base URL, e.g. https://HOST/_dashboards")
@click.option(
    "--file",
    "files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="NDJSON to import; repeatable (default: every dashboards/*.ndjson)",
)
@click.option(
    "--auth",
    "auth_kind",
    type=click.Choice(["auto", "none", "basic", "sigv4"]),
    default="auto",
    show_default=True,
    help="auto: SigV4 for Amazon OpenSearch Service hosts, basic with --user, else none",
)
@click.option("--user", default=None, help="basic auth user")
@click.option("--password", default=None, envvar="WARTA_DASHBOARDS_PASSWORD", help="basic auth password")
@click.option("--region", default=None, help="for SigV4 (default: from the host name, else the AWS profile)")
@click.option(
    "--index-pattern", default=None, help="index or alias the index pattern reads (default: warta-articles)"
)
def dashboards_import(
    url: str,
    files: tuple[Path, ...],
    auth_kind: str,
    user: str | None,
    password: str | None,
    region: str | None,
    index_pattern: str | None,
) -> None:
    """Import the index pattern, saved search, visualizations and dashboard (overwriting older copies)."""
    from ..dashboards import (
        BasicAuth,
        DashboardsError,
        SigV4,
        aws_region,
        import_saved_objects,
        read_objects,
        saved_object_files,
    )

    chosen = list(files) or saved_object_files()
    if not chosen:
        raise click.UsageError("no saved objects: pass --file")
    kind = auth_kind
    if kind == "auto":
        kind = "sigv4" if aws_region(url) else "basic" if user else "none"
    auth: BasicAuth | SigV4 | None = None
    if kind == "basic":
        if not user or password is None:
            raise click.UsageError("basic auth needs --user and --password (or WARTA_DASHBOARDS_PASSWORD)")
        auth = BasicAuth(user, password)
    elif kind == "sigv4":
        import boto3

        session = boto3.session.Session()
        credentials = session.get_credentials()
        signing_region = region or aws_region(url) or session.region_name
        if credentials is None or not signing_region:
            raise click.UsageError("SigV4 needs AWS credentials and a region (--region)")
        auth = SigV4(credentials.get_frozen_credentials(), signing_region)
    try:
        answer = import_saved_objects(url, read_objects(chosen, index_pattern), auth=auth)
    except DashboardsError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(
        f"imported {answer.get('successCount', 0)} saved objects from {len(chosen)} file(s) into {url}"
    )
