# sidebyside: `make run` opens the app on the bundled seeds, `make test` runs the whole suite.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP_RUN  := $(VENV)/.stamp-run
STAMP_TEST := $(VENV)/.stamp-test

.PHONY: run test lint bench stress fuzz clean snapshots-update

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(STAMP_RUN): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $@

$(STAMP_TEST): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[test,semantic]'
	touch $@ $(STAMP_RUN)

run: $(STAMP_RUN)
	$(BIN)/sidebyside $(ARGS)

lint: $(STAMP_TEST)
	$(BIN)/ruff check tui tests bench
	$(BIN)/ruff format --check tui tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

test: lint
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

bench: $(STAMP_TEST)
	$(BIN)/python -m bench

stress: $(STAMP_TEST)
	$(BIN)/python -m bench.notes_stress

# fuzzing (hypothesis) of loaders, splitter, aligner, facts, reports, sidecars; FUZZ_SECONDS per
# target; FUZZ_ARGS=--atheris for the coverage-guided engine (when atheris is installed)
FUZZ_SECONDS ?= 120
FUZZ_ARGS ?=
fuzz: $(STAMP_TEST)
	$(BIN)/python -m bench.fuzz $(FUZZ_SECONDS) $(FUZZ_ARGS)

snapshots-update: $(STAMP_TEST)
	$(BIN)/python -m pytest -q tests/snapshots --snapshot-update

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
