"""The plain (tanh) RNN, the starting point the LSTM improves on (notebook 00).

One step:

    h = tanh(x Wx + h_prev Wh + b)      x (N, D), h_prev (N, H), Wx (D, H), Wh (H, H), b (H,)

Its backward multiplies the gradient by tanh' and by Wh^T at every step, which is why the
gradient vanishes or explodes over long sequences (notebooks 00 and 06).
"""

import numpy as np

from .functions import tanh
from .layers import ActivatedAffine, Layer
from .validation import (
    check_sequence,
    check_state,
    check_switch,
    check_upstream,
    initial_state,
)


class RNN(ActivatedAffine):
    """One tanh RNN step h = tanh(x Wx + h_prev Wh + b).

    Inputs: Wx (D, H), Wh (H, H), b (H,).
    forward(x, h_prev): x (N, D), h_prev (N, H) -> h (N, H).
    backward(dh): dh (N, H) -> (dx (N, D), dh_prev (N, H)); writes dWx, dWh, db.
    The same computation as the new information g of the LSTM, here the whole step.
    """

    activation = staticmethod(tanh)

    @staticmethod
    def activation_backward(dh, h):
        """The tanh node: tanh'(a) = 1 - h^2."""
        return dh * (1 - h**2)


class TimeRNN(Layer):
    """T tanh RNN steps over a sequence: a plain loop of RNN steps.

    Inputs: Wx (D, H), Wh (H, H), b (H,); stateful (True or False) as for lstm_lib.TimeLSTM.
    forward(xs): xs (N, T, D) -> hs (N, T, H).
    backward(dhs): dhs (N, T, H) -> dxs (N, T, D); dWx, dWh, db summed over the steps.
    set_state(h) and reset_state() set the initial h; after backward dh is the
    gradient of the initial h.

    The loop is written once: lstm_lib.gru.TimeGRU steps a GRU with it by overriding only
    _step(), and passes the GRU's further weight b_hg as extra.
    """

    def __init__(self, Wx, Wh, b, stateful=False, *, extra=()):
        super().__init__()
        step = self._step(Wx, Wh, b, *extra)  # the step's constructor checks the weights
        self.params = step.params  # the checked arrays, which every step of forward shares
        self.param_names = step.param_names
        self.grads = [np.zeros_like(p) for p in self.params]
        self.hidden_size = step.hidden_size
        self.stateful = check_switch("stateful", stateful)
        self.h = None  # the state the next forward starts from (None: zero)
        self.dh = None  # gradient of the initial h, after backward
        self.layers = None  # one step per time step, after forward
        self._xs_shape = None

    def _step(self, *params):
        """A new RNN step on params: the layer's arrays, or in __init__ the given weights."""
        return RNN(*params)

    def set_state(self, h):
        """Start the next forward from h (N, H)."""
        self.h = check_state("h", h, None, self.hidden_size, self.params[0].dtype)

    def reset_state(self):
        """Start the next forward from h = 0."""
        self.h = None

    def forward(self, xs):
        """xs (N, T, D) -> hs (N, T, H)."""
        Wx = self.params[0]
        xs = check_sequence("xs", xs, Wx.dtype, Wx.shape[0])  # each step copies its x_t
        N, T, _ = xs.shape
        h = initial_state("h", self.h, N, self.hidden_size, Wx.dtype)
        hs = np.empty((N, T, self.hidden_size), dtype=Wx.dtype)
        self.layers = []
        for t in range(T):
            layer = self._step(*self.params)
            h = layer.forward(xs[:, t], h)
            hs[:, t] = h
            self.layers.append(layer)
        self._xs_shape = xs.shape
        self.h = h if self.stateful else None
        return hs

    def backward(self, dhs):
        """dhs (N, T, H) -> dxs (N, T, D); sums dWx, dWh, db over time; sets dh."""
        layers = self._require_forward(self.layers)
        (N, T, D), H, dtype = self._xs_shape, self.hidden_size, self.params[0].dtype
        dhs = check_upstream("dhs", dhs, [("N", N), ("T", T), ("H", H)], dtype)
        for grad in self.grads:
            grad[...] = 0
        dxs = np.empty((N, T, D), dtype=dtype)
        dh = np.zeros((N, H), dtype=dtype)  # nothing comes from after the last step
        for t in reversed(range(T)):
            dxs[:, t], dh = layers[t].backward(dhs[:, t] + dh)
            for total, grad in zip(self.grads, layers[t].grads, strict=True):
                total += grad
        self.dh = dh
        return dxs
