# The README's two commands: `make dev` runs Taskly locally, `make test` runs every test.
# Each installs what it needs on first run.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
FUNCTIONS_VENV := functions/venv

.PHONY: dev test lint format bench setup browser

dev: setup
	$(PY) -m tools.devstack dev $(if $(FRESH),--fresh)

test: setup browser
	$(VENV)/bin/ruff check .
	$(PY) -m tools.devstack test $(PYTEST_ARGS)

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: setup
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench: setup
	$(PY) -m tools.devstack test tests/bench/bench_sweep.py -s

setup: $(VENV)/.installed $(FUNCTIONS_VENV)/.installed node_modules/.installed

$(VENV)/.installed: requirements.txt functions/requirements.txt
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Taskly needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# The Functions emulator runs the Python functions from exactly this venv.
$(FUNCTIONS_VENV)/.installed: functions/requirements.txt
	$(PYTHON) -m venv $(FUNCTIONS_VENV)
	$(FUNCTIONS_VENV)/bin/pip install --quiet --disable-pip-version-check -r functions/requirements.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Browser tests drive Debian's Chromium (no browser downloads).
browser:
	@command -v chromium >/dev/null || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium; }
