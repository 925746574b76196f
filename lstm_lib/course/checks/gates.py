"""Checkers for the exercises of notebook 01 (gates).

* ``check_apply_gate`` (Exercise 1.1): a gate applied to information,
  sigmoid(x Wx + h_prev Wh + b) ⊙ v.
* ``check_gate_backward`` (Exercise 1.2): the backward pass of a gate,
  da = dy ⊙ y (1 - y), then the affine rule.
* ``check_sigmoid_chain`` (Exercise 1.3): the upper bound 0.25**n on the factor
  through n sigmoid nodes in a row.

Each exercise is data (the reference, the cases, the table of typical mistakes) walked by
``lstm_lib.course.checks._core.run``.
"""

import numpy as np

from ...functions import sigmoid
from ._core import Case, Exercise, Mistake, run
from ._units import UnitLayout, unit_exercise

__all__ = ["check_apply_gate", "check_gate_backward", "check_sigmoid_chain"]


def _pre(x, h_prev, Wx, Wh, b):
    return x @ Wx + h_prev @ Wh + b


APPLY_GATE = unit_exercise(
    {
        "label": "1.1",
        "function": "apply_gate",
        "outputs": ("the gated information",),
        "kind": "gate",
        "hint": "First the openness, the sigmoid of the gate's affine sum of x and h_prev; then "
        "apply it to v, entry by entry.",
        "success": "apply_gate computes sigmoid(x Wx + h_prev Wh + b) * v",
    },
    UnitLayout(("information",), first=True),
    update=lambda openness, v: openness * v,
    update_mistakes=(
        ("v is ignored: the gate multiplies the information, openness * v.", lambda u, v: u),
        ("v is added; a gate multiplies: openness * v.", lambda u, v: u + v),
        ("a matrix product @ where the gate acts elementwise: openness * v.", lambda u, v: u @ v),
        (
            "it multiplies by 1 - openness: the openness sigmoid(...) is the fraction let "
            "through, openness * v.",
            lambda u, v: (1 - u) * v,
        ),
    ),
    more_mistakes=(
        Mistake(
            "v is multiplied before the sigmoid: apply sigmoid to the affine part, then * v.",
            lambda v, x, h, Wx, Wh, b: sigmoid(_pre(x, h, Wx, Wh, b) * v),
        ),
    ),
)


def check_apply_gate(apply_gate, seed=None):
    """Exercise 1.1: ``apply_gate(v, x, h_prev, Wx, Wh, b)`` -> sigmoid(x Wx + h_prev Wh + b) v."""
    run(APPLY_GATE, apply_gate, seed)


# --------------------------------------------------------------------------- Exercise 1.2


def _gate_backward(local=lambda dy, y: dy * y * (1 - y), db_sum=lambda da: da.sum(axis=0), **rules):
    """The gradients of a gate, with one rule replaced for a typical mistake."""
    rule = {
        "dx": lambda da, x, h, Wx, Wh: da @ Wx.T,
        "dh_prev": lambda da, x, h, Wx, Wh: da @ Wh.T,
        "dWx": lambda da, x, h, Wx, Wh: x.T @ da,
        "dWh": lambda da, x, h, Wx, Wh: h.T @ da,
        **rules,
    }

    def gradients(dy, y, x, h_prev, Wx, Wh):
        da = local(dy, y)
        out = [rule[k](da, x, h_prev, Wx, Wh) for k in ("dx", "dh_prev", "dWx", "dWh")]
        return (*out, db_sum(da))

    return gradients


GATE_BACKWARD_MISTAKES = (
    Mistake(
        "the sigmoid node is skipped: first da = dy * y * (1 - y).",
        _gate_backward(lambda dy, y: dy),
    ),
    Mistake(
        "it uses tanh's derivative 1 - y**2; the gate's activation is the sigmoid, whose "
        "derivative is y * (1 - y).",
        _gate_backward(lambda dy, y: dy * (1 - y**2)),
    ),
    Mistake(
        "it applies sigmoid to y again: y already is the gate's output, so the local "
        "derivative is y * (1 - y).",
        _gate_backward(lambda dy, y: dy * sigmoid(y) * (1 - sigmoid(y))),
    ),
    Mistake(
        "db is not summed over the batch: the bias was broadcast over the N rows, so "
        "db = da.sum(axis=0), shape (H,).",
        _gate_backward(db_sum=lambda da: da),
    ),
    Mistake(
        "db is summed over the wrong axis: da.sum(axis=0) sums over the batch.",
        _gate_backward(db_sum=lambda da: da.sum(axis=1)),
    ),
    Mistake(
        "db is a mean over the batch; the gradient of a broadcast bias is the sum.",
        _gate_backward(db_sum=lambda da: da.mean(axis=0)),
    ),
    Mistake(
        "dWx is transposed: with row vectors dWx = x.T @ da, shape (D, H).",
        _gate_backward(dWx=lambda da, x, h, Wx, Wh: da.T @ x),
    ),
    Mistake(
        "dWh is transposed: with row vectors dWh = h_prev.T @ da, shape (H, H).",
        _gate_backward(dWh=lambda da, x, h, Wx, Wh: da.T @ h),
    ),
    Mistake(
        "dx multiplies by Wx, not Wx.T: dx = da @ Wx.T.",
        _gate_backward(dx=lambda da, x, h, Wx, Wh: da @ Wx),
    ),
    Mistake(
        "dh_prev multiplies by Wh, not Wh.T: dh_prev = da @ Wh.T.",
        _gate_backward(dh_prev=lambda da, x, h, Wx, Wh: da @ Wh),
    ),
)


def _gate_cases(rng):
    cases = []
    for N, D, H in ((3, 3, 3), (2, 3, 4), (5, 2, 3)):
        x, h_prev = rng.standard_normal((N, D)), rng.standard_normal((N, H))
        Wx, Wh, b = rng.standard_normal((D, H)), rng.standard_normal((H, H)), rng.standard_normal(H)
        y = sigmoid(x @ Wx + h_prev @ Wh + b)
        cases.append(
            Case(
                f"for N = {N}, D = {D}, H = {H}",
                (rng.standard_normal((N, H)), y, x, h_prev, Wx, Wh),
            )
        )
    return cases


GATE_BACKWARD = Exercise(
    label="1.2",
    function="gate_backward",
    outputs=("dx", "dh_prev", "dWx", "dWh", "db"),
    reference=_gate_backward(),
    cases=_gate_cases,
    mistakes=GATE_BACKWARD_MISTAKES,
    hint="First back through the sigmoid node (its derivative written with its output y), "
    "then the rule of the affine transform for each input and each weight; the bias is "
    "shared by the whole batch.",
    success="gate_backward: da = dy * y * (1 - y), then the affine rule",
    compare=(4, 2, 3, 0, 1),
)


def check_gate_backward(gate_backward, seed=None):
    """Exercise 1.2: ``gate_backward(dy, y, x, h_prev, Wx, Wh)`` -> (dx, dh_prev, dWx, dWh, db)."""
    run(GATE_BACKWARD, gate_backward, seed)


# --------------------------------------------------------------------------- Exercise 1.3

CHAIN_MISTAKES = (
    Mistake(
        "1 is the largest slope of tanh; the sigmoid's slope is at most 1/4, at x = 0.",
        lambda n: 1.0,
    ),
    Mistake("0.25 bounds one sigmoid node; n nodes in a row multiply n slopes.", lambda n: 0.25),
    Mistake("the n slopes are added; the chain rule multiplies them.", lambda n: 0.25 * n),
    Mistake(
        "0.5 is sigmoid(0), the value; the slope there is sigmoid(0) (1 - sigmoid(0)) = 0.25.",
        lambda n: 0.5**n,
    ),
    Mistake(
        "one factor too few: n nodes give n factors of at most 1/4.", lambda n: 0.25 ** (n - 1)
    ),
    Mistake(
        "one factor too many: n nodes give n factors of at most 1/4.", lambda n: 0.25 ** (n + 1)
    ),
    Mistake(
        "4**n is the reciprocal: each slope is at most 1/4, so the gradient shrinks.",
        lambda n: 4.0**n,
    ),
    Mistake(
        "0.75 = 1 - 1/4 is not a slope; each node multiplies by its slope, at most 1/4.",
        lambda n: 0.75**n,
    ),
)


def _chain_cases(rng):
    ns = [10, *rng.choice(np.arange(2, 31), size=3, replace=False).tolist()]
    return [Case(f"for n = {n}", (n,)) for n in ns]


SIGMOID_CHAIN_BOUND = Exercise(
    label="1.3",
    function="sigmoid_chain_bound",
    outputs=("sigmoid_chain_bound(n)",),
    reference=lambda n: 0.25**n,
    cases=_chain_cases,
    mistakes=CHAIN_MISTAKES,
    hint="Each sigmoid node multiplies the gradient by its slope, at most 1/4 (chain rule).",
    success="through n sigmoid nodes a gradient is multiplied by at most 0.25**n",
    kind="number",
)


def check_sigmoid_chain(sigmoid_chain_bound, seed=None):
    """Exercise 1.3: ``sigmoid_chain_bound(n)``, the bound 0.25**n on the product of n
    sigmoid slopes."""
    run(SIGMOID_CHAIN_BOUND, sigmoid_chain_bound, seed)
