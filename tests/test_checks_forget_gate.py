"""Notebook 03's checkers: typical wrong answers, each named, and right answers accepted.

The data below is run by tests/test_checks_catalogue.py (see tests/test_checks_rnn.py).
"""

from lstm_lib.course.checks import forget_gate

CHECKERS = {
    "3.1": forget_gate.check_forget_gate,
    "3.2": forget_gate.check_forget_backward,
    "3.3": forget_gate.check_steps_to_keep,
}

_F = "sigmoid(x @ Wx + h @ Wh + b)"
RIGHT = {
    "3.1": [
        f"lambda x, h, cp, Wx, Wh, b: ({_F}, {_F} * cp)",
        "lambda x, h, cp, Wx, Wh, b: (lambda f: (f, cp * f))"
        "(np.exp(-np.logaddexp(0, -(x.dot(Wx) + h.dot(Wh) + b))))",
    ],
    "3.2": [
        "lambda dc, f, cp: (dc * cp, dc * f)",
        "lambda dc, f, cp: (cp * dc, np.multiply(f, dc))",
    ],
    "3.3": ["lambda f, q: np.log(q) / np.log(f)", "lambda f, q: float(np.log2(q) / np.log2(f))"],
}

WRONG = {
    "3.1": [
        (f"lambda x, h, cp, Wx, Wh, b: ({_F}, {_F} @ cp)", "a matrix product (@)"),
        (f"lambda x, h, cp, Wx, Wh, b: ({_F}, (1 - {_F}) * cp)", "not the fraction erased"),
        (f"lambda x, h, cp, Wx, Wh, b: ({_F}, {_F})", "the product with c_prev is missing"),
        (f"lambda x, h, cp, Wx, Wh, b: ({_F}, cp)", "the forget gate is missing"),
        (f"lambda x, h, cp, Wx, Wh, b: ({_F}, {_F} + cp)", "a sum where the gate multiplies"),
        (f"lambda x, h, cp, Wx, Wh, b: ({_F}, {_F} * np.tanh(cp))", "not squashed here"),
        (f"lambda x, h, cp, Wx, Wh, b: ({_F} * cp, {_F})", "f and kept are swapped"),
        (
            "lambda x, h, cp, Wx, Wh, b: (lambda f: (f, f * cp))(np.tanh(x @ Wx + h @ Wh + b))",
            "tanh where sigmoid belongs",
        ),
        (
            "lambda x, h, cp, Wx, Wh, b: (lambda f: (f, f * cp))(sigmoid(x @ Wx.T + h @ Wh + b))",
            "x @ Wx.T",
        ),
        (
            "lambda x, h, cp, Wx, Wh, b: (lambda f: (f, f * cp))(sigmoid(h @ Wh + b))",
            "the term x @ Wx is missing",
        ),
    ],
    "3.2": [
        ("lambda dc, f, cp: (dc * f, dc * f)", "df got f"),
        ("lambda dc, f, cp: (dc, dc * f)", "dc must be scaled"),
        ("lambda dc, f, cp: (dc @ cp, dc * f)", "a matrix product where"),
        ("lambda dc, f, cp: (dc @ cp.T, dc * f)", "a matrix product with a transpose"),
        ("lambda dc, f, cp: (dc * cp * f * (1 - f), dc * f)", "went on through the sigmoid"),
        ("lambda dc, f, cp: (dc * cp, dc * cp)", "dc_prev got c_prev"),
        ("lambda dc, f, cp: (dc * cp, dc)", "scaled by f: dc_prev"),
        ("lambda dc, f, cp: (dc * cp, dc * (1 - f))", "not 1 - f"),
        ("lambda dc, f, cp: (dc * f, dc * cp)", "df and dc_prev are swapped"),
        ("lambda dc, f, cp: (dc * cp, dc * f * (1 - f))", "the cell path has no sigmoid"),
    ],
    "3.3": [
        ("lambda f, q: np.log(f) / np.log(q)", "upside down"),
        ("lambda f, q: np.log(q) / np.log(1 - f)", "1 - f is erased"),
        ("lambda f, q: np.log(1 - q) / np.log(f)", "fraction is what is LEFT"),
        ("lambda f, q: -np.log(q) / np.log(f)", "the sign is off"),
        ("lambda f, q: np.ceil(np.log(q) / np.log(f))", "not a rounded one"),
        ("lambda f, q: int(np.log(q) / np.log(f))", "not a rounded one"),
        ("lambda f, q: f**q", "not f**fraction"),
        ("lambda f, q: (1 - q) / (1 - f)", "linear decay"),
    ],
}
