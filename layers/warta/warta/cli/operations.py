"""Operating the pipeline: the index and its migration, the dead-letter queue, reconciliation, failures."""

from __future__ import annotations

import sys

import click

from ._common import aws_client, index_client, required, stack_env


@click.group()
def index() -> None:
    """The OpenSearch index: status and zero-downtime migration."""


@index.command("status")
def index_status() -> None:
    """Which index the aliases point at, and how many documents it holds."""
    from ..index.mapping import write_alias

    client, alias = index_client()
    for name in (alias, write_alias(alias)):
        targets = sorted(client.indices.get_alias(name=name))
        click.echo(f"{name:28} -> {', '.join(targets)}")
    click.echo(f"documents: {client.count(index=alias)['count']}")


@index.command("migrate")
@click.option("--delete-old", is_flag=True, help="delete the previous index once the aliases moved")
def index_migrate(delete_old: bool) -> None:
    """Reindex into a new index with the current mapping, then swap the aliases; no downtime."""
    from ..index.setup import migrate

    client, alias = index_client()
    total = client.count(index=alias)["count"]
    with click.progressbar(length=total, label="copying", file=sys.stderr) as bar:
        done = [0]

        def advance(copied: int) -> None:
            bar.update(copied - done[0])
            done[0] = copied

        old, new = migrate(client, alias, delete_old=delete_old, progress=advance)
    click.echo(
        f"{alias}: {old} -> {new} ({done[0]} documents copied{', old index deleted' if delete_old else ''})"
    )


@click.group()
def dlq() -> None:
    """The dead-letter queue: messages that could not be processed, with their reason."""


@dlq.command("list")
@click.option("--limit", default=100, show_default=True, type=int)
def dlq_list(limit: int) -> None:
    """Show what is in the DLQ (the messages stay there)."""
    from ..dlq import peek

    env = stack_env()
    letters = peek(aws_client("sqs", env), required(env, "WARTA_DLQ_URL", "DLQ"), limit)
    click.echo(f"{len(letters)} message(s) in the dead-letter queue")
    for letter in letters:
        click.echo(
            f"  {letter.message_id}  {', '.join(letter.keys) or '(no S3 keys)'}\n      reason: {letter.reason}"
        )


@dlq.command("replay")
@click.option("--limit", default=10_000, show_default=True, type=int)
def dlq_replay(limit: int) -> None:
    """Send the DLQ's messages back to the ingest queue, once the cause is fixed."""
    from ..dlq import replay

    env = stack_env()
    moved = replay(
        aws_client("sqs", env),
        required(env, "WARTA_DLQ_URL", "DLQ"),
        required(env, "WARTA_QUEUE_URL", "queue"),
        limit,
    )
    click.echo(f"replayed {moved} message(s)")


@click.command()
@click.option("--prefix", default="", help="only keys under this prefix")
@click.option("--dry-run", is_flag=True, help="report what would change, change nothing")
@click.option("--bucket", default=None, help="default: the local stack's bucket")
def reconcile(prefix: str, dry_run: bool, bucket: str | None) -> None:
    """Compare the bucket with the index: re-enqueue what is missing or stale, delete orphans."""
    from .. import reconcile as rec

    env = stack_env()
    bucket = bucket or required(env, "WARTA_BUCKET", "bucket")
    client, alias = index_client(env)
    click.echo(f"listing s3://{bucket}/{prefix} and the index ...", err=True)
    result = rec.survey(aws_client("s3", env), client, bucket=bucket, alias=alias, prefix=prefix)
    summary = result.summary()
    click.echo("  ".join(f"{name}: {count}" for name, count in summary.items()))
    if dry_run:
        for label, keys in (("missing", result.missing), ("stale", result.stale), ("orphan", result.orphans)):
            for key in keys[:50]:
                click.echo(f"  would fix ({label}): {key}")
        return
    work = len(result.missing) + len(result.stale) + len(result.orphans)
    with click.progressbar(length=work, label="reconciling", file=sys.stderr) as bar:
        rec.apply(
            result,
            bucket=bucket,
            sqs=aws_client("sqs", env),
            queue_url=required(env, "WARTA_QUEUE_URL", "queue"),
            client=client,
            alias=alias,
            progress=bar.update,
        )
    click.echo(f"re-enqueued {len(result.missing) + len(result.stale)}, deleted {len(result.orphans)}")


@click.command()
@click.option("--size", default=50, show_default=True, type=int)
def failures(size: int) -> None:
    """List the files that could not be indexed, with their reason."""
    from ..index import failures as failure_records

    client, alias = index_client()
    current, read = failure_records.current(client, alias, size)
    click.echo(
        f"{len(current)} file(s) not indexed"
        + (f" (of the {size} most recent records)" if read == size else "")
    )
    for record in current:
        click.echo(f"  s3://{record['bucket']}/{record['key']}  {record['reason']}: {record['detail']}")
