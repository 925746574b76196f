"""The small layers: bad targets and gradients fail loudly, and no backward upcasts silently."""

import numpy as np
import pytest

from lstm_lib import (
    LSTM,
    RNN,
    Affine,
    Candidate,
    Dropout,
    Embedding,
    FastTimeLSTM,
    Gate,
    LSTMCell,
    MatMul,
    Sigmoid,
    SoftmaxCrossEntropy,
    Tanh,
    TimeAffine,
    TimeLSTM,
    TimeRNN,
    init_lstm_params,
    init_rnn_params,
)


@pytest.mark.parametrize("bad", [-1, 3])
def test_cross_entropy_refuses_targets_outside_the_vocabulary(bad, rng):
    """A negative target must not wrap around to the last class."""
    scores = rng.standard_normal((2, 3))
    with pytest.raises(ValueError, match=r"targets must lie in \[0, V=3\)"):
        SoftmaxCrossEntropy().forward(scores, np.array([0, bad]))


def _float32_layers_after_forward(rng):
    """Each float32 layer after one forward, with the shapes of its upstream gradients."""
    x = rng.standard_normal((2, 3)).astype(np.float32)
    h = np.zeros((2, 2), np.float32)
    Wx, Wh, b = init_lstm_params(3, 2, rng, dtype=np.float32)
    W = rng.standard_normal((3, 2)).astype(np.float32)
    layers = []
    for layer, args, grads in [
        (MatMul(W), (x,), [(2, 2)]),
        (Affine(W, np.zeros(2, np.float32)), (x,), [(2, 2)]),
        (TimeAffine(W, np.zeros(2, np.float32)), (x[:, None],), [(2, 1, 2)]),
        (Sigmoid(), (x,), [(2, 3)]),
        (Tanh(), (x,), [(2, 3)]),
        (RNN(*init_rnn_params(3, 2, rng, dtype=np.float32)), (x, h), [(2, 2)]),
        (LSTM(Wx, Wh, b), (x, h, h), [(2, 2), (2, 2)]),
        (LSTMCell.from_fused(Wx, Wh, b), (x, h, h), [(2, 2), (2, 2)]),
        (Embedding(W), (np.array([0, 2]),), [(2, 2)]),
    ]:
        layer.forward(*args)
        layers.append((layer, grads))
    return layers


def test_float64_gradient_into_a_float32_sequence_layer_is_refused(rng):
    """float32 stays float32: a float64 upstream gradient is an error, not a silent upcast.

    Only the boundary checks (CONVENTIONS §2.2): a step trusts the layer that calls it.
    """
    W = rng.standard_normal((3, 2)).astype(np.float32)
    xs = rng.standard_normal((2, 4, 3)).astype(np.float32)
    Wx, Wh, b = init_lstm_params(3, 2, rng, dtype=np.float32)
    for layer in (
        TimeAffine(W, np.zeros(2, np.float32)),
        TimeLSTM(Wx, Wh, b),
        FastTimeLSTM(Wx, Wh, b),
        TimeRNN(*init_rnn_params(3, 2, rng, dtype=np.float32)),
    ):
        layer.forward(xs)
        with pytest.raises(TypeError, match="has dtype float64 but the layer's parameters are"):
            layer.backward(np.ones((2, 4, 2)))


def test_float32_gradients_keep_float32(rng):
    for layer, shapes in _float32_layers_after_forward(rng):
        out = layer.backward(*(np.ones(s, np.float32) for s in shapes))
        for array in [*(out if isinstance(out, tuple) else (out,)), *layer.grads]:
            if array is not None:
                assert array.dtype == np.float32, type(layer).__name__


def test_time_affine_backward_accepts_a_nested_list(rng):
    layer = TimeAffine(rng.standard_normal((3, 2)), np.zeros(2))
    layer.forward(rng.standard_normal((2, 1, 3)))
    dxs = layer.backward([[[1.0, 0.0]], [[0.0, 1.0]]])
    np.testing.assert_allclose(dxs[:, 0], layer.params[0].T)
    np.testing.assert_allclose(layer.grads[1], [1.0, 1.0])


def _layers_and_inputs(rng):
    """(name, make the layer, its inputs): every layer that returns arrays from forward."""
    x, h, c = rng.standard_normal((3, 4)), rng.standard_normal((3, 5)), rng.standard_normal((3, 5))
    xs = rng.standard_normal((3, 6, 4))
    Wx, Wh, b = init_lstm_params(4, 5, rng)
    b = b + rng.standard_normal(b.shape)
    rnn = init_rnn_params(4, 5, rng)
    W = rng.standard_normal((4, 5))
    return [
        ("MatMul", lambda: MatMul(W), (x,)),
        ("Affine", lambda: Affine(W, b[:5]), (x,)),
        ("TimeAffine", lambda: TimeAffine(W, b[:5]), (xs,)),
        ("Sigmoid", Sigmoid, (x,)),
        ("Tanh", Tanh, (x,)),
        ("Gate", lambda: Gate(Wx[:, :5], Wh[:, :5], b[:5]), (x, h)),
        ("Candidate", lambda: Candidate(Wx[:, 5:10], Wh[:, 5:10], b[5:10]), (x, h)),
        ("RNN", lambda: RNN(*rnn), (x, h)),
        ("TimeRNN", lambda: TimeRNN(*rnn, stateful=True), (xs,)),
        ("LSTM", lambda: LSTM(Wx, Wh, b), (x, h, c)),
        ("LSTMCell", lambda: LSTMCell.from_fused(Wx, Wh, b), (x, h, c)),
        ("TimeLSTM", lambda: TimeLSTM(Wx, Wh, b, stateful=True), (xs,)),
        ("FastTimeLSTM", lambda: FastTimeLSTM(Wx, Wh, b, stateful=True), (xs,)),
        ("Embedding", lambda: Embedding(W), (np.array([[0, 3], [3, 1]]),)),
    ]


def _backward(layer, outs):
    upstream = [np.random.default_rng(1).standard_normal(o.shape) for o in outs]
    grads_in = layer.backward(*upstream)
    grads_in = grads_in if isinstance(grads_in, tuple) else (grads_in,)
    return [g.copy() for g in (*grads_in, *layer.grads) if g is not None]


def test_what_forward_returns_is_not_the_cache(rng):
    """A caller who scales the output (or a part the layer shows) in place does not change
    backward, nor the state a stateful layer carries."""
    for name, make, inputs in _layers_and_inputs(rng):
        expected_layer, layer = make(), make()
        expected = _backward(expected_layer, _as_tuple(expected_layer.forward(*inputs)))
        outs = _as_tuple(layer.forward(*inputs))
        carried = getattr(layer, "h", None)
        carried = None if carried is None else carried.copy()
        for out in outs:
            out *= 3.0
        for part in ("f", "g", "i", "o", "c"):
            if isinstance(getattr(layer, part, None), np.ndarray):
                getattr(layer, part)[...] = 0.5
        for got, want in zip(_backward(layer, outs), expected, strict=True):
            np.testing.assert_allclose(got, want, rtol=0, atol=1e-12, err_msg=name)
        if carried is not None:
            np.testing.assert_array_equal(layer.h, carried, err_msg=name)


def _as_tuple(value):
    return value if isinstance(value, tuple) else (value,)


def test_time_affine_with_zero_steps(rng):
    layer = TimeAffine(rng.standard_normal((3, 2)), np.zeros(2))
    assert layer.forward(np.zeros((4, 0, 3))).shape == (4, 0, 2)
    assert layer.backward(np.zeros((4, 0, 2))).shape == (4, 0, 3)
    assert np.all(layer.grads[0] == 0)


def test_dropout_scales_keeps_the_mean_and_is_off_in_evaluation(rng):
    drop = Dropout(0.25, rng)
    x = np.ones((200, 50))
    y = drop.forward(x)
    assert set(np.unique(y)) == {0.0, 1 / 0.75}
    assert abs(y.mean() - 1) < 0.03
    np.testing.assert_array_equal(drop.backward(np.ones_like(x)), y)  # the same mask
    assert drop.forward(x.astype(np.float32)).dtype == np.float32
    drop.training = False
    np.testing.assert_array_equal(drop.forward(x), x)
    np.testing.assert_array_equal(drop.backward(2 * x), 2 * x)
    with pytest.raises(ValueError, match="ratio must lie"):
        Dropout(1.0, rng)
    with pytest.raises(TypeError, match="Generator"):
        Dropout(0.5, 0)
    with pytest.raises(RuntimeError):
        Dropout(0.5, rng).backward(x)
