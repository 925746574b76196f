"""Notebook 10's checkers: typical wrong answers, each named, and right answers accepted.

The data below is run by tests/test_checks_catalogue.py (see tests/test_checks_rnn.py).
"""

import numpy as np

from lstm_lib import LanguageModel
from lstm_lib.course.checks import better_language_model as checks

CHECKERS = {
    "10.1": checks.check_inverted_dropout,
    "10.2": checks.check_count_params,
}


def _count(embedding="V * D", inputs="D if k == 0 else H", blocks="4", wh="H * 4 * H",
           bias="4 * H", layers="layers", head="0 if tied else H * V", b_out="V"):  # fmt: skip
    """A student's count_params with one expression changed."""
    return f"""def count_params(V, D, H, layers, tied):
    lstm = sum(({inputs}) * {blocks} * H + {wh} + {bias} for k in range({layers}))
    return {embedding} + lstm + ({head}) + {b_out}"""


RIGHT = {
    "10.1": [
        "lambda x, keep, ratio: x * keep / (1 - ratio)",
        "lambda x, keep, ratio: np.where(keep, x * (1.0 / (1.0 - ratio)), 0.0)",
    ],
    "10.2": [
        _count(),
        """def count_params(V, D, H, layers, tied):
    from lstm_lib import LanguageModel
    rng = np.random.default_rng(0)
    model = LanguageModel.lstm(V, D, H, rng, layers=layers, tie_weights=tied)
    return float(sum(p.size for p in model.params))""",
    ],
}

WRONG = {
    "10.1": [
        ("lambda x, keep, r: x * keep", "not scaled up"),
        ("lambda x, keep, r: x * keep * (1 - r)", "non-inverted"),
        ("lambda x, keep, r: x * keep / r", "KEEP probability"),
        ("lambda x, keep, r: x * keep * r", "it multiplies by ratio"),
        ("lambda x, keep, r: x * ~keep / (1 - r)", "the mask is inverted: keep is True"),
        ("lambda x, keep, r: x * ~keep / r", "it divides by ratio"),
        ("lambda x, keep, r: x / (1 - r)", "the mask is missing"),
        ("lambda x, keep, r: x", "nothing is dropped"),
        ("lambda x, keep, r: x * keep / keep.mean()", "the fraction kept in this mask"),
    ],
    "10.2": [
        (_count(head="H * V"), "do not count it a second time"),
        (_count(bias="0"), "the LSTM biases are missing"),
        (_count(bias="8 * H"), "two biases per layer"),
        (_count(b_out="0"), "the output bias b_out (V,) is missing"),
        (_count(b_out="(0 if tied else V)"), "tying shares W only"),
        (_count(inputs="D"), "reads the H hidden states below it"),
        (_count(blocks="3", wh="H * 3 * H", bias="3 * H"), "four blocks"),
        (_count(wh="H * H"), "all four blocks read h_prev"),
        (_count(layers="1"), "every layer has its own"),
        (_count(embedding="V * H"), "the embedding E is (V, D)"),
    ],
}


def test_the_reference_count_is_the_models():
    for V, D, H, layers, tied in ((12, 5, 7, 1, False), (20, 6, 6, 3, True)):
        model = LanguageModel.lstm(
            V, D, H, np.random.default_rng(0), layers=layers, tie_weights=tied
        )
        assert checks.COUNT_PARAMS.reference(V, D, H, layers, tied) == sum(
            p.size for p in model.params
        )
