"""The ingest use case: S3 notifications (as carried by SQS messages) in, index writes out.

- `events`: the object events in one message body;
- `outcomes`: a batch of messages -> one outcome per message, the writes in one bulk request;
- `policy`: what to do with a message given its outcome (`settle`), pure;
- `batch`: `process_batch(records, deps)`, what the ingest function runs."""

from .batch import Dependencies, QueueMessage, process_batch
from .events import MalformedMessage, ObjectEvent, object_events
from .outcomes import ingest_messages
from .policy import Disposition, MessageOutcome, Status, settle

__all__ = [
    "Dependencies",
    "Disposition",
    "MalformedMessage",
    "MessageOutcome",
    "ObjectEvent",
    "QueueMessage",
    "Status",
    "ingest_messages",
    "object_events",
    "process_batch",
    "settle",
]
