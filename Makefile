# Gazette: `make run` serves the API, `make test` runs every test. Both install what they need.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp

.PHONY: run test lint openapi install clean

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

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
