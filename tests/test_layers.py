"""The small layers: bad targets and gradients fail loudly, and no backward upcasts silently."""

import numpy as np
import pytest

from lstm_lib import (
    LSTM,
    RNN,
    Affine,
    Embedding,
    FastTimeLSTM,
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

    Only the boundary checks (CONVENTIONS section 3): a step trusts the layer that calls it.
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


def test_affine_backward_accepts_a_nested_list(rng):
    layer = Affine(rng.standard_normal((3, 2)), np.zeros(2))
    layer.forward(rng.standard_normal((2, 3)))
    dx = layer.backward([[1.0, 0.0], [0.0, 1.0]])
    np.testing.assert_allclose(dx, layer.params[0].T)
    np.testing.assert_allclose(layer.grads[1], [1.0, 1.0])


def test_time_affine_with_zero_steps(rng):
    layer = TimeAffine(rng.standard_normal((3, 2)), np.zeros(2))
    assert layer.forward(np.zeros((4, 0, 3))).shape == (4, 0, 2)
    assert layer.backward(np.zeros((4, 0, 2))).shape == (4, 0, 3)
    assert np.all(layer.grads[0] == 0)
