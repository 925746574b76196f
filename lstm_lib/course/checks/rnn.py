"""Checkers for the exercises of notebook 00 (from RNN to LSTM).

* ``check_rnn_step`` (Exercise 0.1): one tanh RNN step, h = tanh(x Wx + h_prev Wh + b).
* ``check_rnn_dh_prev`` (Exercise 0.2): one step back in time,
  dh_prev = (dh_next ⊙ (1 - h_next²)) Wh^T.
* ``check_vanishing_steps`` (Exercise 0.3): the smallest k with factor**k < threshold.

Each exercise is data (the reference, the cases, the table of typical mistakes) walked by
``lstm_lib.course.checks._core.run``.
"""

import numpy as np

from ._core import Case, Exercise, Mistake, run
from ._units import UnitLayout, unit_exercise

__all__ = ["check_rnn_dh_prev", "check_rnn_step", "check_vanishing_steps"]

RNN_STEP = unit_exercise(
    {
        "label": "0.1",
        "function": "rnn_step",
        "outputs": ("h",),
        "kind": "rnn",
        "hint": "Build it term by term: x times its weight, h_prev times its weight, the bias, "
        "then the activation of the whole sum.",
        "success": "rnn_step computes tanh(x Wx + h_prev Wh + b)",
    },
    UnitLayout(()),
)


def check_rnn_step(rnn_step, seed=None):
    """Exercise 0.1: ``rnn_step(x, h_prev, Wx, Wh, b)`` -> tanh(x Wx + h_prev Wh + b)."""
    run(RNN_STEP, rnn_step, seed)


# --------------------------------------------------------------------------- Exercise 0.2


def _dh_prev(da_rule=lambda dh, h: dh * (1 - h**2), product=lambda da, Wh: da @ Wh.T):
    return lambda dh_next, h_next, Wh: product(da_rule(dh_next, h_next), Wh)


_TANH_NODE = "multiply dh_next by tanh' = 1 - h_next**2 first"
DH_PREV_MISTAKES = (
    Mistake(
        "it multiplies by Wh, not Wh.T: backward through h_prev @ Wh gives da @ Wh.T.",
        _dh_prev(product=lambda da, Wh: da @ Wh),
    ),
    Mistake(
        "the product with Wh.T is missing: h_prev reached h_next through h_prev @ Wh.",
        _dh_prev(product=lambda da, Wh: da),
    ),
    Mistake(f"the tanh node is skipped: {_TANH_NODE}.", _dh_prev(lambda dh, h: dh)),
    Mistake(
        "it uses the sigmoid's derivative h_next (1 - h_next); the RNN step uses tanh, whose "
        "derivative is 1 - h_next**2.",
        _dh_prev(lambda dh, h: dh * h * (1 - h)),
    ),
    Mistake(
        "it applies tanh to h_next again: h_next already is tanh's output, so the local "
        "derivative is 1 - h_next**2.",
        _dh_prev(lambda dh, h: dh * (1 - np.tanh(h) ** 2)),
    ),
    Mistake(
        "it uses 1 - h_next; tanh's derivative is 1 - h_next**2 (squared).",
        _dh_prev(lambda dh, h: dh * (1 - h)),
    ),
    Mistake(
        "it uses (1 - h_next)**2; tanh's derivative is 1 - h_next**2.",
        _dh_prev(lambda dh, h: dh * (1 - h) ** 2),
    ),
    Mistake(
        "the derivative has the wrong sign: tanh' = 1 - h_next**2, not h_next**2 - 1.",
        _dh_prev(lambda dh, h: dh * (h**2 - 1)),
    ),
    Mistake(
        "an elementwise product * where the matrix product @ Wh.T belongs.",
        _dh_prev(product=lambda da, Wh: da * Wh.T),
    ),
    Mistake(
        "the product is in the wrong order: Wh.T @ da; with row vectors it is da @ Wh.T.",
        _dh_prev(product=lambda da, Wh: Wh.T @ da),
    ),
)


def _dh_cases(rng):
    cases = []
    for N, H, label in ((3, 3, "with h_next = 0 (tanh' = 1)"), (3, 3, "for N = H = 3")):
        h_next = np.zeros((N, H)) if "= 0" in label else rng.uniform(-0.95, 0.95, (N, H))
        cases.append(Case(label, (rng.standard_normal((N, H)), h_next, rng.normal(0, 1, (H, H)))))
    for N, H in ((2, 4), (5, 3)):
        args = (
            rng.standard_normal((N, H)),
            rng.uniform(-0.95, 0.95, (N, H)),
            rng.normal(0, 1, (H, H)),
        )
        cases.append(Case(f"for N = {N}, H = {H}", args))
    return cases


RNN_DH_PREV = Exercise(
    label="0.2",
    function="rnn_dh_prev",
    outputs=("dh_prev",),
    reference=_dh_prev(),
    cases=_dh_cases,
    mistakes=DH_PREV_MISTAKES,
    hint="Go back through the step's two nodes in turn: the tanh node (its derivative "
    "written with its output h_next), then the product with Wh.",
    success="rnn_dh_prev multiplies by tanh' = 1 - h_next**2, then by Wh.T",
)


def check_rnn_dh_prev(rnn_dh_prev, seed=None):
    """Exercise 0.2: ``rnn_dh_prev(dh_next, h_next, Wh)`` -> (dh_next * (1 - h_next**2)) @ Wh.T."""
    run(RNN_DH_PREV, rnn_dh_prev, seed)


# --------------------------------------------------------------------------- Exercise 0.3


def _ratio(factor, threshold):
    return np.log(threshold) / np.log(factor)


def steps_to_vanish_reference(factor, threshold):
    """The smallest whole k with factor**k < threshold (0 < factor < 1, 0 < threshold < 1)."""
    return int(np.floor(_ratio(factor, threshold))) + 1


VANISH_MISTAKES = (
    Mistake(
        "it is one step short: rounded down, factor**k is still above the threshold; round up.",
        lambda f, t: int(np.floor(_ratio(f, t))),
    ),
    Mistake(
        "it is rounded to the nearest whole number; the smallest k with factor**k < threshold "
        "is the real ratio rounded UP.",
        lambda f, t: int(np.round(_ratio(f, t))),
    ),
    Mistake(
        "it is not a whole number of steps: round the ratio ln(threshold) / ln(factor) up.",
        _ratio,
    ),
    Mistake(
        "the ratio is upside down: factor**k = threshold gives k = ln(threshold) / ln(factor).",
        lambda f, t: np.log(f) / np.log(t),
    ),
    Mistake(
        "that counts the steps as if each divided the gradient by 10; each step multiplies it "
        "by factor.",
        lambda f, t: int(np.ceil(-np.log10(t))),
    ),
    Mistake(
        "it returns the factor after k steps, factor**k; the answer is the number of steps k.",
        lambda f, t: f ** steps_to_vanish_reference(f, t),
    ),
    Mistake(
        "it is one step too many: factor**(k - 1) is already below the threshold.",
        lambda f, t: steps_to_vanish_reference(f, t) + 1,
    ),
    Mistake(
        "the logarithms have different bases: log10 on one side and ln on the other; use the "
        "same on both.",
        lambda f, t: int(np.floor(np.log10(t) / np.log(f))) + 1,
    ),
    Mistake(
        "that is a linear decay 1 - k (1 - factor); the gradient is multiplied by factor at "
        "every step, so after k steps it is factor**k.",
        lambda f, t: int(np.floor((1 - t) / (1 - f))) + 1,
    ),
)


def _vanish_cases(rng):
    cases = [
        Case("for factor = 0.5 and threshold = 1e-6", (0.5, 1e-6)),
        Case("for factor = 0.7 and threshold = 1e-3", (0.7, 1e-3)),
    ]
    for _ in range(3):
        factor, threshold = rng.uniform(0.3, 0.95), 10.0 ** -int(rng.integers(2, 9))
        cases.append(
            Case(f"for factor = {factor:.4g}, threshold = {threshold:.3g}", (factor, threshold))
        )
    return cases


STEPS_TO_VANISH = Exercise(
    label="0.3",
    function="steps_to_vanish",
    outputs=("steps_to_vanish(factor, threshold)",),
    reference=steps_to_vanish_reference,
    cases=_vanish_cases,
    mistakes=VANISH_MISTAKES,
    hint="Take the logarithm of factor**k < threshold, solve for k and round to the smallest "
    "whole k that satisfies it.",
    success="steps_to_vanish gives the smallest k with factor**k below the threshold",
    kind="integer",
)


def check_vanishing_steps(steps_to_vanish, seed=None):
    """Exercise 0.3: ``steps_to_vanish(factor, threshold)``, the smallest whole k with
    factor**k < threshold."""
    run(STEPS_TO_VANISH, steps_to_vanish, seed)
