"""Saved searches with alerts: create, list, show what matched (the local stack's delivery log), delete."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import click

from ._common import aws_client, index_client, stack_env

FILTER_OPTIONS = ("official", "position", "region", "organization", "site")


@click.group()
def alerts() -> None:
    """Saved searches that fire when a new or changed article matches them (docs/alerts.md)."""


@alerts.command("create")
@click.argument("name")
@click.option("--q", "text", default="", help="words, as in `warta search`")
@click.option("--official", multiple=True)
@click.option("--position", multiple=True)
@click.option("--region", multiple=True)
@click.option("--organization", multiple=True)
@click.option("--site", multiple=True)
@click.option("--from", "from_", help="published on or after (YYYY-MM-DD)")
@click.option("--to", help="published on or before (YYYY-MM-DD)")
@click.option("--webhook", help="deliver to this URL (http only to 127.0.0.1 locally) instead of the log")
@click.option("--secret", help="the webhook's HMAC-SHA256 signing secret (16+ characters)")
@click.option(
    "--digest",
    type=click.Choice(["hourly", "daily"]),
    help="one delivery per period listing the matches (run by `warta alerts digest`), not one per story",
)
def create(
    name: str,
    text: str,
    from_: str | None,
    to: str | None,
    webhook: str | None,
    secret: str | None,
    digest: str | None,
    **filters: tuple[str, ...],
) -> None:
    """Save a search as an alert and print its id."""
    from ..alerts.definition import BadAlert, ChannelPolicy, parse_definition
    from ..alerts.store import create_alert

    search: dict[str, Any] = {"q": text} if text else {}
    search |= {key: list(values) for key, values in filters.items() if values}
    search |= {key: value for key, value in (("from", from_), ("to", to)) if value}
    channel = {"type": "webhook", "url": webhook, "secret": secret} if webhook else None
    try:
        definition = parse_definition(
            {"name": name, "search": search, "channel": channel, "digest": digest}, ChannelPolicy(local=True)
        )
    except BadAlert as exc:
        raise click.BadParameter(exc.message, param_hint=exc.field) from exc
    client, alias = index_client()
    click.echo(create_alert(client, alias, definition, datetime.now(UTC)))


@alerts.command("list")
def list_() -> None:
    """Every alert, newest first."""
    from ..alerts.store import list_alerts

    client, alias = index_client()
    for alert in list_alerts(client, alias)["alerts"]:
        click.echo(
            f"{alert['id']}  {alert['name']}  {json.dumps(alert['search'], ensure_ascii=False)}  "
            f"-> {alert['channel']['type']}" + (f" ({alert['digest']} digest)" if alert.get("digest") else "")
        )


@alerts.command("matches")
@click.argument("alert_id")
@click.option("--size", default=50, show_default=True, type=int)
def matches(alert_id: str, size: int) -> None:
    """What an alert matched, newest first, with each delivery's state: the local stack's delivery log."""
    from ..alerts.store import AlertNotFound, list_matches

    client, alias = index_client()
    try:
        found = list_matches(client, alias, alert_id, size=size)["matches"]
    except AlertNotFound as exc:
        raise click.ClickException(f"no alert with id {alert_id}") from exc
    click.echo(f"{len(found)} match(es)")
    for match in found:
        delivery = match["delivery"]
        error = f"  ({delivery['last_error']})" if delivery["last_error"] else ""
        click.echo(
            f"  {match['matched_at'][:19]}  {match['kind']:6}  {delivery['status']:9} x{delivery['attempts']}  "
            f"{match['title']}{error}"
        )
        if match["kind"] != "digest":
            digested = f"  in digest {delivery['digest_id']}" if delivery.get("digest_id") else ""
            click.echo(f"      story {match['story_id']}  document {match['document_id']}{digested}")


@alerts.command("digest")
@click.option(
    "--all",
    "every_alert",
    is_flag=True,
    help="every digest alert now, with all its waiting matches, rather than those due this hour",
)
def digest(every_alert: bool) -> None:
    """Queue the digests that are due, as the hourly schedule does in AWS (docs/alerts.md)."""
    from ..alerts.digests import run_digests
    from ..alerts.queue import DeliveryQueue
    from ..settings import Settings

    env = stack_env()
    queue_url = Settings.from_env(env).alerts_queue_url
    if not queue_url:
        raise click.ClickException("no alert delivery queue: is the local stack up (`warta local up`)?")
    client, alias = index_client(env)
    now = datetime.now(UTC)
    run = run_digests(
        client,
        alias,
        DeliveryQueue(aws_client("sqs", env), queue_url).send,
        now,
        until=now if every_alert else None,
        every_alert=every_alert,
    )
    for delivery in run.queued:
        click.echo(
            f"queued digest {delivery.match_id} for alert {delivery.alert_id}: "
            f"{len(delivery.payload['matches'])} match(es)"
        )
    for alert_id, reason in run.failed.items():
        click.echo(f"alert {alert_id}: digest not sent: {reason}", err=True)
    if run.failed:
        raise SystemExit(1)
    if not run.queued:
        click.echo("no digest due")


@alerts.command("delete")
@click.argument("alert_id")
def delete(alert_id: str) -> None:
    """Delete an alert: it matches nothing more, and queued deliveries are cancelled."""
    from ..alerts.store import AlertNotFound, delete_alert

    client, alias = index_client()
    try:
        delete_alert(client, alias, alert_id)
    except AlertNotFound as exc:
        raise click.ClickException(f"no alert with id {alert_id}") from exc
    click.echo(f"deleted {alert_id}")
