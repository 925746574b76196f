"""Time forward plus backward of an LSTM over a sequence, five ways, in one run.

    .venv/bin/python benchmarks/bench_lstm.py        (or: make bench)

Variants, each doing forward over xs (N, T, D) and backward of a given dhs (N, T, H):

* ``book``    the book's per-step algorithm (benchmarks/book_lstm.py): x @ Wx inside the
              loop, fresh arrays every step, weight gradients summed step by step;
* ``unfused`` a loop of :class:`lstm_lib.cell.LSTMCell` steps, four separate affine parts;
* ``fused``   :class:`lstm_lib.lstm.TimeLSTM`, the fast path;
* ``gemm``    only the matrix products forward plus backward must do (xs @ Wx once, T times
              h @ Wh, T times dA @ Wh^T, then dWx, dWh and dxs): the bound a NumPy
              implementation can approach but not beat;
* ``torch``   PyTorch's ``nn.LSTM`` on the CPU, only when torch happens to be installed.

Every round runs each variant once, in an order rotated from round to round, so that the
noise of a shared machine hits all variants alike; the table shows medians over the rounds
and ratios of medians from this same run. The load average is printed before and after:
read the numbers with it. The environment (OPENBLAS_* variables, thread counts) is left
as it is and printed, since it can change the BLAS kernel and therefore every number.
"""

import ctypes
import gc
import os
import re
import sys
import time
import tracemalloc

import numpy as np
from book_lstm import BookTimeLSTM

from lstm_lib import LSTMCell, TimeLSTM, init_lstm_params, split_weights, to_pytorch

try:
    import torch
except ImportError:  # torch is never a dependency: the column is skipped without it
    torch = None

SHAPES = [(1, 35, 64, 64), (32, 35, 128, 128), (20, 35, 650, 650)]  # (N, T, D, H)
DTYPES = [np.float32, np.float64]
# Rounds per (shape, dtype): at least MIN_ROUNDS, then more while within the time budget.
MIN_ROUNDS, MAX_ROUNDS = 3, 25
BUDGET_SECONDS = {SHAPES[0]: 4.0, SHAPES[1]: 6.0, SHAPES[2]: 20.0}
# The goals of issue 7, checked at the largest shape.
GOALS = {"book/fused": {np.float32: 2.0, np.float64: 1.7}, "fused/gemm": 1.4}


# --- the variants: each factory builds what a run needs and returns a function of no
# --- arguments that does forward plus backward once and returns (hs, dxs)


def _time_layer(cls):
    """The factory of a layer over the whole sequence: forward(xs), then backward(dhs)."""

    def make(Wx, Wh, b, xs, dhs):
        layer = cls(Wx, Wh, b)

        def run():
            hs = layer.forward(xs)
            return hs, layer.backward(dhs)

        return run

    return make


make_book = _time_layer(BookTimeLSTM)
make_fused = _time_layer(TimeLSTM)


def make_unfused(Wx, Wh, b, xs, dhs):
    N, T, D = xs.shape
    H = Wh.shape[0]
    parts = split_weights(Wx, Wh, b)
    cells = [LSTMCell(parts) for _ in range(T)]  # one per step (each caches its step)
    totals = [np.zeros_like(p) for p in cells[0].params]

    def run():
        hs = np.empty((N, T, H), dtype=Wx.dtype)
        h = c = np.zeros((N, H), dtype=Wx.dtype)
        for t in range(T):
            h, c = cells[t].forward(xs[:, t], h, c)
            hs[:, t] = h
        dxs = np.empty((N, T, D), dtype=Wx.dtype)
        dh = dc = np.zeros((N, H), dtype=Wx.dtype)
        for total in totals:
            total[...] = 0
        for t in reversed(range(T)):
            dxs[:, t], dh, dc = cells[t].backward(dhs[:, t] + dh, dc)
            for total, grad in zip(totals, cells[t].grads, strict=True):
                total += grad
        return hs, dxs

    return run


def make_gemm(Wx, Wh, b, xs, dhs):
    """Only the products of forward plus backward, into buffers allocated beforehand."""
    N, T, D = xs.shape
    H = Wh.shape[0]
    rng = np.random.default_rng(1)
    A = rng.standard_normal((N, T, 4 * H)).astype(Wx.dtype)  # stands for the gates, then dA
    h_prev = rng.standard_normal((N, T, H)).astype(Wx.dtype)
    hWh = np.empty((N, 4 * H), dtype=Wx.dtype)
    dh = np.empty((N, H), dtype=Wx.dtype)
    dWx, dWh = np.empty_like(Wx), np.empty_like(Wh)
    dxs = np.empty((N, T, D), dtype=Wx.dtype)
    A_2d, xs_2d = A.reshape(N * T, 4 * H), xs.reshape(N * T, D)

    def run():
        np.matmul(xs_2d, Wx, out=A_2d)
        for t in range(T):
            np.matmul(h_prev[:, t], Wh, out=hWh)
        for t in reversed(range(T)):
            np.matmul(A[:, t], Wh.T, out=dh)
        np.matmul(xs_2d.T, A_2d, out=dWx)
        np.matmul(h_prev.reshape(N * T, H).T, A_2d, out=dWh)
        np.matmul(A_2d, Wx.T, out=dxs.reshape(N * T, D))
        return None, dxs

    return run


def make_torch(Wx, Wh, b, xs, dhs):
    N, T, D = xs.shape
    H = Wh.shape[0]
    dtype = torch.float32 if Wx.dtype == np.float32 else torch.float64
    lstm = torch.nn.LSTM(D, H, batch_first=True).to(dtype)
    with torch.no_grad():
        for name, value in to_pytorch(Wx, Wh, b).items():
            getattr(lstm, name).copy_(torch.from_numpy(np.ascontiguousarray(value)))
    xs_t = torch.from_numpy(xs).requires_grad_(True)
    dhs_t = torch.from_numpy(dhs)

    def run():
        xs_t.grad = None
        lstm.zero_grad()
        hs, _ = lstm(xs_t)
        hs.backward(dhs_t)
        return hs.detach().numpy(), xs_t.grad.numpy()

    return run


VARIANTS = {"book": make_book, "unfused": make_unfused, "fused": make_fused, "gemm": make_gemm}
if torch is not None:
    VARIANTS["torch"] = make_torch


# --- measuring


def setup(shape, dtype, seed=0):
    N, T, D, H = shape
    rng = np.random.default_rng(seed)
    Wx, Wh, b = init_lstm_params(D, H, rng, dtype=dtype)
    xs = rng.standard_normal((N, T, D)).astype(dtype)
    dhs = rng.standard_normal((N, T, H)).astype(dtype)
    return Wx, Wh, b, xs, dhs


def check_agreement(results, dtype):
    """The variants that compute the LSTM must agree with the fast path (sanity check)."""
    tol = 1e-3 if dtype == np.float32 else 1e-9
    hs_ref, dxs_ref = results["fused"]
    for name, (hs, dxs) in results.items():
        if name in ("fused", "gemm"):
            continue
        for what, got, ref in (("hs", hs, hs_ref), ("dxs", dxs, dxs_ref)):
            err = np.max(np.abs(got - ref)) / max(1.0, np.max(np.abs(ref)))
            if not err < tol:
                sys.exit(f"{name} disagrees with fused on {what}: max error {err:.1e}")
            if got.dtype != dtype:
                sys.exit(f"{name} returned {what} in {got.dtype}, expected {np.dtype(dtype)}")


def time_shape(shape, dtype):
    """Median seconds per variant for one shape and dtype, rounds interleaved."""
    arrays = setup(shape, dtype)
    runs = {name: make(*arrays) for name, make in VARIANTS.items()}
    check_agreement({name: run() for name, run in runs.items()}, dtype)  # also a warm-up
    names = list(runs)
    times = {name: [] for name in names}
    start = time.perf_counter()
    for k in range(MAX_ROUNDS):
        if k >= MIN_ROUNDS and time.perf_counter() - start > BUDGET_SECONDS[shape]:
            break
        gc.collect()
        for name in names[k % len(names) :] + names[: k % len(names)]:  # rotated order
            t0 = time.perf_counter()
            runs[name]()
            times[name].append(time.perf_counter() - t0)
    return {name: float(np.median(ts)) for name, ts in times.items()}, k


def peak_bytes(run):
    """Peak bytes allocated (as seen by tracemalloc) while ``run`` executes, above the start."""
    gc.collect()
    tracemalloc.start()
    tracemalloc.reset_peak()
    base = tracemalloc.get_traced_memory()[0]
    run()
    peak = tracemalloc.get_traced_memory()[1] - base
    tracemalloc.stop()
    return peak


def memory_row(shape, dtype):
    """Peak memory of forward plus backward of the fast path vs the cache it keeps."""
    Wx, Wh, b, xs, dhs = setup(shape, dtype)
    layer = TimeLSTM(Wx, Wh, b)

    def fused():
        hs = layer.forward(xs)
        return hs, layer.backward(dhs)

    layer.forward(xs)
    # What forward keeps for backward and allocates itself (xs is referenced, not copied).
    cache = sum(a.nbytes for a in layer._cache if a is not xs)
    return cache, peak_bytes(fused), peak_bytes(make_book(Wx, Wh, b, xs, dhs))


# --- reporting


def blas_description():
    """BLAS name and version from numpy's build config; OpenBLAS kernel and threads if found."""
    config = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
    text = f"{config.get('name')} {config.get('version')}"
    for path in sorted(set(re.findall(r"/\S*openblas\S*\.so\S*", _maps()))):
        lib = ctypes.CDLL(path)
        for prefix, suffix in (
            ("scipy_openblas_", "64_"),
            ("scipy_openblas_", ""),
            ("openblas_", ""),
        ):
            corename = getattr(lib, f"{prefix}get_corename{suffix}", None)
            threads = getattr(lib, f"{prefix}get_num_threads{suffix}", None)
            if corename is not None and threads is not None:
                corename.restype = ctypes.c_char_p
                return f"{text}, kernel {corename().decode()}, {threads()} BLAS threads"
    return text


def _maps():
    try:
        with open("/proc/self/maps") as f:
            return f.read()
    except OSError:
        return ""


def load():
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def print_header():
    print("LSTM forward + backward over a sequence: medians of interleaved rounds")
    print(f"python {sys.version.split()[0]}, numpy {np.__version__}", end="")
    print(f", torch {torch.__version__}" if torch is not None else ", torch not installed")
    print(f"BLAS: {blas_description()}; os.cpu_count() = {os.cpu_count()}")
    env = {k: v for k, v in os.environ.items() if re.match(r"(OPENBLAS|OMP|MKL)_", k)}
    print("environment: " + (", ".join(f"{k}={v}" for k, v in sorted(env.items())) or "-"))
    print(f"load average (1, 5, 15 min) at start: {load()}")


def print_table(dtype, rows):
    names = list(VARIANTS)
    print(f"\n{np.dtype(dtype)}: milliseconds (median), and ratios of medians")
    head = f"{'N, T, D, H':>18} {'rounds':>6} " + " ".join(f"{n:>8}" for n in names)
    ratios = ["book/fused", "unfused/fused", "fused/gemm"]
    ratios += ["torch/fused"] if torch is not None else []
    print(head + "  " + " ".join(f"{r:>13}" for r in ratios))
    for shape, (med, rounds) in rows.items():
        cells = " ".join(f"{1e3 * med[n]:8.2f}" for n in names)
        values = [med["book"] / med["fused"], med["unfused"] / med["fused"]]
        values += [med["fused"] / med["gemm"]]
        values += [med["torch"] / med["fused"]] if torch is not None else []
        line = f"{str(shape)[1:-1]:>18} {rounds:>6} {cells}  "
        print(line + " ".join(f"{v:13.2f}" for v in values))


def check_goals(results):
    largest = SHAPES[-1]
    print(f"\ngoals at {largest} (N, T, D, H):")
    ok = True
    for dtype in DTYPES:
        med = results[dtype][largest][0]
        speedup = med["book"] / med["fused"]
        bound = med["fused"] / med["gemm"]
        goal_speedup = GOALS["book/fused"][dtype]
        goal_bound = GOALS["fused/gemm"]
        faster = all(r[0]["book"] > r[0]["fused"] for r in results[dtype].values())
        for text, met in (
            ("fused faster than book at every shape", faster),
            (f"book/fused = {speedup:.2f} >= {goal_speedup}", speedup >= goal_speedup),
            (f"fused/gemm = {bound:.2f} <= {goal_bound}", bound <= goal_bound),
        ):
            print(f"  {np.dtype(dtype)}: {text:<40} {'met' if met else 'NOT MET'}")
            ok &= met
    return ok


def main():
    print_header()
    started = time.perf_counter()
    results = {}
    for dtype in DTYPES:
        results[dtype] = {shape: time_shape(shape, dtype) for shape in SHAPES}
        print_table(dtype, results[dtype])
    ok = check_goals(results)

    print("\nmemory of forward + backward (tracemalloc peak above the start) vs the cache")
    print("the fused path keeps for backward (xs is referenced, not copied, so not counted)")
    head = f"{'N, T, D, H':>18} {'dtype':>8} {'cache MB':>9} {'peak MB':>9} {'peak/cache':>10}"
    print(head + f" {'book peak MB':>13}")
    for dtype in DTYPES:
        for shape in SHAPES:
            cache, peak, book_peak = memory_row(shape, dtype)
            line = f"{str(shape)[1:-1]:>18} {np.dtype(dtype).name:>8} {cache / 1e6:9.2f} "
            print(line + f"{peak / 1e6:9.2f} {peak / cache:10.2f} {book_peak / 1e6:13.1f}")
    print(f"\nload average at end: {load()}; took {time.perf_counter() - started:.0f} s")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
