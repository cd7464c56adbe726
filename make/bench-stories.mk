# Story clustering in process (about 20 s): our MinHash against datasketch when it is installed
# (pip install datasketch==2.0.0 into .venv; it is not a project dependency). See docs/benchmarks.md.
BENCH_STORY_PAGES ?= 400

.PHONY: bench-stories

bench-stories: setup
	$(BIN)/python -m bench.stories --pages $(BENCH_STORY_PAGES) --seed $(BENCH_SEED)

# Exports (about 2 minutes): its own stack on ports 9281/5081/8081, 12,000 generated documents
BENCH_EXPORT_DOCS ?= 12000
.PHONY: bench-export
bench-export: setup
	$(BIN)/python -m bench.export --docs $(BENCH_EXPORT_DOCS) --seed $(BENCH_SEED)

# Stories on a local node (about 2 minutes): its own stack on ports 9282/5082/8082; the backfill rate
# over generated documents and the merge look's cost per ingest batch. See docs/benchmarks.md.
BENCH_STORY_DOCS ?= 3000
.PHONY: bench-story-index
bench-story-index: setup
	$(BIN)/python -m bench.story_index --docs $(BENCH_STORY_DOCS) --seed $(BENCH_SEED)

# `make bench` runs them too.
bench: bench-stories bench-export bench-story-index
