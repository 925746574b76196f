"""The checkers of notebook 09 accept correct answers and name typical mistakes."""

import numpy as np
import pytest

from lstm_lib import GRU, sigmoid
from lstm_lib.checks import ExerciseError
from lstm_lib.checks.variants import check_gru_mix_backward, check_gru_step


def gru_step(x, h_prev, Wx, Wh, b):
    H = h_prev.shape[1]
    a = x @ Wx + b
    z = sigmoid(a[:, :H] + h_prev @ Wh[:, :H])
    r = sigmoid(a[:, H : 2 * H] + h_prev @ Wh[:, H : 2 * H])
    g = np.tanh(a[:, 2 * H :] + (r * h_prev) @ Wh[:, 2 * H :])
    return z * h_prev + (1 - z) * g


def gru_step_other(x, h_prev, Wx, Wh, b):
    # a second correct answer: split the blocks first, the mix written as a lerp
    Wxz, Wxr, Wxg = np.split(Wx, 3, axis=1)
    Whz, Whr, Whg = np.split(Wh, 3, axis=1)
    bz, br, bg = np.split(b, 3)
    z = 1 / (1 + np.exp(-(x @ Wxz + h_prev @ Whz + bz)))
    r = 1 / (1 + np.exp(-(x @ Wxr + h_prev @ Whr + br)))
    g = np.tanh(x @ Wxg + np.multiply(r, h_prev) @ Whg + bg)
    return g + z * (h_prev - g)


def test_reference_answer_is_the_library_step():
    rng = np.random.default_rng(0)
    Wx, Wh, b = rng.standard_normal((4, 9)), rng.standard_normal((3, 9)), rng.standard_normal(9)
    x, h = rng.standard_normal((2, 4)), rng.standard_normal((2, 3))
    np.testing.assert_allclose(gru_step(x, h, Wx, Wh, b), GRU(Wx, Wh, b).forward(x, h))


@pytest.mark.parametrize("answer", [gru_step, gru_step_other])
def test_gru_step_accepts_correct_answers(answer, capsys):
    check_gru_step(answer)
    check_gru_step(answer, np.random.default_rng())  # fresh random inputs too
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2 and all(line.startswith("Exercise 9.1 passed:") for line in out)


def test_gru_step_accepts_float32(capsys):
    check_gru_step(lambda *args: gru_step(*(a.astype(np.float32) for a in args)))
    assert "Exercise 9.1 passed" in capsys.readouterr().out


def _wrong_step(reset="before", mix="zh", act_gate=sigmoid, act_info=np.tanh, order=(0, 1, 2)):
    def step(x, h_prev, Wx, Wh, b):
        H = h_prev.shape[1]
        zs, rs, gs = (slice(k * H, (k + 1) * H) for k in order)
        a = x @ Wx + b
        z = act_gate(a[:, zs] + h_prev @ Wh[:, zs])
        r = act_gate(a[:, rs] + h_prev @ Wh[:, rs])
        memory = {
            "before": (r * h_prev) @ Wh[:, gs],
            "after": r * (h_prev @ Wh[:, gs]),
            "none": h_prev @ Wh[:, gs],
            "transposed": (r * h_prev) @ Wh[:, gs].T,
        }
        g = act_info(a[:, gs] + memory[reset])
        return {
            "zh": z * h_prev + (1 - z) * g,
            "swapped": (1 - z) * h_prev + z * g,
            "no 1-z": z * h_prev + g,
            "no h_prev": (1 - z) * g,
        }[mix]

    return step


@pytest.mark.parametrize(
    ("answer", "word"),
    [
        (_wrong_step(mix="swapped"), "swapped"),
        (_wrong_step(reset="after"), "after the product"),
        (_wrong_step(reset="none"), "reset gate is missing"),
        (_wrong_step(reset="transposed"), "wrong transpose"),
        (_wrong_step(act_info=sigmoid), "g uses sigmoid"),
        (_wrong_step(act_gate=np.tanh), "gates use tanh"),
        (_wrong_step(order=(1, 0, 2)), "z and r are swapped"),
        (_wrong_step(order=(2, 1, 0)), "z and g are swapped"),
        (_wrong_step(mix="no 1-z"), "not scaled"),
        (_wrong_step(mix="no h_prev"), "old state is missing"),
    ],
)
def test_gru_step_rejects_typical_mistakes(answer, word):
    with pytest.raises(ExerciseError, match=word):
        check_gru_step(answer)


def test_gru_step_names_a_reset_of_the_whole_sum():
    def outside(x, h_prev, Wx, Wh, b):
        H = h_prev.shape[1]
        a = x @ Wx + h_prev @ Wh + b
        z, r = sigmoid(a[:, :H]), sigmoid(a[:, H : 2 * H])
        return z * h_prev + (1 - z) * np.tanh(r * a[:, 2 * H :])

    with pytest.raises(ExerciseError, match="multiplies the whole sum"):
        check_gru_step(outside)


def test_gru_step_shape_errors_and_stubs_are_explained():
    def stub(x, h_prev, Wx, Wh, b):
        raise NotImplementedError

    with pytest.raises(ExerciseError, match="not solved yet"):
        check_gru_step(stub)
    with pytest.raises(ExerciseError, match="N = 4, D = 5, H = 2"):
        check_gru_step(lambda x, h, Wx, Wh, b: gru_step(x, h, Wx, Wh, b) if len(h) == 3 else h)


def mix_backward(dh, z, h_prev, g):
    return dh * (h_prev - g), dh * z, dh * (1 - z)


def mix_backward_other(dh, z, h_prev, g):
    # a second correct answer: through h = g + z (h_prev - g), returned as a list
    dz = np.multiply(dh, h_prev) - np.multiply(dh, g)
    return [dz, z * dh, dh - dh * z]


@pytest.mark.parametrize("answer", [mix_backward, mix_backward_other])
def test_mix_backward_accepts_correct_answers(answer, capsys):
    check_gru_mix_backward(answer)
    check_gru_mix_backward(answer, np.random.default_rng())
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2 and all(line.startswith("Exercise 9.2 passed:") for line in out)


@pytest.mark.parametrize(
    ("answer", "word"),
    [
        (lambda dh, z, h, g: (dh * (g - h), dh * z, dh * (1 - z)), "sign is flipped"),
        (lambda dh, z, h, g: (dh * h, dh * z, dh * (1 - z)), "also scales g"),
        (lambda dh, z, h, g: (dh * (h + g), dh * z, dh * (1 - z)), "minus sign"),
        (
            lambda dh, z, h, g: (dh * (h - g) * z * (1 - z), dh * z, dh * (1 - z)),
            "through the sigmoid",
        ),
        (lambda dh, z, h, g: (dh * (h - g), dh * (1 - z), dh * (1 - z)), "kept with z"),
        (lambda dh, z, h, g: (dh * (h - g), dh, dh * (1 - z)), "scaled by z"),
        (lambda dh, z, h, g: (dh * (h - g), dh * h, dh * (1 - z)), "OTHER input"),
        (lambda dh, z, h, g: (dh * (h - g), dh * z, dh * z), "let in with 1 - z"),
        (lambda dh, z, h, g: (dh * (h - g), dh * z, dh), "scaled by 1 - z"),
        (lambda dh, z, h, g: (dh * (h - g), dh * z, dh * (1 - z) * (1 - g**2)), "through the tanh"),
        (lambda dh, z, h, g: (dh @ (h - g), dh * z, dh * (1 - z)), "matrix product"),
    ],
)
def test_mix_backward_rejects_typical_mistakes(answer, word):
    with pytest.raises(ExerciseError, match=word):
        check_gru_mix_backward(answer)


def test_mix_backward_wants_three_values():
    with pytest.raises(ExerciseError, match="should return the tuple"):
        check_gru_mix_backward(lambda dh, z, h, g: (dh * (h - g), dh * z))
