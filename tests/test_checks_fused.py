"""Tests of the checkers of notebook 07 (lstm_lib.checks.fused)."""

import numpy as np
import pytest

from lstm_lib import LSTM, TimeLSTM, sigmoid, tanh
from lstm_lib.checks import ExerciseError
from lstm_lib.checks.fused import (
    check_backward_through_time,
    check_fused_lstm_step,
    check_run_sequence,
)

# --------------------------------------------------------------------------- Exercise 7.1


def _step(x, h_prev, c_prev, Wx, Wh, b, *, order="fgio", act_o=sigmoid, use_h=True, tanh_c=True):
    """A fused step with switches that turn it into a typical wrong answer."""
    H = Wh.shape[0]
    A = x @ Wx + (h_prev @ Wh if use_h else 0) + b
    a = {gate: A[:, k * H : (k + 1) * H] for k, gate in enumerate(order)}
    f, g, i, o = sigmoid(a["f"]), tanh(a["g"]), sigmoid(a["i"]), act_o(a["o"])
    c = f * c_prev + g * i
    return o * (tanh(c) if tanh_c else c), c


def test_step_accepts_the_reference(capsys):
    check_fused_lstm_step(_step)
    assert capsys.readouterr().out.startswith("Exercise 7.1 passed")


def test_step_accepts_the_library_layer(capsys):
    check_fused_lstm_step(lambda x, h, c, Wx, Wh, b: LSTM(Wx, Wh, b).forward(x, h, c))
    assert "passed" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("kwargs", "word"),
    [
        ({"order": "ifgo"}, "PyTorch's and Keras's order i, f, g, o"),
        ({"order": "fgoi"}, "the order f, g, o, i"),
        ({"act_o": tanh}, "tanh for o"),
        ({"use_h": False}, "without h_prev @ Wh"),
        ({"tanh_c": False}, "forget the tanh of the cell"),
    ],
)
def test_step_rejects_typical_mistakes(kwargs, word):
    def wrong(x, h_prev, c_prev, Wx, Wh, b):
        return _step(x, h_prev, c_prev, Wx, Wh, b, **kwargs)

    with pytest.raises(ExerciseError, match=word):
        check_fused_lstm_step(wrong)


# --------------------------------------------------------------------------- Exercise 7.2


def _run(xs, Wx, Wh, b, *, carry_h=True, carry_c=True, time_major=False):
    N, T, _ = xs.shape
    H = Wh.shape[0]
    h, c = np.zeros((N, H)), np.zeros((N, H))
    hs = []
    for t in range(T):
        h, c = LSTM(Wx, Wh, b).forward(xs[:, t], h if carry_h else 0 * h, c if carry_c else 0 * c)
        hs.append(h)
    return np.stack(hs, axis=0 if time_major else 1)


def test_sequence_accepts_the_reference(capsys):
    check_run_sequence(_run)
    assert capsys.readouterr().out.startswith("Exercise 7.2 passed")


def test_sequence_accepts_time_lstm(capsys):
    check_run_sequence(lambda xs, Wx, Wh, b: TimeLSTM(Wx, Wh, b).forward(xs))
    assert "passed" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("kwargs", "word"),
    [
        ({"carry_h": False}, "carry h from each step"),
        ({"carry_c": False}, "memory cell must be carried"),
        ({"carry_h": False, "carry_c": False}, "fresh state at every step"),
        ({"time_major": True}, r"\(T, N, H\)"),
    ],
)
def test_sequence_rejects_typical_mistakes(kwargs, word):
    with pytest.raises(ExerciseError, match=word):
        check_run_sequence(lambda xs, Wx, Wh, b: _run(xs, Wx, Wh, b, **kwargs))


# --------------------------------------------------------------------------- Exercise 7.3


def _bptt(steps, dhs, *, accumulate=True, carry_h=True, carry_c=True, backwards=True):
    N, T, H = dhs.shape
    dxs = [None] * T
    dWx, dWh, db = (np.zeros_like(p) for p in steps[0].params)
    dh, dc = np.zeros((N, H)), np.zeros((N, H))
    for t in reversed(range(T)) if backwards else range(T):
        dxs[t], dh_prev, dc_prev = steps[t].backward(dhs[:, t] + dh, dc)
        dh = dh_prev if carry_h else np.zeros_like(dh_prev)
        dc = dc_prev if carry_c else np.zeros_like(dc_prev)
        if accumulate:
            dWx, dWh, db = dWx + steps[t].grads[0], dWh + steps[t].grads[1], db + steps[t].grads[2]
        else:
            dWx, dWh, db = (g.copy() for g in steps[t].grads)
    return np.stack(dxs, axis=1), dWx, dWh, db


def test_bptt_accepts_the_reference(capsys):
    check_backward_through_time(_bptt)
    assert capsys.readouterr().out.startswith("Exercise 7.3 passed")


def test_bptt_accepts_another_correct_answer(capsys):
    def collect_then_sum(steps, dhs):
        T = dhs.shape[1]
        dh = np.zeros_like(dhs[:, 0])
        dc = np.zeros_like(dh)
        per_step, dxs = [], np.zeros((dhs.shape[0], T, steps[0].params[0].shape[0]))
        t = T - 1
        while t >= 0:
            dxs[:, t], dh, dc = steps[t].backward(dh + dhs[:, t], dc)
            per_step.append([g.copy() for g in steps[t].grads])
            t -= 1
        dWx, dWh, db = (np.sum([s[k] for s in per_step], axis=0) for k in range(3))
        return dxs, dWx, dWh, db

    check_backward_through_time(collect_then_sum)
    assert "passed" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("kwargs", "word"),
    [
        ({"accumulate": False}, "add \\(\\+=\\) every step's gradient"),
        ({"carry_h": False}, "dh_prev dropped between steps"),
        ({"carry_c": False}, "carry dc_prev back"),
        ({"backwards": False}, "runs forward in time"),
    ],
)
def test_bptt_rejects_typical_mistakes(kwargs, word):
    with pytest.raises(ExerciseError, match=word):
        check_backward_through_time(lambda steps, dhs: _bptt(steps, dhs, **kwargs))
