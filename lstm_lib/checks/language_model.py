"""Checkers of notebook 08 (capstone: a character-level language model).

Each checker computes the right answer and the answers that typical mistakes give; when the
student's answer equals one of the mistakes, the message names that mistake.
"""

import numpy as np

from ..language_model import LanguageModel
from ._core import ExerciseError, as_number, call, diagnose, mistake, passed


def _formula(expected):
    return f"The expected value is {expected:.6g}; compare your steps with the formula."


def check_perplexity(perplexity):
    """Exercise 8.1: ``perplexity(probs)`` = exp of the mean negative log-probability."""
    ex = "8.1"
    probs = np.array([0.5, 0.25, 0.8, 0.1, 0.6, 0.3])
    neg_log = -np.log(probs)
    expected = float(np.exp(neg_log.mean()))
    got = as_number(ex, "perplexity", call(ex, perplexity, probs.copy()))
    mistakes = [
        (
            np.exp(neg_log.sum()),
            "the exponent is the SUM of -log p; use the mean (one symbol's "
            "share), otherwise the value grows with the length of the text",
        ),
        (
            np.exp(np.mean(np.log(probs))),
            "the sign is off: perplexity is exp(-mean log p), "
            "which is at least 1 (you computed its reciprocal)",
        ),
        (
            np.exp(-np.mean(np.log2(probs))),
            "log base mixed up: exp must undo the natural log "
            "(or use 2 ** with log2), not exp of log2",
        ),
        (
            2 ** (-np.mean(np.log(probs))),
            "log base mixed up: 2 ** must go with log2 "
            "(or use exp with the natural log), not 2 ** of ln",
        ),
        (
            np.exp(-np.mean(np.log10(probs))),
            "log base mixed up: exp must undo the natural log, not log10",
        ),
        (
            1 / probs.mean(),
            "this is 1 / (arithmetic mean of p); perplexity averages the "
            "LOG-probabilities: exp(-mean log p)",
        ),
        (
            np.mean(1 / probs),
            "this is the arithmetic mean of 1/p; perplexity is the geometric "
            "mean of 1/p: exp(-mean log p)",
        ),
    ]
    diagnose(ex, "perplexity", got, expected, mistakes, _formula(expected), atol=1e-9)
    certain = as_number(ex, "perplexity", call(ex, perplexity, np.ones(4)))
    uniform = as_number(ex, "perplexity", call(ex, perplexity, np.full(7, 1 / 12)))
    if not np.allclose([certain, uniform], [1.0, 12.0], rtol=1e-5, atol=1e-9):
        raise ExerciseError(
            f"Exercise {ex}: a model that is always sure and right must score 1 and a uniform "
            f"guess over 12 symbols 12; got {certain:.4g} and {uniform:.4g}"
        )
    passed(ex, "perplexity = exp(mean cross-entropy); 1 for a sure model, V for a uniform one")


def _unigram(counts_from, test_ids, V, smooth=1.0, denominator=None):
    counts = np.bincount(counts_from, minlength=V) + smooth
    total = counts.sum() if denominator is None else denominator
    with np.errstate(divide="ignore"):
        return float(np.exp(-np.mean(np.log(counts[test_ids] / total))))


def check_unigram_perplexity(unigram_perplexity):
    """Exercise 8.2: add-one unigram model fitted on train, perplexity on test."""
    ex = "8.2"
    V = 6
    train = np.array([0, 0, 0, 1, 1, 2, 3, 0, 1, 0, 2, 0, 1, 0, 4, 0])  # id 5 never seen
    test = np.array([0, 1, 5, 2, 0, 0, 3, 1, 4, 0])
    expected = _unigram(train, test, V)
    got = as_number(
        ex, "unigram_perplexity", call(ex, unigram_perplexity, train.copy(), test.copy(), V)
    )
    if not np.isfinite(got):
        raise mistake(
            ex,
            f"unigram_perplexity = {got}",
            "a symbol that never occurs in the training stream got probability 0; add one "
            "to every count (add-one smoothing)",
        )
    mistakes = [
        (
            float(V),
            "you got V: the model ignores the counts (a uniform guess); use the "
            "frequencies of the training stream",
        ),
        (
            _unigram(test, test, V),
            "the counts come from the TEST stream: a baseline may only "
            "learn from the training stream",
        ),
        (
            _unigram(train, test, V, denominator=train.size),
            "the probabilities do not sum to 1: "
            "after adding one to each of the V counts, divide by len(train) + V",
        ),
        (
            _unigram(train, test, V, smooth=0.0, denominator=train.size + V),
            "add one to every count, not only to the denominator",
        ),
        (
            2 ** np.log(expected),
            "log base mixed up: 2 ** must go with log2, exp with the natural log",
        ),
        (
            np.exp(np.log(expected) * test.size),
            "the exponent is the sum over the test stream; use the mean",
        ),
    ]
    diagnose(ex, "unigram_perplexity", got, expected, mistakes, _formula(expected), atol=1e-9)
    passed(ex, "the add-one unigram baseline, fitted on train, scored on test")


def _stream_loss_variants(model, ids, batch_size, T):
    """The right stream loss and the values of four typical mistakes."""
    L = ids.size // batch_size

    def run(rows, reset_each, shift=True, weighted=True):
        model.reset_state()
        losses, sizes = [], []
        xs_all, ts_all = (rows[:, :-1], rows[:, 1:]) if shift else (rows, rows)
        for t in range(0, xs_all.shape[1], T):
            if reset_each:
                model.reset_state()
            xs, ts = xs_all[:, t : t + T], ts_all[:, t : t + T]
            losses.append(model.forward(xs, ts))
            sizes.append(ts.size)
        model.reset_state()
        return float(np.average(losses, weights=sizes if weighted else None))

    rows = ids[: batch_size * L].reshape(batch_size, L)
    interleaved = ids[: batch_size * L].reshape(L, batch_size).T
    right = run(rows, reset_each=False)
    mistakes = [
        (
            run(rows, reset_each=True),
            "the state is not carried from chunk to chunk: reset it "
            "once before the first chunk, never inside the loop",
        ),
        (
            run(interleaved, reset_each=False),
            "the rows are interleaved (ids.reshape(L, N).T): "
            "each row must be one consecutive piece of the stream, ids[:N*L].reshape(N, L), so "
            "that a chunk continues where the previous one stopped",
        ),
        (
            run(rows, reset_each=False, shift=False),
            "the targets must be the NEXT symbols: inputs rows[:, :-1], targets rows[:, 1:]",
        ),
        (
            run(rows, reset_each=False, weighted=False),
            "the last chunk is shorter: weight each "
            "chunk's mean loss by its number of targets (or sum the losses times sizes and "
            "divide by the total)",
        ),
        (
            float(np.exp(right)),
            "return the mean cross-entropy, not its exponential (the perplexity)",
        ),
    ]
    return right, mistakes


def check_stream_loss(stream_loss):
    """Exercise 8.3: mean cross-entropy of a stream, the state handed from chunk to chunk."""
    ex = "8.3"
    rng = np.random.default_rng(8)
    V, batch_size, T = 5, 3, 4
    model = LanguageModel(V, 3, 4, rng)
    ids = rng.integers(0, V, 3 * 14 + 2)  # rows of 14: 13 targets, last chunk of 1
    expected, mistakes = _stream_loss_variants(model, ids, batch_size, T)
    got = as_number(ex, "stream_loss", call(ex, stream_loss, model, ids.copy(), batch_size, T))
    diagnose(ex, "stream_loss", got, expected, mistakes, _formula(expected), atol=1e-9)
    model.reset_state()
    model.predict(np.zeros((batch_size, 2), dtype=np.int64))  # leave a state behind
    again = as_number(ex, "stream_loss", call(ex, stream_loss, model, ids.copy(), batch_size, T))
    if not np.isclose(again, expected, rtol=1e-5, atol=1e-9):
        raise mistake(
            ex,
            "stream_loss",
            "with a state left over from earlier the result changes: reset the state once "
            "at the start of the stream (model.reset_state())",
        )
    passed(ex, "the state is handed from chunk to chunk; every target counts once")
