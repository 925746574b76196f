"""Time an LSTM over a sequence five ways, at 1 and 2 BLAS threads, in one run.

    .venv/bin/python benchmarks/bench_lstm.py           (or: make bench)
    .venv/bin/python benchmarks/bench_lstm.py --quick   (fewer rounds, about a minute)

Variants, each over xs (N, T, D), forward only and forward plus backward of a given dhs:

* ``fast``      :class:`lstm_lib.FastTimeLSTM`, the layer training code uses;
* ``readable``  :class:`lstm_lib.TimeLSTM`, the readable sequence layer;
* ``book``      the book's per-step algorithm (benchmarks/book_lstm.py): a list of step
                layers, ``x @ Wx`` inside the loop, weight gradients summed step by step;
* ``torch``     ``torch.nn.LSTM`` on the CPU (forward only under ``torch.no_grad()``), only
                when torch happens to be importable (it is never a dependency);
* ``gemm``      only the matrix products the fast path does (``xs @ Wx`` once, T times
                ``h @ Wh``; backward: T times ``dA @ Wh^T``, then dWx, dWh, dxs): the bound
                a NumPy implementation of this structure can approach but not beat.

Without ``--threads`` the script runs itself once per thread count in a subprocess with
``OPENBLAS_NUM_THREADS``, ``OMP_NUM_THREADS`` and ``MKL_NUM_THREADS`` set (a BLAS reads them
when it loads), and torch gets ``torch.set_num_threads``. Some machines set
``OPENBLAS_CORETYPE`` and ``OPENBLAS_L2_SIZE`` to work around old OpenBLAS builds, which
pins a current OpenBLAS to older, slower kernels (AVX2 on an AVX-512 machine: half the
speed of its matrix products) while torch brings its own; the subprocesses run without
those two, as a reader's machine would (``--machine-blas`` keeps them), and print the
kernel OpenBLAS chose (threadpoolctl). Tests and the notebooks never change them.

With one thread the clock is the process's CPU time, which other processes on a busy
machine barely disturb; with two it is wall time. Every round runs each variant once, in
an order rotated from round to round; a time is the best of the rounds, and every ratio
comes from the same run. Memory: the tracemalloc peak of three training iterations
(forward, backward, results dropped) against the bytes ``FastTimeLSTM`` caches for
backward (and reuses in the next call).
"""

import argparse
import gc
import os
import subprocess
import sys
import time
import tracemalloc

import numpy as np
import threadpoolctl
from book_lstm import BookTimeLSTM

from lstm_lib import FastTimeLSTM, TimeLSTM, init_lstm_params, to_pytorch

try:
    import torch
except ImportError:  # torch is never a dependency: its column is left out without it
    torch = None

# (N, T, D, H): the issue's table, the per-step overhead goal and the notebooks' shapes.
SHAPES = [
    (20, 35, 650, 650),
    (64, 50, 256, 256),
    (32, 100, 128, 128),
    (128, 20, 64, 64),
    (1, 1000, 32, 32),
    (1, 400, 32, 32),
    (10, 50, 2, 16),
    (16, 32, 16, 48),
]
DTYPES = [np.float32, np.float64]
MODES = ["fwd+bwd", "fwd"]
THREADS = [1, 2]
MEMORY_SHAPES = SHAPES[:4] + SHAPES[-2:]
# Goals (issue 13): book/fast at every shape, dtype, mode and thread count; book/fast at the
# per-step-overhead shape; fast/torch at N >= 20; the memory of a training loop.
GOAL_BOOK, GOAL_OVERHEAD, OVERHEAD_SHAPE = 1.15, 3.5, (1, 400, 32, 32)
GOAL_TORCH = {np.float32: 1.4, np.float64: 1.0}
GOAL_MEMORY = 1.25
# Below this cache size NumPy's fixed iterator buffers (8192 elements per operand of a
# strided operation, about 0.1 MB) weigh more than the sequence: the ratio says little.
MEMORY_GOAL_FROM = 1e6


# --- the variants: each factory returns a function of no arguments that runs one mode once
# --- and returns (hs, dxs) (dxs None forward only)


def _layer(cls):
    def make(Wx, Wh, b, xs, dhs, mode):
        layer = cls(Wx, Wh, b)

        def run():
            hs = layer.forward(xs)
            return hs, layer.backward(dhs) if mode == "fwd+bwd" else None

        return run

    return make


def make_gemm(Wx, Wh, b, xs, dhs, mode):
    """Only the products of the fast path, into buffers allocated beforehand."""
    N, T, D = xs.shape
    H = Wh.shape[0]
    rng = np.random.default_rng(1)
    A = rng.standard_normal((T * N, 4 * H)).astype(Wx.dtype)  # the gates, then dA
    X = rng.standard_normal((T * N, D)).astype(Wx.dtype)
    Hs = rng.standard_normal((T, N, H)).astype(Wx.dtype)
    hWh, dh = np.empty((N, 4 * H), dtype=Wx.dtype), np.empty((N, H), dtype=Wx.dtype)
    dWx, dWh = np.empty_like(Wx), np.empty_like(Wh)

    def run():
        np.matmul(X, Wx, out=A)
        for h in Hs:
            np.matmul(h, Wh, out=hWh)
        if mode == "fwd+bwd":
            Wh_T = np.ascontiguousarray(Wh.T)  # as the fast path does
            for dA in A.reshape(T, N, 4 * H):
                np.matmul(dA, Wh_T, out=dh)
            np.matmul(X.T, A, out=dWx)
            np.matmul(Hs.reshape(T * N, H).T, A, out=dWh)
            np.matmul(A, Wx.T, out=X)
        return None

    return run


def make_torch(Wx, Wh, b, xs, dhs, mode):
    N, T, D = xs.shape
    H = Wh.shape[0]
    lstm = torch.nn.LSTM(D, H, batch_first=True).to(torch.from_numpy(Wx).dtype)
    with torch.no_grad():
        for name, value in to_pytorch(Wx, Wh, b).items():
            getattr(lstm, name).copy_(torch.from_numpy(np.ascontiguousarray(value)))
    xs_t = torch.from_numpy(xs).requires_grad_(mode == "fwd+bwd")
    dhs_t = torch.from_numpy(dhs)

    def run():
        if mode == "fwd":
            with torch.no_grad():
                return lstm(xs_t)[0].numpy(), None
        xs_t.grad = None
        lstm.zero_grad()
        hs, _ = lstm(xs_t)
        hs.backward(dhs_t)
        return hs.detach().numpy(), xs_t.grad.numpy()

    return run


VARIANTS = {
    "fast": _layer(FastTimeLSTM),
    "readable": _layer(TimeLSTM),
    "book": _layer(BookTimeLSTM),
}
if torch is not None:
    VARIANTS["torch"] = make_torch
VARIANTS["gemm"] = make_gemm


# --- measuring


def setup(shape, dtype, seed=0):
    N, T, D, H = shape
    rng = np.random.default_rng(seed)
    Wx, Wh, b = init_lstm_params(D, H, rng, dtype=dtype)
    xs = rng.standard_normal((N, T, D)).astype(dtype)
    dhs = rng.standard_normal((N, T, H)).astype(dtype)
    return Wx, Wh, b, xs, dhs


def check_agreement(results, dtype, case):
    """Every variant that computes the LSTM must agree with the fast path (a sanity check)."""
    tol = 1e-3 if dtype == np.float32 else 1e-9
    reference = results["fast"]
    for name, outputs in results.items():
        for what, got, ref in zip(("hs", "dxs"), outputs, reference, strict=True):
            if ref is None:
                continue
            err = np.max(np.abs(got - ref)) / max(1.0, np.max(np.abs(ref)))
            if not err < tol or got.dtype != dtype:
                sys.exit(f"{case}: {name} disagrees with fast on {what} ({err:.1e}, {got.dtype})")


def time_case(shape, dtype, mode, rounds, clock):
    """Best time per variant for one shape, dtype and mode, over interleaved rounds."""
    arrays = setup(shape, dtype)
    runs = {name: make(*arrays, mode) for name, make in VARIANTS.items()}
    outputs = {name: run() for name, run in runs.items() if name != "gemm"}  # and a warm-up
    check_agreement(outputs, dtype, f"{shape} {np.dtype(dtype)} {mode}")
    names = list(runs)
    best = dict.fromkeys(names, np.inf)
    for k in range(rounds):
        gc.collect()
        for name in names[k % len(names) :] + names[: k % len(names)]:  # rotated order
            t0 = clock()
            runs[name]()
            best[name] = min(best[name], clock() - t0)
    return best


def peak_bytes(run):
    """Peak bytes allocated (as tracemalloc sees them) while ``run`` executes, above the start."""
    gc.collect()
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    run()
    peak = tracemalloc.get_traced_memory()[1] - base
    tracemalloc.stop()
    return peak


def training_peak(layer, xs, dhs):
    """Peak memory of three training iterations; hs stays alive through backward, as it
    does when a loss holds it."""

    def train():
        for _ in range(3):
            hs = layer.forward(xs)
            dxs = layer.backward(dhs)
            del hs, dxs

    return peak_bytes(train)


def memory_row(shape, dtype):
    """The fast path's cache, the minimum, its training peak; the book's training peak."""
    N, T, D, H = shape
    Wx, Wh, b, xs, dhs = setup(shape, dtype)
    layer = FastTimeLSTM(Wx, Wh, b)
    peak = training_peak(layer, xs, dhs)  # the first iteration allocates the cache
    layer.forward(xs)
    cache = sum(a.nbytes for a in layer._cache)
    # What a loop of steps must keep per row: x, h_prev, c_prev, f, g, i, o, tanh(c).
    minimum = N * T * (D + 7 * H) * np.dtype(dtype).itemsize
    book = training_peak(BookTimeLSTM(Wx, Wh, b), xs, dhs)
    return cache, minimum, peak, book


# --- reporting


def load():
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def ratios(best):
    """The ratios of one row: book/fast, readable/fast, fast/torch, fast/gemm."""
    values = {"book/fast": best["book"] / best["fast"]}
    values["readable/fast"] = best["readable"] / best["fast"]
    if "torch" in best:
        values["fast/torch"] = best["fast"] / best["torch"]
    values["fast/gemm"] = best["fast"] / best["gemm"]
    return values


def print_table(threads, dtype, rows, rounds):
    clock = "CPU" if threads == 1 else "wall"
    print(f"\n{threads} thread(s), {np.dtype(dtype)}: {clock} ms, best of {rounds} rounds")
    names = list(VARIANTS)
    columns = list(ratios(next(iter(rows.values()))))
    head = f"{'N, T, D, H':>18} {'mode':>8} " + " ".join(f"{n:>8}" for n in names)
    print(head + "  " + " ".join(f"{r:>13}" for r in columns))
    for (shape, mode), best in rows.items():
        cells = " ".join(f"{1e3 * best[n]:8.2f}" for n in names)
        label = str(shape)[1:-1] if mode == MODES[0] else ""
        values = " ".join(f"{v:13.2f}" for v in ratios(best).values())
        print(f"{label:>18} {mode:>8} {cells}  {values}")


def check_goals(threads, results):
    """Print each goal of issue 13 as met or not at this thread count; True if all are."""
    failures = []
    for dtype, rows in results.items():
        for (shape, mode), best in rows.items():
            r = ratios(best)
            case = f"{str(shape)[1:-1]} {np.dtype(dtype)} {mode}"
            if r["book/fast"] < GOAL_BOOK:
                failures.append(f"book/fast {r['book/fast']:.2f} < {GOAL_BOOK} at {case}")
            if shape == OVERHEAD_SHAPE and dtype == np.float32 and mode == MODES[0]:
                if r["book/fast"] < GOAL_OVERHEAD:
                    failures.append(f"book/fast {r['book/fast']:.2f} < {GOAL_OVERHEAD} at {case}")
            limit = GOAL_TORCH[dtype]
            if "fast/torch" in r and shape[0] >= 20 and r["fast/torch"] > limit:
                failures.append(f"fast/torch {r['fast/torch']:.2f} > {limit} at {case}")
    print(f"\ngoals at {threads} thread(s): book/fast >= {GOAL_BOOK} everywhere, ", end="")
    print(f">= {GOAL_OVERHEAD} at {OVERHEAD_SHAPE} float32 fwd+bwd, fast/torch <= ", end="")
    print(" / ".join(f"{v} ({np.dtype(k)})" for k, v in GOAL_TORCH.items()) + " at N >= 20")
    print("  all met" if not failures else "\n".join(f"  NOT MET: {f}" for f in failures))
    return not failures


def run_threads(threads, quick):
    """One thread count, in this process (its BLAS was loaded with that many threads)."""
    if torch is not None:
        torch.set_num_threads(threads)
    clock = time.process_time if threads == 1 else time.perf_counter
    rounds = 2 if quick else 5
    print(f"\n=== {threads} thread(s); load average at start: {load()}")
    for pool in threadpoolctl.threadpool_info():
        kernel = pool.get("architecture")
        print(f"{pool['internal_api']} {pool['version']}: kernel {kernel}, ", end="")
        print(f"{pool['num_threads']} thread(s) ({os.path.basename(pool['filepath'])})")
    sys.stdout.flush()
    results = {}
    for dtype in DTYPES:
        results[dtype] = {
            (shape, mode): time_case(shape, dtype, mode, rounds, clock)
            for shape in SHAPES
            for mode in MODES
        }
        print_table(threads, dtype, results[dtype], rounds)
    ok = check_goals(threads, results)
    print(f"load average at end: {load()}", flush=True)
    return ok


def print_memory():
    print("\nmemory: tracemalloc peak of 3 training iterations (hs alive through backward)")
    print("against FastTimeLSTM's cache and the minimum a loop of steps keeps, N T (D + 7H)")
    head = f"{'N, T, D, H':>18} {'dtype':>8} {'cache MB':>9} {'min MB':>8} {'peak MB':>8}"
    print(head + f" {'peak/cache':>10} {'peak/min':>8} {'book peak MB':>12}")
    ok = True
    for dtype in DTYPES:
        for shape in MEMORY_SHAPES:
            cache, minimum, peak, book = memory_row(shape, dtype)
            line = f"{str(shape)[1:-1]:>18} {np.dtype(dtype).name:>8} {cache / 1e6:9.2f} "
            line += f"{minimum / 1e6:8.2f} {peak / 1e6:8.2f} {peak / cache:10.2f} "
            print(line + f"{peak / minimum:8.2f} {book / 1e6:12.2f}")
            ok &= peak / cache <= GOAL_MEMORY or cache < MEMORY_GOAL_FROM
    print(f"goal peak/cache <= {GOAL_MEMORY} where the cache is at least ", end="")
    print(f"{MEMORY_GOAL_FROM / 1e6:.0f} MB: {'met' if ok else 'NOT MET'}")
    return ok


def print_header(machine_blas):
    print("LSTM over a sequence: fast, readable, the book's algorithm, torch, the GEMM bound")
    print(f"python {sys.version.split()[0]}, numpy {np.__version__}", end="")
    print(f", torch {torch.__version__}" if torch is not None else ", torch not importable")
    blas = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
    print(f"BLAS {blas.get('name')} {blas.get('version')}; os.cpu_count() = {os.cpu_count()}")
    env = {k: v for k, v in os.environ.items() if k.startswith(("OPENBLAS_", "OMP_", "MKL_"))}
    print("environment: " + (", ".join(f"{k}={v}" for k, v in sorted(env.items())) or "-"))
    dropped = [k for k in BLAS_OVERRIDES if k in os.environ]
    if dropped and not machine_blas:
        print(f"the timed runs go without {' and '.join(dropped)} (--machine-blas keeps them)")
    print(f"load average (1, 5, 15 min) at start: {load()}", flush=True)


def child_environment(environ, threads, machine_blas=False):
    """The environment of the subprocess that times one thread count."""
    env = {k: v for k, v in environ.items() if machine_blas or k not in BLAS_OVERRIDES}
    return dict(env, **{f"{k}_NUM_THREADS": str(threads) for k in THREAD_VARS})


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2 rounds instead of 5")
    parser.add_argument("--threads", type=int, help="run one thread count in this process")
    parser.add_argument(
        "--machine-blas",
        action="store_true",
        help="keep OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE as the environment sets them",
    )
    args = parser.parse_args()
    if args.threads is not None:
        return 0 if run_threads(args.threads, args.quick) else 1
    started = time.perf_counter()
    print_header(args.machine_blas)
    ok = True
    for threads in THREADS:
        env = child_environment(os.environ, threads, args.machine_blas)
        command = [sys.executable, __file__, "--threads", str(threads)]
        child = subprocess.run(command + ["--quick"] * args.quick, env=env, check=False)
        ok &= child.returncode == 0
    ok &= print_memory()
    print(f"\nload average at end: {load()}; took {time.perf_counter() - started:.0f} s")
    return 0 if ok else 1


THREAD_VARS = ("OPENBLAS", "OMP", "MKL")
# Set by some machines for old OpenBLAS builds; they slow a current one (see the docstring).
BLAS_OVERRIDES = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")

if __name__ == "__main__":
    sys.exit(main())
