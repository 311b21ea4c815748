# Build scaffolding for dangjian. Needs only make, git and Python 3.11 (`PY`).
# Everything else is installed into .venv from the hash-pinned requirements.lock.

PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.stamp
# Only the ones that exist (ruff errors out on missing paths).
LINT_PATHS := $(wildcard src tests examples benchmarks)

# Throwaway venv holding pip-tools; only used by `make lock`, never by the project.
PIPTOOLS_VENV ?= /tmp/dangjian-piptools
PIPTOOLS_VERSION ?= 7.6.2

.PHONY: venv demo serve test lock fmt clean

venv: $(STAMP)

# (Re)build the venv from scratch whenever the lock or project metadata changes.
# Nothing floats: every distribution (incl. the hatchling build backend used for the
# editable install) comes from requirements.lock with --require-hashes.
$(STAMP): requirements.lock pyproject.toml
	@$(PY) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "error: $(PY) must be Python >= 3.11 (lock is compiled for 3.11)")'
	$(PY) -m venv --clear $(VENV)
	$(BIN)/python -m pip install --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --no-deps --no-build-isolation -e .
	touch $@

demo: $(STAMP)
	$(BIN)/python examples/paixilv_points_year.py

# The village's pages and the HTTP API on the demo store: built on first run (the year's
# replay), with five demo accounts and today's tasks; http://127.0.0.1:8000/
SERVE_STORE ?= paixilv-demo.db
serve: $(STAMP)
	$(BIN)/python examples/paixilv_web.py $(SERVE_STORE)
	$(BIN)/dangjian --store $(SERVE_STORE) serve --port 8000 --workers 2

test: $(STAMP)
	$(BIN)/ruff check $(LINT_PATHS)
	$(BIN)/ruff format --check $(LINT_PATHS)
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/pytest

# Regenerate requirements.lock (all runtime + `dev` extra deps, fully pinned, with
# hashes) using pip-tools from a throwaway venv outside the project. Run with the
# same Python minor version the lock targets (3.11). Commit the result; the next
# `make` of any target rebuilds .venv from it. Existing pins are kept where still
# valid; `make lock LOCK_FLAGS=--upgrade` bumps everything to the newest versions.
LOCK_FLAGS ?=
lock:
	$(PY) -m venv $(PIPTOOLS_VENV)
	$(PIPTOOLS_VENV)/bin/python -m pip install --quiet pip-tools==$(PIPTOOLS_VERSION)
	$(PIPTOOLS_VENV)/bin/pip-compile $(LOCK_FLAGS) --extra dev --generate-hashes --allow-unsafe \
		--strip-extras --no-emit-index-url --no-emit-find-links \
		-o requirements.lock pyproject.toml

fmt: $(STAMP)
	$(BIN)/ruff format $(LINT_PATHS)
	$(BIN)/ruff check --fix $(LINT_PATHS)

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .hypothesis .import_linter_cache dist build
	find . -name __pycache__ -type d -prune -not -path './.git/*' -exec rm -rf {} +
	find . -maxdepth 1 -name '*.egg-info' -exec rm -rf {} +
