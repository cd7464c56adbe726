"""`settle`: what happens to a message given its outcome, the receive count and whether we own a DLQ."""

from __future__ import annotations

import pytest
from warta.ingest import MessageOutcome, settle

DONE = ("indexed", "deleted", "skipped", "rejected")


@pytest.mark.parametrize("status", DONE)
@pytest.mark.parametrize(("receives", "max_receives", "has_dlq"), [(1, 5, True), (5, 5, True), (9, 0, False)])
def test_finished_messages_are_acknowledged_whatever_the_receive(status, receives, max_receives, has_dlq):
    assert settle(MessageOutcome(status), receives, max_receives, has_dlq) == "acknowledge"


@pytest.mark.parametrize(
    ("receives", "max_receives", "expected"),
    [
        (1, 5, "retry"),
        (4, 5, "retry"),
        (5, 5, "dead-letter"),  # the last receive the queue allows: we move it, with its reason
        (7, 5, "dead-letter"),  # the queue's limit was lowered meanwhile
        (40, 0, "retry"),  # the limit is unknown: the queue's redrive decides
    ],
)
def test_a_retry_goes_to_our_dlq_only_on_the_last_receive(receives, max_receives, expected):
    assert settle(MessageOutcome("retry", "opensearch 429"), receives, max_receives, True) == expected


@pytest.mark.parametrize("receives", [1, 5])
def test_poison_goes_to_the_dlq_at_once(receives):
    assert settle(MessageOutcome("poison", "mapper_parsing_exception"), receives, 5, True) == "dead-letter"


@pytest.mark.parametrize("status", ["retry", "poison"])
@pytest.mark.parametrize("receives", [1, 5])
def test_without_a_dlq_every_failure_goes_back_to_the_queue(status, receives):
    assert settle(MessageOutcome(status), receives, 5, False) == "retry"
