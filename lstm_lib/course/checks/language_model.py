"""Checkers of notebook 08 (capstone: a character-level language model).

* Exercise 8.1, ``perplexity(probs)``: exp of the mean negative log-probability.
* Exercise 8.2, ``unigram_perplexity(train_ids, test_ids, V)``: the add-one unigram baseline.
* Exercise 8.3, ``stream_loss(model, ids, batch_size, T)``: the mean cross-entropy of a
  stream read in chunks, the state handed from chunk to chunk.

Every case is drawn afresh at each call, so a number copied from an earlier run does not
pass. Exercise 8.3 is checked with ``StreamModel``, a small recurrent model with the
book's model interface (``forward(xs, ts)`` returns the mean loss and keeps the state), so
the check does not depend on a trained ``lstm_lib.LanguageModel``.
"""

import copy

import numpy as np

from ._core import Case, Exercise, Mistake, run
from ._stand_ins import StreamModel

__all__ = ["StreamModel", "check_perplexity", "check_stream_loss", "check_unigram_perplexity"]


def _ppl(probs, log=np.log, back=np.exp, reduce=np.mean):
    return float(back(-reduce(log(probs))))


PERPLEXITY_MISTAKES = (
    Mistake(
        "the exponent is the SUM of -log p; use the mean (one symbol's share), otherwise "
        "the value grows with the length of the text.",
        lambda p: _ppl(p, reduce=np.sum),
    ),
    Mistake(
        "the sign is off: perplexity is exp(-mean log p), at least 1 (this is its reciprocal).",
        lambda p: float(np.exp(np.mean(np.log(p)))),
    ),
    Mistake(
        "that is the cross-entropy, mean(-log p); the perplexity is its exponential.",
        lambda p: float(-np.mean(np.log(p))),
    ),
    Mistake(
        "log base mixed up: exp must undo the natural log, not log2.",
        lambda p: _ppl(p, log=np.log2),
    ),
    Mistake(
        "log base mixed up: 2 ** goes with log2, not with the natural log.",
        lambda p: _ppl(p, back=lambda v: 2.0**v),
    ),
    Mistake(
        "log base mixed up: exp must undo the natural log, not log10.",
        lambda p: _ppl(p, log=np.log10),
    ),
    Mistake(
        "that is 1 / (arithmetic mean of p); perplexity averages the LOG-probabilities.",
        lambda p: float(1 / np.mean(p)),
    ),
    Mistake(
        "that is the arithmetic mean of 1/p; perplexity is their geometric mean, exp(-mean log p).",
        lambda p: float(np.mean(1 / p)),
    ),
)


def _perplexity_cases(rng):
    V = int(rng.integers(5, 30))
    cases = [
        Case(
            "for probs = [0.5, 0.25, 0.8, 0.1, 0.6, 0.3]",
            (np.array([0.5, 0.25, 0.8, 0.1, 0.6, 0.3]),),
        ),
        Case("for random probs", (rng.uniform(0.02, 1.0, int(rng.integers(5, 40))),)),
        Case(
            "for a model always sure and right (every p = 1)", (np.ones(int(rng.integers(3, 9))),)
        ),
        Case(f"for a uniform guess over {V} symbols", (np.full(int(rng.integers(3, 9)), 1 / V),)),
    ]
    return cases


PERPLEXITY = Exercise(
    label="8.1",
    function="perplexity",
    outputs=("perplexity(probs)",),
    reference=_ppl,
    cases=_perplexity_cases,
    mistakes=PERPLEXITY_MISTAKES,
    hint="Average the negative natural log-probabilities, then undo the logarithm.",
    success="perplexity = exp(mean cross-entropy); 1 for a sure model, V for a uniform one",
    kind="number",
)


def check_perplexity(perplexity, seed=None):
    """Exercise 8.1: ``perplexity(probs)`` = exp of the mean negative log-probability."""
    run(PERPLEXITY, perplexity, seed)


# --------------------------------------------------------------------------- Exercise 8.2


def _unigram(
    source="train",
    smooth=1.0,
    extra=None,
    minlength=True,
    score="test",
    back=np.exp,
    reduce=np.mean,
):
    """unigram_perplexity, right or with one typical mistake."""

    def unigram_perplexity(train_ids, test_ids, V):
        counts_from = train_ids if source == "train" else test_ids
        counts = np.bincount(counts_from, minlength=V if minlength else 0) + smooth
        total = counts.sum() if extra is None else len(counts_from) + extra * V
        scored = test_ids if score == "test" else train_ids
        return float(back(-reduce(np.log(counts[scored] / total))))

    return unigram_perplexity


UNIGRAM_MISTAKES = (
    Mistake(
        "that is V, a uniform guess: use the frequencies of the training stream.",
        lambda tr, te, V: float(V),
    ),
    Mistake(
        "the counts come from the TEST stream; a baseline may only learn from the training stream.",
        _unigram(source="test"),
    ),
    Mistake(
        "it is scored on the training stream; the perplexity is measured on test_ids.",
        _unigram(score="train"),
    ),
    Mistake(
        "without smoothing a symbol never seen in training gets probability 0 (an infinite "
        "perplexity): add one to every count.",
        _unigram(smooth=0.0),
    ),
    Mistake(
        "the probabilities do not sum to 1: after adding one to each of the V counts, divide "
        "by len(train_ids) + V.",
        _unigram(extra=0),
    ),
    Mistake(
        "add one to every count, not only V to the denominator.", _unigram(smooth=0.0, extra=1)
    ),
    Mistake(
        "np.bincount without minlength=V stops at the largest id seen in training: a symbol "
        "above it has no count (and no +1). Use np.bincount(train_ids, minlength=V).",
        _unigram(minlength=False),
    ),
    Mistake(
        "log base mixed up: 2 ** must go with log2, exp with the natural log.",
        _unigram(back=lambda v: 2.0**v),
    ),
    Mistake("the exponent is the sum over the test stream; use the mean.", _unigram(reduce=np.sum)),
)


def _unigram_cases(rng):
    cases = []
    for label in (
        "for a training stream that misses the last symbol",
        "for a training stream that misses a middle symbol",
        "for a training stream that holds every symbol",
    ):
        V = int(rng.integers(5, 10))
        seen = np.arange(V - 1) if "last" in label else np.delete(np.arange(V), V // 2)
        if "every" in label:
            seen = np.arange(V)
        train = np.concatenate([seen, rng.choice(seen, int(rng.integers(15, 40)))])
        test = np.concatenate([rng.integers(0, V, int(rng.integers(8, 20))), [V - 1, V // 2]])
        cases.append(Case(f"{label} (V = {V})", (rng.permutation(train), test, V)))
    return cases


UNIGRAM_PERPLEXITY = Exercise(
    label="8.2",
    function="unigram_perplexity",
    outputs=("unigram_perplexity(train_ids, test_ids, V)",),
    reference=_unigram(),
    cases=_unigram_cases,
    mistakes=UNIGRAM_MISTAKES,
    hint="Count every symbol of the vocabulary in the training stream, seen or not, with "
    "add-one smoothing; normalise; score the test stream as in Exercise 8.1.",
    success="the add-one unigram baseline, fitted on train, scored on test",
    kind="number",
)


def check_unigram_perplexity(unigram_perplexity, seed=None):
    """Exercise 8.2: add-one unigram model fitted on train, perplexity on test."""
    run(UNIGRAM_PERPLEXITY, unigram_perplexity, seed)


# --------------------------------------------------------------------------- Exercise 8.3


def _stream(
    reset="start", rows="rows", shift=True, weighted=True, partial=True, reduce="mean", back=None
):
    """stream_loss, right or with one typical mistake."""

    def stream_loss(model, ids, batch_size, T):
        L = len(ids) // batch_size
        cut = ids[: batch_size * L]
        grid = cut.reshape(batch_size, L) if rows == "rows" else cut.reshape(L, batch_size).T
        xs, ts = (grid[:, :-1], grid[:, 1:]) if shift else (grid, grid)
        if reset != "never":
            model.reset_state()
        stop = xs.shape[1] if partial else xs.shape[1] - xs.shape[1] % T
        losses, sizes = [], []
        for t in range(0, stop, T):
            if reset == "every chunk":
                model.reset_state()
            losses.append(model.forward(xs[:, t : t + T], ts[:, t : t + T]))
            sizes.append(ts[:, t : t + T].size)
        if reduce == "sum":
            return float(np.sum(losses))
        value = float(np.average(losses, weights=sizes if weighted else None))
        return back(value) if back else value

    return stream_loss


STREAM_MISTAKES = (
    Mistake(
        "the state is not carried from chunk to chunk: reset it once before the first chunk, "
        "never inside the loop.",
        _stream(reset="every chunk"),
    ),
    Mistake(
        "the state left from earlier work is used: reset it once at the start of the stream "
        "(model.reset_state()).",
        _stream(reset="never"),
    ),
    Mistake(
        "the rows are interleaved (ids.reshape(L, N).T); each row must be one consecutive "
        "piece of the stream, ids[:N*L].reshape(N, L).",
        _stream(rows="interleaved"),
    ),
    Mistake(
        "the targets must be the NEXT symbols: inputs rows[:, :-1], targets rows[:, 1:].",
        _stream(shift=False),
    ),
    Mistake(
        "the last chunk is shorter but counts like a full one: weight each chunk's mean loss "
        "by its number of targets.",
        _stream(weighted=False),
    ),
    Mistake(
        "the last, shorter chunk is left out: every target must count once.", _stream(partial=False)
    ),
    Mistake(
        "the chunk losses are summed; return the mean over all targets.", _stream(reduce="sum")
    ),
    Mistake(
        "that is the perplexity exp(loss); return the mean cross-entropy itself.",
        _stream(back=np.exp),
    ),
)


def _hold_a_state_that_shows(model, ids, N, T, rng):
    """Leave model a state from earlier work that changes the loss by ten times the tolerance.

    A held state fades along the first chunk; one that faded below the tolerance would let
    an answer that never resets the state pass, so states are drawn until it shows.
    """
    V = model.E.shape[0]
    for _ in range(100):
        model.predict(rng.integers(0, V, (N, 3)))
        right = _stream()(copy.deepcopy(model), ids, N, T)
        kept = _stream(reset="never")(copy.deepcopy(model), ids, N, T)
        if abs(kept - right) > 1e-3 * abs(right):  # ten times the tolerance
            return
    raise RuntimeError("no held state changed the loss: the stand-in model is broken")


def _stream_cases(rng):
    cases = []
    for label in (
        "for a fresh model",
        "for a model holding a state from earlier work",
        "for another stream",
    ):
        V, N, T = int(rng.integers(4, 8)), int(rng.integers(2, 5)), int(rng.integers(3, 6))
        L = T * int(rng.integers(2, 4)) + 1 + int(rng.integers(1, T))  # a shorter last chunk
        model = StreamModel(V, rng)
        ids = rng.integers(0, V, N * L + int(rng.integers(0, N)))
        if "holding" in label:
            _hold_a_state_that_shows(model, ids, N, T, rng)
        cases.append(Case(f"{label} (V = {V}, batch_size = {N}, T = {T})", (model, ids, N, T)))
    return cases


STREAM_LOSS = Exercise(
    label="8.3",
    function="stream_loss",
    outputs=("stream_loss(model, ids, batch_size, T)",),
    reference=_stream(),
    cases=_stream_cases,
    mistakes=STREAM_MISTAKES,
    hint="Reset the state once, cut the stream into batch_size consecutive rows, predict each "
    "next symbol chunk by chunk, and give every target the same weight.",
    success="the state is handed from chunk to chunk; every target counts once",
    kind="number",
)


def check_stream_loss(stream_loss, seed=None):
    """Exercise 8.3: mean cross-entropy of a stream, the state handed from chunk to chunk."""
    run(STREAM_LOSS, stream_loss, seed)
