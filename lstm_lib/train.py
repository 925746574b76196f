"""Sequence regression and its training loop (notebook 06), and the History of a run.

The model reads xs (N, T, D) with a recurrent layer (FastTimeLSTM, TimeLSTM or TimeRNN),
keeps only the last hidden state h_T (N, H) and maps it to the prediction with an affine
head (아핀 변환):

    y = h_T W + b     W (H, K), b (K,)         L = mean of (y - t)^2 over all N K entries

fit trains it (or any model with N examples, such as the models of notebook 09) with
minibatches, an optimizer from lstm_lib.optim and optional gradient clipping, and returns
a History. lstm_lib.language_model.train_tbptt returns one too.
"""

from dataclasses import dataclass, field

import numpy as np

from .fast_lstm import FastTimeLSTM
from .layers import Affine, MeanSquaredError
from .lstm import TimeLSTM
from .optim import clip_grads
from .rnn import TimeRNN
from .validation import (
    as_float_array,
    check_clip_norm,
    check_integer,
    check_rng,
    check_shape,
)
from .weights import init_lstm_params, init_rnn_params


class SequenceRegressor:
    """A recurrent layer, its last hidden state, an affine head and a squared error.

    Inputs: recurrent, a FastTimeLSTM, TimeLSTM or TimeRNN with hidden size H; head, an
    Affine with W (H, K), b (K,). params and grads are the recurrent layer's arrays followed
    by the head's (the same array objects, so an optimizer updates the layers in place).

    predict(xs): xs (N, T, D) -> y (N, K).
    forward(xs, ts): xs (N, T, D), ts (N, K) -> the mean squared error (a float).
    backward(dout=1.0) -> None; writes every gradient into grads.
    reset_state(): the next forward starts from h = c = 0.
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
        """A FastTimeLSTM with init_lstm_params(D, H, rng, forget_bias) and a head (H, K)."""
        weights = init_lstm_params(D, H, rng, forget_bias, dtype)
        return cls(FastTimeLSTM(*weights), _head(H, K, rng, dtype))

    @classmethod
    def rnn(cls, D, H, K, rng, dtype=np.float64):
        """A TimeRNN with init_rnn_params(D, H, rng) and a head (H, K)."""
        return cls(TimeRNN(*init_rnn_params(D, H, rng, dtype)), _head(H, K, rng, dtype))

    def predict(self, xs):
        """xs (N, T, D) -> y (N, K), read from the last hidden state."""
        hs = self.recurrent.forward(xs)
        self._T = hs.shape[1]
        return self.head.forward(hs[:, -1])

    def forward(self, xs, ts):
        """xs (N, T, D), ts (N, K) -> the mean squared error of the prediction."""
        y = self.predict(xs)
        ts = as_float_array("ts", ts, y.dtype)
        check_shape("ts", ts, [("N", y.shape[0]), ("K", y.shape[1])])
        return self.loss_layer.forward(y, ts)

    def backward(self, dout=1.0):
        """Fill grads with the gradient of dout * loss; only h_T receives one from the head."""
        if self._T is None:
            raise RuntimeError("SequenceRegressor.backward called before forward")
        dh_last = self.head.backward(self.loss_layer.backward(dout))
        dhs = np.zeros((dh_last.shape[0], self._T, dh_last.shape[1]), dtype=dh_last.dtype)
        dhs[:, -1] = dh_last
        self.recurrent.backward(dhs)

    def reset_state(self):
        """The next forward starts from a zero state."""
        self.recurrent.reset_state()


def _head(H, K, rng, dtype):
    return Affine((rng.standard_normal((H, K)) / np.sqrt(H)).astype(dtype), np.zeros(K, dtype))


def _no_epochs():
    return np.empty(0)


@dataclass
class History:
    """What a training run records (fit and language_model.train_tbptt).

    loss            (updates,) the mean loss of each update's minibatch or chunk
    grad_norm       (updates,) the global gradient norm of each update, before clipping
    perplexity      (epochs,) train_tbptt: the training perplexity of each epoch
                    (empty for fit, which counts updates, not epochs)
    val_perplexity  (epochs,) train_tbptt with val_ids: the validation perplexity after
                    each epoch (otherwise empty)
    """

    loss: np.ndarray
    grad_norm: np.ndarray
    perplexity: np.ndarray = field(default_factory=_no_epochs)
    val_perplexity: np.ndarray = field(default_factory=_no_epochs)


def apply_gradients(model, optimizer, clip_norm=None):
    """One update after model.backward(): clip the gradients to the global norm clip_norm
    (None: no clipping), then optimizer.update(model.params, model.grads).

    Returns the global gradient norm before clipping.
    """
    if clip_norm is None:
        norm = float(np.sqrt(sum(float(np.sum(g * g)) for g in model.grads)))
    else:
        norm = clip_grads(model.grads, clip_norm)
    optimizer.update(model.params, model.grads)
    return norm


def fit(model, optimizer, xs, ts, steps, batch_size, rng, clip_norm=None):
    """Train model for steps minibatch updates; return a History (loss and grad_norm).

    Inputs: xs and ts, the training set, N examples each along the first axis (xs (N, T, D)
    and ts (N, K) for a SequenceRegressor, ids (N, T) and their targets for the symbol model
    of notebook 09); every step draws batch_size of the N examples at random with rng, runs
    model.forward(xs, ts) and model.backward(), clips the gradients to the global norm
    clip_norm (None: no clipping) and calls optimizer.update(model.params, model.grads).
    """
    check_rng(rng)
    xs, ts = np.asarray(xs), np.asarray(ts)
    if xs.ndim < 2:
        raise ValueError(f"xs must have shape (N, ...) with one example per row, got {xs.shape}")
    N = xs.shape[0]
    if ts.ndim < 1 or ts.shape[0] != N:
        raise ValueError(f"ts must have shape (N={N}, ...), one target per example, got {ts.shape}")
    check_integer("steps", steps, minimum=1)
    check_integer("batch_size", batch_size, minimum=1)
    if batch_size > N:
        raise ValueError(f"batch_size must be at most N={N}, got {batch_size}")
    check_clip_norm(clip_norm)
    losses, norms = np.empty(steps), np.empty(steps)
    for step in range(steps):
        batch = rng.choice(N, size=batch_size, replace=False)
        losses[step] = model.forward(xs[batch], ts[batch])
        model.backward()
        norms[step] = apply_gradients(model, optimizer, clip_norm)
    return History(losses, norms)
