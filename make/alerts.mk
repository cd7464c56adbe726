# Alerts: percolating new articles against saved searches (bench/alerts.py; numbers in docs/benchmarks.md).
BENCH_ALERTS ?= 1000

.PHONY: bench-alerts

bench-alerts: setup
	$(BIN)/python -m bench.alerts --alerts $(BENCH_ALERTS) --pages 200 --rounds 5 --seed $(BENCH_SEED)

# `make bench` runs it too.
bench: bench-alerts
