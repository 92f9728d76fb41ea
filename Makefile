# The two commands of the README: `make map` builds map.html from the bundled data, `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: map test test-fast lint bench clean

map: $(VENV)/.installed
	$(BIN)/bordermap build

# The tests run on as many workers as the machine has cores, at most four (pytest-xdist): half the wall time on two.
test: $(VENV)/.installed-test
	$(BIN)/python -m pytest -n auto --maxprocesses 4

# The edit loop: no browser, nothing slow.
test-fast: $(VENV)/.installed-test
	$(BIN)/python -m pytest -m "not browser and not slow" -q -n auto --maxprocesses 4

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

bench: $(VENV)/.installed-test
	$(BIN)/python bench/bench_build.py
	$(BIN)/python bench/bench_world.py
	$(BIN)/python bench/summary.py

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@ $(VENV)/.installed

clean:
	rm -rf $(VENV) map.html .pytest_cache .hypothesis *.egg-info
