"""Settings that make the notebook kernels nbval starts behave the same everywhere, and the
order in which pytest-xdist's workers take the tests (make test, make check)."""

import os

import pytest

# ipykernel names cells after temporary files (/tmp/ipykernel_1234/567.py) in tracebacks
# and warnings; a fixed name keeps stored outputs comparable.
os.environ["IPYKERNEL_CELL_NAME"] = "<IPY-INPUT>"
# The inline backend of the notebooks, not a backend chosen by the shell or the CI machine.
os.environ.pop("MPLBACKEND", None)
# One BLAS thread: the same order of floating-point sums on every machine, whatever its
# core count, so stored outputs reproduce, and no stalls when a shared machine is busy.
# (lstm_lib.threads chooses one thread for the training loops at the book's sizes anyway;
# this covers every other product as well.)
os.environ["OPENBLAS_NUM_THREADS"] = "1"
os.environ["OMP_NUM_THREADS"] = "1"
# The checkers' language comes from the notebook's folder (notebooks/ko answers in Korean),
# not from a setting left in the shell.
os.environ.pop("LSTM_LIB_LANG", None)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """The notebooks first, the last chapter first; then the unit tests, in their order.

    make test and make check hand whole files to pytest-xdist's workers (--dist loadfile:
    a notebook's cells run in order in one kernel, a test file's module fixtures, such as
    the book's build, are made once) in this order (--no-loadscope-reorder). The later
    chapters train models and take longest, so they start at once, and the many short test
    files that follow even out the workers' finishing times.
    """
    notebooks = sorted({item.path for item in items if item.path.suffix == ".ipynb"})
    rank = {name: k for k, name in enumerate(reversed(notebooks))}
    items.sort(key=lambda item: rank.get(item.path, len(rank)))
