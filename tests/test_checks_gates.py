"""Notebook 01's checkers: typical wrong answers, each named, and right answers accepted.

The data below is run by tests/test_checks_catalogue.py (see tests/test_checks_rnn.py).
"""

from lstm_lib.course.checks import gates

CHECKERS = {
    "1.1": gates.check_apply_gate,
    "1.2": gates.check_gate_backward,
    "1.3": gates.check_sigmoid_chain,
}

RIGHT = {
    "1.1": [
        "lambda v, x, h, Wx, Wh, b: sigmoid(x @ Wx + h @ Wh + b) * v",
        "lambda v, x, h, Wx, Wh, b: "
        "np.multiply(v, 1 / (1 + np.exp(-(np.dot(x, Wx) + h.dot(Wh) + b))))",
        "lambda v, x, h, Wx, Wh, b: Gate(Wx, Wh, b).forward(x, h) * v",
    ],
    "1.2": [
        "lambda dy, y, x, h, Wx, Wh: (lambda da: (da @ Wx.T, da @ Wh.T, x.T @ da, h.T @ da, "
        "da.sum(axis=0)))(dy * y * (1 - y))",
        "lambda dy, y, x, h, Wx, Wh: (lambda da: (np.dot(da, Wx.T), np.dot(da, Wh.T), "
        "np.einsum('nd,nh->dh', x, da), np.einsum('nk,nh->kh', h, da), "
        "np.ones(len(da)) @ da))(dy * (y - y * y))",
    ],
    "1.3": ["lambda n: 0.25**n", "lambda n: float(np.prod([sigmoid(0) * (1 - sigmoid(0))] * n))"],
}

WRONG = {
    "1.1": [
        ("lambda v, x, h, Wx, Wh, b: np.tanh(x @ Wx + h @ Wh + b) * v", "tanh where sigmoid"),
        ("lambda v, x, h, Wx, Wh, b: sigmoid(x @ Wx + h @ Wh) * v", "the bias b is missing"),
        ("lambda v, x, h, Wx, Wh, b: sigmoid(x @ Wx + h @ Wh + b) @ v", "a matrix product @"),
        ("lambda v, x, h, Wx, Wh, b: sigmoid(x @ Wx + h @ Wh + b)", "v is ignored"),
        ("lambda v, x, h, Wx, Wh, b: sigmoid(x @ Wx + h @ Wh + b) + v", "v is added"),
        ("lambda v, x, h, Wx, Wh, b: sigmoid((x @ Wx + h @ Wh + b) * v)", "before the sigmoid"),
        ("lambda v, x, h, Wx, Wh, b: sigmoid(x @ Wx + h @ Wh.T + b) * v", "h_prev @ Wh.T"),
        ("lambda v, x, h, Wx, Wh, b: sigmoid(x * Wx + h * Wh + b) * v", "elementwise product *"),
        ("lambda v, x, h, Wx, Wh, b: (1 - sigmoid(x @ Wx + h @ Wh + b)) * v", "1 - openness"),
        ("lambda v, x, h, Wx, Wh, b: sigmoid(x @ Wx + b) * v", "h_prev @ Wh is missing"),
        (
            "lambda v, x, h, Wx, Wh, b: (sigmoid(x @ Wx + h @ Wh) + b) * v",
            "added after the sigmoid",
        ),
    ],
    "1.2": [
        (
            "lambda dy, y, x, h, Wx, Wh: (dy @ Wx.T, dy @ Wh.T, x.T @ dy, h.T @ dy, dy.sum(0))",
            "the sigmoid node is skipped",
        ),
        (
            "lambda dy, y, x, h, Wx, Wh: (lambda da: (da @ Wx.T, da @ Wh.T, x.T @ da, h.T @ da, "
            "da.sum(0)))(dy * (1 - y**2))",
            "tanh's derivative",
        ),
        (
            "lambda dy, y, x, h, Wx, Wh: (lambda da: (da @ Wx.T, da @ Wh.T, x.T @ da, h.T @ da, "
            "da.sum(0)))(dy * sigmoid(y) * (1 - sigmoid(y)))",
            "applies sigmoid to y again",
        ),
        (
            "lambda dy, y, x, h, Wx, Wh: (lambda da: (da @ Wx.T, da @ Wh.T, x.T @ da, h.T @ da, "
            "da))(dy * y * (1 - y))",
            "db is not summed over the batch",
        ),
        (
            "lambda dy, y, x, h, Wx, Wh: (lambda da: (da @ Wx.T, da @ Wh.T, x.T @ da, h.T @ da, "
            "da.sum(1)))(dy * y * (1 - y))",
            "summed over the wrong axis",
        ),
        (
            "lambda dy, y, x, h, Wx, Wh: (lambda da: (da @ Wx.T, da @ Wh.T, x.T @ da, h.T @ da, "
            "da.mean(0)))(dy * y * (1 - y))",
            "db is a mean",
        ),
        (
            "lambda dy, y, x, h, Wx, Wh: (lambda da: (da @ Wx.T, da @ Wh.T, da.T @ x, h.T @ da, "
            "da.sum(0)))(dy * y * (1 - y))",
            "dWx is transposed",
        ),
        (
            "lambda dy, y, x, h, Wx, Wh: (lambda da: (da @ Wx.T, da @ Wh.T, x.T @ da, da.T @ h, "
            "da.sum(0)))(dy * y * (1 - y))",
            "dWh is transposed",
        ),
        (
            "lambda dy, y, x, h, Wx, Wh: (lambda da: (da @ Wx, da @ Wh.T, x.T @ da, h.T @ da, "
            "da.sum(0)))(dy * y * (1 - y))",
            "dx multiplies by Wx, not Wx.T",
        ),
        (
            "lambda dy, y, x, h, Wx, Wh: (lambda da: (da @ Wx.T, da @ Wh, x.T @ da, h.T @ da, "
            "da.sum(0)))(dy * y * (1 - y))",
            "dh_prev multiplies by Wh, not Wh.T",
        ),
        (
            "lambda dy, y, x, h, Wx, Wh: (lambda da: (da @ Wh.T, da @ Wx.T, x.T @ da, h.T @ da, "
            "da.sum(0)))(dy * y * (1 - y))",
            "dx and dh_prev are swapped",
        ),
    ],
    "1.3": [
        ("lambda n: 1", "largest slope of tanh"),
        ("lambda n: 0.25", "bounds one sigmoid node"),
        ("lambda n: n / 4", "are added"),
        ("lambda n: 0.5**n", "sigmoid(0), the value"),
        ("lambda n: 0.25 ** (n - 1)", "one factor too few"),
        ("lambda n: 0.25 ** (n + 1)", "one factor too many"),
        ("lambda n: 4**n", "the reciprocal"),
        ("lambda n: 0.75**n", "0.75 = 1 - 1/4"),
    ],
}
