"""Notebook 08's checkers: typical wrong answers, each named, and right answers accepted.

The data below is run by tests/test_checks_catalogue.py (see tests/test_checks_rnn.py).
"""

from lstm_lib.course.checks import language_model

CHECKERS = {
    "8.1": language_model.check_perplexity,
    "8.2": language_model.check_unigram_perplexity,
    "8.3": language_model.check_stream_loss,
}


def _uni(
    counts="np.bincount(tr, minlength=V) + 1",
    total="len(tr) + V",
    scored="te",
    back="np.exp",
    mean="np.mean",
):
    """A student's unigram_perplexity with one expression changed."""
    return f"""def unigram_perplexity(tr, te, V):
    counts = {counts}
    p = counts / ({total})
    return float({back}(-{mean}(np.log(p[{scored}]))))"""


def _stream(
    rows="ids[: N * L].reshape(N, L)",
    xs="rows[:, :-1]",
    ts="rows[:, 1:]",
    reset="",
    start="model.reset_state()",
    stop="xs.shape[1]",
    result="total / ts.size",
):
    """A student's stream_loss with one expression changed."""
    return f"""def stream_loss(model, ids, N, T):
    L = len(ids) // N
    rows = {rows}
    xs, ts = {xs}, {ts}
    {start}
    total, losses = 0.0, []
    for t in range(0, {stop}, T):
        {reset}
        chunk = ts[:, t : t + T]
        loss = model.forward(xs[:, t : t + T], chunk)
        losses.append(loss)
        total += loss * chunk.size
    return {result}"""


RIGHT = {
    "8.1": [
        "lambda p: float(np.exp(-np.mean(np.log(p))))",
        "lambda p: float(np.prod(np.asarray(p, dtype=float) ** (-1 / len(p))))",
    ],
    "8.2": [
        _uni(),
        """def unigram_perplexity(train_ids, test_ids, V):
    counts = np.ones(V)
    np.add.at(counts, train_ids, 1)
    log_p = np.log(counts) - np.log(counts.sum())
    return float(np.exp(-log_p[test_ids].mean()))""",
    ],
    "8.3": [
        _stream(),
        """def stream_loss(model, ids, batch_size, T):
    L = len(ids) // batch_size
    rows = np.stack([ids[k * L : (k + 1) * L] for k in range(batch_size)])
    model.reset_state()
    losses, sizes = [], []
    for t in range(0, L - 1, T):
        targets = rows[:, t + 1 : t + T + 1]
        losses.append(model.forward(rows[:, t : t + targets.shape[1]], targets))
        sizes.append(targets.size)
    return float(np.dot(losses, sizes) / np.sum(sizes))""",
    ],
}

WRONG = {
    "8.1": [
        ("lambda p: np.exp(-np.sum(np.log(p)))", "the SUM of -log p"),
        ("lambda p: np.exp(np.mean(np.log(p)))", "the sign is off"),
        ("lambda p: -np.mean(np.log(p))", "that is the cross-entropy"),
        ("lambda p: np.exp(-np.mean(np.log2(p)))", "not log2"),
        ("lambda p: 2 ** (-np.mean(np.log(p)))", "2 ** goes with log2"),
        ("lambda p: np.exp(-np.mean(np.log10(p)))", "not log10"),
        ("lambda p: 1 / np.mean(p)", "1 / (arithmetic mean of p)"),
        ("lambda p: np.mean(1 / p)", "the arithmetic mean of 1/p"),
    ],
    "8.2": [
        ("lambda tr, te, V: float(V)", "a uniform guess"),
        (
            _uni(counts="np.bincount(te, minlength=V) + 1", total="len(te) + V"),
            "from the TEST stream",
        ),
        (_uni(scored="tr"), "scored on the training stream"),
        (_uni(counts="np.bincount(tr, minlength=V)", total="len(tr)"), "without smoothing"),
        (_uni(total="len(tr)"), "do not sum to 1"),
        (_uni(counts="np.bincount(tr, minlength=V)"), "not only V to the denominator"),
        (_uni(counts="np.bincount(tr) + 1", total="len(tr) + len(counts)"), "without minlength"),
        (_uni(back="2 **"), "2 ** must go with log2"),
        (_uni(mean="np.sum"), "the sum over the test stream"),
    ],
    "8.3": [
        (_stream(reset="model.reset_state()"), "not carried from chunk to chunk"),
        (_stream(start=""), "the state left from earlier work"),
        (_stream(rows="ids[: N * L].reshape(L, N).T"), "interleaved"),
        (_stream(xs="rows", ts="rows"), "the NEXT symbols"),
        (_stream(result="float(np.mean(losses))"), "counts like a full one"),
        (
            _stream(
                stop="xs.shape[1] - xs.shape[1] % T", result="total / (ts.size - ts.size % (T * N))"
            ),
            "the last, shorter chunk is left out",
        ),
        (_stream(result="float(np.sum(losses))"), "the chunk losses are summed"),
        (_stream(result="float(np.exp(total / ts.size))"), "that is the perplexity"),
    ],
}
