"""Property-based tests: the equivalences hold for any small shape, not just the ones we chose."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from lstm_lib import LSTM, LSTMCell, TimeLSTM, init_lstm_params

shapes = st.tuples(
    st.integers(1, 4),  # N
    st.integers(1, 5),  # T
    st.integers(1, 5),  # D
    st.integers(1, 5),  # H
    st.integers(0, 2**32 - 1),  # seed
)


@settings(max_examples=40, deadline=None)
@given(shapes)
def test_fused_step_equals_unfused_cell(shape):
    N, _, D, H, seed = shape
    rng = np.random.default_rng(seed)
    Wx, Wh, b = init_lstm_params(D, H, rng, forget_bias=rng.normal())
    x, h, c = (rng.standard_normal((N, n)) for n in (D, H, H))
    fused, cell = LSTM(Wx, Wh, b), LSTMCell.from_fused(Wx, Wh, b)
    for a, b_ in zip(fused.forward(x, h, c), cell.forward(x, h, c), strict=True):
        np.testing.assert_allclose(a, b_, rtol=0, atol=1e-12)
    dh, dc = rng.standard_normal((N, H)), rng.standard_normal((N, H))
    for a, b_ in zip(fused.backward(dh, dc), cell.backward(dh, dc), strict=True):
        np.testing.assert_allclose(a, b_, rtol=0, atol=1e-12)
    np.testing.assert_allclose(
        fused.grads[0], np.concatenate(cell.grads[0::3], axis=1), rtol=0, atol=1e-12
    )


@settings(max_examples=40, deadline=None)
@given(shapes)
def test_time_lstm_equals_a_loop_of_steps(shape):
    N, T, D, H, seed = shape
    rng = np.random.default_rng(seed)
    Wx, Wh, b = init_lstm_params(D, H, rng)
    xs = rng.standard_normal((N, T, D))
    h0, c0 = rng.standard_normal((N, H)), rng.standard_normal((N, H))
    layer = TimeLSTM(Wx, Wh, b)
    layer.set_state(h0, c0)
    hs = layer.forward(xs)
    steps, h, c = [], h0, c0
    for t in range(T):
        steps.append(LSTM(Wx, Wh, b))
        h, c = steps[-1].forward(xs[:, t], h, c)
        np.testing.assert_allclose(hs[:, t], h, rtol=0, atol=1e-12)
    dhs = rng.standard_normal((N, T, H))
    dxs = layer.backward(dhs)
    dh, dc = np.zeros((N, H)), np.zeros((N, H))
    total = [np.zeros_like(p) for p in layer.params]
    for t in reversed(range(T)):
        dx, dh, dc = steps[t].backward(dhs[:, t] + dh, dc)
        np.testing.assert_allclose(dxs[:, t], dx, rtol=0, atol=1e-12)
        for acc, grad in zip(total, steps[t].grads, strict=True):
            acc += grad
    for acc, grad in zip(total, layer.grads, strict=True):
        np.testing.assert_allclose(grad, acc, rtol=0, atol=1e-12)
    np.testing.assert_allclose(layer.dh, dh, rtol=0, atol=1e-12)
    np.testing.assert_allclose(layer.dc, dc, rtol=0, atol=1e-12)
