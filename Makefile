# The README's commands: `make dev` runs Taskly locally, `make test` runs every test,
# `make deploy PROJECT=<id>` puts it on a Firebase project. Each installs what it needs.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
FUNCTIONS_VENV := functions/venv
FIREBASE := node_modules/.bin/firebase
# The oldest Python the tools in .venv run on.
TOOLS_PYTHON := 3.11

# The functions run on the "runtime" in firebase.json (python313 -> Python 3.13), locally
# too: firebase-tools starts `python3.13` inside functions/venv.
FUNCTIONS_VERSION := $(shell node -p 'require("./firebase.json").functions[0].runtime.replace(/^python(\d)/, "$$1.")')
# The first python3.13 that runs: on PATH, else one installed with pyenv.
FUNCTIONS_PYTHON ?= $(firstword $(foreach py,python$(FUNCTIONS_VERSION) \
	$(wildcard $(shell pyenv root 2>/dev/null)/versions/$(FUNCTIONS_VERSION).*/bin/python$(FUNCTIONS_VERSION)),\
	$(shell $(py) -c 'import sys' 2>/dev/null && echo $(py))))

.PHONY: dev test lint format bench setup lock browser deploy

dev: setup
	$(PY) -m tools.devstack dev $(if $(FRESH),--fresh)

test: setup browser
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy
	PYTHONPATH=functions $(VENV)/bin/lint-imports
	node --test tests/js/
	$(PY) -m tools.devstack test $(PYTEST_ARGS)

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: setup
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench: setup
	$(PY) -m tools.devstack test tests/bench/bench_sweep.py tests/bench/bench_attacks.py -s
	PYTHONPATH=functions $(PY) -m tests.bench.bench_avatar_decode

setup: $(VENV)/.installed $(FUNCTIONS_VENV)/.installed node_modules/.installed

$(VENV)/.installed: requirements.txt
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < tuple(map(int, "$(TOOLS_PYTHON)".split("."))) \
		and "Taskly needs Python $(TOOLS_PYTHON) or newer")'
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
	touch $@

# The Functions emulator and `firebase deploy` run the Python functions from exactly this venv.
$(FUNCTIONS_VENV)/.installed: functions/requirements.txt firebase.json
	@test -n "$(FUNCTIONS_PYTHON)" || { echo "The functions need Python $(FUNCTIONS_VERSION) \
	(\"runtime\" in firebase.json) and there is no python$(FUNCTIONS_VERSION) here. Install it \
	(python.org, your package manager, or pyenv install $(FUNCTIONS_VERSION)), or name it with \
	make FUNCTIONS_PYTHON=/path/to/python$(FUNCTIONS_VERSION)." >&2; exit 1; }
	rm -rf $(FUNCTIONS_VENV)
	$(FUNCTIONS_PYTHON) -m venv $(FUNCTIONS_VENV)
	$(FUNCTIONS_VENV)/bin/python$(FUNCTIONS_VERSION) -c ''
	$(FUNCTIONS_VENV)/bin/pip install --quiet --disable-pip-version-check --require-hashes \
		-r functions/requirements.txt
	touch $@

# The locks: every package the functions and the tools install, pinned, with hashes. Edit the
# .in lists, then `make lock` (UPGRADE=1 also moves the unlisted packages to their newest
# releases). The functions' lock is for their runtime; the tools' lock keeps the same versions.
LOCK := $(VENV)/bin/uv pip compile --quiet --universal --generate-hashes \
	--custom-compile-command 'make lock' $(if $(UPGRADE),--upgrade)
lock: $(VENV)/.installed
	$(LOCK) --python-version $(FUNCTIONS_VERSION) functions/requirements.in -o functions/requirements.txt
	$(LOCK) --python-version $(TOOLS_PYTHON) -c functions/requirements.txt requirements.in \
		-o requirements.txt

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Browser tests drive Debian's Chromium (no browser downloads).
browser:
	@command -v chromium >/dev/null || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium; }

# Builds the web app (hosting predeploy) and deploys hosting, functions, Firestore rules and
# indexes, Storage rules, the Auth providers and the password policy, without a prompt.
# Without PROJECT it changes nothing.
ifdef PROJECT
deploy: setup
	$(PY) -m tools.deploy $(PROJECT)
	$(FIREBASE) deploy --project $(PROJECT) --only hosting,functions,firestore,storage,auth \
		--non-interactive
	$(PY) -m tools.deploy.password_policy $(PROJECT)
else
deploy:
	@echo "Usage: make deploy PROJECT=<your Firebase project id>" >&2
	@echo "First: the one-time steps in README.md, 'Deploy to your Firebase project'." >&2
	@exit 2
endif
