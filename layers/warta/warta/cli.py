"""`warta`: a thin command line over the library and the local stack."""

from __future__ import annotations

import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import asdict
from pathlib import Path
from typing import Any

import click

HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")


def _stack_env() -> dict[str, str]:
    """The running local stack's endpoints, overridden by the environment where set."""
    from .local.stack import StackConfig, read_state

    state = read_state(StackConfig().state_dir)
    env = state.environment() if state else {}
    for name in ("AWS_ENDPOINT_URL", "WARTA_OPENSEARCH_URL", "WARTA_API_URL", "WARTA_BUCKET", "WARTA_INDEX_ALIAS",
                 "WARTA_QUEUE_URL", "WARTA_DLQ_URL"):
        if os.environ.get(name):
            env[name] = os.environ[name]
    return env


@click.group()
@click.version_option(package_name="warta")
def main() -> None:
    """Warta: Indonesian news pages in, searchable officials, regions, organizations and dates out."""


@main.group()
def local() -> None:
    """Run the whole pipeline on this machine: OpenSearch, S3/SQS emulator, workers, search API."""


@local.command("up")
@click.option("--api-port", default=8000, show_default=True, type=int)
@click.option("--opensearch-port", default=9200, show_default=True, type=int)
@click.option("--emulator-port", default=5050, show_default=True, type=int)
@click.option("--workers", default=2, show_default=True, type=int, help="parallel ingest workers")
def local_up(api_port: int, opensearch_port: int, emulator_port: int, workers: int) -> None:
    """Start the local stack in the background; returns when it is ready."""
    from .local.stack import StackConfig, up

    state = up(StackConfig(api_port=api_port, opensearch_port=opensearch_port, emulator_port=emulator_port,
                           workers=workers), echo=lambda m: click.echo(m, err=True))
    click.echo(f"search API   {state.api_url}\nOpenSearch   {state.opensearch_url}\n"
               f"S3/SQS       {state.emulator_url} (bucket {state.bucket})\nlogs         {state.logs}")


@local.command("down")
def local_down() -> None:
    """Stop the local stack."""
    from .local.stack import down

    click.echo("stopped" if down() else "nothing was running")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--prefix", default="", help="key prefix in the bucket")
@click.option("--bucket", default=None, help="default: the local stack's bucket")
def drop(paths: tuple[Path, ...], prefix: str, bucket: str | None) -> None:
    """Upload HTML files, or folders of them, to the bucket."""
    env = _stack_env()
    bucket = bucket or env.get("WARTA_BUCKET")
    if not bucket:
        raise click.UsageError("no bucket: start the local stack (`make up`) or pass --bucket")
    files = _html_files(paths)
    if not files:
        raise click.UsageError("no .html files found")
    s3 = _aws_client("s3", env)
    with click.progressbar(files, label=f"uploading to s3://{bucket}/{prefix}", file=sys.stderr,
                           show_pos=True) as bar:
        for file in bar:
            extra = {"ContentType": "text/html"}
            if file.name.endswith(".gz"):
                extra["ContentEncoding"] = "gzip"
            s3.upload_file(str(file), bucket, prefix + file.name, ExtraArgs=extra)
    click.echo(f"dropped {len(files)} file(s)")


@main.command()
@click.argument("text", default="")
@click.option("--official", multiple=True)
@click.option("--region", multiple=True, help="any level: a province also finds its cities")
@click.option("--organization", multiple=True)
@click.option("--from", "from_", default=None, help="published on or after, YYYY-MM-DD")
@click.option("--to", default=None, help="published on or before, YYYY-MM-DD")
@click.option("--size", default=10, show_default=True, type=int)
@click.option("--json", "as_json", is_flag=True, help="print the API's JSON answer")
@click.option("--api", default=None, help="default: the local stack's search API")
def search(text: str, official: tuple[str, ...], region: tuple[str, ...], organization: tuple[str, ...],
           from_: str | None, to: str | None, size: int, as_json: bool, api: str | None) -> None:
    """Search the index through the search API."""
    api = api or _stack_env().get("WARTA_API_URL")
    if not api:
        raise click.UsageError("no API: start the local stack (`make up`) or pass --api")
    params: list[tuple[str, str]] = [("q", text), ("size", str(size))]
    params += [("official", v) for v in official] + [("region", v) for v in region]
    params += [("organization", v) for v in organization]
    params += [(k, v) for k, v in (("from", from_), ("to", to)) if v]
    result = _get_json(f"{api.rstrip('/')}/search?{urllib.parse.urlencode(params)}")
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    click.echo(f"{result['total']} article(s)")
    for hit in result["hits"]:
        click.echo(f"  {(hit.get('published') or '')[:10]}  {hit['title']}  [{hit.get('site') or ''}]")
        names = ", ".join(o["name"] for o in hit["officials"][:3])
        if names:
            click.echo(f"              officials: {names}")


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
def extract(files: tuple[Path, ...]) -> None:
    """Print each file's enriched article as one JSON line, without indexing it."""
    from .enrich import enrich
    from .parse import ParseError, parse_article

    for file in files:
        try:
            article = parse_article(file.read_bytes(), key=file.name)
        except ParseError as exc:
            click.echo(json.dumps({"file": str(file), "error": exc.reason, "detail": str(exc)}, ensure_ascii=False))
            continue
        click.echo(json.dumps({"file": str(file), **extraction_record(article, enrich(article))}, ensure_ascii=False))


def extraction_record(article: Any, entities: Any) -> dict[str, Any]:
    """The stable `warta extract` contract: later work adds fields and never renames these."""
    record = asdict(article)
    for name in ("published", "updated"):
        record[name] = record[name].isoformat() if record[name] else None
    record["authors"] = list(article.authors)
    record["officials"] = [asdict(o) for o in entities.officials]
    record["regions"] = [{"name": r.name, "canonical": r.canonical, "level": r.level, "code": r.code,
                          "path": list(r.path)} for r in entities.regions]
    record["organizations"] = [asdict(o) for o in entities.organizations]
    record["dates"] = [{"text": d.text, "date": d.date.isoformat(), "approximate": d.approximate}
                       for d in entities.dates]
    return record


@main.group()
def index() -> None:
    """The OpenSearch index: status and zero-downtime migration."""


def _index_client(env: dict[str, str] | None = None) -> tuple[Any, str]:
    """The OpenSearch client and read alias of the local stack, or of WARTA_OPENSEARCH_URL."""
    from .index.client import make_client
    from .settings import Settings

    settings = Settings.from_env(_stack_env() if env is None else env)
    return make_client(settings.opensearch_url, timeout=60), settings.index_alias


@index.command("status")
def index_status() -> None:
    """Which index the aliases point at, and how many documents it holds."""
    from .index.mapping import write_alias

    client, alias = _index_client()
    for name in (alias, write_alias(alias)):
        targets = sorted(client.indices.get_alias(name=name))
        click.echo(f"{name:28} -> {', '.join(targets)}")
    click.echo(f"documents: {client.count(index=alias)['count']}")


@index.command("migrate")
@click.option("--delete-old", is_flag=True, help="delete the previous index once the aliases moved")
def index_migrate(delete_old: bool) -> None:
    """Reindex into a new index with the current mapping, then swap the aliases; no downtime."""
    from .index.setup import migrate

    client, alias = _index_client()
    total = client.count(index=alias)["count"]
    with click.progressbar(length=total, label="copying", file=sys.stderr) as bar:
        done = [0]

        def advance(copied: int) -> None:
            bar.update(copied - done[0])
            done[0] = copied

        old, new = migrate(client, alias, delete_old=delete_old, progress=advance)
    click.echo(f"{alias}: {old} -> {new} ({done[0]} documents copied{', old index deleted' if delete_old else ''})")


def _aws_client(service: str, env: dict[str, str]) -> Any:
    import boto3

    local = {"region_name": "us-east-1", "aws_access_key_id": env["AWS_ACCESS_KEY_ID"],
             "aws_secret_access_key": env["AWS_SECRET_ACCESS_KEY"]} if "AWS_ACCESS_KEY_ID" in env else {}
    return boto3.client(service, endpoint_url=env.get("AWS_ENDPOINT_URL"), **local)


def _required(env: dict[str, str], name: str, flag: str) -> str:
    if not env.get(name):
        raise click.UsageError(f"no {flag}: start the local stack (`make up`) or set {name}")
    return env[name]


@main.group()
def dashboards() -> None:
    """OpenSearch Dashboards: the saved objects in dashboards/*.ndjson."""


@dashboards.command("import")
@click.option("--url", required=True, help="Dashboards' base URL, e.g. https://HOST/_dashboards")
@click.option("--file", "files", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="NDJSON to import; repeatable (default: every dashboards/*.ndjson)")
@click.option("--auth", "auth_kind", type=click.Choice(["auto", "none", "basic", "sigv4"]), default="auto",
              show_default=True, help="auto: SigV4 for Amazon OpenSearch Service hosts, basic with --user, else none")
@click.option("--user", default=None, help="basic auth user")
@click.option("--password", default=None, envvar="WARTA_DASHBOARDS_PASSWORD", help="basic auth password")
@click.option("--region", default=None, help="for SigV4 (default: from the host name, else the AWS profile)")
@click.option("--index-pattern", default=None, help="index or alias the index pattern reads (default: warta-articles)")
def dashboards_import(url: str, files: tuple[Path, ...], auth_kind: str, user: str | None, password: str | None,
                      region: str | None, index_pattern: str | None) -> None:
    """Import the index pattern, saved search, visualizations and dashboard (overwriting older copies)."""
    from .dashboards import (
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
    click.echo(f"imported {answer.get('successCount', 0)} saved objects from {len(chosen)} file(s) into {url}")


@main.group()
def dlq() -> None:
    """The dead-letter queue: messages that could not be processed, with their reason."""


@dlq.command("list")
@click.option("--limit", default=100, show_default=True, type=int)
def dlq_list(limit: int) -> None:
    """Show what is in the DLQ (the messages stay there)."""
    from .dlq import peek

    env = _stack_env()
    letters = peek(_aws_client("sqs", env), _required(env, "WARTA_DLQ_URL", "DLQ"), limit)
    click.echo(f"{len(letters)} message(s) in the dead-letter queue")
    for letter in letters:
        click.echo(f"  {letter.message_id}  {', '.join(letter.keys) or '(no S3 keys)'}\n      reason: {letter.reason}")


@dlq.command("replay")
@click.option("--limit", default=10_000, show_default=True, type=int)
def dlq_replay(limit: int) -> None:
    """Send the DLQ's messages back to the ingest queue, once the cause is fixed."""
    from .dlq import replay

    env = _stack_env()
    moved = replay(_aws_client("sqs", env), _required(env, "WARTA_DLQ_URL", "DLQ"),
                   _required(env, "WARTA_QUEUE_URL", "queue"), limit)
    click.echo(f"replayed {moved} message(s)")


@main.command()
@click.option("--prefix", default="", help="only keys under this prefix")
@click.option("--dry-run", is_flag=True, help="report what would change, change nothing")
@click.option("--bucket", default=None, help="default: the local stack's bucket")
def reconcile(prefix: str, dry_run: bool, bucket: str | None) -> None:
    """Compare the bucket with the index: re-enqueue what is missing or stale, delete orphans."""
    from . import reconcile as rec
    from .index.setup import failures_index

    env = _stack_env()
    bucket = bucket or _required(env, "WARTA_BUCKET", "bucket")
    client, alias = _index_client(env)
    click.echo(f"listing s3://{bucket}/{prefix} and the index ...", err=True)
    result = rec.plan(rec.list_objects(_aws_client("s3", env), bucket, prefix),
                      rec.indexed_etags(client, alias, bucket, prefix),
                      rec.indexed_etags(client, failures_index(alias), bucket, prefix))
    summary = result.summary()
    click.echo("  ".join(f"{name}: {count}" for name, count in summary.items()))
    if dry_run:
        for label, keys in (("missing", result.missing), ("stale", result.stale), ("orphan", result.orphans)):
            for key in keys[:50]:
                click.echo(f"  would fix ({label}): {key}")
        return
    work = len(result.missing) + len(result.stale) + len(result.orphans)
    with click.progressbar(length=work, label="reconciling", file=sys.stderr) as bar:
        rec.apply(result, bucket=bucket, sqs=_aws_client("sqs", env), queue_url=_required(env, "WARTA_QUEUE_URL", "queue"),
                  client=client, alias=alias, progress=bar.update)
    click.echo(f"re-enqueued {len(result.missing) + len(result.stale)}, deleted {len(result.orphans)}")


@main.command()
@click.option("--size", default=50, show_default=True, type=int)
def failures(size: int) -> None:
    """List the files that could not be indexed, with their reason."""
    from .index.setup import failures_index

    client, alias = _index_client()
    result = client.search(index=failures_index(alias), body={"size": size, "sort": [{"at": "desc"}]})
    hits = result["hits"]["hits"]
    # A key fixed since (uploaded again, indexed fine) keeps its old record: hide those.
    indexed = {d["_id"] for d in client.mget(index=alias, body={"ids": [h["_id"] for h in hits]}, _source=False)["docs"]
               if d.get("found")} if hits else set()
    current = [h["_source"] for h in hits if h["_id"] not in indexed]
    click.echo(f"{len(current)} file(s) not indexed" + (f" (of the {size} most recent records)" if len(hits) == size else ""))
    for record in current:
        click.echo(f"  s3://{record['bucket']}/{record['key']}  {record['reason']}: {record['detail']}")


def _html_files(paths: tuple[Path, ...]) -> list[Path]:
    return [f for p in paths for f in ([p] if p.is_file() else sorted(p.rglob("*")))
            if f.is_file() and f.name.lower().endswith(HTML_SUFFIXES)]


def _exists(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=10):
            return True
    except urllib.error.HTTPError:
        return False


def _get_json(url: str) -> dict[str, Any]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return json.loads(response.read())
    except urllib.error.HTTPError as exc:
        raise click.ClickException(f"{exc.code}: {exc.read().decode(errors='replace')[:500]}") from exc
    except urllib.error.URLError as exc:
        raise click.ClickException(f"cannot reach {url}: {exc.reason}") from exc


DEMO_SEARCHES = (
    ("by official", {"official": "Putut Eko Bayu Seno"}),
    ("by region (a province finds articles naming only one of its cities)", {"region": "Sulawesi Tengah"}),
    ("by publication date", {"from": "2012-10-01", "to": "2013-03-31"}),
)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--timeout", default=60, show_default=True, type=int, help="seconds to wait for indexing")
@click.pass_context
def demo(ctx: click.Context, paths: tuple[Path, ...], timeout: int) -> None:
    """Drop pages into the local stack, wait until they are searchable, run example searches."""
    import time

    env = _stack_env()
    api = env.get("WARTA_API_URL")
    if not api:
        raise click.UsageError("start the local stack first: `warta local up`")
    from .index.documents import document_id

    files = _html_files(paths)
    ctx.invoke(drop, paths=paths, prefix="demo/", bucket=None)
    waiting = {document_id(env["WARTA_BUCKET"], f"demo/{f.name}") for f in files}
    deadline = time.monotonic() + timeout
    while waiting and time.monotonic() < deadline:
        waiting = {doc_id for doc_id in waiting if not _exists(f"{api}/documents/{doc_id}")}
        time.sleep(0.3)
    if waiting:
        click.echo(f"{len(waiting)} page(s) not searchable after {timeout} s: see `warta failures`", err=True)
    # A document can be fetched by id as soon as it is written; searches see it after the index's next
    # refresh (every second by default).
    time.sleep(1.5)
    total = _get_json(f"{api}/search?size=0")["total"]
    click.echo(f"\n{len(files) - len(waiting)} of {len(files)} page(s) searchable; {total} article(s) in all "
               f"at {api}/search\n")
    for label, params in DEMO_SEARCHES:
        query = urllib.parse.urlencode(params)
        result = _get_json(f"{api}/search?{query}")
        click.echo(f"$ curl '{api}/search?{query}'   # {label}")
        click.echo(f"  {result['total']} article(s)")
        for hit in result["hits"][:5]:
            click.echo(f"    {(hit.get('published') or '')[:10]}  {hit['title']}")
        click.echo("")
    click.echo("Try: warta search \"banjir\" --region \"Jawa Barat\"   ·   make down to stop")
