r"""Checkers for notebook 02, the output gate: :math:`o = \sigma(x W_x + h_{prev} W_h + b)`,
:math:`h = o \odot \tanh(c)` and the backward pass of that ⊙ node.

The gate is tested one term at a time, then h on a square example and a batch, by
:func:`lstm_lib.checks._core.check_unit_and_update` (notebooks 03 and 04 use it too).
"""

import numpy as np

from ._core import call, check_unit_and_update, diagnose, passed, unpack

__all__ = ["check_output_backward", "check_output_gate"]


def check_output_gate(output_step):
    r"""Exercise 2.1: ``output_step(x, h_prev, c, Wx, Wh, b)`` returns ``(o, h)`` with
    :math:`o = \sigma(x W_x + h_{prev} W_h + b)` and :math:`h = o \odot \tanh(c)`."""
    ex = "2.1"

    def mistakes(o, c):
        return [
            (lambda: o @ np.tanh(c), "a matrix product (@) where ⊙ is elementwise: use *."),
            (lambda: o * c, "the tanh of the memory is missing: h = o ⊙ tanh(c)."),
            (lambda: o, "the Hadamard product with tanh(c) is missing: h = o ⊙ tanh(c)."),
            (lambda: np.tanh(c), "the output gate is missing: h = o ⊙ tanh(c)."),
            (
                lambda: np.tanh(o * c),
                "squash c first, then multiply: o ⊙ tanh(c), not tanh(o ⊙ c).",
            ),
            (lambda: o + np.tanh(c), "a sum where the gate multiplies: h = o ⊙ tanh(c)."),
        ]

    check_unit_and_update(
        ex,
        output_step,
        ("o", "h"),
        "gate",
        ("memory",),
        lambda o, c: o * np.tanh(c),
        mistakes,
        "h should be o * np.tanh(c).",
        seed=21,
    )
    passed(ex, "o = sigmoid(x Wx + h_prev Wh + b) and h = o ⊙ tanh(c) are right")


def check_output_backward(output_backward):
    r"""Exercise 2.2: ``output_backward(dh, o, c)`` returns ``(do, dc)`` for
    :math:`h = o \odot \tanh(c)`: :math:`do = dh \odot \tanh(c)`,
    :math:`dc = dh \odot o \odot (1 - \tanh^2(c))`."""
    ex = "2.2"
    rng = np.random.default_rng(22)
    for N, H in ((3, 3), (2, 4)):  # square first, so that a stray @ gives numbers
        _output_backward_case(ex, output_backward, rng, N, H)
    passed(ex, "do = dh ⊙ tanh(c) and dc = dh ⊙ o ⊙ (1 - tanh²(c)) are right")


def _output_backward_case(ex, output_backward, rng, N, H):
    dh = rng.standard_normal((N, H))
    o = rng.uniform(0.05, 0.95, (N, H))
    c = rng.uniform(-2.0, 2.0, (N, H))
    t = np.tanh(c)
    do, dc = unpack(ex, call(ex, output_backward, dh, o, c), ("do", "dc"))
    diagnose(
        ex,
        f"do for N = {N}, H = {H}",
        do,
        dh * t,
        [
            (
                lambda: dh * o,
                "do got o: each branch of ⊙ gets dh times the OTHER input, tanh(c).",
            ),
            (lambda: dh * c, "scale dh by tanh(c), the other input of ⊙, not by c itself."),
            (lambda: dh, "dh must be scaled by the other input of ⊙: do = dh ⊙ tanh(c)."),
            (
                lambda: dh @ t.T,
                "a matrix product with a transpose; ⊙ is elementwise: dh * tanh(c).",
            ),
            (lambda: dh @ t, "a matrix product where ⊙ is elementwise: dh * tanh(c)."),
            (
                lambda: dh * t * o * (1 - o),
                "that went on through the sigmoid; do is the gradient at o itself.",
            ),
        ],
        "do should be dh * np.tanh(c).",
    )
    diagnose(
        ex,
        f"dc for N = {N}, H = {H}",
        dc,
        dh * o * (1 - t**2),
        [
            (lambda: dh * o, "the tanh node is missing: multiply by 1 - tanh(c)**2 as well."),
            (lambda: dh * t, "dc got tanh(c): its ⊙ branch is scaled by the OTHER input, o."),
            (lambda: dh * o * (1 - c**2), "tanh's derivative is 1 - tanh(c)**2, not 1 - c**2."),
            (
                lambda: dh * o * t * (1 - t),
                "y (1 - y) is the sigmoid's derivative; tanh's is 1 - y**2.",
            ),
            (lambda: dh * (1 - t**2), "the factor o from the ⊙ node is missing."),
            (lambda: (dh @ o.T) * (1 - t**2), "a matrix product where ⊙ is elementwise."),
        ],
        "dc should be dh * o * (1 - np.tanh(c)**2).",
    )
