"""Synthetic data sets, generated on the spot from an explicit ``rng``: nothing is downloaded."""

import numpy as np

from .validation import check_rng


def adding_problem(N, T, rng, dtype=np.float64):
    r"""The adding problem (Hochreiter and Schmidhuber, 1997): add two marked numbers.

    Each of the N sequences has T steps with two features: a value drawn uniformly from
    [0, 1] and a marker that is 1 at exactly two positions, one in the first half and one in
    the second half of the sequence, and 0 elsewhere. The target is the sum of the two
    marked values. Predicting the mean, 1, gives a mean squared error of 1/6 (the variance
    of a sum of two uniform numbers): a model must beat that to have learned anything.

    Returns ``xs`` (N, T, 2) and ``ys`` (N, 1).
    """
    check_rng(rng)
    if T < 2:
        raise ValueError(f"T must be at least 2 to hold two markers, got {T}")
    values = rng.random((N, T))
    markers = np.zeros((N, T))
    half = T // 2
    rows = np.arange(N)
    markers[rows, rng.integers(0, half, N)] = 1
    markers[rows, rng.integers(half, T, N)] = 1
    xs = np.stack([values, markers], axis=-1).astype(dtype)
    ys = (values * markers).sum(axis=1, keepdims=True).astype(dtype)
    return xs, ys
