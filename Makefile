# Capaian: `make run` sets everything up and serves the demo; `make test` runs every test.
# Needs only python3 (3.11 or newer) with its venv module; everything else goes into .venv.

PYTHON ?= python3
HOST ?= 127.0.0.1
PORT ?= 5000
PYTEST_ARGS ?=

VENV := .venv
PY := $(VENV)/bin/python
FLASK := $(VENV)/bin/flask --app wsgi
RUNTIME_STAMP := $(VENV)/.requirements.stamp
DEV_STAMP := $(VENV)/.requirements-dev.stamp

.DEFAULT_GOAL := help
.PHONY: help run setup test test-e2e guide-shots lint clean

help:
	@echo "make run       set up .venv, instance/config.py, the database and the demo data;"
	@echo "               then serve http://$(HOST):$(PORT)/ (HOST and PORT may be set)"
	@echo "make test      run the whole test suite (PYTEST_ARGS='...' passes options;"
	@echo "               TEST_DATABASE_URL=postgresql+psycopg://... runs it on PostgreSQL)"
	@echo "make test-e2e  run only the browser tests (needs /usr/bin/chromium)"
	@echo "make guide-shots  remake the Panduan's screenshots from the demo (app/static/panduan/)"
	@echo "make lint      check the layers and areas with import-linter (.importlinter)"
	@echo "make clean     remove .venv and caches (never instance/)"

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Capaian needs Python 3.11 or newer; $(PYTHON) is " + sys.version.split()[0])'
	@$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); echo "Could not create $(VENV): install the venv module (Debian/Ubuntu: apt-get install python3-venv)."; exit 1; }

# Reinstalled whenever a requirements file changes.
$(RUNTIME_STAMP): requirements.txt | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

$(DEV_STAMP): requirements-dev.txt requirements.txt | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@ $(RUNTIME_STAMP)

# A random secret key, written once; an existing file is never touched.
instance/config.py:
	@mkdir -p instance
	@umask 077 && $(PYTHON) -c 'import secrets; print("# Local settings of this installation (git-ignored). Written by make.\nSECRET_KEY = \"%s\"" % secrets.token_hex(32))' > $@.tmp && mv $@.tmp $@
	@echo "Wrote $@ with a new random SECRET_KEY."

setup: $(RUNTIME_STAMP) instance/config.py
	$(FLASK) db upgrade
	$(FLASK) seed-demo --if-empty

run: setup
	@echo "Capaian: http://$(HOST):$(PORT)/  (stop with Ctrl+C)"
	FLASK_DEBUG=0 CAPAIAN_FALLBACK_BASE_URL=http://$(HOST):$(PORT) $(FLASK) run --host $(HOST) --port $(PORT) --no-reload

test: lint
	$(PY) -m pytest $(PYTEST_ARGS)

lint: $(DEV_STAMP)
	$(VENV)/bin/lint-imports --no-cache

test-e2e: $(DEV_STAMP)
	$(PY) -m pytest -m e2e $(PYTEST_ARGS)

# The Panduan's screenshots, made from the demo by the browser test, into app/static/panduan/ (commit them).
guide-shots: $(DEV_STAMP)
	CAPAIAN_GUIDE_SHOTS=app/static/panduan $(PY) -m pytest -m e2e tests/e2e/test_guide_screenshots.py $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache test-artifacts
	find . -path ./instance -prune -o -type d -name __pycache__ -prune -exec rm -rf {} +
