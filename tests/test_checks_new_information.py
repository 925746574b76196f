"""The checkers of notebook 04 accept correct answers and name typical mistakes."""

import numpy as np
import pytest

from lstm_lib import Candidate, sigmoid
from lstm_lib.checks import ExerciseError
from lstm_lib.checks.new_information import (
    check_cell_backward,
    check_new_information,
    check_random_walk_spread,
)


def write_step(x, h_prev, c_prev, f, Wx, Wh, b):
    g = np.tanh(x @ Wx + h_prev @ Wh + b)
    return g, f * c_prev + g


def write_step_other(x, h_prev, c_prev, f, Wx, Wh, b):
    # a second, differently written correct answer: the library's Candidate, tanh from sigmoid
    a = x @ Wx + h_prev @ Wh + b
    g = 2 * sigmoid(2 * a) - 1
    assert np.allclose(g, Candidate(Wx, Wh, b).forward(x, h_prev))
    c = c_prev.copy()
    c *= f
    c += g
    return [g, c]


@pytest.mark.parametrize("answer", [write_step, write_step_other])
def test_new_information_accepts_correct_answers(answer, capsys):
    check_new_information(answer)
    assert capsys.readouterr().out.startswith("Exercise 4.1 passed:")


def _c(make):
    def answer(x, h_prev, c_prev, f, Wx, Wh, b):
        g = np.tanh(x @ Wx + h_prev @ Wh + b)
        return g, make(f, c_prev, g)

    return answer


@pytest.mark.parametrize(
    ("answer", "word"),
    [
        (lambda x, h, c, f, Wx, Wh, b: (sigmoid(x @ Wx + h @ Wh + b), c), "sigmoid where"),
        (lambda x, h, c, f, Wx, Wh, b: (np.tanh(x @ Wx + h @ Wh), c), "bias b is missing"),
        (lambda x, h, c, f, Wx, Wh, b: (np.tanh(x @ Wx.T + h @ Wh + b), c), "transpose"),
        (lambda x, h, c, f, Wx, Wh, b: (np.tanh(x @ Wx) + np.tanh(h @ Wh + b), c), "once"),
        (_c(lambda f, c, g: f @ c + g), "matrix product"),
        (_c(lambda f, c, g: f * c), "not added"),
        (_c(lambda f, c, g: f * (c + g)), "only the old memory"),
        (_c(lambda f, c, g: c + g), "forget gate is missing"),
    ],
)
def test_new_information_rejects_typical_mistakes(answer, word):
    with pytest.raises(ExerciseError, match=word):
        check_new_information(answer)


def cell_backward(dc, f, g):
    return dc * f, dc * (1 - g**2)


def cell_backward_other(dc, f, g):
    # a second correct answer: the + node's copy made explicit, then the two nodes
    d_kept, dg = dc.copy(), dc.copy()
    return np.multiply(d_kept, f), dg * (1 + g) * (1 - g)


@pytest.mark.parametrize("answer", [cell_backward, cell_backward_other])
def test_cell_backward_accepts_correct_answers(answer, capsys):
    check_cell_backward(answer)
    assert capsys.readouterr().out.startswith("Exercise 4.2 passed:")


@pytest.mark.parametrize(
    ("answer", "word"),
    [
        (lambda dc, f, g: (dc / 2 * f, dc / 2 * (1 - g**2)), "COPIES"),
        (lambda dc, f, g: (dc, dc * (1 - g**2)), "dc_prev = dc ⊙ f"),
        (lambda dc, f, g: (dc * f, dc * g * (1 - g)), "sigmoid's derivative"),
        (lambda dc, f, g: (dc * f, dc * (1 - np.tanh(g) ** 2)), "already tanh's output"),
        (lambda dc, f, g: (dc * f, dc), "tanh node is missing"),
        (lambda dc, f, g: (dc @ f.T, dc * (1 - g**2)), "transpose"),
    ],
)
def test_cell_backward_rejects_typical_mistakes(answer, word):
    with pytest.raises(ExerciseError, match=word):
        check_cell_backward(answer)


@pytest.mark.parametrize("answer", [4.0, 0.2 * np.sqrt(400), np.sqrt(400 * 0.04)])
def test_random_walk_spread_accepts_correct_answers(answer, capsys):
    check_random_walk_spread(answer)
    assert capsys.readouterr().out.startswith("Exercise 4.3 passed:")


@pytest.mark.parametrize(
    ("answer", "word"),
    [
        (80.0, "variances do"),
        (16.0, "variance of c_400"),
        (0.2, "grows"),
        (0.01, "MEAN"),
        (None, "not solved"),
    ],
)
def test_random_walk_spread_rejects_typical_mistakes(answer, word):
    with pytest.raises(ExerciseError, match=word):
        check_random_walk_spread(answer)
