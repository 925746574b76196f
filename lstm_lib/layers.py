"""The small layers the others are built from (notebooks 00 and 01; TimeAffine and
Embedding in notebook 08, Dropout in notebook 10), and ActivatedAffine, an affine transform and
an activation: the step that the RNN, the gates and the new information g share.

Every layer has the interface of "Deep Learning from Scratch 2":

    params   list of parameter arrays; grads: arrays of the same shapes
    forward  computes the output and keeps what backward needs (the cache)
    backward takes the gradient of the output, returns the gradient of the input and
             writes the parameter gradients into grads in place (g[...] = ...), so an
             optimizer that holds the arrays sees them

Shapes follow the row-vector convention: a batch of N inputs is an (N, D) array and a weight
that maps D features to H is (D, H). What forward returns is never the cache: a caller may
change it in place without changing backward. A step layer trusts its caller; constructors,
sequence layers (Time...) and models check their inputs.
"""

import numpy as np

from .functions import sigmoid, tanh
from .validation import (
    as_float_array,
    check_fraction,
    check_ids,
    check_like,
    check_number,
    check_rng,
    check_shape,
    check_upstream,
    check_weights,
)


class Layer:
    """Base of all layers: empty params and grads, and a clear error for backward before forward."""

    param_names = ()

    def __init__(self):
        self.params = []
        self.grads = []

    def _require_forward(self, cache):
        if cache is None:
            raise RuntimeError(f"{type(self).__name__}.backward called before forward")
        return cache


class ActivatedAffine(Layer):
    """y = activation(x Wx + h_prev Wh + b): an affine transform of the input and the previous
    hidden state, then an elementwise activation; the shape shared by one step of the tanh RNN
    (rnn.RNN), every LSTM gate (gates.Gate, sigmoid) and the new information (gates.Candidate,
    tanh).

    A subclass names its ``activation`` and ``activation_backward(dy, y)``, the gradient of
    the pre-activation a = x Wx + h_prev Wh + b written with the output y.
    Inputs: Wx (D, H), Wh (H, H), b (H,).
    forward(x, h_prev): x (N, D), h_prev (N, H) -> y (N, H).
    backward(dy): dy (N, H) -> (dx (N, D), dh_prev (N, H)); writes dWx, dWh, db.
    """

    param_names = ("Wx", "Wh", "b")

    def __init__(self, Wx, Wh, b):
        super().__init__()
        _, self.hidden_size, Wx, Wh, b = check_weights(Wx, Wh, b)
        self.params = [Wx, Wh, b]
        self.grads = [np.zeros_like(Wx), np.zeros_like(Wh), np.zeros_like(b)]
        self._cache = None

    def forward(self, x, h_prev):
        """x (N, D), h_prev (N, H) -> y (N, H), a new array."""
        Wx, Wh, b = self.params
        y = self.activation(x @ Wx + h_prev @ Wh + b)
        self._cache = (x.copy(), h_prev.copy(), y)  # copies: the caller may change them
        return y.copy()

    def backward(self, dy):
        """dy (N, H) -> dx (N, D), dh_prev (N, H); writes dWx, dWh, db into grads."""
        x, h_prev, y = self._require_forward(self._cache)
        Wx, Wh, _ = self.params
        da = self.activation_backward(dy, y)
        self.grads[0][...] = x.T @ da  # the affine node
        self.grads[1][...] = h_prev.T @ da
        self.grads[2][...] = da.sum(axis=0)
        return da @ Wx.T, da @ Wh.T


class MatMul(Layer):
    """Matrix product y = x W.

    Inputs: W (D, H). forward: x (N, D) -> y (N, H).
    backward: dy (N, H) -> dx = dy W^T (N, D); writes dW = x^T dy.
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
        self._x = x.copy()  # a copy: the caller may change x before backward
        return x @ self.params[0]

    def backward(self, dout):
        """dout (N, H) -> dx (N, D); writes dW into grads[0]."""
        x = self._require_forward(self._x)
        self.grads[0][...] = x.T @ dout
        return dout @ self.params[0].T


class Affine(Layer):
    """Affine transform y = x W + b.

    Inputs: W (D, H), b (H,). forward: x (N, D) -> y (N, H).
    backward: dy (N, H) -> dx = dy W^T (N, D); writes dW = x^T dy and db = the sum of dy
    over the batch (b was added to every row, so every row sends its gradient back to it).
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
        self._x = x.copy()  # a copy: the caller may change x before backward
        return x @ W + b

    def backward(self, dout):
        """dout (N, H) -> dx (N, D); writes dW and db into grads."""
        x = self._require_forward(self._x)
        self.grads[0][...] = x.T @ dout
        self.grads[1][...] = dout.sum(axis=0)
        return dout @ self.params[0].T


class Sigmoid(Layer):
    """y = sigmoid(x) elementwise, in (0, 1).

    forward: x of any shape -> y of the same shape.
    backward: dy -> dx = dy * y * (1 - y), written with the output y.
    """

    def __init__(self):
        super().__init__()
        self._y = None

    def forward(self, x):
        """x -> y = sigmoid(x), a new array of the shape of x."""
        self._y = sigmoid(x)
        return self._y.copy()

    def backward(self, dout):
        """dout -> dx, both of the shape of x."""
        y = self._require_forward(self._y)
        return dout * y * (1 - y)


class Tanh(Layer):
    """y = tanh(x) elementwise, in (-1, 1).

    forward: x of any shape -> y of the same shape.
    backward: dy -> dx = dy * (1 - y^2), written with the output y.
    """

    def __init__(self):
        super().__init__()
        self._y = None

    def forward(self, x):
        """x -> y = tanh(x), a new array of the shape of x."""
        self._y = tanh(x)
        return self._y.copy()

    def backward(self, dout):
        """dout -> dx, both of the shape of x."""
        y = self._require_forward(self._y)
        return dout * (1 - y**2)


class TimeAffine(Affine):
    """The same affine transform at every time step: y_t = x_t W + b.

    Inputs: W (D, H), b (H,). forward: xs (N, T, D) -> ys (N, T, H), computed as one
    Affine over all N T rows. backward: dys (N, T, H) -> dxs (N, T, D); dW and db are
    summed over batch and time. T = 0 is allowed (nothing to transform).
    """

    def __init__(self, W, b):
        super().__init__(W, b)
        self._NT = None

    def forward(self, xs):
        """xs (N, T, D) -> ys (N, T, H)."""
        W = self.params[0]
        xs = as_float_array("xs", xs, W.dtype)
        N, T, D = check_shape("xs", xs, [("N", None), ("T", None), ("D", W.shape[0])]).values()
        self._NT = (N, T)
        return super().forward(xs.reshape(N * T, D)).reshape(N, T, W.shape[1])

    def backward(self, dys):
        """dys (N, T, H) -> dxs (N, T, D); writes dW and db into grads."""
        N, T = self._require_forward(self._NT)
        D, H = self.params[0].shape
        dys = check_upstream("dys", dys, [("N", N), ("T", T), ("H", H)], self.params[0].dtype)
        return super().backward(dys.reshape(N * T, H)).reshape(N, T, D)


class Embedding(Layer):
    """Look up rows of W by integer id: the product of a one-hot vector with W, without
    building the one-hot vector.

    Inputs: W (V, D). forward: ids of any shape S, integers in [0, V) -> W[ids] (*S, D).
    backward: dout (*S, D) -> None (ids have no gradient); writes dW, where each upstream
    row is added into the row of W it came from (an id used twice gets both).
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
        """ids (any shape S), integers in [0, V) -> vectors (*S, D), a new array."""
        W = self.params[0]
        self._ids = check_ids("ids", ids, W.shape[0]).copy()  # the caller may change ids
        return W[self._ids]

    def backward(self, dout):
        """dout (*S, D) -> None; writes dW into grads[0]."""
        ids = self._require_forward(self._ids)
        W = self.params[0]
        dims = [(f"S{k}", size) for k, size in enumerate(ids.shape)] + [("D", W.shape[1])]
        dout = check_upstream("dout", dout, dims, W.dtype)
        self.grads[0][...] = 0
        np.add.at(self.grads[0], ids, dout)


class MeanSquaredError(Layer):
    """Loss L = sum((y - t)^2) / M, the mean over all M entries of y.

    forward(y, t): y and t of one shape -> L, a float.
    backward(dout=1.0) -> dy = dout * 2 (y - t) / M, shaped like y.
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
        with np.errstate(over="ignore"):  # a diverging run gives inf, which training reports
            return float(np.mean(self._diff**2))

    def backward(self, dout=1.0):
        """-> dy, shaped like y."""
        diff = self._require_forward(self._diff)
        dout = check_number("dout", dout)
        return dout * 2 * diff / diff.size


class SoftmaxCrossEntropy(Layer):
    """Softmax over the last axis, then the mean cross-entropy with integer targets.

    forward(scores, targets): scores (..., V), targets (...) integers in [0, V) ->
    L = -sum(log p[target]) / M over the M positions (e.g. M = N T for a language model),
    where p = softmax(scores), a float.
    backward(dout=1.0) -> dscores = dout * (p - onehot(target)) / M, shaped like scores.
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
        self._cache = (np.exp(log_p), targets.copy())  # the caller may change targets
        return float(-picked.mean())

    def backward(self, dout=1.0):
        """-> dscores, shaped like scores."""
        p, targets = self._require_forward(self._cache)
        dout = check_number("dout", dout)
        dscores = p.copy()
        np.put_along_axis(
            dscores,
            targets[..., None],
            np.take_along_axis(p, targets[..., None], axis=-1) - 1,
            axis=-1,
        )
        return dout * dscores / targets.size


class Dropout(Layer):
    """Inverted dropout: while training, each entry is zeroed with probability ratio.

    Inputs: ratio in [0, 1); rng draws the masks. forward(x): with training True (the
    default), y = x * m / (1 - ratio) with a fresh mask m of zeros and ones (P(1) = 1 -
    ratio), so that the expected value of y is x; with training False, y = x.
    backward(dout) -> dout * m / (1 - ratio) (or dout after a pass without dropout). The
    dtype follows x.
    """

    def __init__(self, ratio, rng):
        super().__init__()
        check_rng(rng)
        ratio = check_fraction("ratio", ratio)
        self.ratio, self.rng, self.training = ratio, rng, True
        self._scale = None

    def forward(self, x):
        """x of any shape -> y of the same shape and dtype."""
        x = as_float_array("x", x)
        if not self.training or self.ratio == 0:
            self._scale = 1.0
            return x
        keep = self.rng.random(x.shape) >= self.ratio
        self._scale = (keep / (1 - self.ratio)).astype(x.dtype)  # the mask, already scaled
        return x * self._scale

    def backward(self, dout):
        """dout -> dx, both of the shape of x."""
        scale = self._require_forward(self._scale)
        dout = as_float_array("dout", dout)
        if not np.isscalar(scale):
            check_like("dout", dout, "the forward input", scale)
        return dout * scale
