# Benchmarks: `make bench` runs them all: the sections below, plus the targets that name `bench` as theirs in
# make/*.mk (extraction, alerts, stories, export; about 30 minutes with the default 10,000 end-to-end files on
# 2 cores). This part
# prints a table and rewrites docs/benchmarks.md below its hand-written header.
# Smaller end-to-end run: make bench BENCH_E2E_FILES=2000
BENCH_E2E_FILES ?= 10000
BENCH_WORKERS ?= 3
BENCH_PAGES ?= 300
BENCH_SEED ?= 7
# Uploads wait while more messages than this are queued (moto scans its queue on every receive); 0: all at once
BENCH_MAX_QUEUED ?= 100

.PHONY: bench bench-corpus

bench: setup
	$(BIN)/python -m bench.run --pages $(BENCH_PAGES) --e2e-files $(BENCH_E2E_FILES) \
		--workers $(BENCH_WORKERS) --seed $(BENCH_SEED) --max-queued $(BENCH_MAX_QUEUED)

# The generated pages alone, to look at or to feed other tools: make bench-corpus BENCH_OUT=/tmp/pages
BENCH_OUT ?= .warta/bench/pages
bench-corpus: setup
	$(BIN)/python -m bench.corpus --count $(BENCH_PAGES) --seed $(BENCH_SEED) --out $(BENCH_OUT)
