"""The checkers of notebook 02 accept correct answers and name typical mistakes."""

import numpy as np
import pytest

from lstm_lib import Gate
from lstm_lib.checks import ExerciseError
from lstm_lib.checks.output_gate import check_output_backward, check_output_gate


def sig(a):
    return 1 / (1 + np.exp(-a))


def output_step(x, h_prev, c, Wx, Wh, b):
    o = sig(x @ Wx + h_prev @ Wh + b)
    return o, o * np.tanh(c)


def output_step_via_library(x, h_prev, c, Wx, Wh, b):
    # a second, differently written correct answer: the library's Gate and einsum
    o = Gate(Wx, Wh, b).forward(x, h_prev)
    return o, np.einsum("nh,nh->nh", o, np.tanh(c))


def output_backward(dh, o, c):
    t = np.tanh(c)
    return dh * t, dh * o * (1 - t**2)


def output_backward_other(dh, o, c):
    # written another way: cosh, and a list instead of a tuple
    do = np.multiply(dh, np.tanh(c))
    dc = dh * o / np.cosh(c) ** 2
    return [do, dc]


@pytest.mark.parametrize("answer", [output_step, output_step_via_library])
def test_output_gate_accepts_correct_answers(answer, capsys):
    check_output_gate(answer)
    assert capsys.readouterr().out.startswith("Exercise 2.1 passed:")


@pytest.mark.parametrize(
    ("answer", "word"),
    [
        (lambda x, h, c, Wx, Wh, b: _h(np.tanh(x @ Wx + h @ Wh + b), c), "tanh where a gate"),
        (lambda x, h, c, Wx, Wh, b: _h(sig(x @ Wx + h @ Wh), c), "bias b is missing"),
        (lambda x, h, c, Wx, Wh, b: _h(sig(x @ Wx.T + h @ Wh + b), c), "transpose"),
        (lambda x, h, c, Wx, Wh, b: _h(sig(x @ Wh + h @ Wx + b), c), "mixed up"),
        (lambda x, h, c, Wx, Wh, b: _h(sig(x @ Wx + h @ Wh.T + b), c), "transpose"),
        (lambda x, h, c, Wx, Wh, b: _h(sig(x @ Wx + b), c), "h_prev @ Wh is missing"),
        (lambda x, h, c, Wx, Wh, b: _o(x, h, Wx, Wh, b, lambda o: o), "Hadamard product"),
        (lambda x, h, c, Wx, Wh, b: _o(x, h, Wx, Wh, b, lambda o: o @ np.tanh(c)), "matrix"),
        (lambda x, h, c, Wx, Wh, b: _o(x, h, Wx, Wh, b, lambda o: o * c), "tanh of the memory"),
        (lambda x, h, c, Wx, Wh, b: _o(x, h, Wx, Wh, b, lambda o: np.tanh(o * c)), "squash c"),
    ],
)
def test_output_gate_rejects_typical_mistakes(answer, word):
    with pytest.raises(ExerciseError, match=word):
        check_output_gate(answer)


def _h(o, c):
    return o, o * np.tanh(c)


def _o(x, h_prev, Wx, Wh, b, make_h):
    o = sig(x @ Wx + h_prev @ Wh + b)
    return o, make_h(o)


def test_output_gate_turns_a_shape_error_into_a_hint():
    def crashes_on_non_square(x, h_prev, c, Wx, Wh, b):
        o = sig(x @ Wx + h_prev @ Wh + b)
        return o, o * np.tanh(c) if o.shape == (3, 3) else o @ np.tanh(c)

    with pytest.raises(ExerciseError, match="elementwise"):
        check_output_gate(crashes_on_non_square)


def test_output_gate_rejects_a_single_return_value():
    with pytest.raises(ExerciseError, match=r"tuple \(o, h\)"):
        check_output_gate(lambda x, h, c, Wx, Wh, b: sig(x @ Wx + h @ Wh + b))


def test_output_gate_reports_an_unsolved_stub():
    def stub(x, h_prev, c, Wx, Wh, b):
        raise NotImplementedError

    with pytest.raises(ExerciseError, match="not solved yet"):
        check_output_gate(stub)


@pytest.mark.parametrize("answer", [output_backward, output_backward_other])
def test_output_backward_accepts_correct_answers(answer, capsys):
    check_output_backward(answer)
    assert capsys.readouterr().out.startswith("Exercise 2.2 passed:")


@pytest.mark.parametrize(
    ("answer", "word"),
    [
        (lambda dh, o, c: (dh * o, dh * np.tanh(c)), "OTHER input"),
        (lambda dh, o, c: (dh * np.tanh(c), dh * o), "tanh node is missing"),
        (lambda dh, o, c: (dh * c, dh * o * (1 - np.tanh(c) ** 2)), "not by c itself"),
        (lambda dh, o, c: (dh @ np.tanh(c).T, dh * o * (1 - np.tanh(c) ** 2)), "transpose"),
        (lambda dh, o, c: (dh * np.tanh(c), dh * o * (1 - c**2)), "1 - c\\*\\*2"),
        (
            lambda dh, o, c: (dh * np.tanh(c), dh * o * np.tanh(c) * (1 - np.tanh(c))),
            "sigmoid's derivative",
        ),
    ],
)
def test_output_backward_rejects_typical_mistakes(answer, word):
    with pytest.raises(ExerciseError, match=word):
        check_output_backward(answer)
