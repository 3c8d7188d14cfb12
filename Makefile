# Gazette: `make run` serves the API, `make test` runs every test. Both install what they need.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp

.PHONY: run test lint openapi install clean bench

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

## Start the API on 127.0.0.1:$${PORT:-8000} (embedded Postgres unless DATABASE_URL is set).
run: $(STAMP)
	$(PY) -m api serve

## Lint, type-check and run unit, integration and contract tests.
test: $(STAMP) lint
	$(PY) -m pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check api tests bench
	$(VENV)/bin/ruff format --check api tests bench
	$(VENV)/bin/mypy api

## Regenerate openapi/openapi.json from the app (commit the result).
openapi: $(STAMP)
	$(PY) -m api openapi > openapi/openapi.json.tmp && mv openapi/openapi.json.tmp openapi/openapi.json

## Benchmarks: build the corpus if it is not there (BENCH_SCALE=1: 100,000 articles, about
## 15 minutes), measure reads (BENCH_DURATION seconds per figure), write bench/REPORT.md.
## Needs wrk and pgbench (Debian: apt-get install -y wrk postgresql-client).
## A smoke run: make bench BENCH_SCALE=0.05 BENCH_DURATION=3
BENCH_SCALE ?= 1
BENCH_DURATION ?= 10
bench: $(STAMP)
	$(PY) bench/report.py --scale $(BENCH_SCALE) --duration $(BENCH_DURATION)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
