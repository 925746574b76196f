"""Notebook 04's checkers: typical wrong answers, each named, and right answers accepted.

The data below is run by tests/test_checks_catalogue.py (see tests/test_checks_rnn.py).
"""

from lstm_lib.course.checks import new_information

CHECKERS = {
    "4.1": new_information.check_new_information,
    "4.2": new_information.check_cell_backward,
    "4.3": new_information.check_random_walk_spread,
}

_G = "np.tanh(x @ Wx + h @ Wh + b)"
RIGHT = {
    "4.1": [
        f"lambda x, h, cp, f, Wx, Wh, b: ({_G}, f * cp + {_G})",
        "lambda x, h, cp, f, Wx, Wh, b: (lambda g: (g, np.add(g, f * cp)))"
        "(2 * sigmoid(2 * (x @ Wx + h @ Wh + b)) - 1)",
    ],
    "4.2": [
        "lambda dc, f, g: (dc * f, dc * (1 - g**2))",
        "lambda dc, f, g: (f * dc, dc - dc * g * g)",
    ],
    "4.3": ["lambda n, s: s * np.sqrt(n)", "lambda n, s: (n * s**2) ** 0.5"],
}

WRONG = {
    "4.1": [
        (f"lambda x, h, cp, f, Wx, Wh, b: ({_G}, f @ cp + {_G})", "a matrix product (@)"),
        (f"lambda x, h, cp, f, Wx, Wh, b: ({_G}, f * cp)", "g is not added"),
        (f"lambda x, h, cp, f, Wx, Wh, b: ({_G}, cp + {_G})", "the forget gate is missing"),
        (f"lambda x, h, cp, f, Wx, Wh, b: ({_G}, f * (cp + {_G}))", "scales only the old memory"),
        (f"lambda x, h, cp, f, Wx, Wh, b: ({_G}, f * cp * {_G})", "not multiplied"),
        (f"lambda x, h, cp, f, Wx, Wh, b: ({_G}, np.tanh(f * cp + {_G}))", "not squashed"),
        (f"lambda x, h, cp, f, Wx, Wh, b: ({_G}, (1 - f) * cp + {_G})", "the fraction KEPT"),
        (f"lambda x, h, cp, f, Wx, Wh, b: ({_G}, f * {_G})", "c_prev is missing"),
        (f"lambda x, h, cp, f, Wx, Wh, b: (f * cp + {_G}, {_G})", "g and c are swapped"),
        (
            "lambda x, h, cp, f, Wx, Wh, b: (lambda g: (g, f * cp + g))"
            "(sigmoid(x @ Wx + h @ Wh + b))",
            "sigmoid where tanh belongs",
        ),
        (
            "lambda x, h, cp, f, Wx, Wh, b: (lambda g: (g, f * cp + g))(x @ Wx + h @ Wh + b)",
            "the activation tanh is missing",
        ),
    ],
    "4.2": [
        ("lambda dc, f, g: (dc / 2 * f, dc / 2 * (1 - g**2))", "does not halve"),
        ("lambda dc, f, g: (dc, dc * (1 - g**2))", "after the + node comes"),
        ("lambda dc, f, g: (dc * g, dc * (1 - g**2))", "not by g"),
        ("lambda dc, f, g: (dc @ f, dc * (1 - g**2))", "a matrix product where"),
        ("lambda dc, f, g: (dc * f, dc)", "the tanh node is missing"),
        ("lambda dc, f, g: (dc * f, dc * g * (1 - g))", "the sigmoid's derivative"),
        ("lambda dc, f, g: (dc * f, dc * (1 - np.tanh(g) ** 2))", "already tanh's output"),
        ("lambda dc, f, g: (dc * f, dc * f * (1 - g**2))", "no factor f"),
        ("lambda dc, f, g: (dc * f, dc * (1 - g) ** 2)", "not (1 - g)**2"),
        ("lambda dc, f, g: (dc * (1 - g**2), dc * f)", "dc_prev and da are swapped"),
    ],
    "4.3": [
        ("lambda n, s: s * n", "standard deviations do not add"),
        ("lambda n, s: s**2 * n", "that is the variance"),
        ("lambda n, s: s", "grows with the number of steps"),
        ("lambda n, s: s / np.sqrt(n)", "spread of a MEAN"),
        ("lambda n, s: 0", "the mean of c is 0"),
        ("lambda n, s: np.sqrt(s * n)", "not over n sd"),
        ("lambda n, s: s**2 * np.sqrt(n)", "not sd**2 sqrt(n)"),
        ("lambda n, s: s * n**2", "not like n**2"),
    ],
}
