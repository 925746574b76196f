"""The checkers of notebook 10 accept correct answers and name typical mistakes."""

import numpy as np
import pytest

from lstm_lib.better_language_model import BetterLanguageModel
from lstm_lib.checks import ExerciseError
from lstm_lib.checks.better_language_model import check_count_params, check_inverted_dropout


def inverted_dropout(x, keep, ratio):
    return x * keep / (1 - ratio)


def inverted_dropout_other(x, keep, ratio):
    # a second correct answer: np.where, the scale computed first
    scale = 1.0 / (1.0 - ratio)
    return np.where(keep, x * scale, 0.0)


@pytest.mark.parametrize("answer", [inverted_dropout, inverted_dropout_other])
def test_dropout_accepts_correct_answers(answer, capsys):
    check_inverted_dropout(answer)
    check_inverted_dropout(answer, np.random.default_rng())  # fresh random inputs too
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2 and all(line.startswith("Exercise 10.1 passed:") for line in out)


@pytest.mark.parametrize(
    ("answer", "word"),
    [
        (lambda x, keep, r: x * keep, "not scaled up"),
        (lambda x, keep, r: x * keep * (1 - r), "non-inverted"),
        (lambda x, keep, r: x * keep / r, "KEEP probability"),
        (lambda x, keep, r: x * keep * r, "divide by the keep probability"),
        (lambda x, keep, r: x * ~keep / (1 - r), "mask is inverted"),
        (lambda x, keep, r: x * ~keep / r, "mask is inverted"),
        (lambda x, keep, r: x / (1 - r), "mask is missing"),
        (lambda x, keep, r: x, "nothing is dropped"),
        (lambda x, keep, r: x * keep / keep.mean(), "fraction kept in this"),
    ],
)
def test_dropout_rejects_typical_mistakes(answer, word):
    with pytest.raises(ExerciseError, match=word):
        check_inverted_dropout(answer)


def count_params(V, D, H, layers, tied):
    lstm = sum((D if k == 0 else H) * 4 * H + H * 4 * H + 4 * H for k in range(layers))
    return V * D + lstm + (0 if tied else H * V) + V


def count_params_from_the_model(V, D, H, layers, tied):
    # a second correct answer: build the model and count its arrays
    model = BetterLanguageModel(V, D, H, np.random.default_rng(0), layers=layers, tie_weights=tied)
    return float(sum(p.size for p in model.params))


@pytest.mark.parametrize("answer", [count_params, count_params_from_the_model])
def test_count_accepts_correct_answers(answer, capsys):
    check_count_params(answer)
    assert capsys.readouterr().out.startswith("Exercise 10.2 passed:")


def _wrong_count(tied_counts_W=False, bias=True, out_bias=True, upper_reads_D=False, blocks=4,
                 wh_square=False, one_layer=False):  # fmt: skip
    def answer(V, D, H, layers, tied):
        total = V * D
        for k in range(1 if one_layer else layers):
            inputs = D if k == 0 or upper_reads_D else H
            total += inputs * blocks * H + H * (H if wh_square else blocks * H)
            total += blocks * H if bias else 0
        total += V * H if (not tied or tied_counts_W) else 0
        return total + (V if out_bias else 0)

    return answer


@pytest.mark.parametrize(
    ("answer", "word"),
    [
        (_wrong_count(tied_counts_W=True), "second time"),
        (_wrong_count(bias=False), "LSTM biases are missing"),
        (_wrong_count(out_bias=False), "output bias"),
        (_wrong_count(upper_reads_D=True), "reads the H hidden states"),
        (_wrong_count(blocks=3), "four blocks"),
        (_wrong_count(wh_square=True), "all four blocks read h_prev"),
        (_wrong_count(one_layer=True), "every layer has its own"),
        (lambda V, D, H, layers, tied: None, "not solved yet"),
    ],
)
def test_count_rejects_typical_mistakes(answer, word):
    with pytest.raises(ExerciseError, match=word):
        check_count_params(answer)
