"""`warta reconcile` makes the index match the bucket again after notifications were lost."""

from __future__ import annotations

import re
import time
import uuid

import pytest
from click.testing import CliRunner
from warta.cli import main
from warta.index.bulk import WriteAction, write
from warta.index.client import make_client
from warta.index.documents import document_id
from warta.index.mapping import write_alias
from warta.local import emulator

from tests.conftest import SAMPLES
from tests.integration.helpers import wait_for

pytestmark = pytest.mark.integration


def test_reconcile_reindexes_missing_and_stale_and_removes_orphans(stack):
    s3 = emulator.client("s3", stack.emulator_url)
    client = make_client(stack.opensearch_url)
    prefix = f"rec-{uuid.uuid4().hex[:6]}/"
    keys = [f"{prefix}{n}.html" for n in range(6)]
    for key in keys:
        s3.put_object(Bucket=stack.bucket, Key=key, Body=(SAMPLES / "antara-gempa-palu.html").read_bytes())

    def indexed() -> set[str]:
        client.indices.refresh(index=stack.index_alias)
        hits = client.search(
            index=stack.index_alias, body={"query": {"prefix": {"key": prefix}}, "size": 100}
        )
        return {h["_source"]["key"] for h in hits["hits"]["hits"]}

    wait_for(lambda: indexed() == set(keys), timeout=15)
    # Lost writes, as if notifications had gone missing: two documents gone, one with an old ETag,
    # and one document whose object no longer exists.
    now = int(time.time() * 1000)
    write(
        client,
        [
            WriteAction("delete", write_alias(stack.index_alias), document_id(stack.bucket, k), now)
            for k in keys[:2]
        ],
        refresh=True,
    )
    client.update(
        index=write_alias(stack.index_alias),
        id=document_id(stack.bucket, keys[2]),
        body={"doc": {"etag": "an-older-version"}},
        refresh=True,
    )
    orphan = f"{prefix}gone.html"
    write(
        client,
        [
            WriteAction(
                "index",
                write_alias(stack.index_alias),
                document_id(stack.bucket, orphan),
                now,
                {"bucket": stack.bucket, "key": orphan, "title": "Objek sudah dihapus"},
            )
        ],
        refresh=True,
    )

    dry = CliRunner().invoke(main, ["reconcile", "--prefix", prefix, "--dry-run"])

    assert dry.exit_code == 0, dry.output
    assert re.search(r"missing: 2\s+stale: 1\s+orphans: 1\s+known_bad: 0\s+in_sync: 3", dry.output)
    assert indexed() == set(keys[2:]) | {orphan}  # a dry run changes nothing

    real = CliRunner().invoke(main, ["reconcile", "--prefix", prefix])

    assert real.exit_code == 0, real.output
    assert "re-enqueued 3, deleted 1" in real.output
    wait_for(lambda: indexed() == set(keys), timeout=15)
    # The stale document was re-indexed too: now everything is in sync.
    wait_for(
        lambda: (
            "in_sync: 6" in CliRunner().invoke(main, ["reconcile", "--prefix", prefix, "--dry-run"]).output
        ),
        timeout=15,
    )
