# The verbs a reader, a teacher or a maintainer types. Every target sets up .venv first.
#   make lab       set up and open the textbook in JupyterLab (ARGS="--no-browser" on a server;
#                  BOOK=ko opens the Korean edition, notebooks/ko)
#   make check     ruff and the unit tests, no notebooks, over every core: the edit-test loop
#   make test      set up, then ruff, pytest on tests/ and strict nbval on notebooks/ (both
#                  editions), over every core (what CI runs)
#   make test-oldest  the same in .venv-oldest: the oldest Python and every floor of pyproject
#   make execute   re-execute notebooks in place from a clean kernel (NB=notebooks/03_*.ipynb)
#   make figures   regenerate every diagram in figures/ (and the Korean ones in figures/ko)
#   make student   build the student editions: student/ from notebooks/, student/ko from notebooks/ko
#   make handout   build what a teacher gives out into handout/ (HANDOUT=folder): the student
#                  notebooks, the figures, the library's wheel; no instructor notebook or test
#                  (BOOK=ko: the Korean edition, student/ko and figures/ko, a Korean README)
#   make translations  bring the Korean catalogues locale/ko/LC_MESSAGES/*.po in step with
#                  notebooks/ (NEW=02_output_gate starts the catalogue of a notebook)
#   make korean    build notebooks/ko from notebooks/ and the catalogues, then execute them
#                  (KO_NB=notebooks/ko/01_gates.ipynb executes only that one)
#   make bench     time FastTimeLSTM against the readable TimeLSTM, the book's algorithm,
#                  torch (when installed) and the matrix-product bound (ARGS=--quick: fewer rounds),
#                  then every chapter's Run All against its budget (CHAPTERS=--busy: also beside
#                  a busy process)
#   make book      build the web edition (stored outputs, no kernel) into book/_build/html, the
#                  Korean one (book/ko, from notebooks/ko) into its folder ko/

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
ARGS   ?=
CHAPTERS ?=
NB     ?= notebooks/*.ipynb
HANDOUT ?= handout
# Jupyter refuses to run as root (containers, CI) unless told it is on purpose.
AS_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)
OLDEST ?= .venv-oldest
LINTED := lstm_lib tests notebooks scripts benchmarks conftest.py .ci book/*.py book/ko/conf.py
# pytest-xdist: one worker per core, each taking whole files (a notebook runs in one kernel) in
# the order conftest.py gives: the notebooks first, the longest first.
WORKERS := -n auto --dist loadfile --no-loadscope-reorder

# The edition `make lab` opens and `make handout` packs: BOOK=en (notebooks/, student/) or
# BOOK=ko (notebooks/ko, student/ko); anything else is an error naming the two. Not LANG, the
# locale variable. JupyterLab serves the whole repository, so that the notebooks' figure links
# (../figures, ../../figures/ko) resolve, and opens at the edition's folder.
BOOK   ?= en
CHOSEN_BOOK = $(if $(filter en ko,$(BOOK)),$(BOOK),$(error BOOK must be en or ko, got '$(BOOK)'))
EDITION = $(if $(filter ko,$(CHOSEN_BOOK)),notebooks/ko,notebooks)
KO_NB  ?= notebooks/ko/*.ipynb
NEW    ?=

.PHONY: lab check test test-oldest lint execute figures student handout bench book translations korean

# Re-install only when pyproject.toml changed since the last install.
$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { \
	  echo "Python 3.11 or newer is needed; '$(PYTHON)' is $$($(PYTHON) --version 2>&1)." \
	       "Run e.g. make test PYTHON=python3.12"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV) || { \
	  echo "Could not create $(VENV): on Debian or Ubuntu install the package python3-venv"; \
	  exit 1; }
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[all]"
	touch $(STAMP)

lab: $(STAMP)
	$(VENV)/bin/jupyter lab --notebook-dir=. --LabApp.default_url=/lab/tree/$(EDITION) $(AS_ROOT) $(ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check $(wildcard $(LINTED))
	$(VENV)/bin/ruff format --check $(wildcard $(LINTED))

# pytest's settings in pyproject.toml run tests/ and, with --nbval, notebooks/.
test: lint
	$(VENV)/bin/pytest $(WORKERS)

# The unit tests alone: no notebook, and none of the tests marked slow (Jupyter kernels, the
# book's build, the figures), which make test runs.
check: lint
	$(VENV)/bin/pytest $(WORKERS) -m "not slow" tests

# A fresh venv with the oldest supported set (.ci/oldest-venv), then the whole of `make test`.
test-oldest:
	bash .ci/oldest-venv $(OLDEST)
	$(MAKE) test VENV=$(OLDEST)

execute: $(STAMP)
	$(PY) scripts/execute_notebooks.py $(NB)

figures: $(STAMP)
	$(PY) -m lstm_lib.course.diagrams figures
	$(PY) -c 'import matplotlib; print(matplotlib.__version__)' > figures/MATPLOTLIB_VERSION

student: $(STAMP)
	$(PY) -m lstm_lib.course.classroom notebooks student
	$(PY) -m lstm_lib.course.classroom notebooks/ko student/ko

translations: $(STAMP)
	$(PY) -m lstm_lib.course.translate update $(NEW)

korean: $(STAMP)
	$(PY) -m lstm_lib.course.translate build
	$(PY) scripts/execute_notebooks.py $(KO_NB)

# Refuses a folder that is not a handout it made (or one changed since); HANDOUT=/tmp/h, BOOK=ko.
handout: $(STAMP)
	$(PY) -m lstm_lib.course.handout . $(HANDOUT) --book $(CHOSEN_BOOK)

# Both benchmarks run, whatever the first one's verdict; the status is 1 if either misses a goal.
bench: $(STAMP)
	$(PY) benchmarks/bench_lstm.py $(ARGS); layers=$$?; \
	$(PY) benchmarks/bench_chapters.py $(CHAPTERS) && exit $$layers

# Always from scratch (-E); warnings are errors. The Korean site goes into the English one's
# folder ko/, where every page's language switch expects it; the two build side by side (each
# about 15 s of one core), and the status is 1 if either fails. tests/test_book.py builds the
# same way and checks the pages.
SPHINX := $(VENV)/bin/sphinx-build -E -W --keep-going -q -b html
book: $(STAMP)
	$(SPHINX) -d book/_build/doctrees-ko book/ko book/_build/html/ko & korean=$$!; \
	$(SPHINX) -d book/_build/doctrees book book/_build/html; english=$$?; \
	wait $$korean && exit $$english
