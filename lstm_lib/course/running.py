"""Run notebooks top to bottom, each in a fresh kernel, stopping at the first error.

    python -m lstm_lib.course.classroom run student/*.ipynb   (exit 1 if a check fails)

What a course's CI runs on solved notebooks (TEACHING.md, section 7): unlike Run All, a
cell tagged raises-exception does not let the run go on.
"""

import argparse
import sys
from pathlib import Path

from .classroom import COMMAND, ClassroomError, _nbformat


def run_notebook(path, timeout=600):
    """Execute the notebook at ``path`` top to bottom in a fresh kernel, from its folder.

    Every error stops the run, also in a cell tagged ``raises-exception`` (what a grading
    run needs). Returns None when every cell ran, else ``"<error name>: <message>"`` of the
    first cell that failed. ``timeout`` is the limit per cell in seconds.
    """
    nbformat = _nbformat()
    try:
        from nbclient import NotebookClient
        from nbclient.exceptions import CellExecutionError
    except ImportError:
        raise ClassroomError(
            'running notebooks needs nbclient: pip install nbclient (or pip install -e ".[test]")'
        ) from None
    nb = nbformat.read(path, as_version=4)
    folder = str(Path(path).resolve().parent)
    client = NotebookClient(
        nb, timeout=timeout, force_raise_errors=True, resources={"metadata": {"path": folder}}
    )
    try:
        client.execute()
    except CellExecutionError as error:
        return f"{error.ename}: {error.evalue}"
    return None


def run_main(argv):
    """python -m lstm_lib.course.classroom run NOTEBOOK... [--timeout S]; returns the exit code."""
    parser = argparse.ArgumentParser(
        prog=f"{COMMAND} run",
        description="Run notebooks top to bottom; exit 1 if any cell fails (checks included).",
    )
    parser.add_argument("notebooks", type=Path, nargs="+", help="notebooks to run")
    parser.add_argument("--timeout", type=int, default=600, help="seconds per cell (600)")
    args = parser.parse_args(argv)
    failed = 0
    for path in args.notebooks:
        try:
            error = run_notebook(path, args.timeout)
        except (ClassroomError, OSError) as problem:
            print(f"{parser.prog}: error: {problem}", file=sys.stderr)
            return 2
        failed += error is not None
        print(f"ok    {path}" if error is None else f"FAIL  {path}: {error}")
    return 1 if failed else 0
