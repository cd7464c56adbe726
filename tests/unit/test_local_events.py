"""The local stand-ins build exactly the events Lambda receives."""

from warta.local.api_front import http_api_event
from warta.local.worker import sqs_event


def test_http_api_event_joins_repeated_parameters_with_commas_like_api_gateway():
    event = http_api_event("GET", "/search?region=Jawa+Barat&region=DKI+Jakarta&q=", {"Host": "x"}, b"")
    assert event["version"] == "2.0"
    assert event["rawPath"] == "/search"
    assert event["queryStringParameters"] == {"region": "Jawa Barat,DKI Jakarta", "q": ""}
    assert event["requestContext"]["http"]["method"] == "GET"
    assert event["headers"] == {"host": "x"}


def test_sqs_event_has_lambdas_record_shape():
    message = {
        "MessageId": "m1",
        "ReceiptHandle": "r1",
        "Body": "{}",
        "Attributes": {"ApproximateReceiveCount": "2"},
    }
    (record,) = sqs_event([message], "arn:aws:sqs:us-east-1:000000000000:q")["Records"]
    assert record["messageId"] == "m1" and record["receiptHandle"] == "r1" and record["body"] == "{}"
    assert record["eventSource"] == "aws:sqs"
    assert record["eventSourceARN"].endswith(":q")
    assert record["attributes"]["ApproximateReceiveCount"] == "2"
    assert len(record["md5OfBody"]) == 32
