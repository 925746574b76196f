r"""Optimizers and gradient clipping, all updating the parameter arrays in place.

An optimizer's ``update(params, grads)`` changes each array of ``params`` in place, so every
layer that holds the array sees the new value.
"""

import numpy as np


def _check_pairs(params, grads):
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
    r"""Plain gradient descent: :math:`w \leftarrow w - \eta\, \partial L/\partial w`."""

    def __init__(self, lr=0.1):
        self.lr = lr

    def update(self, params, grads):
        """Update every array of ``params`` in place."""
        _check_pairs(params, grads)
        for p, g in zip(params, grads, strict=True):
            p -= self.lr * g


class Adam:
    r"""Adam (Kingma and Ba, 2015): gradient descent with per-entry step sizes.

    .. math::
        m \leftarrow \beta_1 m + (1-\beta_1) g,\quad
        v \leftarrow \beta_2 v + (1-\beta_2) g^2,\quad
        w \leftarrow w - \eta\, \frac{\hat m}{\sqrt{\hat v} + \epsilon}

    with the bias corrections :math:`\hat m = m / (1 - \beta_1^t)`,
    :math:`\hat v = v / (1 - \beta_2^t)`. The code uses the paper's cheaper
    form :math:`w \leftarrow w - \eta_t\, m / (\sqrt{v} + \epsilon)` with
    :math:`\eta_t = \eta \sqrt{1 - \beta_2^t} / (1 - \beta_1^t)`; it differs from the
    formula above only in where :math:`\epsilon` sits (here it is added to :math:`\sqrt{v}`,
    not to :math:`\sqrt{\hat v}`).
    """

    def __init__(self, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
        self.lr, self.beta1, self.beta2, self.eps = lr, beta1, beta2, eps
        self.m = self.v = None
        self.t = 0

    def update(self, params, grads):
        """Update every array of ``params`` in place."""
        _check_pairs(params, grads)
        if self.m is None:
            self.m = [np.zeros_like(p) for p in params]
            self.v = [np.zeros_like(p) for p in params]
        self.t += 1
        step = self.lr * np.sqrt(1 - self.beta2**self.t) / (1 - self.beta1**self.t)
        for p, g, m, v in zip(params, grads, self.m, self.v, strict=True):
            m += (1 - self.beta1) * (g - m)
            v += (1 - self.beta2) * (g * g - v)
            p -= step * m / (np.sqrt(v) + self.eps)


def clip_grads(grads, max_norm):
    r"""Scale all gradients together so that their global norm is at most ``max_norm``.

    The global norm is :math:`\sqrt{\sum_k \lVert g_k \rVert^2}` over all arrays; when it
    exceeds ``max_norm`` every array is multiplied in place by ``max_norm / norm``, which
    keeps the direction of the step. Returns the norm before clipping. A norm that is NaN
    or inf (a diverged run) raises ``ValueError`` rather than passing through unclipped.
    """
    if max_norm <= 0:
        raise ValueError(f"max_norm must be positive, got {max_norm}")
    norm = float(np.sqrt(sum(float(np.sum(g * g)) for g in grads)))
    if not np.isfinite(norm):
        raise ValueError(
            f"the gradient norm is {norm}: the gradients hold NaN or inf (training diverged; "
            "try a smaller learning rate)"
        )
    if norm > max_norm:
        for g in grads:
            g *= max_norm / (norm + 1e-12)
    return norm
