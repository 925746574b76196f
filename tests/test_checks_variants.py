"""Notebook 09's checkers: typical wrong answers, each named, and right answers accepted.

The data below is run by tests/test_checks_catalogue.py (see tests/test_checks_rnn.py).
"""

import numpy as np

from lstm_lib import GRU
from lstm_lib.course.checks import variants

CHECKERS = {
    "9.1": variants.check_gru_step,
    "9.2": variants.check_gru_mix_backward,
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


def _mix(dz="dh * (h - g)", dh_prev="dh * z", dg="dh * (1 - z)"):
    """A student's mix_backward with one output changed."""
    return f"lambda dh, z, h, g: ({dz}, {dh_prev}, {dg})"


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
        _mix(),
        """def mix_backward(dh, z, h_prev, g):
    dz = np.multiply(dh, h_prev) - np.multiply(dh, g)
    return [dz, z * dh, dh - dh * z]""",
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
        (_mix(dz="dh * (g - h)"), "the sign of dz is flipped"),
        (_mix(dz="dh * h"), "z also scales g"),
        (_mix(dz="dh * (h + g)"), "gives g a minus sign"),
        (_mix(dz="dh * (h - g) * z * (1 - z)"), "dz went on through the sigmoid"),
        (_mix(dz="dh @ (h - g)"), "dz uses a matrix product"),
        (_mix(dz="dh * z"), "dz: each branch of ⊙ gets dh times the OTHER input"),
        (_mix(dh_prev="dh * (1 - z)"), "h_prev is kept with z"),
        (_mix(dh_prev="dh"), "scaled by z: dh_prev"),
        (_mix(dh_prev="dh * h"), "dh_prev: each branch"),
        (_mix(dg="dh * z"), "g is let in with 1 - z"),
        (_mix(dg="dh"), "scaled by 1 - z: dg"),
        (_mix(dg="dh * (1 - z) * (1 - g**2)"), "dg went on through the tanh"),
        (_mix(dg="-dh * z"), "the sign of dg is off"),
        (_mix(dh_prev="dh * (1 - z)", dg="dh * z"), "dh_prev and dg are swapped"),
    ],
}


def test_the_reference_step_is_the_library_gru():
    rng = np.random.default_rng(0)
    Wx, Wh, b = rng.standard_normal((4, 9)), rng.standard_normal((3, 9)), rng.standard_normal(9)
    x, h = rng.standard_normal((2, 4)), rng.standard_normal((2, 3))
    reference = variants.GRU_STEP.reference(x, h, Wx, Wh, b)
    np.testing.assert_allclose(reference, GRU(Wx, Wh, b).forward(x, h))
