"""Checkers of notebook 09 (the GRU and the LSTM's variants).

* Exercise 9.1, ``gru_step(x, h_prev, Wx, Wh, b)``: the GRU step with fused weights in the
  blocks z, r, g and the reset before the product, h = z ⊙ h_prev + (1 - z) ⊙ g.
* Exercise 9.2, ``reset_after_backward(da_g, r, h_prev, Wh_g, b_hg)``: the backward of the
  reset-after form's r ⊙ u, u = h_prev Wh_g + b_hg: dr = da_g ⊙ u, and with du = da_g ⊙ r,
  dh_prev = du Wh_g^T, dWh_g = h_prev^T du, db_hg = the sum of du over the batch.
* Exercise 9.3, ``update_bias(steps, fraction)``: the bias b_z of a GRU's update gate that
  keeps ``fraction`` of a value for ``steps`` steps: logit(fraction**(1/steps)).
* Exercise 9.4, ``coupled_forget(c_prev, g, c_target)``: the f a coupled cell (i = 1 - f)
  needs to reach c_target, (c_target - g) / (c_prev - g); outside [0, 1] it cannot.

Each exercise is data for the engine of _core.py: a reference, cases (some drawn afresh
at each call) and a table of typical mistakes, each written as a wrong answer.
"""

import numpy as np

from ...functions import sigmoid
from ._core import Case, Exercise, Mistake, run
from ._gru_answers import gru_step_answer, reset_after_answer

__all__ = [
    "check_coupled_forget",
    "check_gru_step",
    "check_reset_after_backward",
    "check_update_bias",
]


GRU_STEP_MISTAKES = (
    Mistake(
        "z and 1 - z are swapped: in this book z keeps the old state (it scales h_prev) "
        "and 1 - z lets the new information in (DLFS2 writes it the other way round).",
        gru_step_answer(mix="swapped"),
    ),
    Mistake(
        "the reset is applied after the product with Wh_g (PyTorch's form, section 3); "
        "in this exercise r scales h_prev before it meets Wh_g.",
        gru_step_answer(reset="after"),
    ),
    Mistake(
        "the reset gate is missing: g reads the old state only after r has scaled it.",
        gru_step_answer(reset="none"),
    ),
    Mistake(
        "r multiplies the whole sum; it resets only the term of the old state: the term "
        "of x and the bias b_g reach g as they are.",
        gru_step_answer(reset="outside"),
    ),
    Mistake(
        "a wrong transpose of Wh_g: (r ⊙ h_prev) (N, H) @ Wh_g (H, H).",
        gru_step_answer(reset="transposed"),
    ),
    Mistake(
        "g uses sigmoid: the new information is tanh, in (-1, 1).",
        gru_step_answer(act_info=sigmoid),
    ),
    Mistake(
        "the gates use tanh: z and r are sigmoid, an openness in (0, 1).",
        gru_step_answer(act_gate=np.tanh),
    ),
    Mistake(
        "the blocks z and r are swapped: the columns of Wx, Wh and b are z, r, g in that order.",
        gru_step_answer(order=(1, 0, 2)),
    ),
    Mistake(
        "the blocks z and g are swapped: the columns are z (first H), r, then g (last H).",
        gru_step_answer(order=(2, 1, 0)),
    ),
    Mistake(
        "the new information is not scaled: it comes in by the share 1 - z that the update "
        "gate does not keep.",
        gru_step_answer(mix="no 1-z"),
    ),
    Mistake(
        "the old state is missing: the update gate keeps the share z of h_prev, and the new "
        "information fills the rest.",
        gru_step_answer(mix="no h_prev"),
    ),
    Mistake(
        "the update gate is missing: h_prev and g are not simply added; z decides how much "
        "of each the new state takes.",
        gru_step_answer(mix="sum"),
    ),
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
    reference=gru_step_answer(),
    cases=_gru_cases,
    mistakes=GRU_STEP_MISTAKES,
    hint="Slice x Wx + b into the blocks z, r, g (in that order); each gate adds its own "
    "block of h_prev Wh, g's block of Wh reads h_prev only after r has scaled it, and the "
    "update gate mixes h_prev with g as in section 1.",
    success="the GRU step (reset before the product) is right",
)


def check_gru_step(gru_step, seed=None):
    """Exercise 9.1: ``gru_step(x, h_prev, Wx, Wh, b)`` -> h_next (N, H), blocks z, r, g."""
    run(GRU_STEP, gru_step, seed)


# --------------------------------------------------------------------------- Exercise 9.2


RESET_AFTER_MISTAKES = (
    Mistake(
        "dr leaves out the bias: in this form the reset multiplies u = h_prev Wh_g + b_hg, "
        "the bias included, and a ⊙ node passes the gradient times the OTHER input.",
        reset_after_answer(dr=lambda da, r, h, W, b, u: da * (h @ W)),
    ),
    Mistake(
        "dr is the reset-before form's, taken back through Wh_g to h_prev; here the reset "
        "comes after the product and multiplies u = h_prev Wh_g + b_hg itself.",
        reset_after_answer(dr=lambda da, r, h, W, b, u: (da @ W.T) * h),
    ),
    Mistake(
        "dr went on through the sigmoid; dr is the gradient at r itself.",
        reset_after_answer(dr=lambda da, r, h, W, b, u: da * u * r * (1 - r)),
    ),
    Mistake(
        "dh_prev misses the reset: u is multiplied by r, so the gradient that reaches u is "
        "scaled by r before it goes back through Wh_g.",
        reset_after_answer(dh_prev=lambda da, r, h, W, b, u: da @ W.T),
    ),
    Mistake(
        "dh_prev applies r after the product with Wh_g^T, as in the reset-before form; "
        "here r acts on the gradient before it meets Wh_g^T.",
        reset_after_answer(dh_prev=lambda da, r, h, W, b, u: (da @ W.T) * r),
    ),
    Mistake(
        "dh_prev lacks the transpose: back through a product with Wh_g (H, H) the gradient "
        "is multiplied by Wh_g^T.",
        reset_after_answer(dh_prev=lambda da, r, h, W, b, u: (da * r) @ W),
    ),
    Mistake(
        "dWh_g misses the reset: the gradient that reaches the product h_prev Wh_g is "
        "da_g scaled by r.",
        reset_after_answer(dW=lambda da, r, h, W, b, u: h.T @ da),
    ),
    Mistake(
        "dWh_g is the reset-before form's: there Wh_g reads r ⊙ h_prev; here it reads "
        "h_prev itself, and r scales the gradient instead.",
        reset_after_answer(dW=lambda da, r, h, W, b, u: (r * h).T @ da),
    ),
    Mistake(
        "dWh_g is transposed: a weight's gradient has the weight's shape (H, H), the "
        "input's transpose first, then the gradient.",
        reset_after_answer(dW=lambda da, r, h, W, b, u: (da * r).T @ h),
    ),
    Mistake(
        "db_hg misses the reset: b_hg sits inside u, which r multiplies, so its gradient "
        "is scaled by r too.",
        reset_after_answer(db=lambda da, r, h, W, b, u: da.sum(axis=0)),
    ),
    Mistake(
        "db_hg is averaged over the batch; the loss already holds any mean: sum it.",
        reset_after_answer(db=lambda da, r, h, W, b, u: (da * r).mean(axis=0)),
    ),
    Mistake(
        "db_hg is summed over the units (axis 1); sum over the batch, axis 0.",
        reset_after_answer(db=lambda da, r, h, W, b, u: (da * r).sum(axis=1)),
    ),
)


def _after_example(rng, N, H):
    da, r = rng.standard_normal((N, H)), rng.uniform(0.05, 0.95, (N, H))
    h, W, b_hg = rng.standard_normal((N, H)), rng.standard_normal((H, H)), rng.standard_normal(H)
    return da, r, h, W, b_hg


def _batch_cases(example, seed, Ns, Hs):
    """The cases of an exercise on (N, H) arrays made by ``example(rng, N, H)``: the worked
    example (drawn from ``seed``), random inputs of the same sizes, and random sizes N in
    ``range(*Ns)``, H in ``range(*Hs)``, all but the first drawn afresh at each call."""

    def cases(rng):
        N, H = int(rng.integers(*Ns)), int(rng.integers(*Hs))
        return [
            Case("for the example N = H = 3", example(np.random.default_rng(seed), 3, 3)),
            Case("for random inputs (N = H = 3)", example(rng, 3, 3)),
            Case(f"for N = {N}, H = {H}", example(rng, N, H)),
        ]

    return cases


_after_cases = _batch_cases(_after_example, 92, (4, 7), (2, 4))


RESET_AFTER = Exercise(
    label="9.2",
    function="reset_after_backward",
    outputs=("dr", "dh_prev", "dWh_g", "db_hg"),
    reference=reset_after_answer(),
    cases=_after_cases,
    mistakes=RESET_AFTER_MISTAKES,
    hint="Go back through the reset's ⊙ node first (each input gets the gradient times the "
    "other input: look at what the reset multiplies in this form), then through the product "
    "with Wh_g and its bias by the affine rule of section 2.",
    success="the reset-after form's backward (dr, dh_prev, dWh_g, db_hg) is right",
)


def check_reset_after_backward(reset_after_backward, seed=None):
    """Exercise 9.2: ``reset_after_backward(da_g, r, h_prev, Wh_g, b_hg)`` -> (dr, dh_prev,
    dWh_g, db_hg), the gradients through r ⊙ (h_prev Wh_g + b_hg)."""
    run(RESET_AFTER, reset_after_backward, seed)


# --------------------------------------------------------------------------- Exercise 9.3


def _logit(p):
    return np.log(p / (1 - p))


def _keep(z=lambda k, p: p ** (1 / k), out=_logit):
    """update_bias, right or with one typical mistake: z per step, then the bias."""
    return lambda steps, fraction: float(out(z(steps, fraction)))


UPDATE_BIAS_MISTAKES = (
    Mistake(
        "this is z itself; the exercise asks for the bias b_z with σ(b_z) = z: invert the sigmoid.",
        _keep(out=lambda z: z),
    ),
    Mistake(
        "the sign is flipped: this is DLFS2's convention, where 1 - z keeps; here z keeps, "
        "so a gate that keeps most of the state has a positive bias.",
        _keep(out=lambda z: -_logit(z)),
    ),
    Mistake(
        "only one step is counted: the old state is multiplied by z at every one of the "
        "steps, so z**steps = fraction.",
        _keep(z=lambda k, p: p),
    ),
    Mistake(
        "fraction**steps is what a gate equal to fraction would leave; here fraction is "
        "what is left after all the steps, so solve z**steps = fraction for z.",
        _keep(z=lambda k, p: p**k),
    ),
    Mistake(
        "the logarithm of z does not undo the sigmoid: solve σ(b_z) = z for b_z.",
        _keep(out=np.log),
    ),
    Mistake(
        "the gate is a sigmoid, not a tanh: undo σ, not tanh (arctanh is tanh's inverse).",
        _keep(out=np.arctanh),
    ),
    Mistake(
        "log10 where the natural log belongs: σ is built on e, so its inverse takes ln.",
        _keep(out=lambda z: np.log10(z / (1 - z))),
    ),
    Mistake(
        "a linear decay: each step keeps the fraction z of what was there, so what is left "
        "shrinks as z**steps, not by (1 - fraction) / steps per step.",
        _keep(z=lambda k, p: 1 - (1 - p) / k),
    ),
    Mistake(
        "one step too many: after the write, the value passes the ⊙ z node once per step, "
        "steps times.",
        _keep(z=lambda k, p: p ** (1 / (k + 1))),
    ),
)


def _bias_cases(rng):
    steps, fraction = int(rng.integers(5, 200)), float(rng.uniform(0.1, 0.9))
    return [
        Case("for steps = 50, fraction = 0.5", (50, 0.5)),
        Case("for steps = 1, fraction = 0.9 (one step only)", (1, 0.9)),
        Case(f"for steps = {steps}, fraction = {fraction:.4f}", (steps, fraction)),
    ]


UPDATE_BIAS = Exercise(
    label="9.3",
    function="update_bias",
    outputs=("b_z",),
    reference=_keep(),
    cases=_bias_cases,
    mistakes=UPDATE_BIAS_MISTAKES,
    hint="Follow the written value: every step keeps the share σ(b_z) of it. Find the "
    "gate value that leaves fraction after all the steps, then invert the sigmoid.",
    success="b_z = logit(fraction**(1/steps)) keeps the fraction over the steps",
    kind="number",
)


def check_update_bias(update_bias, seed=None):
    """Exercise 9.3: ``update_bias(steps, fraction)`` -> the b_z with σ(b_z)**steps =
    fraction."""
    run(UPDATE_BIAS, update_bias, seed)


# --------------------------------------------------------------------------- Exercise 9.4


def _coupled(c_prev, g, c_target):
    """coupled_forget, right: the f with f ⊙ c_prev + (1 - f) ⊙ g = c_target."""
    return (c_target - g) / (c_prev - g)


COUPLED_MISTAKES = (
    Mistake(
        "this is 1 - f, the input gate i: solve f ⊙ c_prev + (1 - f) ⊙ g = c_target for f.",
        lambda c, g, t: (t - c) / (g - c),
    ),
    Mistake(
        "g is left out: the coupled cell writes (1 - f) ⊙ g, f ⊙ c_prev + (1 - f) ⊙ g = c_target.",
        lambda c, g, t: t / c,
    ),
    Mistake(
        "i = 1, as in the uncoupled cell: here i = 1 - f, so f appears in g's term too.",
        lambda c, g, t: (t - g) / c,
    ),
    Mistake(
        "the sign is flipped: a target equal to c_prev needs f = 1 (keep it all), one equal "
        "to g needs f = 0.",
        lambda c, g, t: (g - t) / (c - g),
    ),
    Mistake(
        "a missing bracket: c_target - g / (c_prev - g) divides g alone.",
        lambda c, g, t: t - g / (c - g),
    ),
    Mistake(
        "this is f - 1: f is the share of c_prev that is kept, 1 where c_target equals c_prev.",
        lambda c, g, t: (t - c) / (c - g),
    ),
    Mistake(
        "f is clipped to [0, 1]: return the f the equation needs, outside (0, 1) too; that "
        "it falls outside is what the exercise asks you to see.",
        lambda c, g, t: np.clip((t - g) / (c - g), 0, 1),
    ),
    Mistake(
        "σ is applied: f is the gate's value, not its pre-activation.",
        lambda c, g, t: sigmoid((t - g) / (c - g)),
    ),
)


def _coupled_example(rng, N, H):
    g = rng.uniform(-0.95, 0.95, (N, H))
    c_prev = g + rng.choice([-1, 1], (N, H)) * rng.uniform(0.3, 1.5, (N, H))
    return c_prev, g, rng.uniform(-2.5, 2.5, (N, H))


_coupled_cases = _batch_cases(_coupled_example, 94, (2, 5), (4, 7))


COUPLED = Exercise(
    label="9.4",
    function="coupled_forget",
    outputs=("f",),
    reference=_coupled,
    cases=_coupled_cases,
    mistakes=COUPLED_MISTAKES,
    hint="Write the coupled cell's update with c_target as its result and solve it for f: "
    "gather the terms with f on one side (entry by entry).",
    success="f = (c_target - g) / (c_prev - g); the target is reachable only where f is in [0, 1]",
)


def check_coupled_forget(coupled_forget, seed=None):
    """Exercise 9.4: ``coupled_forget(c_prev, g, c_target)`` -> the f with f ⊙ c_prev +
    (1 - f) ⊙ g = c_target, each (N, H)."""
    run(COUPLED, coupled_forget, seed)
