"""Answers to exercises 9.1 and 9.2, right or with one typical mistake, for checks.variants.

``gru_step_answer(...)`` builds a ``gru_step``, ``reset_after_answer(...)`` a
``reset_after_backward``: without arguments they give the reference, with one argument
changed a wrong answer of the mistake tables. They live apart only to keep checks.variants
within the house limit of 400 lines.
"""

import numpy as np

from ...functions import sigmoid


def gru_step_answer(order=(0, 1, 2), act_gate=sigmoid, act_info=np.tanh, reset="before", mix="zh"):
    """gru_step, right or with one typical mistake."""

    def gru_step(x, h_prev, Wx, Wh, b):
        H = h_prev.shape[1]
        zs, rs, gs = (slice(k * H, (k + 1) * H) for k in order)
        a = x @ Wx + b
        z = act_gate(a[:, zs] + h_prev @ Wh[:, zs])
        r = act_gate(a[:, rs] + h_prev @ Wh[:, rs])
        memory = {
            "before": (r * h_prev) @ Wh[:, gs],
            "after": r * (h_prev @ Wh[:, gs]),
            "none": h_prev @ Wh[:, gs],
            "transposed": (r * h_prev) @ Wh[:, gs].T,
        }
        if reset == "outside":
            g = act_info(r * (a[:, gs] + h_prev @ Wh[:, gs]))
        else:
            g = act_info(a[:, gs] + memory[reset])
        return {
            "zh": z * h_prev + (1 - z) * g,
            "swapped": (1 - z) * h_prev + z * g,
            "no 1-z": z * h_prev + g,
            "no h_prev": (1 - z) * g,
            "sum": h_prev + g,
        }[mix]

    return gru_step


def reset_after_answer(dr=None, dh_prev=None, dW=None, db=None):
    """reset_after_backward with the given outputs replaced (functions of the arguments
    and of u = h_prev Wh_g + b_hg, the value the reset multiplies)."""

    def reset_after_backward(da, r, h, W, b_hg):
        u = h @ W + b_hg
        du = da * r
        right = {"dr": da * u, "dh_prev": du @ W.T, "dW": h.T @ du, "db": du.sum(axis=0)}
        for name, wrong in (("dr", dr), ("dh_prev", dh_prev), ("dW", dW), ("db", db)):
            if wrong is not None:
                right[name] = wrong(da, r, h, W, b_hg, u)
        return right["dr"], right["dh_prev"], right["dW"], right["db"]

    return reset_after_backward
