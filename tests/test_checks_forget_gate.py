"""The checkers of notebook 03 accept correct answers and name typical mistakes."""

import math

import numpy as np
import pytest

from lstm_lib import LSTMCell, sigmoid
from lstm_lib.checks import ExerciseError
from lstm_lib.checks.forget_gate import (
    check_forget_backward,
    check_forget_gate,
    check_steps_to_keep,
)


def forget_step(x, h_prev, c_prev, Wx, Wh, b):
    f = sigmoid(x @ Wx + h_prev @ Wh + b)
    return f, f * c_prev


def forget_step_other(x, h_prev, c_prev, Wx, Wh, b):
    # a second, differently written correct answer: one stacked matrix product, exp form
    a = np.concatenate([x, h_prev], axis=1) @ np.vstack([Wx, Wh]) + b
    f = np.exp(-np.logaddexp(0, -a))
    return (f, np.multiply(f, c_prev))


def test_forget_step_agrees_with_the_library_cell():
    rng = np.random.default_rng(0)
    D, H, N = 3, 2, 4
    parts = {
        k: (rng.normal(size=(D, H)), rng.normal(size=(H, H)), rng.normal(size=H)) for k in "fgio"
    }
    parts["g"] = (np.zeros((D, H)), np.zeros((H, H)), np.zeros(H))  # g = 0: c = f c_prev
    cell = LSTMCell(parts)
    x, h_prev, c_prev = rng.normal(size=(N, D)), rng.normal(size=(N, H)), rng.normal(size=(N, H))
    _, c = cell.forward(x, h_prev, c_prev)
    f, kept = forget_step(x, h_prev, c_prev, *parts["f"])
    assert np.allclose(f, cell.f)
    assert np.allclose(kept, c)


@pytest.mark.parametrize("answer", [forget_step, forget_step_other])
def test_forget_gate_accepts_correct_answers(answer, capsys):
    check_forget_gate(answer)
    assert capsys.readouterr().out.startswith("Exercise 3.1 passed:")


def _kept(make):
    def answer(x, h_prev, c_prev, Wx, Wh, b):
        f = sigmoid(x @ Wx + h_prev @ Wh + b)
        return f, make(f, c_prev)

    return answer


@pytest.mark.parametrize(
    ("answer", "word"),
    [
        (lambda x, h, c, Wx, Wh, b: (np.tanh(x @ Wx + h @ Wh + b), c), "tanh where a gate"),
        (lambda x, h, c, Wx, Wh, b: (sigmoid(x @ Wx + h @ Wh), c), "bias b is missing"),
        (lambda x, h, c, Wx, Wh, b: (sigmoid(x @ Wx + h @ Wh.T + b), c), "transpose"),
        (lambda x, h, c, Wx, Wh, b: (x @ Wx + h @ Wh + b, c), "sigmoid is missing"),
        (_kept(lambda f, c: f), "Hadamard product"),
        (_kept(lambda f, c: f @ c), "matrix product"),
        (_kept(lambda f, c: (1 - f) * c), "KEPT"),
    ],
)
def test_forget_gate_rejects_typical_mistakes(answer, word):
    with pytest.raises(ExerciseError, match=word):
        check_forget_gate(answer)


def forget_backward(dc, f, c_prev):
    return dc * c_prev, dc * f


def forget_backward_other(dc, f, c_prev):
    # a second correct answer: einsum, returned as a list
    return [np.einsum("nh,nh->nh", dc, c_prev), np.multiply(f, dc)]


@pytest.mark.parametrize("answer", [forget_backward, forget_backward_other])
def test_forget_backward_accepts_correct_answers(answer, capsys):
    check_forget_backward(answer)
    assert capsys.readouterr().out.startswith("Exercise 3.2 passed:")


@pytest.mark.parametrize(
    ("answer", "word"),
    [
        (lambda dc, f, c: (dc * f, dc * c), "OTHER input"),
        (lambda dc, f, c: (dc * c, dc), "scaled by f"),
        (lambda dc, f, c: (dc @ c.T, dc * f), "transpose"),
        (lambda dc, f, c: (dc * c * f * (1 - f), dc * f), "through the sigmoid"),
        (lambda dc, f, c: (dc * c, dc * (1 - f)), "kept with f"),
    ],
)
def test_forget_backward_rejects_typical_mistakes(answer, word):
    with pytest.raises(ExerciseError, match=word):
        check_forget_backward(answer)


def test_steps_to_keep_accepts_correct_answers(capsys):
    check_steps_to_keep(lambda f, fraction: np.log(fraction) / np.log(f))
    check_steps_to_keep(lambda f, fraction: math.log(fraction, f))
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2 and all(line.startswith("Exercise 3.3 passed:") for line in out)


@pytest.mark.parametrize(
    ("answer", "word"),
    [
        (lambda f, q: np.log(f) / np.log(q), "upside down"),
        (lambda f, q: np.log(q) / np.log(1 - f), "fraction kept per step"),
        (lambda f, q: math.ceil(np.log(q) / np.log(f)), "rounded"),
        (lambda f, q: f**q, "solve"),
    ],
)
def test_steps_to_keep_rejects_typical_mistakes(answer, word):
    with pytest.raises(ExerciseError, match=word):
        check_steps_to_keep(answer)


def test_forget_gate_accepts_an_answer_in_float32(capsys):
    def in_float32(*args):
        return forget_step(*(a.astype(np.float32) for a in args))

    check_forget_gate(in_float32)
    assert "Exercise 3.1 passed" in capsys.readouterr().out
