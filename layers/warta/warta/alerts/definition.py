"""An alert's definition as the API receives it, checked field by field (pure: no I/O).

`search` takes the search API's own parameters, under the same names (`q`, each facet filter,
`-facet` exclusions, `from`/`to`), and becomes the very `SearchRequest` the API would run, so a saved
search means what the search means. Every refusal names the field at fault."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from ..index.facets import EXCLUDES, FILTERS
from ..index.query import MAX_QUERY_CHARS, SearchRequest
from .urls import UnsafeUrl, check_webhook_url

MAX_NAME_CHARS = 200
MAX_VALUES = 20  # per filter, as the search API allows
MAX_VALUE_CHARS = 256
MIN_SECRET_CHARS = 16
ChannelType = Literal["log", "webhook", "sns"]
CHANNEL_TYPES: tuple[ChannelType, ...] = ("log", "webhook", "sns")
Digest = Literal["hourly", "daily"]
DIGESTS: tuple[Digest, ...] = ("hourly", "daily")


class BadAlert(ValueError):
    """A definition the API refuses; `field` is the dotted path of the offending field."""

    def __init__(self, field_path: str, message: str) -> None:
        super().__init__(f"{field_path}: {message}")
        self.field = field_path
        self.message = message


@dataclass(frozen=True, slots=True)
class Channel:
    type: ChannelType = "log"
    url: str | None = None
    secret: str | None = None  # the webhook's signing secret: stored, used to sign, never returned

    def public(self) -> dict[str, Any]:
        shown: dict[str, Any] = {"type": self.type}
        if self.url:
            shown["url"] = self.url
        if self.type == "webhook":
            shown["signed"] = bool(self.secret)
        return shown


@dataclass(frozen=True, slots=True)
class AlertDefinition:
    name: str
    search: dict[str, Any]  # as given, normalised (lists for repeatable parameters)
    request: SearchRequest
    channel: Channel = field(default_factory=Channel)
    digest: Digest | None = None  # None: every match is delivered at once; else gathered (alerts.digests)


@dataclass(frozen=True, slots=True)
class ChannelPolicy:
    """What this deployment accepts: plain http to 127.0.0.1 only on the local stack; SNS only where
    the stack has a topic. `resolve` gives a host's addresses (injected: tests stay offline)."""

    local: bool = False
    sns_available: bool = False
    resolve: Callable[[str], list[str]] | None = None


def parse_definition(payload: Any, policy: ChannelPolicy) -> AlertDefinition:
    if not isinstance(payload, Mapping):
        raise BadAlert("body", "must be a JSON object")
    _no_unknown(payload, ("name", "search", "channel", "digest"), "")
    name = payload.get("name")
    if not isinstance(name, str) or not name.strip():
        raise BadAlert("name", "required, a non-empty string")
    if len(name) > MAX_NAME_CHARS:
        raise BadAlert("name", f"at most {MAX_NAME_CHARS} characters")
    search, request = parse_search(payload.get("search"))
    channel = parse_channel(payload.get("channel"), policy)
    digest = payload.get("digest")
    if digest is not None and digest not in DIGESTS:
        raise BadAlert("digest", f"one of {', '.join(DIGESTS)}, or absent for every match at once")
    return AlertDefinition(name.strip(), search, request, channel, digest)


def parse_search(raw: Any) -> tuple[dict[str, Any], SearchRequest]:
    if not isinstance(raw, Mapping):
        raise BadAlert("search", "required, an object of search parameters")
    allowed = ("q", "from", "to", *FILTERS, *(f"-{name}" for name in EXCLUDES))
    _no_unknown(raw, allowed, "search.")
    text = raw.get("q", "")
    if not isinstance(text, str):
        raise BadAlert("search.q", "must be a string")
    if len(text) > MAX_QUERY_CHARS:
        raise BadAlert("search.q", f"at most {MAX_QUERY_CHARS} characters")
    filters = {name: _values(raw, name) for name in FILTERS if name in raw}
    exclude = {name: _values(raw, f"-{name}") for name in EXCLUDES if f"-{name}" in raw}
    published_from, published_to = _day(raw, "from"), _day(raw, "to")
    if published_from and published_to and published_from > published_to:
        raise BadAlert("search.from", "must not be after search.to")
    if not text.strip() and not any(filters.values()):
        raise BadAlert("search", "needs q or at least one filter: an alert on every article is not a search")
    normalised: dict[str, Any] = {"q": text} if text else {}
    normalised |= {name: list(values) for name, values in filters.items()}
    normalised |= {f"-{name}": list(values) for name, values in exclude.items()}
    normalised |= {
        key: day.isoformat() for key, day in (("from", published_from), ("to", published_to)) if day
    }
    request = SearchRequest(
        text=text, filters=filters, exclude=exclude, published_from=published_from, published_to=published_to
    )
    return normalised, request


def parse_channel(raw: Any, policy: ChannelPolicy) -> Channel:
    if raw is None:
        return Channel()
    if not isinstance(raw, Mapping):
        raise BadAlert("channel", "must be an object")
    kind = raw.get("type", "log")
    if kind not in CHANNEL_TYPES:
        raise BadAlert("channel.type", f"one of {', '.join(CHANNEL_TYPES)}")
    if kind == "log":
        _no_unknown(raw, ("type",), "channel.")
        return Channel()
    if kind == "sns":
        _no_unknown(raw, ("type",), "channel.")
        if not policy.sns_available:
            raise BadAlert("channel.type", "sns: this deployment has no alert topic")
        return Channel("sns")
    _no_unknown(raw, ("type", "url", "secret"), "channel.")
    url, secret = raw.get("url"), raw.get("secret")
    if not isinstance(url, str) or not url:
        raise BadAlert("channel.url", "required for a webhook")
    try:
        check_webhook_url(url, local=policy.local, resolve=policy.resolve)
    except UnsafeUrl as exc:
        raise BadAlert("channel.url", str(exc)) from exc
    if not isinstance(secret, str) or len(secret) < MIN_SECRET_CHARS:
        raise BadAlert("channel.secret", f"required for a webhook, at least {MIN_SECRET_CHARS} characters")
    if len(secret) > 256:
        raise BadAlert("channel.secret", "at most 256 characters")
    return Channel("webhook", url, secret)


def _no_unknown(raw: Mapping[str, Any], allowed: tuple[str, ...], prefix: str) -> None:
    for key in raw:
        if key not in allowed:
            raise BadAlert(f"{prefix}{key}", "unknown field")


def _values(raw: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = raw[key]
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
        raise BadAlert(f"search.{key}", "a non-empty string or a list of them")
    if not values or len(values) > MAX_VALUES:
        raise BadAlert(f"search.{key}", f"between 1 and {MAX_VALUES} values")
    if any(len(v) > MAX_VALUE_CHARS for v in values):
        raise BadAlert(f"search.{key}", f"values of at most {MAX_VALUE_CHARS} characters")
    return tuple(v.strip() for v in values)


def _day(raw: Mapping[str, Any], key: str) -> date | None:
    value = raw.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise BadAlert(f"search.{key}", "a date, YYYY-MM-DD")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BadAlert(f"search.{key}", "a date, YYYY-MM-DD") from None
