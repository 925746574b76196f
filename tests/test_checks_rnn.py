"""Notebook 00's checkers: typical wrong answers, each named, and right answers accepted.

The data below is run by tests/test_checks_catalogue.py: every answer in ``WRONG`` must be
rejected with a message that names the mistake (it contains the phrase given), every answer
in ``RIGHT`` accepted, on several draws of the random cases.
"""

from lstm_lib.course.checks import rnn

CHECKERS = {
    "0.1": rnn.check_rnn_step,
    "0.2": rnn.check_rnn_dh_prev,
    "0.3": rnn.check_vanishing_steps,
}

RIGHT = {
    "0.1": [
        "lambda x, h, Wx, Wh, b: np.tanh(x @ Wx + h @ Wh + b)",
        "lambda x, h, Wx, Wh, b: RNN(Wx, Wh, b).forward(x, h)",
        "lambda x, h, Wx, Wh, b: (lambda a: (np.exp(2 * a) - 1) / (np.exp(2 * a) + 1))"
        "(np.dot(x, Wx) + np.dot(h, Wh) + b[None, :])",
    ],
    "0.2": [
        "lambda dh, h, Wh: (dh * (1 - h**2)) @ Wh.T",
        "lambda dh, h, Wh: np.einsum('nk,jk->nj', dh - dh * h * h, Wh)",
    ],
    "0.3": [
        "lambda f, t: int(np.ceil(np.log(t) / np.log(f)))",
        "lambda f, t: next(k for k in range(1, 10**6) if f**k < t)",
    ],
}

WRONG = {
    "0.1": [
        ("lambda x, h, Wx, Wh, b: sigmoid(x @ Wx + h @ Wh + b)", "sigmoid where tanh belongs"),
        ("lambda x, h, Wx, Wh, b: x @ Wx + h @ Wh + b", "the activation tanh is missing"),
        ("lambda x, h, Wx, Wh, b: np.tanh(x @ Wx + h @ Wh)", "the bias b is missing"),
        ("lambda x, h, Wx, Wh, b: np.tanh(x @ Wx + h @ Wh) + b", "added after the tanh"),
        ("lambda x, h, Wx, Wh, b: np.tanh(h @ Wh + b)", "the term x @ Wx is missing"),
        ("lambda x, h, Wx, Wh, b: np.tanh(x @ Wx + b)", "h_prev @ Wh is missing"),
        ("lambda x, h, Wx, Wh, b: np.tanh(x @ Wx + h @ Wh.T + b)", "h_prev @ Wh.T"),
        ("lambda x, h, Wx, Wh, b: np.tanh(x @ Wx.T + h @ Wh + b)", "x @ Wx.T"),
        ("lambda x, h, Wx, Wh, b: np.tanh(x @ Wh + h @ Wx + b)", "Wx and Wh are swapped"),
        ("lambda x, h, Wx, Wh, b: np.tanh(x * Wx + h * Wh + b)", "elementwise product *"),
        (
            "lambda x, h, Wx, Wh, b: np.tanh(x @ Wx) + np.tanh(h @ Wh) + np.tanh(b)",
            "applied to each term apart",
        ),
    ],
    "0.2": [
        ("lambda dh, h, Wh: (dh * (1 - h**2)) @ Wh", "not Wh.T"),
        ("lambda dh, h, Wh: dh * (1 - h**2)", "the product with Wh.T is missing"),
        ("lambda dh, h, Wh: dh @ Wh.T", "the tanh node is skipped"),
        ("lambda dh, h, Wh: (dh * h * (1 - h)) @ Wh.T", "the sigmoid's derivative"),
        ("lambda dh, h, Wh: (dh * (1 - np.tanh(h) ** 2)) @ Wh.T", "applies tanh to h_next again"),
        ("lambda dh, h, Wh: (dh * (1 - h)) @ Wh.T", "it uses 1 - h_next;"),
        ("lambda dh, h, Wh: (dh * (1 - h) ** 2) @ Wh.T", "(1 - h_next)**2"),
        ("lambda dh, h, Wh: (dh * (h**2 - 1)) @ Wh.T", "the wrong sign"),
        ("lambda dh, h, Wh: (dh * (1 - h**2)) * Wh.T", "elementwise product *"),
        ("lambda dh, h, Wh: Wh.T @ (dh * (1 - h**2))", "in the wrong order"),
    ],
    "0.3": [
        ("lambda f, t: int(np.log(t) / np.log(f))", "one step short"),
        ("lambda f, t: round(np.log(t) / np.log(f))", "rounded to the nearest"),
        ("lambda f, t: np.log(t) / np.log(f)", "not a whole number"),
        ("lambda f, t: np.log(f) / np.log(t)", "upside down"),
        ("lambda f, t: int(-np.log10(t))", "divided the gradient by 10"),
        ("lambda f, t: f ** int(np.ceil(np.log(t) / np.log(f)))", "returns the factor"),
        ("lambda f, t: int(np.ceil(np.log(t) / np.log(f))) + 1", "one step too many"),
        ("lambda f, t: int(np.ceil(np.log10(t) / np.log(f)))", "different bases"),
        ("lambda f, t: int(np.ceil((1 - t) / (1 - f)))", "linear decay"),
    ],
}
