"""FastTimeLSTM equals the plain path: a loop of readable LSTM steps.

FastTimeLSTM computes xs @ Wx for all steps at once, keeps time-major caches, computes the
sigmoid as 1 / (1 + exp(-A)) over whole rows, precomputes the backward factors and forms
dWx, dWh, db, dxs with one product each. None of that may change a number beyond rounding:
float64 agrees with a loop of lstm_lib.LSTM steps to 1e-12 (forward, backward,
every gradient, the carried state and the initial-state gradients), float32 to float32
accuracy, and the sigmoid stays exact to rounding deep in its tails.
"""

import tracemalloc
import warnings
from decimal import Decimal, localcontext

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lstm_lib import LSTM, FastTimeLSTM, init_lstm_params

ATOL = {np.float64: 1e-12, np.float32: 1e-5}


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
    dh, dc = np.zeros((N, H), dtype=dhs.dtype), np.zeros((N, H), dtype=dhs.dtype)
    dxs = [None] * T
    grads = [np.zeros_like(g) for g in steps[0].grads]
    for t in reversed(range(T)):
        dxs[t], dh, dc = steps[t].backward(dhs[:, t] + dh, dc)
        for total, grad in zip(grads, steps[t].grads, strict=True):
            total += grad
    return np.stack(dxs, axis=1), dh, dc, grads


def assert_close(got, expected, what):
    assert got.dtype == expected.dtype, f"{what} is {got.dtype}, expected {expected.dtype}"
    atol = ATOL[expected.dtype.type]
    np.testing.assert_allclose(got, expected, rtol=0, atol=atol, err_msg=what)


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


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_equals_loop_from_a_nonzero_initial_state(rng, dtype):
    Wx, Wh, b, xs, dhs = make(rng, dtype=dtype)
    h0, c0 = rng.standard_normal((2, 3, 5)).astype(dtype)
    layer = FastTimeLSTM(Wx, Wh, b)
    layer.set_state(h0, c0)
    check_against_loop(layer, xs, dhs, h0, c0)


@pytest.mark.parametrize("shape", [(1, 1, 1, 1), (1, 7, 1, 1), (4, 1, 3, 1), (1, 3, 1, 6)])
def test_the_corners_n_t_d_h_one(rng, shape):
    N, T, D, H = shape
    Wx, Wh, b, xs, dhs = make(rng, N, T, D, H)
    h0, c0 = rng.standard_normal((2, N, H))
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


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_stateful_over_several_calls_equals_one_long_loop(rng, dtype):
    Wx, Wh, b, xs, dhs = make(rng, T=9, dtype=dtype)
    h0, c0 = rng.standard_normal((2, 3, 5)).astype(dtype)
    layer = FastTimeLSTM(Wx, Wh, b, stateful=True)
    layer.set_state(h0, c0)
    h, c = h0, c0
    for start, stop in ((0, 4), (4, 5), (5, 9)):  # chunks of 4, 1 and 4 steps
        h, c = check_against_loop(layer, xs[:, start:stop], dhs[:, start:stop], h, c)
        assert_close(layer.h, h, "carried h")
        assert_close(layer.c, c, "carried c")
    layer.reset_state()
    zero = np.zeros((3, 5), dtype=dtype)
    check_against_loop(layer, xs[:, :2], dhs[:, :2], zero, zero)


def test_a_carried_state_of_another_batch_size_is_refused(rng):
    Wx, Wh, b, xs, _ = make(rng)
    layer = FastTimeLSTM(Wx, Wh, b, stateful=True)
    layer.forward(xs)
    with pytest.raises(ValueError, match="batch size 3 but xs has N=2"):
        layer.forward(xs[:2])


def test_outputs_state_and_inputs_are_not_shared_with_the_cache(rng):
    Wx, Wh, b, xs, dhs = make(rng)
    layer = FastTimeLSTM(Wx, Wh, b, stateful=True)
    steps = [LSTM(Wx, Wh, b) for _ in range(xs.shape[1])]
    zero = np.zeros((3, 5))
    loop_forward(steps, xs, zero, zero)
    expected_dxs, *_ = loop_backward(steps, dhs)
    xs_given = xs.copy()
    hs = layer.forward(xs_given)
    carried_h = layer.h.copy()
    hs[...] = 7.0  # the caller may overwrite what it got, and what it gave
    xs_given[...] = -3.0
    assert_close(layer.h, carried_h, "carried h after the caller changed hs")
    assert_close(layer.backward(dhs), expected_dxs, "dxs after the caller changed hs and xs")
    assert not np.shares_memory(hs, layer.h)


def test_backward_uses_the_cache_up_and_the_next_call_reuses_it(rng):
    Wx, Wh, b, xs, dhs = make(rng)
    layer = FastTimeLSTM(Wx, Wh, b)
    with pytest.raises(RuntimeError, match="backward called before forward"):
        layer.backward(dhs)
    layer.forward(xs)
    buffers = layer._cache
    first = layer.backward(dhs)
    assert layer._cache is None
    with pytest.raises(RuntimeError, match="backward called twice"):
        layer.backward(dhs)
    layer.forward(xs)
    assert all(a is b for a, b in zip(layer._cache, buffers, strict=True))  # reused
    assert_close(layer.backward(dhs), first, "dxs after a new forward")
    layer.forward(xs[:, :2])  # other sizes: new buffers, the same numbers as a fresh layer
    fresh = FastTimeLSTM(Wx, Wh, b)
    fresh.forward(xs[:, :2])
    assert_close(layer.backward(dhs[:, :2]), fresh.backward(dhs[:, :2]), "dxs, new sizes")


def test_backward_allocates_nothing_of_the_weights_size(rng):
    """Backward multiplies by a contiguous Wh^T, which it copies into dWh's array (free
    until dWh is computed) rather than into new memory as large as Wh."""
    Wx, Wh, b, xs, dhs = make(rng, N=2, T=3, D=4, H=64)
    layer = FastTimeLSTM(Wx, Wh, b)
    layer.forward(xs)
    tracemalloc.start()
    try:
        dxs = layer.backward(dhs)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < Wh.nbytes / 4, f"backward allocated {peak} bytes; Wh has {Wh.nbytes}"
    layer.forward(xs)
    assert_close(layer.backward(dhs), dxs, "dxs of a second backward")
    check_against_loop(layer, xs, dhs, np.zeros((2, 64)), np.zeros((2, 64)))


def test_a_rejected_dhs_does_not_spoil_the_cache(rng):
    Wx, Wh, b, xs, dhs = make(rng)
    layer = FastTimeLSTM(Wx, Wh, b)
    layer.forward(xs)
    with pytest.raises(ValueError, match=r"dhs must have shape \(N=3, T=6, H=5\)"):
        layer.backward(dhs[:, :-1])
    with pytest.raises(TypeError, match="dhs has dtype float32"):
        layer.backward(dhs.astype(np.float32))
    zero = np.zeros((3, 5))
    check_against_loop(layer, xs, dhs, zero, zero)


def test_non_contiguous_input_is_accepted(rng):
    Wx, Wh, b, xs, dhs = make(rng, T=5)
    xs_strided = np.repeat(xs, 2, axis=1)[:, ::2]  # the same values, not contiguous
    dhs_strided = np.repeat(dhs, 2, axis=1)[:, ::2]
    assert not xs_strided.flags.c_contiguous and not dhs_strided.flags.c_contiguous
    zero = np.zeros((3, 5))
    check_against_loop(FastTimeLSTM(Wx, Wh, b), xs_strided, dhs_strided, zero, zero)


def test_float32_stays_float32_and_agrees_with_float64(rng):
    Wx, Wh, b, xs, dhs = make(rng, dtype=np.float32)
    layer = FastTimeLSTM(Wx, Wh, b, stateful=True)
    h0, c0 = rng.standard_normal((2, 3, 5)).astype(np.float32)
    layer.set_state(h0, c0)
    hs = layer.forward(xs)
    assert all(a.dtype == np.float32 for a in layer._cache)
    dxs = layer.backward(dhs)
    arrays = {"hs": hs, "dxs": dxs, "h": layer.h, "c": layer.c, "dh": layer.dh, "dc": layer.dc}
    arrays.update({f"d{n}": g for n, g in zip(layer.param_names, layer.grads, strict=True)})
    for name, array in arrays.items():
        assert array.dtype == np.float32, f"{name} is {array.dtype}"
    layer64 = FastTimeLSTM(*(p.astype(np.float64) for p in layer.params))
    layer64.set_state(h0.astype(np.float64), c0.astype(np.float64))
    np.testing.assert_allclose(hs, layer64.forward(xs.astype(np.float64)), rtol=0, atol=1e-5)
    np.testing.assert_allclose(dxs, layer64.backward(dhs.astype(np.float64)), atol=1e-5)


def test_float32_input_to_float64_layer_is_refused(rng):
    Wx, Wh, b, xs, _ = make(rng)
    with pytest.raises(TypeError, match="xs has dtype float32"):
        FastTimeLSTM(Wx, Wh, b).forward(xs.astype(np.float32))
    with pytest.raises(ValueError, match="at least one time step"):
        FastTimeLSTM(Wx, Wh, b).forward(xs[:, :0])


def exact_sigmoid(x):
    """1 / (1 + e^-x) to 40 significant digits with the standard library's decimal."""
    with localcontext() as context:
        context.prec = 40
        return float(1 / (1 + (-Decimal(x)).exp()))


def gates_in_the_tail(x, dtype):
    """Run one step whose pre-activations are x in f and o (weights zero), from h = 0.

    From c_prev = 1 and g = tanh(0) = 0 the step gives c = f = sigmoid(x) exactly, and
    h = o tanh(c) = sigmoid(x)^2 to rounding (tanh(c) = c for so small a c); from
    c_prev = 0 and g = tanh(30) = 1 it gives c = i = sigmoid(x)."""
    H = 1
    Wx, Wh = np.zeros((1, 4 * H), dtype=dtype), np.zeros((H, 4 * H), dtype=dtype)
    results = []
    for b, c0 in (([x, 0, 0, x], 1.0), ([0, 30, x, 0], 0.0)):
        layer = FastTimeLSTM(Wx, Wh, np.array(b, dtype=dtype), stateful=True)
        layer.set_state(np.zeros((1, H), dtype=dtype), np.full((1, H), c0, dtype=dtype))
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # an overflow warning would fail the test
            hs = layer.forward(np.zeros((1, 1, 1), dtype=dtype))
        results.append((layer.c.item(), hs.item()))
    (f, h), (i, _) = results
    return f, i, h


@pytest.mark.parametrize(
    ("dtype", "x"),
    [(np.float64, -30.0), (np.float64, -40.0), (np.float64, -700.0), (np.float32, -15.0),
     (np.float32, -80.0), (np.float64, 30.0), (np.float32, 15.0)],
)  # fmt: skip
def test_the_sigmoid_is_exact_to_rounding_in_its_tails(dtype, x):
    exact = exact_sigmoid(x)
    f, i, h = gates_in_the_tail(x, dtype)
    checks = [("f", f, exact), ("i", i, exact)]
    if x < 0 and exact * exact > np.finfo(dtype).tiny:  # h = sigmoid(x)^2, when normal
        checks.append(("h", h, exact * exact))
    for name, got, expected in checks:
        expected = float(dtype(expected))
        assert abs(got - expected) <= 4 * np.finfo(dtype).eps * expected, (name, got, expected)


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_the_sigmoid_is_zero_past_overflow_without_a_warning(dtype):
    f, i, h = gates_in_the_tail(-1000.0, dtype)
    assert f == i == h == 0.0
    f, i, h = gates_in_the_tail(1000.0, dtype)
    assert f == i == 1.0 and h == pytest.approx(np.tanh(1.0))


shapes = st.tuples(
    st.integers(1, 4),  # N
    st.integers(1, 6),  # T
    st.integers(1, 5),  # D
    st.integers(1, 5),  # H
    st.booleans(),  # start from a random state?
    st.sampled_from([np.float64, np.float32]),
    st.integers(0, 2**32 - 1),  # seed
)


@settings(max_examples=40, deadline=None)
@given(shapes)
def test_property_fast_path_equals_loop(shape):
    N, T, D, H, from_state, dtype, seed = shape
    rng = np.random.default_rng(seed)
    Wx, Wh, b, xs, dhs = make(rng, N, T, D, H, dtype)
    layer = FastTimeLSTM(Wx, Wh, b)
    h0 = c0 = np.zeros((N, H), dtype=dtype)
    if from_state:
        h0, c0 = rng.standard_normal((2, N, H)).astype(dtype)
        layer.set_state(h0, c0)
    check_against_loop(layer, xs, dhs, h0, c0)


@settings(max_examples=25, deadline=None)
@given(shapes)
def test_property_stateful_chunks_equal_one_loop(shape):
    N, T, D, H, _, dtype, seed = shape
    rng = np.random.default_rng(seed)
    Wx, Wh, b, xs, dhs = make(rng, N, 2 * T + 1, D, H, dtype)
    layer = FastTimeLSTM(Wx, Wh, b, stateful=True)
    h = c = np.zeros((N, H), dtype=dtype)
    for chunk in (slice(0, T), slice(T, 2 * T + 1)):
        h, c = check_against_loop(layer, xs[:, chunk], dhs[:, chunk], h, c)
