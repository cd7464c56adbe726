"""The local stack, and what a user does with it: start and stop it, drop pages, search, the demo."""

from __future__ import annotations

import json
import sys
import urllib.parse
from pathlib import Path

import click

from ._common import aws_client, exists, get_json, html_files, stack_env


@click.group()
def local() -> None:
    """Run the whole pipeline on this machine: OpenSearch, S3/SQS emulator, workers, search API."""


@local.command("up")
@click.option("--api-port", default=8000, show_default=True, type=int)
@click.option("--opensearch-port", default=9200, show_default=True, type=int)
@click.option("--emulator-port", default=5050, show_default=True, type=int)
@click.option("--workers", default=2, show_default=True, type=int, help="parallel ingest workers")
def local_up(api_port: int, opensearch_port: int, emulator_port: int, workers: int) -> None:
    """Start the local stack in the background; returns when it is ready."""
    from ..local.stack import StackConfig, up

    state = up(
        StackConfig(
            api_port=api_port, opensearch_port=opensearch_port, emulator_port=emulator_port, workers=workers
        ),
        echo=lambda m: click.echo(m, err=True),
    )
    click.echo(
        f"search API   {state.api_url}\nOpenSearch   {state.opensearch_url}\n"
        f"S3/SQS       {state.emulator_url} (bucket {state.bucket})\nlogs         {state.logs}"
    )


@local.command("down")
def local_down() -> None:
    """Stop the local stack."""
    from ..local.stack import down

    click.echo("stopped" if down() else "nothing was running")


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--prefix", default="", help="key prefix in the bucket")
@click.option("--bucket", default=None, help="default: the local stack's bucket")
def drop(paths: tuple[Path, ...], prefix: str, bucket: str | None) -> None:
    """Upload HTML files, or folders of them, to the bucket."""
    env = stack_env()
    bucket = bucket or env.get("WARTA_BUCKET")
    if not bucket:
        raise click.UsageError("no bucket: start the local stack (`make up`) or pass --bucket")
    files = html_files(paths)
    if not files:
        raise click.UsageError("no .html files found")
    s3 = aws_client("s3", env)
    with click.progressbar(
        files, label=f"uploading to s3://{bucket}/{prefix}", file=sys.stderr, show_pos=True
    ) as bar:
        for file in bar:
            extra = {"ContentType": "text/html"}
            if file.name.endswith(".gz"):
                extra["ContentEncoding"] = "gzip"
            s3.upload_file(str(file), bucket, prefix + file.name, ExtraArgs=extra)
    click.echo(f"dropped {len(files)} file(s)")


@click.command()
@click.argument("text", default="")
@click.option("--official", multiple=True)
@click.option("--region", multiple=True, help="any level: a province also finds its cities")
@click.option("--organization", multiple=True)
@click.option("--from", "from_", default=None, help="published on or after, YYYY-MM-DD")
@click.option("--to", default=None, help="published on or before, YYYY-MM-DD")
@click.option("--size", default=10, show_default=True, type=int)
@click.option("--json", "as_json", is_flag=True, help="print the API's JSON answer")
@click.option("--api", default=None, help="default: the local stack's search API")
def search(
    text: str,
    official: tuple[str, ...],
    region: tuple[str, ...],
    organization: tuple[str, ...],
    from_: str | None,
    to: str | None,
    size: int,
    as_json: bool,
    api: str | None,
) -> None:
    """Search the index through the search API."""
    api = api or stack_env().get("WARTA_API_URL")
    if not api:
        raise click.UsageError("no API: start the local stack (`make up`) or pass --api")
    params: list[tuple[str, str]] = [("q", text), ("size", str(size))]
    params += [("official", v) for v in official] + [("region", v) for v in region]
    params += [("organization", v) for v in organization]
    params += [(k, v) for k, v in (("from", from_), ("to", to)) if v]
    result = get_json(f"{api.rstrip('/')}/search?{urllib.parse.urlencode(params)}")
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    click.echo(f"{result['total']} article(s)")
    for hit in result["hits"]:
        click.echo(f"  {(hit.get('published') or '')[:10]}  {hit['title']}  [{hit.get('site') or ''}]")
        names = ", ".join(o["name"] for o in hit["officials"][:3])
        if names:
            click.echo(f"              officials: {names}")


DEMO_SEARCHES = (
    ("by official", {"official": "Putut Eko Bayu Seno"}),
    ("by region (a province finds articles naming only one of its cities)", {"region": "Sulawesi Tengah"}),
    ("by publication date", {"from": "2012-10-01", "to": "2013-03-31"}),
)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--timeout", default=60, show_default=True, type=int, help="seconds to wait for indexing")
@click.pass_context
def demo(ctx: click.Context, paths: tuple[Path, ...], timeout: int) -> None:
    """Drop pages into the local stack, wait until they are searchable, run example searches."""
    import time

    env = stack_env()
    api = env.get("WARTA_API_URL")
    if not api:
        raise click.UsageError("start the local stack first: `warta local up`")
    from ..index.documents import document_id

    files = html_files(paths)
    ctx.invoke(drop, paths=paths, prefix="demo/", bucket=None)
    waiting = {document_id(env["WARTA_BUCKET"], f"demo/{f.name}") for f in files}
    deadline = time.monotonic() + timeout
    while waiting and time.monotonic() < deadline:
        waiting = {doc_id for doc_id in waiting if not exists(f"{api}/documents/{doc_id}")}
        time.sleep(0.3)
    if waiting:
        click.echo(f"{len(waiting)} page(s) not searchable after {timeout} s: see `warta failures`", err=True)
    # A document can be fetched by id as soon as it is written; searches see it after the index's next
    # refresh (every second by default).
    time.sleep(1.5)
    total = get_json(f"{api}/search?size=0")["total"]
    click.echo(
        f"\n{len(files) - len(waiting)} of {len(files)} page(s) searchable; {total} article(s) in all "
        f"at {api}/search\n"
    )
    for label, params in DEMO_SEARCHES:
        query = urllib.parse.urlencode(params)
        result = get_json(f"{api}/search?{query}")
        click.echo(f"$ curl '{api}/search?{query}'   # {label}")
        click.echo(f"  {result['total']} article(s)")
        for hit in result["hits"][:5]:
            click.echo(f"    {(hit.get('published') or '')[:10]}  {hit['title']}")
        click.echo("")
    click.echo('Try: warta search "banjir" --region "Jawa Barat"   ·   make down to stop')
