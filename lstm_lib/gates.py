r"""A gate and the new information: the four parts of the LSTM, one at a time.

A **gate** is an openness between 0 and 1, computed from the current input and the
previous hidden state and squashed by a sigmoid:

.. math:: \text{gate} = \sigma(x W_x + h_{prev} W_h + b)

The same class serves as the forget gate f, the input gate i and the output gate o: they
differ only in their learned weights and in what they multiply.

The **new information** (candidate) g has the same affine part but tanh instead of the
sigmoid, because it carries content in (-1, 1), not a ratio:

.. math:: g = \tanh(x W_x + h_{prev} W_h + b)

Shapes: x (N, D), h_prev (N, H), Wx (D, H), Wh (H, H), b (H,), output (N, H).
"""

import numpy as np

from .functions import sigmoid, sigmoid_grad, tanh, tanh_grad
from .layers import Layer
from .validation import as_float_array, check_shape, check_weights


class _RecurrentUnit(Layer):
    """Affine part ``x Wx + h_prev Wh + b`` followed by an elementwise activation."""

    param_names = ("Wx", "Wh", "b")

    def __init__(self, Wx, Wh, b):
        super().__init__()
        _, _, Wx, Wh, b = check_weights(Wx, Wh, b)
        self.params = [Wx, Wh, b]
        self.grads = [np.zeros_like(Wx), np.zeros_like(Wh), np.zeros_like(b)]
        self._cache = None

    @property
    def hidden_size(self):
        """H, the number of units."""
        return self.params[1].shape[0]

    def forward(self, x, h_prev):
        """x (N, D), h_prev (N, H) -> (N, H)."""
        Wx, Wh, b = self.params
        x = as_float_array("x", x, Wx.dtype)
        h_prev = as_float_array("h_prev", h_prev, Wx.dtype)
        N = check_shape("x", x, [("N", None), ("D", Wx.shape[0])])["N"]
        check_shape("h_prev", h_prev, [("N", N), ("H", self.hidden_size)])
        out = self._activate(x @ Wx + h_prev @ Wh + b)
        self._cache = (x, h_prev, out)
        return out

    def backward(self, dout):
        """dout (N, H) -> (dx (N, D), dh_prev (N, H)); writes dWx, dWh, db into ``grads``."""
        x, h_prev, out = self._require_forward(self._cache)
        check_shape("dout", dout, [("N", x.shape[0]), ("H", self.hidden_size)])
        Wx, Wh, _ = self.params
        da = dout * self._activation_grad(out)  # gradient of the pre-activation
        self.grads[0][...] = x.T @ da
        self.grads[1][...] = h_prev.T @ da
        self.grads[2][...] = da.sum(axis=0)
        return da @ Wx.T, da @ Wh.T


class Gate(_RecurrentUnit):
    r"""A gate :math:`\sigma(x W_x + h_{prev} W_h + b)`: openness in (0, 1) per unit.

    Used as the forget gate f, the input gate i and the output gate o.
    Backward: with :math:`y` the output, the pre-activation gets
    :math:`da = dy\, y (1 - y)`, then the affine rule: :math:`dW_x = x^T da`,
    :math:`dW_h = h_{prev}^T da`, :math:`db = \sum_n da_n`, :math:`dx = da\, W_x^T`,
    :math:`dh_{prev} = da\, W_h^T`.
    """

    _activate = staticmethod(sigmoid)
    _activation_grad = staticmethod(sigmoid_grad)


class Candidate(_RecurrentUnit):
    r"""The new information :math:`g = \tanh(x W_x + h_{prev} W_h + b)`, in (-1, 1).

    Not a gate: it is the content that may be written into the memory cell.
    Backward as for :class:`Gate`, with :math:`da = dg\, (1 - g^2)`.
    """

    _activate = staticmethod(tanh)
    _activation_grad = staticmethod(tanh_grad)
