# thidua: two commands.
#   make demo   set up .venv, load the Trà Vinh demo, serve it on http://127.0.0.1:$(PORT)/
#   make test   lint, type-check, migration check and the whole test suite
# Needs only Python 3.11+ and GNU make. `make help` lists the other targets.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

PYTHON ?= python3
VENV ?= .venv
PORT ?= 8000
HOST ?= 127.0.0.1
PYTEST_ARGS ?=
# The address printed in certificates' QR codes and verification links follows the port
# the demo is served on (set THIDUA_PUBLIC_BASE_URL yourself for a real deployment).
export THIDUA_PUBLIC_BASE_URL ?= http://$(HOST):$(PORT)
# pytest-xdist workers for `make test` (auto: one per core; 0: a single process).
PYTEST_WORKERS ?= auto
# Where the SQLite database, collected static files, uploads and mail live.
export THIDUA_DATA_DIR ?= $(CURDIR)/var
export PIP_DISABLE_PIP_VERSION_CHECK := 1

BIN := $(VENV)/bin
ABS_BIN := $(abspath $(BIN))
THIDUA := $(BIN)/python -m thidua
# Stamps: pip runs again only when a requirements file or pyproject.toml changes.
RUNTIME_STAMP := $(VENV)/.stamp-runtime
DEV_STAMP := $(VENV)/.stamp-dev

.PHONY: help demo serve demo-setup prepare test lint messages clean distclean axe-update axe-check

help:
	@echo "thidua — make targets"
	@echo "  make demo        install, migrate, load the demo data, serve on http://$(HOST):$(PORT)/"
	@echo "  make test        lint + mypy + migration check + pytest (DATABASE_URL selects PostgreSQL)"
	@echo "  make serve       like demo, without (re)loading the demo data"
	@echo "  make demo-setup  migrate and load the demo data, no server"
	@echo "  make lint        ruff check, ruff format --check, mypy, makemigrations --check"
	@echo "  make messages    update the vi/en .po files and compile them"
	@echo "  make clean       remove caches and build leftovers (keeps .venv and the data)"
	@echo "  make distclean   clean, and remove .venv too (never the data in \$$THIDUA_DATA_DIR)"
	@echo "  make axe-update  fetch axe-core AXE_VERSION from npm into tests/vendor/axe (browser tests)"
	@echo "Variables: PORT=$(PORT) THIDUA_DATA_DIR=$(THIDUA_DATA_DIR) VENV=$(VENV) PYTEST_ARGS=$(PYTEST_ARGS)"
	@echo "           PYTEST_WORKERS=$(PYTEST_WORKERS) (pytest-xdist workers; 0 runs the tests in one process)"

# --- Virtual environment -------------------------------------------------------------

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(RUNTIME_STAMP): requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $@

$(DEV_STAMP): requirements-dev.txt $(RUNTIME_STAMP)
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	@touch $@

# --- Running -------------------------------------------------------------------------

# Database, translations (when gettext's msgfmt is installed) and static files.
prepare: $(RUNTIME_STAMP)
	@mkdir -p "$(THIDUA_DATA_DIR)"
	$(THIDUA) migrate --noinput
	@if command -v msgfmt >/dev/null && [ -d src/thidua/locale ]; then \
	  echo "cd src/thidua && python -m thidua compilemessages"; \
	  cd src/thidua && $(ABS_BIN)/python -m thidua compilemessages --verbosity 0; \
	else \
	  echo "(skipping compilemessages: no msgfmt or no src/thidua/locale; committed .mo files are used)"; \
	fi
	$(THIDUA) collectstatic --noinput --verbosity 0

demo-setup: prepare
	$(THIDUA) demo_setup

# The web server and the task worker run side by side; when either stops (Ctrl-C,
# SIGTERM, a crash), the other is stopped too, so nothing is left behind.
define run_server
	@echo
	@echo "==> thidua: http://$(HOST):$(PORT)/  (data: $(THIDUA_DATA_DIR))"
	@echo "    Sign in with a demo user (README.md lists them; password: thidua-demo)."
	@echo "    Ctrl-C stops the web server and the task worker."
	@$(THIDUA) db_worker --queue-name '*' --no-reload & worker=$$!; \
	$(BIN)/gunicorn thidua.wsgi --bind $(HOST):$(PORT) --workers 2 \
	  --graceful-timeout 5 --no-control-socket --access-logfile - & web=$$!; \
	stop() { \
	  kill -TERM $$web $$worker 2>/dev/null || true; \
	  for _ in $$(seq 50); do \
	    kill -0 $$web 2>/dev/null || kill -0 $$worker 2>/dev/null || return 0; sleep 0.2; \
	  done; \
	  kill -KILL $$web $$worker 2>/dev/null || true; \
	}; \
	trap stop EXIT; trap 'exit 130' INT; trap 'exit 143' TERM; \
	wait -n $$web $$worker
endef

demo: demo-setup
	$(run_server)

serve: prepare
	$(run_server)

# --- Checking ------------------------------------------------------------------------

lint: $(DEV_STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy
	DATABASE_URL=sqlite://:memory: $(THIDUA) makemigrations --check --dry-run

test: lint
	@if [ -n "$${DATABASE_URL:-}" ]; then echo "==> pytest on $${DATABASE_URL%%:*} (from DATABASE_URL)"; \
	else echo "==> pytest on SQLite (set DATABASE_URL for PostgreSQL)"; fi
	$(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadgroup $(PYTEST_ARGS)

# --- Translations --------------------------------------------------------------------

messages: $(RUNTIME_STAMP)
	cd src/thidua && $(ABS_BIN)/python -m thidua makemessages -l vi -l en --ignore migrations
	cd src/thidua && $(ABS_BIN)/python -m thidua compilemessages

# --- Cleaning ------------------------------------------------------------------------

clean:
	rm -rf .pytest_cache .mypy_cache .ruff_cache build test-results src/*.egg-info
	find src tests -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV)

# --- axe-core for the browser tests' accessibility checks ----------------------------
# Vendored in tests/vendor/axe (MPL-2.0, used by the tests only); `axe-update` fetches
# another version from the npm registry, `axe-check` checks the committed file.

AXE_VERSION ?= 4.11.0
AXE_SHA256 := e9e5863c33a874f09bc01acd9234b7e3c871479f5eef8802fa582544465e6d01
AXE_DIR := tests/vendor/axe

axe-update:
	@tmp=$$(mktemp -d) && cd $$tmp && npm pack --silent axe-core@$(AXE_VERSION) >/dev/null && \
	  tar xzf axe-core-$(AXE_VERSION).tgz && cd - >/dev/null && \
	  cp $$tmp/package/axe.min.js $$tmp/package/LICENSE $(AXE_DIR)/ && rm -rf $$tmp && \
	  sha256sum $(AXE_DIR)/axe.min.js

axe-check:
	@echo "$(AXE_SHA256)  $(AXE_DIR)/axe.min.js" | sha256sum --check --quiet && echo "axe-core $(AXE_VERSION): ok"
