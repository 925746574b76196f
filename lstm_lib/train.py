r"""A small training loop for sequence regression: read a whole sequence, predict at the end.

The model reads xs (N, T, D) with a recurrent layer (:class:`~lstm_lib.lstm.TimeLSTM` or
:class:`~lstm_lib.rnn.TimeRNN`), keeps only the last hidden state :math:`h_T` (N, H) and
maps it to the prediction with an affine head (아핀 변환):

.. math:: y = h_T W + b, \qquad W\ (H, K),\ b\ (K,), \qquad L = \tfrac{1}{N K}\sum (y - t)^2

:func:`fit` trains it with minibatches, an optimizer from :mod:`lstm_lib.optim` and,
optionally, gradient clipping, and returns the loss and the gradient norm of every step.
"""

from dataclasses import dataclass

import numpy as np

from .fast_lstm import FastTimeLSTM
from .layers import Affine, MeanSquaredError
from .lstm import TimeLSTM
from .optim import clip_grads
from .rnn import TimeRNN
from .validation import as_float_array, check_rng, check_shape
from .weights import init_lstm_params, init_rnn_params


class SequenceRegressor:
    r"""A recurrent layer, its last hidden state, an affine head and a squared error.

    ``recurrent`` is a :class:`TimeLSTM` or :class:`TimeRNN` with hidden size H; ``head``
    an :class:`~lstm_lib.layers.Affine` with W (H, K), b (K,). ``params`` and ``grads``
    are the recurrent layer's arrays followed by the head's (the same array objects, so an
    optimizer updates the layers in place).

    * ``predict(xs)``: xs (N, T, D) -> y (N, K)
    * ``forward(xs, ys)``: also ys (N, K) -> the mean squared error (a float)
    * ``backward()`` -> dxs (N, T, D), writing every gradient into ``grads``
    """

    def __init__(self, recurrent, head):
        if not isinstance(recurrent, (FastTimeLSTM, TimeLSTM, TimeRNN)):
            kind = type(recurrent).__name__
            raise TypeError(f"recurrent must be a FastTimeLSTM, TimeLSTM or TimeRNN, got {kind}")
        if not isinstance(head, Affine):
            raise TypeError(f"head must be an Affine layer, got {type(head).__name__}")
        H = recurrent.hidden_size
        if head.params[0].shape[0] != H:
            raise ValueError(
                f"head.W must have shape (H={H}, K), got {head.params[0].shape}: its rows "
                "must match the hidden size of the recurrent layer"
            )
        self.recurrent, self.head, self.loss_layer = recurrent, head, MeanSquaredError()
        self.params = recurrent.params + head.params
        self.grads = recurrent.grads + head.grads
        self._T = None

    @classmethod
    def lstm(cls, D, H, K, rng, forget_bias=1.0, dtype=np.float64):
        """A TimeLSTM with ``init_lstm_params(D, H, rng, forget_bias)`` and a head (H, K)."""
        return cls(
            FastTimeLSTM(*init_lstm_params(D, H, rng, forget_bias, dtype)), _head(H, K, rng, dtype)
        )

    @classmethod
    def rnn(cls, D, H, K, rng, dtype=np.float64):
        """A TimeRNN with ``init_rnn_params(D, H, rng)`` and a head (H, K)."""
        return cls(TimeRNN(*init_rnn_params(D, H, rng, dtype)), _head(H, K, rng, dtype))

    def predict(self, xs):
        """xs (N, T, D) -> y (N, K), read from the last hidden state."""
        hs = self.recurrent.forward(xs)
        self._T = hs.shape[1]
        return self.head.forward(hs[:, -1])

    def forward(self, xs, ys):
        """xs (N, T, D), ys (N, K) -> the mean squared error of the prediction."""
        y = self.predict(xs)
        ys = as_float_array("ys", ys, y.dtype)
        check_shape("ys", ys, [("N", y.shape[0]), ("K", y.shape[1])])
        return self.loss_layer.forward(y, ys)

    def backward(self):
        """-> dxs (N, T, D). Only the last step receives a gradient from the head."""
        if self._T is None:
            raise RuntimeError("SequenceRegressor.backward called before forward")
        dy = self.loss_layer.backward()
        dh_last = self.head.backward(dy)
        dhs = np.zeros((dh_last.shape[0], self._T, dh_last.shape[1]), dtype=dh_last.dtype)
        dhs[:, -1] = dh_last
        return self.recurrent.backward(dhs)


def _head(H, K, rng, dtype):
    return Affine((rng.standard_normal((H, K)) / np.sqrt(H)).astype(dtype), np.zeros(K, dtype))


@dataclass
class History:
    """What :func:`fit` records at every step: ``loss`` and ``grad_norm``, arrays (steps,).

    ``grad_norm`` is the global gradient norm before clipping (see
    :func:`lstm_lib.optim.clip_grads`).
    """

    loss: np.ndarray
    grad_norm: np.ndarray


def fit(model, optimizer, xs, ys, steps, batch_size, rng, clip_norm=None):
    """Train ``model`` for ``steps`` minibatch steps; return a :class:`History`.

    ``xs`` (N, T, D) and ``ys`` (N, K) are the training set; every step draws
    ``batch_size`` of its N sequences at random (with ``rng``), computes the loss, runs
    backward, clips the gradients to the global norm ``clip_norm`` (None: no clipping)
    and calls ``optimizer.update(model.params, model.grads)``.
    """
    check_rng(rng)
    xs = np.asarray(xs)
    ys = np.asarray(ys)
    N = check_shape("xs", xs, [("N", None), ("T", None), ("D", None)])["N"]
    check_shape("ys", ys, [("N", N), ("K", None)])
    for name, value in (("steps", steps), ("batch_size", batch_size)):
        if not isinstance(value, (int, np.integer)) or value < 1:
            raise ValueError(f"{name} must be a positive integer, got {value!r}")
    if batch_size > N:
        raise ValueError(f"batch_size must be at most N={N}, got {batch_size}")
    if clip_norm is not None and clip_norm <= 0:
        raise ValueError(f"clip_norm must be positive or None, got {clip_norm}")
    losses, norms = np.empty(steps), np.empty(steps)
    for step in range(steps):
        batch = rng.choice(N, size=batch_size, replace=False)
        losses[step] = model.forward(xs[batch], ys[batch])
        model.backward()
        if clip_norm is None:
            norms[step] = np.sqrt(sum(float(np.sum(g * g)) for g in model.grads))
        else:
            norms[step] = clip_grads(model.grads, clip_norm)
        optimizer.update(model.params, model.grads)
    return History(losses, norms)
