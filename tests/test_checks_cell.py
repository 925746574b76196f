"""Notebook 05's checkers: typical wrong answers, each named, and right answers accepted.

The data below is run by tests/test_checks_catalogue.py (see tests/test_checks_rnn.py).
"""

from lstm_lib.course.checks import cell

CHECKERS = {
    "5.1": cell.check_lstm_cell_forward,
    "5.2": cell.check_preactivation_grads,
    "5.3": cell.check_memory_left,
}


def _cell(
    c="f * cp + g * i", h="o * np.tanh(c)", acts="sigmoid, np.tanh, sigmoid, sigmoid", a=None
):
    """A student's lstm_cell_forward with one expression changed."""
    a = a or "x @ Wx + hp @ Wh + b"
    return f"""def lstm_cell_forward(x, hp, cp, parts):
    pre = {{k: {a} for k, (Wx, Wh, b) in parts.items()}}
    sf, sg, si, so = {acts}
    f, g, i, o = sf(pre["f"]), sg(pre["g"]), si(pre["i"]), so(pre["o"])
    c = {c}
    return {h}, c"""


def _grads(
    dc="dcn + dh * o * (1 - np.tanh(c) ** 2)", ret="da_f, da_g, da_i, da_o, dc * f", **rules
):
    """A student's preactivation_grads with one expression changed."""
    r = {
        "da_f": "dc * cp * f * (1 - f)",
        "da_g": "dc * i * (1 - g**2)",
        "da_i": "dc * g * i * (1 - i)",
        "da_o": "dh * np.tanh(c) * o * (1 - o)",
        **rules,
    }
    body = "\n".join(f"    {k} = {v}" for k, v in r.items())
    head = "def preactivation_grads(dh, dcn, f, g, i, o, cp, c):"
    return f"{head}\n    dc = {dc}\n{body}\n    return {ret}"


RIGHT = {
    "5.1": [
        _cell(),
        """def lstm_cell_forward(x, h_prev, c_prev, parts):
    cell = LSTMCell(parts)
    h, c = cell.forward(x, h_prev, c_prev)
    return h, c""",
    ],
    "5.2": [
        _grads(),
        """def preactivation_grads(dh, dc_next, f, g, i, o, c_prev, c):
    t = np.tanh(c)
    dc = dc_next + dh * o * (1 - t * t)
    return (c_prev * f * (1 - f) * dc, i * (1 - g * g) * dc, g * i * (1 - i) * dc,
            t * o * (1 - o) * dh, f * dc)""",
    ],
    "5.3": ["lambda g, f, k: g * f**k", "lambda g, f, k: g * np.exp(k * np.log(f))"],
}

WRONG = {
    "5.1": [
        (_cell(c="f * cp + g"), "the product with the input gate is missing"),
        (_cell(a="x @ Wx.T + hp @ Wh + b"), "x @ Wx.T: a transpose too many"),
        (_cell(a="x @ Wx + hp @ Wh.T + b"), "h_prev @ Wh.T: a transpose too many"),
        (_cell(c="f * cp + g + i"), "the input gate is added"),
        (_cell(c="cp + g * i"), "the forget gate is missing"),
        (_cell(c="(1 - f) * cp + g * i"), "the fraction KEPT"),
        (_cell(c="f * cp * g * i"), "the two terms are multiplied"),
        (_cell(c="f @ cp + g * i"), "a matrix product @"),
        (_cell(acts="sigmoid, np.tanh, np.tanh, sigmoid"), "tanh for the input gate"),
        (_cell(acts="np.tanh, np.tanh, sigmoid, sigmoid"), "tanh for the forget gate"),
        (_cell(acts="sigmoid, np.tanh, sigmoid, np.tanh"), "tanh for the output gate"),
        (_cell(acts="sigmoid, sigmoid, sigmoid, sigmoid"), "sigmoid for g"),
        (_cell(a="x @ Wx + hp @ Wh"), "the biases are missing"),
        (_cell(h="o * c"), "the tanh of the cell is missing"),
        (_cell(h="np.tanh(c)"), "the output gate is missing"),
        (_cell(h="o * np.tanh(cp)"), "h uses the old cell c_prev"),
        (
            """def lstm_cell_forward(x, hp, cp, parts):
    a = {k: x @ Wx + hp @ Wh + b for k, (Wx, Wh, b) in parts.items()}
    f, g, i, o = sigmoid(a["f"]), np.tanh(a["i"]), sigmoid(a["g"]), sigmoid(a["o"])
    c = f * cp + g * i
    return o * np.tanh(c), c""",
            "the weight sets of g and i are swapped",
        ),
        (
            """def lstm_cell_forward(x, hp, cp, parts):
    a = {k: x @ Wx + hp @ Wh + b for k, (Wx, Wh, b) in parts.items()}
    a["g"] = a["g"] - parts["g"][2]
    f, g, i, o = sigmoid(a["f"]), np.tanh(a["g"]), sigmoid(a["i"]), sigmoid(a["o"])
    c = f * cp + g * i
    return o * np.tanh(c), c""",
            "the bias of g is missing",
        ),
        (
            """def lstm_cell_forward(x, hp, cp, parts):
    h, c = LSTMCell(parts).forward(x, hp, cp)
    return c, h""",
            "h and c are swapped",
        ),
    ],
    "5.2": [
        (_grads(ret="da_i, da_f, da_g, da_o, dc * f"), "PyTorch's order"),
        (_grads(ret="da_i, da_f, da_o, da_g, dc * f"), "CS231n's"),
        (_grads(dc="dcn"), "the stream through h is missing"),
        (_grads(dc="dh * o * (1 - np.tanh(c) ** 2)"), "dc_next from the next step is missing"),
        (_grads(dc="dcn + dh * o * (1 - c**2)"), "uses 1 - c²"),
        (_grads(dc="dcn + dh * o"), "skips the tanh node"),
        (_grads(ret="da_f, da_g, da_i, da_o, dc"), "dc_prev is dc itself"),
        (_grads(ret="da_f, da_g, da_i, da_o, dc * f * (1 - f)"), "the cell path has no sigmoid"),
        (_grads(da_g="dc * i * g * (1 - g)"), "da_g uses the sigmoid's derivative"),
        (_grads(da_g="dc * i"), "da_g lacks the activation"),
        (_grads(da_g="dc * g * (1 - g**2)"), "dg = dc ⊙ i"),
        (_grads(da_i="dc * g * (1 - i**2)"), "da_i uses tanh's derivative"),
        (_grads(da_i="dc * i * i * (1 - i)"), "di = dc ⊙ g"),
        (_grads(da_f="dc * cp"), "da_f lacks the activation"),
        (_grads(da_f="dc * c * f * (1 - f)"), "da_f uses c"),
        (_grads(da_o="dh * np.tanh(c)"), "da_o lacks the activation"),
        (_grads(da_o="dh * c * o * (1 - o)"), "not dh ⊙ c"),
        (_grads(da_o="dc * np.tanh(c) * o * (1 - o)"), "only sees dh"),
    ],
    "5.3": [
        ("lambda g, f, k: g * f ** (k - 1)", "one factor f too few"),
        ("lambda g, f, k: g * f ** (k + 1)", "one factor f too many"),
        ("lambda g, f, k: g", "nothing new is written"),
        ("lambda g, f, k: g * (1 - f) ** k", "the fraction KEPT"),
        ("lambda g, f, k: f**k", "g ⊙ i = g is missing"),
        ("lambda g, f, k: g * (1 - k * (1 - f))", "does not subtract"),
        ("lambda g, f, k: g * f * k", "not f * k"),
        ("lambda g, f, k: g * f", "only one step of forgetting"),
        ("lambda g, f, k: g + f**k", "not added to it"),
    ],
}
