"""Numerical gradient checks: is a hand-derived backward pass right? (notebook 00)

The central difference

    dL/dw ~ (L(w + eps) - L(w - eps)) / (2 eps)

has an error of order eps^2, so in float64 with eps = 1e-6 an analytic gradient that is
right agrees with it to about 1e-8 or better. Notebook 00 checks its first layer with
check_layer_gradients; notebook 02 calls numerical_gradient and rel_error directly;
check_model_gradients checks a whole model: every model of the book is tested with it.
"""

import inspect
from dataclasses import dataclass

import numpy as np

from .validation import as_float_array, check_callable, check_interface, check_number, check_rng

#: what check_layer_gradients needs of a layer (check_model_gradients: the first three)
LAYER = ("params", "grads", "backward", "forward")


def numerical_gradient(f, x, eps=1e-6):
    """Central-difference gradient of the scalar function ``f()`` with respect to ``x``.

    ``x`` is a float array that ``f`` reads (it may be a view, e.g. one column block of a
    fused weight); each entry is nudged by ``+eps`` and ``-eps`` in place, ``f`` is
    evaluated, and the entry is restored, also when ``f`` raises. Returns an array shaped
    like ``x``.
    """
    check_callable("f", f, "a function of no arguments that returns the loss")
    if not isinstance(x, np.ndarray) or x.dtype.kind != "f":
        raise TypeError("x must be a floating-point numpy array that f() reads")
    eps = check_number("eps", eps, positive=True)
    grad = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        saved = x[index]
        try:
            x[index] = saved + eps
            up = float(f())
            x[index] = saved - eps
            down = float(f())
        finally:
            x[index] = saved
        grad[index] = (up - down) / (2 * eps)
    return grad


def rel_error(a, b):
    """Largest relative difference ``max |a - b| / max(|a| + |b|)``, 0 when both are zero.

    One number for the whole array, robust to entries that are (almost) zero. NaN when
    either array holds a NaN or an infinity: no tolerance passes it (``nan < tol`` is False).
    """
    a, b = as_float_array("a", a).astype(np.float64), as_float_array("b", b).astype(np.float64)
    if a.shape != b.shape:
        raise ValueError(f"a and b must have the same shape, got {a.shape} and {b.shape}")
    if not (np.all(np.isfinite(a)) and np.all(np.isfinite(b))):
        return float("nan")
    scale = np.max(np.abs(a) + np.abs(b), initial=0.0)
    return 0.0 if scale == 0 else float(np.max(np.abs(a - b)) / scale)


@dataclass
class GradCheckReport:
    """The result of check_layer_gradients or check_model_gradients: one relative error per
    checked array."""

    layer: str
    errors: dict
    tol: float

    @property
    def max_error(self):
        """The worst relative error over all checked arrays; NaN if any of them is NaN."""
        errors = list(self.errors.values())
        return float("nan") if np.isnan(errors).any() else max(errors)

    @property
    def passed(self):
        """True when every relative error is below ``tol`` (a NaN error never is)."""
        return all(error < self.tol for error in self.errors.values())

    def __str__(self):
        """A table with one verdict per array; it prints the same on every machine.

        A passing array shows only the bound it met (the exact tiny error depends on the
        BLAS library); a failing one shows its error, which is what needs looking at.
        """
        width = max(len(name) for name in self.errors)
        lines = [f"gradient check of {self.layer}"]
        for name, error in self.errors.items():
            if error < self.tol:
                lines.append(f"  {name:<{width}}  ok     rel. error < {self.tol:.0e}")
            else:
                lines.append(f"  {name:<{width}}  WRONG  rel. error {error:.1e}")
        return "\n".join(lines)


def _as_tuple(value):
    return value if isinstance(value, tuple) else (value,)


def _param_names(obj):
    """obj.param_names when it has them, otherwise params[0], params[1], ..."""
    return getattr(obj, "param_names", ()) or [f"params[{k}]" for k in range(len(obj.params))]


def check_layer_gradients(layer, inputs, rng, eps=1e-6, tol=1e-7):
    """Check every parameter gradient and every input gradient of ``layer`` numerically.

    ``inputs`` is the tuple of arrays ``layer.forward`` takes (e.g. ``(x, h_prev, c_prev)``
    for an LSTM step); they must be float64 for a meaningful check. The loss is
    L = sum over k of sum(y_k * r_k), over the outputs y_k of forward with fixed random
    weights r_k drawn from ``rng``, so every output and every entry matters.
    ``backward`` must return the gradients of the inputs in the order of ``inputs``.
    Returns a GradCheckReport; ``print`` it for a table.
    """
    check_interface("layer", layer, LAYER, "a layer")
    check_rng(rng)
    eps = check_number("eps", eps, positive=True)
    tol = check_number("tol", tol, positive=True)
    inputs = tuple(
        as_float_array(f"inputs[{k}]", x).astype(np.float64)
        for k, x in enumerate(_as_tuple(inputs))
    )
    outputs = _as_tuple(layer.forward(*inputs))
    weights = tuple(rng.standard_normal(np.shape(y)) for y in outputs)
    input_grads = _as_tuple(layer.backward(*weights))
    if len(input_grads) != len(inputs):
        raise ValueError(
            f"{type(layer).__name__}.backward returned {len(input_grads)} gradients "
            f"for {len(inputs)} inputs"
        )
    param_grads = [g.copy() for g in layer.grads]

    def loss():
        ys = _as_tuple(layer.forward(*inputs))
        return sum(float(np.sum(y * w)) for y, w in zip(ys, weights, strict=True))

    names = list(inspect.signature(layer.forward).parameters)[: len(inputs)]
    errors = {}
    for name, param, grad in zip(_param_names(layer), layer.params, param_grads, strict=True):
        errors[name] = rel_error(grad, numerical_gradient(loss, param, eps))
    for name, x, grad in zip(names, inputs, input_grads, strict=True):
        errors[name] = rel_error(grad, numerical_gradient(loss, x, eps))
    return GradCheckReport(type(layer).__name__, errors, tol)


def check_model_gradients(model, loss, eps=1e-5, tol=1e-7):
    """Check the gradient of every parameter of a whole model numerically.

    model has the book's model interface (params, grads, backward(dout=1.0)); loss() runs
    model.forward(xs, ts) on fixed data and returns the scalar loss, after setting whatever
    the check must hold fixed (a reset or carried state, fixed dropout masks). The analytic
    gradients come from one loss() and model.backward(), each numerical one from loss()
    alone. Returns a GradCheckReport; ``print`` it for a table.
    """
    check_interface("model", model, LAYER[:3], "a model of the book")
    check_callable("loss", loss, "a function of no arguments that runs model.forward")
    eps = check_number("eps", eps, positive=True)
    tol = check_number("tol", tol, positive=True)
    loss()
    model.backward()
    grads = [g.copy() for g in model.grads]
    errors = {
        name: rel_error(grad, numerical_gradient(loss, param, eps))
        for name, param, grad in zip(_param_names(model), model.params, grads, strict=True)
    }
    return GradCheckReport(type(model).__name__, errors, tol)
