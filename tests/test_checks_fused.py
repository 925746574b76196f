"""Notebook 07's checkers: typical wrong answers, each named, and right answers accepted.

The data below is run by tests/test_checks_catalogue.py (see tests/test_checks_rnn.py).
"""

from lstm_lib.course.checks import fused

CHECKERS = {
    "7.1": fused.check_fused_lstm_step,
    "7.2": fused.check_run_sequence,
    "7.3": fused.check_backward_through_time,
}


def _step(
    A="x @ Wx + hp @ Wh + b",
    blocks="f, g, i, o",
    acts="sigmoid, np.tanh, sigmoid, sigmoid",
    c="f * cp + g * i",
    h="o * np.tanh(c)",
    cut="A[:, k * H : (k + 1) * H]",
):
    """A student's fused_lstm_step with one expression changed."""
    return f"""def fused_lstm_step(x, hp, cp, Wx, Wh, b):
    H = hp.shape[1]
    A = {A}
    {blocks} = ({cut} for k in range(4))
    sf, sg, si, so = {acts}
    f, g, i, o = sf(f), sg(g), si(i), so(o)
    c = {c}
    return {h}, c"""


def _seq(h_in="h", c_in="c", keep="h", x="xs[:, t]", loop="range(T)", axis=1, after=""):
    """A student's run_sequence with one expression changed."""
    return f"""def run_sequence(xs, Wx, Wh, b):
    N, T, D = xs.shape
    H = Wh.shape[0]
    h, c = np.zeros((N, H)), np.zeros((N, H))
    hs = []
    for t in {loop}:
        h_new, c_new = LSTM(Wx, Wh, b).forward({x}, {h_in}, {c_in})
        hs.append({keep})
        h, c = h_new, c_new
    {after}
    return np.stack(hs, axis={axis})"""


def _bptt(
    dh_in="dhs[:, t] + dh",
    carry="dh, dc = dh_prev, dc_prev",
    add="total += g",
    loop="reversed(range(T))",
    ret="np.stack(dxs, axis=1), *totals",
    fill="dxs[t] = dx",
):
    """A student's backward_through_time with one expression changed."""
    return f"""def backward_through_time(steps, dhs):
    N, T, H = dhs.shape
    dh, dc = np.zeros((N, H)), np.zeros((N, H))
    dxs = [None] * T
    totals = [np.zeros_like(p) for p in steps[0].params]
    for t in {loop}:
        dx, dh_prev, dc_prev = steps[t].backward({dh_in}, dc)
        {fill}
        {carry}
        for total, g in zip(totals, steps[t].grads):
            {add}
    return {ret}"""


RIGHT = {
    "7.1": [
        _step(),
        """def fused_lstm_step(x, h_prev, c_prev, Wx, Wh, b):
    f, g, i, o = np.split(np.dot(x, Wx) + np.dot(h_prev, Wh) + b, 4, axis=1)
    c = sigmoid(f) * c_prev + np.tanh(g) * sigmoid(i)
    return sigmoid(o) * np.tanh(c), c""",
        """def fused_lstm_step(x, h_prev, c_prev, Wx, Wh, b):
    return LSTM(Wx, Wh, b).forward(x, h_prev, c_prev)""",
    ],
    "7.2": [
        _seq(h_in="h", keep="h_new"),
        """def run_sequence(xs, Wx, Wh, b):
    layer = TimeLSTM(Wx, Wh, b)
    return layer.forward(xs)""",
    ],
    "7.3": [
        _bptt(),
        """def backward_through_time(steps, dhs):
    N, T, H = dhs.shape
    dh = dc = 0
    dxs = np.zeros((N, T, steps[0].params[0].shape[0]))
    grads = [0 * p for p in steps[0].params]
    for t in range(T - 1, -1, -1):
        dxs[:, t], dh, dc = steps[t].backward(dhs[:, t] + dh, dc + np.zeros((N, H)))
        grads = [a + g for a, g in zip(grads, steps[t].grads)]
    return (dxs, *grads)""",
    ],
}

WRONG = {
    "7.1": [
        (_step(blocks="i, f, g, o"), "PyTorch's and Keras's order"),
        (_step(blocks="i, f, o, g"), "CS231n's order"),
        (_step(blocks="f, i, g, o"), "the order f, i, g, o"),
        (_step(acts="sigmoid, np.tanh, np.tanh, sigmoid"), "tanh for i"),
        (_step(acts="np.tanh, np.tanh, sigmoid, sigmoid"), "tanh for f"),
        (_step(acts="sigmoid, np.tanh, sigmoid, np.tanh"), "tanh for o"),
        (_step(acts="sigmoid, sigmoid, sigmoid, sigmoid"), "sigmoid for g"),
        (_step(A="x @ Wx + b"), "A lacks h_prev @ Wh"),
        (_step(A="x @ Wx + hp @ Wh"), "A lacks the bias b"),
        (_step(A="x @ Wx + hp @ Wh.T + b"), "h_prev @ Wh.T: a transpose too many; the fused Wh"),
        (_step(A="np.dot(x, Wx.T) + np.dot(hp, Wh) + b"), "x @ Wx.T: a transpose too many"),
        (_step(cut="A[:, k::4]"), "every fourth column"),
        (_step(c="f * cp + g"), "the product with i is missing"),
        (_step(c="(1 - f) * cp + g * i"), "the fraction KEPT"),
        (_step(h="o * c"), "the tanh of the cell is missing"),
        (_step(h="o * np.tanh(cp)"), "h uses the old cell"),
        (
            """def fused_lstm_step(x, hp, cp, Wx, Wh, b):
    h, c = LSTM(Wx, Wh, b).forward(x, hp, cp)
    return c, h""",
            "h and c are swapped",
        ),
    ],
    "7.2": [
        (_seq(h_in="0 * h", keep="h_new"), "h is not carried"),
        (_seq(c_in="0 * c", keep="h_new"), "the memory cell is not carried"),
        (_seq(h_in="0 * h", c_in="0 * c", keep="h_new"), "neither h nor c is carried"),
        (_seq(keep="h"), "each step's h_prev"),
        (_seq(keep="c_new"), "hs holds the cells c"),
        (_seq(keep="h_new", axis=0), "time-major"),
        (_seq(keep="h_new", x="xs[t]"), "xs[t] reads row t"),
        (_seq(keep="h_new", loop="reversed(range(T))", after="hs = hs[::-1]"), "backwards in time"),
    ],
    "7.3": [
        (_bptt(add="total[...] = g"), "only one step's weight gradients"),
        (_bptt(carry="dc = dc_prev"), "dh_prev is dropped between steps"),
        (_bptt(carry="dh = dh_prev"), "dc_prev is dropped between steps"),
        (_bptt(loop="range(T)"), "the loop runs forward in time"),
        (_bptt(ret="np.stack(dxs, axis=1), *[g / T for g in totals]"), "averaged over the steps"),
        (_bptt(dh_in="(dhs[:, t] if t == T - 1 else 0) + dh"), "only the last step receives dhs"),
        (_bptt(fill="dxs[T - 1 - t] = dx"), "reversed time order"),
        (_bptt(ret="np.stack(dxs, axis=0), *totals"), "stacked time-major"),
    ],
}
