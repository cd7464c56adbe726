"""The search client's CPU per request on each read path, in process, against the `make bench-own` stack:
the local read connection (`warta.index.read_connection`, plain HTTP), urllib3 (opensearch-py's default),
and the AWS path signed with SigV4 (fake keys: the local node ignores the signature) through requests
(what the read side used) and through the read connection (what it uses now). TLS is not in these
figures: the local node speaks plain HTTP.

    python -m bench.own_cost --only search-cpu --keep     # a stack with the 10,000 documents
    python -m bench.read_paths [--requests 500] [--rounds 3]

The same 500 searches of the benchmark's query mix on each path, the paths taking turns round by round;
thread CPU time around `client.search` only."""

from __future__ import annotations

import argparse
import statistics
import time
from typing import Any

from opensearchpy import (
    OpenSearch,
    RequestsAWSV4SignerAuth,
    RequestsHttpConnection,
    Urllib3AWSV4SignerAuth,
    Urllib3HttpConnection,
)


def _clients(url: str) -> dict[str, OpenSearch]:
    from botocore.credentials import Credentials
    from warta.index.client import FastJSONSerializer
    from warta.index.errors import DomainErrorsTransport
    from warta.index.read_connection import ReadConnection

    keys = Credentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "token")
    common: dict[str, Any] = {
        "hosts": [url],
        "serializer": FastJSONSerializer(),
        "timeout": 10,
        "max_retries": 2,
        "retry_on_timeout": True,
        "transport_class": DomainErrorsTransport,
    }
    return {
        "read connection, plain (local)": OpenSearch(connection_class=ReadConnection, **common),
        "urllib3, plain": OpenSearch(connection_class=Urllib3HttpConnection, **common),
        "requests, SigV4 (AWS before)": OpenSearch(
            connection_class=RequestsHttpConnection,
            http_auth=RequestsAWSV4SignerAuth(keys, "ap-southeast-3", "es"),
            **common,
        ),
        "read connection, SigV4 (AWS now)": OpenSearch(
            connection_class=ReadConnection,
            http_auth=Urllib3AWSV4SignerAuth(keys, "ap-southeast-3", "es"),
            **common,
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    from warta.index.query import SEARCH_PARAMS, build_search
    from warta.local import stack

    from . import search_corpus, search_mix
    from .own_cost import STATE_DIR

    state = stack.read_state(STATE_DIR)
    if state is None:
        raise SystemExit("no bench-own stack: run `python -m bench.own_cost --only search-cpu --keep` first")
    mix = search_mix.scenarios(search_corpus.population(args.seed), args.seed)[: args.requests]
    bodies = [build_search(scenario.request) for scenario in mix]
    clients = _clients(state.opensearch_url)
    spent: dict[str, list[float]] = {name: [] for name in clients}
    for client in clients.values():  # warm: connections, caches
        for body in bodies[:50]:
            client.search(index=state.index_alias, body=body, params=SEARCH_PARAMS)
    for _ in range(args.rounds):
        for name, client in clients.items():
            for body in bodies:
                began = time.thread_time()
                client.search(index=state.index_alias, body=body, params=SEARCH_PARAMS)
                spent[name].append(time.thread_time() - began)
    print("| read path | client CPU per search, median (mean) |\n|---|---|")
    for name, values in spent.items():
        print(
            f"| {name} | {statistics.median(values) * 1000:.2f} ms ({statistics.fmean(values) * 1000:.2f}) |"
        )


if __name__ == "__main__":
    main()
