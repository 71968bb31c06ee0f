# Two commands: `make run` sets up and serves the dashboard; `make test` sets up and runs every test.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8050
STORE := data/s3.sqlite
STORE_SOURCES := data/schema.py data/classifications.py data/content.py data/plan.py data/example.py data/example_rows.py data/example_assessments.py data/build.py data/measures.py data/real.py $(wildcard data/real/*) $(wildcard data/importing/*.py)

.PHONY: run dev test test-unit test-browser lint format browser bench clean plotly-bundle

# gunicorn (web/serve.py): WEB_CONCURRENCY workers (2), WEB_THREADS threads each (4).
run: $(VENV)/.installed $(STORE)
	HOST=$(HOST) PORT=$(PORT) $(PY) -m web.serve

# Flask's development server with Dash's debugging tools: only for debugging, never in production.
dev: $(VENV)/.installed $(STORE)
	DASH_DEBUG=1 HOST=$(HOST) PORT=$(PORT) $(PY) app.py

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.test-installed: $(VENV)/.installed requirements-test.txt
	$(PY) -m pip install --quiet -r requirements-test.txt
	touch $@

# The store is built, never committed; it is rebuilt when the code that makes it changes.
$(STORE): $(VENV)/.installed $(STORE_SOURCES)
	$(PY) -m data build --db sqlite:///$(CURDIR)/$(STORE)

# Debian's Chromium and ChromeDriver, for browser tests and image export; never a downloaded browser.
browser:
	@if ! command -v chromium >/dev/null 2>&1; then \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -q && $$SUDO apt-get install -y -q chromium chromium-driver; \
	fi

# The page's plotly.js: only the trace types the views draw (web/plotly_bundle/entry.js), built with esbuild
# from the pinned npm packages into assets/vendor/. Committed; needed only when the trace types change.
plotly-bundle:
	cd web/plotly_bundle && npm ci --no-audit --no-fund --ignore-scripts && node build.js && rm -rf node_modules

lint: $(VENV)/.test-installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.test-installed
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Two workers (pytest-xdist), each with its own store, server and Chromium; the checks of one loaded
# page stay in one worker (xdist_group). `make test WORKERS=` runs in one process.
WORKERS ?= -n 2 --dist loadgroup

# Every test, both kinds, in one run; the slowest are listed.
test: $(VENV)/.test-installed browser lint
	$(PY) -m pytest -q $(WORKERS) --durations=20

# The two kinds apart: without a browser (store, indicators, charts, pages over HTTP, exports) ...
test-unit: $(VENV)/.test-installed lint
	$(PY) -m pytest -q $(WORKERS) -m "not browser"

# ... and in Debian's headless Chromium (tests/*_browser.py).
test-browser: $(VENV)/.test-installed browser
	$(PY) -m pytest -q $(WORKERS) -m browser

bench: $(VENV)/.test-installed browser $(STORE)
	$(PY) bench/speed.py

clean:
	rm -rf $(VENV) $(STORE) .pytest_cache .ruff_cache
