"""Notebook 09's checkers: typical wrong answers, each named, and right answers accepted.

The data below is run by tests/test_checks_catalogue.py (see tests/test_checks_rnn.py).
"""

import numpy as np

from lstm_lib import GRU
from lstm_lib.course.checks import variants

CHECKERS = {
    "9.1": variants.check_gru_step,
    "9.2": variants.check_reset_after_backward,
    "9.3": variants.check_update_bias,
    "9.4": variants.check_coupled_forget,
}


def _step(gates="sigmoid", info="np.tanh", memory="(r * h_prev) @ Wh[:, 2 * H :]",
          mix="z * h_prev + (1 - z) * g", z=":H", r="H : 2 * H", g="2 * H :"):  # fmt: skip
    """A student's gru_step with one expression changed."""
    return f"""def gru_step(x, h_prev, Wx, Wh, b):
    H = h_prev.shape[1]
    a = x @ Wx + b
    z = {gates}(a[:, {z}] + h_prev @ Wh[:, {z}])
    r = {gates}(a[:, {r}] + h_prev @ Wh[:, {r}])
    g = {info}(a[:, {g}] + {memory.replace("2 * H :", g)})
    return {mix}"""


def _after(dr="da * (h @ W + b)", dh="(da * r) @ W.T", dW="h.T @ (da * r)",
           db="(da * r).sum(axis=0)"):  # fmt: skip
    """A student's reset_after_backward with one output changed."""
    return f"lambda da, r, h, W, b: ({dr}, {dh}, {dW}, {db})"


def _bias(z="fraction ** (1 / steps)", out="np.log(z / (1 - z))"):
    """A student's update_bias with one step changed."""
    return f"""def update_bias(steps, fraction):
    z = {z}
    return {out}"""


def _coupled(f="(c_target - g) / (c_prev - g)"):
    """A student's coupled_forget."""
    return f"lambda c_prev, g, c_target: {f}"


RIGHT = {
    "9.1": [
        _step(),
        """def gru_step(x, h_prev, Wx, Wh, b):
    Wxz, Wxr, Wxg = np.split(Wx, 3, axis=1)
    Whz, Whr, Whg = np.split(Wh, 3, axis=1)
    bz, br, bg = np.split(b, 3)
    z = 1 / (1 + np.exp(-(x @ Wxz + h_prev @ Whz + bz)))
    r = 1 / (1 + np.exp(-(x @ Wxr + h_prev @ Whr + br)))
    g = np.tanh(x @ Wxg + np.multiply(r, h_prev) @ Whg + bg)
    return g + z * (h_prev - g)""",
        "lambda x, h, Wx, Wh, b: GRU(Wx, Wh, b).forward(x, h)",
        "lambda x, h, Wx, Wh, b: GRU(*(a.astype(np.float32) for a in (Wx, Wh, b)))"
        ".forward(x.astype(np.float32), h.astype(np.float32))",
    ],
    "9.2": [
        _after(),
        """def reset_after_backward(da_g, r, h_prev, Wh_g, b_hg):
    u = h_prev @ Wh_g + b_hg
    du = r * da_g
    return u * da_g, du @ Wh_g.T, np.einsum("ni,nj->ij", h_prev, du), np.sum(du, 0)""",
    ],
    "9.3": [
        _bias(),
        "lambda steps, fraction: -np.log(1 / fraction ** (1 / steps) - 1)",
        """def update_bias(steps, fraction):
    z = np.exp(np.log(fraction) / steps)
    return np.log(z) - np.log1p(-z)""",
    ],
    "9.4": [
        _coupled(),
        _coupled("1 - (c_target - c_prev) / (g - c_prev)"),
    ],
}

WRONG = {
    "9.1": [
        (_step(mix="(1 - z) * h_prev + z * g"), "z and 1 - z are swapped"),
        (_step(memory="r * (h_prev @ Wh[:, 2 * H :])"), "after the product"),
        (_step(memory="h_prev @ Wh[:, 2 * H :]"), "the reset gate is missing"),
        (_step(memory="(r * h_prev) @ Wh[:, 2 * H :].T"), "a wrong transpose of Wh_g"),
        (_step(info="sigmoid"), "g uses sigmoid"),
        (_step(gates="np.tanh"), "the gates use tanh"),
        (_step(z="H : 2 * H", r=":H"), "the blocks z and r are swapped"),
        (_step(z="2 * H :", g=":H"), "the blocks z and g are swapped"),
        (_step(mix="z * h_prev + g"), "the new information is not scaled"),
        (_step(mix="(1 - z) * g"), "the old state is missing"),
        (_step(mix="h_prev + g"), "the update gate is missing"),
        (
            """def gru_step(x, h_prev, Wx, Wh, b):
    H = h_prev.shape[1]
    a = x @ Wx + h_prev @ Wh + b
    z, r = sigmoid(a[:, :H]), sigmoid(a[:, H : 2 * H])
    return z * h_prev + (1 - z) * np.tanh(r * a[:, 2 * H :])""",
            "r multiplies the whole sum",
        ),
    ],
    "9.2": [
        (_after(dr="da * (h @ W)"), "dr leaves out the bias"),
        (_after(dr="(da @ W.T) * h"), "dr is the reset-before form's"),
        (_after(dr="da * (h @ W + b) * r * (1 - r)"), "dr went on through the sigmoid"),
        (_after(dh="da @ W.T"), "dh_prev misses the reset"),
        (_after(dh="(da @ W.T) * r"), "dh_prev applies r after the product"),
        (_after(dh="(da * r) @ W"), "dh_prev lacks the transpose"),
        (_after(dW="h.T @ da"), "dWh_g misses the reset"),
        (_after(dW="(r * h).T @ da"), "dWh_g is the reset-before form's"),
        (_after(dW="(da * r).T @ h"), "dWh_g is transposed"),
        (_after(db="da.sum(axis=0)"), "db_hg misses the reset"),
        (_after(db="(da * r).mean(axis=0)"), "db_hg is averaged"),
        (_after(db="(da * r).sum(axis=1)"), "db_hg is summed over the units"),
        (_after(dW="(da * r).sum(axis=0)", db="h.T @ (da * r)"), "dWh_g and db_hg are swapped"),
    ],
    "9.3": [
        (_bias(out="z"), "this is z itself"),
        (_bias(out="np.log((1 - z) / z)"), "the sign is flipped"),
        (_bias(z="fraction"), "only one step is counted"),
        (_bias(z="fraction ** steps"), "solve z**steps = fraction for z"),
        (_bias(out="np.log(z)"), "the logarithm of z does not undo the sigmoid"),
        (_bias(out="np.arctanh(z)"), "not a tanh"),
        (_bias(out="np.log10(z / (1 - z))"), "log10 where the natural log belongs"),
        (_bias(z="1 - (1 - fraction) / steps"), "a linear decay"),
        (_bias(z="fraction ** (1 / (steps + 1))"), "one step too many"),
    ],
    "9.4": [
        (_coupled("(c_target - c_prev) / (g - c_prev)"), "this is 1 - f"),
        (_coupled("c_target / c_prev"), "g is left out"),
        (_coupled("(c_target - g) / c_prev"), "i = 1, as in the uncoupled cell"),
        (_coupled("(g - c_target) / (c_prev - g)"), "the sign is flipped"),
        (_coupled("c_target - g / (c_prev - g)"), "a missing bracket"),
        (_coupled("(c_target - c_prev) / (c_prev - g)"), "this is f - 1"),
        (_coupled("np.clip((c_target - g) / (c_prev - g), 0, 1)"), "f is clipped"),
        (_coupled("sigmoid((c_target - g) / (c_prev - g))"), "σ is applied"),
    ],
}


def test_the_reference_step_is_the_library_gru():
    rng = np.random.default_rng(0)
    Wx, Wh, b = rng.standard_normal((4, 9)), rng.standard_normal((3, 9)), rng.standard_normal(9)
    x, h = rng.standard_normal((2, 4)), rng.standard_normal((2, 3))
    reference = variants.GRU_STEP.reference(x, h, Wx, Wh, b)
    np.testing.assert_allclose(reference, GRU(Wx, Wh, b).forward(x, h))
