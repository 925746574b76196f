"""Checkers for notebook 02, the output gate o = sigmoid(x Wx + h_prev Wh + b), the hidden
state h = o ⊙ tanh(c) and the backward pass of that ⊙ node.

Each exercise is data (the reference, the cases, the table of typical mistakes) walked by
``lstm_lib.course.checks._core.run``.
"""

import numpy as np

from ...functions import sigmoid
from ._core import run
from ._elementwise import elementwise_exercise, matmul
from ._units import UnitLayout, unit_exercise

__all__ = ["check_output_backward", "check_output_gate"]

OUTPUT_GATE = unit_exercise(
    {
        "label": "2.1",
        "function": "output_step",
        "outputs": ("o", "h"),
        "kind": "gate",
        "hint": "o is a gate of x and h_prev; h is o applied entry by entry to the squashed cell.",
        "success": "o = sigmoid(x Wx + h_prev Wh + b) and h = o ⊙ tanh(c) are right",
    },
    UnitLayout(("memory",)),
    update=lambda o, c: o * np.tanh(c),
    update_mistakes=(
        (
            "a matrix product (@) where ⊙ is elementwise: h = o * np.tanh(c).",
            lambda o, c: matmul(o, np.tanh(c)),
        ),
        ("the tanh of the memory is missing: h = o ⊙ tanh(c).", lambda o, c: o * c),
        ("the product with tanh(c) is missing: h = o ⊙ tanh(c).", lambda o, c: o),
        ("the output gate is missing: h = o ⊙ tanh(c).", lambda o, c: np.tanh(c)),
        (
            "squash c first, then multiply: o ⊙ tanh(c), not tanh(o ⊙ c).",
            lambda o, c: np.tanh(o * c),
        ),
        ("a sum where the gate multiplies: h = o ⊙ tanh(c).", lambda o, c: o + np.tanh(c)),
        ("the memory is squashed with sigmoid; h = o ⊙ tanh(c).", lambda o, c: o * sigmoid(c)),
        (
            "it multiplies by 1 - o; the gate lets through the fraction o: h = o ⊙ tanh(c).",
            lambda o, c: (1 - o) * np.tanh(c),
        ),
    ),
)


def check_output_gate(output_step, seed=None):
    """Exercise 2.1: ``output_step(x, h_prev, c, Wx, Wh, b)`` returns ``(o, h)`` with
    o = sigmoid(x Wx + h_prev Wh + b) and h = o ⊙ tanh(c)."""
    run(OUTPUT_GATE, output_step, seed)


def _t(c):
    return np.tanh(c)


OUTPUT_BACKWARD = elementwise_exercise(
    {
        "label": "2.2",
        "function": "output_backward",
        "hint": "The ⊙ node gives each input the gradient times the other input; c's branch "
        "then goes back through the tanh node.",
        "success": "do = dh ⊙ tanh(c) and dc = dh ⊙ o ⊙ (1 - tanh²(c)) are right",
    },
    {"dh": "grad", "o": "gate", "c": "memory"},
    {"do": lambda dh, o, c: dh * _t(c), "dc": lambda dh, o, c: dh * o * (1 - _t(c) ** 2)},
    (
        (
            "do",
            "do got o: each branch of ⊙ gets dh times the OTHER input, tanh(c).",
            lambda dh, o, c: dh * o,
        ),
        (
            "do",
            "scale dh by tanh(c), the other input of ⊙, not by c itself.",
            lambda dh, o, c: dh * c,
        ),
        (
            "do",
            "dh must be scaled by the other input of ⊙: do = dh ⊙ tanh(c).",
            lambda dh, o, c: dh,
        ),
        (
            "do",
            "a matrix product where ⊙ is elementwise: do = dh * tanh(c).",
            lambda dh, o, c: matmul(dh, _t(c)),
        ),
        (
            "do",
            "a matrix product with a transpose; ⊙ is elementwise: do = dh * tanh(c).",
            lambda dh, o, c: matmul(dh, _t(c).T),
        ),
        (
            "do",
            "that went on through the sigmoid; do is the gradient at o itself.",
            lambda dh, o, c: dh * _t(c) * o * (1 - o),
        ),
        (
            "dc",
            "the tanh node is missing: multiply by 1 - tanh(c)**2 as well.",
            lambda dh, o, c: dh * o,
        ),
        (
            "dc",
            "dc got tanh(c): its ⊙ branch is scaled by the OTHER input, o.",
            lambda dh, o, c: dh * _t(c),
        ),
        (
            "dc",
            "tanh's derivative is 1 - tanh(c)**2, not 1 - c**2.",
            lambda dh, o, c: dh * o * (1 - c**2),
        ),
        (
            "dc",
            "y (1 - y) is the sigmoid's derivative; tanh's is 1 - y**2.",
            lambda dh, o, c: dh * o * _t(c) * (1 - _t(c)),
        ),
        ("dc", "the factor o from the ⊙ node is missing.", lambda dh, o, c: dh * (1 - _t(c) ** 2)),
        (
            "dc",
            "tanh's derivative is 1 - tanh(c)**2, not (1 - tanh(c))**2.",
            lambda dh, o, c: dh * o * (1 - _t(c)) ** 2,
        ),
        (
            "dc",
            "a matrix product where ⊙ is elementwise: dc = dh * o * (...).",
            lambda dh, o, c: matmul(dh, o) * (1 - _t(c) ** 2),
        ),
    ),
)


def check_output_backward(output_backward, seed=None):
    """Exercise 2.2: ``output_backward(dh, o, c)`` returns ``(do, dc)`` for h = o ⊙ tanh(c):
    do = dh ⊙ tanh(c), dc = dh ⊙ o ⊙ (1 - tanh²(c))."""
    run(OUTPUT_BACKWARD, output_backward, seed)
