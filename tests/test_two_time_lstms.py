"""The two TimeLSTMs agree: the readable loop (lstm_lib.TimeLSTM) and the fast kernel
(lstm_lib.FastTimeLSTM) give the same hs, dxs, weight gradients, carried state and
initial-state gradients (CONVENTIONS §6): 1e-12 in float64, 1e-5 in float32."""

import numpy as np
import pytest

from lstm_lib import FastTimeLSTM, TimeLSTM, init_lstm_params


def _setup(rng, N=3, T=5, D=4, H=6, dtype=np.float64):
    Wx, Wh, b = init_lstm_params(D, H, rng, dtype=dtype)
    b += rng.standard_normal(b.shape).astype(dtype)  # every block with a nonzero bias
    return Wx, Wh, b


def _pair(Wx, Wh, b, stateful):
    return TimeLSTM(Wx, Wh, b, stateful), FastTimeLSTM(Wx, Wh, b, stateful)


def _assert_same_pass(readable, fast, xs, dhs, atol):
    """One forward and backward of both layers: every output, gradient and state agree."""
    np.testing.assert_allclose(fast.forward(xs), readable.forward(xs), rtol=0, atol=atol)
    np.testing.assert_allclose(fast.backward(dhs), readable.backward(dhs), rtol=0, atol=atol)
    for name, got, want in zip(readable.param_names, fast.grads, readable.grads, strict=True):
        np.testing.assert_allclose(got, want, rtol=0, atol=atol, err_msg=f"d{name}")
    for name in ("dh", "dc", "h", "c"):
        want, got = getattr(readable, name), getattr(fast, name)
        if want is None:
            assert got is None, name
        else:
            np.testing.assert_allclose(got, want, rtol=0, atol=atol, err_msg=name)
            assert got.dtype == want.dtype == xs.dtype, name


@pytest.mark.parametrize("stateful", [False, True])
def test_equal_from_zero_and_from_a_set_state(stateful, rng):
    Wx, Wh, b = _setup(rng)
    readable, fast = _pair(Wx, Wh, b, stateful)
    xs, dhs = rng.standard_normal((3, 5, 4)), rng.standard_normal((3, 5, 6))
    _assert_same_pass(readable, fast, xs, dhs, 1e-12)
    h0, c0 = rng.standard_normal((2, 3, 6))
    readable.set_state(h0, c0)
    fast.set_state(h0, c0)
    _assert_same_pass(readable, fast, xs, dhs, 1e-12)
    readable.set_state(h0)  # c starts from zero
    fast.set_state(h0)
    _assert_same_pass(readable, fast, xs, dhs, 1e-12)


def test_equal_over_stateful_calls_of_different_lengths(rng):
    Wx, Wh, b = _setup(rng)
    readable, fast = _pair(Wx, Wh, b, stateful=True)
    for T in (4, 1, 7):
        xs, dhs = rng.standard_normal((3, T, 4)), rng.standard_normal((3, T, 6))
        _assert_same_pass(readable, fast, xs, dhs, 1e-12)
    readable.reset_state()
    fast.reset_state()
    _assert_same_pass(readable, fast, xs, dhs, 1e-12)


def test_equal_in_float32(rng):
    Wx, Wh, b = _setup(rng, dtype=np.float32)
    readable, fast = _pair(Wx, Wh, b, stateful=True)
    readable.set_state(*rng.standard_normal((2, 3, 6)).astype(np.float32))
    fast.set_state(readable.h, readable.c)
    for T in (5, 3):
        xs = rng.standard_normal((3, T, 4)).astype(np.float32)
        dhs = rng.standard_normal((3, T, 6)).astype(np.float32)
        _assert_same_pass(readable, fast, xs, dhs, 1e-5)


def test_the_same_interface(rng):
    Wx, Wh, b = _setup(rng)
    for layer in _pair(Wx, Wh, b, stateful=False):
        assert layer.param_names == ("Wx", "Wh", "b") and layer.hidden_size == 6
        assert all(p is q for p, q in zip(layer.params, (Wx, Wh, b), strict=True))
        for method in ("forward", "backward", "set_state", "reset_state"):
            assert callable(getattr(layer, method))
        with pytest.raises(RuntimeError, match="backward called before forward"):
            layer.backward(np.zeros((3, 5, 6)))
