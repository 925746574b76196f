r"""Checkers for the exercises of notebook 01 (gates).

* :func:`check_apply_gate` (Exercise 1.1): a gate applied to information,
  :math:`\sigma(x W_x + h_{prev} W_h + b) \odot v`.
* :func:`check_gate_backward` (Exercise 1.2): the backward pass of a gate,
  :math:`da = dy \odot y (1 - y)`, then the affine rule.
* :func:`check_sigmoid_chain` (Exercise 1.3): the best case of ten sigmoid nodes in a row.

Each checker tests one term at a time and, on a mistake, raises
:class:`~lstm_lib.checks.ExerciseError` with a message that names the likely cause.
"""

import numpy as np

from ..functions import sigmoid
from ._core import (
    affine_example,
    call,
    diagnose,
    expect_array,
    mistake,
    passed,
    unpack,
)

# Sizes with N, D and H all different, so that a forgotten transpose or an elementwise
# product where a matrix product belongs fails on the shapes instead of passing by luck.
N, D, H = 2, 3, 4

_TANH_MSG = "values outside [0, 1]: did you use tanh where a gate needs sigmoid?"


def _example(seed):
    rng = np.random.default_rng(seed)
    return *affine_example(rng, N, D, H), rng.uniform(-1, 1, (N, H))


def check_apply_gate(apply_gate):
    """Exercise 1.1: ``apply_gate(v, x, h_prev, Wx, Wh, b)`` -> sigmoid(x Wx + h_prev Wh + b) * v.

    The gate's openness multiplies the information v elementwise (the Hadamard product).
    """
    ex = "1.1"
    x, h_prev, Wx, Wh, b, v = _example(11)
    zx, zh, zb, ones = np.zeros_like(x), np.zeros_like(h_prev), np.zeros_like(b), np.ones_like(v)
    elementwise = (
        "A gate acts elementwise: openness * v (the Hadamard product, 아다마르 곱), not a "
        "matrix product @; the output has the shape (N, H) of v."
    )

    # 1. the openness alone (v = 1) from the bias alone: in [0, 1], equal to sigmoid(b)
    name = "apply_gate(1, 0, 0, Wx, Wh, b)"
    got = expect_array(ex, name, call(ex, apply_gate, ones, zx, zh, Wx, Wh, b), (N, H), elementwise)
    if np.any(got < 0) or np.any(got > 1):
        raise mistake(ex, name, f"with v = 1 the output is the openness, but it has {_TANH_MSG}")
    openness = sigmoid(np.broadcast_to(b, (N, H)))
    diagnose(
        ex,
        name,
        got,
        openness,
        [
            (
                np.full((N, H), 0.5),
                "with x = 0 and h_prev = 0 every openness is sigmoid(0) = 0.5: did you "
                "forget the bias b?",
            ),
        ],
        "With x = 0, h_prev = 0 and v = 1 the output should be the openness sigmoid(b).",
    )
    # 2. the input term and the recurrent term, each alone (v = 1)
    diagnose(
        ex,
        "apply_gate(1, x, 0, Wx, Wh, 0)",
        call(ex, apply_gate, ones, x, zh, Wx, Wh, zb),
        sigmoid(x @ Wx),
        [
            (np.full((N, H), 0.5), "the input term is missing: add x @ Wx."),
            (np.tanh(x @ Wx), f"it has {_TANH_MSG}"),
        ],
        "With h_prev = 0, b = 0 and v = 1 the output should be sigmoid(x @ Wx).",
    )
    diagnose(
        ex,
        "apply_gate(1, 0, h_prev, Wx, Wh, 0)",
        call(ex, apply_gate, ones, zx, h_prev, Wx, Wh, zb),
        sigmoid(h_prev @ Wh),
        [
            (np.full((N, H), 0.5), "the recurrent term is missing: add h_prev @ Wh."),
            (
                sigmoid(h_prev @ Wh.T),
                "it matches h_prev @ Wh.T: wrong transpose. In the row-vector convention "
                "the forward is h_prev (N, H) @ Wh (H, H), without a transpose.",
            ),
            (np.tanh(h_prev @ Wh), f"It has {_TANH_MSG}"),
        ],
        "With x = 0, b = 0 and v = 1 the output should be sigmoid(h_prev @ Wh).",
    )
    # 3. everything, with real information v
    a = x @ Wx + h_prev @ Wh + b
    diagnose(
        ex,
        "apply_gate(v, x, h_prev, Wx, Wh, b)",
        call(ex, apply_gate, v, x, h_prev, Wx, Wh, b),
        sigmoid(a) * v,
        [
            (
                sigmoid(a),
                "it ignores v: the gate multiplies the information, output = openness * v.",
            ),
            (sigmoid(a) + v, "it adds v: a gate multiplies, output = openness * v."),
            (np.tanh(a) * v, f"it has an openness with {_TANH_MSG}"),
            (
                sigmoid(a * v),
                "it multiplies before the sigmoid: apply sigmoid to the affine part, then * v.",
            ),
        ],
        "The output should be sigmoid(x @ Wx + h_prev @ Wh + b) * v.",
    )
    passed(ex, "apply_gate computes sigmoid(x Wx + h_prev Wh + b) * v")


def check_gate_backward(gate_backward):
    """Exercise 1.2: ``gate_backward(dy, y, x, h_prev, Wx, Wh)`` -> (dx, dh_prev, dWx, dWh, db).

    With the gate's output ``y = sigmoid(x Wx + h_prev Wh + b)``:
    ``da = dy * y * (1 - y)``, ``dWx = x.T @ da``, ``dWh = h_prev.T @ da``,
    ``db = da.sum(axis=0)``, ``dx = da @ Wx.T``, ``dh_prev = da @ Wh.T``.
    """
    ex = "1.2"
    x, h_prev, Wx, Wh, b, _ = _example(12)
    dy = np.random.default_rng(13).standard_normal((N, H))
    y = sigmoid(x @ Wx + h_prev @ Wh + b)
    result = call(ex, gate_backward, dy, y, x, h_prev, Wx, Wh)
    dx, dh_prev, dWx, dWh, db = unpack(ex, result, ("dx", "dh_prev", "dWx", "dWh", "db"))
    da = dy * y * (1 - y)
    transpose = "wrong transpose: with row vectors, {}."
    # 1. the sigmoid node, seen through db (the bias gradient is da summed over the batch)
    if np.shape(db) == (N, H):
        raise mistake(
            ex,
            "db",
            f"it has shape (N, H) = {(N, H)}: the bias was broadcast over the batch, so its "
            "gradient is da summed over the batch, da.sum(axis=0), shape (H,).",
        )
    sy = sigmoid(y)
    diagnose(
        ex,
        "db",
        db,
        da.sum(axis=0),
        [
            (dy.sum(axis=0), "it skips the sigmoid node: first da = dy * y * (1 - y)."),
            (
                (dy * (1 - y**2)).sum(axis=0),
                "it uses tanh' = 1 - y**2: the gate's activation is the sigmoid, whose "
                "derivative is y * (1 - y).",
            ),
            (
                (dy * sy * (1 - sy)).sum(axis=0),
                "it applies sigmoid to y again: y already is the gate's output, so the local "
                "derivative is y * (1 - y).",
            ),
        ],
        "Through the sigmoid node da = dy * y * (1 - y), and db = da.sum(axis=0).",
    )
    # 2. the weight gradients
    diagnose(
        ex,
        "dWx",
        dWx,
        x.T @ da,
        [],
        f"Expected dWx = x.T @ da, shape (D, H) = {(D, H)}: a shape (H, D) means a "
        + transpose.format("dWx = x.T @ da"),
    )
    diagnose(
        ex,
        "dWh",
        dWh,
        h_prev.T @ da,
        [
            (da.T @ h_prev, "it is da.T @ h_prev: " + transpose.format("dWh = h_prev.T @ da")),
            (
                h_prev.T @ dy,
                "it skips the sigmoid node: dWh = h_prev.T @ da with da = dy * y * (1 - y).",
            ),
        ],
        "Expected dWh = h_prev.T @ da.",
    )
    # 3. the input gradients
    diagnose(
        ex,
        "dx",
        dx,
        da @ Wx.T,
        [],
        f"Expected dx = da @ Wx.T, shape (N, D) = {(N, D)}; check the transpose.",
    )
    diagnose(
        ex,
        "dh_prev",
        dh_prev,
        da @ Wh.T,
        [(da @ Wh, "it is da @ Wh: " + transpose.format("dh_prev = da @ Wh.T"))],
        "Expected dh_prev = da @ Wh.T.",
    )
    passed(ex, "gate_backward: da = dy * y * (1 - y), then the affine rule")


def check_sigmoid_chain(answer):
    """Exercise 1.3: the largest product of ten sigmoid derivatives (a number)."""
    ex = "1.3"
    diagnose(
        ex,
        "answer",
        answer,
        0.25**10,
        [
            (1.0, "1 is the largest slope of tanh; the sigmoid's slope is at most 1/4, at x = 0."),
            (
                0.25,
                "0.25 is the best case for one sigmoid node; ten nodes in a row multiply ten "
                "slopes.",
            ),
            (2.5, "ten slopes of 0.25 multiply (chain rule), they do not add."),
            (
                0.5**10,
                "0.5 is the value sigmoid(0); the slope there is sigmoid(0) * (1 - sigmoid(0)) "
                "= 0.25.",
            ),
        ],
        "Each sigmoid node multiplies the gradient by sigmoid'(x) <= 1/4 (the chain rule); ten "
        "of them multiply ten factors.",
        rtol=1e-3,
        atol=0,
    )
    passed(ex, "through ten sigmoid nodes a gradient keeps at most 0.25**10 ≈ 9.5e-07")
