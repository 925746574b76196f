"""lstm_lib.training: fit, truncated BPTT, evaluation with dropout off, and the sampler."""

import numpy as np
import pytest

from lstm_lib import (
    LSTM,
    SGD,
    Adam,
    Embedding,
    FastTimeLSTM,
    History,
    LanguageModel,
    SequenceRegressor,
    TimeAffine,
    adding_problem,
    batchify,
    chunks,
    evaluate,
    evaluating,
    fit,
    sample,
    train_tbptt,
    word_language,
    word_vocabulary,
)

# --- fit: minibatches of independent examples --------------------------------------------


@pytest.mark.parametrize("kind", ["lstm", "rnn"])
def test_fit_decreases_the_loss_on_a_tiny_problem(kind):
    rng = np.random.default_rng(3)
    xs, ys = adding_problem(64, 6, rng)
    make = SequenceRegressor.lstm if kind == "lstm" else SequenceRegressor.rnn
    model = make(2, 8, 1, rng)
    before = model.forward(xs, ys)
    history = fit(model, Adam(0.02), xs, ys, steps=150, batch_size=16, rng=rng, clip_norm=5.0)
    assert isinstance(history, History)
    assert history.loss.shape == history.grad_norm.shape == (150,)
    assert history.perplexity.shape == history.val_perplexity.shape == (0,)
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


def test_fit_refuses_bad_arguments():
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


# --- truncated BPTT on a stream --------------------------------------------------------------


def test_batchify_and_chunks_cover_every_target_once():
    ids = np.arange(23)
    rows = batchify(ids, 3)
    np.testing.assert_array_equal(rows, np.arange(21).reshape(3, 7))
    pairs = list(chunks(rows, 4))
    assert [xs.shape for xs, _ in pairs] == [(3, 4), (3, 2)]
    for xs, ts in pairs:
        np.testing.assert_array_equal(ts, xs + 1)
    assert sum(ts.size for _, ts in pairs) == 3 * 6
    with pytest.raises(ValueError, match="too short"):
        batchify(np.arange(5), 3)
    with pytest.raises(ValueError, match="batch_size"):
        batchify(np.arange(5), 0)


def test_evaluate_does_not_depend_on_the_chunk_length(rng):
    model = LanguageModel.lstm(5, 3, 4, rng)
    ids = rng.integers(0, 5, 41)
    whole = evaluate(model, ids, batch_size=2, chunk_len=100)
    chunked = evaluate(model, ids, batch_size=2, chunk_len=3)
    assert chunked == pytest.approx(whole, rel=1e-12)
    assert model.stack.layers[0].h is None  # the state is reset at the end


def test_training_learns_a_periodic_stream(rng):
    model = LanguageModel.lstm(4, 4, 8, rng)
    ids = np.tile(np.array([0, 1, 2, 3, 2, 1]), 60)
    before = np.exp(evaluate(model, ids))
    history = train_tbptt(model, Adam(0.05), ids, batch_size=4, chunk_len=10, epochs=15)
    assert isinstance(history, History)
    assert history.perplexity.shape == (15,) and history.val_perplexity.shape == (0,)
    assert history.loss.shape == history.grad_norm.shape == (15 * 9,)
    assert np.exp(evaluate(model, ids)) < 0.5 * before
    assert history.perplexity[-1] < 1.5


def test_training_reports_validation_perplexity(rng):
    model = LanguageModel.lstm(3, 2, 3, rng)
    ids = rng.integers(0, 3, 60)
    history = train_tbptt(model, Adam(0.01), ids, 2, 5, 2, val_ids=ids[:20])
    assert history.val_perplexity.shape == (2,)
    assert all(1 <= p <= 10 for p in history.val_perplexity)


def test_training_reports_each_update_to_a_progress_function(rng):
    model = LanguageModel.lstm(3, 2, 3, rng)
    ids = rng.integers(0, 3, 61)  # 2 rows of 30: 29 inputs each, five chunks of 5, one of 4
    calls = []
    history = train_tbptt(model, Adam(0.01), ids, 2, 5, 2, progress=lambda *a: calls.append(a))
    assert [(k, n) for k, n, _ in calls] == [(k, 6) for k in range(1, 7)] * 2
    np.testing.assert_array_equal([loss for _, _, loss in calls], history.loss)


def test_the_better_model_lowers_validation_perplexity_and_samples(rng):
    vocabulary = word_vocabulary()
    index = {w: k for k, w in enumerate(vocabulary)}
    tokens, _ = word_language(300, rng)
    ids = np.array([index[w] for w in tokens])
    model = LanguageModel.lstm(
        len(vocabulary), 16, 16, rng, layers=2, dropout=0.2, tie_weights=True
    )
    before = np.exp(evaluate(model, ids[-500:]))
    history = train_tbptt(
        model, Adam(0.02), ids[:-500], 8, 16, 3, val_ids=ids[-500:], val_batch_size=8
    )
    assert history.loss.shape == history.grad_norm.shape
    assert history.perplexity.shape == history.val_perplexity.shape == (3,)
    assert history.val_perplexity[-1] < 0.6 * before
    assert model.training  # evaluate switched dropout off and on again
    out = sample(model, ids[:3], 20, rng)
    assert out.shape == (20,) and out.min() >= 0 and out.max() < len(vocabulary)


# --- dropout off for evaluation ----------------------------------------------------------------


def test_evaluation_switches_dropout_off_and_restores_it_even_after_an_error(rng):
    model = LanguageModel.lstm(7, 4, 4, rng, layers=2, dropout=0.5)
    ids = rng.integers(0, 7, 40)
    first = evaluate(model, ids, batch_size=2, chunk_len=5)
    assert evaluate(model, ids, batch_size=2, chunk_len=5) == first  # no random masks
    assert model.training and all(drop.training for drop in model.stack.drops)
    with pytest.raises(RuntimeError), evaluating(model):
        assert not any(drop.training for drop in model.stack.drops)
        raise RuntimeError
    assert model.training

    class Plain:
        """A model without a training attribute: left alone."""

    plain = Plain()
    with evaluating(plain) as inside:
        assert inside is plain and not hasattr(plain, "training")


# --- the sampler ----------------------------------------------------------------------------


def _trained(rng, **options):
    model = LanguageModel.lstm(5, 4, 4, rng, **options)
    train_tbptt(model, Adam(0.05), np.tile(np.arange(5), 30), 3, 8, 2)
    return model


def _loop_of_lstm_steps(model, start, length, rng, temperature=1.0):
    """Notebook 08's sampler, one LSTM step at a time (the old LanguageModel.sample)."""
    E, (Wx, Wh, b), (W, b_out) = model.params[0], model.stack.params, model.params[-2:]
    step, h, c = LSTM(Wx, Wh, b), np.zeros((1, 4)), np.zeros((1, 4))
    for k in start:
        h, c = step.forward(E[k][None], h, c)
    out = np.empty(length, dtype=np.int64)
    for k in range(length):
        z = (h[0] @ W + b_out) / temperature
        p = np.exp(z - z.max())
        out[k] = rng.choice(len(b_out), p=p / p.sum())
        h, c = step.forward(E[out[k]][None], h, c)
    return out


@pytest.mark.parametrize("temperature", [1.0, 0.5, 2.0])
def test_sample_is_the_step_by_step_sampler_of_notebook_08(temperature, rng):
    model = _trained(rng)
    start = np.array([0, 1])
    ours = sample(model, start, 40, np.random.default_rng(11), temperature)
    book = _loop_of_lstm_steps(model, start, 40, np.random.default_rng(11), temperature)
    np.testing.assert_array_equal(ours, book)


def test_sampling_is_reproducible(rng):
    model = _trained(rng)
    a = sample(model, np.array([1, 2]), 30, np.random.default_rng(5))
    b = sample(model, np.array([1, 2]), 30, np.random.default_rng(5))
    np.testing.assert_array_equal(a, b)
    assert a.shape == (30,) and a.dtype == np.int64 and a.min() >= 0 and a.max() < 5
    assert not np.array_equal(a, sample(model, np.array([1, 2]), 30, np.random.default_rng(6)))
    assert sample(model, np.array([1]), 0, rng).shape == (0,)


def test_sampling_leaves_the_model_untouched(rng):
    """The carried state, a pending backward, the training switch and the masks' rng."""
    model = LanguageModel.lstm(5, 4, 4, rng, layers=2, dropout=0.3, tie_weights=True)
    ids, targets = rng.integers(0, 5, (2, 6)), rng.integers(0, 5, (2, 6))

    def forward():  # the same dropout masks each time
        for k, drop in enumerate(model.stack.drops):
            drop.rng = np.random.default_rng(k)
        model.reset_state()
        model.forward(ids, targets)

    forward()
    model.backward()
    expected = [g.copy() for g in model.grads]
    forward()
    states = [(layer.h.copy(), layer.c.copy()) for layer in model.stack.layers]
    draws = [drop.rng.bit_generator.state for drop in model.stack.drops]
    weights = [p.copy() for p in model.params]
    sample(model, np.array([1, 2]), 10, np.random.default_rng(0))
    assert model.training
    assert [drop.rng.bit_generator.state for drop in model.stack.drops] == draws
    for layer, (h, c) in zip(model.stack.layers, states, strict=True):
        np.testing.assert_array_equal(layer.h, h)
        np.testing.assert_array_equal(layer.c, c)
    model.backward()
    for name, got, want in zip(model.param_names, model.grads, expected, strict=True):
        np.testing.assert_array_equal(got, want, err_msg=name)
    for got, want in zip(model.params, weights, strict=True):
        np.testing.assert_array_equal(got, want)
    with evaluating(model):
        sample(model, np.array([0]), 3, rng)
        assert not model.training  # the switch is left as it was, off too


def test_low_temperature_samples_the_most_likely_symbol(rng):
    model = _trained(rng, layers=2, dropout=0.2)
    start = np.array([0])
    greedy = sample(model, start, 5, np.random.default_rng(0), temperature=1e-3)
    model.reset_state()
    with evaluating(model):
        first = int(np.argmax(model.predict(start[None])[0, -1]))
    assert greedy[0] == first


def test_sample_refuses_bad_arguments(rng):
    model = LanguageModel.lstm(5, 3, 4, rng)
    with pytest.raises(ValueError, match="at least one"):
        sample(model, np.array([], dtype=int), 3, np.random.default_rng(0))
    with pytest.raises(ValueError, match="temperature"):
        sample(model, np.array([0]), 3, np.random.default_rng(0), temperature=0)
    with pytest.raises(TypeError, match="Generator"):
        sample(model, np.array([0]), 3, 0)
    with pytest.raises(ValueError, match="V=5"):
        sample(model, np.array([5]), 3, rng)
    with pytest.raises(TypeError, match="integer"):
        sample(model, np.array([0.0]), 3, rng)
    with pytest.raises(ValueError, match="length"):
        sample(model, np.array([0]), -1, rng)


def test_sample_carries_the_state_of_a_model_whose_layers_are_not_stateful(rng):
    """The odyssey's models are not stateful; sampling one id per call must still remember."""
    stateful = LanguageModel.lstm(7, 4, 5, rng)
    Wx, Wh, b = stateful.stack.layers[0].params
    forgetful = LanguageModel(
        Embedding(stateful.params[0]), FastTimeLSTM(Wx, Wh, b), TimeAffine(*stateful.head.params)
    )
    start = np.array([1, 2, 3])
    want = sample(stateful, start, 20, np.random.default_rng(3))
    got = sample(forgetful, start, 20, np.random.default_rng(3))
    np.testing.assert_array_equal(got, want)
    assert not forgetful.stack.layers[0].stateful  # the model itself is left as it was
