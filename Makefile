# Every target sets up what it needs first. `make demo` and `make test` are the two commands a new
# user needs; the rest are for developers.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
# Python 3.12, the Lambda runtime's version: on PATH, or from pyenv when it has one.
PYTHON312 := $(shell for p in python3.12 $$(ls -d $$HOME/.pyenv/versions/3.12*/bin/python3.12 2>/dev/null | sort -V | tail -1) python3; do \
	$$p -c 'import sys; sys.exit(sys.version_info[:2] != (3, 12))' 2>/dev/null && { echo $$p; break; }; done)

.PHONY: setup test unit integration up down demo lint format-check types check clean openapi eval

$(BIN)/warta: pyproject.toml layers/warta/requirements.txt
	@test -n "$(PYTHON312)" || { echo "Python 3.12 is required (the Lambda runtime's version)"; exit 1; }
	@command -v java >/dev/null && command -v mvn >/dev/null || { echo "Java 17 and Maven are required: .ci/run installs them with apt-get"; exit 1; }
	$(PYTHON312) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	@touch $@

setup: $(BIN)/warta

test: setup
	$(BIN)/python -m pytest -q

unit: setup
	$(BIN)/python -m pytest -q tests/unit

integration: setup
	$(BIN)/python -m pytest -q tests/integration tests/e2e

up: setup
	$(BIN)/warta local up

down:
	@if [ -x $(BIN)/warta ]; then $(BIN)/warta local down; fi

demo: setup
	$(BIN)/warta local up
	$(BIN)/warta demo samples tests/fixtures/seed_vivanews.html

# Extraction and enrichment quality over our labelled pages and sentences (floors pinned in tests).
eval: setup
	$(BIN)/python tools/eval_extraction.py
	$(BIN)/python tools/eval_enrichment.py
	$(BIN)/python tools/eval_ner.py
	$(BIN)/python tools/eval_quotes.py

openapi: setup
	$(BIN)/python tools/export_openapi.py

# What CI runs before the tests, and what a developer runs before a commit: lint, format, types, unit tier.
CHECKED := layers functions tests tools bench

lint: setup
	$(BIN)/ruff check $(CHECKED)

format-check: setup
	$(BIN)/ruff format --check $(CHECKED)

types: setup
	$(BIN)/mypy

check: lint format-check types unit

clean: down
	rm -rf $(VENV) .warta build

# Targets of their own areas (benchmarks, deployment checks) live beside this file.
-include make/*.mk
