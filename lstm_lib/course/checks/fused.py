"""Checkers for notebook 07, the fused implementation.

* ``check_fused_lstm_step`` (Exercise 7.1): one fused step, one affine transform
  A = x Wx + h_prev Wh + b sliced into the blocks f, g, i, o.
* ``check_run_sequence`` (Exercise 7.2): a loop of steps over a sequence, with h and c
  carried from each step to the next.
* ``check_backward_through_time`` (Exercise 7.3): the backward of that loop, with dh
  and dc carried back in time and the weight gradients summed over all steps.

Each exercise is data (the reference, the cases, the table of typical mistakes) walked by
``lstm_lib.course.checks._core.run``.
"""

from itertools import permutations

import numpy as np

from ...functions import sigmoid, tanh
from ...lstm import LSTM
from ._core import Case, Exercise, Mistake, run

__all__ = ["check_backward_through_time", "check_fused_lstm_step", "check_run_sequence"]

GATE_ORDER = "fgio"
_NAMED_ORDERS = {
    "ifgo": "PyTorch's and Keras's order i, f, g, o",
    "ifog": "CS231n's order i, f, o, g",
    "iofg": "ONNX's order i, o, f, g",
}
_ACTS = {"f": sigmoid, "g": tanh, "i": sigmoid, "o": sigmoid}


def _step(order=GATE_ORDER, acts=None, affine=None, slicing=None, cell=None, out=None):
    """fused_lstm_step, right or with one typical mistake."""
    acts = {**_ACTS, **(acts or {})}
    affine = affine or (lambda x, h, Wx, Wh, b: x @ Wx + h @ Wh + b)
    slicing = slicing or (lambda A, H, k: A[:, k * H : (k + 1) * H])
    cell = cell or (lambda f, g, i, c_prev: f * c_prev + g * i)
    out = out or (lambda o, c, c_prev: o * tanh(c))

    def step(x, h_prev, c_prev, Wx, Wh, b):
        A = affine(x, h_prev, Wx, Wh, b)
        H = A.shape[1] // 4
        a = {gate: slicing(A, H, k) for k, gate in enumerate(order)}
        f, g, i, o = (acts[k](a[k]) for k in GATE_ORDER)
        c = cell(f, g, i, c_prev)
        return out(o, c, c_prev), c

    return step


def _order_mistakes():
    found = []
    for order in ("".join(p) for p in permutations(GATE_ORDER)):
        if order != GATE_ORDER:
            name = _NAMED_ORDERS.get(order, f"the order {', '.join(order)}")
            message = (
                f"the blocks are sliced in {name}; this book's blocks are f, g, i, o: "
                "A[:, :H] is f, A[:, H:2H] is g, A[:, 2H:3H] is i, A[:, 3H:] is o."
            )
            found.append(Mistake(message, _step(order=order)))
    return found


STEP_MISTAKES = (
    *(
        Mistake(f"tanh for {k}: a gate needs sigmoid, only g is tanh.", _step(acts={k: tanh}))
        for k in "fio"
    ),
    Mistake("sigmoid for g: g is information and needs tanh.", _step(acts={"g": sigmoid})),
    Mistake(
        "A lacks h_prev @ Wh: the affine transform has three terms.",
        _step(affine=lambda x, h, Wx, Wh, b: x @ Wx + b),
    ),
    Mistake(
        "h_prev @ Wh.T: a transpose too many; the fused Wh is (H, 4H), and h_prev (N, H) @ Wh "
        "gives the four blocks (N, 4H) as it is.",
        _step(affine=lambda x, h, Wx, Wh, b: x @ Wx + h @ Wh.T + b),
    ),
    Mistake(
        "x @ Wx.T: a transpose too many; the fused Wx is (D, 4H), and x (N, D) @ Wx gives the "
        "four blocks (N, 4H) as it is.",
        _step(affine=lambda x, h, Wx, Wh, b: x @ Wx.T + h @ Wh + b),
    ),
    Mistake(
        "A lacks the bias b: A = x @ Wx + h_prev @ Wh + b.",
        _step(affine=lambda x, h, Wx, Wh, b: x @ Wx + h @ Wh),
    ),
    Mistake(
        "the blocks are taken as every fourth column (A[:, k::4]); they are contiguous: "
        "A[:, k*H:(k+1)*H].",
        _step(slicing=lambda A, H, k: A[:, k::4]),
    ),
    Mistake(
        "the product with i is missing: c = f ⊙ c_prev + g ⊙ i.",
        _step(cell=lambda f, g, i, cp: f * cp + g),
    ),
    Mistake(
        "f is the fraction KEPT: c = f ⊙ c_prev + g ⊙ i.",
        _step(cell=lambda f, g, i, cp: (1 - f) * cp + g * i),
    ),
    Mistake("the tanh of the cell is missing: h = o ⊙ tanh(c).", _step(out=lambda o, c, cp: o * c)),
    Mistake(
        "h uses the old cell c_prev; use the new cell c.", _step(out=lambda o, c, cp: o * tanh(cp))
    ),
    *_order_mistakes(),
)


def _weights(rng, D, H, scale=0.9):
    return tuple(scale * rng.standard_normal(s) for s in ((D, 4 * H), (H, 4 * H), (4 * H,)))


def _step_cases(rng):
    cases = []
    for N, D, H, label in (
        (3, 3, 3, "with c_prev = 0 (so c = g ⊙ i, read from the g and i blocks)"),
        (3, 3, 3, "for N = D = H = 3"),
        (3, 4, 5, "for N = 3, D = 4, H = 5"),
        (2, 5, 2, "for N = 2, D = 5, H = 2"),
    ):
        c_prev = (
            0 * rng.standard_normal((N, H)) if "= 0" in label else 2 * rng.standard_normal((N, H))
        )
        args = (
            rng.standard_normal((N, D)),
            rng.standard_normal((N, H)),
            c_prev,
            *_weights(rng, D, H),
        )
        cases.append(Case(label, args))
    return cases


FUSED_LSTM_STEP = Exercise(
    label="7.1",
    function="fused_lstm_step",
    outputs=("h", "c"),
    reference=_step(),
    cases=_step_cases,
    mistakes=STEP_MISTAKES,
    hint="One affine transform of x and h_prev gives the four blocks side by side; slice "
    "them in this book's order, then compute the cell as in notebook 05.",
    success="fused_lstm_step slices A into f, g, i, o and matches the cell",
    compare=(1, 0),
)


def check_fused_lstm_step(fused_lstm_step, seed=None):
    """Exercise 7.1: ``fused_lstm_step(x, h_prev, c_prev, Wx, Wh, b) -> (h, c)``; Wx (D, 4H),
    Wh (H, 4H), b (4H,), blocks in the order f, g, i, o."""
    run(FUSED_LSTM_STEP, fused_lstm_step, seed)


# --------------------------------------------------------------------------- Exercise 7.2


def _loop(carry_h=True, carry_c=True, store="h", axis=1, time_first=False, reverse=False):
    """run_sequence, right or with one typical mistake."""

    def run_sequence(xs, Wx, Wh, b):
        N, T = xs.shape[:2]
        h = c = np.zeros((N, Wh.shape[0]))
        kept = []
        for t in reversed(range(T)) if reverse else range(T):
            x = xs[t] if time_first else xs[:, t]
            h_new, c_new = _step()(x, h if carry_h else 0 * h, c if carry_c else 0 * c, Wx, Wh, b)
            kept.append({"h": h_new, "c": c_new, "h_prev": h}[store])
            h, c = h_new, c_new
        return np.stack(kept[::-1] if reverse else kept, axis=axis)

    return run_sequence


SEQUENCE_MISTAKES = (
    Mistake(
        "h is not carried: h_prev = 0 at every step; hand each step's h to the next.",
        _loop(carry_h=False),
    ),
    Mistake(
        "the memory cell is not carried: c_prev = 0 at every step; hand c on too, not only h.",
        _loop(carry_c=False),
    ),
    Mistake(
        "neither h nor c is carried: a fresh state at every step.",
        _loop(carry_h=False, carry_c=False),
    ),
    Mistake(
        "hs holds each step's h_prev, the state before the step; store the new h.",
        _loop(store="h_prev"),
    ),
    Mistake("hs holds the cells c; the exercise asks for the hidden states h.", _loop(store="c")),
    Mistake(
        "hs is stacked time-major (T, N, H); stack the steps along axis 1: (N, T, H).",
        _loop(axis=0),
    ),
    Mistake(
        "xs[t] reads row t of the batch; step t's input is xs[:, t], shape (N, D).",
        _loop(time_first=True),
    ),
    Mistake(
        "the loop runs backwards in time; the forward pass goes t = 0, 1, ..., T-1.",
        _loop(reverse=True),
    ),
)


def _sequence_cases(rng):
    cases = []
    for N, T, D, H, label in (
        (1, 1, 3, 4, "for one step (N = 1, T = 1)"),
        (2, 5, 3, 4, "with input only at t = 0 (everything later comes from the carried state)"),
        (3, 3, 3, 3, "for N = T = D = H = 3"),
        (2, 6, 3, 4, "for N = 2, T = 6, D = 3, H = 4"),
    ):
        xs = rng.standard_normal((N, T, D))
        if "only at" in label:
            xs[:, 1:] = 0.0
        cases.append(Case(label, (xs, *_weights(rng, D, H))))
    return cases


RUN_SEQUENCE = Exercise(
    label="7.2",
    function="run_sequence",
    outputs=("hs",),
    reference=_loop(),
    cases=_sequence_cases,
    mistakes=SEQUENCE_MISTAKES,
    hint="Start from a zero state, run one step per time step on that step's inputs, carry "
    "the state on, and keep each step's new hidden state in the (N, T, H) layout.",
    success="run_sequence carries h and c through all steps",
    may_use=("sigmoid", "tanh", "LSTM"),
)


def check_run_sequence(run_sequence, seed=None):
    """Exercise 7.2: ``run_sequence(xs, Wx, Wh, b) -> hs``: xs (N, T, D), hs (N, T, H)."""
    run(RUN_SEQUENCE, run_sequence, seed)


# --------------------------------------------------------------------------- Exercise 7.3


def _bptt(
    carry_h=True,
    carry_c=True,
    accumulate=True,
    forward=False,
    scale=1.0,
    every_h=True,
    order="time",
    axis=1,
):
    """backward_through_time, right or with one typical mistake."""

    def backward_through_time(steps, dhs):
        N, T, H = dhs.shape
        grads = [np.zeros_like(p) for p in steps[0].params]
        dh, dc, dxs = np.zeros((N, H)), np.zeros((N, H)), []
        for t in range(T) if forward else reversed(range(T)):
            upstream = dhs[:, t] if every_h or t == T - 1 else 0 * dh
            dx, dh_prev, dc_prev = steps[t].backward(upstream + dh, dc)
            dxs.append(dx)
            dh, dc = (dh_prev if carry_h else 0 * dh_prev), (dc_prev if carry_c else 0 * dc_prev)
            for total, g in zip(grads, steps[t].grads, strict=True):
                total[...] = total + g if accumulate else g
        if order == "time" and not forward:
            dxs = dxs[::-1]
        return (np.stack(dxs, axis=axis), *(scale * g for g in grads))

    return backward_through_time


BPTT_MISTAKES = (
    Mistake(
        "only one step's weight gradients are returned: the weights are shared by all steps, "
        "so add (+=) every step's gradient into the total.",
        _bptt(accumulate=False),
    ),
    Mistake(
        "dh_prev is dropped between steps: the gradient into step t is dhs[:, t] plus the "
        "dh_prev that came back from step t+1.",
        _bptt(carry_h=False),
    ),
    Mistake(
        "dc_prev is dropped between steps: carry dc back to the step before.", _bptt(carry_c=False)
    ),
    Mistake(
        "the loop runs forward in time; the backward goes from the last step to the first "
        "(reversed(range(T))).",
        _bptt(forward=True),
    ),
    Mistake(
        "the weight gradients are averaged over the steps; they are summed.",
        lambda steps, dhs: _bptt(scale=1.0 / dhs.shape[1])(steps, dhs),
    ),
    Mistake(
        "only the last step receives dhs: the loss reaches every h_t, so step t gets "
        "dhs[:, t] plus the carried dh.",
        _bptt(every_h=False),
    ),
    Mistake(
        "dxs is in reversed time order: the loop runs backwards, so reverse the list (or "
        "fill dxs[:, t]).",
        _bptt(order="loop"),
    ),
    Mistake("dxs is stacked time-major (T, N, D); stack along axis 1: (N, T, D).", _bptt(axis=0)),
)


def _forward_steps(xs, Wx, Wh, b):
    N, T, _ = xs.shape
    h = c = np.zeros((N, Wh.shape[0]))
    steps = []
    for t in range(T):
        step = LSTM(Wx, Wh, b)
        h, c = step.forward(xs[:, t], h, c)
        steps.append(step)
    return steps


def _bptt_cases(rng):
    cases = []
    for N, T, D, H, label in (
        (2, 1, 3, 4, "for one step (T = 1)"),
        (2, 5, 3, 4, "with a loss on the last h only"),
        (3, 3, 3, 3, "for N = T = D = H = 3"),
        (2, 5, 3, 4, "with a loss on every h"),
    ):
        Wx, Wh, b = _weights(rng, D, H)
        dhs = rng.standard_normal((N, T, H))
        if "last h only" in label:
            dhs[:, :-1] = 0.0
        cases.append(Case(label, (_forward_steps(rng.standard_normal((N, T, D)), Wx, Wh, b), dhs)))
    return cases


BACKWARD_THROUGH_TIME = Exercise(
    label="7.3",
    function="backward_through_time",
    outputs=("dxs", "dWx", "dWh", "db"),
    reference=_bptt(),
    cases=_bptt_cases,
    mistakes=BPTT_MISTAKES,
    hint="Go backwards in time, carrying both state gradients from each step to the one "
    "before; the weights are shared by all steps.",
    success="backward_through_time carries dh and dc and sums the gradients",
    compare=(1, 2, 3, 0),
    may_use=("sigmoid", "tanh", "LSTM"),
)


def check_backward_through_time(backward_through_time, seed=None):
    """Exercise 7.3: ``backward_through_time(steps, dhs) -> (dxs, dWx, dWh, db)``; ``steps``
    is a list of T ``lstm_lib.LSTM`` layers run forward in order, dhs (N, T, H)."""
    run(BACKWARD_THROUGH_TIME, backward_through_time, seed)
