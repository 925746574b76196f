"""How an answer is compared with the reference: one tolerance for every exercise."""

import numpy as np

#: the one relative tolerance of every numeric answer (stated in each exercise's text)
RTOL = 1e-4
#: absolute slack for array entries near zero (an answer computed in float32 passes)
ATOL = 1e-6


def same(kind, a, b):
    """Whether the answer's value ``a`` equals the reference's ``b``: exactly for a count
    (kind "integer"), within RTOL for a number, within RTOL and ATOL entry by entry for an
    array of the same shape."""
    if kind == "integer":
        return a == b
    if kind == "number":
        return bool(np.isclose(a, b, rtol=RTOL, atol=0.0))
    return a.shape == b.shape and bool(np.allclose(a, b, rtol=RTOL, atol=ATOL))
