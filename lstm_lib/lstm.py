"""The fused LSTM step and the loop over time (notebook 07).

The four affine transforms of the cell (lstm_lib.cell, notebook 05) are stacked into one:

    A = x Wx + h_prev Wh + b        Wx (D, 4H), Wh (H, 4H), b (4H,), A (N, 4H)

and A is cut into four (N, H) blocks, the pre-activations a_f, a_g, a_i, a_o, in the
order f, g, i, o:

    f = sigmoid(a_f)   g = tanh(a_g)   i = sigmoid(a_i)   o = sigmoid(a_o)
    c = f * c_prev + g * i             h = o * tanh(c)        (* is elementwise)

Backward gathers the gradients of the four pre-activations, da_f, da_g, da_i, da_o, back
into dA (N, 4H) in the same order, and one affine rule gives dWx, dWh, db, dx and dh_prev.

LSTM is one step. TimeLSTM is the loop of LSTM steps over a sequence, written to be read
beside notebook 07; lstm_lib.fast_lstm.FastTimeLSTM computes the same, faster.
"""

import numpy as np

from .functions import sigmoid, tanh
from .layers import Layer
from .validation import (
    check_sequence,
    check_state,
    check_switch,
    check_upstream,
    check_weights,
    initial_state,
)


class LSTM(Layer):
    """One fused LSTM step.

    Inputs: Wx (D, 4H), Wh (H, 4H), b (4H,), column blocks in the order f, g, i, o.
    forward(x, h_prev, c_prev): x (N, D), h_prev (N, H), c_prev (N, H) -> (h, c), each (N, H).
    backward(dh, dc=None): dh, dc (N, H) (dc None: zero) -> (dx, dh_prev, dc_prev);
    writes dWx, dWh, db into grads.

    After forward, f, g, i, o are copies of the step's four parts, each (N, H), as in
    lstm_lib.LSTMCell. The step trusts its caller (TimeLSTM checks shapes and dtypes); only
    the constructor checks the weights.
    """

    param_names = ("Wx", "Wh", "b")

    def __init__(self, Wx, Wh, b):
        super().__init__()
        _, self.hidden_size, Wx, Wh, b = check_weights(Wx, Wh, b, blocks=4)
        self.params = [Wx, Wh, b]
        self.grads = [np.zeros_like(Wx), np.zeros_like(Wh), np.zeros_like(b)]
        self.f = self.g = self.i = self.o = None
        self._cache = None

    def forward(self, x, h_prev, c_prev):
        """x (N, D), h_prev (N, H), c_prev (N, H) -> h (N, H), c (N, H)."""
        Wx, Wh, b = self.params
        H = self.hidden_size
        A = x @ Wx + h_prev @ Wh + b  # (N, 4H): one affine transform for all four parts
        f = sigmoid(A[:, :H])  # forget gate
        g = tanh(A[:, H : 2 * H])  # new information
        i = sigmoid(A[:, 2 * H : 3 * H])  # input gate
        o = sigmoid(A[:, 3 * H :])  # output gate
        c = f * c_prev + g * i
        tanh_c = tanh(c)
        h = o * tanh_c
        # copies of the inputs: the caller may change its arrays before backward
        self._cache = (x.copy(), h_prev.copy(), c_prev.copy(), f, g, i, o, tanh_c)
        self.f, self.g, self.i, self.o = f.copy(), g.copy(), i.copy(), o.copy()
        return h, c

    def backward(self, dh, dc=None):
        """dh (N, H), dc (N, H) or None -> dx (N, D), dh_prev (N, H), dc_prev (N, H)."""
        x, h_prev, c_prev, f, g, i, o, tanh_c = self._require_forward(self._cache)
        Wx, Wh, _ = self.params
        if dc is None:
            dc = np.zeros_like(c_prev)  # the last step of a sequence: c goes nowhere else
        dc = dc + dh * o * (1 - tanh_c**2)  # two streams meet at c: from c and through h
        da_f = dc * c_prev * f * (1 - f)  # c = f * c_prev + ...
        da_g = dc * i * (1 - g**2)  # ... + g * i
        da_i = dc * g * i * (1 - i)
        da_o = dh * tanh_c * o * (1 - o)  # h = o * tanh(c)
        dA = np.hstack((da_f, da_g, da_i, da_o))  # (N, 4H): the slice's backward
        self.grads[0][...] = x.T @ dA
        self.grads[1][...] = h_prev.T @ dA
        self.grads[2][...] = dA.sum(axis=0)
        return dA @ Wx.T, dA @ Wh.T, dc * f  # dc_prev: the cell path only multiplies by f


class TimeLSTM(Layer):
    """T fused LSTM steps over a sequence, with backpropagation through time.

    A plain loop: forward makes one LSTM step per time step and keeps them in self.layers;
    backward walks them in reverse, hands dh and dc back from step to step and sums the
    weight gradients over time (the weights are shared by all steps).

    Inputs: Wx (D, 4H), Wh (H, 4H), b (4H,), blocks in the order f, g, i, o; stateful.
    forward(xs): xs (N, T, D) -> hs (N, T, H).
    backward(dhs): dhs (N, T, H) -> dxs (N, T, D); writes dWx, dWh, db into grads.

    The first h and c are zero, or what set_state gave. With stateful=True the last h and c
    of one forward are the first of the next (truncated backpropagation through time).
    After backward, dh and dc are the gradients of the initial h and c.
    lstm_lib.FastTimeLSTM computes the same faster and is what the training code uses.

    The loop is written once: lstm_lib.variants.TimeVariantLSTM steps a VariantLSTM with it
    by overriding only _step(), and passes the variant's peephole weights P as extra.
    """

    def __init__(self, Wx, Wh, b, stateful=False, *, extra=()):
        super().__init__()
        step = self._step(Wx, Wh, b, *extra)  # the step's constructor checks the weights
        self.params = step.params  # the checked arrays, which every step of forward shares
        self.param_names = step.param_names
        self.grads = [np.zeros_like(p) for p in self.params]
        self.hidden_size = step.hidden_size
        self.stateful = check_switch("stateful", stateful)
        self.h = self.c = None  # the state the next forward starts from (None: zero)
        self.dh = self.dc = None  # gradients of the initial state, after backward
        self.layers = None  # one step per time step, after forward
        self._xs_shape = None

    def _step(self, *params):
        """A new LSTM step on params: the layer's arrays, or in __init__ the given weights."""
        return LSTM(*params)

    def set_state(self, h, c=None):
        """Start the next forward from h (N, H) and c (N, H) (c None: zero)."""
        dtype, H = self.params[0].dtype, self.hidden_size
        self.h = check_state("h", h, None, H, dtype)
        self.c = None if c is None else check_state("c", c, self.h.shape[0], H, dtype)

    def reset_state(self):
        """Start the next forward from h = c = 0."""
        self.h = self.c = None

    def forward(self, xs):
        """xs (N, T, D) -> hs (N, T, H)."""
        Wx = self.params[0]
        xs = check_sequence("xs", xs, Wx.dtype, Wx.shape[0])  # each step copies its x_t
        N, T, _ = xs.shape
        h = initial_state("h", self.h, N, self.hidden_size, Wx.dtype)
        c = initial_state("c", self.c, N, self.hidden_size, Wx.dtype)
        hs = np.empty((N, T, self.hidden_size), dtype=Wx.dtype)
        self.layers = []
        for t in range(T):
            layer = self._step(*self.params)
            h, c = layer.forward(xs[:, t], h, c)
            hs[:, t] = h
            self.layers.append(layer)
        self._xs_shape = xs.shape
        self.h, self.c = (h, c) if self.stateful else (None, None)
        return hs

    def backward(self, dhs):
        """dhs (N, T, H) -> dxs (N, T, D); sums dWx, dWh, db over time; sets dh, dc."""
        layers = self._require_forward(self.layers)
        (N, T, D), H, dtype = self._xs_shape, self.hidden_size, self.params[0].dtype
        dhs = check_upstream("dhs", dhs, [("N", N), ("T", T), ("H", H)], dtype)
        for grad in self.grads:
            grad[...] = 0
        dxs = np.empty((N, T, D), dtype=dtype)
        dh = dc = np.zeros((N, H), dtype=dtype)  # nothing comes from after the last step
        for t in reversed(range(T)):
            dxs[:, t], dh, dc = layers[t].backward(dhs[:, t] + dh, dc)
            for total, grad in zip(self.grads, layers[t].grads, strict=True):
                total += grad
        self.dh, self.dc = dh, dc
        return dxs
