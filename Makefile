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
LAB_ARGS ?=
# Folders are passed quoted and made absolute by the shell (make's $(abspath) splits names with spaces).
ABS = "$$(realpath -m -- "$(1)")"
# Jupyter refuses to run as root unless told to.
ROOT_FLAG = $(if $(filter 0,$(shell id -u)),--allow-root)

## help: list the targets
help:
	@grep -E '^## ' $(MAKEFILE_LIST) | sed 's/^## /  /'

$(STAMP): requirements.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps -e .
	$(PY) -m ipykernel install --user --name covidlib --display-name "Python (covidlib)" >/dev/null
	touch $(STAMP)

## setup: create .venv with the pinned dependencies and covidlib (reused when up to date)
setup: $(STAMP)

## extract: write the tables for INPUT (default data/raw) into OUT (default data/processed)
extract: $(STAMP)
	$(PY) -m covidlib extract "$(INPUT)" --out "$(OUT)" $(if $(WORKERS),--workers $(WORKERS))

## report: extract INPUT, run every notebook top to bottom, write reports/*.html and reports/index.html
report: extract
	COVIDLIB_INPUT=$(call ABS,$(INPUT)) COVIDLIB_PROCESSED=$(call ABS,$(OUT)) $(PY) -m covidlib report

## test: the whole test suite, notebooks included
test: $(STAMP)
	$(PY) -m pytest

## lab: open JupyterLab on the notebooks with the project's kernel, reading INPUT and OUT (extra options: LAB_ARGS="...")
lab: $(STAMP)
	COVIDLIB_INPUT=$(call ABS,$(INPUT)) COVIDLIB_PROCESSED=$(call ABS,$(OUT)) $(VENV)/bin/jupyter lab $(ROOT_FLAG) $(LAB_ARGS) notebooks/

## bench: run the speed and memory benchmark (see README)
bench: $(STAMP)
	$(PY) benchmarks/run.py

## clean: remove generated tables, figures and reports (keeps .venv); OUT must be a folder inside the project
clean:
	@out=$(call ABS,$(OUT)); case "$$out/" in "$(CURDIR)"/?*/) ;; *) echo "make clean: OUT='$(OUT)' is not a folder inside $(CURDIR); nothing removed" >&2; exit 2;; esac
	out=$(call ABS,$(OUT)); rm -rf -- "$$out"/* "$$out"/.cache; mkdir -p -- "$$out"; touch -- "$$out/.gitkeep"
	rm -rf reports/*.html reports/screenshots figures/[0-9]*.png

.PHONY: help setup extract report test lab bench clean
