# latar: two commands on a fresh machine — `make serve` and `make test`.
VENV     ?= .venv
PYTHON   ?= python3
BIN      := $(VENV)/bin
CHROMIUM ?= /usr/bin/chromium
STAMP    := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
export LATAR_CHROMIUM ?= $(CHROMIUM)

.PHONY: install serve build check test lint browser bench audit clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(STAMP)

NODE_TOOLS := tests/node_modules/.installed
$(NODE_TOOLS): tests/package-lock.json
	npm ci --prefix tests --silent --no-audit --no-fund
	touch $@

PORT ?= 8000
# Not --strict: a problem is shown on the served pages and in the terminal instead of stopping the preview.
serve: $(STAMP) ## build and serve on http://127.0.0.1:$(PORT) (make serve PORT=8001), reloading on note or seed changes
	@$(BIN)/python -c 'import socket; s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(("127.0.0.1", $(PORT)))' 2>/dev/null \
	  || { echo "ERROR: port $(PORT) on 127.0.0.1 is in use (another 'make serve'?); stop it or run 'make serve PORT=8001'" >&2; exit 1; }
	$(BIN)/mkdocs serve -a 127.0.0.1:$(PORT)

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

lint: $(STAMP)
	$(BIN)/ruff check plugins tests benchmarks
	$(BIN)/ruff format --check plugins tests benchmarks

test: $(STAMP) $(NODE_TOOLS) browser ## every test: unit, real builds, real Chromium, workflow linters
	$(BIN)/ruff check plugins tests benchmarks
	$(BIN)/pytest

# BENCH=--quick: a short run for development (real site, 1 x 10, 10 x 100; results in benchmarks/.work/quick).
# The benchmarks' own smoke tests: $(BIN)/pytest -m bench
bench: $(STAMP) browser ## benchmarks (benchmarks/results/): build time and memory against hand-written, cold builds, preview latency, then search bytes and recall in Chromium
	$(BIN)/python -m benchmarks.run $(BENCH)
	$(BIN)/python -m benchmarks.search

AUDIT_TOOLS := benchmarks/node_modules/.installed
$(AUDIT_TOOLS): benchmarks/package-lock.json
	npm ci --prefix benchmarks --silent --no-audit --no-fund
	touch $@

audit: $(STAMP) $(AUDIT_TOOLS) browser ## Lighthouse on the article page served with gzip, vs stock Material
	$(BIN)/python -m benchmarks.audit

clean:
	rm -rf site .pytest_cache benchmarks/.work .cache/latar
