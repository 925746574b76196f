"""Tests of the checkers of notebook 06: right answers pass, typical mistakes are named."""

import math

import numpy as np
import pytest

from lstm_lib import sigmoid
from lstm_lib.checks import ExerciseError
from lstm_lib.checks.gradient_flow import check_cell_path_backward, check_steps_to_halve

# Exercise 6.1 ---------------------------------------------------------------------------


def reference_cell_path(dc_local, fs):
    N, T, H = dc_local.shape
    dcs = np.zeros((N, T + 1, H))
    dc = np.zeros((N, H))
    for t in reversed(range(T)):
        dc = dc + dc_local[:, t]  # the + node: this step's own gradient joins
        dcs[:, t + 1] = dc
        dc = dc * fs[:, t]  # the ⊙ f node
    dcs[:, 0] = dc
    return dcs


def second_cell_path(dc_local, fs):
    # written forwards in k = T - t, with a list and np.stack
    T = dc_local.shape[1]
    out = [dc_local[:, T - 1]]
    for t in range(T - 1, 0, -1):
        out.append(dc_local[:, t - 1] + fs[:, t] * out[-1])
    out.append(fs[:, 0] * out[-1])
    return np.stack(out[::-1], axis=1)


def not_accumulated(dc_local, fs):
    dcs = reference_cell_path(np.zeros_like(dc_local), fs)  # shape only
    dc = dc_local[:, -1]
    dcs[:, -1] = dc
    for t in reversed(range(dc_local.shape[1])):
        dc = dc * fs[:, t]
        dcs[:, t] = dc
    return dcs


def off_by_one(dc_local, fs):
    N, T, H = dc_local.shape
    dcs = np.zeros((N, T + 1, H))
    dc = np.zeros((N, H))
    for t in reversed(range(T)):
        dc = dc + dc_local[:, t]
        dcs[:, t + 1] = dc
        dc = dc * fs[:, t - 1]  # the gate of the earlier step
    dcs[:, 0] = dc
    return dcs


def own_replaces_carried(dc_local, fs):
    N, T, H = dc_local.shape
    dcs = np.zeros((N, T + 1, H))
    dc = np.zeros((N, H))
    for t in reversed(range(T)):
        dc = dc_local[:, t]  # = instead of +=: what came back from later cells is lost
        dcs[:, t + 1] = dc
        dc = dc * fs[:, t]
    dcs[:, 0] = dc
    return dcs


def half_of_own_gradient(dc_local, fs):
    # unrelated to any catalogued mistake: the own gradients of c_1 .. c_(T-1) are halved,
    # so the first stages (T = 1, then a gradient only at the last step) pass
    halved = dc_local.copy()
    halved[:, :-1] /= 2
    return reference_cell_path(halved, fs)


def sigmoid_derivative(dc_local, fs):
    return reference_cell_path(dc_local, fs * (1 - fs))


def no_forget_gate(dc_local, fs):
    return reference_cell_path(dc_local, np.ones_like(fs))


def without_c0(dc_local, fs):
    return reference_cell_path(dc_local, fs)[:, 1:]


def float32_list_cell_path(dc_local, fs):
    return reference_cell_path(dc_local.astype(np.float32), fs.astype(np.float32)).tolist()


def test_cell_path_accepts_correct_answers(capsys):
    check_cell_path_backward(reference_cell_path)
    check_cell_path_backward(second_cell_path)
    check_cell_path_backward(float32_list_cell_path)
    assert capsys.readouterr().out.count("Exercise 6.1 passed") == 3


@pytest.mark.parametrize(
    "wrong, word",
    [
        (not_accumulated, "is not right: the gradient is not accumulated over time"),
        (own_replaces_carried, "is not right: the gradient carried back .* was replaced"),
        (off_by_one, "is not right: an off-by-one"),
        (sigmoid_derivative, "derivative"),
        (no_forget_gate, "unchanged"),
        (without_c0, "c_0"),
    ],
)
def test_cell_path_rejects_typical_mistakes(wrong, word):
    with pytest.raises(ExerciseError, match=word):
        check_cell_path_backward(wrong)


def test_cell_path_names_no_mistake_that_an_answer_does_not_match():
    with pytest.raises(ExerciseError) as info:
        check_cell_path_backward(half_of_own_gradient)
    message = str(info.value)
    assert "is off by up to" in message and "the two streams add" in message
    assert "not accumulated" not in message and "is not right:" not in message


def test_cell_path_stub_is_not_solved_yet():
    def stub(dc_local, fs):
        raise NotImplementedError

    with pytest.raises(ExerciseError, match="not solved yet"):
        check_cell_path_backward(stub)


# Exercise 6.2 ---------------------------------------------------------------------------


def reference_halve(forget_bias):
    f = float(sigmoid(forget_bias))
    return math.ceil(math.log(0.5) / math.log(f))


def second_halve(forget_bias):
    f = 1 / (1 + math.exp(-forget_bias))
    k, scale = 1, f
    while scale > 0.5:
        k, scale = k + 1, scale * f
    return k


def bias_not_sigmoid(forget_bias):
    return math.ceil(math.log(0.5) / math.log(forget_bias)) if forget_bias > 0 else 0


def rounded_down(forget_bias):
    return math.floor(math.log(0.5) / math.log(float(sigmoid(forget_bias))))


def linear_decay(forget_bias):
    return math.ceil(0.5 / (1 - float(sigmoid(forget_bias))))


def sigmoid_prime(forget_bias):
    f = float(sigmoid(forget_bias))
    return math.ceil(math.log(0.5) / math.log(f * (1 - f)))


def as_float(forget_bias):
    return float(reference_halve(forget_bias))


def test_halve_accepts_correct_answers(capsys):
    check_steps_to_halve(reference_halve)
    check_steps_to_halve(second_halve)
    check_steps_to_halve(as_float)  # np.ceil gives 15.0: the right count, as a float
    assert capsys.readouterr().out.count("Exercise 6.2 passed") == 3


@pytest.mark.parametrize(
    "wrong, word",
    [
        (bias_not_sigmoid, "σ\\(b\\) belongs"),
        (rounded_down, "round the number of steps up"),
        (linear_decay, "linear decay"),
        (sigmoid_prime, "σ'\\(b\\)"),
    ],
)
def test_halve_rejects_typical_mistakes(wrong, word):
    with pytest.raises(ExerciseError, match=word):
        check_steps_to_halve(wrong)
