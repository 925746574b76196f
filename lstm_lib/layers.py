r"""The small layers every other layer is built from.

Each layer has the interface of "Deep Learning from Scratch 2":

* ``params``: list of parameter arrays, ``grads``: list of arrays of the same shapes;
* ``forward(...)`` computes and caches what ``backward`` needs;
* ``backward(dout)`` returns the gradient with respect to the input and writes the
  parameter gradients into ``grads`` in place (``g[...] = ...``), so an optimizer that holds
  the arrays sees them.

Shapes follow the row-vector convention: a batch of N inputs is an (N, D) array and a
weight that maps D features to H is (D, H).
"""

import numpy as np

from .functions import sigmoid, sigmoid_grad, tanh, tanh_grad
from .validation import as_float_array, check_like, check_shape


class Layer:
    """Base of all layers: empty ``params``/``grads`` and a readable name for reports."""

    param_names = ()

    def __init__(self):
        self.params = []
        self.grads = []

    def _require_forward(self, cache):
        if cache is None:
            raise RuntimeError(f"{type(self).__name__}.backward called before forward")
        return cache


class MatMul(Layer):
    r"""Matrix product :math:`y = x W` with x (N, D), W (D, H), y (N, H).

    Backward: :math:`\partial L/\partial x = dy\, W^T` and :math:`\partial L/\partial W =
    x^T dy`.
    """

    param_names = ("W",)

    def __init__(self, W):
        super().__init__()
        W = as_float_array("W", W)
        check_shape("W", W, [("D", None), ("H", None)])
        self.params = [W]
        self.grads = [np.zeros_like(W)]
        self._x = None

    def forward(self, x):
        """x (N, D) -> y (N, H)."""
        (W,) = self.params
        x = as_float_array("x", x, W.dtype)
        check_shape("x", x, [("N", None), ("D", W.shape[0])])
        self._x = x
        return x @ W

    def backward(self, dout):
        """dout (N, H) -> dx (N, D); writes dW into ``grads[0]``."""
        x = self._require_forward(self._x)
        (W,) = self.params
        check_shape("dout", dout, [("N", x.shape[0]), ("H", W.shape[1])])
        self.grads[0][...] = x.T @ dout
        return dout @ W.T


class Affine(Layer):
    r"""Affine transform :math:`y = x W + b` with x (N, D), W (D, H), b (H,), y (N, H).

    Backward: :math:`dx = dy\, W^T`, :math:`dW = x^T dy`, :math:`db = \sum_n dy_n`
    (the bias was broadcast over the batch, so its gradient is summed over it).
    """

    param_names = ("W", "b")

    def __init__(self, W, b):
        super().__init__()
        W = as_float_array("W", W)
        b = as_float_array("b", b, W.dtype)
        check_shape("W", W, [("D", None), ("H", None)])
        check_shape("b", b, [("H", W.shape[1])])
        self.params = [W, b]
        self.grads = [np.zeros_like(W), np.zeros_like(b)]
        self._x = None

    def forward(self, x):
        """x (N, D) -> y (N, H)."""
        W, b = self.params
        x = as_float_array("x", x, W.dtype)
        check_shape("x", x, [("N", None), ("D", W.shape[0])])
        self._x = x
        return x @ W + b

    def backward(self, dout):
        """dout (N, H) -> dx (N, D); writes dW and db into ``grads``."""
        x = self._require_forward(self._x)
        W, _ = self.params
        check_shape("dout", dout, [("N", x.shape[0]), ("H", W.shape[1])])
        self.grads[0][...] = x.T @ dout
        self.grads[1][...] = dout.sum(axis=0)
        return dout @ W.T


class Sigmoid(Layer):
    r""":math:`y = \sigma(x)` elementwise; backward :math:`dx = dy\, y (1 - y)`."""

    def __init__(self):
        super().__init__()
        self._y = None

    def forward(self, x):
        """x of any shape -> y of the same shape, in (0, 1)."""
        self._y = sigmoid(x)
        return self._y

    def backward(self, dout):
        """dout -> dx, both of the shape of x."""
        y = self._require_forward(self._y)
        check_like("dout", dout, "the forward output", y)
        return dout * sigmoid_grad(y)


class Tanh(Layer):
    r""":math:`y = \tanh(x)` elementwise; backward :math:`dx = dy\, (1 - y^2)`."""

    def __init__(self):
        super().__init__()
        self._y = None

    def forward(self, x):
        """x of any shape -> y of the same shape, in (-1, 1)."""
        self._y = tanh(x)
        return self._y

    def backward(self, dout):
        """dout -> dx, both of the shape of x."""
        y = self._require_forward(self._y)
        check_like("dout", dout, "the forward output", y)
        return dout * tanh_grad(y)
