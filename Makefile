# Agora's two entry points: `make run` and `make test`. Both are idempotent and set up
# everything they need (a virtualenv, Python and npm packages, static files, the database).

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE := node_modules/.installed
HTMX := build/static/htmx/htmx.min.js
EXPANDER := build/static/text-expander/text-expander.js
ICONS := build/icons/.copied
export AGORA_DATA_DIR ?= $(CURDIR)/data

.PHONY: run test bench lint typecheck migrations-check pytest pytest-postgres install static clean

run: install static
	$(BIN)/agora migrate --no-input -v 0
	$(BIN)/agora demo
	$(BIN)/agora serve

test: install static lint typecheck migrations-check pytest pytest-postgres

install: $(STAMP)

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

# What the pages use from the npm packages, copied as published: into build/static/ (served
# by whitenoise) htmx and the @mention menu (<text-expander>, its self-contained ES module);
# into build/icons/ Lucide's SVG icons, which the server reads and draws inline (the `icon`
# template tag), so they are not published as 2,000 static files.
static: $(HTMX) $(EXPANDER) $(ICONS)

$(NODE): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE)

$(HTMX): $(NODE)
	mkdir -p $(dir $(HTMX))
	cp node_modules/htmx.org/dist/htmx.min.js $(HTMX)

$(EXPANDER): $(NODE)
	mkdir -p $(dir $(EXPANDER))
	cp node_modules/@github/text-expander-element/dist/bundle.js $(EXPANDER)

$(ICONS): $(NODE)
	rm -rf $(dir $(ICONS))
	mkdir -p $(dir $(ICONS))
	cp node_modules/lucide-static/icons/*.svg $(dir $(ICONS))
	touch $(ICONS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

typecheck: install
	$(BIN)/mypy agora bench

migrations-check: install
	AGORA_DATA_DIR=$$(mktemp -d) $(BIN)/agora makemigrations --check --dry-run

# The suite on SQLite, then on a throwaway PostgreSQL cluster started from the system's
# binaries (skipped with a message where there are none, unless AGORA_REQUIRE_POSTGRES=1).
# Both tiers run on every core (pytest-xdist: each worker has its own test database).
pytest: install static
	$(BIN)/pytest -p no:cacheprovider -n auto

pytest-postgres: install static
	$(BIN)/python -m agora.testing.pgcluster -- $(BIN)/pytest -p no:cacheprovider -n auto -m "not browser"

# The benchmark (not part of `make test`): seeds bench/data/ once, then measures every
# serving mode with wrk and updates docs/performance.md. BENCH_ARGS="--posts 1000000" etc.
bench: install static
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get install -y -qq wrk >/dev/null; } \
		|| { echo "The benchmark needs wrk: sudo apt-get install wrk"; exit 1; }
	$(BIN)/python -m bench.run --update-docs $(BENCH_ARGS)

clean:
	rm -rf $(VENV) node_modules build
