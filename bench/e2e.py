"""The local stack under load: bulk indexing alone, then N generated files dropped in the bucket and
timed until all are searchable, with where the time goes.

The stack gets its own ports and state folder (never the developer's 8000/9200/5050 or .warta/) and
is stopped in a `finally`, whatever happens."""

from __future__ import annotations

import json
import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from warta.local.stack import processes

from . import corpus
from .stats import summary

REPO = Path(__file__).resolve().parents[1]
BENCH_DIR = REPO / ".warta" / "bench"
PORTS = {
    "opensearch_port": int(os.environ.get("BENCH_OPENSEARCH_PORT", "19231")),
    "emulator_port": int(os.environ.get("BENCH_EMULATOR_PORT", "15071")),
    "api_port": int(os.environ.get("BENCH_API_PORT", "18071")),
}
ALIAS = "warta-bench"


def corpus_dir(count: int, seed: int) -> Path:
    """Generated once per (count, seed) and kept: the files are byte-identical on every run anyway."""
    folder = BENCH_DIR / f"corpus-seed{seed}-n{count}"
    done = folder / ".complete"
    if not done.exists():
        corpus.write(count, seed, folder)
        done.write_text("ok\n")
    return folder


def _cpu_seconds_by_group(pids: dict[str, int]) -> dict[str, float]:
    """User + system CPU seconds of every live process in each service's process group."""
    tick = os.sysconf("SC_CLK_TCK")
    groups = {pid: name for name, pid in pids.items()}
    totals = dict.fromkeys(pids, 0.0)
    for process in processes():
        if process.group in groups:
            totals[groups[process.group]] += process.cpu_ticks / tick
    return totals


def _service(name: str) -> str:
    return "workers (ingest handler)" if name.startswith("worker-") else name


def bulk_throughput(client: Any, documents: list[dict[str, Any]], total: int = 6000) -> dict[str, Any]:
    """Index `total` copies of real documents (distinct ids) into a fresh index built with the real mapping."""
    from opensearchpy import helpers
    from warta.index.mapping import write_alias
    from warta.index.setup import ensure_index, failures_index

    results: dict[str, Any] = {"documents": total}
    source_bytes = sum(len(json.dumps(d, ensure_ascii=False).encode()) for d in documents) / len(documents)
    results["mean_source_bytes"] = source_bytes

    def actions(run: int, index: str) -> Any:
        for i in range(total):
            yield {
                "_op_type": "index",
                "_index": index,
                "_id": f"r{run}-{i}",
                "_source": documents[i % len(documents)],
            }

    warm = ensure_index(client, "bench-bulk-warmup")  # a cold JVM is slower: one unrecorded pass first
    for _ok, _item in helpers.streaming_bulk(
        client, actions(0, write_alias("bench-bulk-warmup")), chunk_size=500
    ):
        pass
    client.indices.delete(index=f"{warm},{failures_index('bench-bulk-warmup')}")
    for label, chunk, threads in (
        ("streaming_bulk, chunks of 500", 500, 1),
        ("streaming_bulk, chunks of 20 (one Lambda batch)", 20, 1),
        ("parallel_bulk, 2 threads, chunks of 500", 500, 2),
    ):
        rates = []
        for run in range(3):
            alias = f"bench-bulk-{len(results)}-{run}"
            name = ensure_index(client, alias)
            started = time.perf_counter()
            if threads == 1:
                stream = helpers.streaming_bulk(
                    client,
                    actions(run, write_alias(alias)),
                    chunk_size=chunk,
                    max_chunk_bytes=10 * 1024 * 1024,
                    raise_on_error=True,
                )
            else:
                stream = helpers.parallel_bulk(
                    client,
                    actions(run, write_alias(alias)),
                    chunk_size=chunk,
                    thread_count=threads,
                    raise_on_error=True,
                )
            for _ok, _item in stream:
                pass
            rates.append(total / (time.perf_counter() - started))
            client.indices.delete(index=f"{name},{failures_index(alias)}")
        results[label] = {
            "docs_per_s": summary(rates),
            "mb_per_s": summary([r * source_bytes / 1e6 for r in rates]),
        }
    return results


def breakdown(state: Any, keys: list[str], sample: int = 200) -> dict[str, Any]:
    """The ingest path's pieces, timed in-process on a sample of the uploaded objects, one Lambda batch
    (10 objects) at a time: S3 GetObject from the emulator, parse, enrich, build_document, one bulk
    request (index + failure-record delete per document, as the handler sends), and the SQS
    receive + delete round trip the event source mapping makes per batch."""
    from warta.adapters.s3 import S3ObjectStore
    from warta.enrich import enrich
    from warta.index import bulk
    from warta.index.client import make_client
    from warta.index.documents import build_document, document_id
    from warta.index.mapping import write_alias
    from warta.index.setup import ensure_index, failures_index
    from warta.local.emulator import client as aws_client
    from warta.parse import parse_article

    alias = "bench-breakdown"
    search = make_client(state.opensearch_url)
    ensure_index(search, alias)
    store = S3ObjectStore(aws_client("s3", state.emulator_url))
    sqs = aws_client("sqs", state.emulator_url)
    probe = sqs.create_queue(QueueName="bench-probe")["QueueUrl"]
    pieces: dict[str, list[float]] = {
        k: [] for k in ("s3_get", "parse", "enrich", "build_document", "bulk_per_doc", "sqs_per_doc")
    }
    now = datetime.now(UTC)
    chosen = keys[:sample]
    for start in range(0, len(chosen), 10):
        batch = chosen[start : start + 10]
        sqs.send_message_batch(
            QueueUrl=probe,
            Entries=[{"Id": str(i), "MessageBody": json.dumps({"k": k})} for i, k in enumerate(batch)],
        )
        t0 = time.perf_counter()
        got = sqs.receive_message(QueueUrl=probe, MaxNumberOfMessages=10, WaitTimeSeconds=1).get(
            "Messages", []
        )
        if got:
            sqs.delete_message_batch(
                QueueUrl=probe,
                Entries=[{"Id": str(i), "ReceiptHandle": m["ReceiptHandle"]} for i, m in enumerate(got)],
            )
        pieces["sqs_per_doc"].append((time.perf_counter() - t0) / len(batch))
        actions = []
        for key in batch:
            t0 = time.perf_counter()
            stored = store.get(state.bucket, key)
            t1 = time.perf_counter()
            assert stored is not None
            article = parse_article(stored.data, key=key, content_type=stored.content_type)
            t2 = time.perf_counter()
            entities = enrich(article)
            t3 = time.perf_counter()
            doc = build_document(
                bucket=state.bucket,
                key=key,
                article=article,
                entities=entities,
                ingested=now,
                etag=stored.etag,
            )
            t4 = time.perf_counter()
            for name, value in zip(
                ("s3_get", "parse", "enrich", "build_document"),
                (t1 - t0, t2 - t1, t3 - t2, t4 - t3),
                strict=True,
            ):
                pieces[name].append(value)
            doc_id = document_id(state.bucket, key)
            actions += [
                bulk.WriteAction("index", write_alias(alias), doc_id, 1, doc),
                bulk.WriteAction("delete", failures_index(alias), doc_id, 1),
            ]
        t0 = time.perf_counter()
        bulk.write(search, actions)
        pieces["bulk_per_doc"].append((time.perf_counter() - t0) / len(batch))
    sqs.delete_queue(QueueUrl=probe)
    return {name: summary(values) for name, values in pieces.items()} | {"sample": len(chosen)}


def _upload(state: Any, files: list[Path], max_queued: int, done: dict[str, Any], threads: int = 16) -> None:
    """Put every file with a thread pool. With `max_queued` > 0, hold back while more than that many
    messages wait in the queue: moto scans its whole queue on every ReceiveMessage, so a deep queue
    slows the emulator (not the pipeline) quadratically. 0 drops everything at once."""
    from warta.local.emulator import client as aws_client

    s3, sqs = aws_client("s3", state.emulator_url), aws_client("sqs", state.emulator_url)
    started = time.perf_counter()

    def put(path: Path) -> str:
        key = f"bench/{path.name}"
        s3.put_object(
            Bucket=state.bucket, Key=key, Body=path.read_bytes(), ContentType="text/html; charset=utf-8"
        )
        return key

    keys: list[str] = []
    wave = max_queued // 2 if max_queued else len(files)
    with ThreadPoolExecutor(threads) as pool:
        for start in range(0, len(files), max(1, wave)):
            while (
                max_queued
                and start
                and int(
                    sqs.get_queue_attributes(
                        QueueUrl=state.queue_url, AttributeNames=["ApproximateNumberOfMessages"]
                    )["Attributes"]["ApproximateNumberOfMessages"]
                )
                > max_queued - wave
            ):
                time.sleep(0.5)
            keys += pool.map(put, files[start : start + wave])
    done["keys"], done["seconds"] = keys, time.perf_counter() - started


def _count(client: Any, index: str) -> int:
    try:
        return int(client.count(index=index)["count"])
    except Exception:  # noqa: BLE001 - the index may not exist yet
        return 0


def run(
    files: int,
    seed: int,
    workers: int,
    documents: list[dict[str, Any]],
    max_queued: int = 100,
    echo: Any = print,
) -> dict[str, Any]:
    from warta.index.client import make_client
    from warta.index.setup import failures_index
    from warta.local import stack
    from warta.local.emulator import client as aws_client

    state_dir = BENCH_DIR / "stack"
    folder = corpus_dir(files, seed)
    paths = sorted(p for p in folder.iterdir() if p.suffix == ".html")
    results: dict[str, Any] = {
        "files": len(paths),
        "workers": workers,
        "ports": PORTS,
        "corpus_bytes": sum(p.stat().st_size for p in paths),
    }
    stack.down(state_dir)  # a previous run killed hard may have left one
    try:
        echo(f"starting the bench stack in {state_dir} (ports {PORTS}) ...")
        started = time.perf_counter()
        state = stack.up(
            stack.StackConfig(
                state_dir=state_dir, workers=workers, opensearch_url=None, index_alias=ALIAS, **PORTS
            ),
            echo=echo,
        )
        results["stack_start_s"] = time.perf_counter() - started
        search = make_client(state.opensearch_url)
        echo("bulk throughput ...")
        results["bulk"] = bulk_throughput(search, documents)
        sqs = aws_client("sqs", state.emulator_url)
        cpu_before = _cpu_seconds_by_group(state.pids)
        echo(f"uploading {len(paths)} files with 16 threads ...")
        t0 = time.perf_counter()
        uploaded: dict[str, Any] = {}
        uploader = threading.Thread(target=_upload, args=(state, paths, max_queued, uploaded), daemon=True)
        uploader.start()
        timeline = []
        last_progress, last_done = time.perf_counter(), -1
        while True:
            search.indices.refresh(index=f"{ALIAS},{failures_index(ALIAS)}")
            indexed, failed = _count(search, ALIAS), _count(search, failures_index(ALIAS))
            attrs = sqs.get_queue_attributes(
                QueueUrl=state.queue_url,
                AttributeNames=["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
            )["Attributes"]
            dlq = int(
                sqs.get_queue_attributes(
                    QueueUrl=state.dlq_url, AttributeNames=["ApproximateNumberOfMessages"]
                )["Attributes"]["ApproximateNumberOfMessages"]
            )
            elapsed = time.perf_counter() - t0
            timeline.append(
                (round(elapsed, 1), indexed, failed, int(attrs["ApproximateNumberOfMessages"]), dlq)
            )
            if indexed + failed + dlq >= len(paths):
                break
            if indexed + failed != last_done:
                last_done, last_progress = indexed + failed, time.perf_counter()
            elif time.perf_counter() - last_progress > 120:
                results["stalled"] = True
                break
            time.sleep(2.0)
        total = time.perf_counter() - t0
        uploader.join(timeout=60)
        keys = uploaded.get("keys", [])
        results["upload_s"] = uploaded.get("seconds", float("nan"))
        results["max_queued"] = max_queued
        cpu_after = _cpu_seconds_by_group(state.pids)
        cpu: dict[str, float] = {}
        for name in cpu_after:
            cpu[_service(name)] = cpu.get(_service(name), 0.0) + cpu_after[name] - cpu_before.get(name, 0.0)
        results.update(
            {
                "searchable_s": total,
                "indexed": indexed,
                "rejected": failed,
                "dlq": dlq,
                "docs_per_s": (indexed + failed) / total,
                "cpu_seconds": cpu,
                "timeline": timeline[:: max(1, len(timeline) // 40)],
            }
        )
        stats = search.indices.stats(index=ALIAS, metric="store,docs")["_all"]["primaries"]
        results["index_bytes"] = stats["store"]["size_in_bytes"]
        results["index_docs"] = _count(search, ALIAS)  # articles; Lucene's count adds the nested objects
        results["lucene_docs"] = stats["docs"]["count"]
        echo("breakdown on a sample ...")
        results["breakdown"] = breakdown(state, keys)
    finally:
        echo("stopping the bench stack ...")
        stack.down(state_dir)
    return results
