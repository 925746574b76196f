"""Tests of lstm_lib.train: the sequence regressor and its training loop."""

import numpy as np
import pytest

from lstm_lib import (
    SGD,
    Adam,
    Affine,
    FastTimeLSTM,
    TimeLSTM,
    adding_problem,
    check_model_gradients,
)
from lstm_lib.train import History, SequenceRegressor, fit


def _models(rng):
    return {
        "lstm": SequenceRegressor.lstm(3, 4, 2, rng, forget_bias=1.0),
        "rnn": SequenceRegressor.rnn(3, 4, 2, rng),
    }


@pytest.mark.parametrize("kind", ["lstm", "rnn"])
def test_gradients_match_numerical_float64(kind):
    rng = np.random.default_rng(0)
    model = _models(rng)[kind]
    xs = rng.standard_normal((5, 6, 3))
    ys = rng.standard_normal((5, 2))
    model.forward(xs, ys)
    assert model.backward() is None  # the gradients are in model.grads
    grads = [g.copy() for g in model.grads]
    report = check_model_gradients(model, lambda: model.forward(xs, ys), eps=1e-6)
    assert report.passed, report
    model.forward(xs, ys)
    model.backward(dout=2.0)
    for grad, twice in zip(grads, model.grads, strict=True):
        np.testing.assert_allclose(twice, 2 * grad, rtol=1e-12)


def test_params_are_the_layers_arrays():
    rng = np.random.default_rng(1)
    model = SequenceRegressor.lstm(2, 3, 1, rng)
    assert len(model.params) == len(model.grads) == 5
    assert model.params[0] is model.recurrent.params[0]
    assert model.grads[-1] is model.head.grads[-1]


def test_the_lstm_regressor_trains_the_fast_lstm_and_the_readable_one_agrees():
    """SequenceRegressor.lstm builds on FastTimeLSTM (what training uses); the readable
    TimeLSTM with the same weights gives the same loss and gradients."""
    rng = np.random.default_rng(8)
    fast = SequenceRegressor.lstm(3, 4, 2, rng)
    assert isinstance(fast.recurrent, FastTimeLSTM)
    head = Affine(*(p.copy() for p in fast.head.params))
    readable = SequenceRegressor(TimeLSTM(*(p.copy() for p in fast.recurrent.params)), head)
    xs = rng.standard_normal((5, 6, 3))
    ys = rng.standard_normal((5, 2))
    np.testing.assert_allclose(readable.forward(xs, ys), fast.forward(xs, ys), rtol=1e-12)
    readable.backward()
    fast.backward()
    for mine, theirs in zip(readable.grads, fast.grads, strict=True):
        np.testing.assert_allclose(mine, theirs, rtol=1e-10, atol=1e-14)


def test_predict_shape_and_dtype_follow_the_input():
    rng = np.random.default_rng(2)
    model = SequenceRegressor.lstm(2, 3, 1, rng, dtype=np.float32)
    y = model.predict(np.zeros((4, 7, 2), dtype=np.float32))
    assert y.shape == (4, 1) and y.dtype == np.float32


@pytest.mark.parametrize("kind", ["lstm", "rnn"])
def test_fit_decreases_the_loss_on_a_tiny_problem(kind):
    rng = np.random.default_rng(3)
    xs, ys = adding_problem(64, 6, rng)
    model = (
        SequenceRegressor.lstm(2, 8, 1, rng)
        if kind == "lstm"
        else SequenceRegressor.rnn(2, 8, 1, rng)
    )
    before = model.forward(xs, ys)
    history = fit(model, Adam(0.02), xs, ys, steps=150, batch_size=16, rng=rng, clip_norm=5.0)
    assert isinstance(history, History)
    assert history.loss.shape == history.grad_norm.shape == (150,)
    assert np.all(np.isfinite(history.loss)) and np.all(history.grad_norm >= 0)
    assert model.forward(xs, ys) < 0.5 * before


def test_fit_clips_the_gradient_and_reports_the_norm_before():
    rng = np.random.default_rng(4)
    xs, ys = adding_problem(8, 5, rng)
    model = SequenceRegressor.lstm(2, 3, 1, rng)
    seen = []

    class Spy(SGD):
        def update(self, params, grads):
            seen.append(np.sqrt(sum(float(np.sum(g * g)) for g in grads)))
            super().update(params, grads)

    history = fit(model, Spy(0.0), xs, ys, steps=3, batch_size=8, rng=rng, clip_norm=1e-3)
    assert np.all(history.grad_norm > 1e-3)
    assert np.allclose(seen, 1e-3)


def test_fit_is_reproducible_with_the_same_seed():
    runs = []
    for _ in range(2):
        rng = np.random.default_rng(5)
        xs, ys = adding_problem(32, 5, rng)
        model = SequenceRegressor.rnn(2, 4, 1, rng)
        runs.append(fit(model, Adam(0.01), xs, ys, steps=5, batch_size=8, rng=rng).loss)
    assert np.array_equal(runs[0], runs[1])


def test_bad_input_gives_clear_errors():
    rng = np.random.default_rng(6)
    xs, ys = adding_problem(10, 5, rng)
    model = SequenceRegressor.lstm(2, 3, 1, rng)
    with pytest.raises(ValueError, match=r"ts must have shape \(N=10, ...\)"):
        fit(model, Adam(), xs, ys[:5], steps=1, batch_size=2, rng=rng)
    with pytest.raises(ValueError, match=r"xs must have shape \(N, ...\)"):
        fit(model, Adam(), xs[0, 0], ys, steps=1, batch_size=2, rng=rng)
    with pytest.raises(ValueError, match="batch_size must be at most N=10"):
        fit(model, Adam(), xs, ys, steps=1, batch_size=11, rng=rng)
    with pytest.raises(ValueError, match="steps must be a positive integer"):
        fit(model, Adam(), xs, ys, steps=0, batch_size=2, rng=rng)
    with pytest.raises(ValueError, match="clip_norm must be positive"):
        fit(model, Adam(), xs, ys, steps=1, batch_size=2, rng=rng, clip_norm=0)
    with pytest.raises(TypeError, match="rng must be a numpy.random.Generator"):
        fit(model, Adam(), xs, ys, steps=1, batch_size=2, rng=0)
    with pytest.raises(ValueError, match=r"ts must have shape \(N=10, K=1\)"):
        model.forward(xs, ys[:, 0])
    with pytest.raises(ValueError, match=r"xs must have shape \(N, T, D=2\)"):
        model.predict(xs[..., :1])
    with pytest.raises(RuntimeError, match="before forward"):
        SequenceRegressor.rnn(2, 3, 1, rng).backward()


def test_bad_layers_give_clear_errors():
    rng = np.random.default_rng(7)
    lstm = SequenceRegressor.lstm(2, 3, 1, rng).recurrent
    with pytest.raises(TypeError, match="FastTimeLSTM, TimeLSTM or TimeRNN"):
        SequenceRegressor(Affine(np.zeros((2, 3)), np.zeros(3)), Affine(np.zeros((3, 1)), [0.0]))
    with pytest.raises(TypeError, match="head must be an Affine"):
        SequenceRegressor(lstm, lstm)
    with pytest.raises(ValueError, match=r"head.W must have shape \(H=3, K\)"):
        SequenceRegressor(lstm, Affine(np.zeros((4, 1)), np.zeros(1)))
