# jixiao — two commands do the whole set-up: `make run` and `make test`.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
DATA ?= data
export JIXIAO_DATA_DIR ?= $(abspath $(DATA))
STAMP := $(VENV)/.installed
TESTSTAMP := $(VENV)/.installed-test
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install lint typecheck bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

install: $(STAMP)

$(TESTSTAMP): $(STAMP)
	$(BIN)/pip install --quiet -e '.[test,bench]'
	touch $@

run: $(STAMP)
	@sh scripts/system-deps.sh run
	$(BIN)/jixiao demo
	$(BIN)/jixiao serve --host $(HOST) --port $(PORT)

# Debian packages the tests need (a real browser, CJK fonts, PDF tools, LibreOffice for .doc):
# installed when missing and root.
system-deps:
	@sh scripts/system-deps.sh

test: $(TESTSTAMP) system-deps
	sh scripts/test.sh

lint: $(TESTSTAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

bench: $(TESTSTAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) .pytest_cache
