# The explorer page (functions/search/explorer/) and the OpenSearch Dashboards saved objects (dashboards/).

.PHONY: screenshots explorer-test dashboards-file

# docs/screenshots/*.png from the browser test, on a stack of its own (needs Debian's chromium).
screenshots: setup
	WARTA_SCREENSHOTS=1 $(BIN)/python -m pytest -q tests/e2e/test_explorer.py -k screenshots

# The explorer's browser tests alone, printing the first-render timing.
explorer-test: setup
	$(BIN)/python -m pytest -q -s tests/unit/test_explorer_assets.py tests/e2e/test_explorer.py

# Rewrite dashboards/warta.ndjson from tools/export_dashboards.py (a test fails when they differ).
dashboards-file: setup
	$(BIN)/python tools/export_dashboards.py
