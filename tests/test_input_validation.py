"""Bad arguments anywhere in the public API fail early and say what was expected (issue 22).

Each case here used to give NaN, integer weights, a silent wrong result, a hang, or a
traceback from deep inside NumPy: one table per class of defect, then the caches (a
backward differentiates the forward that was run), divergence, sampling and hangs.
"""

import math

import numpy as np
import pytest

from lstm_lib import (
    SGD,
    Affine,
    Dropout,
    Embedding,
    FastTimeLSTM,
    LanguageModel,
    MatMul,
    SequenceRegressor,
    SoftmaxCrossEntropy,
    TimeAffine,
    TimeLSTM,
    TimeRNN,
    check_layer_gradients,
    clip_grads,
    evaluate,
    fit,
    fuse_weights,
    init_lstm_params,
    init_rnn_params,
    numerical_gradient,
    odyssey,
    rel_error,
    reorder_blocks,
    sample,
    train_tbptt,
)
from lstm_lib.gru import GRU, TimeGRU, init_gru_params
from lstm_lib.lstm import LSTM
from lstm_lib.rnn import RNN
from lstm_lib.tasks import (
    MAX_P_ADJECTIVE,
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


# Issue 22: the whole public API, one defect class at a time.


def _lm():
    return LanguageModel.lstm(6, 4, 4, np.random.default_rng(1))


IDS = np.random.default_rng(2).integers(0, 6, 80)


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        # sizes: integers only, named as the caller named them
        (lambda: train_tbptt(_lm(), SGD(0.1), IDS, 2, 0, 1), ValueError, "chunk_len must be"),
        (lambda: sample(_lm(), IDS[:3], -1, np.random.default_rng(0)), ValueError, "length must"),
        (
            lambda: odyssey.make_task("adding", np.random.default_rng(0), 5, n_train=0),
            ValueError,
            "n_train must be a positive integer",
        ),  # fmt: skip
        (
            lambda: odyssey.bracket_strings(3, -1, np.random.default_rng(0)),
            ValueError,
            "T must be a positive integer",
        ),  # fmt: skip
        (
            lambda: odyssey.bracket_strings(0, 5, np.random.default_rng(0)),
            ValueError,
            "N must be a positive integer",
        ),  # fmt: skip
        (lambda: odyssey.run("GRU", None, 0), TypeError, "task must be a Task"),
        (lambda: SequenceRegressor.lstm(2, 3, 0, np.random.default_rng(0)), ValueError, "K must"),
        # switches and numbers: no string taken as True, no bare comparison error
        (lambda: Dropout("0.1", np.random.default_rng(0)), TypeError, "ratio must be a real"),
        (lambda: first_bracket_error("(", complete="False"), TypeError, "complete must be True"),
        (
            lambda: word_language(1, np.random.default_rng(0), p_adjective="0.4"),
            TypeError,
            "p_adjective must be a real number",
        ),  # fmt: skip
        # ids named as the caller named them, checked against the model's vocabulary
        (lambda: evaluate(_lm(), IDS + 6), ValueError, r"ids must lie in \[0, V=6\)"),
        (lambda: train_tbptt(_lm(), SGD(0.1), IDS - 1, 2, 5, 1), ValueError, "ids must lie in"),
        (
            lambda: train_tbptt(_lm(), SGD(0.1), IDS, 2, 5, 1, val_ids=IDS[:9] + 9),
            ValueError,
            "val_ids must lie in",
        ),  # fmt: skip
        (lambda: _lm().forward(IDS[:10].reshape(2, 5), IDS[:5]), ValueError, "ts must have shape"),
        # objects that are not what a function works on
        (
            lambda: fit(
                None,
                SGD(0.1),
                np.zeros((4, 3, 2)),
                np.zeros((4, 1)),
                1,
                2,
                np.random.default_rng(0),
            ),
            TypeError,
            "model must be a model of the book",
        ),  # fmt: skip
        (lambda: train_tbptt(_lm(), "sgd", IDS, 2, 5, 1), TypeError, "optimizer must be"),
        (lambda: train_tbptt(_lm(), SGD(0.1), IDS, 2, 5, 1, progress=3), TypeError, "progress"),
        (lambda: sample(object(), IDS[:3], 2, np.random.default_rng(0)), TypeError, "model must"),
        (lambda: numerical_gradient(None, np.zeros(2)), TypeError, "f must be a function"),
        (
            lambda: check_layer_gradients(3, (np.zeros((1, 2)),), np.random.default_rng(0)),
            TypeError,
            "layer must be a layer",
        ),  # fmt: skip
        (
            lambda: check_layer_gradients(
                Affine(np.ones((2, 2)), np.ones(2)),
                (np.ones((1, 2)) * 1j,),
                np.random.default_rng(0),
            ),
            TypeError,
            r"inputs\[0\] must be a real",
        ),  # fmt: skip
        (lambda: rel_error(np.ones(2) * 1j, np.ones(2)), TypeError, "a must be a real"),
        (lambda: clip_grads(None, 1.0), TypeError, "grads must be a list"),
        (lambda: SGD(0.1).update(None, []), TypeError, "params must be a list"),
        (lambda: fuse_weights(None), TypeError, "parts must be a dict"),
        (
            lambda: reorder_blocks(np.zeros(2), "aa", "aa", parts="aa"),
            ValueError,
            "parts must name each block once",
        ),  # fmt: skip
        (lambda: reorder_blocks(np.zeros(2), "ab", "ab", parts=None), TypeError, "parts must be"),
        (
            lambda: odyssey.format_table({("adding", "GRU"): np.ones(2)}, ["brackets"]),
            ValueError,
            "results has no losses",
        ),  # fmt: skip
        # empty axes and upstream gradients
        (
            lambda: TimeLSTM(np.zeros((3, 0)), np.zeros((0, 0)), np.zeros(0)),
            ValueError,
            r"Wx must have shape \(D, 4H\) with H >= 1",
        ),  # fmt: skip
        (lambda: _embedded().backward(np.ones((1, 5, 3))), ValueError, "dout must have shape"),
        (lambda: _embedded().backward(1.0), ValueError, "dout must have shape"),
        (lambda: _embedded().backward(np.ones((2, 5, 3)) * 1j), TypeError, "dout must be a real"),
        (lambda: _loss().backward(np.nan), ValueError, "dout must be a finite number"),
        (lambda: _loss().backward("1"), TypeError, "dout must be a real number"),
    ],
)
def test_every_public_call_refuses_bad_input_clearly(call, error, message):
    with pytest.raises(error, match=message):
        call()


def _embedded():
    embed = Embedding(np.ones((6, 3)))
    embed.forward(IDS[:10].reshape(2, 5))
    return embed


def _loss():
    loss = SoftmaxCrossEntropy()
    loss.forward(np.zeros((2, 6)), np.array([1, 2]))
    return loss


def test_val_batch_size_is_checked_before_training():
    model = _lm()
    before = [p.copy() for p in model.params]
    with pytest.raises(ValueError, match="val_batch_size must be a positive integer, got 0"):
        train_tbptt(model, SGD(0.1), IDS, 2, 5, 1, val_ids=IDS[:20], val_batch_size=0)
    with pytest.raises(ValueError, match="val_ids holds 20 ids, too few for val_batch_size=11"):
        train_tbptt(model, SGD(0.1), IDS, 2, 5, 1, val_ids=IDS[:20], val_batch_size=11)
    for p, q in zip(model.params, before, strict=True):
        np.testing.assert_array_equal(p, q)  # nothing trained


def test_a_float32_layer_with_a_float64_head_is_refused_at_construction():
    weights = [w.astype(np.float32) for w in init_lstm_params(2, 3, np.random.default_rng(0))]
    with pytest.raises(ValueError, match="head.W must have shape"):
        SequenceRegressor(TimeLSTM(*weights), Affine(np.zeros((3, 1)), np.zeros(1)))


# A backward differentiates the forward that was run: every layer copies what it caches.


def _layers():
    rng = np.random.default_rng(3)
    W4, W1 = init_lstm_params(2, 3, rng), init_rnn_params(2, 3, rng)
    xs = rng.standard_normal((2, 4, 2))
    x, h = rng.standard_normal((2, 2)), rng.standard_normal((2, 3))
    return [
        ("TimeLSTM", lambda: TimeLSTM(*W4), (xs,)),
        ("FastTimeLSTM", lambda: FastTimeLSTM(*W4), (xs,)),
        ("TimeRNN", lambda: TimeRNN(*W1), (xs,)),
        ("TimeGRU", lambda: TimeGRU(*init_gru_params(2, 3, np.random.default_rng(4))), (xs,)),
        ("TimeAffine", lambda: TimeAffine(np.ones((2, 3)), np.ones(3)), (xs,)),
        ("Affine", lambda: Affine(np.ones((2, 3)), np.ones(3)), (x,)),
        ("MatMul", lambda: MatMul(np.ones((2, 3))), (x,)),
        ("LSTM", lambda: LSTM(*W4), (x, h, h)),
        ("RNN", lambda: RNN(*W1), (x, h)),
        ("GRU", lambda: GRU(*init_gru_params(2, 3, np.random.default_rng(4))), (x, h)),
        ("Embedding", lambda: Embedding(np.ones((6, 3))), (IDS[:8].reshape(2, 4),)),
    ]


@pytest.mark.parametrize(("name", "make", "inputs"), _layers(), ids=lambda v: str(v)[:12])
def test_changing_an_input_between_forward_and_backward_changes_nothing(name, make, inputs):
    def run(change):
        layer, args = make(), [a.copy() for a in inputs]
        out = layer.forward(*args)
        out = out[0] if isinstance(out, tuple) else out
        for a in args:
            a[...] = 0 if a.dtype.kind == "i" else 3 * a + 1
        grads = layer.backward(np.ones_like(out)) if change else None
        return grads, [g.copy() for g in layer.grads]

    clean_layer, clean_args = make(), [a.copy() for a in inputs]
    out = clean_layer.forward(*clean_args)
    out = out[0] if isinstance(out, tuple) else out
    clean_layer.backward(np.ones_like(out))
    _, grads = run(True)
    for g, c in zip(grads, clean_layer.grads, strict=True):
        np.testing.assert_array_equal(g, c, err_msg=name)


def test_the_losses_keep_their_own_targets():
    scores, targets = np.random.default_rng(5).standard_normal((3, 6)), np.array([0, 1, 2])
    clean = SoftmaxCrossEntropy()
    clean.forward(scores, targets.copy())
    changed, mine = SoftmaxCrossEntropy(), targets.copy()
    changed.forward(scores, mine)
    mine[...] = 5
    np.testing.assert_array_equal(changed.backward(), clean.backward())


# Training that diverges stops and says so.


def test_fit_stops_when_training_diverges():
    model = SequenceRegressor.lstm(2, 3, 1, np.random.default_rng(0))
    xs, ts = np.random.default_rng(1).standard_normal((8, 4, 2)), np.full((8, 1), 100.0)
    with pytest.raises(ValueError, match=r"training diverged at update \d+ of 50: the .* is"):
        fit(model, SGD(1e6), xs, ts, 50, 4, np.random.default_rng(0))


def test_train_tbptt_stops_when_the_perplexity_overflows():
    with pytest.raises(ValueError, match=r"training diverged at .*epoch 1.*lr=1000000.0"):
        train_tbptt(_lm(), SGD(1e6), IDS, 2, 5, 3, clip_norm=None)


def test_a_first_loss_that_is_not_finite_points_at_the_data():
    model = SequenceRegressor.lstm(2, 3, 1, np.random.default_rng(0))
    xs, ts = np.zeros((4, 3, 2)), np.full((4, 1), 1e300)
    with pytest.raises(ValueError, match="before any update: check the data"):
        fit(model, SGD(0.1), xs, ts, 2, 2, np.random.default_rng(0))


# Sampling at any positive finite temperature.


def test_a_tiny_temperature_samples_greedily_and_inf_is_refused():
    model = _lm()
    greedy = sample(model, IDS[:3], 6, np.random.default_rng(0), temperature=1e-320)
    assert greedy.shape == (6,) and greedy.dtype == np.int64
    again = sample(model, IDS[:3], 6, np.random.default_rng(9), temperature=1e-320)
    np.testing.assert_array_equal(greedy, again)  # no randomness left: the argmax each time
    with pytest.raises(ValueError, match="temperature must be a finite number"):
        sample(model, IDS[:3], 6, np.random.default_rng(0), temperature=math.inf)


# No call can hang.


@pytest.mark.parametrize("p", [0.99999, 1 - 1e-12])
def test_word_language_refuses_a_p_adjective_that_would_not_end(p):
    with pytest.raises(ValueError, match=r"p_adjective must lie in \[0, 0.95\]"):
        word_language(1, np.random.default_rng(0), p_adjective=p)


def test_word_language_at_the_largest_p_adjective_ends():
    tokens, log_probs = word_language(20, np.random.default_rng(0), p_adjective=MAX_P_ADJECTIVE)
    assert tokens.count(".") == 20 and len(tokens) == log_probs.size
