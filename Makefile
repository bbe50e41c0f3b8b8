# Two commands on a fresh machine: `make run` and `make test`. Everything CI does is here.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
MANAGE := $(PY) manage.py
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: install run demo test lint messages bench clean test-deps screenshots

# Development targets run with DEBUG on unless told otherwise (docs/settings.md).
demo run lint: export DJANGO_DEBUG ?= 1
# `make run PORT=8200` serves on another port; in debug SITE_URL follows it (settings.py).
run: export PORT ?= 8000
# Tests run the production configuration (DEBUG off, hashed static files) with a throwaway key.
test screenshots: export DJANGO_SECRET_KEY ?= insecure-key-for-the-test-suite-only
test screenshots: export DJANGO_SECURE_SSL_REDIRECT ?= 0
test screenshots: export DJANGO_ALLOWED_HOSTS ?= testserver,localhost,127.0.0.1

install: $(STAMP) messages

$(STAMP): pyproject.toml
	@set -e; python=$$(bin/find-python); \
	if [ ! -x $(PY) ]; then echo "Creating $(VENV) with $$python"; "$$python" -m venv $(VENV); fi
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	@touch $(STAMP)

# Compiles locale/*/LC_MESSAGES/django.po and djangojs.po (strings of the admin's scripts)
# with Babel, so no system gettext is needed.
messages: $(STAMP)
	@$(PY) -m babel.messages.frontend compile -d locale -D "django djangojs" --statistics 2>&1 | grep -v "^$$" || true

# The demo conference goes only into an empty database: once there is content (the demo's,
# edited or not, or an organiser's own), loaddemo says so and changes nothing.
demo: install
	mkdir -p var
	$(MANAGE) migrate --noinput
	$(MANAGE) loaddemo

# The mail worker runs next to the development server and stops with it (Ctrl-C): a shell
# started by make ignores SIGINT in background jobs, so the trap stops the worker itself.
run: demo
	@$(MANAGE) db_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' INT TERM EXIT; \
	$(MANAGE) runserver 127.0.0.1:$(PORT)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	@# The layers between efus_conf and the apps: pyproject.toml, [tool.importlinter].
	$(VENV)/bin/lint-imports --no-cache
	@# The migrations check opens the default SQLite file, whose folder a fresh checkout lacks.
	@mkdir -p var
	$(MANAGE) makemigrations --check --dry-run
	@if command -v hadolint >/dev/null; then hadolint Dockerfile; else echo "hadolint not installed: Dockerfile not linted"; fi

# The browser tests (tests/e2e) need Debian's Chromium and axe-core from npm; the cache tests
# a Redis server and nginx, which they start themselves.
test-deps:
	@bin/ensure-debian-package /usr/bin/chromium chromium "the browser tests (tests/e2e)"
	@bin/ensure-axe
	@bin/ensure-debian-package /usr/bin/redis-server redis-server "the Redis cache tests"
	@bin/ensure-debian-package /usr/sbin/nginx nginx-light "the proxy tests"

# The suite runs on two processes (pytest-xdist; a module stays on one, so its fixtures are
# set up once), then once more on a throwaway PostgreSQL server (bin/with-postgres starts one
# on loopback, or says why it skips) for the tests whose behaviour depends on the database
# engine, marked `database` (constraints, locks, migrations, the content version's
# triggers). Run side by side, the two passes took longer than one after the other: the
# first keeps both CPUs busy.
PYTEST := $(VENV)/bin/pytest --numprocesses=2 --dist=loadfile
# Both passes measure branch coverage (pyproject.toml, [tool.coverage]); the summary prints the
# total and the modules under 90 %, which docs/testing.md explains.
test: install lint test-deps
	$(MANAGE) collectstatic --noinput -v0
	$(PYTEST) --durations=15 --cov --cov-report=
	bin/with-postgres $(PYTEST) -q -m database --cov --cov-append --cov-report=
	$(PY) bin/coverage-summary

# Full-page screenshots of every public page at 375 and 1280 px in every language, taken on
# the accessibility tests' visits, into var/screenshots/: for people to look at.
screenshots: install test-deps
	$(MANAGE) collectstatic --noinput -v0
	SCREENSHOTS=1 $(VENV)/bin/pytest -q tests/e2e/test_accessibility.py

bench: install
	$(PY) bin/bench.py

clean:
	rm -rf $(VENV) .coverage var/test-* var/bench var/pg var/screenshots staticfiles node_modules
