"""What happens to a message once its outcome is known: a pure decision, tested without a queue."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Status = Literal["indexed", "deleted", "skipped", "rejected", "retry", "poison"]
Disposition = Literal["acknowledge", "retry", "dead-letter"]


@dataclass(frozen=True, slots=True)
class MessageOutcome:
    status: Status
    reason: str = ""
    keys: tuple[str, ...] = ()


def settle(outcome: MessageOutcome, receives: int, max_receives: int, has_dlq: bool) -> Disposition:
    """What to do with the message now.

    - done or permanently rejected (recorded in the failures index): acknowledge;
    - poison (OpenSearch refused the document itself, e.g. a mapping error): straight to the DLQ with
      the reason, since another try would fail the same way;
    - retry: leave it to SQS, except on the last receive the queue allows, when we move it to the DLQ
      ourselves so that it arrives there with its reason attached.

    Without a DLQ of our own, everything that failed goes back to SQS, whose redrive policy (if any)
    has the last word. `max_receives` 0 means the function does not know the queue's limit.
    """
    if outcome.status not in ("retry", "poison"):
        return "acknowledge"
    if not has_dlq:
        return "retry"
    if outcome.status == "poison":
        return "dead-letter"
    return "dead-letter" if max_receives and receives >= max_receives else "retry"
