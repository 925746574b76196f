"""Notebook 02's checkers: typical wrong answers, each named, and right answers accepted.

The data below is run by tests/test_checks_catalogue.py (see tests/test_checks_rnn.py).
"""

from lstm_lib.course.checks import output_gate

CHECKERS = {"2.1": output_gate.check_output_gate, "2.2": output_gate.check_output_backward}

_O = "sigmoid(x @ Wx + h @ Wh + b)"
RIGHT = {
    "2.1": [
        f"lambda x, h, c, Wx, Wh, b: ({_O}, {_O} * np.tanh(c))",
        "lambda x, h, c, Wx, Wh, b: (lambda o: (o, np.multiply(o, np.tanh(c))))"
        "(0.5 * (1 + np.tanh(0.5 * (np.dot(x, Wx) + np.dot(h, Wh) + b))))",
    ],
    "2.2": [
        "lambda dh, o, c: (dh * np.tanh(c), dh * o * (1 - np.tanh(c) ** 2))",
        "lambda dh, o, c: (dh * np.tanh(c), dh * o / np.cosh(c) ** 2)",
    ],
}

WRONG = {
    "2.1": [
        (f"lambda x, h, c, Wx, Wh, b: ({_O}, {_O} @ np.tanh(c))", "a matrix product (@)"),
        (f"lambda x, h, c, Wx, Wh, b: ({_O}, {_O} * c)", "the tanh of the memory is missing"),
        (f"lambda x, h, c, Wx, Wh, b: ({_O}, {_O})", "the product with tanh(c) is missing"),
        (f"lambda x, h, c, Wx, Wh, b: ({_O}, np.tanh(c))", "the output gate is missing"),
        (f"lambda x, h, c, Wx, Wh, b: ({_O}, np.tanh({_O} * c))", "squash c first"),
        (f"lambda x, h, c, Wx, Wh, b: ({_O}, {_O} + np.tanh(c))", "a sum where the gate"),
        (f"lambda x, h, c, Wx, Wh, b: ({_O} * np.tanh(c), {_O})", "o and h are swapped"),
        (
            "lambda x, h, c, Wx, Wh, b: (lambda o: (o, o * np.tanh(c)))"
            "(np.tanh(x @ Wx + h @ Wh + b))",
            "tanh where sigmoid belongs",
        ),
        (
            "lambda x, h, c, Wx, Wh, b: (lambda o: (o, o * np.tanh(c)))(sigmoid(x @ Wx + h @ Wh))",
            "the bias b is missing",
        ),
        (
            "lambda x, h, c, Wx, Wh, b: (lambda o: (o, o * np.tanh(c)))"
            "(sigmoid(x * Wx + h * Wh + b))",
            "elementwise product *",
        ),
        (f"lambda x, h, c, Wx, Wh, b: ({_O}, {_O} * sigmoid(c))", "squashed with sigmoid"),
        (f"lambda x, h, c, Wx, Wh, b: ({_O}, (1 - {_O}) * np.tanh(c))", "multiplies by 1 - o"),
    ],
    "2.2": [
        ("lambda dh, o, c: (dh * o, dh * o * (1 - np.tanh(c) ** 2))", "do got o"),
        ("lambda dh, o, c: (dh * c, dh * o * (1 - np.tanh(c) ** 2))", "not by c itself"),
        ("lambda dh, o, c: (dh, dh * o * (1 - np.tanh(c) ** 2))", "dh must be scaled"),
        ("lambda dh, o, c: (dh @ np.tanh(c), dh * o * (1 - np.tanh(c) ** 2))", "a matrix product"),
        ("lambda dh, o, c: (dh * np.tanh(c), dh * o)", "the tanh node is missing"),
        ("lambda dh, o, c: (dh * np.tanh(c), dh * o * (1 - c**2))", "not 1 - c**2"),
        (
            "lambda dh, o, c: (dh * np.tanh(c), dh * o * np.tanh(c) * (1 - np.tanh(c)))",
            "the sigmoid's derivative",
        ),
        ("lambda dh, o, c: (dh * np.tanh(c), dh * (1 - np.tanh(c) ** 2))", "the factor o"),
        ("lambda dh, o, c: (dh * np.tanh(c), dh * o * (1 - np.tanh(c)) ** 2)", "(1 - tanh(c))**2"),
        (
            "lambda dh, o, c: (dh * o * (1 - np.tanh(c) ** 2), dh * np.tanh(c))",
            "do and dc are swapped",
        ),
        (
            "lambda dh, o, c: (dh * np.tanh(c) * o * (1 - o), dh * o * (1 - np.tanh(c) ** 2))",
            "went on through the sigmoid",
        ),
    ],
}
