# Everything a newcomer needs: `make demo` runs akool end to end on the sandbox, `make test` tests it.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: install demo test lint format docs completions catalogue bench clean

# setuptools notes on every editable install that a same-named folder in the working directory
# takes precedence over the installed package: that folder is this one, on purpose.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	# pip >= 25.1 reads PEP 735 dependency groups (--group dev, in pyproject.toml).
	$(BIN)/python -m pip install --quiet --upgrade pip
	PYTHONWARNINGS="ignore:Editable installation" $(BIN)/python -m pip install --quiet -e ".[s3]" --group dev
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	PATH="$(CURDIR)/$(BIN):$$PATH" bash scripts/demo.sh

lint: $(STAMP)
	$(BIN)/ruff check akool_cli tests bench scripts
	$(BIN)/ruff format --check akool_cli tests bench scripts
	$(BIN)/mypy
	$(BIN)/lint-imports --no-logo

test: lint
	$(BIN)/python -m pytest

format: $(STAMP)
	$(BIN)/ruff check --fix akool_cli tests bench scripts
	$(BIN)/ruff format akool_cli tests bench scripts

# Completion scripts, the README's command list and exit codes are generated from the app.
docs: $(STAMP)
	$(BIN)/python -m akool_cli.cli.docs .

completions: docs

# The catalogue of AKOOL's documented endpoints, from the text of AKOOL's docs beside the checkout.
catalogue: $(STAMP)
	$(BIN)/python scripts/gen_catalogue.py

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) .demo demo-output .pytest_cache .mypy_cache .ruff_cache .import_linter_cache
