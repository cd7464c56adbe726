# Extraction on the shared devset's real pages, ours next to trafilatura (skipped without ../shared/devset).
# `make bench` runs it first; alone: make bench-extraction
BENCH_EXTRACTION_ROUNDS ?= 5
BENCH_EXTRACTION_RUNS ?= 5

.PHONY: bench-extraction

bench-extraction: setup
	$(BIN)/python -m bench.extraction --rounds $(BENCH_EXTRACTION_ROUNDS) --runs $(BENCH_EXTRACTION_RUNS)

bench: bench-extraction
