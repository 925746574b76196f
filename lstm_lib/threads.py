"""How many BLAS threads the training loops use, and how a reader chooses (notebooks 06, 08-10).

    choose_threads(model, rows)   the thread count for a loop over model with rows rows a step
    blas_threads(model, rows)     a with block in which NumPy's BLAS uses that many threads

Every loop of lstm_lib.training (fit, train_tbptt, evaluate, sample) and every predict,
forward and backward of the two models of lstm_lib.models (also when a notebook calls
model.forward itself) runs inside blas_threads: this is the one place where the library
decides how many threads multiply.

Why. A recurrent model multiplies the N rows of one step by its weights, T times over, and
at the sizes of this book each product takes microseconds. NumPy's BLAS (OpenBLAS) splits a
product over every core once it has a few hundred thousand multiply-adds, and the threads
then wait for each other at its end. On a quiet two-core machine a second thread gains
little there; where another process keeps a core busy (a browser tab, a second notebook, a
course's CI runner), every product waits for that core's time slice. Beside one busy
process, notebooks 08 and 10 took 4.7 and 4.8 times their quiet time with BLAS's default
threads, and 1.04 times with this module (issue 25; benchmarks/README.md has the tables).

Rule. One thread while a step's largest product, rows times the size of the model's
largest weight matrix (multiply-adds), is below LARGE_STEP, a billion; at or above it,
BLAS's own count. On a shared two-core machine one thread was faster than two (median of
5) at every size measured, up to N = 128 rows through H = 1024 units (537 million), and the
cost of the second thread beside a busy process fell as the products grew (median 1.63
times at 34 million, 1.35 times at 537 million): from a billion on, a product should be
long enough that a time slice's wait costs it little (an extrapolation: no size that large
was measured), and BLAS gets its cores back. The rule only lowers the count: it
never raises what OPENBLAS_NUM_THREADS (or a with block of threadpoolctl's) allows.

Override. The environment variable LSTM_LIB_THREADS, read at every call: a positive
integer n makes every loop use n threads (LSTM_LIB_THREADS=2 gives a large model both
cores of a quiet machine); unset or empty, the rule. In a notebook: %env LSTM_LIB_THREADS=2.

What is computed does not depend on the choice beyond rounding; the notebooks' stored
outputs were made with one thread (scripts/execute_notebooks.py), which is also what the
rule gives at their sizes.
"""

import os
from contextlib import contextmanager
from functools import cache

from threadpoolctl import ThreadpoolController

#: the environment variable that overrides the rule
ENVIRONMENT = "LSTM_LIB_THREADS"
#: multiply-adds of a step's largest product from which BLAS keeps its own thread count
LARGE_STEP = 1_000_000_000


def choose_threads(model, rows):
    """The BLAS thread count for a loop over model with rows rows per step; None: BLAS's own.

    Inputs: model, anything with params (a list of arrays); rows, the N rows of one step.
    Returns LSTM_LIB_THREADS if set, else 1 while rows times the size of the largest
    array in model.params is below LARGE_STEP, else None (leave BLAS alone).
    """
    value = os.environ.get(ENVIRONMENT, "").strip()
    if value:
        if not value.isdecimal() or int(value) < 1:
            raise ValueError(
                f"{ENVIRONMENT} must be a positive integer (the BLAS threads of lstm_lib's "
                f"loops) or unset, got {value!r}"
            )
        return int(value)
    largest = max((p.size for p in model.params if p.ndim == 2), default=0)
    return 1 if rows * largest < LARGE_STEP else None


@cache
def _controller():
    """threadpoolctl's view of the loaded BLAS libraries, found once (a search takes ms)."""
    return ThreadpoolController()


@contextmanager
def blas_threads(model, rows):
    """Within the block, NumPy's BLAS runs with choose_threads(model, rows) threads.

    The count before the block is restored when it ends, also when the block raises.
    """
    threads = choose_threads(model, rows)
    if threads is None:
        yield
        return
    with _controller().limit(limits=threads, user_api="blas"):
        yield
