"""Checkers of notebook 10 (a better language model).

* Exercise 10.1, ``dropout_variance(x, ratio)``: the variance of one entry of inverted
  dropout, y = x m / (1 - p) with m = 1 with probability 1 - p: x^2 p / (1 - p).
* Exercise 10.2, ``forgetful_perplexity(floor, fraction)``: the perplexity of a model that
  is perfect except that on a share ``fraction`` of the words it has forgotten the number
  (singular or plural) and halves the right word's probability: floor * 2^fraction.

Each exercise is data for the engine of _core.py: a reference, cases (some drawn afresh
at each call) and a table of typical mistakes, each written as a wrong answer.
"""

import numpy as np

from ._core import Case, Exercise, Mistake, run

__all__ = ["check_dropout_variance", "check_forgetful_perplexity"]


def _variance(x, ratio):
    return x**2 * ratio / (1 - ratio)


VARIANCE_MISTAKES = (
    Mistake(
        "that is the variance of x ⊙ m without the scale 1 / (1 - p) of y; a constant "
        "factor comes out of a variance squared.",
        lambda x, r: x**2 * r * (1 - r),
    ),
    Mistake(
        "x² p leaves out the scale 1 / (1 - p) of y; work out E[y²] and E[y] with the "
        "scale in, using m² = m.",
        lambda x, r: x**2 * r,
    ),
    Mistake(
        "the mask's variance is taken as p: m is 1 with probability 1 - p, and its variance "
        "is E[m²] - E[m]².",
        lambda x, r: x**2 * r / (1 - r) ** 2,
    ),
    Mistake(
        "that is E[y²], the mean of the square; the variance subtracts the square of the "
        "mean, E[y]².",
        lambda x, r: x**2 / (1 - r),
    ),
    Mistake(
        "x is not squared: a constant factor comes out of a variance squared, "
        "Var(a m) = a² Var(m).",
        lambda x, r: x * r / (1 - r),
    ),
    Mistake(
        "the ratio is upside down: p is the probability of DROPPING an entry, and the "
        "noise grows with it.",
        lambda x, r: x**2 * (1 - r) / r,
    ),
    Mistake(
        "y has the mean x but is not constant: it is 0 or x / (1 - p), so its variance is not 0.",
        lambda x, r: 0 * x,
    ),
    Mistake(
        "that is the standard deviation; the variance is its square.",
        lambda x, r: np.abs(x) * np.sqrt(r / (1 - r)),
    ),
    Mistake(
        "the factor x² is missing: y = x m / (1 - p) scales the mask's noise by x.",
        lambda x, r: r / (1 - r) + 0 * x,
    ),
)


def _variance_cases(rng):
    shape = tuple(int(n) for n in rng.integers(2, 6, int(rng.integers(2, 4))))
    ratio = float(np.round(rng.uniform(0.05, 0.45), 3))
    fixed = np.random.default_rng(101).standard_normal((4, 6))
    return [
        Case("for x of shape (4, 6) and ratio = 0.25", (fixed, 0.25)),
        Case("for x of shape (2, 3, 5) and ratio = 0.6", (rng.standard_normal((2, 3, 5)), 0.6)),
        Case(f"for x of shape {shape} and ratio = {ratio}", (rng.standard_normal(shape), ratio)),
    ]


DROPOUT_VARIANCE = Exercise(
    label="10.1",
    function="dropout_variance",
    outputs=("the variance",),
    reference=_variance,
    cases=_variance_cases,
    mistakes=VARIANCE_MISTAKES,
    hint="Compute the mean of y² as you computed E[y] on paper (m² is m), then subtract "
    "the square of the mean.",
    success="Var(y) = x² p / (1 - p): the noise that evaluation with dropout on would add",
)


def check_dropout_variance(dropout_variance, seed=None):
    """Exercise 10.1: ``dropout_variance(x, ratio)`` -> x**2 * ratio / (1 - ratio)."""
    run(DROPOUT_VARIANCE, dropout_variance, seed)


# -------------------------------------------------------------------------- Exercise 10.2


def _forgetful(floor, fraction):
    return floor * 2.0**fraction


FORGETFUL_MISTAKES = (
    Mistake(
        "only the words in `fraction` lose half their probability, not every word: "
        "average the extra loss over all the words.",
        lambda floor, f: floor * 2.0,
    ),
    Mistake(
        "log 2 is added to the perplexity; it belongs to the loss of each such word, and "
        "the perplexity is exp of the mean loss.",
        lambda floor, f: floor + f * np.log(2.0),
    ),
    Mistake(
        "each such word adds log 2 to its loss, not 1: halving a probability costs log 2 nats.",
        lambda floor, f: floor * np.exp(f),
    ),
    Mistake(
        "perplexities do not mix linearly: the losses (their logs) average over the "
        "words, and exp turns the mean loss back into a perplexity.",
        lambda floor, f: floor * (1 + f),
    ),
    Mistake(
        "fraction is the share of words that lose the number; 1 - fraction is the share "
        "that keeps it.",
        lambda floor, f: floor * 2.0 ** (1 - f),
    ),
    Mistake(
        "forgetting makes the model worse, so the perplexity rises above the floor, not below it.",
        lambda floor, f: floor * 2.0**-f,
    ),
    Mistake(
        "that is the loss in nats (the log of the perplexity); the perplexity is its exp.",
        lambda floor, f: np.log(floor) + f * np.log(2.0),
    ),
    Mistake(
        "each such word adds log 2 to the loss whatever the floor; raising the floor to "
        "a power makes the cost depend on it.",
        lambda floor, f: floor ** (1 + f),
    ),
    Mistake(
        "the floor is missing: the model also pays the grammar's own uncertainty.",
        lambda floor, f: 2.0**f,
    ),
)


def _forgetful_cases(rng):
    floors = np.round(rng.uniform(1.5, 30.0, 2), 2)
    fractions = np.round(rng.uniform(0.05, 0.6, 2), 3)
    cases = [(6.65, 0.25), *zip(floors.tolist(), fractions.tolist(), strict=True)]
    return [Case(f"for floor = {p} and fraction = {f}", (p, f)) for p, f in cases]


FORGETFUL_PERPLEXITY = Exercise(
    label="10.2",
    function="forgetful_perplexity",
    outputs=("forgetful_perplexity(floor, fraction)",),
    reference=_forgetful,
    cases=_forgetful_cases,
    mistakes=FORGETFUL_MISTAKES,
    hint="The perplexity is exp of the mean loss; halving a word's probability adds log 2.",
    success="forgetting the number on a share f of the words multiplies the perplexity by 2^f",
    kind="number",
)


def check_forgetful_perplexity(forgetful_perplexity, seed=None):
    """Exercise 10.2: ``forgetful_perplexity(floor, fraction)`` -> floor * 2**fraction."""
    run(FORGETFUL_PERPLEXITY, forgetful_perplexity, seed)
