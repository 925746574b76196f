"""Checkers for notebook 04, the new information g = tanh(x Wx + h_prev Wh + b), the cell
update c = f ⊙ c_prev + g (no input gate yet), its backward pass, and the spread of a
memory that sums noise.

Each exercise is data (the reference, the cases, the table of typical mistakes) walked by
``lstm_lib.course.checks._core.run``.
"""

import numpy as np

from ._core import Case, Exercise, Mistake, run
from ._elementwise import elementwise_exercise, matmul
from ._units import UnitLayout, unit_exercise

__all__ = ["check_cell_backward", "check_new_information", "check_random_walk_spread"]

NEW_INFORMATION = unit_exercise(
    {
        "label": "4.1",
        "function": "write_step",
        "outputs": ("g", "c"),
        "kind": "information",
        "hint": "g is the tanh of its own affine sum of x and h_prev; the new cell keeps c_prev "
        "scaled by f and adds g.",
        "success": "g = tanh(x Wx + h_prev Wh + b) and c = f ⊙ c_prev + g are right",
    },
    UnitLayout(("memory", "gate")),
    update=lambda g, c_prev, f: f * c_prev + g,
    update_mistakes=(
        (
            "a matrix product (@) where ⊙ is elementwise: f * c_prev.",
            lambda g, c, f: matmul(f, c) + g,
        ),
        ("the new information g is not added: c = f ⊙ c_prev + g.", lambda g, c, f: f * c),
        ("the forget gate is missing: c = f ⊙ c_prev + g.", lambda g, c, f: c + g),
        ("f scales only the old memory: c = f ⊙ c_prev + g.", lambda g, c, f: f * (c + g)),
        (
            "g is added to the memory, not multiplied: c = f ⊙ c_prev + g.",
            lambda g, c, f: f * c * g,
        ),
        ("the memory is not squashed: c = f ⊙ c_prev + g.", lambda g, c, f: np.tanh(f * c + g)),
        ("f is the fraction KEPT: c = f ⊙ c_prev + g.", lambda g, c, f: (1 - f) * c + g),
        ("the old memory c_prev is missing: c = f ⊙ c_prev + g.", lambda g, c, f: f * g),
    ),
)


def check_new_information(write_step, seed=None):
    """Exercise 4.1: ``write_step(x, h_prev, c_prev, f, Wx, Wh, b)`` returns ``(g, c)`` with
    g = tanh(x Wx + h_prev Wh + b) and c = f ⊙ c_prev + g."""
    run(NEW_INFORMATION, write_step, seed)


_SPLIT = "the + node COPIES the upstream gradient to both branches; it does not halve it."
CELL_BACKWARD = elementwise_exercise(
    {
        "label": "4.2",
        "function": "cell_backward",
        "hint": "The + node passes dc on to both branches unchanged; then the ⊙ f node on the "
        "cell path, and the tanh node on g's branch.",
        "success": "dc_prev = dc ⊙ f and da = dc ⊙ (1 - g²) are right",
    },
    {"dc": "grad", "f": "gate", "g": "information"},
    {"dc_prev": lambda dc, f, g: dc * f, "da": lambda dc, f, g: dc * (1 - g**2)},
    (
        ("dc_prev", _SPLIT, lambda dc, f, g: dc / 2 * f),
        ("dc_prev", _SPLIT + " Then the ⊙ node scales it by f.", lambda dc, f, g: dc / 2),
        ("dc_prev", "after the + node comes the ⊙ node: dc_prev = dc ⊙ f.", lambda dc, f, g: dc),
        ("dc_prev", "the old memory's branch is scaled by f, not by g.", lambda dc, f, g: dc * g),
        (
            "dc_prev",
            "a matrix product where ⊙ is elementwise: dc_prev = dc * f.",
            lambda dc, f, g: matmul(dc, f),
        ),
        (
            "dc_prev",
            "a matrix product with a transpose; ⊙ is elementwise: dc * f.",
            lambda dc, f, g: matmul(dc, f.T),
        ),
        ("da", _SPLIT, lambda dc, f, g: dc / 2 * (1 - g**2)),
        ("da", "the tanh node is missing: da = dc ⊙ (1 - g**2).", lambda dc, f, g: dc),
        (
            "da",
            "g (1 - g) is the sigmoid's derivative; tanh's is 1 - g**2.",
            lambda dc, f, g: dc * g * (1 - g),
        ),
        (
            "da",
            "g is already tanh's output: the derivative is 1 - g**2, not 1 - tanh(g)**2.",
            lambda dc, f, g: dc * (1 - np.tanh(g) ** 2),
        ),
        (
            "da",
            "g is added after the ⊙ f node: its branch has no factor f.",
            lambda dc, f, g: dc * f * (1 - g**2),
        ),
        (
            "da",
            "tanh's derivative is 1 - g**2, not (1 - g)**2.",
            lambda dc, f, g: dc * (1 - g) ** 2,
        ),
    ),
)


def check_cell_backward(cell_backward, seed=None):
    """Exercise 4.2: ``cell_backward(dc, f, g)`` returns ``(dc_prev, da)`` for
    c = f ⊙ c_prev + g, g = tanh(a): dc_prev = dc ⊙ f, da = dc ⊙ (1 - g²)."""
    run(CELL_BACKWARD, cell_backward, seed)


# --------------------------------------------------------------------------- Exercise 4.3

SPREAD_MISTAKES = (
    Mistake(
        "standard deviations do not add; variances do. Take a square root.", lambda n, s: s * n
    ),
    Mistake(
        "that is the variance of c; the question asks for its standard deviation.",
        lambda n, s: s**2 * n,
    ),
    Mistake("the spread grows with the number of steps: variances add.", lambda n, s: s),
    Mistake("that is the spread of a MEAN of the steps; c sums them.", lambda n, s: s / np.sqrt(n)),
    Mistake("the mean of c is 0, but its spread is not.", lambda n, s: 0.0),
    Mistake(
        "the square root goes over the variance n sd**2, not over n sd.",
        lambda n, s: np.sqrt(s * n),
    ),
    Mistake(
        "the variance of each step is sd**2, and the spread is the square root of the total "
        "variance, not sd**2 sqrt(n).",
        lambda n, s: s**2 * np.sqrt(n),
    ),
    Mistake("the spread grows like the square root of n, not like n**2.", lambda n, s: s * n**2),
)


def _spread_cases(rng):
    cases = [Case("for steps = 400, sd = 0.2", (400, 0.2))]
    for _ in range(3):
        steps, sd = int(rng.integers(10, 2000)), rng.uniform(0.05, 0.9)
        cases.append(Case(f"for steps = {steps}, sd = {sd:.4g}", (steps, sd)))
    return cases


RANDOM_WALK_SPREAD = Exercise(
    label="4.3",
    function="random_walk_spread",
    outputs=("random_walk_spread(steps, sd)",),
    reference=lambda steps, sd: sd * np.sqrt(steps),
    cases=_spread_cases,
    mistakes=SPREAD_MISTAKES,
    hint="Independent writes add their variances; the spread is the square root of the "
    "total variance.",
    success="the spread of c grows like the square root of the number of steps",
    kind="number",
)


def check_random_walk_spread(random_walk_spread, seed=None):
    """Exercise 4.3: ``random_walk_spread(steps, sd)``, the standard deviation of c after
    ``steps`` independent writes of spread ``sd`` (f = 1, c_0 = 0): sd * sqrt(steps)."""
    run(RANDOM_WALK_SPREAD, random_walk_spread, seed)
