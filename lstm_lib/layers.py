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
from .validation import as_float_array, check_like, check_shape, check_weights


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
        dout = as_float_array("dout", dout, W.dtype)
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
        dout = as_float_array("dout", dout, W.dtype)
        check_shape("dout", dout, [("N", x.shape[0]), ("H", W.shape[1])])
        self.grads[0][...] = x.T @ dout
        self.grads[1][...] = dout.sum(axis=0)
        return dout @ W.T


class _Activation(Layer):
    """An elementwise function; its derivative is written with the output y."""

    def __init__(self):
        super().__init__()
        self._y = None

    def forward(self, x):
        """x of any shape -> y of the same shape."""
        self._y = self._function(x)
        return self._y

    def backward(self, dout):
        """dout -> dx, both of the shape of x."""
        y = self._require_forward(self._y)
        dout = as_float_array("dout", dout, y.dtype)
        check_like("dout", dout, "the forward output", y)
        return dout * self._derivative(y)


class Sigmoid(_Activation):
    r""":math:`y = \sigma(x)` elementwise, in (0, 1); backward :math:`dx = dy\, y (1 - y)`."""

    _function = staticmethod(sigmoid)
    _derivative = staticmethod(sigmoid_grad)


class Tanh(_Activation):
    r""":math:`y = \tanh(x)` elementwise, in (-1, 1); backward :math:`dx = dy\, (1 - y^2)`."""

    _function = staticmethod(tanh)
    _derivative = staticmethod(tanh_grad)


class RecurrentUnit(Layer):
    r"""An affine transform of x and h_prev followed by an elementwise activation:

    .. math:: y = \phi(a), \qquad a = x W_x + h_{prev} W_h + b

    with x (N, D), h_prev (N, H), Wx (D, H), Wh (H, H), b (H,), y (N, H). The plain RNN
    step (:math:`\phi = \tanh`), a gate (:math:`\phi = \sigma`) and the new information g
    (:math:`\phi = \tanh`) are all this layer; subclasses only choose :math:`\phi`.

    Backward: the activation node gives :math:`da = dy \odot \phi'(a)` (written with the
    output y), then the affine node: :math:`dW_x = x^T da`, :math:`dW_h = h_{prev}^T da`,
    :math:`db = \sum_n da_n`, :math:`dx = da\, W_x^T`, :math:`dh_{prev} = da\, W_h^T`.
    """

    param_names = ("Wx", "Wh", "b")
    _activate = staticmethod(tanh)
    _activation_grad = staticmethod(tanh_grad)

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
        """x (N, D), h_prev (N, H) -> y (N, H)."""
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
        dout = as_float_array("dout", dout, out.dtype)
        check_shape("dout", dout, [("N", x.shape[0]), ("H", self.hidden_size)])
        Wx, Wh, _ = self.params
        da = dout * self._activation_grad(out)  # gradient of the pre-activation a
        self.grads[0][...] = x.T @ da
        self.grads[1][...] = h_prev.T @ da
        self.grads[2][...] = da.sum(axis=0)
        return da @ Wx.T, da @ Wh.T


class TimeAffine(Affine):
    r"""The same affine transform at every time step: xs (N, T, D) -> ys (N, T, H).

    :math:`y_t = x_t W + b`, computed as one :class:`Affine` over all N T rows; the
    parameter gradients are summed over batch and time.
    """

    def __init__(self, W, b):
        super().__init__(W, b)
        self._NT = None

    def forward(self, xs):
        """xs (N, T, D) -> ys (N, T, H)."""
        W = self.params[0]
        xs = as_float_array("xs", xs, W.dtype)
        dims = check_shape("xs", xs, [("N", None), ("T", None), ("D", W.shape[0])])
        N, T, D = dims["N"], dims["T"], dims["D"]
        self._NT = (N, T)
        return super().forward(xs.reshape(N * T, D)).reshape(N, T, W.shape[1])

    def backward(self, dys):
        """dys (N, T, H) -> dxs (N, T, D); writes dW and db into ``grads``."""
        N, T = self._require_forward(self._NT)
        W = self.params[0]
        dys = as_float_array("dys", dys, W.dtype)
        check_shape("dys", dys, [("N", N), ("T", T), ("H", W.shape[1])])
        return super().backward(dys.reshape(N * T, W.shape[1])).reshape(N, T, W.shape[0])


class Embedding(Layer):
    r"""Look up rows of W (V, D) by integer id: ids of any shape S -> vectors (*S, D).

    Equivalent to multiplying a one-hot vector by W, without building it. Backward adds
    each upstream row into the row of W it came from (an id used twice gets both).
    """

    param_names = ("W",)

    def __init__(self, W):
        super().__init__()
        W = as_float_array("W", W)
        check_shape("W", W, [("V", None), ("D", None)])
        self.params = [W]
        self.grads = [np.zeros_like(W)]
        self._ids = None

    def forward(self, ids):
        """ids: integer array of any shape, values in [0, V) -> (*ids.shape, D)."""
        (W,) = self.params
        ids = np.asarray(ids)
        if ids.dtype.kind not in "iu":
            raise TypeError(f"ids must be an integer array, got dtype {ids.dtype}")
        if ids.size and (ids.min() < 0 or ids.max() >= W.shape[0]):
            raise ValueError(f"ids must lie in [0, V={W.shape[0]}), got [{ids.min()}, {ids.max()}]")
        self._ids = ids
        return W[ids]

    def backward(self, dout):
        """dout (*ids.shape, D) -> None (ids have no gradient); writes dW into ``grads``."""
        ids = self._require_forward(self._ids)
        dout = as_float_array("dout", dout, self.params[0].dtype)
        check_shape(
            "dout",
            dout,
            [(f"S{k}", n) for k, n in enumerate(ids.shape)] + [("D", self.params[0].shape[1])],
        )
        self.grads[0][...] = 0
        np.add.at(self.grads[0], ids, dout)


class MeanSquaredError(Layer):
    r"""Loss :math:`L = \frac{1}{M} \sum (y - t)^2` over all M entries of y.

    ``forward(y, t)`` -> scalar; ``backward(dout=1.0)`` -> :math:`dy = 2 (y - t) / M`.
    """

    def __init__(self):
        super().__init__()
        self._diff = None

    def forward(self, y, t):
        """y and t of the same shape, at least one entry -> the mean squared difference."""
        y = as_float_array("y", y)
        t = as_float_array("t", t, y.dtype)
        check_like("t", t, "y", y)
        if y.size == 0:
            raise ValueError(f"y and t must hold at least one entry to average, got {y.shape}")
        self._diff = y - t
        return float(np.mean(self._diff**2))

    def backward(self, dout=1.0):
        """-> dy, shaped like y."""
        diff = self._require_forward(self._diff)
        return dout * 2 * diff / diff.size


class SoftmaxCrossEntropy(Layer):
    r"""Softmax over the last axis, then the mean cross-entropy with integer targets.

    ``forward(scores, targets)``: scores (..., V), targets (...) integers in [0, V) ->
    :math:`L = -\frac{1}{M}\sum \log p_{target}` over the M positions (e.g. M = N T for a
    language model). ``backward(dout=1.0)`` -> :math:`(p - \text{onehot}(target)) / M`.
    The softmax subtracts the row maximum first, so large scores do not overflow.
    """

    def __init__(self):
        super().__init__()
        self._cache = None

    def forward(self, scores, targets):
        """scores (..., V), targets (...) -> mean cross-entropy (a float)."""
        scores = as_float_array("scores", scores)
        targets = np.asarray(targets)
        if targets.dtype.kind not in "iu":
            raise TypeError(f"targets must be an integer array, got dtype {targets.dtype}")
        if scores.ndim == 0 or scores.shape[-1] == 0:
            raise ValueError(
                f"scores must have shape (..., V) with V >= 1 classes, got {scores.shape}"
            )
        if scores.shape[:-1] != targets.shape:
            raise ValueError(
                f"targets must have shape {scores.shape[:-1]} (scores without the last axis), "
                f"got {targets.shape}"
            )
        if targets.size == 0:
            raise ValueError(
                f"scores must hold at least one position to average, got {scores.shape}"
            )
        V = scores.shape[-1]
        if targets.min() < 0 or targets.max() >= V:
            raise ValueError(
                f"targets must lie in [0, V={V}), got [{targets.min()}, {targets.max()}]"
            )
        shifted = scores - scores.max(axis=-1, keepdims=True)
        log_p = shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))
        picked = np.take_along_axis(log_p, targets[..., None], axis=-1)
        self._cache = (np.exp(log_p), targets)
        return float(-picked.mean())

    def backward(self, dout=1.0):
        """-> dscores, shaped like scores."""
        p, targets = self._require_forward(self._cache)
        dscores = p.copy()
        np.put_along_axis(
            dscores,
            targets[..., None],
            np.take_along_axis(p, targets[..., None], axis=-1) - 1,
            axis=-1,
        )
        return dout * dscores / targets.size
