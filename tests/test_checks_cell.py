"""Tests of the checkers of notebook 05 (lstm_lib.checks.cell)."""

import numpy as np
import pytest

from lstm_lib import LSTMCell, sigmoid, sigmoid_grad, tanh, tanh_grad
from lstm_lib.checks import ExerciseError
from lstm_lib.checks.cell import (
    check_lstm_cell_forward,
    check_memory_left,
    check_preactivation_grads,
    reference_preactivation_grads,
)

# --------------------------------------------------------------------------- Exercise 5.1


def _forward(
    x,
    h_prev,
    c_prev,
    parts,
    *,
    act_i=sigmoid,
    use_i=True,
    tanh_c=True,
    use_f=True,
    bias=True,
    swap_gi=False,
):
    """A step with switches that turn it into a typical wrong answer."""

    def pre(gate):
        Wx, Wh, b = parts[gate]
        return x @ Wx + h_prev @ Wh + (b if bias else 0)

    g_part, i_part = ("i", "g") if swap_gi else ("g", "i")
    f, g, i, o = sigmoid(pre("f")), tanh(pre(g_part)), act_i(pre(i_part)), sigmoid(pre("o"))
    c = (f if use_f else 1.0) * c_prev + (g * i if use_i else g)
    return o * (tanh(c) if tanh_c else c), c


def test_forward_accepts_the_reference(capsys):
    check_lstm_cell_forward(_forward)
    assert capsys.readouterr().out.startswith("Exercise 5.1 passed")


def test_forward_accepts_the_library_cell(capsys):
    def with_library(x, h_prev, c_prev, parts):
        return LSTMCell(parts).forward(x, h_prev, c_prev)

    check_lstm_cell_forward(with_library)
    assert "passed" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("kwargs", "word"),
    [
        ({"use_i": False}, "Hadamard product with the input gate"),
        ({"act_i": tanh}, "tanh where the input gate needs sigmoid"),
        ({"use_f": False}, "forget gate f"),
        ({"tanh_c": False}, "forget the tanh of the cell"),
        ({"bias": False}, r"c \(with x = 0, h_prev = 0 .* is not right: the biases are missing"),
        ({"swap_gi": True}, "weight sets of g and i are swapped"),
    ],
)
def test_forward_rejects_typical_mistakes(kwargs, word):
    def wrong(x, h_prev, c_prev, parts):
        return _forward(x, h_prev, c_prev, parts, **kwargs)

    with pytest.raises(ExerciseError, match=word):
        check_lstm_cell_forward(wrong)


@pytest.mark.parametrize(
    ("gate", "word"),
    [
        ("g", "the one of g"),
        ("i", "bias of i is missing"),
        ("f", "bias of f is missing"),
        ("o", "bias of o is missing"),
    ],
)
def test_forward_names_a_missing_bias_of_one_part(gate, word):
    def wrong(x, h_prev, c_prev, parts):
        Wx, Wh, b = parts[gate]
        return _forward(x, h_prev, c_prev, dict(parts, **{gate: (Wx, Wh, 0 * b)}))

    with pytest.raises(ExerciseError, match=word):
        check_lstm_cell_forward(wrong)


def test_forward_accepts_an_answer_in_float32_given_as_lists(capsys):
    def in_float32(x, h_prev, c_prev, parts):
        parts = {k: tuple(w.astype(np.float32) for w in v) for k, v in parts.items()}
        h, c = _forward(x.astype(np.float32), h_prev.astype(np.float32), c_prev, parts)
        return [h.tolist(), c.astype(np.float32).tolist()]

    check_lstm_cell_forward(in_float32)
    assert "Exercise 5.1 passed" in capsys.readouterr().out


def test_forward_rejects_swapped_outputs():
    def swapped(x, h_prev, c_prev, parts):
        h, c = _forward(x, h_prev, c_prev, parts)
        return c, h

    with pytest.raises(ExerciseError, match="Exercise 5.1"):
        check_lstm_cell_forward(swapped)


def test_forward_reports_a_stub():
    def stub(x, h_prev, c_prev, parts):
        raise NotImplementedError

    with pytest.raises(ExerciseError, match="not solved yet"):
        check_lstm_cell_forward(stub)


# --------------------------------------------------------------------------- Exercise 5.2


def test_backward_accepts_the_reference(capsys):
    check_preactivation_grads(reference_preactivation_grads)
    assert capsys.readouterr().out.startswith("Exercise 5.2 passed")


def test_backward_accepts_another_correct_answer(capsys):
    def via_library(dh, dc_next, f, g, i, o, c_prev, c):
        t = tanh(c)
        dc = dc_next.copy()
        dc += tanh_grad(t) * o * dh
        grads = [sigmoid_grad(f) * c_prev * dc, tanh_grad(g) * i * dc, sigmoid_grad(i) * g * dc]
        grads.append(sigmoid_grad(o) * t * dh)
        return (*grads, f * dc)

    check_preactivation_grads(via_library)
    assert "passed" in capsys.readouterr().out


def _wrong_backward(mistake):
    def backward(dh, dc_next, f, g, i, o, c_prev, c):
        t = np.tanh(c)
        through_h = dh * o * (1 - (c**2 if mistake == "1-c2" else t**2))
        if mistake == "no_h_stream":
            through_h = 0 * through_h
        dc = (0 if mistake == "no_next_stream" else dc_next) + through_h
        g_grad = g * (1 - g) if mistake == "sigmoid_grad_for_g" else 1 - g**2
        di_other = i if mistake == "own_input" else g
        return (
            dc * c_prev * f * (1 - f),
            dc * i * g_grad,
            dc * di_other * i * (1 - i),
            dh * t * o * (1 - o),
            dc * f,
        )

    return backward


@pytest.mark.parametrize(
    ("mistake", "word"),
    [
        ("no_h_stream", "forget that stream"),
        ("no_next_stream", "dc_next that comes from the next step"),
        ("sigmoid_grad_for_g", "sigmoid's derivative"),
        ("1-c2", "1 - c²"),
        ("own_input", "OTHER input"),
    ],
)
def test_backward_rejects_typical_mistakes(mistake, word):
    with pytest.raises(ExerciseError, match=word):
        check_preactivation_grads(_wrong_backward(mistake))


def test_backward_rejects_a_wrong_tuple():
    with pytest.raises(ExerciseError, match="return the tuple"):
        check_preactivation_grads(lambda *args: args[:4])


# --------------------------------------------------------------------------- Exercise 5.3


def test_memory_left_accepts_the_answer(capsys):
    check_memory_left(0.8 * 0.95**10)
    c = 0.0
    for step in range(11):
        c = 0.95 * c + 0.8 * (1.0 if step == 0 else 0.0)  # the update, step by step
    check_memory_left(np.float64(c))
    assert capsys.readouterr().out.count("Exercise 5.3 passed") == 2


@pytest.mark.parametrize(
    ("answer", "word"),
    [
        (0.8 * 0.95**11, "one multiplication by f too many"),
        (0.8, "f ⊙ c still acts"),
        (0.8 * 0.05**10, "fraction KEPT"),
        (0.95**10, "multiply by it"),
        ("0.48?", "should be a number"),
        (0.5, "see which factor repeats"),
    ],
)
def test_memory_left_rejects_typical_mistakes(answer, word):
    with pytest.raises(ExerciseError, match=word):
        check_memory_left(answer)


def test_backward_accepts_an_answer_in_float32(capsys):
    def in_float32(*args):
        return reference_preactivation_grads(*(a.astype(np.float32) for a in args))

    check_preactivation_grads(in_float32)
    assert "Exercise 5.2 passed" in capsys.readouterr().out
