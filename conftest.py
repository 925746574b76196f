"""Settings that make the notebook kernels nbval starts behave the same everywhere."""

import os

# ipykernel names cells after temporary files (/tmp/ipykernel_1234/567.py) in tracebacks
# and warnings; a fixed name keeps stored outputs comparable.
os.environ["IPYKERNEL_CELL_NAME"] = "<IPY-INPUT>"
# The inline backend of the notebooks, not a backend chosen by the shell or the CI machine.
os.environ.pop("MPLBACKEND", None)
