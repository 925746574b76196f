"""Optimizers and gradient clipping, all updating the parameter arrays in place.

Adam first trains a gate in notebook 01; clip_grads keeps the gradients of a long
sequence in check from notebook 06 on.

An optimizer's ``update(params, grads)`` changes each array of ``params`` in place, so every
layer that holds the array sees the new value.
"""

import numpy as np

from .validation import check_array_list, check_fraction, check_number


def _check_lr(lr):
    """A finite learning rate >= 0 (0 freezes the parameters)."""
    lr = check_number("lr", lr)
    if lr < 0:
        raise ValueError(f"lr must be non-negative, got {lr}")
    return lr


def _check_pairs(params, grads):
    check_array_list("params", params)
    check_array_list("grads", grads)
    if len(params) != len(grads):
        raise ValueError(
            f"params and grads must have the same length, got {len(params)} and {len(grads)}"
        )
    for k, (p, g) in enumerate(zip(params, grads, strict=True)):
        if p.shape != g.shape:
            raise ValueError(
                f"grads[{k}] must have the shape of params[{k}], {p.shape}, got {g.shape}"
            )


class SGD:
    """Plain gradient descent: w <- w - lr * dL/dw."""

    def __init__(self, lr=0.1):
        self.lr = _check_lr(lr)

    def update(self, params, grads):
        """Update every array of ``params`` in place."""
        _check_pairs(params, grads)
        for p, g in zip(params, grads, strict=True):
            p -= self.lr * g


class Adam:
    """Adam (Kingma and Ba, 2015): gradient descent with per-entry step sizes.

    With the gradient g of a parameter w at step t:

        m <- beta1 m + (1 - beta1) g
        v <- beta2 v + (1 - beta2) g^2
        w <- w - lr m_hat / (sqrt(v_hat) + eps)

    with the bias corrections m_hat = m / (1 - beta1^t), v_hat = v / (1 - beta2^t). The
    code uses the paper's cheaper form w <- w - lr_t m / (sqrt(v) + eps) with
    lr_t = lr sqrt(1 - beta2^t) / (1 - beta1^t); it differs from the formula above only in
    where eps sits (here it is added to sqrt(v), not to sqrt(v_hat)).

    The moments m and v are kept in float32 at least: in float16, eps = 1e-8
    rounds to 0 and g^2 overflows above 256, and a step would divide 0 by 0. The
    step is computed in that precision and rounded to the parameter's dtype when applied.
    One ``Adam`` serves one list of parameters: its state is per array.
    """

    def __init__(self, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
        self.lr = _check_lr(lr)
        self.beta1, self.beta2 = check_fraction("beta1", beta1), check_fraction("beta2", beta2)
        self.eps = check_number("eps", eps, positive=True)
        self.m = self.v = None
        self.t = 0

    def _check_state(self, params):
        held = [m.shape for m in self.m]
        if [p.shape for p in params] != held:
            raise ValueError(
                f"this Adam holds the state of {len(held)} arrays of shapes {held}, got "
                f"{len(params)} of shapes {[p.shape for p in params]}: use one Adam per "
                "list of parameters (a new model or new parameters need a new Adam)"
            )

    def update(self, params, grads):
        """Update every array of ``params`` in place."""
        _check_pairs(params, grads)
        if self.m is None:
            state = [np.result_type(p.dtype, np.float32) for p in params]
            self.m = [np.zeros(p.shape, dtype) for p, dtype in zip(params, state, strict=True)]
            self.v = [np.zeros(p.shape, dtype) for p, dtype in zip(params, state, strict=True)]
        self._check_state(params)
        self.t += 1
        step = self.lr * np.sqrt(1 - self.beta2**self.t) / (1 - self.beta1**self.t)
        for p, g, m, v in zip(params, grads, self.m, self.v, strict=True):
            g = g.astype(m.dtype, copy=False)
            m += (1 - self.beta1) * (g - m)
            v += (1 - self.beta2) * (g * g - v)
            p -= (step * m / (np.sqrt(v) + self.eps)).astype(p.dtype, copy=False)


def clip_grads(grads, max_norm):
    """Scale all gradients together so that their global norm is at most ``max_norm``.

    The global norm is sqrt(sum over k of sum(g_k^2)) over all arrays; when it
    exceeds ``max_norm`` every array is multiplied in place by ``max_norm / norm``, which
    keeps the direction of the step. Returns the norm before clipping (summed in float64, so
    float16 gradients do not overflow). A norm that is NaN or inf (a diverged run) raises
    ``ValueError`` rather than passing through unclipped; so does a ``max_norm`` that is NaN
    (which would clip nothing). ``max_norm=np.inf`` never clips.
    """
    max_norm = check_number("max_norm", max_norm, positive=True, finite=False)
    check_array_list("grads", grads)
    norm = float(np.sqrt(sum(float(np.sum(np.square(g, dtype=np.float64))) for g in grads)))
    if not np.isfinite(norm):
        raise ValueError(
            f"the gradient norm is {norm}: the gradients hold NaN or inf (training diverged; "
            "try a smaller learning rate)"
        )
    if norm > max_norm:
        for g in grads:
            g *= max_norm / (norm + 1e-12)
    return norm
