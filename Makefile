# unspin: the two set-up commands are `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: install demo test test-fast lint typecheck bench bench-store chromium screenshot clean

# torch is installed first, pinned to the CPU build, so that nothing pulls CUDA wheels.
# constraints.txt holds the exact versions every README figure was measured with.
$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q torch==2.13.0
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

## Analyse the bundled example: writes demo-output/*.html and *.json, prints a summary.
demo: install
	$(BIN)/unspin analyze examples/article.md --format html,json --output demo-output

## Install everything (Chromium included) and run the whole test suite.
test: install chromium
	$(BIN)/python -m pytest -q

## The suite without the browser and model-heavy tests; a test that imports spaCy or
## sentence-transformers without the slow marker fails (tests/model_guard.py).
test-fast: install
	$(BIN)/python -m pytest -q -m "not browser and not slow" -p tests.model_guard

lint: install
	$(BIN)/ruff check src tests bench training
	$(BIN)/ruff format --check src tests bench training
	$(BIN)/mypy

bench: install
	$(BIN)/python bench/pipeline_speed.py

## Corpus store: ingest rate and search latency at 10k and 100k sentences, SQLite and PostgreSQL.
bench-store: install
	nice $(BIN)/python bench/store_bench.py --json bench/results/store.json

## docs/screenshot.png: `unspin serve` on a free port with a temporary store, examples/article.md
## analysed through the page in Debian's Chromium (run on purpose, not by the tests).
screenshot: install chromium
	$(BIN)/python scripts/screenshot.py --out docs/screenshot.png

## Debian's Chromium for the HTML report tests (never a downloaded browser).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

clean:
	rm -rf $(VENV) demo-output build dist .pytest_cache .mypy_cache .ruff_cache
