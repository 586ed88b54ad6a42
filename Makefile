# The two commands of README:
#   make run   set up everything on a fresh machine, start Neo4j, build the graph from corpus/,
#              open the viewer
#   make test  set up what the tests need and run them (CI calls this through .ci/run)
# Needs python3 (3.10+), Java 17 and Maven on PATH; everything else is installed from PyPI and
# Maven Central into this folder (.venv/ and .policykg/, both git-ignored).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8501

.PHONY: run setup build view test wheel clean-graph

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	# wheel, setuptools and cython let pip fetch pkuseg's source package for its model.
	$(BIN)/python -m pip install --quiet wheel setuptools cython
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)
	$(BIN)/policykg setup

build: setup
	$(BIN)/policykg neo4j start
	$(BIN)/policykg build

view: $(STAMP)
	$(BIN)/policykg view --port $(PORT)

run: build view

test: setup
	$(BIN)/python -m pytest -q -rs --durations=15

# The distribution (dist/policykg-*.whl): `pip install` it anywhere, no checkout needed.
# tests/test_wheel.py builds and runs the same wheel outside the checkout.
wheel: $(STAMP)
	$(BIN)/python -m pip wheel --no-deps --no-build-isolation -q -w dist .

clean-graph:
	-$(BIN)/policykg neo4j stop
	rm -rf .policykg/neo4j/server
