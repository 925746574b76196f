r"""The two squashing functions of the LSTM and their derivatives.

* ``sigmoid`` maps to (0, 1): a ratio, the openness of a gate.
* ``tanh`` maps to (-1, 1): information, with its sign and strength.

Both work elementwise on arrays of any shape, and the dtype follows the input.
"""

import numpy as np


def sigmoid(x, out=None):
    r"""Logistic sigmoid :math:`\sigma(x) = 1 / (1 + e^{-x})`, elementwise.

    Computed as :math:`\sigma(x) = \tfrac12 (1 + \tanh(x/2))`, an identity that never
    evaluates ``exp`` of a large number: no overflow warning and no NaN, whatever ``x``.
    Integer input is treated as float64; float32 stays float32. ``out`` (optional) is an
    array to write the result into, which may be ``x`` itself (used by the fast path of
    :class:`lstm_lib.lstm.TimeLSTM` to avoid temporary arrays).
    """
    x = np.asarray(x)
    if x.dtype.kind != "f":
        x = x.astype(np.float64)
    if out is None:
        out = np.empty_like(x)
    np.multiply(x, 0.5, out=out)
    np.tanh(out, out=out)
    out += 1
    out *= 0.5
    return out if out.ndim else out[()]  # a scalar in, a scalar out, like np.tanh


def sigmoid_grad(y):
    r"""Derivative of the sigmoid written with its output :math:`y = \sigma(x)`.

    :math:`\sigma'(x) = y (1 - y)`; its largest value is 1/4, at x = 0.
    """
    return y * (1 - y)


def tanh(x):
    r""":math:`\tanh(x)`, elementwise; float32 stays float32."""
    x = np.asarray(x)
    if x.dtype.kind != "f":
        x = x.astype(np.float64)
    return np.tanh(x)


def tanh_grad(y):
    r"""Derivative of tanh written with its output :math:`y = \tanh(x)`: :math:`1 - y^2`."""
    return 1 - y * y
