r"""Checkers for notebook 02, the output gate: :math:`o = \sigma(x W_x + h_{prev} W_h + b)`,
:math:`h = o \odot \tanh(c)` and the backward pass of that ⊙ node.

This module also holds the small machinery that the checkers of notebooks 03 and 04 reuse
(the output gate is the first gate the book builds):

* :func:`run` calls the student's function and turns a shape error inside it into a
  message about ``@`` versus ``*`` and transposes;
* :func:`diagnose` compares an answer with the reference and, when it differs, with the
  typical wrong answers, so that the message names the likely mistake;
* :func:`check_affine_unit` tests a function that computes
  :math:`\text{act}(x W_x + h_{prev} W_h + b)` one term at a time: the bias alone, then
  x alone, then h_prev alone, then all together.
"""

import numpy as np

from ..functions import sigmoid, tanh
from ._core import ExerciseError, call, passed

__all__ = [
    "BATCH_HINT",
    "check_affine_unit",
    "check_output_backward",
    "check_output_gate",
    "diagnose",
    "run",
]

#: what a shape error in the student's code most likely means
SHAPE_HINT = (
    "Check the shapes: x (N, D) @ Wx (D, H) and h_prev (N, H) @ Wh (H, H) are matrix "
    "products, but ⊙ is the elementwise product `*`, not `@`; and look for a transpose "
    "(.T) that does not belong there."
)


#: what a mistake that shows only when N != H most likely is
BATCH_HINT = "It was right for N = H = 3; look for a shape that only fits then (a stray @ or .T)."


def run(exercise, function, *args):
    """Call the student's ``function`` like :func:`_core.call`, with a readable shape error."""
    try:
        return call(exercise, function, *args)
    except ValueError as error:
        text = str(error)
        if "matmul" in text or "broadcast" in text or "shape" in text:
            raise ExerciseError(
                f"Exercise {exercise}: your function stopped with a shape error ({text}). "
                + SHAPE_HINT
            ) from None
        raise


def unpack(exercise, result, names):
    """Return ``result`` as a tuple of ``len(names)`` values, or raise a clear error."""
    if not isinstance(result, (tuple, list)) or len(result) != len(names):
        raise ExerciseError(
            f"Exercise {exercise}: the function should return a tuple ({', '.join(names)}), "
            f"got {type(result).__name__}"
        )
    return tuple(result)


def _as_float(exercise, name, value, shape):
    try:
        array = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        raise ExerciseError(
            f"Exercise {exercise}: {name} should be an array of numbers, got {type(value).__name__}"
        ) from None
    if array.shape != tuple(shape):
        raise ExerciseError(
            f"Exercise {exercise}: {name} should have shape {tuple(shape)}, got {array.shape}. "
            + SHAPE_HINT
        )
    return array


def _close(a, b, rtol):
    return a.shape == b.shape and np.allclose(a, b, rtol=rtol, atol=1e-8)


def diagnose(exercise, name, got, expected, mistakes, hint, rtol=1e-6):
    """Return ``got`` if it equals ``expected``; otherwise raise the most telling message.

    ``mistakes`` is a list of ``(make, message)`` pairs: ``make()`` computes the answer a
    typical mistake gives (it may fail, e.g. on a shape error, and is then skipped), and
    ``message`` explains that mistake. When ``got`` matches none of them, the message says
    by how much it is off and adds ``hint``.
    """
    expected = np.asarray(expected, dtype=np.float64)
    got = _as_float(exercise, name, got, expected.shape)
    if _close(got, expected, rtol):
        return got
    for make, message in mistakes:
        try:
            with np.errstate(all="ignore"):
                candidate = np.asarray(make(), dtype=np.float64)
        except (ValueError, TypeError, ArithmeticError):
            continue
        if _close(got, candidate, rtol) and not _close(candidate, expected, rtol):
            raise ExerciseError(f"Exercise {exercise}: {name} is not right: {message}")
    worst = float(np.max(np.abs(got - expected)))
    raise ExerciseError(f"Exercise {exercise}: {name} is off by up to {worst:.3g}. {hint}")


_ACTIVATIONS = {
    "gate": (sigmoid, tanh, "sigmoid", "tanh"),
    "information": (tanh, sigmoid, "tanh", "sigmoid"),
}


def _wrong_activation(kind):
    if kind == "gate":
        return (
            "it matches tanh(...): did you use tanh where a gate needs sigmoid? A gate is an "
            "openness between 0 and 1."
        )
    return (
        "it matches sigmoid(...): did you use sigmoid where the new information needs tanh? "
        "g is content with a sign, in (-1, 1), not an openness in (0, 1)."
    )


def check_affine_unit(exercise, name, unit, kind, rng=None):
    r"""Test ``unit(x, h_prev, Wx, Wh, b)`` against :math:`\text{act}(x W_x + h_{prev} W_h + b)`.

    ``kind`` is ``"gate"`` (act = sigmoid) or ``"information"`` (act = tanh). The terms are
    tested one at a time, with D = H so that a mixed-up weight or a wrong transpose gives
    numbers rather than a crash: (1) x = 0 and h_prev = 0, so only the bias is left;
    (2) only x; (3) only h_prev; (4) all three, and a batch with D != H.
    """
    act, other, act_name, _ = _ACTIVATIONS[kind]
    rng = np.random.default_rng(20) if rng is None else rng
    N, D, H = 2, 3, 3
    Wx = rng.standard_normal((D, H))
    Wh = rng.standard_normal((H, H))
    b = np.array([-1.5, 0.4, 2.0])
    zx, zh, zb = np.zeros((N, D)), np.zeros((N, H)), np.zeros(H)
    x = rng.standard_normal((N, D))
    h_prev = rng.standard_normal((N, H))
    wrong_act = (lambda: other(b) + zh, _wrong_activation(kind))

    # 1. the bias alone
    diagnose(
        exercise,
        f"{name} with x = 0 and h_prev = 0 (only the bias left)",
        run(exercise, unit, zx, zh, Wx, Wh, b),
        act(b) + zh,
        [
            wrong_act,
            (lambda: act(zh), "the bias b is missing: add + b inside the activation."),
            (lambda: b + zh, f"the {act_name} is missing: apply it to the sum."),
            (lambda: act(zh) + b, f"the bias goes inside the {act_name}, not after it."),
            (
                lambda: 2 * act(zh) + act(b),
                f"apply the {act_name} once, to the whole sum x Wx + h_prev Wh + b.",
            ),
        ],
        f"With x and h_prev zero, {name} should be {act_name}(b) in every row.",
    )
    # 2. x alone
    mix = "are Wx and Wh mixed up? x is multiplied by Wx and h_prev by Wh."
    diagnose(
        exercise,
        f"{name} with only x nonzero (h_prev = 0, b = 0)",
        run(exercise, unit, x, zh, Wx, Wh, zb),
        act(x @ Wx),
        [
            (lambda: other(x @ Wx), _wrong_activation(kind)),
            (
                lambda: act(x @ Wx.T),
                "it matches x @ Wx.T: a wrong transpose; x (N, D) @ Wx (D, H).",
            ),
            (lambda: act(x @ Wh), mix),
            (lambda: x @ Wx, f"the {act_name} is missing: apply it to the sum."),
        ],
        f"With h_prev = 0 and b = 0, {name} should be {act_name}(x @ Wx).",
    )
    # 3. h_prev alone
    diagnose(
        exercise,
        f"{name} with only h_prev nonzero (x = 0, b = 0)",
        run(exercise, unit, zx, h_prev, Wx, Wh, zb),
        act(h_prev @ Wh),
        [
            (lambda: other(h_prev @ Wh), _wrong_activation(kind)),
            (
                lambda: act(h_prev @ Wh.T),
                "it matches h_prev @ Wh.T: a wrong transpose; h_prev (N, H) @ Wh (H, H).",
            ),
            (lambda: act(h_prev @ Wx), mix),
            (lambda: act(zh), "the term h_prev @ Wh is missing."),
            (lambda: h_prev @ Wh, f"the {act_name} is missing: apply it to the sum."),
        ],
        f"With x = 0 and b = 0, {name} should be {act_name}(h_prev @ Wh).",
    )
    # 4. all terms together
    a = x @ Wx + h_prev @ Wh + b
    diagnose(
        exercise,
        f"{name} with x, h_prev and b together",
        run(exercise, unit, x, h_prev, Wx, Wh, b),
        act(a),
        [
            (lambda: other(a), _wrong_activation(kind)),
            (
                lambda: act(x @ Wx) + act(h_prev @ Wh) + act(b),
                f"apply the {act_name} once, to the whole sum x Wx + h_prev Wh + b.",
            ),
            (
                lambda: act(x @ Wx) + act(h_prev @ Wh + b),
                f"apply the {act_name} once, to the whole sum x Wx + h_prev Wh + b.",
            ),
            (
                lambda: act(x @ Wx + b) + act(h_prev @ Wh),
                f"apply the {act_name} once, to the whole sum x Wx + h_prev Wh + b.",
            ),
            (lambda: act(x @ Wx + h_prev @ Wh), "the bias b is missing."),
        ],
        f"{name} should be {act_name}(x @ Wx + h_prev @ Wh + b).",
    )
    # 5. a batch with D != H, so that every shape must be right
    N, D, H = 4, 5, 2
    Wx, Wh, b = rng.standard_normal((D, H)), rng.standard_normal((H, H)), rng.standard_normal(H)
    x, h_prev = rng.standard_normal((N, D)), rng.standard_normal((N, H))
    diagnose(
        exercise,
        f"{name} for N = 4, D = 5, H = 2",
        run(exercise, unit, x, h_prev, Wx, Wh, b),
        act(x @ Wx + h_prev @ Wh + b),
        [],
        "It was right for D = H = 3; look for a shape that only fits when D = H.",
    )


def check_output_gate(output_step):
    r"""Exercise 2.1: ``output_step(x, h_prev, c, Wx, Wh, b)`` returns ``(o, h)`` with
    :math:`o = \sigma(x W_x + h_{prev} W_h + b)` and :math:`h = o \odot \tanh(c)`."""
    ex = "2.1"

    def gate_only(x, h_prev, Wx, Wh, b):
        c = np.full(h_prev.shape, 0.5)
        return unpack(ex, run(ex, output_step, x, h_prev, c, Wx, Wh, b), ("o", "h"))[0]

    check_affine_unit(ex, "o", gate_only, "gate")

    rng = np.random.default_rng(21)
    N = D = H = 3  # square, so that a matrix product in place of ⊙ gives numbers
    Wx, Wh, b = rng.standard_normal((D, H)), rng.standard_normal((H, H)), rng.standard_normal(H)
    x, h_prev = rng.standard_normal((N, D)), rng.standard_normal((N, H))
    c = np.array([[2.0, -1.5, 0.3], [-0.7, 3.0, 1.2], [0.1, -2.5, -0.4]])
    o = sigmoid(x @ Wx + h_prev @ Wh + b)
    _, h = unpack(ex, run(ex, output_step, x, h_prev, c, Wx, Wh, b), ("o", "h"))
    diagnose(
        ex,
        "h",
        h,
        o * np.tanh(c),
        [
            (lambda: o @ np.tanh(c), "a matrix product (@) where ⊙ is elementwise: use *."),
            (lambda: o * c, "the tanh of the memory is missing: h = o ⊙ tanh(c)."),
            (lambda: o, "the Hadamard product with tanh(c) is missing: h = o ⊙ tanh(c)."),
            (lambda: np.tanh(c), "the output gate is missing: h = o ⊙ tanh(c)."),
            (
                lambda: np.tanh(o * c),
                "squash c first, then multiply: o ⊙ tanh(c), not tanh(o ⊙ c).",
            ),
            (lambda: o + np.tanh(c), "a sum where the gate multiplies: h = o ⊙ tanh(c)."),
        ],
        "h should be o * np.tanh(c).",
    )
    # a batch with N != H, so that every shape must be right
    N, D, H = 2, 4, 3
    Wx, Wh, b = rng.standard_normal((D, H)), rng.standard_normal((H, H)), rng.standard_normal(H)
    x, h_prev, c = (
        rng.standard_normal((N, D)),
        rng.standard_normal((N, H)),
        rng.uniform(-2.0, 2.0, (N, H)),
    )
    o = sigmoid(x @ Wx + h_prev @ Wh + b)
    _, h = unpack(ex, run(ex, output_step, x, h_prev, c, Wx, Wh, b), ("o", "h"))
    diagnose(ex, "h for N = 2, D = 4, H = 3", h, o * np.tanh(c), [], BATCH_HINT)
    passed(ex, "o = sigmoid(x Wx + h_prev Wh + b) and h = o ⊙ tanh(c) are right")


def check_output_backward(output_backward):
    r"""Exercise 2.2: ``output_backward(dh, o, c)`` returns ``(do, dc)`` for
    :math:`h = o \odot \tanh(c)`: :math:`do = dh \odot \tanh(c)`,
    :math:`dc = dh \odot o \odot (1 - \tanh^2(c))`."""
    ex = "2.2"
    rng = np.random.default_rng(22)
    for N, H in ((3, 3), (2, 4)):  # square first, so that a stray @ gives numbers
        _output_backward_case(ex, output_backward, rng, N, H)
    passed(ex, "do = dh ⊙ tanh(c) and dc = dh ⊙ o ⊙ (1 - tanh²(c)) are right")


def _output_backward_case(ex, output_backward, rng, N, H):
    dh = rng.standard_normal((N, H))
    o = rng.uniform(0.05, 0.95, (N, H))
    c = rng.uniform(-2.0, 2.0, (N, H))
    t = np.tanh(c)
    do, dc = unpack(ex, run(ex, output_backward, dh, o, c), ("do", "dc"))
    diagnose(
        ex,
        f"do for N = {N}, H = {H}",
        do,
        dh * t,
        [
            (
                lambda: dh * o,
                "do got o: each branch of ⊙ gets dh times the OTHER input, tanh(c).",
            ),
            (lambda: dh * c, "scale dh by tanh(c), the other input of ⊙, not by c itself."),
            (lambda: dh, "dh must be scaled by the other input of ⊙: do = dh ⊙ tanh(c)."),
            (
                lambda: dh @ t.T,
                "a matrix product with a transpose; ⊙ is elementwise: dh * tanh(c).",
            ),
            (lambda: dh @ t, "a matrix product where ⊙ is elementwise: dh * tanh(c)."),
            (
                lambda: dh * t * o * (1 - o),
                "that went on through the sigmoid; do is the gradient at o itself.",
            ),
        ],
        "do should be dh * np.tanh(c).",
    )
    diagnose(
        ex,
        f"dc for N = {N}, H = {H}",
        dc,
        dh * o * (1 - t**2),
        [
            (lambda: dh * o, "the tanh node is missing: multiply by 1 - tanh(c)**2 as well."),
            (lambda: dh * t, "dc got tanh(c): its ⊙ branch is scaled by the OTHER input, o."),
            (lambda: dh * o * (1 - c**2), "tanh's derivative is 1 - tanh(c)**2, not 1 - c**2."),
            (
                lambda: dh * o * t * (1 - t),
                "y (1 - y) is the sigmoid's derivative; tanh's is 1 - y**2.",
            ),
            (lambda: dh * (1 - t**2), "the factor o from the ⊙ node is missing."),
            (lambda: (dh @ o.T) * (1 - t**2), "a matrix product where ⊙ is elementwise."),
        ],
        "dc should be dh * o * (1 - np.tanh(c)**2).",
    )
