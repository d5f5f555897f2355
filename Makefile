# Two commands a newcomer needs: `make run` and `make test`.
PYTHON_VERSION := $(shell cat .python-version)
# The pyenv interpreter named in .python-version, else any Python 3.12+ on the PATH.
PYTHON ?= $(shell for p in $(HOME)/.pyenv/versions/$(PYTHON_VERSION)/bin/python python3.13 python3.12; do \
	command -v $$p >/dev/null 2>&1 && echo $$p && break; done)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

export DEBUG ?= true

.PHONY: run test lint check install browser

$(STAMP): requirements.txt build-constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet pip==26.3
	$(BIN)/python -m pip install --quiet --build-constraint build-constraints.txt -r requirements.txt
	touch $(STAMP)

install: $(STAMP)

## Set up and serve the site on http://127.0.0.1:8000 with a demo directory.
run: install
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py seed_demo
	$(BIN)/python manage.py runserver 127.0.0.1:8000

## Set up and run the whole test suite (needs Chromium at /usr/bin/chromium for browser tests).
test: install
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/python manage.py makemigrations --check --dry-run

## Install Debian's Chromium for the browser tests (needs root).
browser:
	test -x /usr/bin/chromium || (apt-get update -q && apt-get install -y -q chromium)
