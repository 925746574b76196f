r"""Checkers for notebook 04, the new information
:math:`g = \tanh(x W_x + h_{prev} W_h + b)`, the cell update :math:`c = f \odot c_{prev} + g`
(no input gate yet), its backward pass, and the spread of a memory that sums noise.

g and c are tested like the output gate of notebook 02
(:func:`lstm_lib.checks._core.check_unit_and_update`), with tanh in place of sigmoid.
"""

import numpy as np

from ._core import call, check_unit_and_update, diagnose, passed, unpack

__all__ = ["check_cell_backward", "check_new_information", "check_random_walk_spread"]


def check_new_information(write_step):
    r"""Exercise 4.1: ``write_step(x, h_prev, c_prev, f, Wx, Wh, b)`` returns ``(g, c)`` with
    :math:`g = \tanh(x W_x + h_{prev} W_h + b)` and :math:`c = f \odot c_{prev} + g`."""
    ex = "4.1"

    def mistakes(g, c_prev, f):
        return [
            (lambda: f @ c_prev + g, "a matrix product (@) where ⊙ is elementwise: f * c_prev."),
            (lambda: f * c_prev, "the new information g is not added: c = f ⊙ c_prev + g."),
            (lambda: c_prev + g, "the forget gate is missing: c = f ⊙ c_prev + g."),
            (lambda: f * (c_prev + g), "f scales only the old memory: c = f ⊙ c_prev + g."),
            (lambda: f * c_prev * g, "g is added to the memory, not multiplied: f ⊙ c_prev + g."),
            (lambda: np.tanh(f * c_prev + g), "the memory is not squashed: c = f ⊙ c_prev + g."),
            (lambda: (1 - f) * c_prev + g, "f is the fraction KEPT: c = f ⊙ c_prev + g."),
        ]

    check_unit_and_update(
        ex,
        write_step,
        ("g", "c"),
        "information",
        ("memory", "gate"),
        lambda g, c_prev, f: f * c_prev + g,
        mistakes,
        "c should be f * c_prev + g.",
        seed=41,
    )
    passed(ex, "g = tanh(x Wx + h_prev Wh + b) and c = f ⊙ c_prev + g are right")


def check_cell_backward(cell_backward):
    r"""Exercise 4.2: ``cell_backward(dc, f, g)`` returns ``(dc_prev, da)`` for
    :math:`c = f \odot c_{prev} + g`, :math:`g = \tanh(a)`: the + node copies dc to both
    branches, so :math:`dc_{prev} = dc \odot f` and :math:`da = dc \odot (1 - g^2)`."""
    ex = "4.2"
    rng = np.random.default_rng(42)
    for N, H in ((3, 3), (2, 4)):  # square first, so that a stray @ gives numbers
        _cell_backward_case(ex, cell_backward, rng, N, H)
    passed(ex, "dc_prev = dc ⊙ f and da = dc ⊙ (1 - g²) are right")


def _cell_backward_case(ex, cell_backward, rng, N, H):
    dc = rng.standard_normal((N, H))
    f = rng.uniform(0.05, 0.95, (N, H))
    g = rng.uniform(-0.95, 0.95, (N, H))
    dc_prev, da = unpack(ex, call(ex, cell_backward, dc, f, g), ("dc_prev", "da"))
    split = (
        "the + node COPIES the upstream gradient to both branches; it does not split it in halves."
    )
    diagnose(
        ex,
        f"dc_prev for N = {N}, H = {H}",
        dc_prev,
        dc * f,
        [
            (lambda: dc / 2 * f, split),
            (lambda: dc / 2, split + " Then the ⊙ node scales it by f."),
            (lambda: dc, "after the + node comes the ⊙ node: dc_prev = dc ⊙ f."),
            (lambda: dc * g, "the old memory's branch is scaled by f, not by g."),
            (lambda: dc @ f.T, "a matrix product with a transpose; ⊙ is elementwise: dc * f."),
            (lambda: dc @ f, "a matrix product where ⊙ is elementwise: dc * f."),
        ],
        "dc_prev should be dc * f.",
    )
    diagnose(
        ex,
        f"da for N = {N}, H = {H}",
        da,
        dc * (1 - g**2),
        [
            (lambda: dc / 2 * (1 - g**2), split),
            (lambda: dc, "the tanh node is missing: da = dc ⊙ (1 - g**2)."),
            (
                lambda: dc * g * (1 - g),
                "g (1 - g) is the sigmoid's derivative; tanh's is 1 - g**2.",
            ),
            (
                lambda: dc * (1 - np.tanh(g) ** 2),
                "g is already tanh's output: the derivative is 1 - g**2, not 1 - tanh(g)**2.",
            ),
            (
                lambda: dc * f * (1 - g**2),
                "g is added after the ⊙ f node: its branch has no f.",
            ),
            (lambda: dc * (1 - g) ** 2, "tanh's derivative is 1 - g**2, not (1 - g)**2."),
        ],
        "da should be dc * (1 - g**2).",
    )


def check_random_walk_spread(answer):
    r"""Exercise 4.3: the standard deviation of :math:`c_{400}` when
    :math:`c_t = c_{t-1} + g_t` (f = 1, :math:`c_0 = 0`) and the g_t are independent with
    mean 0 and standard deviation 0.2 (a number)."""
    ex = "4.3"
    diagnose(
        ex,
        "answer",
        answer,
        0.2 * np.sqrt(400),
        [
            (
                lambda: 0.2 * 400,
                "standard deviations do not add; variances do. Take a square root.",
            ),
            (
                lambda: 0.2**2 * 400,
                "that is the variance of c_400; the question asks for its spread.",
            ),
            (lambda: 0.2, "the spread grows with the number of steps: variances add."),
            (lambda: 0.2 / np.sqrt(400), "that is the spread of a MEAN; c sums the steps."),
            (lambda: 0.0, "the mean of c_400 is 0, but its spread is not."),
        ],
        "Var(c_400) = 400 Var(g); the standard deviation is its square root.",
        rtol=1e-3,
    )
    passed(ex, "the spread of c grows like the square root of the number of steps")
