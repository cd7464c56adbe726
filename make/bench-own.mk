# What is ours, measured (issue 17; a few minutes on 2 cores): search handler CPU per request in process
# (around real searches, and with the node's answers replayed), the handler against OpenSearch direct one
# request at a time, the API against OpenSearch direct at 4 clients, ingest CPU per article outside
# parse + enrich, and the search handler's import against the bare libraries. Starts its own stack on free
# ports (state in .warta/bench-own) and stops it; prints JSON and a table for docs/benchmarks.md.
BENCH_OWN_REQUESTS ?= 500
BENCH_OWN_SECONDS ?= 40

.PHONY: bench-own

bench-own: setup
	$(BIN)/python -m bench.own_cost --requests $(BENCH_OWN_REQUESTS) --seconds $(BENCH_OWN_SECONDS)
