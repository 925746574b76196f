"""Settings that make the notebook kernels nbval starts behave the same everywhere."""

import os

# ipykernel names cells after temporary files (/tmp/ipykernel_1234/567.py) in tracebacks
# and warnings; a fixed name keeps stored outputs comparable.
os.environ["IPYKERNEL_CELL_NAME"] = "<IPY-INPUT>"
# The inline backend of the notebooks, not a backend chosen by the shell or the CI machine.
os.environ.pop("MPLBACKEND", None)
# One BLAS thread: the same order of floating-point sums on every machine, whatever its
# core count, so stored outputs reproduce, and no stalls when a shared machine is busy.
os.environ["OPENBLAS_NUM_THREADS"] = "1"
os.environ["OMP_NUM_THREADS"] = "1"
# The checkers' language comes from the notebook's folder (notebooks/ko answers in Korean),
# not from a setting left in the shell.
os.environ.pop("LSTM_LIB_LANG", None)
