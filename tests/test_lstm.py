"""The fused LSTM against the unfused cell, state handling, dtypes and shape errors."""

import numpy as np
import pytest

from lstm_lib import (
    LSTM,
    Candidate,
    FastTimeLSTM,
    Gate,
    LSTMCell,
    TimeLSTM,
    TimeRNN,
    init_lstm_params,
    init_rnn_params,
)


def test_fused_equals_unfused_forward_and_every_gradient(lstm_setup, rng):
    Wx, Wh, b, x, h_prev, c_prev = lstm_setup
    fused, cell = LSTM(Wx, Wh, b), LSTMCell.from_fused(Wx, Wh, b)
    h1, c1 = fused.forward(x, h_prev, c_prev)
    h2, c2 = cell.forward(x, h_prev, c_prev)
    for part in "fgio":
        np.testing.assert_allclose(getattr(fused, part), getattr(cell, part), rtol=0, atol=1e-12)
    np.testing.assert_allclose(h1, h2, rtol=0, atol=1e-12)
    np.testing.assert_allclose(c1, c2, rtol=0, atol=1e-12)
    dh, dc = rng.standard_normal(h1.shape), rng.standard_normal(c1.shape)
    for a, b_ in zip(fused.backward(dh, dc), cell.backward(dh, dc), strict=True):
        np.testing.assert_allclose(a, b_, rtol=0, atol=1e-12)
    H = h1.shape[1]
    for k, gate in enumerate("fgio"):  # the cell's twelve arrays are the fused blocks
        for fused_grad, cell_grad in zip(fused.grads, cell.grads[3 * k : 3 * k + 3], strict=True):
            block = fused_grad[..., k * H : (k + 1) * H]
            np.testing.assert_allclose(block, cell_grad, rtol=0, atol=1e-12, err_msg=gate)


def test_a_missing_dc_next_means_zero(lstm_setup, rng):
    Wx, Wh, b, x, h_prev, c_prev = lstm_setup
    dh = rng.standard_normal(h_prev.shape)
    for layer in (LSTM(Wx, Wh, b), LSTMCell.from_fused(Wx, Wh, b)):
        layer.forward(x, h_prev, c_prev)
        for a, b_ in zip(layer.backward(dh), layer.backward(dh, np.zeros_like(dh)), strict=True):
            np.testing.assert_array_equal(a, b_)


def test_sequences_need_a_time_step(lstm_setup, rng):
    Wx, Wh, b, *_ = lstm_setup
    with pytest.raises(ValueError, match="at least one time step"):
        TimeLSTM(Wx, Wh, b).forward(np.zeros((2, 0, 4)))
    with pytest.raises(ValueError, match="at least one time step"):
        TimeRNN(*init_rnn_params(4, 5, rng)).forward(np.zeros((2, 0, 4)))


def test_cell_exposes_its_parts(lstm_setup):
    Wx, Wh, b, x, h_prev, c_prev = lstm_setup
    cell = LSTMCell.from_fused(Wx, Wh, b)
    h, c = cell.forward(x, h_prev, c_prev)
    assert isinstance(cell.forget_gate, Gate) and isinstance(cell.candidate, Candidate)
    for gate in (cell.f, cell.i, cell.o):
        assert gate.shape == h.shape and np.all((gate > 0) & (gate < 1))
    assert np.all(np.abs(cell.g) < 1)
    np.testing.assert_allclose(c, cell.f * c_prev + cell.g * cell.i)
    np.testing.assert_allclose(h, cell.o * np.tanh(c))


def test_stateful_calls_equal_one_long_call(lstm_setup, rng):
    Wx, Wh, b, _, h0, c0 = lstm_setup
    xs = rng.standard_normal((3, 8, 4))
    whole = TimeLSTM(Wx, Wh, b)
    whole.set_state(h0, c0)
    expected = whole.forward(xs)
    chunked = TimeLSTM(Wx, Wh, b, stateful=True)
    chunked.set_state(h0, c0)
    got = np.concatenate([chunked.forward(xs[:, :3]), chunked.forward(xs[:, 3:])], axis=1)
    np.testing.assert_allclose(got, expected, rtol=0, atol=1e-12)
    np.testing.assert_allclose(chunked.h, expected[:, -1], rtol=0, atol=1e-12)


def test_stateless_layer_starts_from_zero_after_set_state_was_used(lstm_setup, rng):
    Wx, Wh, b, _, h0, c0 = lstm_setup
    xs = rng.standard_normal((3, 4, 4))
    layer = TimeLSTM(Wx, Wh, b)
    layer.set_state(h0, c0)
    from_state = layer.forward(xs)
    from_zero = layer.forward(xs)
    assert not np.allclose(from_state, from_zero)
    np.testing.assert_allclose(from_zero, TimeLSTM(Wx, Wh, b).forward(xs), rtol=0, atol=0)


def test_reset_state(lstm_setup, rng):
    Wx, Wh, b, _, h0, c0 = lstm_setup
    xs = rng.standard_normal((3, 4, 4))
    layer = TimeLSTM(Wx, Wh, b, stateful=True)
    first = layer.forward(xs)
    assert not np.allclose(layer.forward(xs), first)  # the state was carried
    layer.reset_state()
    np.testing.assert_allclose(layer.forward(xs), first, rtol=0, atol=0)
    layer.set_state(h0)  # c defaults to zero
    assert layer.c is None
    with pytest.raises(ValueError, match=r"batch size 3 but xs has N=2"):
        layer.forward(xs[:2])


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_dtype_follows_the_input(dtype, rng):
    Wx, Wh, b = init_lstm_params(4, 5, rng, dtype=dtype)
    xs = rng.standard_normal((2, 3, 4)).astype(dtype)
    x, h, c = xs[:, 0], np.zeros((2, 5), dtype), np.zeros((2, 5), dtype)
    for layer, args in [
        (TimeLSTM(Wx, Wh, b), (xs,)),
        (LSTM(Wx, Wh, b), (x, h, c)),
        (LSTMCell.from_fused(Wx, Wh, b), (x, h, c)),
        (TimeRNN(*init_rnn_params(4, 5, rng, dtype=dtype)), (xs,)),
    ]:
        out = layer.forward(*args)
        outs = out if isinstance(out, tuple) else (out,)
        grads_in = layer.backward(*[np.ones_like(o) for o in outs])
        grads_in = grads_in if isinstance(grads_in, tuple) else (grads_in,)
        for array in (*outs, *grads_in, *layer.grads):
            assert array.dtype == dtype, type(layer).__name__


def test_mixed_float_dtypes_are_refused(rng):
    Wx, Wh, b = init_lstm_params(4, 5, rng, dtype=np.float32)
    with pytest.raises(TypeError, match=r"xs has dtype float64 but the layer's parameters are"):
        TimeLSTM(Wx, Wh, b).forward(np.zeros((2, 3, 4)))


@pytest.mark.parametrize("layer_class", [TimeLSTM, FastTimeLSTM])
def test_wrong_state_shapes_name_expected_and_actual(layer_class, lstm_setup):
    Wx, Wh, b, _, h_prev, c_prev = lstm_setup
    layer = layer_class(Wx, Wh, b)
    with pytest.raises(ValueError, match=r"h must have shape \(N, H=5\), got \(5,\)"):
        layer.set_state(h_prev[0])
    with pytest.raises(ValueError, match=r"c must have shape \(N=3, H=5\), got \(5, 3\)"):
        layer.set_state(h_prev, c_prev.T)


@pytest.mark.parametrize("layer_class", [TimeLSTM, FastTimeLSTM])
def test_wrong_sequence_shapes(layer_class, lstm_setup, rng):
    Wx, Wh, b, *_ = lstm_setup
    layer = layer_class(Wx, Wh, b)
    with pytest.raises(ValueError, match=r"xs must have shape \(N, T, D=4\), got \(4, 8\)"):
        layer.forward(np.zeros((4, 8)))
    with pytest.raises(RuntimeError, match="before forward"):
        layer.backward(np.zeros((2, 3, 5)))
    layer.forward(rng.standard_normal((2, 3, 4)))
    with pytest.raises(ValueError, match=r"dhs must have shape \(N=2, T=3, H=5\), got \(2, 3, 4\)"):
        layer.backward(np.zeros((2, 3, 4)))


def test_wrong_weight_shapes():
    with pytest.raises(ValueError, match=r"Wx must have shape \(D, 4H\) with H >= 1, got \(3, 6\)"):
        LSTM(np.zeros((3, 6)), np.zeros((2, 8)), np.zeros(8))
    with pytest.raises(ValueError, match=r"Wh must have shape \(H=2, 4H=8\), got \(8, 2\)"):
        TimeLSTM(np.zeros((3, 8)), np.zeros((8, 2)), np.zeros(8))
    with pytest.raises(ValueError, match=r"b must have shape \(4H=8,\), got \(2,\)"):
        LSTM(np.zeros((3, 8)), np.zeros((2, 8)), np.zeros(2))
