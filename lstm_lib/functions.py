"""The two squashing functions of the LSTM and their derivatives (notebook 01).

* sigmoid maps to (0, 1): a ratio, the openness of a gate.
* tanh maps to (-1, 1): information, with its sign and strength.

Both work elementwise on arrays of any shape, and the dtype follows the input: float16,
float32 and float64 stay what they are, integers and booleans become float64, and anything
else (None, strings, complex numbers) is refused with a TypeError.
"""

import numpy as np

from .validation import as_float_array


def sigmoid(x, out=None):
    """Logistic sigmoid, sigmoid(x) = 1 / (1 + exp(-x)), elementwise.

    Computed in two branches that both exponentiate -|x|, so exp never sees a large
    positive number (no overflow, no warning, no NaN, whatever x):

        sigmoid(x) = 1 / (1 + exp(-x))       for x >= 0
        sigmoid(x) = exp(x) / (1 + exp(x))   for x < 0

    Each is a quotient of numbers computed to rounding, so the result is exact to a few
    units in the last place everywhere, also deep in the negative tail where
    sigmoid(x) ~ exp(x) is tiny. (The identity (1 + tanh(x / 2)) / 2 is not: it adds the
    tiny value to 1 and loses it, giving 0 for x = -40.)

    Inputs: x, an array of any shape (or a number).
    out (optional): an array of x's shape and dtype to write the result into, which may be
    x itself, so that a caller can avoid a temporary array.
    Returns: sigmoid(x), shaped like x (a scalar for a scalar).
    """
    x = as_float_array("x", x)
    if out is not None:
        if not isinstance(out, np.ndarray):
            raise TypeError(f"out must be a numpy array or None, got {type(out).__name__}")
        if out.shape != x.shape or out.dtype != x.dtype:
            raise ValueError(
                f"out must have x's shape {x.shape} and dtype {x.dtype}, "
                f"got {out.shape} and {out.dtype}"
            )
    z = np.exp(-np.abs(x))  # exp(-|x|) in [0, 1]
    numerator = np.where(x >= 0, 1, z)  # read x before out (which may be x) is written
    out = np.divide(numerator, 1 + z, out=out)
    return out if out.ndim else out[()]  # a scalar in, a scalar out, like np.tanh


def sigmoid_grad(y):
    """Derivative of the sigmoid written with its output y = sigmoid(x).

    sigmoid'(x) = y (1 - y); its largest value is 1/4, at x = 0.
    """
    y = as_float_array("y", y)
    return y * (1 - y)


def tanh(x):
    """tanh(x), elementwise; float32 stays float32."""
    return np.tanh(as_float_array("x", x))


def tanh_grad(y):
    """Derivative of tanh written with its output y = tanh(x): tanh'(x) = 1 - y^2."""
    y = as_float_array("y", y)
    return 1 - y * y
