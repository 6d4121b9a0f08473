# Commonplace: `make run` to try it, `make test` to check it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# Canonical links, social tags and feeds name the address the server listens on, unless SITE_URL is set.
SITE_ENV := SITE_URL="$${SITE_URL:-http://$(HOST):$(PORT)}"
# The development server runs with DEBUG on; production sets its own environment.
DEV_ENV := DEBUG=$${DEBUG:-true} $(SITE_ENV)

.PHONY: install demo run serve bench bench-scale test lint format clean

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit("Python 3.11+ is required") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(BIN)/python requirements.txt requirements-dev.txt
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

# axe-core for the accessibility checks, when npm is on the machine (tests skip without it).
node_modules/.package-lock.json: package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --loglevel=error; \
	else echo "npm not found: the axe-core accessibility checks will be skipped"; fi

install: $(VENV)/.installed

demo: install
	$(DEV_ENV) $(BIN)/python manage.py migrate --no-input -v0
	$(DEV_ENV) $(BIN)/python manage.py demo

run: demo
	@echo ""
	@echo "Commonplace is running at http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)"
	@echo "Logins:"; sed 's/^/  /' .demo-logins
	@echo "Background jobs (email, re-rendering, imports) run in a worker beside the server."
	@echo ""
	$(DEV_ENV) $(BIN)/python manage.py run_tasks --reload & worker=$$!; \
	trap 'pkill -P $$worker; kill $$worker 2>/dev/null' EXIT; \
	$(DEV_ENV) $(BIN)/python manage.py runserver $(HOST):$(PORT)

# Production-style: DEBUG off, static files collected, migrations applied, then
# deploy/serve.py: Varnish on $(HOST):$(PORT) (deploy/varnish/commonplace.vcl)
# in front of gunicorn on $(BACKEND_PORT) (gunicorn.conf.py: WEB_CONCURRENCY,
# GUNICORN_THREADS) and one background worker (`manage.py run_tasks`) that
# purges Varnish by key; all stop together on Ctrl-C or TERM. Without varnishd,
# gunicorn serves $(PORT) itself.
# On a laptop it serves plain HTTP with a generated key kept in the git-ignored
# .secret-key, and serves uploads from media/ itself (SERVE_MEDIA); production
# sets SECRET_KEY, ALLOWED_HOSTS and the rest in the environment (README).
BACKEND_PORT ?= $(shell echo $$(($(PORT) + 1)))
SERVE_ENV := DEBUG=false $(SITE_ENV) \
	SECRET_KEY="$${SECRET_KEY:-$$(cat .secret-key)}" \
	ALLOWED_HOSTS="$${ALLOWED_HOSTS:-$(HOST),localhost}" \
	SECURE_SSL_REDIRECT="$${SECURE_SSL_REDIRECT:-false}" \
	SERVE_MEDIA="$${SERVE_MEDIA:-true}"

.secret-key:
	$(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))' > $@

serve: install .secret-key
	$(SERVE_ENV) $(BIN)/python manage.py collectstatic --no-input -v0
	$(SERVE_ENV) $(BIN)/python manage.py migrate --no-input -v0
	exec env $(SERVE_ENV) HOST=$(HOST) PORT=$(PORT) BACKEND_PORT=$(BACKEND_PORT) $(BIN)/python -m deploy.serve

# Load test (not part of CI): see README's "Performance". BENCH_DURATION=3s for a quick run,
# PEERS=wordpress to compare with WordPress on 127.0.0.1:8081. Needs PostgreSQL and Redis, wrk
# (installed if missing), and for the front-cache and spike runs: apt-get install varnish varnish-modules nginx.
bench: install
	$(BIN)/python -m bench.run

# Every public page at growing archive sizes on PostgreSQL (not part of CI): bench/scale.py.
# DATABASE_URL=postgres://… BENCH_SIZES=1000,10000,50000 make bench-scale
bench-scale: install
	$(BIN)/python bench/scale.py

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

test: lint node_modules/.package-lock.json
	$(BIN)/pytest

clean:
	rm -rf $(VENV) db.sqlite3 .demo-logins .secret-key staticfiles .pytest_cache .ruff_cache
