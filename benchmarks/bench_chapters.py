"""Time every chapter's Run All from a clean kernel, as a reader waits for it.

    .venv/bin/python benchmarks/bench_chapters.py         (make bench, after bench_lstm.py)
    .venv/bin/python benchmarks/bench_chapters.py --busy  (make bench CHAPTERS=--busy)
    .venv/bin/python benchmarks/bench_chapters.py notebooks/10_*.ipynb --slowest 3

Each notebook is read from notebooks/ and executed by nbclient in a fresh kernel whose
working folder is a temporary one (the stored notebook is never written). A chapter's time
runs from the kernel's start to the end of its last cell: wall time, all of which a reader
waits for. The kernel gets the environment of a reader's JupyterLab: no OPENBLAS_NUM_THREADS,
OMP_NUM_THREADS or MKL_NUM_THREADS, so BLAS may use every core wherever lstm_lib does not
limit it (lstm_lib.threads), and no OPENBLAS_CORETYPE or OPENBLAS_L2_SIZE, which some
machines set for old OpenBLAS builds (see bench_lstm.py). --one-thread gives the kernel one
BLAS thread instead, as scripts/execute_notebooks.py and nbval do; --machine-blas keeps the
machine's two overrides.

--busy starts one process that keeps a core busy (a browser tab, a second notebook, a
course's CI runner on a two-core laptop) and runs each chapter quiet, then busy, so both see
the same machine; it stops that process at the end, also after an error or Ctrl-C.
--rounds R runs each R times (quiet and busy in turn) and keeps each one's best time: on a
shared machine a chapter of a few seconds moves by a second or two from run to run.

Goals (issue 25) on a quiet 2-core machine: at most 20 s per chapter and 120 s for the
book; a busy neighbour costs a chapter at most 2x its quiet time. Each is printed as met or
NOT MET, and the exit status is 1 if one is not met. The load average at the start and the
end of every run is printed beside the times: on a shared machine it says how quiet "quiet"
was.
"""

import argparse
import contextlib
import os
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

ROOT = Path(__file__).resolve().parents[1]
CHAPTER_BUDGET, BOOK_BUDGET, BUSY_BUDGET = 20.0, 120.0, 2.0
THREAD_VARS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
# Set by some machines for old OpenBLAS builds; they slow a current one (bench_lstm.py).
BLAS_OVERRIDES = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")


def kernel_environment(environ, one_thread=False, machine_blas=False):
    """The environment a chapter's kernel starts with: a reader's, or the execute script's."""
    dropped = THREAD_VARS + (() if machine_blas else BLAS_OVERRIDES)
    env = {k: v for k, v in environ.items() if k not in dropped}
    env["IPYKERNEL_CELL_NAME"] = "<IPY-INPUT>"
    env.pop("MPLBACKEND", None)  # the notebooks' inline backend
    if one_thread:
        env.update(dict.fromkeys(THREAD_VARS, "1"))
    return env


def run_chapter(path, env, timeout=600):
    """Execute the notebook at path from a fresh kernel in a temporary folder.

    Returns (seconds, cells, error): the wall time from the kernel's start to the end of
    the last cell run, (seconds, index) for every code cell run, from nbclient's timing
    records, and the name of the error that stopped the run (None if every cell ran).
    """
    nb = nbformat.read(path, as_version=4)
    with tempfile.TemporaryDirectory() as folder:
        client = NotebookClient(
            nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": folder}}
        )
        start = time.perf_counter()
        try:  # the kernel's own log (a warning at every start) is dropped; errors still come
            client.execute(env=env, stderr=subprocess.DEVNULL)
        except CellExecutionError as failure:
            error = f"{failure.ename} in a cell"
        else:
            error = None
        seconds = time.perf_counter() - start
    cells = []
    for index, cell in enumerate(nb.cells):
        timing = cell.metadata.get("execution", {})
        if "iopub.execute_input" in timing and "shell.execute_reply" in timing:
            began, ended = (
                datetime.fromisoformat(timing[key].replace("Z", "+00:00"))
                for key in ("iopub.execute_input", "shell.execute_reply")
            )
            cells.append(((ended - began).total_seconds(), index))
    return seconds, cells, error


@contextlib.contextmanager
def busy_neighbour():
    """One process keeping one core busy for the length of the block."""
    process = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        time.sleep(1.0)  # let the scheduler see it
        yield process
    finally:
        process.kill()
        process.wait()


def load():
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def judge(times, busy, errors):
    """Print each goal of issue 25 as met or NOT MET; True if all are and no chapter failed."""
    failures = [f"{name} ({run}): {error}" for (name, run), error in errors.items()]
    for name, quiet in times["quiet"].items():
        if quiet > CHAPTER_BUDGET:
            failures.append(f"{name}: {quiet:.1f} s > {CHAPTER_BUDGET:.0f} s")
        if busy and times["busy"][name] > BUSY_BUDGET * quiet:
            ratio = times["busy"][name] / quiet
            failures.append(f"{name}: busy/quiet {ratio:.2f} > {BUSY_BUDGET:.0f}")
    book = sum(times["quiet"].values())
    if book > BOOK_BUDGET:
        failures.append(f"the book: {book:.0f} s > {BOOK_BUDGET:.0f} s")
    print(f"\ngoals: each chapter <= {CHAPTER_BUDGET:.0f} s, ", end="")
    print(f"the book <= {BOOK_BUDGET:.0f} s quiet; ", end="")
    print(f"busy <= {BUSY_BUDGET:.0f}x quiet" if busy else "busy: run with --busy")
    print("  all met" if not failures else "\n".join(f"  NOT MET: {f}" for f in failures))
    return not failures


def print_row(name, times, busy):
    quiet = times["quiet"][name]
    line = f"{name:<36} {quiet:8.1f} {quiet / CHAPTER_BUDGET:7.2f}"
    if busy:
        line += f" {times['busy'][name]:8.1f} {times['busy'][name] / quiet:10.2f}"
    print(line, flush=True)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = sorted((ROOT / "notebooks").glob("*.ipynb"))
    parser.add_argument("notebooks", nargs="*", type=Path, default=default, help="chapters")
    parser.add_argument("--busy", action="store_true", help="also beside one busy process")
    parser.add_argument("--rounds", type=int, default=1, help="runs of each; the best counts")
    parser.add_argument("--one-thread", action="store_true", help="one BLAS thread (nbval's)")
    parser.add_argument("--machine-blas", action="store_true", help="keep OPENBLAS_CORETYPE/L2")
    parser.add_argument("--slowest", type=int, default=0, metavar="K", help="list K slowest cells")
    args = parser.parse_args(argv)
    env = kernel_environment(os.environ, args.one_thread, args.machine_blas)
    threads = "one BLAS thread" if args.one_thread else "BLAS threads as a reader's JupyterLab"
    print(f"Run All of each chapter from a clean kernel; {threads}; {os.cpu_count()} cores")
    print(f"load average (1, 5, 15 min) at start: {load()}")
    head = f"{'chapter':<36} {'quiet s':>8} {'/ 20 s':>7}"
    print(head + (f" {'busy s':>8} {'busy/quiet':>10}" if args.busy else ""))
    runs = ["quiet", "busy"] if args.busy else ["quiet"]
    times, errors = {run: {} for run in runs}, {}
    for path in args.notebooks:
        for run in runs * args.rounds:  # quiet and busy in turn; each keeps its best time
            with busy_neighbour() if run == "busy" else contextlib.nullcontext():
                seconds, cells, error = run_chapter(path, env)
            times[run][path.stem] = min(seconds, times[run].get(path.stem, seconds))
            if error:
                errors[path.stem, run] = error
                print(f"    {run}: stopped by {error} after {seconds:.1f} s")
            for cell_seconds, index in sorted(cells, reverse=True)[: args.slowest]:
                print(f"    {run} cell {index}: {cell_seconds:.1f} s")
        print_row(path.stem, times, args.busy)
    book = {run: sum(times[run].values()) for run in runs}
    line = f"{'the book':<36} {book['quiet']:8.1f} {book['quiet'] / BOOK_BUDGET:7.2f}"
    if args.busy:
        line += f" {book['busy']:8.1f} {book['busy'] / book['quiet']:10.2f}"
    print(line)
    print(f"(the book's ratio is to {BOOK_BUDGET:.0f} s); load average at end: {load()}")
    return 0 if judge(times, args.busy, errors) else 1


if __name__ == "__main__":
    sys.exit(main())
