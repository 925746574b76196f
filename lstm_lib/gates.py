"""A gate and the new information: the parts of the LSTM, one at a time (notebooks 01-05).

A gate is an openness between 0 and 1 per unit, computed from the current input and the
previous hidden state and squashed by a sigmoid:

    gate = sigmoid(x Wx + h_prev Wh + b)

One class serves as the forget gate f, the input gate i and the output gate o (notebooks
03, 05 and 02): they differ only in their weights and in what they multiply.

The new information (candidate) g has the same affine part but tanh instead of sigmoid,
because it is content in (-1, 1), not a ratio (notebook 04):

    g = tanh(x Wx + h_prev Wh + b)

Shapes: x (N, D), h_prev (N, H), Wx (D, H), Wh (H, H), b (H,), output (N, H). In backward,
a is the pre-activation x Wx + h_prev Wh + b and da its gradient.
"""

import numpy as np

from .functions import sigmoid, tanh
from .layers import Layer
from .validation import check_weights


class Gate(Layer):
    """A gate y = sigmoid(x Wx + h_prev Wh + b): openness in (0, 1) per unit.

    Used as the forget gate f, the input gate i and the output gate o.
    Inputs: Wx (D, H), Wh (H, H), b (H,).
    forward(x, h_prev): x (N, D), h_prev (N, H) -> y (N, H).
    backward(dy): dy (N, H) -> (dx (N, D), dh_prev (N, H)); writes dWx, dWh, db.
    """

    param_names = ("Wx", "Wh", "b")

    def __init__(self, Wx, Wh, b):
        super().__init__()
        _, _, Wx, Wh, b = check_weights(Wx, Wh, b)
        self.params = [Wx, Wh, b]
        self.grads = [np.zeros_like(Wx), np.zeros_like(Wh), np.zeros_like(b)]
        self._cache = None

    def forward(self, x, h_prev):
        """x (N, D), h_prev (N, H) -> y (N, H), a new array."""
        Wx, Wh, b = self.params
        y = sigmoid(x @ Wx + h_prev @ Wh + b)
        self._cache = (x.copy(), h_prev.copy(), y)  # copies: the caller may change them
        return y.copy()

    def backward(self, dy):
        """dy (N, H) -> dx (N, D), dh_prev (N, H); writes dWx, dWh, db into grads."""
        x, h_prev, y = self._require_forward(self._cache)
        Wx, Wh, _ = self.params
        da = dy * y * (1 - y)  # the sigmoid node: sigmoid'(a) = y (1 - y)
        self.grads[0][...] = x.T @ da  # the affine node
        self.grads[1][...] = h_prev.T @ da
        self.grads[2][...] = da.sum(axis=0)
        return da @ Wx.T, da @ Wh.T


class Candidate(Layer):
    """The new information (candidate) g = tanh(x Wx + h_prev Wh + b), in (-1, 1).

    Not a gate: it is the content that may be written into the memory cell.
    Inputs: Wx (D, H), Wh (H, H), b (H,).
    forward(x, h_prev): x (N, D), h_prev (N, H) -> g (N, H).
    backward(dg): dg (N, H) -> (dx (N, D), dh_prev (N, H)); writes dWx, dWh, db.
    """

    param_names = ("Wx", "Wh", "b")

    def __init__(self, Wx, Wh, b):
        super().__init__()
        _, _, Wx, Wh, b = check_weights(Wx, Wh, b)
        self.params = [Wx, Wh, b]
        self.grads = [np.zeros_like(Wx), np.zeros_like(Wh), np.zeros_like(b)]
        self._cache = None

    def forward(self, x, h_prev):
        """x (N, D), h_prev (N, H) -> g (N, H), a new array."""
        Wx, Wh, b = self.params
        g = tanh(x @ Wx + h_prev @ Wh + b)
        self._cache = (x.copy(), h_prev.copy(), g)  # copies: the caller may change them
        return g.copy()

    def backward(self, dg):
        """dg (N, H) -> dx (N, D), dh_prev (N, H); writes dWx, dWh, db into grads."""
        x, h_prev, g = self._require_forward(self._cache)
        Wx, Wh, _ = self.params
        da = dg * (1 - g**2)  # the tanh node: tanh'(a) = 1 - g^2
        self.grads[0][...] = x.T @ da  # the affine node
        self.grads[1][...] = h_prev.T @ da
        self.grads[2][...] = da.sum(axis=0)
        return da @ Wx.T, da @ Wh.T
