"""Fixtures shared by the unit tests."""

import numpy as np
import pytest

from lstm_lib import init_lstm_params


@pytest.fixture
def rng():
    """A fresh, seeded generator per test: tests do not depend on their order."""
    return np.random.default_rng(20261128)


@pytest.fixture
def lstm_setup(rng):
    """Small fused weights with a non-trivial bias and nonzero inputs and state.

    Returns (Wx, Wh, b, x, h_prev, c_prev) with N=3, D=4, H=5, all float64.
    """
    N, D, H = 3, 4, 5
    Wx, Wh, b = init_lstm_params(D, H, rng)
    b = b + 0.5 * rng.standard_normal(b.shape)
    x = rng.standard_normal((N, D))
    h_prev = rng.standard_normal((N, H))
    c_prev = rng.standard_normal((N, H))
    return Wx, Wh, b, x, h_prev, c_prev
