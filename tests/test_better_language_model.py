"""Notebook 10's model: dropout, stacked layers and tied weights, each with its backward."""

import numpy as np
import pytest

from lstm_lib import check_model_gradients
from lstm_lib.better_language_model import BetterLanguageModel, Dropout, sample
from lstm_lib.language_model import LanguageModel, evaluate, evaluating, train_tbptt
from lstm_lib.optim import Adam
from lstm_lib.tasks import word_language, word_vocabulary


def _fixed_masks_loss(model, xs, ts):
    def loss():
        model.reset_state()
        for k, drop in enumerate(model.drops):  # the same masks at every evaluation
            drop.rng = np.random.default_rng(k)
        return model.forward(xs, ts)

    return loss


@pytest.mark.parametrize(
    ("layers", "dropout", "tie"), [(1, 0.0, False), (2, 0.0, False), (2, 0.3, True), (1, 0.5, True)]
)
def test_every_parameter_gradient_of_the_model(layers, dropout, tie, rng):
    model = BetterLanguageModel(7, 4, 4, rng, layers=layers, dropout=dropout, tie_weights=tie)
    xs, ts = rng.integers(0, 7, (2, 5)), rng.integers(0, 7, (2, 5))
    loss = _fixed_masks_loss(model, xs, ts)
    assert len(model.params) == len(model.param_names) == 3 + 3 * layers - tie
    report = check_model_gradients(model, loss)
    assert report.passed, report


def test_dropout_scales_keeps_the_mean_and_is_off_in_evaluation(rng):
    drop = Dropout(0.25, rng)
    x = np.ones((200, 50))
    y = drop.forward(x)
    assert set(np.unique(y)) == {0.0, 1 / 0.75}
    assert abs(y.mean() - 1) < 0.03
    np.testing.assert_array_equal(drop.backward(np.ones_like(x)), y)  # the same mask
    drop.training = False
    np.testing.assert_array_equal(drop.forward(x), x)
    with pytest.raises(ValueError, match="ratio must lie"):
        Dropout(1.0, rng)


def test_tied_weights_are_one_array(rng):
    model = BetterLanguageModel(9, 6, 6, rng, tie_weights=True)
    assert np.shares_memory(model.affine.params[0], model.params[0])
    model.params[0][...] += 1.0  # an optimizer step on E changes the output weights too
    np.testing.assert_array_equal(model.affine.params[0], model.params[0].T)
    with pytest.raises(ValueError, match="D == H"):
        BetterLanguageModel(9, 4, 6, rng, tie_weights=True)


def test_the_plain_setting_is_notebook_08s_model(rng):
    seed_a, seed_b = np.random.default_rng(3), np.random.default_rng(3)
    ours = BetterLanguageModel(12, 5, 5, seed_a)
    book = LanguageModel(12, 5, 5, seed_b)
    for p, q in zip(book.params, ours.params, strict=True):
        q[...] = p
    ids = rng.integers(0, 12, (3, 8))
    np.testing.assert_allclose(
        ours.forward(ids[:, :-1], ids[:, 1:]), book.forward(ids[:, :-1], ids[:, 1:])
    )


def test_training_lowers_validation_perplexity_and_sampling_works(rng):
    vocabulary = word_vocabulary()
    index = {w: k for k, w in enumerate(vocabulary)}
    tokens, _ = word_language(300, rng)
    ids = np.array([index[w] for w in tokens])
    model = BetterLanguageModel(
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


def test_evaluation_switches_dropout_off_and_restores_it_even_after_an_error(rng):
    model = BetterLanguageModel(7, 4, 4, rng, layers=2, dropout=0.5)
    ids = rng.integers(0, 7, 40)
    first = evaluate(model, ids, batch_size=2, chunk_len=5)
    assert evaluate(model, ids, batch_size=2, chunk_len=5) == first  # no random masks
    assert model.training and all(drop.training for drop in model.drops)
    with pytest.raises(RuntimeError), evaluating(model):
        assert not any(drop.training for drop in model.drops)
        raise RuntimeError
    assert model.training
    plain = LanguageModel(7, 4, 4, rng)  # no training attribute: left alone
    with evaluating(plain):
        assert not hasattr(plain, "training")


def test_word_language_floor_matches_its_probabilities(rng):
    tokens, log_probs = word_language(500, rng)
    assert len(tokens) == len(log_probs) and set(tokens) <= set(word_vocabulary())
    assert np.all(log_probs <= 0)
    sentences = " ".join(tokens).split(" . ")
    for sentence in sentences[:50]:
        words = sentence.replace(" .", "").split()
        subject_plural = words[0] in ("some", "these", "many")
        verb = next(
            w
            for w in words
            if w.rstrip("s") in ("see", "like", "find", "hear", "follow", "paint", "know", "want")
        )
        assert verb.endswith("s") != subject_plural
    assert 5 < np.exp(-log_probs.mean()) < 8
    with pytest.raises(ValueError, match="n_sentences"):
        word_language(0, rng)
