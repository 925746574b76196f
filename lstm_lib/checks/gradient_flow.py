r"""Checkers for notebook 06 (gradient flow).

* Exercise 6.1, ``cell_path_backward(dc_local, fs)``: the backward pass along the memory
  cell over T steps, :math:`\partial L/\partial c_{t-1} = f_t \odot \partial L/\partial c_t`
  plus what reaches :math:`c_{t-1}` directly.
* Exercise 6.2, ``steps_to_halve(forget_bias)``: the smallest k with
  :math:`\sigma(b)^k \le 1/2`.
"""

import math

import numpy as np

from ..functions import sigmoid
from ._core import ExerciseError, as_number, call, diagnose, expect_array, mistake, passed


def _cell_path(dc_local, fs, carry=True, own=True, gate_shift=0):
    """dcs (N, T+1, H): dcs[:, t] = dc_local[:, t-1] + fs[:, t] * dcs[:, t+1], or a typical
    mistake: ``carry=False`` each step's own gradient replaces the one carried back;
    ``own=False`` only the last cell's own gradient is used (not accumulated over time);
    ``gate_shift=-1`` the step back from c_t multiplies by the gate of the earlier step."""
    N, T, H = dc_local.shape
    dcs = np.zeros((N, T + 1, H))
    dc = np.zeros((N, H))
    for t in reversed(range(T)):
        here = dc_local[:, t] if own or t == T - 1 else 0
        dc = here + dc if carry else here
        dcs[:, t + 1] = dc
        dc = fs[:, t + gate_shift] * dc
    dcs[:, 0] = dc
    return dcs


_ADD = (
    "dcs[:, t] = dc_local[:, t-1] + fs[:, t] * dcs[:, t+1] (the + node copies, so the two "
    "streams add)"
)
#: typical wrong answers of the backward along the cell path: (switches, message)
_CELL_PATH_MISTAKES = (
    (
        {"gate_shift": -1},
        "an off-by-one in the forget gates. c_t = f_t ⊙ c_(t-1) + ..., so the step from "
        "dcs[:, t] back to dcs[:, t-1] multiplies by fs[:, t-1] (the gate of step t, stored "
        "at index t-1)",
    ),
    (
        {"carry": False},
        "the gradient carried back from the later cells was replaced by each cell's own "
        "gradient dc_local; keep it and add: " + _ADD,
    ),
    (
        {"own": False},
        "the gradient is not accumulated over time: only the last cell's own gradient was "
        "carried back, the dc_local of the other cells is missing; " + _ADD,
    ),
)


def check_cell_path_backward(cell_path_backward):
    """Exercise 6.1: the gradient on c_0 .. c_T along the cell path only."""
    ex = "6.1"
    rng = np.random.default_rng(61)
    N, H = 3, 4

    def run(dc_local, fs):
        got = call(ex, cell_path_backward, dc_local, fs)
        shape = (N, dc_local.shape[1] + 1, H)
        if np.shape(got) == dc_local.shape:
            raise mistake(
                ex,
                f"dcs of shape {np.shape(got)}",
                f"it should have shape {shape} (N, T+1, H); include dcs[:, 0], the gradient on "
                "the initial cell c_0",
            )
        return expect_array(ex, "dcs", got, shape)

    def compare(name, got, dc_local, fs, hint, part=slice(None)):
        diagnose(
            ex,
            name,
            got[:, part],
            _cell_path(dc_local, fs)[:, part],
            [
                (lambda s=switches: _cell_path(dc_local, fs, **s)[:, part], message)
                for switches, message in _CELL_PATH_MISTAKES
            ],
            hint,
        )

    # One step: dc_1 = dc_local[:, 0] reaches the last cell directly, then dc_0 = f_1 * dc_1.
    fs = rng.uniform(0.2, 0.9, (N, 1, H))
    dc_local = rng.standard_normal((N, 1, H))
    got = run(dc_local, fs)
    f, dc = fs[:, 0], dc_local[:, 0]
    diagnose(
        ex,
        "dcs[:, T] (T = 1)",
        got[:, 1],
        dc,
        [
            (
                f * dc,
                "it was multiplied by f already: dcs[:, T] is dc_local[:, T-1], the gradient "
                "that reaches the last cell directly; the forget gate acts on the way back",
            ),
            (0 * dc, "it is zero: the last cell gets its own gradient dc_local[:, T-1]"),
        ],
        "dcs[:, T] should be dc_local[:, T-1], the gradient that reaches the last cell "
        "directly; nothing multiplies it yet.",
    )
    diagnose(
        ex,
        "dcs[:, 0] (T = 1)",
        got[:, 0],
        f * dc,
        [
            (
                f * (1 - f) * dc,
                "it was multiplied by f (1 - f), the sigmoid's derivative. On the cell path "
                "c_t = f ⊙ c_{t-1} + ..., so the ⊙ node multiplies the gradient by f itself; "
                "σ' belongs to the path into the gate's weights",
            ),
            (
                dc,
                "it equals dcs[:, 1]: the gradient passed the ⊙ f node unchanged. Multiply by "
                "the forget gate f_t on the way from c_t to c_{t-1}",
            ),
        ],
        "With T = 1, dcs[:, 0] should be fs[:, 0] * dcs[:, 1].",
    )

    # Several steps, a gradient only at the end: a product of f, each from the right step.
    T = 4
    fs = rng.uniform(0.2, 0.9, (N, T, H))
    dc_local = np.zeros((N, T, H))
    dc_local[:, -1] = rng.standard_normal((N, H))
    got = run(dc_local, fs)
    product = (
        "With a gradient only at the last step, dcs[:, t] should be dcs[:, T] times the "
        "product of the forget gates of steps t+1 .. T."
    )
    compare(
        "dcs[:, 1:] (gradient only at the last step)", got, dc_local, fs, product, slice(1, None)
    )
    compare("dcs (gradient only at the last step)", got, dc_local, fs, product)

    # Gradients at every step: they add up on the way back.
    dc_local = rng.standard_normal((N, T, H))
    got = run(dc_local, fs)
    compare(
        "dcs (a gradient at every step)",
        got,
        dc_local,
        fs,
        "When every c_t also receives its own gradient dc_local, " + _ADD + ".",
    )
    passed(ex, "cell_path_backward carries the gradient back with ⊙ f and adds each step's own")


def check_steps_to_halve(steps_to_halve):
    """Exercise 6.2: the smallest k with sigmoid(b)**k <= 1/2, for several biases b."""
    ex = "6.2"
    for b in (3.0, 1.0, 0.0, 5.0, 2.0):
        f = float(sigmoid(b))
        expected = math.ceil(math.log(0.5) / math.log(f) - 1e-9)
        got = as_number(ex, f"steps_to_halve({b:g})", call(ex, steps_to_halve, b), integer=True)
        if got == expected:
            continue
        what = f"steps_to_halve({b:g}) = {got}"
        if got < 1:
            raise mistake(
                ex,
                what,
                "at least one step is needed. Did you use the bias b itself where the gate "
                "value f = σ(b) belongs?",
            )
        if got == expected - 1:
            raise mistake(
                ex,
                what,
                f"σ(b)^{got} = {f**got:.4f} is still above 1/2: round the number of steps up, "
                "not down",
            )
        if got == math.ceil(0.5 / (1 - f) - 1e-9):
            raise mistake(
                ex,
                what,
                "that is a linear decay 1 - k (1 - f). The gradient is multiplied by f at "
                "every step, so after k steps it is f**k",
            )
        if got == math.ceil(math.log(0.5) / math.log(f * (1 - f)) - 1e-9):
            raise mistake(
                ex,
                what,
                "that uses σ'(b) = f (1 - f). The cell path multiplies by f = σ(b) itself",
            )
        raise ExerciseError(
            f"Exercise {ex}: for b = {b:g} expected {expected} steps (σ(b) = {f:.4f}), got {got}"
        )
    passed(ex, "steps_to_halve gives the number of steps at which σ(b)^k first reaches 1/2")
