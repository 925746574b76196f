"""The book's algorithm, the baseline of ``bench_lstm.py``: one LSTM step layer per time step.

The classic structure of "Deep Learning from Scratch 2", built here from this library's
readable step, :class:`lstm_lib.lstm.LSTM`, so the benchmark measures what
:class:`lstm_lib.FastTimeLSTM` gains from its structure alone:

* a list of T step layers that share the weights, each computing ``x @ Wx`` inside the loop;
* every step allocates fresh arrays (the affine sum, the four gates, the new c and h);
* in backward each step computes its own dWx, dWh, db (a full-size array per step) and the
  time layer adds them up step by step.

Not part of the library: it exists to be timed, and the benchmark checks once that it
agrees with ``FastTimeLSTM``.
"""

import numpy as np

from lstm_lib import LSTM


class BookTimeLSTM:
    """T steps over xs (N, T, D) -> hs (N, T, H), starting from h = c = 0."""

    def __init__(self, Wx, Wh, b):
        self.params = [Wx, Wh, b]
        self.grads = [np.zeros_like(Wx), np.zeros_like(Wh), np.zeros_like(b)]
        self.layers = None

    def forward(self, xs):
        Wx, Wh, _ = self.params
        N, T, _ = xs.shape
        H = Wh.shape[0]
        hs = np.empty((N, T, H), dtype=Wx.dtype)
        h = np.zeros((N, H), dtype=Wx.dtype)
        c = np.zeros((N, H), dtype=Wx.dtype)
        self.layers = []
        for t in range(T):
            layer = LSTM(*self.params)  # a new step layer, sharing the weight arrays
            h, c = layer.forward(xs[:, t, :], h, c)
            hs[:, t, :] = h
            self.layers.append(layer)
        return hs

    def backward(self, dhs):
        N, T, H = dhs.shape
        dxs = np.empty((N, T, self.params[0].shape[0]), dtype=dhs.dtype)
        dh = np.zeros((N, H), dtype=dhs.dtype)
        dc = np.zeros((N, H), dtype=dhs.dtype)
        totals = [np.zeros_like(g) for g in self.grads]
        for t in reversed(range(T)):
            layer = self.layers[t]
            dxs[:, t, :], dh, dc = layer.backward(dhs[:, t, :] + dh, dc)
            for total, grad in zip(totals, layer.grads, strict=True):
                total += grad
        for grad, total in zip(self.grads, totals, strict=True):
            grad[...] = total
        return dxs
