"""The character-level language model: gradients, the carried state, sampling, training."""

import numpy as np
import pytest

from lstm_lib import check_model_gradients
from lstm_lib.language_model import LanguageModel, batchify, chunks, evaluate, train_tbptt
from lstm_lib.optim import Adam
from lstm_lib.train import History

TOL = 1e-7


@pytest.fixture
def model(rng):
    """A tiny float64 model: V=5 symbols, D=3, H=4."""
    return LanguageModel(5, 3, 4, rng)


def _ids(rng, shape, V=5):
    return rng.integers(0, V, shape)


@pytest.mark.parametrize("carried", [False, True])
def test_gradient_of_the_whole_model(model, rng, carried):
    ids, targets = _ids(rng, (2, 6)), _ids(rng, (2, 6))
    h0, c0 = rng.standard_normal((2, 4)), rng.standard_normal((2, 4))

    def loss():
        model.reset_state()
        if carried:  # a state handed over from a previous chunk is a constant input
            model.lstm.set_state(h0, c0)
        return model.forward(ids, targets)

    report = check_model_gradients(model, loss, tol=TOL)
    assert report.passed, report


def test_params_and_grads_are_the_layers_arrays(model):
    assert len(model.params) == len(model.grads) == len(model.param_names) == 6
    assert model.params[0] is model.embed.params[0]
    assert model.grads[4] is model.affine.grads[0]
    shapes = [p.shape for p in model.params]
    assert shapes == [(5, 3), (3, 16), (4, 16), (16,), (4, 5), (5,)]


def test_state_is_carried_from_one_chunk_to_the_next(model, rng):
    ids = _ids(rng, (2, 10))
    model.reset_state()
    whole = model.predict(ids)
    model.reset_state()
    first = model.predict(ids[:, :4])
    second = model.predict(ids[:, 4:])  # continues from the end of the first chunk
    np.testing.assert_allclose(np.concatenate([first, second], axis=1), whole, atol=1e-12)
    model.reset_state()
    fresh = model.predict(ids[:, 4:])
    assert not np.allclose(fresh, second), "the second chunk must depend on the first"


def test_gradient_is_cut_at_the_chunk_border(model, rng):
    ids, targets = _ids(rng, (2, 8)), _ids(rng, (2, 8))
    model.reset_state()
    model.forward(ids[:, :4], targets[:, :4])
    model.forward(ids[:, 4:], targets[:, 4:])
    model.backward()
    truncated = [g.copy() for g in model.grads]
    # the same gradient as a fresh forward from the carried state, treated as a constant
    h, c = model.lstm.h, model.lstm.c
    model.reset_state()
    model.forward(ids[:, :4], targets[:, :4])
    model.lstm.set_state(model.lstm.h, model.lstm.c)
    model.forward(ids[:, 4:], targets[:, 4:])
    model.backward()
    for a, b in zip(truncated, model.grads, strict=True):
        np.testing.assert_allclose(a, b, atol=1e-12)
    np.testing.assert_allclose(model.lstm.h, h, atol=1e-12)
    np.testing.assert_allclose(model.lstm.c, c, atol=1e-12)


def test_states_agree_with_forward(model, rng):
    ids = _ids(rng, (7,))
    hs, cs = model.states(ids)
    model.reset_state()
    scores = model.predict(ids[None])[0]
    np.testing.assert_allclose(scores, hs @ model.params[4] + model.params[5], atol=1e-12)
    np.testing.assert_allclose(model.lstm.c[0], cs[-1], atol=1e-12)
    assert hs.shape == cs.shape == (7, 4)


def test_sampling_is_reproducible_and_keeps_the_training_state(model, rng):
    model.predict(_ids(rng, (3, 4)))
    h, c = model.lstm.h.copy(), model.lstm.c.copy()
    a = model.sample(np.array([1, 2]), 30, np.random.default_rng(5))
    b = model.sample(np.array([1, 2]), 30, np.random.default_rng(5))
    np.testing.assert_array_equal(a, b)
    assert a.shape == (30,) and a.dtype.kind == "i" and a.min() >= 0 and a.max() < 5
    np.testing.assert_array_equal(model.lstm.h, h)
    np.testing.assert_array_equal(model.lstm.c, c)
    other = model.sample(np.array([1, 2]), 30, np.random.default_rng(6))
    assert not np.array_equal(a, other)


def test_sampling_between_forward_and_backward_changes_no_gradient(model, rng):
    ids, targets = _ids(rng, (2, 6)), _ids(rng, (2, 6))
    model.reset_state()
    model.forward(ids, targets)
    model.backward()
    expected = [g.copy() for g in model.grads]
    model.reset_state()
    loss = model.forward(ids, targets)
    model.sample(np.array([1, 2]), 10, np.random.default_rng(0))
    model.states(np.array([3, 0, 4]))
    model.backward()
    for name, got, want in zip(model.param_names, model.grads, expected, strict=True):
        np.testing.assert_allclose(got, want, rtol=0, atol=0, err_msg=name)
    model.reset_state()
    assert model.forward(ids, targets) == loss


def test_low_temperature_samples_the_most_likely_symbol(model):
    start = np.array([0])
    greedy = model.sample(start, 5, np.random.default_rng(0), temperature=1e-3)
    model.reset_state()
    first = int(np.argmax(model.predict(start[None])[0, -1]))
    assert greedy[0] == first


def test_batchify_and_chunks_cover_every_target_once():
    ids = np.arange(23)
    rows = batchify(ids, 3)
    np.testing.assert_array_equal(rows, np.arange(21).reshape(3, 7))
    pairs = list(chunks(rows, 4))
    assert [xs.shape for xs, _ in pairs] == [(3, 4), (3, 2)]
    for xs, ts in pairs:
        np.testing.assert_array_equal(ts, xs + 1)
    assert sum(ts.size for _, ts in pairs) == 3 * 6


def test_evaluate_does_not_depend_on_the_chunk_length(model, rng):
    ids = _ids(rng, (41,))
    whole = evaluate(model, ids, batch_size=2, chunk_len=100)
    chunked = evaluate(model, ids, batch_size=2, chunk_len=3)
    assert chunked == pytest.approx(whole, rel=1e-12)
    assert model.lstm.h is None


def test_training_learns_a_periodic_stream(rng):
    model = LanguageModel(4, 4, 8, rng)
    ids = np.tile(np.array([0, 1, 2, 3, 2, 1]), 60)
    before = np.exp(evaluate(model, ids))
    history = train_tbptt(model, Adam(0.05), ids, batch_size=4, chunk_len=10, epochs=15)
    assert isinstance(history, History)
    assert history.perplexity.shape == (15,) and history.val_perplexity.shape == (0,)
    assert history.loss.shape == history.grad_norm.shape == (15 * 9,)
    assert np.exp(evaluate(model, ids)) < 0.5 * before
    assert history.perplexity[-1] < 1.5


def test_training_reports_validation_perplexity(rng):
    model = LanguageModel(3, 2, 3, rng)
    ids = rng.integers(0, 3, 60)
    history = train_tbptt(model, Adam(0.01), ids, 2, 5, 2, val_ids=ids[:20])
    assert history.val_perplexity.shape == (2,)
    assert all(1 <= p <= 10 for p in history.val_perplexity)


def test_training_reports_each_update_to_a_progress_function(rng):
    model = LanguageModel(3, 2, 3, rng)
    ids = rng.integers(0, 3, 61)  # 2 rows of 30: 29 inputs each, five chunks of 5, one of 4
    calls = []
    history = train_tbptt(model, Adam(0.01), ids, 2, 5, 2, progress=lambda *a: calls.append(a))
    assert [(k, n) for k, n, _ in calls] == [(k, 6) for k in range(1, 7)] * 2
    np.testing.assert_array_equal([loss for _, _, loss in calls], history.loss)


def test_bad_input_fails_with_a_clear_message(model):
    with pytest.raises(TypeError, match="integer"):
        model.predict(np.zeros((2, 3)))
    with pytest.raises(ValueError, match=r"\(N, T\)"):
        model.predict(np.zeros(3, dtype=int))
    with pytest.raises(ValueError, match="V=5"):
        model.predict(np.full((1, 2), 5))
    with pytest.raises(ValueError, match="at least one"):
        model.sample(np.array([], dtype=int), 3, np.random.default_rng(0))
    with pytest.raises(ValueError, match="temperature"):
        model.sample(np.array([0]), 3, np.random.default_rng(0), temperature=0)
    with pytest.raises(TypeError, match="Generator"):
        model.sample(np.array([0]), 3, 0)
    with pytest.raises(ValueError, match="too short"):
        batchify(np.arange(5), 3)
    with pytest.raises(ValueError, match="batch_size"):
        batchify(np.arange(5), 0)
    with pytest.raises(ValueError, match="H"):
        LanguageModel(5, 3, 0, np.random.default_rng(0))
    model.reset_state()
    model.predict(np.zeros((2, 3), dtype=int))
    with pytest.raises(ValueError, match="reset_state"):
        model.predict(np.zeros((3, 3), dtype=int))


def test_states_refuses_ids_outside_the_vocabulary(model):
    """A negative id must not wrap around to the last row of the embedding."""
    with pytest.raises(ValueError, match=r"ids must lie in \[0, V=5\), got \[-1, 0\]"):
        model.states(np.array([0, -1]))
    with pytest.raises(ValueError, match="V=5"):
        model.states(np.array([5]))
    hs, cs = model.states(np.array([], dtype=np.int64))
    assert hs.shape == cs.shape == (0, 4)
