# Two commands on a fresh machine with Python 3.11+: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: run test lint check messages bench clean

$(INSTALLED): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock ".[dev]"
	rm -rf build *.egg-info
	touch $(INSTALLED)

## run: set up, migrate, load the demo and serve on http://127.0.0.1:8000
run: $(INSTALLED)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py demo
	$(BIN)/python manage.py runserver 127.0.0.1:8000

## test: the whole suite (PostgreSQL when DATABASE_URL is set, else SQLite), one worker
## per core (pytest-xdist). Tests are handed out one by one (the slow browser journeys
## spread over the workers), except those marked xdist_group, which share data built once
## (the permission matrix, the demo's report files). PYTEST_ARGS adds options.
test: $(INSTALLED)
	$(BIN)/python -m pytest -n auto --dist loadgroup $(PYTEST_ARGS)

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check: $(INSTALLED)
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python manage.py check

## messages: refresh the translation catalogues (needs GNU gettext) and compile them
messages: $(INSTALLED)
	$(BIN)/python manage.py makemessages --locale sv --no-obsolete --ignore ".venv/*" --ignore "tests/*"
	$(BIN)/python manage.py compilemessages --ignore ".venv/*"

## bench: national data on PostgreSQL, gunicorn + wrk on loopback; prints throughput
## as a ratio of Django's floor, latencies and report render times (under 10 minutes),
## the cached pages with their shared bodies alone and with the whole page kept
bench: $(INSTALLED)
	command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk >/dev/null)
	$(BIN)/python benchmarks/run.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
