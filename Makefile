# The two commands of the README: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8501

.PHONY: run test migrate clean help

help:
	@echo "make run   - set up and start the app on SQLite with demo data (http://localhost:$(PORT))"
	@echo "make test  - set up and run the whole test suite"

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

migrate: $(VENV)/.runtime
	$(PY) -m alembic upgrade head

# One command: wait for the database, migrate, first admin, demo data on an empty database, serve.
run: $(VENV)/.runtime
	PORT=$(PORT) $(PY) -m lib.start --demo-seed-if-empty

test: $(VENV)/.dev
	bash .ci/system-packages.sh
	$(PY) -m pytest $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) data/unionops.db*
