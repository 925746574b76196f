r"""Checkers for notebook 05, the input gate and the complete cell.

* :func:`check_lstm_cell_forward` (Exercise 5.1): one LSTM step from the four parts,
  :math:`c = f \odot c_{prev} + g \odot i`, :math:`h = o \odot \tanh(c)`.
* :func:`check_preactivation_grads` (Exercise 5.2): the backward of one step down to the
  four pre-activations :math:`a_f, a_g, a_i, a_o` (what the fused LSTM of notebook 07
  concatenates into dA), and :math:`dc_{prev}`.

Each checker tests one term at a time: first with inputs that switch the other terms off
(c_prev = 0, or g = 0, or dh = 0, ...), then the full expression. When an answer is wrong
it is compared with the typical mistakes, and the message names the one it matches.
"""

import numpy as np

from ..cell import LSTMCell
from ..functions import sigmoid, tanh
from ._core import call, diagnose, expect_array, mistake, passed, unpack

_ORDER = ("f", "g", "i", "o")


def _random_parts(rng, D, H, scale=0.8):
    return {
        gate: (
            scale * rng.standard_normal((D, H)),
            scale * rng.standard_normal((H, H)),
            scale * rng.standard_normal(H),
        )
        for gate in _ORDER
    }


def _preacts(x, h_prev, parts):
    return {gate: x @ Wx + h_prev @ Wh + b for gate, (Wx, Wh, b) in parts.items()}


# --------------------------------------------------------------------------- Exercise 5.1


def check_lstm_cell_forward(lstm_cell_forward, exercise="5.1"):
    r"""Check ``lstm_cell_forward(x, h_prev, c_prev, parts) -> (h, c)``.

    ``parts`` is ``{"f": (Wx, Wh, b), "g": ..., "i": ..., "o": ...}``. Tested in turn:
    c with c_prev = 0 (so c = g ⊙ i), first from the biases alone (x = 0, h_prev = 0), then
    with all terms; c with g switched off (so c = f ⊙ c_prev); the full c; and
    h = o ⊙ tanh(c).
    """
    rng = np.random.default_rng(51)
    N, D, H = 3, 4, 5
    parts = _random_parts(rng, D, H)
    x = rng.standard_normal((N, D))
    h_prev = rng.standard_normal((N, H))
    c_prev = 2.0 * rng.standard_normal((N, H))

    def run(x, h_prev, c_prev, parts):
        parts = {k: tuple(w.copy() for w in v) for k, v in parts.items()}
        result = call(exercise, lstm_cell_forward, x, h_prev, c_prev, parts)
        return unpack(exercise, result, ("h", "c"))

    def c_of(x, h_prev, parts):
        """c with c_prev = 0 (so c = g ⊙ i) for these inputs and parts."""
        return LSTMCell(parts).forward(x, h_prev, np.zeros((N, H)))[1]

    def without_bias(*gates):
        return {
            k: (Wx, Wh, 0 * b) if k in gates else (Wx, Wh, b) for k, (Wx, Wh, b) in parts.items()
        }

    no_bias = (
        "did you forget + b? Each part's pre-activation is x @ Wx + h_prev @ Wh + b, with "
        "the b of that part."
    )

    # 1. c_prev = 0: only the new information term g ⊙ i is left; first with x = 0 and
    # h_prev = 0, so that only the biases are left, then with all terms.
    zeros = np.zeros((N, H))
    for inputs, stage in (
        (
            (np.zeros((N, D)), zeros),
            "x = 0, h_prev = 0 and c_prev = 0, so c = g ⊙ i from the biases",
        ),
        ((x, h_prev), "c_prev = 0, so c = g ⊙ i"),
    ):
        a = _preacts(*inputs, parts)
        g, i = tanh(a["g"]), sigmoid(a["i"])
        _, c = run(*inputs, zeros, parts)
        diagnose(
            exercise,
            f"c (with {stage})",
            c,
            g * i,
            [
                (
                    g,
                    "it equals g alone: did you forget the Hadamard product with the input gate i?",
                ),
                (g + i, "it equals g + i: the input gate multiplies g (⊙), it is not added."),
                (
                    g * tanh(a["i"]),
                    "it equals g ⊙ tanh(a_i): did you use tanh where the input gate needs sigmoid?",
                ),
                (
                    sigmoid(a["g"]) * i,
                    "it equals σ(a_g) ⊙ i: g is information and needs tanh, not sigmoid.",
                ),
                (i, "it equals i alone: the input gate selects g, so c gets g ⊙ i."),
                (
                    c_of(*inputs, dict(parts, g=parts["i"], i=parts["g"])),
                    "it matches g computed with parts['i'] and i with parts['g']: the weight "
                    "sets of g and i are swapped. g = tanh(...) uses parts['g'], i = σ(...) "
                    "uses parts['i'].",
                ),
                (
                    c_of(*inputs, without_bias(*_ORDER)),
                    "the biases are missing (at least the one of g): " + no_bias,
                ),
                (c_of(*inputs, without_bias("g")), "the bias of g is missing: " + no_bias),
                (c_of(*inputs, without_bias("i")), "the bias of i is missing: " + no_bias),
            ],
            "With c_prev = 0 the cell should be exactly g ⊙ i, g = tanh(...), i = σ(...).",
        )
    a = _preacts(x, h_prev, parts)
    f, g, i, o = sigmoid(a["f"]), tanh(a["g"]), sigmoid(a["i"]), sigmoid(a["o"])

    # 2. g switched off (its weights zero, so g = 0): only the forget term f ⊙ c_prev is left.
    no_g = dict(parts, g=(np.zeros((D, H)), np.zeros((H, H)), np.zeros(H)))
    _, c = run(x, h_prev, c_prev, no_g)
    diagnose(
        exercise,
        "c (with g = 0, so c = f ⊙ c_prev)",
        c,
        f * c_prev,
        [
            (
                c_prev,
                "it equals c_prev: did you forget the Hadamard product with the forget gate f?",
            ),
            (
                tanh(a["f"]) * c_prev,
                "it equals tanh(a_f) ⊙ c_prev: did you use tanh where the forget gate needs "
                "sigmoid?",
            ),
            (f + c_prev, "it equals f + c_prev: the forget gate multiplies c_prev (⊙)."),
            (zeros, "it is zero: did you leave out the old cell f ⊙ c_prev?"),
            (sigmoid(a["f"] - parts["f"][2]) * c_prev, "the bias of f is missing: " + no_bias),
        ],
        "With g = 0 the cell should be exactly f ⊙ c_prev, f = σ(...).",
    )

    # 3. the full cell.
    c_ref = f * c_prev + g * i
    h, c = run(x, h_prev, c_prev, parts)
    diagnose(
        exercise,
        "c",
        c,
        c_ref,
        [
            (f * c_prev + g, "it equals f ⊙ c_prev + g: the Hadamard product with i is missing."),
            (f * c_prev * g * i, "the two terms must be added: c = f ⊙ c_prev + g ⊙ i."),
        ],
        "c = f ⊙ c_prev + g ⊙ i; each part has its own weights parts['f'], parts['g'], ...",
    )

    # 4. the hidden state.
    diagnose(
        exercise,
        "h",
        h,
        o * tanh(c_ref),
        [
            (o * c_ref, "it equals o ⊙ c: did you forget the tanh of the cell?"),
            (tanh(c_ref), "it equals tanh(c): did you forget the output gate o?"),
            (o * tanh(c_prev), "it equals o ⊙ tanh(c_prev): use the new cell c, not c_prev."),
            (
                tanh(a["o"]) * tanh(c_ref),
                "it equals tanh(a_o) ⊙ tanh(c): did you use tanh where the output gate needs "
                "sigmoid?",
            ),
            (o * tanh(c_ref) + c_ref, "h = o ⊙ tanh(c), nothing added."),
            (sigmoid(a["o"] - parts["o"][2]) * tanh(c_ref), "the bias of o is missing: " + no_bias),
        ],
        "h = o ⊙ tanh(c) with the new cell c.",
    )
    passed(exercise, "lstm_cell_forward gives c = f ⊙ c_prev + g ⊙ i and h = o ⊙ tanh(c)")


# --------------------------------------------------------------------------- Exercise 5.2


def reference_preactivation_grads(dh, dc_next, f, g, i, o, c_prev, c):
    """The reference answer of Exercise 5.2: (da_f, da_g, da_i, da_o, dc_prev)."""
    tanh_c = np.tanh(c)
    dc = dc_next + dh * o * (1 - tanh_c**2)
    da_f = dc * c_prev * f * (1 - f)
    da_g = dc * i * (1 - g**2)
    da_i = dc * g * i * (1 - i)
    da_o = dh * tanh_c * o * (1 - o)
    return da_f, da_g, da_i, da_o, dc * f


def check_preactivation_grads(preactivation_grads, exercise="5.2"):
    r"""Check ``preactivation_grads(dh, dc_next, f, g, i, o, c_prev, c)``.

    It returns ``(da_f, da_g, da_i, da_o, dc_prev)``: the gradients of the loss with
    respect to the four pre-activations and to the previous cell. Tested in turn: only the
    stream from the next step (dh = 0), only the stream through h (dc_next = 0), both.
    """
    rng = np.random.default_rng(52)
    N, H = 3, 4
    f, i, o = (sigmoid(1.5 * rng.standard_normal((N, H))) for _ in range(3))
    g = tanh(1.5 * rng.standard_normal((N, H)))
    c_prev = 1.5 * rng.standard_normal((N, H))
    c = f * c_prev + g * i
    tanh_c = np.tanh(c)
    names = ("da_f", "da_g", "da_i", "da_o", "dc_prev")

    def run(dh, dc_next):
        result = call(exercise, preactivation_grads, dh, dc_next, f, g, i, o, c_prev, c)
        return dict(zip(names, unpack(exercise, result, names), strict=True))

    def compare(got, dc, dh, stream):
        """Compare every output, given dh and the total dc that reaches the cell."""
        for name, expected, mistakes, hint in (
            (
                "dc_prev",
                dc * f,
                [
                    (
                        dc,
                        "it equals dc: the ⊙ f node multiplies the gradient by f on the way back.",
                    ),
                    (dc * f * (1 - f), "the cell path has no sigmoid: dc_prev = dc ⊙ f only."),
                ],
                "dc_prev = dc ⊙ f, with dc the gradient that reaches c.",
            ),
            (
                "da_g",
                dc * i * (1 - g**2),
                [
                    (
                        dc * i * g * (1 - g),
                        "you used the sigmoid's derivative g(1 - g); g is "
                        "a tanh, its derivative is 1 - g².",
                    ),
                    (dc * i, "it lacks the activation: multiply by tanh' = 1 - g²."),
                    (
                        dc * g * (1 - g**2),
                        "A ⊙ node passes the gradient times the OTHER input: "
                        "dg = dc ⊙ i, not dc ⊙ g.",
                    ),
                ],
                "da_g = dc ⊙ i ⊙ (1 - g²).",
            ),
            (
                "da_i",
                dc * g * i * (1 - i),
                [
                    (
                        dc * g * (1 - i**2),
                        "you used tanh's derivative 1 - i²; i is a sigmoid, "
                        "its derivative is i(1 - i).",
                    ),
                    (dc * g, "it lacks the activation: multiply by σ' = i(1 - i)."),
                    (
                        dc * i * i * (1 - i),
                        "A ⊙ node passes the gradient times the OTHER "
                        "input: di = dc ⊙ g, not dc ⊙ i.",
                    ),
                ],
                "da_i = dc ⊙ g ⊙ i(1 - i).",
            ),
            (
                "da_f",
                dc * c_prev * f * (1 - f),
                [
                    (dc * c_prev, "it lacks the activation: multiply by σ' = f(1 - f)."),
                    (
                        dc * f * f * (1 - f),
                        "A ⊙ node passes the gradient times the OTHER "
                        "input: df = dc ⊙ c_prev, not dc ⊙ f.",
                    ),
                    (dc * c * f * (1 - f), "use c_prev (the input of the ⊙ f node), not c."),
                ],
                "da_f = dc ⊙ c_prev ⊙ f(1 - f).",
            ),
            (
                "da_o",
                dh * tanh_c * o * (1 - o),
                [
                    (dh * tanh_c, "it lacks the activation: multiply by σ' = o(1 - o)."),
                    (dh * c * o * (1 - o), "h = o ⊙ tanh(c), so do = dh ⊙ tanh(c), not dh ⊙ c."),
                    (
                        dc * tanh_c * o * (1 - o),
                        "the output gate only sees dh (it feeds h, not c): do = dh ⊙ tanh(c).",
                    ),
                ],
                "da_o = dh ⊙ tanh(c) ⊙ o(1 - o).",
            ),
        ):
            diagnose(exercise, f"{name} ({stream})", got[name], expected, mistakes, hint)

    zeros = np.zeros((N, H))
    dh = rng.standard_normal((N, H))
    dc_next = rng.standard_normal((N, H))
    through_h = dh * o * (1 - tanh_c**2)

    # 1. only the stream from the next step: dc = dc_next.
    got = run(zeros, dc_next)
    dc_prev = expect_array(exercise, "dc_prev (dh = 0)", got["dc_prev"], (N, H))
    if np.allclose(dc_prev, zeros) and not np.allclose(dc_next, 0):
        raise mistake(
            exercise,
            "dc_prev (dh = 0)",
            "with dh = 0, dc_prev is zero: did you forget the gradient dc_next that comes "
            "from the next step?",
        )
    compare(got, dc_next, zeros, "dh = 0")

    # 2. only the stream through h: dc = dh ⊙ o ⊙ (1 - tanh²(c)).
    got = run(dh, zeros)
    diagnose(
        exercise,
        "dc_prev (dc_next = 0)",
        got["dc_prev"],
        through_h * f,
        [
            (
                zeros,
                "with dc_next = 0 the cell still gets dh ⊙ o ⊙ (1 - tanh²(c)) through h: "
                "did you forget that stream?",
            ),
            (
                dh * o * (1 - c**2) * f,
                "you used 1 - c²; the derivative of tanh(c) is 1 - tanh²(c).",
            ),
            (dh * o * f, "the stream through h passes tanh: multiply by 1 - tanh²(c)."),
            (dh * f, "the stream through h passes ⊙ o and tanh: dc = dh ⊙ o ⊙ (1 - tanh²(c))."),
        ],
        "The stream through h is dh ⊙ o ⊙ (1 - tanh²(c)).",
    )
    compare(got, through_h, dh, "dc_next = 0")

    # 3. both streams meet at c and are added.
    got = run(dh, dc_next)
    diagnose(
        exercise,
        "dc_prev (both streams)",
        got["dc_prev"],
        (dc_next + through_h) * f,
        [
            (dc_next * f, "only dc_next arrived: add the stream through h."),
            (through_h * f, "only the stream through h arrived: add dc_next."),
        ],
        "The two streams are added at c: dc = dc_next + dh ⊙ o ⊙ (1 - tanh²(c)).",
    )
    compare(got, dc_next + through_h, dh, "both streams")
    passed(exercise, "both streams meet at c and every ⊙ node and activation is right")


# --------------------------------------------------------------------------- Exercise 5.3


def check_memory_left(answer, exercise="5.3"):
    r"""Check the number of Exercise 5.3: g = 0.8 written with i = 1 into an empty cell at
    step 0, then i = 0 and f = 0.95 for ten more steps; ``answer`` is c after them."""
    expected = 0.8 * 0.95**10
    mistakes = [
        (0.8 * 0.95**9, "that is one multiplication by f too few: ten steps, ten factors f."),
        (
            0.8 * 0.95**11,
            "that is one multiplication by f too many: step 0 writes, then ten "
            "steps multiply by f.",
        ),
        (0.8, "with i = 0 nothing new is written, but f ⊙ c still acts at every step."),
        (0.8 * 0.05**10, "f is the fraction KEPT per step, 1 - f the fraction erased."),
        (0.95**10, "the written value was g ⊙ i = 0.8: multiply by it."),
        (
            0.8 * (1 - 10 * 0.05),
            "the forget gate multiplies at every step (0.95 ** 10); it "
            "does not subtract a fixed amount.",
        ),
    ]
    diagnose(
        exercise,
        "answer",
        answer,
        expected,
        mistakes,
        "Write the update c = f ⊙ c + g ⊙ i for each step and see which factor repeats.",
        rtol=0,
        atol=1e-6,
    )
    passed(exercise, f"c after ten steps is 0.8 * 0.95**10 = {expected:.4f}")
