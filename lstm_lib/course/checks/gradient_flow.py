"""Checkers for notebook 06 (gradient flow).

* Exercise 6.1, ``cell_path_backward(dc_local, fs)``: the backward pass along the memory
  cell over T steps, dL/dc_(t-1) = f_t ⊙ dL/dc_t plus what reaches c_(t-1) directly.
* Exercise 6.2, ``steps_to_halve(forget_bias)``: the smallest k with sigmoid(b)**k <= 1/2.

Each exercise is data (the reference, the cases, the table of typical mistakes) walked by
``lstm_lib.course.checks._core.run``.
"""

import numpy as np

from ...functions import sigmoid
from ._core import Case, Exercise, Mistake, run

__all__ = ["check_cell_path_backward", "check_steps_to_halve"]


def _cell_path(
    carry=True, own=True, shift=0, local=lambda f: f, forward=False, store_after=False, first=True
):
    """cell_path_backward, right or with one typical mistake."""

    def cell_path_backward(dc_local, fs):
        N, T, H = dc_local.shape
        dcs = np.zeros((N, T + 1, H))
        dc = np.zeros((N, H))
        for t in range(T) if forward else reversed(range(T)):
            here = dc_local[:, t] if own or t == T - 1 else 0
            dc = here + dc if carry else here
            gate = local(fs[:, (t + shift) % T])
            dcs[:, t + 1] = gate * dc if store_after else dc
            dc = gate * dc
        dcs[:, 0] = dc
        return dcs if first else dcs[:, 1:]

    return cell_path_backward


_ADD = (
    "at every cell, its own dc_local joins the gradient carried back from the later cells (the + "
    "node copies, so the streams add)"
)
CELL_PATH_MISTAKES = (
    Mistake(
        "an off-by-one in the forget gates: the step from dcs[:, t] back to dcs[:, t-1] "
        "multiplies by fs[:, t-1], the gate of step t.",
        _cell_path(shift=-1),
    ),
    Mistake(
        "an off-by-one in the forget gates: it uses the gate of the step after.",
        _cell_path(shift=1),
    ),
    Mistake(
        "the gradient carried back from the later cells is replaced by each cell's own "
        "gradient dc_local; keep it and add: " + _ADD + ".",
        _cell_path(carry=False),
    ),
    Mistake(
        "only the last cell's own gradient is carried back; the dc_local of the other "
        "cells is missing: " + _ADD + ".",
        _cell_path(own=False),
    ),
    Mistake(
        "it multiplies by f (1 - f), the sigmoid's derivative; on the cell path the ⊙ node "
        "multiplies by f itself.",
        _cell_path(local=lambda f: f * (1 - f)),
    ),
    Mistake(
        "the ⊙ f node is skipped: the gradient passes unchanged; multiply by f on the way back.",
        _cell_path(local=lambda f: np.ones_like(f)),
    ),
    Mistake(
        "the loop runs forward in time; the gradient flows from c_T back to c_0 "
        "(reversed(range(T))).",
        _cell_path(forward=True),
    ),
    Mistake(
        "dcs[:, t+1] is stored after the multiplication by f; store the gradient at c_(t+1), "
        "then multiply by f on the way back.",
        _cell_path(store_after=True),
    ),
    Mistake(
        "dcs[:, 0], the gradient on the initial cell c_0, is missing: dcs has shape (N, T+1, H).",
        _cell_path(first=False),
    ),
)


def _cell_path_cases(rng):
    cases = []
    for N, T, H, label in (
        (3, 1, 4, "for one step (T = 1)"),
        (3, 4, 4, "with a gradient only at the last step"),
        (3, 4, 4, "with a gradient at every step"),
        (2, 6, 3, "for N = 2, T = 6, H = 3"),
    ):
        fs, dc_local = rng.uniform(0.2, 0.9, (N, T, H)), rng.standard_normal((N, T, H))
        if "only at the last" in label:
            dc_local[:, :-1] = 0.0
        cases.append(Case(label, (dc_local, fs)))
    return cases


CELL_PATH_BACKWARD = Exercise(
    label="6.1",
    function="cell_path_backward",
    outputs=("dcs",),
    reference=_cell_path(),
    cases=_cell_path_cases,
    mistakes=CELL_PATH_MISTAKES,
    hint="Walk back from the last cell: at each cell its own gradient joins what came back, "
    "and the ⊙ f node on the way to the cell before multiplies by that step's gate.",
    success="cell_path_backward carries the gradient back with ⊙ f and adds each step's own",
)


def check_cell_path_backward(cell_path_backward, seed=None):
    """Exercise 6.1: ``cell_path_backward(dc_local, fs) -> dcs`` (N, T+1, H), the gradient on
    c_0 .. c_T along the cell path only."""
    run(CELL_PATH_BACKWARD, cell_path_backward, seed)


# --------------------------------------------------------------------------- Exercise 6.2


def _halve(gate=sigmoid, rounding=lambda k: int(np.ceil(k - 1e-9))):
    def steps_to_halve(b):
        return rounding(np.log(0.5) / np.log(float(gate(b))))

    return steps_to_halve


HALVE_MISTAKES = (
    Mistake(
        "it is rounded down: σ(b)**k is still above 1/2 there; round up.",
        _halve(rounding=lambda k: int(np.floor(k))),
    ),
    Mistake(
        "it is rounded to the nearest whole number; the first k with σ(b)**k <= 1/2 is rounded UP.",
        _halve(rounding=lambda k: int(np.round(k))),
    ),
    Mistake(
        "it is not a whole number of steps: round up to the first k with σ(b)**k <= 1/2.",
        _halve(rounding=lambda k: k),
    ),
    Mistake(
        "it uses σ'(b) = σ(b) (1 - σ(b)); the cell path multiplies by f = σ(b) itself.",
        _halve(gate=lambda b: sigmoid(b) * (1 - sigmoid(b))),
    ),
    Mistake(
        "it uses 1 - σ(b), the fraction erased; the cell path keeps f = σ(b).",
        _halve(gate=lambda b: 1 - sigmoid(b)),
    ),
    Mistake("it uses tanh(b); the forget gate is f = σ(b).", _halve(gate=np.tanh)),
    Mistake(
        "that is a linear decay 1 - k (1 - f); the gradient is multiplied by f at every step, "
        "so after k steps it is f**k.",
        lambda b: int(np.ceil(0.5 / (1 - float(sigmoid(b))) - 1e-9)),
    ),
    Mistake(
        "the ratio is upside down: σ(b)**k = 1/2 gives k = ln(1/2) / ln σ(b).",
        lambda b: np.log(float(sigmoid(b))) / np.log(0.5),
    ),
)


def _halve_cases(rng):
    biases = [3.0, 1.0, 0.0, -1.0, *np.round(rng.uniform(-1.0, 6.0, 3), 3).tolist()]
    return [Case(f"for b = {b:g}", (b,)) for b in biases]


STEPS_TO_HALVE = Exercise(
    label="6.2",
    function="steps_to_halve",
    outputs=("steps_to_halve(b)",),
    reference=_halve(),
    cases=_halve_cases,
    mistakes=HALVE_MISTAKES,
    hint="The smallest whole k >= 1 with σ(b)**k <= 1/2.",
    success="steps_to_halve gives the number of steps at which σ(b)^k first reaches 1/2",
    kind="integer",
)


def check_steps_to_halve(steps_to_halve, seed=None):
    """Exercise 6.2: ``steps_to_halve(forget_bias)``, the smallest k with σ(b)**k <= 1/2."""
    run(STEPS_TO_HALVE, steps_to_halve, seed)
