r"""Checkers for notebook 07, the fused implementation.

* :func:`check_fused_lstm_step` (Exercise 7.1): one fused step, one affine transform
  :math:`A = x W_x + h_{prev} W_h + b` sliced into the blocks f, g, i, o.
* :func:`check_run_sequence` (Exercise 7.2): a loop of steps over a sequence, with h and
  c carried from each step to the next.
* :func:`check_backward_through_time` (Exercise 7.3): the backward of that loop, with dh
  and dc carried back in time and the weight gradients summed over all steps.

Each checker tests one term at a time and, when an answer is wrong, names the typical
mistake it matches (blocks read in another order, tanh for a gate, a state not carried, a
gradient not accumulated, ...).
"""

from itertools import permutations

import numpy as np

from ..functions import sigmoid, tanh
from ..lstm import LSTM, TimeLSTM
from ..weights import GATE_ORDER
from ._core import call, diagnose, mistake, passed, unpack

_NAMED_ORDERS = {
    "ifgo": "PyTorch's and Keras's order i, f, g, o",
    "iofg": "ONNX's order i, o, f, g",
}


def _describe_order(order):
    letters = ", ".join(order)
    return _NAMED_ORDERS.get(order, f"the order {letters}")


def _blocks(A, order):
    """The pre-activations of f, g, i, o when A's blocks are read in ``order``."""
    H = A.shape[1] // 4
    return {gate: A[:, k * H : (k + 1) * H] for k, gate in enumerate(order)}


def _variant_step(x, h_prev, c_prev, Wx, Wh, b, order=GATE_ORDER, acts=None, affine=None):
    """One step computed the right way or with one deliberate change (for diagnosis)."""
    acts = {"f": sigmoid, "g": tanh, "i": sigmoid, "o": sigmoid, **(acts or {})}
    A = (x @ Wx + h_prev @ Wh + b) if affine is None else affine
    a = _blocks(A, order)
    f, g, i, o = (acts[k](a[k]) for k in "fgio")
    c = f * c_prev + g * i
    return o * tanh(c), c


def _random_weights(rng, D, H, scale=0.9):
    return (
        scale * rng.standard_normal((D, 4 * H)),
        scale * rng.standard_normal((H, 4 * H)),
        scale * rng.standard_normal(4 * H),
    )


# --------------------------------------------------------------------------- Exercise 7.1


def check_fused_lstm_step(fused_lstm_step, exercise="7.1"):
    r"""Check ``fused_lstm_step(x, h_prev, c_prev, Wx, Wh, b) -> (h, c)``.

    Wx (D, 4H), Wh (H, 4H), b (4H,), blocks in the order f, g, i, o. Tested in turn: c with
    c_prev = 0 (so c = g ⊙ i, which reads the g and i blocks), the full c, then h.
    """
    rng = np.random.default_rng(71)
    N, D, H = 3, 4, 5
    Wx, Wh, b = _random_weights(rng, D, H)
    x = rng.standard_normal((N, D))
    h_prev = rng.standard_normal((N, H))
    c_prev = 2.0 * rng.standard_normal((N, H))
    zeros = np.zeros((N, H))

    def run(c_prev):
        result = call(exercise, fused_lstm_step, x, h_prev, c_prev, Wx, Wh, b)
        return unpack(exercise, result, ("h", "c"))

    def mistakes(c_prev, which):
        """(array, message) pairs of typical wrong answers for output ``which`` (0 h, 1 c)."""
        found = []
        for order in ("".join(p) for p in permutations(GATE_ORDER)):
            if order != GATE_ORDER:
                wrong = _variant_step(x, h_prev, c_prev, Wx, Wh, b, order=order)[which]
                found.append(
                    (
                        wrong,
                        f"it matches the blocks sliced in {_describe_order(order)}; this "
                        "book's blocks are f, g, i, o: A[:, :H] is f, A[:, H:2H] is g, "
                        "A[:, 2H:3H] is i, A[:, 3H:] is o.",
                    )
                )
        for gate in "fio":
            wrong = _variant_step(x, h_prev, c_prev, Wx, Wh, b, acts={gate: tanh})[which]
            found.append(
                (wrong, f"it matches tanh for {gate}: a gate needs sigmoid, only g is tanh.")
            )
        wrong = _variant_step(x, h_prev, c_prev, Wx, Wh, b, acts={"g": sigmoid})[which]
        found.append((wrong, "it matches sigmoid for g: g is information and needs tanh."))
        for affine, message in (
            (x @ Wx + b, "it matches A without h_prev @ Wh: the affine transform has three terms."),
            (x @ Wx + h_prev @ Wh, "it matches A without the bias b."),
        ):
            wrong = _variant_step(x, h_prev, c_prev, Wx, Wh, b, affine=affine)[which]
            found.append((wrong, message))
        return found

    # 1. c_prev = 0: c = g ⊙ i reads only the g and i blocks.
    h_ref, c_ref = _variant_step(x, h_prev, zeros, Wx, Wh, b)
    _, c = run(zeros)
    g_ref = tanh(_blocks(x @ Wx + h_prev @ Wh + b, GATE_ORDER)["g"])
    diagnose(
        exercise,
        "c (with c_prev = 0, so c = g ⊙ i)",
        c,
        c_ref,
        [(g_ref, "it equals g alone: did you forget the Hadamard product with i?")]
        + mistakes(zeros, 1),
        "With c_prev = 0, c = g ⊙ i, g = tanh(A[:, H:2H]), i = σ(A[:, 2H:3H]).",
    )

    # 2. the full step.
    h_ref, c_ref = _variant_step(x, h_prev, c_prev, Wx, Wh, b)
    h, c = run(c_prev)
    diagnose(exercise, "c", c, c_ref, mistakes(c_prev, 1), "c = f ⊙ c_prev + g ⊙ i.")
    o_ref = sigmoid(_blocks(x @ Wx + h_prev @ Wh + b, GATE_ORDER)["o"])
    diagnose(
        exercise,
        "h",
        h,
        h_ref,
        [
            (o_ref * c_ref, "it equals o ⊙ c: did you forget the tanh of the cell?"),
            (o_ref * tanh(c_prev), "it equals o ⊙ tanh(c_prev): use the new cell c."),
        ]
        + mistakes(c_prev, 0),
        "h = o ⊙ tanh(c).",
    )
    passed(exercise, "fused_lstm_step slices A into f, g, i, o and matches the cell")


# --------------------------------------------------------------------------- Exercise 7.2


def _loop(xs, Wx, Wh, b, carry_h=True, carry_c=True):
    """A loop of steps, optionally not carrying h or c (for diagnosis)."""
    N, T, _ = xs.shape
    H = Wh.shape[0]
    h, c = np.zeros((N, H)), np.zeros((N, H))
    hs = np.empty((N, T, H))
    for t in range(T):
        h_new, c_new = _variant_step(
            xs[:, t], h if carry_h else 0 * h, c if carry_c else 0 * c, Wx, Wh, b
        )
        h, c = h_new, c_new
        hs[:, t] = h
    return hs


def check_run_sequence(run_sequence, exercise="7.2"):
    r"""Check ``run_sequence(xs, Wx, Wh, b) -> hs``: xs (N, T, D), hs (N, T, H).

    Starting from h = c = 0. Tested in turn: one step (T = 1); a sequence whose input is
    zero after the first step, so that everything later comes from the carried state; a
    random sequence.
    """
    rng = np.random.default_rng(72)
    N, D, H, T = 2, 3, 4, 5
    Wx, Wh, b = _random_weights(rng, D, H)

    def run(xs):
        result = call(exercise, run_sequence, xs, Wx, Wh, b)
        N, T = xs.shape[:2]
        if np.shape(result) == (T, N, H) and N != T:
            raise mistake(
                exercise,
                "hs",
                f"it has shape (T, N, H) = {np.shape(result)}; stack the steps along axis 1 "
                "to get (N, T, H)",
            )
        return result

    def carry_mistakes(xs):
        return [
            (
                _loop(xs, Wx, Wh, b, carry_h=False),
                "it matches h_prev = 0 at every step: carry h from each step to the next.",
            ),
            (
                _loop(xs, Wx, Wh, b, carry_c=False),
                "it matches c_prev = 0 at every step: the memory cell must be carried "
                "from each step to the next too, not only h.",
            ),
            (
                _loop(xs, Wx, Wh, b, carry_h=False, carry_c=False),
                "it matches a fresh state at every step: carry h and c between steps.",
            ),
        ]

    one = rng.standard_normal((N, 1, D))
    diagnose(exercise, "hs (T = 1)", run(one), _loop(one, Wx, Wh, b), [], "Start from h = c = 0.")

    pulse = np.zeros((N, T, D))
    pulse[:, 0] = 2.0 * rng.standard_normal((N, D))
    diagnose(
        exercise,
        "hs (input only at t = 0)",
        run(pulse),
        _loop(pulse, Wx, Wh, b),
        carry_mistakes(pulse),
        "After t = 0 everything comes from the carried h and c.",
    )

    xs = rng.standard_normal((N, T, D))
    diagnose(
        exercise, "hs", run(xs), _loop(xs, Wx, Wh, b), carry_mistakes(xs), "Compare with TimeLSTM."
    )
    passed(exercise, "run_sequence carries h and c through all steps")


# --------------------------------------------------------------------------- Exercise 7.3


def _forward_steps(xs, Wx, Wh, b):
    """T LSTM steps sharing the weights, run forward over xs with the state carried."""
    N, T, _ = xs.shape
    H = Wh.shape[0]
    h, c = np.zeros((N, H)), np.zeros((N, H))
    steps = []
    for t in range(T):
        step = LSTM(Wx, Wh, b)
        h, c = step.forward(xs[:, t], h, c)
        steps.append(step)
    return steps


def _bptt(steps, dhs, carry_h=True, carry_c=True, accumulate=True, backwards=True):
    """Backward through the steps, optionally with one deliberate mistake (for diagnosis)."""
    N, T, H = dhs.shape
    D = steps[0].params[0].shape[0]
    dxs = np.empty((N, T, D))
    grads = [np.zeros_like(p) for p in steps[0].params]
    dh, dc = np.zeros((N, H)), np.zeros((N, H))
    for t in reversed(range(T)) if backwards else range(T):
        dx, dh_prev, dc_prev = steps[t].backward(dhs[:, t] + dh, dc)
        dxs[:, t] = dx
        dh = dh_prev if carry_h else 0 * dh_prev
        dc = dc_prev if carry_c else 0 * dc_prev
        for total, g in zip(grads, steps[t].grads, strict=True):
            if accumulate:
                total += g
            else:
                total[...] = g
    return dxs, *grads


def check_backward_through_time(backward_through_time, exercise="7.3"):
    r"""Check ``backward_through_time(steps, dhs) -> (dxs, dWx, dWh, db)``.

    ``steps`` is a list of T :class:`lstm_lib.lstm.LSTM` layers that share the weights and
    were run forward in order; dhs (N, T, H) is the gradient of the loss with respect to
    every h_t. Tested in turn: one step; a loss on the last h only (so every earlier step
    is reached only through the carried dh and dc); a loss on every h. The reference is
    :class:`lstm_lib.lstm.TimeLSTM`'s backward.
    """
    rng = np.random.default_rng(73)
    N, D, H, T = 2, 3, 4, 5
    Wx, Wh, b = _random_weights(rng, D, H)
    names = ("dxs", "dWx", "dWh", "db")

    def run(xs, dhs):
        result = call(exercise, backward_through_time, _forward_steps(xs, Wx, Wh, b), dhs)
        return unpack(exercise, result, names)

    def reference(xs, dhs):
        layer = TimeLSTM(Wx, Wh, b)
        layer.forward(xs)
        dxs = layer.backward(dhs)
        return [dxs, *(g.copy() for g in layer.grads)]

    def variants(xs, dhs):
        def steps():
            return _forward_steps(xs, Wx, Wh, b)

        return [
            (
                _bptt(steps(), dhs, accumulate=False),
                "it matches the gradient of one step only: the weights are shared by all "
                "steps, so add (+=) every step's gradient into the total.",
            ),
            (
                _bptt(steps(), dhs, carry_h=False),
                "it matches dh_prev dropped between steps: the gradient into step t is "
                "dhs[:, t] plus the dh_prev that came back from step t+1.",
            ),
            (
                _bptt(steps(), dhs, carry_c=False),
                "it matches dc = 0 at every step: carry dc_prev back to the step before.",
            ),
            (
                _bptt(steps(), dhs, backwards=False),
                "it matches a loop that runs forward in time: the backward goes from the "
                "last step to the first (reversed(range(T))).",
            ),
        ]

    def compare(xs, dhs, stage):
        got = run(xs, dhs)
        expected = reference(xs, dhs)
        wrong = variants(xs, dhs)
        for k, name in enumerate(names):
            diagnose(
                exercise,
                f"{name} ({stage})",
                got[k],
                expected[k],
                [(w[k], message) for w, message in wrong],
                "Go backwards in time, carry dh and dc, add up the weight gradients.",
            )

    compare(rng.standard_normal((N, 1, D)), rng.standard_normal((N, 1, H)), "T = 1")
    last_only = np.zeros((N, T, H))
    last_only[:, -1] = rng.standard_normal((N, H))
    compare(rng.standard_normal((N, T, D)), last_only, "loss on the last h only")
    compare(rng.standard_normal((N, T, D)), rng.standard_normal((N, T, H)), "loss on every h")
    passed(exercise, "backward_through_time carries dh and dc and sums the gradients")
