"""Checkers of notebook 09 (the GRU and the LSTM's variants).

* Exercise 9.1, ``gru_step(x, h_prev, Wx, Wh, b)``: the GRU step with fused weights in the
  blocks z, r, g and the reset before the product, h = z ⊙ h_prev + (1 - z) ⊙ g.
* Exercise 9.2, ``mix_backward(dh, z, h_prev, g)``: the gradients (dz, dh_prev, dg) of the
  mixing node h = z ⊙ h_prev + (1 - z) ⊙ g: dh ⊙ (h_prev - g), dh ⊙ z and dh ⊙ (1 - z).

Each exercise is data for the engine of _core.py: a reference, cases (some drawn afresh
at each call) and a table of typical mistakes, each written as a wrong answer.
"""

import numpy as np

from ...functions import sigmoid
from ._core import Case, Exercise, Mistake, run

__all__ = ["check_gru_mix_backward", "check_gru_step"]


def _gru(order=(0, 1, 2), act_gate=sigmoid, act_info=np.tanh, reset="before", mix="zh"):
    """gru_step, right or with one typical mistake."""

    def gru_step(x, h_prev, Wx, Wh, b):
        H = h_prev.shape[1]
        zs, rs, gs = (slice(k * H, (k + 1) * H) for k in order)
        a = x @ Wx + b
        z = act_gate(a[:, zs] + h_prev @ Wh[:, zs])
        r = act_gate(a[:, rs] + h_prev @ Wh[:, rs])
        memory = {
            "before": (r * h_prev) @ Wh[:, gs],
            "after": r * (h_prev @ Wh[:, gs]),
            "none": h_prev @ Wh[:, gs],
            "transposed": (r * h_prev) @ Wh[:, gs].T,
        }
        if reset == "outside":
            g = act_info(r * (a[:, gs] + h_prev @ Wh[:, gs]))
        else:
            g = act_info(a[:, gs] + memory[reset])
        return {
            "zh": z * h_prev + (1 - z) * g,
            "swapped": (1 - z) * h_prev + z * g,
            "no 1-z": z * h_prev + g,
            "no h_prev": (1 - z) * g,
            "sum": h_prev + g,
        }[mix]

    return gru_step


GRU_STEP_MISTAKES = (
    Mistake(
        "z and 1 - z are swapped: in this book z keeps the old state, "
        "h = z ⊙ h_prev + (1 - z) ⊙ g (DLFS2 writes it the other way round).",
        _gru(mix="swapped"),
    ),
    Mistake(
        "the reset is applied after the product, r ⊙ (h_prev @ Wh_g) (PyTorch's form); "
        "here it comes first: (r ⊙ h_prev) @ Wh_g.",
        _gru(reset="after"),
    ),
    Mistake("the reset gate is missing: g reads (r ⊙ h_prev) @ Wh_g.", _gru(reset="none")),
    Mistake(
        "r multiplies the whole sum; it resets only the memory: "
        "tanh(x Wx_g + b_g + (r ⊙ h_prev) Wh_g).",
        _gru(reset="outside"),
    ),
    Mistake(
        "a wrong transpose of Wh_g: (r ⊙ h_prev) (N, H) @ Wh_g (H, H).", _gru(reset="transposed")
    ),
    Mistake("g uses sigmoid: the new information is tanh, in (-1, 1).", _gru(act_info=sigmoid)),
    Mistake(
        "the gates use tanh: z and r are sigmoid, an openness in (0, 1).", _gru(act_gate=np.tanh)
    ),
    Mistake(
        "the blocks z and r are swapped: the columns of Wx, Wh and b are z, r, g in that order.",
        _gru(order=(1, 0, 2)),
    ),
    Mistake(
        "the blocks z and g are swapped: the columns are z (first H), r, then g (last H).",
        _gru(order=(2, 1, 0)),
    ),
    Mistake("the new information is not scaled: (1 - z) ⊙ g.", _gru(mix="no 1-z")),
    Mistake("the old state is missing: h = z ⊙ h_prev + (1 - z) ⊙ g.", _gru(mix="no h_prev")),
    Mistake("the update gate is missing: h = z ⊙ h_prev + (1 - z) ⊙ g.", _gru(mix="sum")),
)


def _gru_example(rng, N, D, H):
    Wx, Wh = rng.standard_normal((D, 3 * H)), rng.standard_normal((H, 3 * H))
    b = rng.standard_normal(3 * H)
    return rng.standard_normal((N, D)), rng.standard_normal((N, H)), Wx, Wh, b


def _gru_cases(rng):
    N, D, H = int(rng.integers(2, 5)), int(rng.integers(4, 7)), int(rng.integers(2, 4))
    return [
        Case("for the example N = D = H = 3", _gru_example(np.random.default_rng(91), 3, 3, 3)),
        Case("for random inputs (N = D = H = 3)", _gru_example(rng, 3, 3, 3)),
        Case(f"for a batch with D != H (N = {N}, D = {D}, H = {H})", _gru_example(rng, N, D, H)),
    ]


GRU_STEP = Exercise(
    label="9.1",
    function="gru_step",
    outputs=("h_next",),
    reference=_gru(),
    cases=_gru_cases,
    mistakes=GRU_STEP_MISTAKES,
    hint="z = σ(x Wx_z + h_prev Wh_z + b_z), r likewise, g = tanh(x Wx_g + b_g + "
    "(r ⊙ h_prev) Wh_g), h_next = z ⊙ h_prev + (1 - z) ⊙ g.",
    success="the GRU step (reset before the product) is right",
)


def check_gru_step(gru_step, seed=None):
    """Exercise 9.1: ``gru_step(x, h_prev, Wx, Wh, b)`` -> h_next (N, H), blocks z, r, g."""
    run(GRU_STEP, gru_step, seed)


# --------------------------------------------------------------------------- Exercise 9.2


def _mix(dz=None, dh_prev=None, dg=None):
    """mix_backward with the given outputs replaced (functions of dh, z, h_prev, g)."""

    def mix_backward(dh, z, h, g):
        right = {"dz": dh * (h - g), "dh_prev": dh * z, "dg": dh * (1 - z)}
        for name, wrong in (("dz", dz), ("dh_prev", dh_prev), ("dg", dg)):
            if wrong is not None:
                right[name] = wrong(dh, z, h, g)
        return right["dz"], right["dh_prev"], right["dg"]

    return mix_backward


MIX_MISTAKES = (
    Mistake(
        "the sign of dz is flipped: dh/dz = h_prev - g.", _mix(dz=lambda dh, z, h, g: dh * (g - h))
    ),
    Mistake(
        "z also scales g through 1 - z: dz = dh ⊙ (h_prev - g).",
        _mix(dz=lambda dh, z, h, g: dh * h),
    ),
    Mistake(
        "1 - z gives g a minus sign: dz = dh ⊙ (h_prev - g).",
        _mix(dz=lambda dh, z, h, g: dh * (h + g)),
    ),
    Mistake(
        "dz went on through the sigmoid; dz is the gradient at z itself.",
        _mix(dz=lambda dh, z, h, g: dh * (h - g) * z * (1 - z)),
    ),
    Mistake(
        "dz uses a matrix product where ⊙ is elementwise: use *.",
        _mix(dz=lambda dh, z, h, g: dh @ (h - g)),
    ),
    Mistake(
        "dz: each branch of ⊙ gets dh times the OTHER input, here h_prev - g.",
        _mix(dz=lambda dh, z, h, g: dh * z),
    ),
    Mistake(
        "h_prev is kept with z, not 1 - z: dh_prev = dh ⊙ z.",
        _mix(dh_prev=lambda dh, z, h, g: dh * (1 - z)),
    ),
    Mistake(
        "the gradient passes the ⊙ node scaled by z: dh_prev = dh ⊙ z.",
        _mix(dh_prev=lambda dh, z, h, g: dh),
    ),
    Mistake(
        "dh_prev: each branch of ⊙ gets dh times the OTHER input, z.",
        _mix(dh_prev=lambda dh, z, h, g: dh * h),
    ),
    Mistake(
        "g is let in with 1 - z, not z: dg = dh ⊙ (1 - z).", _mix(dg=lambda dh, z, h, g: dh * z)
    ),
    Mistake(
        "the gradient passes the ⊙ node scaled by 1 - z: dg = dh ⊙ (1 - z).",
        _mix(dg=lambda dh, z, h, g: dh),
    ),
    Mistake(
        "dg went on through the tanh; dg is the gradient at g itself.",
        _mix(dg=lambda dh, z, h, g: dh * (1 - z) * (1 - g**2)),
    ),
    Mistake(
        "the sign of dg is off: dg = dh ⊙ (1 - z), the factor that multiplies g.",
        _mix(dg=lambda dh, z, h, g: -dh * z),
    ),
)


def _mix_example(rng, N, H):
    dh, z = rng.standard_normal((N, H)), rng.uniform(0.05, 0.95, (N, H))
    return dh, z, rng.uniform(-2, 2, (N, H)), rng.uniform(-0.95, 0.95, (N, H))


def _mix_cases(rng):
    N, H = int(rng.integers(2, 4)), int(rng.integers(4, 7))
    return [
        Case("for the example N = H = 3", _mix_example(np.random.default_rng(92), 3, 3)),
        Case("for random inputs (N = H = 3)", _mix_example(rng, 3, 3)),
        Case(f"for N = {N}, H = {H}", _mix_example(rng, N, H)),
    ]


MIX_BACKWARD = Exercise(
    label="9.2",
    function="mix_backward",
    outputs=("dz", "dh_prev", "dg"),
    reference=_mix(),
    cases=_mix_cases,
    mistakes=MIX_MISTAKES,
    hint="dz = dh ⊙ (h_prev - g), dh_prev = dh ⊙ z, dg = dh ⊙ (1 - z).",
    success="dz = dh ⊙ (h_prev - g), dh_prev = dh ⊙ z and dg = dh ⊙ (1 - z) are right",
)


def check_gru_mix_backward(mix_backward, seed=None):
    """Exercise 9.2: ``mix_backward(dh, z, h_prev, g)`` -> (dz, dh_prev, dg), each (N, H)."""
    run(MIX_BACKWARD, mix_backward, seed)
