"""Checkers for notebook 05, the input gate and the complete cell.

* ``check_lstm_cell_forward`` (Exercise 5.1): one LSTM step from the four parts,
  c = f ⊙ c_prev + g ⊙ i, h = o ⊙ tanh(c).
* ``check_preactivation_grads`` (Exercise 5.2): the backward of one step down to the
  four pre-activations a_f, a_g, a_i, a_o (what the fused LSTM of notebook 07 concatenates
  into dA), and dc_prev.
* ``check_memory_left`` (Exercise 5.3): what is left of a written value after some steps.

Each exercise is data (the reference, the cases, the table of typical mistakes) walked by
``lstm_lib.course.checks._core.run``.
"""

import numpy as np

from ...functions import sigmoid, tanh
from ._core import Case, Exercise, Mistake, run

__all__ = ["check_lstm_cell_forward", "check_memory_left", "check_preactivation_grads"]

_ORDER = ("f", "g", "i", "o")
_ACTS = {"f": sigmoid, "g": tanh, "i": sigmoid, "o": sigmoid}


def _cell(acts=None, bias="fgio", swap_gi=False, c_rule=None, h_rule=None, affine=None):
    """lstm_cell_forward, right or with one typical mistake."""
    acts = {**_ACTS, **(acts or {})}
    affine = affine or (lambda x, h_prev, Wx, Wh: x @ Wx + h_prev @ Wh)
    c_rule = c_rule or (lambda f, g, i, c_prev: f * c_prev + g * i)
    h_rule = h_rule or (lambda o, c, c_prev: o * tanh(c))

    def forward(x, h_prev, c_prev, parts):
        if swap_gi:
            parts = dict(parts, g=parts["i"], i=parts["g"])
        a = {
            k: affine(x, h_prev, Wx, Wh) + (b if k in bias else 0)
            for k, (Wx, Wh, b) in parts.items()
        }
        f, g, i, o = (acts[k](a[k]) for k in _ORDER)
        c = c_rule(f, g, i, c_prev)
        return h_rule(o, c, c_prev), c

    return forward


_BIAS = "Each part's pre-activation is x @ Wx + h_prev @ Wh + b, with the b of that part."
CELL_MISTAKES = (
    Mistake(
        "the product with the input gate is missing: c = f ⊙ c_prev + g ⊙ i.",
        _cell(c_rule=lambda f, g, i, c: f * c + g),
    ),
    Mistake(
        "the input gate is added; it multiplies g: c = f ⊙ c_prev + g ⊙ i.",
        _cell(c_rule=lambda f, g, i, c: f * c + g + i),
    ),
    Mistake(
        "the forget gate is missing: c = f ⊙ c_prev + g ⊙ i.",
        _cell(c_rule=lambda f, g, i, c: c + g * i),
    ),
    Mistake(
        "f is the fraction KEPT: c = f ⊙ c_prev + g ⊙ i, not (1 - f) ⊙ c_prev.",
        _cell(c_rule=lambda f, g, i, c: (1 - f) * c + g * i),
    ),
    Mistake(
        "the two terms are multiplied; they are added: c = f ⊙ c_prev + g ⊙ i.",
        _cell(c_rule=lambda f, g, i, c: f * c * g * i),
    ),
    Mistake(
        "a matrix product @ where ⊙ is elementwise: f * c_prev.",
        _cell(c_rule=lambda f, g, i, c: f @ c + g * i),
    ),
    Mistake("tanh for the input gate; a gate needs sigmoid.", _cell({"i": tanh})),
    Mistake("tanh for the forget gate; a gate needs sigmoid.", _cell({"f": tanh})),
    Mistake("tanh for the output gate; a gate needs sigmoid.", _cell({"o": tanh})),
    Mistake("sigmoid for g; g is information and needs tanh.", _cell({"g": sigmoid})),
    Mistake(
        "the weight sets of g and i are swapped: g = tanh(...) uses parts['g'], i = σ(...) "
        "uses parts['i'].",
        _cell(swap_gi=True),
    ),
    Mistake(
        "x @ Wx.T: a transpose too many; each part's Wx is (D, H), and x (N, D) @ Wx gives "
        "(N, H) as it is.",
        _cell(affine=lambda x, h_prev, Wx, Wh: x @ Wx.T + h_prev @ Wh),
    ),
    Mistake(
        "h_prev @ Wh.T: a transpose too many; each part's Wh is (H, H), and h_prev (N, H) @ Wh "
        "is the product the forward pass needs.",
        _cell(affine=lambda x, h_prev, Wx, Wh: x @ Wx + h_prev @ Wh.T),
    ),
    Mistake("the biases are missing. " + _BIAS, _cell(bias="")),
    *(
        Mistake(f"the bias of {k} is missing. " + _BIAS, _cell(bias="fgio".replace(k, "")))
        for k in _ORDER
    ),
    Mistake(
        "the tanh of the cell is missing: h = o ⊙ tanh(c).", _cell(h_rule=lambda o, c, cp: o * c)
    ),
    Mistake("the output gate is missing: h = o ⊙ tanh(c).", _cell(h_rule=lambda o, c, cp: tanh(c))),
    Mistake(
        "h uses the old cell c_prev; use the new cell c.",
        _cell(h_rule=lambda o, c, cp: o * tanh(cp)),
    ),
    Mistake("h = o ⊙ tanh(c), nothing added.", _cell(h_rule=lambda o, c, cp: o * tanh(c) + c)),
)


def _parts(rng, D, H, zero_g=False):
    parts = {
        k: (
            0.8 * rng.standard_normal((D, H)),
            0.8 * rng.standard_normal((H, H)),
            0.8 * rng.standard_normal(H),
        )
        for k in _ORDER
    }
    if zero_g:
        parts["g"] = (np.zeros((D, H)), np.zeros((H, H)), np.zeros(H))
    return parts


_CELL_CASES = (
    (3, 3, 3, "with x = 0, h_prev = 0 and c_prev = 0 (c = g ⊙ i from the biases)"),
    (3, 3, 3, "with c_prev = 0 (so c = g ⊙ i)"),
    (3, 3, 3, "with g switched off (its weights 0, so c = f ⊙ c_prev)"),
    (3, 3, 3, "for N = D = H = 3"),
    (3, 4, 5, "for N = 3, D = 4, H = 5"),
    (4, 5, 2, "for N = 4, D = 5, H = 2"),
)


def _cell_cases(rng):
    cases = []
    for k, (N, D, H, label) in enumerate(_CELL_CASES):
        x, h_prev = rng.standard_normal((N, D)), rng.standard_normal((N, H))
        c_prev = np.zeros((N, H)) if k < 2 else 2.0 * rng.standard_normal((N, H))
        if k == 0:
            x, h_prev = 0 * x, 0 * h_prev
        cases.append(Case(label, (x, h_prev, c_prev, _parts(rng, D, H, zero_g=k == 2))))
    return cases


LSTM_CELL_FORWARD = Exercise(
    label="5.1",
    function="lstm_cell_forward",
    outputs=("h", "c"),
    reference=_cell(),
    cases=_cell_cases,
    mistakes=CELL_MISTAKES,
    hint="Compute each part from its own weights in parts, then the new cell from f, g, i and "
    "c_prev, then h from o and the new cell.",
    success="lstm_cell_forward gives c = f ⊙ c_prev + g ⊙ i and h = o ⊙ tanh(c)",
    compare=(1, 0),
)


def check_lstm_cell_forward(lstm_cell_forward, seed=None):
    """Exercise 5.1: ``lstm_cell_forward(x, h_prev, c_prev, parts) -> (h, c)``, ``parts`` a
    dict ``{"f": (Wx, Wh, b), "g": ..., "i": ..., "o": ...}``."""
    run(LSTM_CELL_FORWARD, lstm_cell_forward, seed)


# --------------------------------------------------------------------------- Exercise 5.2


def _grads(through_h=True, carried=True, order=(0, 1, 2, 3, 4), **changed):
    """preactivation_grads, right or with one typical mistake (a replaced rule)."""
    rules = {
        "dc": lambda dh, dcn, o, tc, c: (
            (dcn if carried else 0) + (dh * o * (1 - tc**2) if through_h else 0)
        ),
        "da_f": lambda dc, dh, f, g, i, o, cp, c, tc: dc * cp * f * (1 - f),
        "da_g": lambda dc, dh, f, g, i, o, cp, c, tc: dc * i * (1 - g**2),
        "da_i": lambda dc, dh, f, g, i, o, cp, c, tc: dc * g * i * (1 - i),
        "da_o": lambda dc, dh, f, g, i, o, cp, c, tc: dh * tc * o * (1 - o),
        "dc_prev": lambda dc, dh, f, g, i, o, cp, c, tc: dc * f,
        **changed,
    }

    def grads(dh, dc_next, f, g, i, o, c_prev, c):
        tc = np.tanh(c)
        dc = rules["dc"](dh, dc_next, o, tc, c)
        names = ("da_f", "da_g", "da_i", "da_o", "dc_prev")
        out = [rules[n](dc, dh, f, g, i, o, c_prev, c, tc) for n in names]
        return tuple(out[k] for k in order)

    return grads


_OTHER = "a ⊙ node passes the gradient times the OTHER input"
GRADS_MISTAKES = (
    Mistake(
        "the blocks are in PyTorch's order i, f, g, o; return (da_f, da_g, da_i, da_o, dc_prev).",
        _grads(order=(2, 0, 1, 3, 4)),
    ),
    Mistake(
        "the blocks are in the order i, f, o, g (CS231n's); return "
        "(da_f, da_g, da_i, da_o, dc_prev).",
        _grads(order=(2, 0, 3, 1, 4)),
    ),
    Mistake(
        "the gradient dc_next from the next step is missing: "
        "dc = dc_next + dh ⊙ o ⊙ (1 - tanh²(c)).",
        _grads(carried=False),
    ),
    Mistake(
        "the stream through h is missing: dc = dc_next + dh ⊙ o ⊙ (1 - tanh²(c)).",
        _grads(through_h=False),
    ),
    Mistake(
        "the stream through h uses 1 - c²; the derivative of tanh(c) is 1 - tanh²(c).",
        _grads(dc=lambda dh, dcn, o, tc, c: dcn + dh * o * (1 - c**2)),
    ),
    Mistake(
        "the stream through h skips the tanh node: multiply by 1 - tanh²(c).",
        _grads(dc=lambda dh, dcn, o, tc, c: dcn + dh * o),
    ),
    Mistake(
        "dc_prev is dc itself: the ⊙ f node multiplies the gradient by f on the way back.",
        _grads(dc_prev=lambda dc, dh, f, g, i, o, cp, c, tc: dc),
    ),
    Mistake(
        "the cell path has no sigmoid: dc_prev = dc ⊙ f only.",
        _grads(dc_prev=lambda dc, dh, f, g, i, o, cp, c, tc: dc * f * (1 - f)),
    ),
    Mistake(
        "da_g uses the sigmoid's derivative g(1 - g); g is a tanh, its derivative is 1 - g².",
        _grads(da_g=lambda dc, dh, f, g, i, o, cp, c, tc: dc * i * g * (1 - g)),
    ),
    Mistake(
        "da_g lacks the activation: multiply by tanh' = 1 - g².",
        _grads(da_g=lambda dc, dh, f, g, i, o, cp, c, tc: dc * i),
    ),
    Mistake(
        f"da_g: {_OTHER}: dg = dc ⊙ i, not dc ⊙ g.",
        _grads(da_g=lambda dc, dh, f, g, i, o, cp, c, tc: dc * g * (1 - g**2)),
    ),
    Mistake(
        "da_i uses tanh's derivative 1 - i²; i is a sigmoid, its derivative is i(1 - i).",
        _grads(da_i=lambda dc, dh, f, g, i, o, cp, c, tc: dc * g * (1 - i**2)),
    ),
    Mistake(
        f"da_i: {_OTHER}: di = dc ⊙ g, not dc ⊙ i.",
        _grads(da_i=lambda dc, dh, f, g, i, o, cp, c, tc: dc * i * i * (1 - i)),
    ),
    Mistake(
        "da_f lacks the activation: multiply by σ' = f(1 - f).",
        _grads(da_f=lambda dc, dh, f, g, i, o, cp, c, tc: dc * cp),
    ),
    Mistake(
        f"da_f: {_OTHER}: df = dc ⊙ c_prev, not dc ⊙ f.",
        _grads(da_f=lambda dc, dh, f, g, i, o, cp, c, tc: dc * f * f * (1 - f)),
    ),
    Mistake(
        "da_f uses c; the input of the ⊙ f node is c_prev.",
        _grads(da_f=lambda dc, dh, f, g, i, o, cp, c, tc: dc * c * f * (1 - f)),
    ),
    Mistake(
        "da_o lacks the activation: multiply by σ' = o(1 - o).",
        _grads(da_o=lambda dc, dh, f, g, i, o, cp, c, tc: dh * tc),
    ),
    Mistake(
        "h = o ⊙ tanh(c), so do = dh ⊙ tanh(c), not dh ⊙ c.",
        _grads(da_o=lambda dc, dh, f, g, i, o, cp, c, tc: dh * c * o * (1 - o)),
    ),
    Mistake(
        "the output gate only sees dh (it feeds h, not c): do = dh ⊙ tanh(c).",
        _grads(da_o=lambda dc, dh, f, g, i, o, cp, c, tc: dc * tc * o * (1 - o)),
    ),
)


def _grads_cases(rng):
    cases = []
    for N, H, label in (
        (3, 3, "with dh = 0 (only dc_next)"),
        (3, 3, "with dc_next = 0 (only the stream through h)"),
        (3, 3, "with both streams"),
        (2, 5, "for N = 2, H = 5"),
    ):
        f, i, o = (sigmoid(1.5 * rng.standard_normal((N, H))) for _ in range(3))
        g, c_prev = tanh(1.5 * rng.standard_normal((N, H))), 1.5 * rng.standard_normal((N, H))
        dh, dc_next = rng.standard_normal((N, H)), rng.standard_normal((N, H))
        dh, dc_next = (
            (0 * dh if "dh = 0" in label else dh),
            (0 * dc_next if "dc_next = 0" in label else dc_next),
        )
        cases.append(Case(label, (dh, dc_next, f, g, i, o, c_prev, f * c_prev + g * i)))
    return cases


PREACTIVATION_GRADS = Exercise(
    label="5.2",
    function="preactivation_grads",
    outputs=("da_f", "da_g", "da_i", "da_o", "dc_prev"),
    reference=_grads(),
    cases=_grads_cases,
    mistakes=GRADS_MISTAKES,
    hint="Add the two streams that reach c (the one from the next step and the one through "
    "h), then go back through each ⊙ node (times the other input) and each activation "
    "(its derivative written with its output).",
    success="both streams meet at c and every ⊙ node and activation is right",
    compare=(4, 1, 2, 0, 3),
)


def check_preactivation_grads(preactivation_grads, seed=None):
    """Exercise 5.2: ``preactivation_grads(dh, dc_next, f, g, i, o, c_prev, c)`` ->
    ``(da_f, da_g, da_i, da_o, dc_prev)``."""
    run(PREACTIVATION_GRADS, preactivation_grads, seed)


# --------------------------------------------------------------------------- Exercise 5.3

MEMORY_MISTAKES = (
    Mistake(
        "one factor f too few: k steps after the write multiply by f k times.",
        lambda g, f, k: g * f ** (k - 1),
    ),
    Mistake(
        "one factor f too many: the write comes first, then k steps multiply by f.",
        lambda g, f, k: g * f ** (k + 1),
    ),
    Mistake(
        "with i = 0 nothing new is written, but f ⊙ c still acts at every step.", lambda g, f, k: g
    ),
    Mistake(
        "f is the fraction KEPT per step, 1 - f the fraction erased.",
        lambda g, f, k: g * (1 - f) ** k,
    ),
    Mistake("the written value g ⊙ i = g is missing: multiply by it.", lambda g, f, k: f**k),
    Mistake(
        "the forget gate multiplies at every step (f**k); it does not subtract a fixed amount.",
        lambda g, f, k: g * (1 - k * (1 - f)),
    ),
    Mistake("f acts once per step, k times in all: f**k, not f * k.", lambda g, f, k: g * f * k),
    Mistake(
        "only one step of forgetting is counted: f acts at every one of the k steps.",
        lambda g, f, k: g * f,
    ),
    Mistake(
        "the written value is multiplied by the gate, not added to it: the forget gate "
        "scales what is in the cell.",
        lambda g, f, k: g + f**k,
    ),
)


def _memory_cases(rng):
    cases = [Case("for g = 0.8, f = 0.95, steps = 10", (0.8, 0.95, 10))]
    for _ in range(3):
        g, f, k = rng.uniform(-0.95, 0.95), rng.uniform(0.5, 0.99), int(rng.integers(3, 40))
        cases.append(Case(f"for g = {g:.4g}, f = {f:.4g}, steps = {k}", (g, f, k)))
    return cases


MEMORY_LEFT = Exercise(
    label="5.3",
    function="memory_left",
    outputs=("memory_left(g, f, steps)",),
    reference=lambda g, f, steps: g * f**steps,
    cases=_memory_cases,
    mistakes=MEMORY_MISTAKES,
    hint="Write the cell's update for each step and see which factor repeats.",
    success="c after the steps is g * f**steps",
    kind="number",
)


def check_memory_left(memory_left, seed=None):
    """Exercise 5.3: ``memory_left(g, f, steps)``: c after writing g (i = 1) into an empty
    cell, then ``steps`` steps with i = 0 and forget gate f: g * f**steps."""
    run(MEMORY_LEFT, memory_left, seed)
