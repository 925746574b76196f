"""Checkers for notebook 03, the forget gate f = sigmoid(x Wx + h_prev Wh + b), the kept
memory f ⊙ c_prev, its backward pass and the steps until a fraction of a memory is left.

Each exercise is data (the reference, the cases, the table of typical mistakes) walked by
``lstm_lib.course.checks._core.run``.
"""

import numpy as np

from ._core import Case, Exercise, Mistake, run
from ._elementwise import elementwise_exercise, matmul
from ._units import UnitLayout, unit_exercise

__all__ = ["check_forget_backward", "check_forget_gate", "check_steps_to_keep"]

FORGET_GATE = unit_exercise(
    {
        "label": "3.1",
        "function": "forget_step",
        "outputs": ("f", "kept"),
        "kind": "gate",
        "hint": "f is a gate of x and h_prev; what is kept is c_prev scaled entry by entry by f.",
        "success": "f = sigmoid(x Wx + h_prev Wh + b) and f ⊙ c_prev are right",
    },
    UnitLayout(("memory",)),
    update=lambda f, c_prev: f * c_prev,
    update_mistakes=(
        (
            "a matrix product (@) where ⊙ is elementwise: kept = f * c_prev.",
            lambda f, c: matmul(f, c),
        ),
        (
            "f is the fraction KEPT, not the fraction erased: kept = f ⊙ c_prev.",
            lambda f, c: (1 - f) * c,
        ),
        ("the product with c_prev is missing: kept = f ⊙ c_prev.", lambda f, c: f),
        ("the forget gate is missing: kept = f ⊙ c_prev.", lambda f, c: c),
        ("a sum where the gate multiplies: kept = f ⊙ c_prev.", lambda f, c: f + c),
        ("the memory is not squashed here: kept = f ⊙ c_prev.", lambda f, c: f * np.tanh(c)),
    ),
)


def check_forget_gate(forget_step, seed=None):
    """Exercise 3.1: ``forget_step(x, h_prev, c_prev, Wx, Wh, b)`` returns ``(f, kept)`` with
    f = sigmoid(x Wx + h_prev Wh + b) and kept = f ⊙ c_prev."""
    run(FORGET_GATE, forget_step, seed)


FORGET_BACKWARD = elementwise_exercise(
    {
        "label": "3.2",
        "function": "forget_backward",
        "hint": "A ⊙ node passes the upstream gradient times the OTHER input to each of its "
        "inputs.",
        "success": "df = dc ⊙ c_prev and dc_prev = dc ⊙ f are right",
    },
    {"dc": "grad", "f": "gate", "c_prev": "memory"},
    {"df": lambda dc, f, c_prev: dc * c_prev, "dc_prev": lambda dc, f, c_prev: dc * f},
    (
        (
            "df",
            "df got f: each branch of ⊙ gets dc times the OTHER input, c_prev.",
            lambda dc, f, c_prev: dc * f,
        ),
        (
            "df",
            "dc must be scaled by the other input of ⊙: df = dc ⊙ c_prev.",
            lambda dc, f, c_prev: dc,
        ),
        (
            "df",
            "a matrix product where ⊙ is elementwise: df = dc * c_prev.",
            lambda dc, f, c_prev: matmul(dc, c_prev),
        ),
        (
            "df",
            "a matrix product with a transpose; ⊙ is elementwise: df = dc * c_prev.",
            lambda dc, f, c_prev: matmul(dc, c_prev.T),
        ),
        (
            "df",
            "that went on through the sigmoid; df is the gradient at f itself.",
            lambda dc, f, c_prev: dc * c_prev * f * (1 - f),
        ),
        (
            "dc_prev",
            "dc_prev got c_prev: its branch is scaled by the OTHER input, f.",
            lambda dc, f, c_prev: dc * c_prev,
        ),
        (
            "dc_prev",
            "the gradient passes the ⊙ node scaled by f: dc_prev = dc ⊙ f.",
            lambda dc, f, c_prev: dc,
        ),
        (
            "dc_prev",
            "the memory was kept with f, so its gradient is scaled by f, not 1 - f.",
            lambda dc, f, c_prev: dc * (1 - f),
        ),
        (
            "dc_prev",
            "a matrix product where ⊙ is elementwise: dc_prev = dc * f.",
            lambda dc, f, c_prev: matmul(dc, f),
        ),
        (
            "dc_prev",
            "a matrix product with a transpose; ⊙ is elementwise: dc_prev = dc * f.",
            lambda dc, f, c_prev: matmul(dc, f.T),
        ),
        (
            "dc_prev",
            "the cell path has no sigmoid node: dc_prev = dc ⊙ f, without f (1 - f).",
            lambda dc, f, c_prev: dc * f * (1 - f),
        ),
    ),
)


def check_forget_backward(forget_backward, seed=None):
    """Exercise 3.2: ``forget_backward(dc, f, c_prev)`` returns ``(df, dc_prev)`` for
    kept = f ⊙ c_prev: df = dc ⊙ c_prev, dc_prev = dc ⊙ f."""
    run(FORGET_BACKWARD, forget_backward, seed)


# --------------------------------------------------------------------------- Exercise 3.3

_ROUNDED = "return the real number of steps, not a rounded one."
KEEP_MISTAKES = (
    Mistake(
        "the ratio is upside down: after taking logs of f**k = fraction, see which "
        "logarithm k multiplies.",
        lambda f, q: np.log(f) / np.log(q),
    ),
    Mistake(
        "f is the fraction kept per step (1 - f is erased): after k steps f**k is left.",
        lambda f, q: np.log(q) / np.log(1 - f),
    ),
    Mistake(
        "fraction is what is LEFT, not what is lost: f**k = fraction.",
        lambda f, q: np.log(1 - q) / np.log(f),
    ),
    Mistake(
        "the sign is off: both logarithms are negative (f and fraction are below 1), so "
        "k is positive.",
        lambda f, q: -np.log(q) / np.log(f),
    ),
    Mistake(_ROUNDED, lambda f, q: np.ceil(np.log(q) / np.log(f))),
    Mistake(_ROUNDED, lambda f, q: np.floor(np.log(q) / np.log(f))),
    Mistake(_ROUNDED, lambda f, q: np.round(np.log(q) / np.log(f))),
    Mistake(
        "solve f**k = fraction for k (take the logarithm of both sides), not f**fraction.",
        lambda f, q: f**q,
    ),
    Mistake(
        "that is a linear decay; f**k decays geometrically: solve f**k = fraction for k.",
        lambda f, q: (1 - q) / (1 - f),
    ),
)


def _keep_cases(rng):
    cases = [Case("for f = 0.9, fraction = 0.5", (0.9, 0.5))]
    for _ in range(4):
        f, fraction = rng.uniform(0.3, 0.99), rng.uniform(0.01, 0.9)
        cases.append(Case(f"for f = {f:.4g}, fraction = {fraction:.4g}", (f, fraction)))
    return cases


STEPS_TO_KEEP = Exercise(
    label="3.3",
    function="steps_to_keep",
    outputs=("steps_to_keep(f, fraction)",),
    reference=lambda f, fraction: np.log(fraction) / np.log(f),
    cases=_keep_cases,
    mistakes=KEEP_MISTAKES,
    hint="Take the logarithm of what is left after k steps and solve for k (a real number, "
    "not rounded).",
    success="steps_to_keep gives k with f**k = fraction (half-life for fraction = 0.5)",
    kind="number",
)


def check_steps_to_keep(steps_to_keep, seed=None):
    """Exercise 3.3: ``steps_to_keep(f, fraction)``, the real k with f**k = fraction."""
    run(STEPS_TO_KEEP, steps_to_keep, seed)
