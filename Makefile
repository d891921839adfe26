# kotacerdas: `make demo` runs the Katingan demo, `make test` runs every test (SQLite, then PostgreSQL).
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000
export KOTACERDAS_DATA_DIR ?= $(CURDIR)/var

.PHONY: demo serve test test-sqlite test-postgres lint format system-deps messages clean

$(VENV)/.run: pyproject.toml
	@scripts/system-deps.sh run
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install -q --disable-pip-version-check --upgrade pip
	@$(BIN)/python -m pip install -q --disable-pip-version-check -e .
	@touch $@

$(VENV)/.dev: $(VENV)/.run
	@$(BIN)/python -m pip install -q --disable-pip-version-check -e '.[dev]'
	@touch $@

## demo: set up, load the Katingan sample (and a small fictional region), serve on 127.0.0.1:8000
demo: $(VENV)/.run
	@$(BIN)/kotacerdas manage migrate --verbosity 0
	@$(BIN)/kotacerdas sample load tanjung-harapan >/dev/null
	@$(BIN)/kotacerdas sample load katingan
	@echo
	@echo "Buka / open: http://$(HOST):$(PORT)/"
	@$(BIN)/kotacerdas serve --host $(HOST) --port $(PORT)

serve: $(VENV)/.run
	@$(BIN)/kotacerdas serve --host $(HOST) --port $(PORT)

system-deps:
	@scripts/system-deps.sh test

lint: $(VENV)/.dev
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/lint-imports

test-sqlite: $(VENV)/.dev
	@echo "==> Test suite on SQLite"
	env -u DATABASE_URL KOTACERDAS_DATA_DIR=$$(mktemp -d) $(BIN)/pytest -q -p no:cacheprovider

test-postgres: $(VENV)/.dev
	@echo "==> Test suite on PostgreSQL"
	KOTACERDAS_DATA_DIR=$$(mktemp -d) scripts/with-postgres.sh $(BIN)/pytest -q -p no:cacheprovider

## test: install what the tests need (Debian packages too, as root), lint, run the suite on SQLite and PostgreSQL
test: system-deps lint test-sqlite test-postgres

format: $(VENV)/.dev
	$(BIN)/ruff check --fix src tests bench
	$(BIN)/ruff format src tests bench

messages: $(VENV)/.dev
	cd src/kotacerdas && ../../$(BIN)/django-admin makemessages -l en --ignore 'method/*' && ../../$(BIN)/django-admin compilemessages

clean:
	rm -rf $(VENV) var .pytest_cache
