# Gazette: `make run` serves the API, `make test` runs every test. Both install what they need.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp

CLIENT := openapi/client
# npm writes this file on every install: newer than the lock means installed from it
NODE_STAMP := $(CLIENT)/node_modules/.package-lock.json

# the dev environment's every package, pinned (`make lock` writes it)
LOCK   := requirements-dev.lock

.PHONY: help run test test-unit eval lint openapi install lock clean client client-check \
	lint-spec contract-check bench
.DEFAULT_GOAL := help

## List the targets and what each does.
help:
	@awk '/^## /{doc = doc "  " substr($$0, 4) "\n"; next} \
	     /^[A-Z_]+ *[?:]?=/ {next} \
	     /^[a-z][a-z-]*:/ && doc {split($$0, t, ":"); gsub(/\$$\$$/, "$$", doc); \
	                              printf "make %s\n%s", t[1], doc} \
	     {doc = ""}' $(MAKEFILE_LIST)

$(STAMP): pyproject.toml $(LOCK)
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]' --constraint $(LOCK)
	@touch $(STAMP)

## Install the API and its dev tools into .venv, at the versions of requirements-dev.lock.
install: $(STAMP)

## Pin the dev environment again: newest versions pyproject.toml allows, written to the lock.
lock:
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade -e '.[dev]'
	{ echo "# make lock: every package of the dev environment (pip install -e '.[dev]'), pinned."; \
	  $(PY) -m pip freeze --all --exclude-editable | grep -v '^pip=='; } > $(LOCK)
	@touch $(STAMP)

## Start the API on 127.0.0.1:$${PORT:-8000} (embedded Postgres unless DATABASE_URL is set).
run: $(STAMP)
	$(PY) -m api serve

## Lint, type-check and run unit, integration and contract tests; line coverage of api/
## is measured and must stay above the floor in pyproject.toml ([tool.coverage.report]).
test: $(STAMP) lint
	$(PY) -m coverage run -m pytest
	$(PY) -m coverage report

## The unit tests alone (no database, a few seconds): the loop while changing extraction.
test-unit: $(STAMP)
	$(PY) -m pytest tests/unit -q

## Extraction quality offline: figures per gold file (eval/gold) and pooled.
## EVAL_ARGS='--misses 30' lists what was missed; '--only speaker' narrows the list.
EVAL_ARGS ?=
eval: $(STAMP)
	$(PY) -m api.evaluation $(EVAL_ARGS)

## ruff (lint and format) and mypy --strict over api/, tests/ and bench/.
lint: $(STAMP)
	$(VENV)/bin/ruff check api tests bench
	$(VENV)/bin/ruff format --check api tests bench
	$(VENV)/bin/mypy

## Regenerate openapi/openapi.json from the app (commit the result).
openapi: $(STAMP)
	$(PY) -m api openapi > openapi/openapi.json.tmp && mv openapi/openapi.json.tmp openapi/openapi.json

# --- for frontend teams: Node tools pinned in openapi/client/package-lock.json ---------------

$(NODE_STAMP): $(CLIENT)/package.json $(CLIENT)/package-lock.json
	npm ci --prefix $(CLIENT) --prefer-offline --no-audit --no-fund
	@touch $(NODE_STAMP)

## TypeScript types from the spec (openapi/client/gazette.d.ts) and a type-check of example.ts.
client: $(NODE_STAMP)
	@echo "client: openapi/openapi.json -> $(CLIENT)/gazette.d.ts (openapi-typescript)"
	cd $(CLIENT) && npm run --silent types > gazette.d.ts.tmp && mv gazette.d.ts.tmp gazette.d.ts
	@echo "client: tsc --noEmit (strict) on example.ts"
	cd $(CLIENT) && npm run --silent typecheck
	@echo "client: types generated, example client type-checks"

## As `client`, but fail if the committed gazette.d.ts is not what the spec generates (CI).
client-check: $(NODE_STAMP)
	@echo "client-check: is $(CLIENT)/gazette.d.ts generated from openapi/openapi.json?"
	@cd $(CLIENT) && npm run --silent types | cmp -s - gazette.d.ts \
		|| { echo "$(CLIENT)/gazette.d.ts is stale: run 'make client' and commit it"; exit 1; }
	@echo "client-check: tsc --noEmit (strict) on example.ts"
	cd $(CLIENT) && npm run --silent typecheck
	@echo "client-check: types current, example client type-checks"

## Lint the spec with the rules in openapi/redocly.yaml.
lint-spec: $(NODE_STAMP)
	cd $(CLIENT) && REDOCLY_SUPPRESS_UPDATE_NOTICE=true npm run --silent lint-spec

## Fail on breaking changes since BASE_REF (HEAD~1) unless the commit message says BREAKING:.
contract-check: $(NODE_STAMP)
	openapi/contract-check.sh

## Benchmarks: build the corpus if it is not there (BENCH_SCALE=1: 100,000 articles, about
## 15 minutes), measure reads (BENCH_DURATION seconds per figure), NDJSON export and bulk
## ingest (BENCH_INGEST_ARTICLES per run, 1 and 2 processes), write bench/REPORT.md.
## Needs wrk and pgbench (Debian: apt-get install -y wrk postgresql-client).
## A smoke run: make bench BENCH_SCALE=0.05 BENCH_DURATION=3 BENCH_INGEST_ARTICLES=100
BENCH_SCALE ?= 1
BENCH_DURATION ?= 10
BENCH_INGEST_ARTICLES ?= 2000
bench: $(STAMP)
	$(PY) -m bench.report --scale $(BENCH_SCALE) --duration $(BENCH_DURATION) \
		--ingest-articles $(BENCH_INGEST_ARTICLES)

## Remove the environment and the caches (not .gazette/, the data).
clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache $(CLIENT)/node_modules
