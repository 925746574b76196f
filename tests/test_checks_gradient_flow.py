"""Notebook 06's checkers: typical wrong answers, each named, and right answers accepted.

The data below is run by tests/test_checks_catalogue.py (see tests/test_checks_rnn.py).
"""

from lstm_lib.course.checks import gradient_flow

CHECKERS = {
    "6.1": gradient_flow.check_cell_path_backward,
    "6.2": gradient_flow.check_steps_to_halve,
}


def _path(loop="reversed(range(T))", add="dc + dl[:, t]", store="dc", gate="fs[:, t]", ret="dcs"):
    """A student's cell_path_backward with one expression changed."""
    return f"""def cell_path_backward(dl, fs):
    N, T, H = dl.shape
    dcs = np.zeros((N, T + 1, H))
    dc = np.zeros((N, H))
    for t in {loop}:
        dc = {add}
        dcs[:, t + 1] = {store}
        dc = dc * {gate}
    dcs[:, 0] = dc
    return {ret}"""


RIGHT = {
    "6.1": [
        _path(),
        """def cell_path_backward(dc_local, fs):
    N, T, H = dc_local.shape
    out = [dc_local[:, -1]]
    for t in range(T - 1, 0, -1):
        out.append(dc_local[:, t - 1] + fs[:, t] * out[-1])
    out.append(fs[:, 0] * out[-1])
    return np.stack(out[::-1], axis=1)""",
    ],
    "6.2": [
        "lambda b: int(np.ceil(np.log(0.5) / np.log(sigmoid(b)) - 1e-9))",
        "lambda b: next(k for k in range(1, 10**6) if sigmoid(b) ** k <= 0.5)",
    ],
}

WRONG = {
    "6.1": [
        (_path(gate="fs[:, t - 1]"), "the gate of step t"),
        (_path(gate="fs[:, (t + 1) % T]"), "the gate of the step after"),
        (_path(add="dl[:, t]"), "replaced by each cell's own"),
        (_path(add="dc + (dl[:, t] if t == T - 1 else 0)"), "only the last cell's own gradient"),
        (_path(gate="fs[:, t] * (1 - fs[:, t])"), "the sigmoid's derivative"),
        (_path(gate="1"), "the ⊙ f node is skipped"),
        (_path(loop="range(T)"), "the loop runs forward in time"),
        (_path(store="dc * fs[:, t]"), "stored after the multiplication"),
        (_path(ret="dcs[:, 1:]"), "dcs[:, 0], the gradient on the initial cell c_0, is missing"),
    ],
    "6.2": [
        ("lambda b: int(np.log(0.5) / np.log(sigmoid(b)))", "it is rounded down"),
        ("lambda b: round(np.log(0.5) / np.log(sigmoid(b)))", "nearest whole number"),
        ("lambda b: np.log(0.5) / np.log(sigmoid(b))", "not a whole number"),
        (
            "lambda b: int(np.ceil(np.log(0.5) / np.log(sigmoid(b) * (1 - sigmoid(b)))))",
            "it uses σ'(b)",
        ),
        ("lambda b: int(np.ceil(np.log(0.5) / np.log(1 - sigmoid(b))))", "the fraction erased"),
        ("lambda b: int(np.ceil(np.log(0.5) / np.log(np.tanh(b))))", "it uses tanh(b)"),
        ("lambda b: int(np.ceil(0.5 / (1 - sigmoid(b))))", "linear decay"),
        ("lambda b: np.log(sigmoid(b)) / np.log(0.5)", "upside down"),
    ],
}
