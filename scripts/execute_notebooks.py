"""Re-execute notebooks in place from a clean kernel and normalise their metadata.

    python scripts/execute_notebooks.py notebooks/*.ipynb      (what `make execute` runs)

The one sanctioned way to refresh the stored outputs that strict nbval compares. Each
notebook runs in its own folder (so relative figure paths resolve, and the checkers of a
notebook in notebooks/ko answer in Korean) with the same environment nbval gives its kernel
(see conftest.py: fixed cell names, the inline backend, one BLAS thread). A notebook whose
execution fails is reported and left untouched on disk; the others are still written.
Metadata that changes from machine to machine (Python version, execution timings) is
dropped, so a diff shows content, not noise.
"""

import argparse
import os
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
#: the metadata entry of a Korean notebook (notebooks/ko), kept as it is
TRANSLATION = "translation"


def normalise(nb):
    """Keep only stable metadata: the kernelspec, the language name and, for a notebook of
    the Korean edition, the record of its translation (lstm_lib.course.translate)."""
    kept = {"kernelspec": KERNELSPEC, "language_info": {"name": "python"}}
    if TRANSLATION in nb.metadata:
        kept[TRANSLATION] = nb.metadata[TRANSLATION]
    nb.metadata = nbformat.from_dict(kept)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        cell.metadata.pop("collapsed", None)
        cell.metadata.pop("scrolled", None)


def execute(path, timeout):
    """Execute one notebook in place; returns the seconds it took."""
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    start = time.perf_counter()
    client.execute()
    seconds = time.perf_counter() - start
    normalise(nb)
    nbformat.validate(nb)
    nbformat.write(nb, path)
    return seconds


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="+", type=Path, help=".ipynb files to execute")
    parser.add_argument("--timeout", type=int, default=600, help="seconds per cell")
    args = parser.parse_args(argv)
    os.environ["IPYKERNEL_CELL_NAME"] = "<IPY-INPUT>"
    os.environ.pop("MPLBACKEND", None)
    os.environ["OPENBLAS_NUM_THREADS"] = "1"
    os.environ["OMP_NUM_THREADS"] = "1"
    os.environ.pop("LSTM_LIB_LANG", None)  # the checkers' language follows the folder
    failed = []
    for path in args.notebooks:
        if path.suffix != ".ipynb" or not path.is_file():
            parser.error(f"expected an existing .ipynb file, got {path}")
        try:
            seconds = execute(path, args.timeout)
        except CellExecutionError as error:
            failed.append(path)
            print(f"FAILED {path}: not written\n{error}", file=sys.stderr)
        else:
            print(f"executed {path} in {seconds:.1f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
