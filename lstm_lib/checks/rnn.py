r"""Checkers for the exercises of notebook 00 (from RNN to LSTM).

* :func:`check_rnn_step` (Exercise 0.1): one tanh RNN step
  :math:`h_t = \tanh(x_t W_x + h_{t-1} W_h + b)`.
* :func:`check_rnn_dh_prev` (Exercise 0.2): one step of the backward pass along time,
  :math:`dh_{t-1} = (dh_t \odot (1 - h_t^2))\, W_h^T`.
* :func:`check_vanishing_steps` (Exercise 0.3): how many steps make a gradient vanish.

Each checker tests one term at a time and, on a mistake, raises
:class:`~lstm_lib.checks.ExerciseError` with a message that names the likely cause.
"""

import math

import numpy as np

from ..functions import sigmoid
from ._core import ExerciseError, affine_example, as_number, call, diagnose, mistake, passed

# Sizes with N, D and H all different, so that a forgotten transpose or an elementwise
# product where a matrix product belongs fails on the shapes instead of passing by luck.
N, D, H = 2, 3, 4


def check_rnn_step(rnn_step):
    """Exercise 0.1: ``rnn_step(x, h_prev, Wx, Wh, b)`` -> tanh(x Wx + h_prev Wh + b)."""
    ex = "0.1"
    x, h_prev, Wx, Wh, b = affine_example(np.random.default_rng(1), N, D, H)
    zx, zh = np.zeros_like(x), np.zeros_like(h_prev)

    sigmoid_msg = (
        "its values all lie in (0, 1): did you use sigmoid where the RNN uses tanh? "
        "The hidden state is information in (-1, 1)."
    )
    no_act_msg = "it equals the affine part itself: apply tanh to x Wx + h_prev Wh + b."
    # 1. the bias alone
    expected = np.tanh(np.broadcast_to(b, (N, H)))
    diagnose(
        ex,
        "rnn_step(0, 0, Wx, Wh, b)",
        call(ex, rnn_step, zx, zh, Wx, Wh, b),
        expected,
        [
            (np.zeros((N, H)), "with x = 0 and h_prev = 0 it gives 0: did you forget the bias b?"),
            (sigmoid(np.broadcast_to(b, (N, H))), sigmoid_msg),
            (np.broadcast_to(b, (N, H)), no_act_msg),
        ],
        "With x = 0 and h_prev = 0 the step should give tanh(b).",
    )
    # 2. the input term alone
    a = x @ Wx
    diagnose(
        ex,
        "rnn_step(x, 0, Wx, Wh, 0)",
        call(ex, rnn_step, x, zh, Wx, Wh, np.zeros_like(b)),
        np.tanh(a),
        [(np.zeros((N, H)), "the input term is missing: add x @ Wx."), (sigmoid(a), sigmoid_msg)],
        "With h_prev = 0 and b = 0 the step should give tanh(x @ Wx).",
    )
    # 3. the recurrent term alone
    a = h_prev @ Wh
    diagnose(
        ex,
        "rnn_step(0, h_prev, Wx, Wh, 0)",
        call(ex, rnn_step, zx, h_prev, Wx, Wh, np.zeros_like(b)),
        np.tanh(a),
        [
            (np.zeros((N, H)), "the recurrent term is missing: add h_prev @ Wh."),
            (
                np.tanh(h_prev @ Wh.T),
                "it matches h_prev @ Wh.T: wrong transpose. In the row-vector convention "
                "the forward is h_prev (N, H) @ Wh (H, H), without a transpose.",
            ),
            (sigmoid(a), sigmoid_msg),
        ],
        "With x = 0 and b = 0 the step should give tanh(h_prev @ Wh).",
    )
    # 4. everything together
    a = x @ Wx + h_prev @ Wh + b
    diagnose(
        ex,
        "rnn_step(x, h_prev, Wx, Wh, b)",
        call(ex, rnn_step, x, h_prev, Wx, Wh, b),
        np.tanh(a),
        [(sigmoid(a), sigmoid_msg), (a, no_act_msg)],
        "Each term is right alone but not together: tanh must act on the whole sum.",
    )
    passed(ex, "rnn_step computes tanh(x Wx + h_prev Wh + b)")


def check_rnn_dh_prev(rnn_dh_prev):
    """Exercise 0.2: ``rnn_dh_prev(dh_next, h_next, Wh)`` -> (dh_next * (1 - h_next**2)) @ Wh.T."""
    ex = "0.2"
    rng = np.random.default_rng(2)
    dh_next = rng.standard_normal((N, H))
    h_next = rng.uniform(-0.95, 0.95, (N, H))
    Wh = rng.standard_normal((H, H))

    transpose_msg = (
        "it matches ... @ Wh: wrong transpose. Backward through h_prev @ Wh multiplies by "
        "Wh.T: dh_prev = da @ Wh.T."
    )
    # 1. where tanh' = 1 (h_next = 0): only the matrix product is tested
    zero = np.zeros_like(h_next)
    diagnose(
        ex,
        "rnn_dh_prev(dh_next, h_next=0, Wh)",
        call(ex, rnn_dh_prev, dh_next, zero, Wh),
        dh_next @ Wh.T,
        [
            (dh_next @ Wh, transpose_msg),
            (
                dh_next,
                "the product with Wh.T is missing: h_prev reached h_next through h_prev @ Wh, "
                "so its gradient is da @ Wh.T.",
            ),
            (
                np.zeros((N, H)),
                "it gives 0 where h_next = 0, but there tanh'(0) = 1 passes the gradient on: "
                "did you use the sigmoid's derivative h_next * (1 - h_next)? The derivative "
                "of tanh is 1 - h_next**2.",
            ),
        ],
        "Where h_next = 0 the tanh node passes the gradient unchanged (tanh'(0) = 1), so "
        "dh_prev should be dh_next @ Wh.T.",
    )
    # 2. the tanh node
    expected = (dh_next * (1 - h_next**2)) @ Wh.T
    th = np.tanh(h_next)
    diagnose(
        ex,
        "rnn_dh_prev(dh_next, h_next, Wh)",
        call(ex, rnn_dh_prev, dh_next, h_next, Wh),
        expected,
        [
            (
                dh_next @ Wh.T,
                "it ignores the tanh node: multiply dh_next by tanh' = 1 - h_next**2 first.",
            ),
            ((dh_next * (1 - h_next**2)) @ Wh, transpose_msg),
            (
                (dh_next * (1 - th**2)) @ Wh.T,
                "it applies tanh to h_next again: h_next already is the output of tanh, so "
                "the local derivative is 1 - h_next**2.",
            ),
            (
                (dh_next * (1 - h_next)) @ Wh.T,
                "it uses 1 - h_next: the derivative of tanh is 1 - h_next**2 (squared).",
            ),
            (
                (dh_next * (1 - h_next) ** 2) @ Wh.T,
                "it uses (1 - h_next)**2: the derivative of tanh is 1 - h_next**2.",
            ),
            (
                (dh_next * h_next * (1 - h_next)) @ Wh.T,
                "it uses h_next (1 - h_next), the sigmoid's derivative: the RNN step uses "
                "tanh, whose derivative is 1 - h_next**2.",
            ),
        ],
        "Backward through h_next = tanh(a): da = dh_next * (1 - h_next**2), then through "
        "a = ... + h_prev @ Wh: dh_prev = da @ Wh.T.",
    )
    passed(ex, "rnn_dh_prev multiplies by tanh' = 1 - h_next**2, then by Wh.T")


def check_vanishing_steps(answer):
    """Exercise 0.3: the smallest k with 0.5**k < 1e-6."""
    ex = "0.3"
    expected = math.ceil(math.log(1e-6) / math.log(0.5))  # 20
    value = as_number(ex, "answer (a number of steps)", answer)
    if not math.isfinite(value) or value != round(value):
        raise mistake(
            ex,
            f"answer = {value:.4g}",
            "it is not a whole number of steps: round up to the first integer k for which "
            "0.5**k < 1e-6.",
        )
    k = int(round(value))
    if k == expected:
        passed(ex, f"after {expected} steps 0.5**k is below 1e-6")
        return
    what = f"answer = {k}"
    if k == 6:
        raise mistake(
            ex,
            what,
            "6 is the exponent of 10 in 1e-6, but each step halves the gradient (factor 0.5), "
            "it does not divide it by 10.",
        )
    if 0 < k < expected:
        raise mistake(
            ex,
            what,
            f"after k = {k} steps the factor is 0.5**{k} = {0.5**k:.3g}, still not below "
            "1e-6: too few steps.",
        )
    if k > expected:
        raise mistake(
            ex,
            what,
            f"0.5**{k} = {0.5**k:.3g} is below 1e-6, but so is 0.5**{k - 1} = "
            f"{0.5 ** (k - 1):.3g}: we ask for the smallest such k.",
        )
    raise ExerciseError(f"Exercise {ex}: the number of steps must be positive, got {k}.")
