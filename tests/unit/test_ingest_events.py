"""S3 notifications as SQS delivers them: which events come out, with keys decoded."""

import json

import pytest
from warta.index.documents import document_id
from warta.ingest import MalformedMessage, object_events

from tests.conftest import EVENTS


def _bodies(name: str) -> list[str]:
    return [r["body"] for r in json.loads((EVENTS / name).read_text())["Records"]]


def test_created_event_has_a_decoded_key():
    (event,) = object_events(_bodies("sqs_s3_object_created.json")[0])
    assert event.kind == "created"
    assert event.bucket == "warta-articles"
    # S3 encodes keys: '+' for spaces, %xx for the rest.
    assert event.key == "events/2012/10/Kapolda Metro Jaya (profil).html"


def test_removed_event_is_newer_than_the_created_one():
    (created,) = object_events(_bodies("sqs_s3_object_created.json")[0])
    (removed,) = object_events(_bodies("sqs_s3_object_removed.json")[0])
    assert removed.kind == "removed"
    assert removed.key == created.key
    assert removed.version > created.version


def test_s3_test_event_yields_nothing():
    assert object_events(_bodies("sqs_s3_test_event.json")[0]) == []


@pytest.mark.parametrize(
    "body", ["not json", "[]", '{"Records": "x"}', '{"Records": [{"eventName": "ObjectCreated:Put"}]}']
)
def test_malformed_bodies_are_refused_with_a_reason(body):
    with pytest.raises(MalformedMessage):
        object_events(body)


def test_document_id_is_deterministic_and_depends_on_bucket_and_key():
    assert document_id("b", "k.html") == document_id("b", "k.html")
    assert document_id("b", "k.html") != document_id("c", "k.html")
    assert document_id("b", "k.html") != document_id("b", "k2.html")
    assert len(document_id("b", "k.html")) == 40
