r"""Checkers for notebook 10, a better language model.

* Exercise 10.1: inverted dropout, :math:`y = x \odot m / (1 - \text{ratio})`.
* Exercise 10.2: the number of parameters of the model, stacked and with tied weights.

Each typical mistake is one row of a table, ``(wrong answer, message)``; ``diagnose``
names the first row the answer matches.
"""

import numpy as np

from ._core import as_number, call, diagnose, passed

__all__ = ["check_count_params", "check_inverted_dropout"]

#: the typical mistakes of exercise 10.1: (function of x, keep, ratio, message)
DROPOUT_MISTAKES = [
    (
        lambda x, keep, r: x * keep,
        "the kept entries are not scaled up: divide by 1 - ratio, so that the expected "
        "value of y is x and nothing changes at evaluation time.",
    ),
    (
        lambda x, keep, r: x * keep * (1 - r),
        "that scales down by 1 - ratio (the original, non-inverted dropout does that at "
        "evaluation time); inverted dropout divides by 1 - ratio in training.",
    ),
    (lambda x, keep, r: x * keep / r, "divide by the KEEP probability 1 - ratio, not by ratio."),
    (lambda x, keep, r: x * keep * r, "divide by the keep probability 1 - ratio."),
    (
        lambda x, keep, r: x * (1 - keep) / (1 - r),
        "the mask is inverted: keep is True (1) where the entry survives.",
    ),
    (
        lambda x, keep, r: x * (1 - keep) / r,
        "the mask is inverted (keep is True where the entry survives); scale by 1 / (1 - ratio).",
    ),
    (lambda x, keep, r: x / (1 - r), "the mask is missing: multiply by keep."),
    (lambda x, keep, r: x, "nothing is dropped: multiply by keep and divide by 1 - ratio."),
    (
        lambda x, keep, r: x * keep / keep.mean(),
        "divide by the fixed keep probability 1 - ratio, not by the fraction kept in this "
        "mask (that depends on the draw).",
    ),
]


def check_inverted_dropout(inverted_dropout, rng=None):
    r"""Exercise 10.1: ``inverted_dropout(x, keep, ratio)`` -> y of x's shape with
    :math:`y = x \odot \text{keep} / (1 - \text{ratio})`; ``keep`` is a boolean mask."""
    ex = "10.1"
    rng = np.random.default_rng(101) if rng is None else rng
    for shape, ratio in (((4, 6), 0.25), ((2, 3, 5), 0.5), ((3, 8), 0.1)):
        x = rng.standard_normal(shape)
        keep = rng.random(shape) >= ratio
        keep.flat[0], keep.flat[1] = True, False  # both kinds of entry, whatever the draw
        mistakes = [
            (lambda wrong=wrong, inputs=(x, keep, ratio): wrong(*inputs), message)
            for wrong, message in DROPOUT_MISTAKES
        ]
        diagnose(
            ex,
            f"y for x of shape {shape} and ratio = {ratio}",
            call(ex, inverted_dropout, x, keep, ratio),
            x * keep / (1 - ratio),
            mistakes,
            "y = x * keep / (1 - ratio).",
        )
    passed(ex, "inverted dropout keeps the mean: y = x ⊙ keep / (1 - ratio)")


def _count(V, D, H, layers, tied, blocks=4, bias=True, out_bias=True, second_reads_D=False,
           wh_square=False, tied_counts_W=False):  # fmt: skip
    """The parameter count with one typical change: the reference and every mistake."""
    total = V * D  # the embedding E
    for k in range(layers):
        inputs = D if k == 0 or second_reads_D else H
        total += inputs * blocks * H + H * (H if wh_square else blocks * H)
        total += blocks * H if bias else 0
    total += V * H if (not tied or tied_counts_W) else 0
    return total + (V if out_bias else 0)


#: the typical mistakes of exercise 10.2: (changes to the reference count, message)
COUNT_MISTAKES = [
    ({"tied_counts_W": True}, "with tied weights W is E^T: do not count it a second time."),
    ({"bias": False}, "the LSTM biases are missing: b (4H,) in every layer."),
    ({"out_bias": False}, "the output bias b_out (V,) is missing (tying shares W only)."),
    (
        {"second_reads_D": True},
        "a layer above the first reads the H hidden states below it: its Wx is (H, 4H).",
    ),
    ({"blocks": 3}, "an LSTM has four blocks (f, g, i, o): 4H columns; three is the GRU."),
    ({"wh_square": True}, "Wh is (H, 4H): all four blocks read h_prev."),
    ({"layers": 1}, "every layer has its own Wx, Wh and b: count all of them."),
]


def check_count_params(count_params):
    """Exercise 10.2: ``count_params(V, D, H, layers, tied)`` -> the number of parameters of
    :class:`~lstm_lib.better_language_model.BetterLanguageModel` (E, each layer's Wx, Wh, b,
    W unless tied, b_out)."""
    ex = "10.2"
    cases = ((12, 5, 7, 1, False), (12, 6, 6, 1, True), (30, 8, 8, 2, True), (20, 4, 9, 3, False))
    for V, D, H, layers, tied in cases:
        args = {"V": V, "D": D, "H": H, "layers": layers, "tied": tied}
        got = as_number(ex, "count_params(...)", call(ex, count_params, V, D, H, layers, tied))
        mistakes = [
            (lambda changes=changes, args=args: _count(**{**args, **changes}), message)
            for changes, message in COUNT_MISTAKES
        ]
        diagnose(
            ex,
            f"count_params(V={V}, D={D}, H={H}, layers={layers}, tied={tied})",
            got,
            _count(**args),
            mistakes,
            "Count E (V, D), each layer's Wx, Wh, b, W (H, V) unless tied, and b_out (V,).",
            rtol=0,
            atol=0.5,
        )
    passed(ex, "count_params counts every array once, tied or not")
