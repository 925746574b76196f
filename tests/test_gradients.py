"""Numerical gradient checks of every layer, its parameters and all its inputs (float64)."""

import numpy as np
import pytest

from lstm_lib import (
    LSTM,
    RNN,
    Affine,
    Candidate,
    Gate,
    LSTMCell,
    MatMul,
    Sigmoid,
    Tanh,
    TimeAffine,
    TimeLSTM,
    TimeRNN,
    check_layer_gradients,
    init_rnn_params,
    numerical_gradient,
    rel_error,
    split_weights,
)

TOL = 1e-7


def _assert_passes(report):
    assert report.passed, str(report)
    assert report.max_error < TOL


def test_matmul_affine_sigmoid_tanh(rng):
    x = rng.standard_normal((3, 4))
    _assert_passes(check_layer_gradients(MatMul(rng.standard_normal((4, 2))), (x,), rng))
    layer = Affine(rng.standard_normal((4, 2)), rng.standard_normal(2))
    _assert_passes(check_layer_gradients(layer, (x,), rng))
    _assert_passes(check_layer_gradients(Sigmoid(), (3 * x,), rng))
    _assert_passes(check_layer_gradients(Tanh(), (x,), rng))


def test_time_affine(rng):
    layer = TimeAffine(rng.standard_normal((4, 3)), rng.standard_normal(3))
    _assert_passes(check_layer_gradients(layer, (rng.standard_normal((2, 5, 4)),), rng))


@pytest.mark.parametrize("unit", [Gate, Candidate])
def test_gate_and_candidate(unit, lstm_setup, rng):
    Wx, Wh, b, x, h_prev, _ = lstm_setup
    report = check_layer_gradients(unit(*split_weights(Wx, Wh, b)["i"]), (x, h_prev), rng)
    assert list(report.errors) == ["Wx", "Wh", "b", "x", "h_prev"]
    _assert_passes(report)


def test_unfused_cell_all_twelve_arrays_and_inputs(lstm_setup, rng):
    Wx, Wh, b, x, h_prev, c_prev = lstm_setup
    report = check_layer_gradients(LSTMCell.from_fused(Wx, Wh, b), (x, h_prev, c_prev), rng)
    assert len(report.errors) == 12 + 3
    _assert_passes(report)


def test_fused_step(lstm_setup, rng):
    Wx, Wh, b, x, h_prev, c_prev = lstm_setup
    _assert_passes(check_layer_gradients(LSTM(Wx, Wh, b), (x, h_prev, c_prev), rng))


def test_time_lstm_from_a_nonzero_state(lstm_setup, rng):
    Wx, Wh, b, _, h0, c0 = lstm_setup
    xs = rng.standard_normal((3, 6, 4))
    layer = TimeLSTM(Wx, Wh, b)

    class FromState:
        """Wraps TimeLSTM so that each forward starts from (h0, c0)."""

        params, grads, param_names = layer.params, layer.grads, layer.param_names

        def forward(self, xs):
            layer.set_state(h0, c0)
            return layer.forward(xs)

        def backward(self, dhs):
            return layer.backward(dhs)

    _assert_passes(check_layer_gradients(FromState(), (xs,), rng))


def test_time_lstm_initial_state_gradients(lstm_setup, rng):
    """dh and dc after backward are the gradients with respect to the initial state."""
    Wx, Wh, b, _, h0, c0 = lstm_setup
    xs = rng.standard_normal((3, 4, 4))
    layer = TimeLSTM(Wx, Wh, b)
    weights = rng.standard_normal((3, 4, 5))

    def loss():
        layer.set_state(h0, c0)
        return float(np.sum(layer.forward(xs) * weights))

    loss()
    layer.backward(weights)
    dh, dc = layer.dh.copy(), layer.dc.copy()
    assert rel_error(dh, numerical_gradient(loss, h0)) < TOL
    assert rel_error(dc, numerical_gradient(loss, c0)) < TOL


def test_rnn_step_and_time_rnn(rng):
    Wx, Wh, b = init_rnn_params(4, 5, rng)
    b = b + rng.standard_normal(5)
    x, h = rng.standard_normal((3, 4)), rng.standard_normal((3, 5))
    _assert_passes(check_layer_gradients(RNN(Wx, Wh, b), (x, h), rng))
    _assert_passes(
        check_layer_gradients(TimeRNN(Wx, Wh, b), (rng.standard_normal((3, 6, 4)),), rng)
    )


def test_the_check_catches_a_wrong_backward(lstm_setup, rng):
    """A gradient check that could never fail would prove nothing."""
    Wx, Wh, b, x, h_prev, _ = lstm_setup

    class WrongGate(Gate):
        def backward(self, dout):
            dx, dh_prev = super().backward(dout)
            self.grads[2][...] *= 2  # a wrong bias gradient
            return dx, dh_prev

    report = check_layer_gradients(WrongGate(*split_weights(Wx, Wh, b)["f"]), (x, h_prev), rng)
    assert not report.passed
    assert report.errors["b"] > 0.1 and report.errors["Wx"] < TOL
    assert "WRONG" in str(report)
