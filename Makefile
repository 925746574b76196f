# The verbs a reader, a teacher or a maintainer types. Every target sets up .venv first.
#   make lab       set up and open the textbook in JupyterLab (ARGS="--no-browser" on a server)
#   make test      set up, then ruff, pytest on tests/ and strict nbval on notebooks/
#   make execute   re-execute notebooks in place from a clean kernel (NB=notebooks/03_*.ipynb)
#   make figures   regenerate every diagram in figures/
#   make student   build the student edition student/ from notebooks/
#   make bench     time FastTimeLSTM against the readable TimeLSTM, the book's algorithm,
#                  torch (when installed) and the matrix-product bound (ARGS=--quick: fewer rounds)

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
ARGS   ?=
NB     ?= notebooks/*.ipynb
# Jupyter refuses to run as root (containers, CI) unless told it is on purpose.
AS_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)
LINTED := lstm_lib tests notebooks scripts benchmarks conftest.py

.PHONY: lab test lint execute figures student bench

# Re-install only when pyproject.toml changed since the last install.
$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 10))' || { \
	  echo "Python 3.10 or newer is needed; '$(PYTHON)' is $$($(PYTHON) --version 2>&1)." \
	       "Run e.g. make test PYTHON=python3.12"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV) || { \
	  echo "Could not create $(VENV): on Debian or Ubuntu install the package python3-venv"; \
	  exit 1; }
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[all]"
	touch $(STAMP)

lab: $(STAMP)
	$(VENV)/bin/jupyter lab --notebook-dir=notebooks $(AS_ROOT) $(ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check $(wildcard $(LINTED))
	$(VENV)/bin/ruff format --check $(wildcard $(LINTED))

# pytest's settings in pyproject.toml run tests/ and, with --nbval, notebooks/.
test: lint
	$(VENV)/bin/pytest

execute: $(STAMP)
	$(PY) scripts/execute_notebooks.py $(NB)

figures: $(STAMP)
	$(PY) -m lstm_lib.diagrams figures

student: $(STAMP)
	$(PY) -m lstm_lib.classroom notebooks student

bench: $(STAMP)
	$(PY) benchmarks/bench_lstm.py $(ARGS)
