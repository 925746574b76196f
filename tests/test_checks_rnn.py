"""The checkers of notebook 00 accept correct answers and name the typical mistakes."""

import math

import numpy as np
import pytest

from lstm_lib import RNN
from lstm_lib.checks import ExerciseError
from lstm_lib.checks.rnn import check_rnn_dh_prev, check_rnn_step, check_vanishing_steps

# --- Exercise 0.1: one RNN step ---------------------------------------------------------


def rnn_step_reference(x, h_prev, Wx, Wh, b):
    return np.tanh(x @ Wx + h_prev @ Wh + b)


def rnn_step_via_library(x, h_prev, Wx, Wh, b):
    # a second, differently written correct answer: the library's RNN layer
    return RNN(Wx, Wh, b).forward(x, h_prev)


def rnn_step_via_exp(x, h_prev, Wx, Wh, b):
    # tanh written with exponentials, the products written with np.dot
    a = np.dot(x, Wx) + np.dot(h_prev, Wh) + b
    return (np.exp(2 * a) - 1) / (np.exp(2 * a) + 1)


@pytest.mark.parametrize("answer", [rnn_step_reference, rnn_step_via_library, rnn_step_via_exp])
def test_rnn_step_accepts_correct_answers(answer, capsys):
    check_rnn_step(answer)
    assert capsys.readouterr().out == (
        "Exercise 0.1 passed: rnn_step computes tanh(x Wx + h_prev Wh + b)\n"
    )


@pytest.mark.parametrize(
    ("wrong", "word"),
    [
        (lambda x, h, Wx, Wh, b: np.tanh(x @ Wx + h @ Wh), "forget the bias"),
        (lambda x, h, Wx, Wh, b: 1 / (1 + np.exp(-(x @ Wx + h @ Wh + b))), "sigmoid"),
        (lambda x, h, Wx, Wh, b: np.tanh(x @ Wx + h @ Wh.T + b), "transpose"),
        (lambda x, h, Wx, Wh, b: np.tanh(x @ Wx + b), "recurrent term is missing"),
        (lambda x, h, Wx, Wh, b: x @ Wx + h @ Wh + b, "apply tanh"),
        (lambda x, h, Wx, Wh, b: np.tanh(x * Wx + h @ Wh + b), "matrix product @"),
        (lambda x, h, Wx, Wh, b: np.tanh(x @ Wx) + np.tanh(h @ Wh) + np.tanh(b), "whole sum"),
    ],
)
def test_rnn_step_rejects_typical_mistakes(wrong, word):
    with pytest.raises(ExerciseError, match=word):
        check_rnn_step(wrong)


def test_rnn_step_stub_is_reported_as_not_solved():
    def stub(x, h_prev, Wx, Wh, b):
        raise NotImplementedError

    with pytest.raises(ExerciseError, match="not solved yet"):
        check_rnn_step(stub)


def test_rnn_step_does_not_see_changes_the_student_makes_to_its_inputs():
    def in_place(x, h_prev, Wx, Wh, b):
        x *= 0  # a careless in-place edit must not corrupt the checker's later tests
        return np.tanh(h_prev @ Wh + b)

    with pytest.raises(ExerciseError, match="input term is missing"):
        check_rnn_step(in_place)


# --- Exercise 0.2: dh_prev of one RNN step ----------------------------------------------


def dh_prev_reference(dh_next, h_next, Wh):
    return (dh_next * (1 - h_next**2)) @ Wh.T


def dh_prev_second(dh_next, h_next, Wh):
    # (1 - h)(1 + h) = 1 - h^2, and (A @ B.T) = (B @ A.T).T
    da = dh_next * (1 - h_next) * (1 + h_next)
    return (Wh @ da.T).T


@pytest.mark.parametrize("answer", [dh_prev_reference, dh_prev_second])
def test_rnn_dh_prev_accepts_correct_answers(answer, capsys):
    check_rnn_dh_prev(answer)
    assert capsys.readouterr().out.startswith("Exercise 0.2 passed:")


@pytest.mark.parametrize(
    ("wrong", "word"),
    [
        (lambda dh, h, Wh: dh @ Wh.T, "ignores the tanh node"),
        (lambda dh, h, Wh: (dh * (1 - h**2)) @ Wh, "wrong transpose"),
        (lambda dh, h, Wh: (dh * (1 - np.tanh(h) ** 2)) @ Wh.T, "applies tanh to h_next again"),
        (lambda dh, h, Wh: (dh * (1 - h)) @ Wh.T, "squared"),
        (lambda dh, h, Wh: (dh * h * (1 - h)) @ Wh.T, "sigmoid's derivative"),
        (lambda dh, h, Wh: dh * (1 - h**2), "product with Wh.T is missing"),
    ],
)
def test_rnn_dh_prev_rejects_typical_mistakes(wrong, word):
    with pytest.raises(ExerciseError, match=word):
        check_rnn_dh_prev(wrong)


# --- Exercise 0.3: steps until the gradient is below 1e-6 -------------------------------


@pytest.mark.parametrize("answer", [20, 20.0, np.int64(20), math.ceil(6 / math.log10(2))])
def test_vanishing_steps_accepts_correct_answers(answer, capsys):
    check_vanishing_steps(answer)
    assert capsys.readouterr().out == ("Exercise 0.3 passed: after 20 steps 0.5**k is below 1e-6\n")


@pytest.mark.parametrize(
    ("wrong", "word"),
    [
        (19, "too few steps"),
        (6, "exponent of 10"),
        (21, "smallest"),
        (math.log(1e-6) / math.log(0.5), "whole number"),
        ("twenty", "number of steps"),
    ],
)
def test_vanishing_steps_rejects_typical_mistakes(wrong, word):
    with pytest.raises(ExerciseError, match=word):
        check_vanishing_steps(wrong)


def test_rnn_step_accepts_an_answer_in_float32(capsys):
    def in_float32(x, h_prev, Wx, Wh, b):
        args = (a.astype(np.float32) for a in (x, h_prev, Wx, Wh, b))
        return rnn_step_reference(*args)

    check_rnn_step(in_float32)
    assert "Exercise 0.1 passed" in capsys.readouterr().out
