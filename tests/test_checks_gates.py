"""The checkers of notebook 01 accept correct answers and name the typical mistakes."""

import numpy as np
import pytest

from lstm_lib import Gate, sigmoid
from lstm_lib.checks import ExerciseError
from lstm_lib.checks.gates import check_apply_gate, check_gate_backward, check_sigmoid_chain

# --- Exercise 1.1: a gate applied to information -----------------------------------------


def apply_gate_reference(v, x, h_prev, Wx, Wh, b):
    return sigmoid(x @ Wx + h_prev @ Wh + b) * v


def apply_gate_via_library(v, x, h_prev, Wx, Wh, b):
    # a second, differently written correct answer: the library's Gate layer and np.multiply
    return np.multiply(Gate(Wx, Wh, b).forward(x, h_prev), v)


def apply_gate_via_exp(v, x, h_prev, Wx, Wh, b):
    # the sigmoid written with exp, the affine part as one product of stacked arrays
    a = np.hstack([x, h_prev]) @ np.vstack([Wx, Wh]) + b
    return v / (1 + np.exp(-a))


@pytest.mark.parametrize(
    "answer", [apply_gate_reference, apply_gate_via_library, apply_gate_via_exp]
)
def test_apply_gate_accepts_correct_answers(answer, capsys):
    check_apply_gate(answer)
    assert capsys.readouterr().out == (
        "Exercise 1.1 passed: apply_gate computes sigmoid(x Wx + h_prev Wh + b) * v\n"
    )


@pytest.mark.parametrize(
    ("wrong", "word"),
    [
        (lambda v, x, h, Wx, Wh, b: np.tanh(x @ Wx + h @ Wh + b) * v, "tanh where a gate"),
        (lambda v, x, h, Wx, Wh, b: sigmoid(x @ Wx + h @ Wh) * v, "forget the bias"),
        (lambda v, x, h, Wx, Wh, b: sigmoid(x @ Wx + h @ Wh + b) @ v.T, "elementwise"),
        (lambda v, x, h, Wx, Wh, b: sigmoid(x @ Wx + h @ Wh + b) @ v, "elementwise product"),
        (lambda v, x, h, Wx, Wh, b: sigmoid(x @ Wx + h @ Wh.T + b) * v, "transpose"),
        (lambda v, x, h, Wx, Wh, b: sigmoid(x @ Wx + h @ Wh + b), "ignores v"),
        (lambda v, x, h, Wx, Wh, b: sigmoid((x @ Wx + h @ Wh + b) * v), "before the sigmoid"),
        (lambda v, x, h, Wx, Wh, b: sigmoid(h @ Wh + b) * v, "input term is missing"),
    ],
)
def test_apply_gate_rejects_typical_mistakes(wrong, word):
    with pytest.raises(ExerciseError, match=word):
        check_apply_gate(wrong)


# --- Exercise 1.2: the backward pass of a gate -------------------------------------------


def gate_backward_reference(dy, y, x, h_prev, Wx, Wh):
    da = dy * y * (1 - y)
    return da @ Wx.T, da @ Wh.T, x.T @ da, h_prev.T @ da, da.sum(axis=0)


def gate_backward_second(dy, y, x, h_prev, Wx, Wh):
    # the same numbers written with einsum and a loop over the batch for db
    da = dy * (y - y**2)
    db = np.zeros(da.shape[1])
    for row in da:
        db += row
    return (
        np.einsum("nh,dh->nd", da, Wx),
        np.einsum("nh,kh->nk", da, Wh),
        np.einsum("nd,nh->dh", x, da),
        np.einsum("nk,nh->kh", h_prev, da),
        db,
    )


@pytest.mark.parametrize("answer", [gate_backward_reference, gate_backward_second])
def test_gate_backward_accepts_correct_answers(answer, capsys):
    check_gate_backward(answer)
    assert capsys.readouterr().out.startswith("Exercise 1.2 passed:")


def _with(**changes):
    """The reference backward with one of its terms replaced by a typical mistake."""

    def wrong(dy, y, x, h_prev, Wx, Wh):
        da = changes.get("da", lambda dy, y: dy * y * (1 - y))(dy, y)
        out = {
            "dx": da @ Wx.T,
            "dh_prev": da @ Wh.T,
            "dWx": x.T @ da,
            "dWh": h_prev.T @ da,
            "db": da.sum(axis=0),
        }
        for name in ("dx", "dh_prev", "dWx", "dWh", "db"):
            if name in changes:
                out[name] = changes[name](da, x, h_prev, Wx, Wh)
        return out["dx"], out["dh_prev"], out["dWx"], out["dWh"], out["db"]

    return wrong


@pytest.mark.parametrize(
    ("wrong", "word"),
    [
        (_with(da=lambda dy, y: dy), "skips the sigmoid node"),
        (_with(da=lambda dy, y: dy * (1 - y**2)), "tanh'"),
        (_with(da=lambda dy, y: dy * sigmoid(y) * (1 - sigmoid(y))), "applies sigmoid to y again"),
        (_with(db=lambda da, x, h, Wx, Wh: da), "summed over the batch"),
        (_with(dWx=lambda da, x, h, Wx, Wh: da.T @ x), "transpose"),
        (_with(dWh=lambda da, x, h, Wx, Wh: da.T @ h), "wrong transpose"),
        (_with(dh_prev=lambda da, x, h, Wx, Wh: da @ Wh), "wrong transpose"),
        (_with(dx=lambda da, x, h, Wx, Wh: da @ Wx), "W.T"),
    ],
)
def test_gate_backward_rejects_typical_mistakes(wrong, word):
    with pytest.raises(ExerciseError, match=word):
        check_gate_backward(wrong)


def test_gate_backward_wants_a_tuple_of_five():
    with pytest.raises(ExerciseError, match=r"\(dx, dh_prev, dWx, dWh, db\)"):
        check_gate_backward(lambda dy, y, x, h_prev, Wx, Wh: dy)


# --- Exercise 1.3: ten sigmoid nodes in a row --------------------------------------------


@pytest.mark.parametrize("answer", [0.25**10, 1 / 4**10, 9.537e-7, np.float32(0.25) ** 10])
def test_sigmoid_chain_accepts_correct_answers(answer, capsys):
    check_sigmoid_chain(answer)
    assert capsys.readouterr().out.startswith("Exercise 1.3 passed:")


@pytest.mark.parametrize(
    ("wrong", "word"),
    [
        (1.0, "largest slope of tanh"),
        (0.25, "ten nodes in a row multiply"),
        (2.5, "do not add"),
        (0.5**10, "slope there"),
        (1e-3, "chain rule"),
    ],
)
def test_sigmoid_chain_rejects_typical_mistakes(wrong, word):
    with pytest.raises(ExerciseError, match=word):
        check_sigmoid_chain(wrong)


def test_gate_backward_accepts_an_answer_in_float32_as_lists(capsys):
    def in_float32(*args):
        grads = gate_backward_reference(*(a.astype(np.float32) for a in args))
        return [g.tolist() for g in grads]

    check_gate_backward(in_float32)
    assert "Exercise 1.2 passed" in capsys.readouterr().out
