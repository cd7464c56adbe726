"""The alert routes' request and response shapes (pydantic: Powertools validates them and writes
them into the OpenAPI document). The shape check is here; the meaning check (URL safety, a search
that is a search) is warta.alerts.definition, the one place that turns a body into an alert."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..responses import BACKEND_STATUSES, ERROR_DESCRIPTIONS, ErrorBody, ValidationFailure

Values = list[str] | str | None


class SearchIn(BaseModel):
    """Every parameter of GET /search that selects articles; repeatable ones as lists."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    q: str | None = Field(None, max_length=500, description='words; "quoted phrase", -exclude, a | b')
    official: Values = None
    position: Values = None
    official_position: Values = None
    region: Values = Field(None, description="region at any level: a province also finds its cities")
    organization: Values = None
    site: Values = None
    speaker: Values = Field(None, description="who is quoted: the full name as in the speaker facet")
    not_official: Values = Field(None, alias="-official")
    not_position: Values = Field(None, alias="-position")
    not_region: Values = Field(None, alias="-region")
    not_organization: Values = Field(None, alias="-organization")
    not_site: Values = Field(None, alias="-site")
    not_speaker: Values = Field(None, alias="-speaker")
    from_: str | None = Field(None, alias="from", description="published on or after (YYYY-MM-DD)")
    to: str | None = Field(None, description="published on or before (YYYY-MM-DD)")


class ChannelIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    type: Literal["log", "webhook", "sns"] = "log"
    url: str | None = Field(None, description="webhook: https URL (http only to 127.0.0.1 locally)")
    secret: str | None = Field(
        None, description="webhook: HMAC-SHA256 signing secret, 16+ characters; never returned"
    )


Digest = Literal["hourly", "daily"]
DIGEST_HELP = "one delivery per period listing the matches (daily: 00:00 UTC); absent: each match at once"


class AlertIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=200)
    search: SearchIn
    channel: ChannelIn | None = None
    digest: Digest | None = Field(None, description=DIGEST_HELP)


class AlertCreated(BaseModel):
    id: str


class AlertDeleted(BaseModel):
    id: str
    deleted: bool = True


class BadAlertBody(ErrorBody):
    field: str = Field(description='the offending field, e.g. "channel.url" or "search.region"')


class ChannelOut(BaseModel):
    type: Literal["log", "webhook", "sns"]
    url: str | None = None
    signed: bool | None = None


class AlertOut(BaseModel):
    id: str
    name: str
    created: str
    search: dict[str, str | list[str]]
    channel: ChannelOut
    digest: Digest | None = Field(None, description=DIGEST_HELP)


class AlertList(BaseModel):
    alerts: list[AlertOut]


class DeliveryOut(BaseModel):
    status: Literal["pending", "delivered", "retrying", "failed", "cancelled", "waiting", "digested"] = Field(
        description="a digest alert's match is waiting for its digest, then digested (see digest_id)"
    )
    attempts: int
    last_error: str | None = None
    digest_id: str | None = Field(None, description="the digest that listed this match")


class MatchOut(BaseModel):
    document_id: str | None = Field(description="null for a digest, which lists matches")
    story_id: str | None
    title: str | None = None
    url: str | None = None
    site: str | None = None
    published: str | None = None
    matched_at: str
    kind: Literal["new", "update", "digest"]
    delivery: DeliveryOut


class MatchesOut(BaseModel):
    matches: list[MatchOut]
    next_cursor: str | None = None


def definition_payload(body: AlertIn) -> dict[str, object]:
    """The body as the definition parser reads it: parameter names as the search API spells them."""
    return body.model_dump(by_alias=True, exclude_none=True)


def responses(status: int, ok: str, *errors: int, definition: bool = False) -> dict[int, Any]:
    """`responses=` for an alert route, as `warta.responses.responses` does for search: the success
    status, 422 for a body or parameter that fails validation, 400 for a definition refused (naming
    the field, with `definition`), and the other error statuses with the common error body."""

    def body(model: type[BaseModel]) -> dict[str, Any]:
        return {"application/json": {"model": model}}

    described = {**ERROR_DESCRIPTIONS, 404: "no such alert"}
    if definition:
        described[400] = "an alert definition refused, naming the field"
    failures = {
        422: {"description": "a parameter or body failed validation", "content": body(ValidationFailure)}
    }
    if definition:
        failures[415] = {"description": "a body that is not JSON", "content": body(ValidationFailure)}
    return {
        status: {"description": ok},
        **failures,
        **{
            code: {
                "description": described[code],
                "content": body(BadAlertBody if code == 400 and definition else ErrorBody),
            }
            for code in (*errors, *BACKEND_STATUSES)
        },
    }
