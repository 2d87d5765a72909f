# Two commands do all the set-up: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8000

.PHONY: run test test-fast lint format install demo clean load-test bench

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo

run: demo
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# Everything; then, when the tests ran on SQLite, the PostgreSQL-only ones (full-text search)
# again on a throwaway PostgreSQL server if its binaries are installed.
test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)
	$(BIN)/python -m tests.postgres_pass $(PYTEST_ARGS)

# Everyday work: all but the slow tests (servers, browsers, load, fuzzing).
test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not slow" $(PYTEST_ARGS)

# Concurrent commenters for a minute while PostgreSQL restarts once (see bench/).
load-test: $(STAMP)
	$(BIN)/python -m bench.forms_under_load --seconds 60 --clients 16

# The site at a realistic size under load: prints a table of figures (see README, Benchmark).
# E.g. `make bench BENCH_ARGS="--smoke"` or `BENCH_ARGS="--seconds 30 --workers 4"`.
bench: $(STAMP)
	$(BIN)/python -m bench.pages $(BENCH_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates

clean:
	rm -rf $(VENV) db.sqlite3
