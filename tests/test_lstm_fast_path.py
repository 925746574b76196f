"""The fast FastTimeLSTM equals the plain path: a loop of readable LSTM steps.

FastTimeLSTM computes xs @ Wx for all steps at once, keeps batch-major caches, writes the
gates and their gradients in place and forms dWx, dWh, db, dxs with one product each after
the loop. None of that may change a single number beyond rounding: float64 results agree
with the loop of :class:`lstm_lib.LSTM` steps to 1e-12, and float32 stays float32.
"""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lstm_lib import LSTM, FastTimeLSTM, init_lstm_params

ATOL = 1e-12


def loop_forward(steps, xs, h, c):
    """The plain path: one LSTM step layer per time step, h and c carried along."""
    hs = []
    for t, step in enumerate(steps):
        h, c = step.forward(xs[:, t], h, c)
        hs.append(h)
    return np.stack(hs, axis=1), h, c


def loop_backward(steps, dhs):
    """Backward through the steps, weight gradients summed step by step."""
    N, T, H = dhs.shape
    dh, dc = np.zeros((N, H)), np.zeros((N, H))
    dxs = [None] * T
    grads = [np.zeros_like(g) for g in steps[0].grads]
    for t in reversed(range(T)):
        dxs[t], dh, dc = steps[t].backward(dhs[:, t] + dh, dc)
        for total, grad in zip(grads, steps[t].grads, strict=True):
            total += grad
    return np.stack(dxs, axis=1), dh, dc, grads


def assert_close(got, expected, what):
    np.testing.assert_allclose(got, expected, rtol=0, atol=ATOL, err_msg=what)


def check_against_loop(layer, xs, dhs, h0, c0):
    """One forward + backward of ``layer`` vs the loop from (h0, c0); returns the loop's h, c."""
    Wx, Wh, b = layer.params
    steps = [LSTM(Wx, Wh, b) for _ in range(xs.shape[1])]
    expected_hs, h, c = loop_forward(steps, xs, h0, c0)
    hs = layer.forward(xs)
    assert hs.flags.c_contiguous
    assert_close(hs, expected_hs, "hs")
    expected_dxs, dh, dc, grads = loop_backward(steps, dhs)
    dxs = layer.backward(dhs)
    assert dxs.shape == xs.shape and dxs.flags.c_contiguous
    assert_close(dxs, expected_dxs, "dxs")
    assert_close(layer.dh, dh, "dh")
    assert_close(layer.dc, dc, "dc")
    for name, got, expected in zip(layer.param_names, layer.grads, grads, strict=True):
        assert_close(got, expected, f"d{name}")
    return h, c


def make(rng, N=3, T=6, D=4, H=5, dtype=np.float64):
    Wx, Wh, b = init_lstm_params(D, H, rng, forget_bias=1.0, dtype=dtype)
    b += rng.standard_normal(b.shape).astype(dtype)  # every block with a nonzero bias
    xs = rng.standard_normal((N, T, D)).astype(dtype)
    dhs = rng.standard_normal((N, T, H)).astype(dtype)
    return Wx, Wh, b, xs, dhs


def test_equals_loop_from_a_nonzero_initial_state(rng):
    Wx, Wh, b, xs, dhs = make(rng)
    h0, c0 = rng.standard_normal((2, 3, 5))
    layer = FastTimeLSTM(Wx, Wh, b)
    layer.set_state(h0, c0)
    check_against_loop(layer, xs, dhs, h0, c0)


def test_equals_loop_from_zero_state_and_h_only(rng):
    Wx, Wh, b, xs, dhs = make(rng, N=2, T=1)
    layer = FastTimeLSTM(Wx, Wh, b)
    zero = np.zeros((2, 5))
    check_against_loop(layer, xs, dhs, zero, zero)
    h0 = rng.standard_normal((2, 5))
    layer.set_state(h0)  # c starts from zero
    check_against_loop(layer, xs, dhs, h0, zero)


def test_stateful_over_several_calls_equals_one_long_loop(rng):
    Wx, Wh, b, xs, dhs = make(rng, T=9)
    h0, c0 = rng.standard_normal((2, 3, 5))
    layer = FastTimeLSTM(Wx, Wh, b, stateful=True)
    layer.set_state(h0, c0)
    h, c = h0, c0
    for start, stop in ((0, 4), (4, 5), (5, 9)):  # chunks of 4, 1 and 4 steps
        h, c = check_against_loop(layer, xs[:, start:stop], dhs[:, start:stop], h, c)
        assert_close(layer.h, h, "carried h")
        assert_close(layer.c, c, "carried c")


def test_outputs_and_state_are_not_views_of_the_cache(rng):
    Wx, Wh, b, xs, dhs = make(rng)
    layer = FastTimeLSTM(Wx, Wh, b, stateful=True)
    steps = [LSTM(Wx, Wh, b) for _ in range(xs.shape[1])]
    zero = np.zeros((3, 5))
    expected_hs, _, _ = loop_forward(steps, xs, zero, zero)
    expected_dxs, *_ = loop_backward(steps, dhs)
    hs = layer.forward(xs)
    carried_h = layer.h.copy()
    hs[...] = 7.0  # the caller may overwrite what it got
    assert_close(layer.h, carried_h, "carried h after the caller changed hs")
    assert_close(layer.backward(dhs), expected_dxs, "dxs after the caller changed hs")
    assert not np.shares_memory(hs, layer.h)


def test_second_backward_needs_a_new_forward(rng):
    Wx, Wh, b, xs, dhs = make(rng)
    layer = FastTimeLSTM(Wx, Wh, b)
    layer.forward(xs)
    first = layer.backward(dhs)
    with pytest.raises(RuntimeError, match="backward called twice"):
        layer.backward(dhs)
    layer.forward(xs)
    assert_close(layer.backward(dhs), first, "dxs after a new forward")


def test_a_rejected_dhs_does_not_spoil_the_cache(rng):
    Wx, Wh, b, xs, dhs = make(rng)
    layer = FastTimeLSTM(Wx, Wh, b)
    layer.forward(xs)
    with pytest.raises(ValueError, match=r"dhs must have shape \(N=3, T=6, H=5\)"):
        layer.backward(dhs[:, :-1])
    zero = np.zeros((3, 5))
    check_against_loop(layer, xs, dhs, zero, zero)


def test_non_contiguous_input_is_accepted(rng):
    Wx, Wh, b, xs, dhs = make(rng, T=5)
    xs_strided = np.repeat(xs, 2, axis=1)[:, ::2]  # the same values, not contiguous
    assert not xs_strided.flags.c_contiguous
    dhs_strided = np.repeat(dhs, 2, axis=1)[:, ::2]
    assert not dhs_strided.flags.c_contiguous
    layer = FastTimeLSTM(Wx, Wh, b)
    hs = layer.forward(xs_strided)
    dxs = layer.backward(dhs_strided)
    reference = FastTimeLSTM(Wx, Wh, b)
    assert_close(hs, reference.forward(xs), "hs")
    assert_close(dxs, reference.backward(dhs), "dxs")


def test_float32_stays_float32_everywhere(rng):
    Wx, Wh, b, xs, dhs = make(rng, dtype=np.float32)
    layer = FastTimeLSTM(Wx, Wh, b, stateful=True)
    layer.set_state(*rng.standard_normal((2, 3, 5)).astype(np.float32))
    hs = layer.forward(xs)
    dxs = layer.backward(dhs)
    arrays = {"hs": hs, "dxs": dxs, "h": layer.h, "c": layer.c, "dh": layer.dh, "dc": layer.dc}
    arrays.update({f"d{n}": g for n, g in zip(layer.param_names, layer.grads, strict=True)})
    arrays.update({f"cache[{k}]": a for k, a in enumerate(layer._cache)})
    for name, array in arrays.items():
        assert array.dtype == np.float32, f"{name} is {array.dtype}"
    # and float32 agrees with float64 to float32 accuracy
    layer64 = FastTimeLSTM(*(p.astype(np.float64) for p in layer.params))
    hs64 = layer64.forward(xs.astype(np.float64))
    dxs64 = layer64.backward(dhs.astype(np.float64))
    layer.reset_state()
    np.testing.assert_allclose(layer.forward(xs), hs64, rtol=0, atol=1e-5)
    np.testing.assert_allclose(layer.backward(dhs), dxs64, rtol=0, atol=1e-4)


def test_float32_input_to_float64_layer_is_refused(rng):
    Wx, Wh, b, xs, _ = make(rng)
    with pytest.raises(TypeError, match="xs has dtype float32"):
        FastTimeLSTM(Wx, Wh, b).forward(xs.astype(np.float32))


shapes = st.tuples(
    st.integers(1, 4),  # N
    st.integers(1, 6),  # T
    st.integers(1, 5),  # D
    st.integers(1, 5),  # H
    st.booleans(),  # start from a random state?
    st.integers(0, 2**32 - 1),  # seed
)


@settings(max_examples=40, deadline=None)
@given(shapes)
def test_property_fast_path_equals_loop(shape):
    N, T, D, H, from_state, seed = shape
    rng = np.random.default_rng(seed)
    Wx, Wh, b, xs, dhs = make(rng, N, T, D, H)
    layer = FastTimeLSTM(Wx, Wh, b)
    h0 = c0 = np.zeros((N, H))
    if from_state:
        h0, c0 = rng.standard_normal((2, N, H))
        layer.set_state(h0, c0)
    check_against_loop(layer, xs, dhs, h0, c0)


@settings(max_examples=25, deadline=None)
@given(shapes)
def test_property_stateful_chunks_equal_one_loop(shape):
    N, T, D, H, _, seed = shape
    rng = np.random.default_rng(seed)
    Wx, Wh, b, xs, dhs = make(rng, N, 2 * T + 1, D, H)
    layer = FastTimeLSTM(Wx, Wh, b, stateful=True)
    h = c = np.zeros((N, H))
    for chunk in (slice(0, T), slice(T, 2 * T + 1)):
        h, c = check_against_loop(layer, xs[:, chunk], dhs[:, chunk], h, c)
