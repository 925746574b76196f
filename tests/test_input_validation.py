"""Bad arguments to the data generators and weight helpers fail early and say what was expected.

Each case here used to give NaN, integer weights, or a traceback from deep inside NumPy.
"""

import math

import numpy as np
import pytest

from lstm_lib import LanguageModel, init_lstm_params, init_rnn_params, reorder_blocks
from lstm_lib.gru import init_gru_params
from lstm_lib.tasks import (
    adding_problem,
    bracket_depths,
    bracket_language,
    decode,
    encode,
    first_bracket_error,
    next_symbol_probs,
    word_language,
)


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"N": 2.5}, TypeError, "N must be a positive integer, got 2.5"),
        ({"N": -1}, ValueError, "N must be a positive integer, got -1"),
        ({"N": 0}, ValueError, "N must be a positive integer"),
        ({"T": 1}, ValueError, "T must be an integer >= 2, got 1"),
        ({"T": 4.0}, TypeError, "T must be an integer >= 2"),
        ({"dtype": np.int32}, TypeError, "dtype must be a floating-point dtype"),
    ],
)
def test_adding_problem_refuses_bad_sizes(kwargs, error, message):
    args = {"N": 3, "T": 4, "rng": np.random.default_rng(0), **kwargs}
    with pytest.raises(error, match=message):
        adding_problem(**args)


def test_adding_problem_keeps_its_numbers():
    xs, ys = adding_problem(np.int64(3), 4, np.random.default_rng(0), dtype=np.float32)
    assert xs.shape == (3, 4, 2) and ys.shape == (3, 1) and xs.dtype == np.float32


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (
            lambda: bracket_language(10, np.random.default_rng(0), p_open=math.nan),
            ValueError,
            "p_open",
        ),
        (lambda: bracket_language(10, np.random.default_rng(0), p_open="0.2"), TypeError, "p_open"),
        (lambda: bracket_language(2.0, np.random.default_rng(0)), TypeError, "n_chars"),
        (lambda: next_symbol_probs("(x"), ValueError, "open_brackets must be a string of"),
        (lambda: next_symbol_probs("(", max_depth=0), ValueError, "max_depth"),
        (lambda: next_symbol_probs("", p_close=1.5), ValueError, "p_open and p_close"),
        (lambda: next_symbol_probs("(((("), ValueError, "deeper than max_depth=3"),
        (lambda: bracket_depths(None), TypeError, "text must be a string"),
        (lambda: first_bracket_error(["(", ")"]), TypeError, "text must be a string"),
        (lambda: encode("ab", None), TypeError, "vocabulary must be a string"),
        (lambda: decode([0], 5), TypeError, "vocabulary must be a string"),
    ],
)
def test_bracket_language_helpers_refuse_bad_arguments(call, error, message):
    with pytest.raises(error, match=message):
        call()


@pytest.mark.parametrize("init", [init_lstm_params, init_rnn_params])
@pytest.mark.parametrize("dtype", [np.int64, np.bool_, np.complex128, "not a dtype"])
def test_init_refuses_a_dtype_that_is_not_floating(init, dtype):
    with pytest.raises(TypeError, match="dtype must be a floating-point dtype"):
        init(3, 2, np.random.default_rng(0), dtype=dtype)


@pytest.mark.parametrize(
    ("forget_bias", "error"), [(math.nan, ValueError), (math.inf, ValueError), ("1", TypeError)]
)
def test_init_lstm_params_refuses_a_bad_forget_bias(forget_bias, error):
    with pytest.raises(error, match="forget_bias must be"):
        init_lstm_params(3, 2, np.random.default_rng(0), forget_bias=forget_bias)


def test_init_sizes_must_be_integers():
    with pytest.raises(TypeError, match="D must be a positive integer, got 2.0"):
        init_rnn_params(2.0, 3, np.random.default_rng(0))


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda rng: init_gru_params(True, 3, rng), "D must be a positive integer, got True"),
        (lambda rng: LanguageModel.lstm(12, 4.0, 5, rng), "D must be a positive integer, got 4.0"),
        (lambda rng: word_language(2.0, rng), "n_sentences must be a positive integer"),
    ],
)
def test_one_integer_check_everywhere(make, message):
    """Every size goes through validation.check_integer: a wrong type is a TypeError."""
    with pytest.raises(TypeError, match=message):
        make(np.random.default_rng(0))


@pytest.mark.parametrize(
    ("array", "kwargs", "error", "message"),
    [
        (np.float64(1.0), {}, ValueError, "at least one axis"),
        (np.zeros((2, 8)), {"axis": 2}, ValueError, r"axis must lie in \[-2, 2\)"),
        (np.zeros((2, 8)), {"axis": -3}, ValueError, r"axis must lie in \[-2, 2\)"),
        (np.zeros((2, 8)), {"axis": 1.0}, TypeError, "axis must be an integer"),
        (np.zeros(8), {"source": None}, ValueError, "source must be an order"),
        (np.zeros(8), {"target": list("ifgo")}, ValueError, "target must be an order"),
    ],
)
def test_reorder_blocks_refuses_bad_arrays_and_axes(array, kwargs, error, message):
    args = {"source": "fgio", "target": "ifgo", **kwargs}
    with pytest.raises(error, match=message):
        reorder_blocks(array, **args)


def test_reorder_blocks_accepts_every_valid_axis():
    a = np.arange(16.0).reshape(2, 8)
    np.testing.assert_array_equal(
        reorder_blocks(a, "fgio", "ifgo", axis=-1), reorder_blocks(a, "fgio", "ifgo", axis=1)
    )
    assert reorder_blocks(np.arange(8.0).reshape(8, 1), "fgio", "fgio", axis=0).shape == (8, 1)
