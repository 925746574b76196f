"""Notebook 10's checkers: typical wrong answers, each named, and right answers accepted.

The data below is run by tests/test_checks_catalogue.py (see tests/test_checks_rnn.py).
"""

import numpy as np

from lstm_lib import Dropout
from lstm_lib.course.checks import better_language_model as checks

CHECKERS = {
    "10.1": checks.check_dropout_variance,
    "10.2": checks.check_forgetful_perplexity,
}

RIGHT = {
    "10.1": [
        "lambda x, ratio: x**2 * ratio / (1 - ratio)",
        """def dropout_variance(x, ratio):
    keep = 1 - ratio
    mean_square = x**2 * keep / keep**2  # E[y^2] = x^2 E[m^2] / (1 - p)^2
    return mean_square - x**2""",
        "lambda x, ratio: np.square(x) * (1 / (1 - ratio) - 1)",
    ],
    "10.2": [
        "lambda floor, fraction: floor * 2**fraction",
        """def forgetful_perplexity(floor, fraction):
    loss = np.log(floor) + fraction * np.log(2)
    return float(np.exp(loss))""",
    ],
}

WRONG = {
    "10.1": [
        ("lambda x, r: x**2 * r * (1 - r)", "without the scale"),
        ("lambda x, r: x**2 * r", "x² p leaves out the scale"),
        ("lambda x, r: x**2 * r / (1 - r)**2", "the mask's variance is taken as p"),
        ("lambda x, r: x**2 / (1 - r)", "that is E[y²]"),
        ("lambda x, r: x * r / (1 - r)", "x is not squared"),
        ("lambda x, r: x**2 * (1 - r) / r", "the ratio is upside down"),
        ("lambda x, r: 0 * x", "its variance is not 0"),
        ("lambda x, r: abs(x) * (r / (1 - r)) ** 0.5", "that is the standard deviation"),
        ("lambda x, r: np.full(x.shape, r / (1 - r))", "the factor x² is missing"),
    ],
    "10.2": [
        ("lambda floor, f: 2 * floor", "not every word"),
        ("lambda floor, f: floor + f * np.log(2)", "added to the perplexity"),
        ("lambda floor, f: floor * np.exp(f)", "costs log 2 nats"),
        ("lambda floor, f: floor * (1 + f)", "perplexities do not mix linearly"),
        ("lambda floor, f: floor * 2 ** (1 - f)", "1 - fraction is the share that keeps it"),
        ("lambda floor, f: floor / 2**f", "the perplexity rises"),
        ("lambda floor, f: np.log(floor) + f * np.log(2)", "that is the loss in nats"),
        ("lambda floor, f: floor ** (1 + f)", "raising the floor to a power"),
        ("lambda floor, f: 2**f", "the floor is missing"),
    ],
}


def test_the_reference_variance_is_dropouts():
    x = np.array([[0.5, -2.0, 1.5]])
    ratio = 0.3
    draws = Dropout(ratio, np.random.default_rng(0)).forward(np.repeat(x, 20000, axis=0))
    expected = checks.DROPOUT_VARIANCE.reference(x, ratio)
    assert np.allclose(draws.mean(axis=0), x, rtol=0.05)
    assert np.allclose(draws.var(axis=0), expected, rtol=0.05)


def test_the_reference_forgetful_perplexity_halves_probabilities():
    rng = np.random.default_rng(0)
    log_probs = np.log(rng.uniform(0.05, 1.0, 1000))
    forgets = rng.random(1000) < 0.3
    floor = np.exp(-log_probs.mean())
    forgetful = np.exp(-(log_probs + np.log(0.5) * forgets).mean())
    assert np.isclose(checks.FORGETFUL_PERPLEXITY.reference(floor, forgets.mean()), forgetful)
