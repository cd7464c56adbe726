"""Retries back off exponentially, within SQS's 12-hour ceiling on visibility timeouts."""

from warta.adapters.sqs import MAX_VISIBILITY_SECONDS, RetryBackoff, retry_delay
from warta.settings import Settings


def test_delays_double_with_each_receive():
    assert [retry_delay(n, 30) for n in (1, 2, 3, 4, 5)] == [30, 60, 120, 240, 480]
    assert retry_delay(40, 30) == MAX_VISIBILITY_SECONDS


def test_backoff_changes_the_visibility_of_that_message():
    calls = []

    class RecordingSqs:
        def change_message_visibility(self, **kwargs):
            calls.append(kwargs)

    seconds = RetryBackoff(RecordingSqs(), "https://queue", 30).delay("handle-1", 3)
    assert seconds == 120
    assert calls == [{"QueueUrl": "https://queue", "ReceiptHandle": "handle-1", "VisibilityTimeout": 120}]


def test_settings_read_the_retry_variables():
    settings = Settings.from_env(
        {"WARTA_QUEUE_URL": "https://queue", "WARTA_RETRY_BASE_SECONDS": "10", "WARTA_MAX_RECEIVE_COUNT": "5"}
    )
    assert (settings.queue_url, settings.retry_base_seconds, settings.max_receive_count) == (
        "https://queue",
        10,
        5,
    )
