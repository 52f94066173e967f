# latar: two commands on a fresh machine — `make serve` and `make test`.
VENV     ?= .venv
PYTHON   ?= python3
BIN      := $(VENV)/bin
CHROMIUM ?= /usr/bin/chromium
LOCK     := .github/requirements/deploy.txt
STAMP    := $(VENV)/.installed
TESTS    := $(VENV)/.installed-test
export NO_MKDOCS_2_WARNING := 1
export LATAR_CHROMIUM ?= $(CHROMIUM)

.PHONY: install serve build check test test-fast lint browser bench audit reader clean

# What serving and building need, and nothing else: the hashed lock (pip-compile --generate-hashes of pyproject.toml's
# dependencies; Dependabot bumps it), the same for `make serve`, `make build` and the Pages deploy.
$(STAMP): pyproject.toml $(LOCK)
	$(PYTHON) -m venv $(VENV)
	@echo "Installing what the site needs from $(LOCK) (every package checked against its hash)…"
	$(BIN)/pip install --progress-bar on --require-hashes -r $(LOCK)
	$(BIN)/pip install --no-deps --no-build-isolation -e .
	touch $@

# The test tools on top (pytest, Playwright, zizmor…): `make test` and `make install`, never the deploy.
$(TESTS): $(STAMP)
	@echo "Installing the test tools…"
	$(BIN)/pip install -e '.[test]'
	touch $@

install: $(TESTS)

NODE_TOOLS := tests/node_modules/.installed
$(NODE_TOOLS): tests/package-lock.json
	npm ci --prefix tests --silent --no-audit --no-fund
	touch $@

PORT ?= 8000
# Not --strict: a problem is shown on the served pages and in the terminal instead of stopping the preview.
# --dirty: a save rebuilds only the pages it touches, as latar decides (plugins/latar/mkdocs/dirty.py), not by file times.
serve: $(STAMP) ## build and serve on http://127.0.0.1:$(PORT) (make serve PORT=8001), reloading on note or seed changes
	@$(BIN)/python -c 'import socket; s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(("127.0.0.1", $(PORT)))' 2>/dev/null \
	  || { echo "ERROR: port $(PORT) on 127.0.0.1 is in use (another 'make serve'?); stop it or run 'make serve PORT=8001'" >&2; exit 1; }
	$(BIN)/mkdocs serve --dirty -a 127.0.0.1:$(PORT)

build: $(STAMP) ## build site/ (fails on any warning)
	$(BIN)/mkdocs build --strict

check: $(STAMP) ## validate notes and anchors without building
	$(BIN)/latar check

browser: ## make sure Debian's Chromium is there for the browser tests
	@if [ -x "$(LATAR_CHROMIUM)" ]; then exit 0; fi; \
	echo "Chromium not found at $(LATAR_CHROMIUM): installing Debian's 'chromium' package"; \
	SUDO=; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	{ $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; } \
	  || { echo "ERROR: could not install Chromium. Install it with 'apt-get install chromium' or set CHROMIUM=/path/to/chromium." >&2; exit 1; }; \
	[ -x "$(LATAR_CHROMIUM)" ] || { echo "ERROR: Chromium is still missing at $(LATAR_CHROMIUM); set CHROMIUM=/path/to/chromium." >&2; exit 1; }

lint: $(TESTS)
	$(BIN)/ruff check plugins tests benchmarks
	$(BIN)/ruff format --check plugins tests benchmarks

# One worker per core; a file's tests stay on one worker (its module fixtures are built once), and each worker
# builds the real site and starts Chromium once (session fixtures). XDIST= runs in one process.
XDIST ?= -n auto --dist loadfile
FAST  := not browser and not tools and not content and not bench

test: $(TESTS) $(NODE_TOOLS) browser ## every test: unit, real builds, real content, real Chromium, outside tools
	$(BIN)/ruff check plugins tests benchmarks
	$(BIN)/mypy
	$(BIN)/pytest $(XDIST)

test-fast: $(TESTS) ## units, the validator and small fixture-site builds: no browser, no outside tool, no real content
	$(BIN)/ruff check plugins tests benchmarks
	$(BIN)/mypy
	$(BIN)/pytest $(XDIST) -m "$(FAST)"

# BENCH=--quick: a short run for development (real site, 1 x 10, 10 x 100; results in benchmarks/.work/quick).
# The benchmarks' own smoke tests: $(BIN)/pytest -m bench
bench: $(TESTS) browser ## benchmarks (benchmarks/results/): build time and memory against hand-written, cold builds, preview latency, then search bytes and recall in Chromium
	$(BIN)/python -m benchmarks.run $(BENCH)
	$(BIN)/python -m benchmarks.search

AUDIT_TOOLS := benchmarks/node_modules/.installed
$(AUDIT_TOOLS): benchmarks/package-lock.json
	npm ci --prefix benchmarks --silent --no-audit --no-fund
	touch $@

audit: $(TESTS) $(AUDIT_TOOLS) browser ## Lighthouse on the article page served with gzip, vs stock Material
	$(BIN)/python -m benchmarks.audit

READER ?=
reader: $(STAMP) $(AUDIT_TOOLS) browser ## the reader's figures (#24) into benchmarks/results/reader/: make reader READER="--label after"
	$(BIN)/python -m benchmarks.reader $(READER)

clean:
	rm -rf site .pytest_cache benchmarks/.work .cache/latar
