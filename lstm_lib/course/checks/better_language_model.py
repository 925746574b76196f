"""Checkers of notebook 10 (a better language model).

* Exercise 10.1, ``inverted_dropout(x, keep, ratio)``: y = x ⊙ keep / (1 - ratio).
* Exercise 10.2, ``count_params(V, D, H, layers, tied)``: the number of parameters of
  lstm_lib.LanguageModel.lstm(V, D, H, rng, layers, tie_weights=tied), stacked and with
  tied weights.

Each exercise is data for the engine of _core.py: a reference, cases (some drawn afresh
at each call) and a table of typical mistakes, each written as a wrong answer.
"""

import numpy as np

from ._core import Case, Exercise, Mistake, run

__all__ = ["check_count_params", "check_inverted_dropout"]


def _dropout(x, keep, ratio):
    return x * keep / (1 - ratio)


DROPOUT_MISTAKES = (
    Mistake(
        "the kept entries are not scaled up: divide by 1 - ratio, so that the expected "
        "value of y is x and nothing changes at evaluation time.",
        lambda x, keep, r: x * keep,
    ),
    Mistake(
        "that scales down by 1 - ratio (the original, non-inverted dropout does that at "
        "evaluation time); inverted dropout divides by 1 - ratio in training.",
        lambda x, keep, r: x * keep * (1 - r),
    ),
    Mistake(
        "divide by the KEEP probability 1 - ratio, not by ratio.", lambda x, keep, r: x * keep / r
    ),
    Mistake(
        "it multiplies by ratio; divide by the keep probability 1 - ratio.",
        lambda x, keep, r: x * keep * r,
    ),
    Mistake(
        "the mask is inverted: keep is True (1) where the entry survives.",
        lambda x, keep, r: x * (1 - keep) / (1 - r),
    ),
    Mistake(
        "the mask is inverted (keep is True where the entry survives) and it divides by "
        "ratio; scale by 1 / (1 - ratio).",
        lambda x, keep, r: x * (1 - keep) / r,
    ),
    Mistake("the mask is missing: multiply by keep.", lambda x, keep, r: x / (1 - r)),
    Mistake(
        "nothing is dropped: multiply by keep and divide by 1 - ratio.", lambda x, keep, r: x + 0.0
    ),
    Mistake(
        "divide by the fixed keep probability 1 - ratio, not by the fraction kept in this "
        "mask (that depends on the draw).",
        lambda x, keep, r: x * keep / np.mean(keep),
    ),
)


def _dropout_example(rng, shape, ratio):
    x = rng.standard_normal(shape)
    keep = rng.random(shape) >= ratio
    keep.flat[0], keep.flat[1] = True, False  # both kinds of entry, whatever the draw
    return x, keep, ratio


def _dropout_cases(rng):
    shape = tuple(int(n) for n in rng.integers(2, 6, int(rng.integers(2, 4))))
    ratio = float(np.round(rng.uniform(0.05, 0.7), 3))
    return [
        Case(
            "for x of shape (4, 6) and ratio = 0.25",
            _dropout_example(np.random.default_rng(101), (4, 6), 0.25),
        ),
        Case("for x of shape (2, 3, 5) and ratio = 0.5", _dropout_example(rng, (2, 3, 5), 0.5)),
        Case(f"for x of shape {shape} and ratio = {ratio}", _dropout_example(rng, shape, ratio)),
    ]


INVERTED_DROPOUT = Exercise(
    label="10.1",
    function="inverted_dropout",
    outputs=("y",),
    reference=_dropout,
    cases=_dropout_cases,
    mistakes=DROPOUT_MISTAKES,
    hint="y = x * keep / (1 - ratio).",
    success="inverted dropout keeps the mean: y = x ⊙ keep / (1 - ratio)",
)


def check_inverted_dropout(inverted_dropout, seed=None):
    """Exercise 10.1: ``inverted_dropout(x, keep, ratio)`` -> x * keep / (1 - ratio)."""
    run(INVERTED_DROPOUT, inverted_dropout, seed)


# -------------------------------------------------------------------------- Exercise 10.2


def _count(blocks=4, biases=1, out_bias="always", upper_reads_D=False, wh_square=False,
           one_layer=False, tied_counts_W=False, E_is_VH=False):  # fmt: skip
    """count_params, right or with one typical mistake."""

    def count_params(V, D, H, layers, tied):
        total = V * (H if E_is_VH else D)  # the embedding E
        for k in range(1 if one_layer else layers):
            inputs = D if k == 0 or upper_reads_D else H
            total += inputs * blocks * H + H * (H if wh_square else blocks * H)
            total += biases * blocks * H
        total += V * H if (not tied or tied_counts_W) else 0
        keeps_b_out = out_bias == "always" or (out_bias == "untied" and not tied)
        return total + (V if keeps_b_out else 0)

    return count_params


COUNT_MISTAKES = (
    Mistake(
        "with tied weights W is E^T: do not count it a second time.", _count(tied_counts_W=True)
    ),
    Mistake("the LSTM biases are missing: b (4H,) in every layer.", _count(biases=0)),
    Mistake(
        "two biases per layer (PyTorch's b_ih and b_hh); this book's LSTM has one b (4H,).",
        _count(biases=2),
    ),
    Mistake("the output bias b_out (V,) is missing.", _count(out_bias="never")),
    Mistake("tying shares W only: the output bias b_out (V,) stays.", _count(out_bias="untied")),
    Mistake(
        "a layer above the first reads the H hidden states below it: its Wx is (H, 4H).",
        _count(upper_reads_D=True),
    ),
    Mistake(
        "an LSTM has four blocks (f, g, i, o): 4H columns; three is the GRU.", _count(blocks=3)
    ),
    Mistake("Wh is (H, 4H): all four blocks read h_prev.", _count(wh_square=True)),
    Mistake("every layer has its own Wx, Wh and b: count all of them.", _count(one_layer=True)),
    Mistake("the embedding E is (V, D): one row of D numbers per symbol.", _count(E_is_VH=True)),
)


def _count_cases(rng):
    cases = [(12, 5, 7, 1, False)]
    for layers, tied in ((2, True), (3, False), (int(rng.integers(2, 4)), bool(rng.integers(2)))):
        V, D, H = (int(n) for n in rng.integers((10, 3, 4), (60, 9, 12)))
        cases.append((V, H if tied else D + (D >= H), H, layers, tied))  # D != H unless tied
    return [
        Case(f"for V = {V}, D = {D}, H = {H}, layers = {L}, tied = {t}", (V, D, H, L, t))
        for V, D, H, L, t in cases
    ]


COUNT_PARAMS = Exercise(
    label="10.2",
    function="count_params",
    outputs=("count_params(V, D, H, layers, tied)",),
    reference=_count(),
    cases=_count_cases,
    mistakes=COUNT_MISTAKES,
    hint="Count E (V, D), each layer's Wx, Wh, b, W (H, V) unless tied, and b_out (V,).",
    success="count_params counts every array once, tied or not",
    kind="integer",
)


def check_count_params(count_params, seed=None):
    """Exercise 10.2: ``count_params(V, D, H, layers, tied)`` -> the number of parameters
    of lstm_lib.LanguageModel.lstm (E, each layer's Wx, Wh, b, W unless tied, b_out)."""
    run(COUNT_PARAMS, count_params, seed)
