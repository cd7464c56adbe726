# The search API under load next to OpenSearch queried directly (about 4 minutes): starts its own stack on
# ports 9271/5071/8071 (state in .warta/bench-search), indexes 10,000 generated documents, runs 20 clients
# for BENCH_SECONDS per target (in alternating rounds), prints the table and rewrites docs/benchmark-search.md below its header.
# Shorter, for development: make bench-search BENCH_SECONDS=10
BENCH_SECONDS ?= 60
BENCH_API_ENVIRONMENTS ?= 20
BENCH_CLIENT_PROCS ?= 1
BENCH_SEARCH_SEED ?= 7
BENCH_ROUNDS ?= 4

.PHONY: bench-search

bench-search: setup
	BENCH_SECONDS=$(BENCH_SECONDS) $(BIN)/python -m bench.search_load --api-environments $(BENCH_API_ENVIRONMENTS) \
		--client-procs $(BENCH_CLIENT_PROCS) --seed $(BENCH_SEARCH_SEED) --rounds $(BENCH_ROUNDS)
