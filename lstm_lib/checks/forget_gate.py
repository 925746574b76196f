r"""Checkers for notebook 03, the forget gate: :math:`f = \sigma(x W_x + h_{prev} W_h + b)`,
the kept memory :math:`f \odot c_{prev}`, its backward pass and the half-life of a memory.

The gate and the kept memory are tested like the output gate of notebook 02
(:func:`lstm_lib.checks._core.check_unit_and_update`).
"""

import numpy as np

from ._core import call, check_unit_and_update, diagnose, passed, unpack

__all__ = ["check_forget_backward", "check_forget_gate", "check_steps_to_keep"]


def check_forget_gate(forget_step):
    r"""Exercise 3.1: ``forget_step(x, h_prev, c_prev, Wx, Wh, b)`` returns ``(f, kept)`` with
    :math:`f = \sigma(x W_x + h_{prev} W_h + b)` and :math:`\text{kept} = f \odot c_{prev}`."""
    ex = "3.1"

    def mistakes(f, c_prev):
        return [
            (lambda: f @ c_prev, "a matrix product (@) where ⊙ is elementwise: use *."),
            (
                lambda: (1 - f) * c_prev,
                "f is the fraction KEPT, not the fraction erased: f ⊙ c_prev.",
            ),
            (lambda: f, "the Hadamard product with c_prev is missing: kept = f ⊙ c_prev."),
            (lambda: c_prev, "the forget gate is missing: kept = f ⊙ c_prev."),
            (lambda: f + c_prev, "a sum where the gate multiplies: kept = f ⊙ c_prev."),
            (lambda: f * np.tanh(c_prev), "the memory is not squashed here: kept = f ⊙ c_prev."),
        ]

    check_unit_and_update(
        ex,
        forget_step,
        ("f", "kept"),
        "gate",
        ("memory",),
        lambda f, c_prev: f * c_prev,
        mistakes,
        "kept should be f * c_prev.",
        seed=31,
    )
    passed(ex, "f = sigmoid(x Wx + h_prev Wh + b) and f ⊙ c_prev are right")


def check_forget_backward(forget_backward):
    r"""Exercise 3.2: ``forget_backward(dc, f, c_prev)`` returns ``(df, dc_prev)`` for
    :math:`c = f \odot c_{prev}`: :math:`df = dc \odot c_{prev}`,
    :math:`dc_{prev} = dc \odot f`."""
    ex = "3.2"
    rng = np.random.default_rng(32)
    for N, H in ((3, 3), (2, 4)):  # square first, so that a stray @ gives numbers
        _forget_backward_case(ex, forget_backward, rng, N, H)
    passed(ex, "df = dc ⊙ c_prev and dc_prev = dc ⊙ f are right")


def _forget_backward_case(ex, forget_backward, rng, N, H):
    dc = rng.standard_normal((N, H))
    f = rng.uniform(0.05, 0.95, (N, H))
    c_prev = rng.uniform(-2.0, 2.0, (N, H))
    df, dc_prev = unpack(ex, call(ex, forget_backward, dc, f, c_prev), ("df", "dc_prev"))
    diagnose(
        ex,
        f"df for N = {N}, H = {H}",
        df,
        dc * c_prev,
        [
            (
                lambda: dc * f,
                "df got f: each branch of ⊙ gets dc times the OTHER input, c_prev.",
            ),
            (lambda: dc, "dc must be scaled by the other input of ⊙: df = dc ⊙ c_prev."),
            (
                lambda: dc @ c_prev.T,
                "a matrix product with a transpose; ⊙ is elementwise: dc * c_prev.",
            ),
            (lambda: dc @ c_prev, "a matrix product where ⊙ is elementwise: dc * c_prev."),
            (
                lambda: dc * c_prev * f * (1 - f),
                "that went on through the sigmoid; df is the gradient at f itself.",
            ),
        ],
        "df should be dc * c_prev.",
    )
    diagnose(
        ex,
        f"dc_prev for N = {N}, H = {H}",
        dc_prev,
        dc * f,
        [
            (
                lambda: dc * c_prev,
                "dc_prev got c_prev: its branch is scaled by the OTHER input, f.",
            ),
            (lambda: dc, "the gradient passes the ⊙ node scaled by f: dc_prev = dc ⊙ f."),
            (
                lambda: dc * (1 - f),
                "the memory was kept with f, so its gradient is scaled by f.",
            ),
            (lambda: dc @ f.T, "a matrix product with a transpose; ⊙ is elementwise: dc * f."),
            (lambda: dc @ f, "a matrix product where ⊙ is elementwise: dc * f."),
        ],
        "dc_prev should be dc * f.",
    )


def check_steps_to_keep(steps_to_keep):
    r"""Exercise 3.3: ``steps_to_keep(f, fraction)`` returns the (real) number of steps k
    after which a constant forget gate f has kept ``fraction`` of the memory:
    :math:`f^k = \text{fraction}`, so :math:`k = \ln(\text{fraction}) / \ln f`."""
    ex = "3.3"
    for f, fraction in ((0.5, 0.5), (0.9, 0.5), (0.99, 0.5), (0.9, 0.1), (0.731, 0.01)):
        _steps_to_keep_case(ex, steps_to_keep, f, fraction)
    passed(ex, "steps_to_keep gives k with f**k = fraction (half-life for fraction = 0.5)")


def _steps_to_keep_case(ex, steps_to_keep, f, fraction):
    k = np.log(fraction) / np.log(f)
    got = call(ex, steps_to_keep, f, fraction)
    diagnose(
        ex,
        f"steps_to_keep({f}, {fraction})",
        got,
        k,
        [
            (
                lambda: np.log(f) / np.log(fraction),
                "the ratio is upside down: k = ln(fraction) / ln(f).",
            ),
            (
                lambda: np.log(fraction) / np.log(1 - f),
                "f is the fraction kept per step (1 - f is erased): k = ln(fraction) / ln(f).",
            ),
            (lambda: np.ceil(k), "return the exact real number of steps, not a rounded one."),
            (lambda: np.round(k), "return the exact real number of steps, not a rounded one."),
            (lambda: np.floor(k), "return the exact real number of steps, not a rounded one."),
            (lambda: f**fraction, "solve f**k = fraction for k: k = ln(fraction) / ln(f)."),
            (
                lambda: fraction / (1 - f),
                "f**k decays geometrically: k = ln(fraction) / ln(f).",
            ),
        ],
        "Solve f**k = fraction for k.",
    )
