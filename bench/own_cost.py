"""What is ours, measured (`make bench-own`, a few minutes on 2 cores): the CPU our handlers spend per
request or article in process, the search API against OpenSearch queried directly at a concurrency the
machine serves without queueing, and the search handler's import against the bare libraries.

1. A local stack of its own (free ports, state in .warta/bench-own, 4 API execution environments, no
   ingest workers), the search benchmark's 10,000 generated documents indexed.
2. Search handler CPU: `functions/search/app.py` loaded in this process, the search benchmark's query
   mix sent as API Gateway events one at a time; CPU time of this thread (`time.thread_time`, so waiting
   on the node costs nothing) for the whole handler, for `warta.search.search`, and for
   `client.search` alone. Powertools = handler - search; shaping (build_search and the answer) =
   search - client. Then the same again with the node's answers, recorded in a pass of their own,
   replayed from memory: the same code without the wait, during which this machine's 2 cores go to the
   node and every other process (an idle core also wakes slowly), so that figure is our code alone.
   Beside both, `machine_speed`: a fixed piece of Python timed before and after, as the machine's speed
   changes from minute to minute.
2b. Handler against direct: wall time per request, one at a time and taking turns request by request,
   of the handler called in this process against the same search sent straight to the node: the API's
   own latency without the local front and pipes that stand in for API Gateway and the Lambda runtime.
3. API against direct: `bench.search_load`'s closed-loop clients (4; `--clients`), alternating short
   rounds on the API front and on the node with the same URL parameters, after a warm-up of both.
4. Ingest CPU: generated pages (bench.corpus) put in the stack's bucket, then `warta.ingest.process_batch`
   with the production dependencies (`warta.bootstrap`) in batches of 10, in this process. CPU of this
   process (fetch threads included) against the time spent in parse + enrich; the emulator's CPU (a
   process of its own) is read from /proc and reported apart.
5. Import: bench.coldstart's fresh-interpreter import of the search handler against the libraries it
   stands on (Powertools' Logger, Metrics, HTTP resolver with validation, opensearchpy, pydantic)."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from warta.local import stack

from . import search_corpus, search_load, search_mix, stats
from .coldstart import _handler, compile_bytecode, lambda_env, time_imports_alternating

REPO = Path(__file__).resolve().parents[1]
STATE_DIR = REPO / ".warta" / "bench-own"
SEARCH_BARE = (
    "from aws_lambda_powertools import Logger, Metrics\n"
    "from aws_lambda_powertools.event_handler import APIGatewayHttpResolver\n"
    "from aws_lambda_powertools.event_handler.openapi.params import Query\n"
    "import pydantic, opensearchpy, orjson\n"
)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """Powertools prints every metric flush and log line to stdout."""
    with open(os.devnull, "w") as sink, contextlib.redirect_stdout(sink):
        yield


class _Timed:
    """Wraps a callable and adds its thread CPU time to a running total."""

    def __init__(self, call: Callable[..., Any]) -> None:
        self.call = call
        self.spent = 0.0

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        began = time.thread_time()
        try:
            return self.call(*args, **kwargs)
        finally:
            self.spent += time.thread_time() - began


class _Recording:
    """The read connection's socket, keeping every byte the node sends, per request."""

    def __init__(self, sock: Any, answers: list[bytearray]) -> None:
        self._sock, self._answers = sock, answers

    def sendall(self, data: bytes) -> None:
        self._answers.append(bytearray())
        self._sock.sendall(data)

    def recv(self, size: int) -> bytes:
        data: bytes = self._sock.recv(size)
        self._answers[-1] += data
        return data


class _Replaying:
    """A socket that answers one request with bytes a node sent before, at once, and sends nothing."""

    def __init__(self, answer: bytes) -> None:
        self._left = memoryview(answer)

    def sendall(self, data: bytes) -> None:
        pass

    def recv(self, size: int) -> bytes:
        chunk, self._left = bytes(self._left[:size]), self._left[size:]
        return chunk


def search_cpu(
    state: stack.StackState, mix: list[search_mix.Scenario], n: int, replay: bool = True
) -> dict[str, Any]:
    """The handler's CPU around real searches, then (`replay`) again with the node's recorded answers
    replayed from memory: the same code, minus the socket's system calls and the wait, during which the
    node's threads and every other process take the 2 cores and their caches. Replaying needs the read
    connection's socket seam (`ReadConnection._socket`), which revisions before it lack."""
    from warta.local.api_front import http_api_event
    from warta.local.lambda_runtime import LocalContext, load_function

    os.environ.update(state.environment())
    module = load_function("search")
    client, _alias = module._index()
    client_search = _Timed(client.search)
    client.search = client_search
    run_search = _Timed(module.run_search)
    module.run_search = run_search
    events = [http_api_event("GET", search_mix.api_path(sc.request), {}, b"") for sc in mix[:n]]
    context = LocalContext("warta-search")

    def measure() -> dict[str, list[float]]:
        steps: dict[str, list[float]] = {"handler": [], "search": [], "client": []}
        with _quiet():
            for event in events[: min(50, n)]:  # warm: lazy imports, route caches, the node's caches
                module.lambda_handler(event, context)
            for event in events:
                client_search.spent = run_search.spent = 0.0
                began = time.thread_time()
                answer = module.lambda_handler(event, context)
                steps["handler"].append(time.thread_time() - began)
                steps["search"].append(run_search.spent)
                steps["client"].append(client_search.spent)
                if answer["statusCode"] != 200:
                    raise RuntimeError(f"search answered {answer['statusCode']}: {answer['body'][:300]}")
        return steps

    speed_before = machine_speed()
    live = measure()
    speed = {"before": speed_before, "after": machine_speed()}
    if not replay:
        return {"requests": n, **_summary(live), "machine_speed_ms": speed}
    (connection,) = client.transport.connection_pool.connections
    open_socket = connection._socket
    answers: list[bytearray] = []  # recorded apart: the recording's own cost stays out of both figures
    connection._socket = lambda timeout: _Recording(open_socket(timeout), answers)
    with _quiet():
        for event in events:
            module.lambda_handler(event, context)
    recorded = [bytes(a) for a in answers]
    assert len(recorded) == len(events), "one read per search request"
    replay_order = iter([*recorded[: min(50, n)], *recorded])  # measure() warms up on the first 50 again
    connection._socket = lambda timeout: _Replaying(next(replay_order))
    replayed = measure()
    connection._socket = open_socket
    return {
        "requests": n,
        **_summary(live),
        "replayed": _summary(replayed),
        "machine_speed_ms": speed,
    }


def machine_speed() -> float:
    """CPU time of a fixed piece of Python (encode, decode and reshape 300 small objects, 20 times), median
    of 100: the same code reads up to twice as slow from one minute to the next on this shared machine,
    so every figure of a run is shown beside this one."""
    sample = {"buckets": [{"key": f"Kota {i}", "doc_count": i} for i in range(300)]}

    def once() -> float:
        began = time.thread_time()
        for _ in range(20):
            decoded = json.loads(json.dumps(sample))
            [{"value": b["key"], "count": b["doc_count"]} for b in decoded["buckets"]]
        return time.thread_time() - began

    return statistics.median(once() for _ in range(100)) * 1000


def _summary(steps: dict[str, list[float]]) -> dict[str, Any]:
    ms = {name: [v * 1000 for v in values] for name, values in steps.items()}
    parts = {
        "Powertools (routing, validation, response)": [
            h - s for h, s in zip(ms["handler"], ms["search"], strict=True)
        ],
        "opensearch-py client (request, JSON decode)": ms["client"],
        "warta (build_search, shaping)": [s - c for s, c in zip(ms["search"], ms["client"], strict=True)],
    }
    return {
        "handler_ms": {"median": statistics.median(ms["handler"]), "mean": statistics.fmean(ms["handler"])},
        "parts_median_ms": {name: statistics.median(values) for name, values in parts.items()},
    }


def handler_vs_direct(
    state: stack.StackState, mix: list[search_mix.Scenario], n: int, rounds: int = 3
) -> dict[str, Any]:
    """Wall time per request, one request at a time (no queueing), taking turns request by request: the
    search handler called in this process with the API Gateway event, against the same search sent to
    the node directly as `build_search`'s body over a kept-alive connection, as `bench.search_load`'s
    direct clients send it. This leaves out the local front and the execution environments' pipes, the
    stand-ins for API Gateway and the Lambda runtime, which in AWS are neither ours nor on our cores."""
    import http.client
    from urllib.parse import urlencode, urlsplit

    from warta.index.query import SEARCH_PARAMS, build_search
    from warta.local.api_front import http_api_event
    from warta.local.lambda_runtime import LocalContext, load_function

    os.environ.update(state.environment())
    module = load_function("search")
    context = LocalContext("warta-search")
    node = urlsplit(state.opensearch_url)
    direct = http.client.HTTPConnection(node.hostname, node.port, timeout=10)
    path = f"/{state.index_alias}/_search?{urlencode(SEARCH_PARAMS)}"
    headers = {"Content-Type": "application/json"}
    requests = [
        (
            http_api_event("GET", search_mix.api_path(sc.request), {}, b""),
            json.dumps(build_search(sc.request)).encode(),
        )
        for sc in mix[:n]
    ]

    def by_api(event: dict[str, Any], _body: bytes) -> None:
        if module.lambda_handler(event, context)["statusCode"] != 200:
            raise RuntimeError("the search handler did not answer 200")

    def by_node(_event: dict[str, Any], body: bytes) -> None:
        direct.request("POST", path, body=body, headers=headers)
        response = direct.getresponse()
        response.read()
        if response.status != 200:
            raise RuntimeError(f"the node answered {response.status}")

    ways = (("api", by_api), ("direct", by_node))
    wall: dict[str, list[float]] = {"api": [], "direct": []}
    with _quiet():
        for event, body in requests[:50]:  # warm both ways
            by_api(event, body)
            by_node(event, body)
        for turn in range(rounds):
            for i, (event, body) in enumerate(requests):
                for name, way in ways if (i + turn) % 2 else ways[::-1]:  # each goes first half the time
                    began = time.perf_counter()
                    way(event, body)
                    wall[name].append(time.perf_counter() - began)
    direct.close()
    out: dict[str, Any] = {}
    for name, values in wall.items():
        summary = stats.summary(values)
        out[name] = {"p50": summary["median"] * 1000, "p99": summary["p99"] * 1000}
    out["ratio"] = {q: out["api"][q] / out["direct"][q] for q in ("p50", "p99")}
    out["requests"] = len(wall["api"])
    return out


def _cpu_by_process(state: stack.StackState) -> dict[str, float]:
    """CPU seconds so far of the API front (its process group's leader), the execution environments (the
    rest of that group) and the node, read from /proc; this process (the bench clients) from os.times."""
    tick = os.sysconf("SC_CLK_TCK")
    api, node = state.pids["api"], state.pids["opensearch"]
    out = {"front": 0.0, "environments": 0.0, "OpenSearch": 0.0}
    for p in stack.processes():
        if p.group == api:
            out["front" if p.pid == api else "environments"] += p.cpu_ticks / tick
        elif p.group == node:
            out["OpenSearch"] += p.cpu_ticks / tick
    mine = os.times()
    out["bench clients"] = mine.user + mine.system
    return out


def search_cpu_against(
    state: stack.StackState, other: Path, requests: int, pairs: int, seed: int
) -> dict[str, Any]:
    """The search-cpu step for this checkout and for `other` (another revision's files, e.g. `git archive
    main | tar -x -C DIR`), each in a fresh process against the same stack, taking turns `pairs` times:
    a comparison that holds on a machine whose load changes from minute to minute."""
    code = (
        "import json, sys\n"
        "from bench.own_cost import STATE_DIR, search_cpu\n"
        "from bench import search_corpus, search_mix\n"
        "from warta.local import stack\n"
        f"mix = search_mix.scenarios(search_corpus.population({seed}), {seed})\n"
        f"print('RESULT', json.dumps(search_cpu(stack.read_state(STATE_DIR), mix, {requests}, replay=False)))\n"
    )
    sides = {
        "this checkout": {},
        str(other): {"PYTHONPATH": str(other / "layers" / "warta")},  # its warta and its functions
    }
    runs: dict[str, list[float]] = {side: [] for side in sides}
    for _ in range(pairs):
        for side, extra in sides.items():
            done = subprocess.run(
                [sys.executable, "-c", code],
                capture_output=True,
                text=True,
                cwd=REPO,
                env={**os.environ, **extra},
                check=True,
            )
            line = next(x for x in done.stdout.splitlines() if x.startswith("RESULT "))
            runs[side].append(json.loads(line.removeprefix("RESULT "))["handler_ms"]["median"])
    mine, theirs = runs.values()
    ratios = [a / b for a, b in zip(mine, theirs, strict=True)]
    return {
        "medians_ms": runs,
        "ratios": ratios,
        "median_of_each_ms": {side: statistics.median(values) for side, values in runs.items()},
        "median_ratio": statistics.median(ratios),
    }


def api_vs_direct(
    state: stack.StackState, mix: list[search_mix.Scenario], s: search_load.Settings
) -> dict[str, Any]:
    targets = (("api", state.api_url), ("direct", state.opensearch_url))
    for target, base in targets:
        search_load.run_phase(target, base, state.index_alias, mix, replace(s, seconds=s.prewarm, warmup=0))
    slices: dict[str, list[search_load.Slice]] = {t: [] for t, _ in targets}
    cpu: dict[str, dict[str, float]] = {t: {} for t, _ in targets}
    for _ in range(s.rounds):
        for target, base in targets:
            before = _cpu_by_process(state)
            part = search_load.run_phase(
                target, base, state.index_alias, mix, replace(s, seconds=s.seconds / s.rounds)
            )
            after = _cpu_by_process(state)
            slices[target].append(part)
            for name in before:
                cpu[target][name] = cpu[target].get(name, 0.0) + after[name] - before[name]
    result: dict[str, Any] = {t: search_load.combine(slices[t], s.seconds)["all"] for t, _ in targets}
    for target, _ in targets:
        # Per request sent, warm-up included (the CPU figures count it too), as search_load does.
        sent = max(sum(part.sent for part in slices[target]), 1)
        result[target]["cpu_ms_per_request"] = {n: v * 1000 / sent for n, v in cpu[target].items()}
        result[target]["load_average"] = max(part.load_average for part in slices[target])
    result["ratio"] = {q: result["api"][q] / result["direct"][q] for q in ("p50", "p99")}
    return result


def ingest_cpu(state: stack.StackState, pages: int, seed: int) -> dict[str, Any]:
    from warta.adapters.observability import PowertoolsReporter
    from warta.bootstrap import aws_client, ingest_dependencies
    from warta.ingest import outcomes, process_batch
    from warta.local.lambda_runtime import load_function
    from warta.settings import Settings

    from .corpus import pages as generate_pages

    os.environ.update(state.environment())
    s3 = aws_client("s3", state.environment())
    prefix = f"bench-own-{int(time.time())}"
    keys = []
    for i, page in enumerate(generate_pages(pages, seed)):
        key = f"{prefix}/{i:05d}.html"
        s3.put_object(Bucket=state.bucket, Key=key, Body=page.data, ContentType="text/html")
        keys.append(key)
    handler_module = load_function("ingest")  # its Logger and Metrics, as the function runs them
    deps = ingest_dependencies(
        Settings.from_env(state.environment()),
        PowertoolsReporter(handler_module.logger, handler_module.metrics),
    )
    parse, enrich = _Timed(outcomes.parse_article), _Timed(outcomes.enrich)
    outcomes.parse_article, outcomes.enrich = parse, enrich  # type: ignore[assignment]

    def record(key: str) -> dict[str, Any]:
        body = {
            "Records": [
                {
                    "eventName": "ObjectCreated:Put",
                    "eventTime": "2026-11-27T05:00:00.000Z",
                    "s3": {"bucket": {"name": state.bucket}, "object": {"key": key}},
                }
            ]
        }
        return {
            "messageId": key,
            "receiptHandle": key,
            "body": json.dumps(body),
            "attributes": {"ApproximateReceiveCount": "1"},
        }

    batches = [[record(k) for k in keys[i : i + 10]] for i in range(0, len(keys), 10)]
    with _quiet():
        process_batch(batches[0], deps)  # warm: lazy tables, connection pools
        emulator_before = search_load.group_cpu_seconds(state.pids["emulator"])
        parse.spent = enrich.spent = 0.0
        began, wall = time.process_time(), time.perf_counter()
        failed = [f for batch in batches[1:] for f in process_batch(batch, deps)]
        cpu, wall = time.process_time() - began, time.perf_counter() - wall
        emulator = search_load.group_cpu_seconds(state.pids["emulator"]) - emulator_before
    outcomes.parse_article, outcomes.enrich = parse.call, enrich.call  # type: ignore[assignment]
    articles = len(keys) - len(batches[0])
    ours = (cpu - parse.spent - enrich.spent) * 1000 / articles
    return {
        "articles": articles,
        "failed": len(failed),
        "wall_s": wall,
        "cpu_ms_per_article": cpu * 1000 / articles,
        "parse_enrich_ms_per_article": (parse.spent + enrich.spent) * 1000 / articles,
        "outside_parse_enrich_ms_per_article": ours,
        "emulator_cpu_ms_per_article": emulator * 1000 / articles,
    }


def import_cost(runs: int) -> dict[str, Any]:
    """Fresh-interpreter imports of the search handler and of the bare libraries, taking turns (see
    `coldstart.time_imports_alternating`); the ratio is the handler's median over the bare median."""
    compile_bytecode()
    codes = {"search handler": _handler("search"), "bare libraries": SEARCH_BARE}
    timed = time_imports_alternating(codes, lambda_env(tracer=False), runs)
    handler, bare = timed["search handler"], timed["bare libraries"]
    return {
        **timed,
        "ratio": handler["wall"]["median"] / bare["wall"]["median"],
        "cpu_ratio": handler["cpu"]["median"] / bare["cpu"]["median"],
    }


def render(r: dict[str, Any]) -> str:
    lines = ["| measurement | result | target |", "|---|---|---|"]
    if "search_cpu" in r:
        c = r["search_cpu"]
        lines.append(
            f"| search handler CPU per request, median of {c['requests']} (mean) | "
            f"{c['handler_ms']['median']:.2f} ms ({c['handler_ms']['mean']:.2f}) | <= 1.0 ms |"
        )
        lines += [f"| - {name} | {ms:.2f} ms | |" for name, ms in c["parts_median_ms"].items()]
        speed = c["machine_speed_ms"]
        lines.append(
            f"| - the machine's speed before and after (`machine_speed`, lower is faster) | "
            f"{speed['before']:.2f} / {speed['after']:.2f} ms | |"
        )
        replayed = c.get("replayed")
        if replayed:
            lines.append(
                f"| the same, the node's answers replayed from memory (the machine's sharing left out) | "
                f"{replayed['handler_ms']['median']:.2f} ms ({replayed['handler_ms']['mean']:.2f}) | <= 1.0 ms |"
            )
            lines += [f"| - {name} | {ms:.2f} ms | |" for name, ms in replayed["parts_median_ms"].items()]
    if "handler_vs_direct" in r:
        h = r["handler_vs_direct"]
        a, d, q = h["api"], h["direct"], h["ratio"]
        lines.append(
            f"| handler in process / direct, one at a time, taking turns ({h['requests']} each): p50 "
            f"{a['p50']:.1f} / {d['p50']:.1f} ms, p99 {a['p99']:.1f} / {d['p99']:.1f} ms | p50 {q['p50']:.2f}x, "
            f"p99 {q['p99']:.2f}x | <= 1.3x |"
        )
    if "search_cpu_against" in r:
        c = r["search_cpu_against"]
        for side, medians in c["medians_ms"].items():
            turns = " / ".join(f"{m:.2f}" for m in medians)
            lines.append(
                f"| - search handler CPU, {side}, median of each turn | {turns} ms; "
                f"median {c['median_of_each_ms'][side]:.2f} ms | |"
            )
        ratios = " / ".join(f"{x:.2f}x" for x in c["ratios"])
        lines.append(
            f"| - this checkout against the other, turn by turn | {ratios}; median {c['median_ratio']:.2f}x | |"
        )
    if "load" in r:
        a, d, q = r["load"]["api"], r["load"]["direct"], r["load"]["ratio"]
        lines.append(
            f"| API / direct at {r['settings']['clients']} clients: p50 {a['p50']:.1f} / {d['p50']:.1f} ms, p99 {a['p99']:.1f} / "
            f"{d['p99']:.1f} ms ({a['rps']:.0f} / {d['rps']:.0f} req/s) | p50 {q['p50']:.2f}x, "
            f"p99 {q['p99']:.2f}x | <= 1.3x |"
        )
        for target, rps in (("api", a["rps"]), ("direct", d["rps"])):
            spent = r["load"][target]["cpu_ms_per_request"]
            busy = sum(spent.values()) * rps / 1000
            lines.append(
                f"| - CPU per {target} request, ms: "
                + ", ".join(f"{name} {ms:.2f}" for name, ms in spent.items())
                + f" | {busy:.2f} of {os.cpu_count()} cores busy | |"
            )
    if "ingest" in r:
        g = r["ingest"]
        lines.append(
            f"| ingest CPU per article outside parse + enrich ({g['articles']} articles) | "
            f"{g['outside_parse_enrich_ms_per_article']:.1f} ms against parse + enrich "
            f"{g['parse_enrich_ms_per_article']:.1f} ms | <= parse + enrich |"
        )
        lines.append(
            f"| - the emulator's CPU per article (moto, apart) | {g['emulator_cpu_ms_per_article']:.1f} ms | |"
        )
    if "import" in r:
        i = r["import"]
        h, b = i["search handler"], i["bare libraries"]
        for clock, ratio in (("wall", "ratio"), ("cpu", "cpu_ratio")):
            pairs = b[f"{clock}_ratio_to_first"]  # the handler's time over the bare time, run by run
            lines.append(
                f"| search handler import, {clock} time, median of {h[clock]['n']} alternating runs "
                f"(min-max) | {h[clock]['median'] * 1000:.0f} ms ({h[clock]['min'] * 1000:.0f}-"
                f"{h[clock]['max'] * 1000:.0f}) against {b[clock]['median'] * 1000:.0f} ms "
                f"({b[clock]['min'] * 1000:.0f}-{b[clock]['max'] * 1000:.0f}) bare: {i[ratio]:.2f}x; "
                f"ratio of each pair: median {pairs['median']:.2f}x, p90 {pairs['p90']:.2f}x | <= 1.2x |"
            )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--requests", type=int, default=500, help="search requests timed in process")
    parser.add_argument("--seconds", type=float, default=40, help="measured load, per target, in all")
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--clients", type=int, default=4, help="closed-loop clients of the load step")
    parser.add_argument("--prewarm", type=float, default=20, help="unmeasured load per target first")
    parser.add_argument("--pages", type=int, default=210, help="ingested articles (10 of them warm up)")
    parser.add_argument("--import-runs", type=int, default=30)
    parser.add_argument(
        "--only",
        action="append",
        choices=("search-cpu", "handler-vs-direct", "search-cpu-against", "load", "ingest", "import"),
    )
    parser.add_argument("--keep", action="store_true", help="leave the stack running (development)")
    parser.add_argument(
        "--against", type=Path, help="search-cpu-against: another revision's files, e.g. main's"
    )
    parser.add_argument("--pairs", type=int, default=3, help="search-cpu-against: turns of each side")
    args = parser.parse_args()
    only = set(args.only or ("search-cpu", "handler-vs-direct", "load", "ingest", "import"))
    if "search-cpu-against" in only and args.against is None:
        parser.error("--only search-cpu-against needs --against DIR")
    result: dict[str, Any] = {"settings": vars(args)}
    timings: dict[str, float] = {}
    if "import" in only:
        began = time.perf_counter()
        result["import"] = import_cost(args.import_runs)
        timings["import"] = time.perf_counter() - began
    if only - {"import"}:
        if stack.read_state(STATE_DIR) is None:
            shutil.rmtree(STATE_DIR, ignore_errors=True)
        config = stack.StackConfig(
            state_dir=STATE_DIR,
            opensearch_port=_free_port(),
            emulator_port=_free_port(),
            api_port=_free_port(),
            workers=0,
            api_environments=4,
            opensearch_url=None,
        )
        s = search_load.Settings(
            docs=args.docs,
            seed=args.seed,
            seconds=args.seconds,
            warmup=2,
            prewarm=args.prewarm,
            rounds=max(1, args.rounds),
            clients=args.clients,
            client_procs=1,
            api_environments=4,
            profile_requests=0,
            state_dir=STATE_DIR,
            ports=(0, 0, 0),
        )
        try:
            began = time.perf_counter()
            state = stack.up(config, echo=lambda m: print(m, flush=True))
            if only & {"search-cpu", "handler-vs-direct", "search-cpu-against", "load"}:
                client = search_load.make_client(state.opensearch_url)
                indexed = (
                    client.indices.exists_alias(name=state.index_alias)
                    and client.count(index=state.index_alias)["count"] == args.docs
                )
                if not indexed:
                    result["index"] = search_load.build_index(state.opensearch_url, state.index_alias, s)
            timings["stack and index"] = time.perf_counter() - began
            mix = search_mix.scenarios(search_corpus.population(args.seed), args.seed)
            for name, step in (
                ("search-cpu", lambda: search_cpu(state, mix, args.requests)),
                ("handler-vs-direct", lambda: handler_vs_direct(state, mix, args.requests)),
                (
                    "search-cpu-against",
                    lambda: search_cpu_against(state, args.against, args.requests, args.pairs, args.seed),
                ),
                ("load", lambda: api_vs_direct(state, mix, s)),
                ("ingest", lambda: ingest_cpu(state, args.pages, args.seed)),
            ):
                if name in only:
                    began = time.perf_counter()
                    result[name.replace("-", "_")] = step()
                    timings[name] = time.perf_counter() - began
        finally:
            if not args.keep:
                stack.down(STATE_DIR)
    result["seconds"] = timings
    print(json.dumps(result, indent=2, default=str))
    print(render(result))
    print("took: " + ", ".join(f"{name} {seconds:.0f} s" for name, seconds in timings.items()))


if __name__ == "__main__":
    main()
