# Self-documenting Makefile: `make` or `make help` lists the targets.
.DEFAULT_GOAL := help
SHELL := /bin/bash

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
INPUT ?= data/raw
OUT ?= data/processed
WORKERS ?=

## help: list the targets
help:
	@grep -E '^## ' $(MAKEFILE_LIST) | sed 's/^## /  /'

$(STAMP): requirements.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps -e .
	$(PY) -m ipykernel install --sys-prefix --name covidlib --display-name "Python (covidlib)" >/dev/null
	touch $(STAMP)

## setup: create .venv with the pinned dependencies and covidlib (reused when up to date)
setup: $(STAMP)

## extract: write the tables for INPUT (default data/raw) into OUT (default data/processed)
extract: $(STAMP)
	$(PY) -m covidlib extract "$(INPUT)" --out "$(OUT)" $(if $(WORKERS),--workers $(WORKERS))

## report: extract INPUT, run every notebook top to bottom, write reports/*.html and reports/index.html
report: extract
	COVIDLIB_INPUT="$(abspath $(INPUT))" COVIDLIB_PROCESSED="$(abspath $(OUT))" $(PY) -m covidlib report

## test: the whole test suite, notebooks included
test: $(STAMP)
	$(PY) -m pytest

## lab: open JupyterLab on the notebooks with the project's kernel
lab: $(STAMP)
	$(VENV)/bin/jupyter lab notebooks/

## bench: run the speed and memory benchmark (see README)
bench: $(STAMP)
	$(PY) benchmarks/run.py

## clean: remove generated tables, figures and reports (keeps .venv)
clean:
	rm -rf $(OUT)/* reports/*.html reports/screenshots figures/[0-9]*.png
	touch $(OUT)/.gitkeep

.PHONY: help setup extract report test lab bench clean
