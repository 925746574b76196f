"""Every training loop of the book, evaluation and sampling (notebooks 06, 08, 09, 10).

    fit            minibatches of N independent examples (the regressor of 06, the odyssey of 09)
    train_tbptt    one long stream by stateful truncated backpropagation through time (08, 10)
    evaluate       the mean cross-entropy on a stream, dropout off
    evaluating     the one switch that turns dropout off, for a with block
    sample         generate symbols from a language model
    History        what a run records; every loop returns one

Truncated BPTT cuts the stream into N parallel rows (batchify) and each row into chunks of T
steps (chunks). The forward pass hands the state from the end of one chunk to the start of
the next, so the model sees the whole stream; the backward pass stops at the chunk border,
so its cost does not grow with the length of the stream.
"""

import copy
from contextlib import contextmanager
from dataclasses import dataclass, field

import numpy as np

from .optim import clip_grads
from .validation import (
    check_callable,
    check_clip_norm,
    check_ids,
    check_integer,
    check_interface,
    check_number,
    check_rng,
)

#: the largest mean loss (nats) whose perplexity exp(loss) is a finite float64
MAX_LOG_PERPLEXITY = float(np.log(np.finfo(np.float64).max))
#: what fit and train_tbptt need of a model and an optimizer
MODEL = ("params", "grads", "forward", "backward")
OPTIMIZER = ("update",)
#: what evaluate, train_tbptt and sample need of a language model
LANGUAGE_MODEL = (*MODEL, "reset_state", "vocab_size")


def _no_epochs():
    return np.empty(0)


@dataclass
class History:
    """What a training run records (fit and train_tbptt).

    loss            (updates,) the mean loss of each update's minibatch or chunk
    grad_norm       (updates,) the global gradient norm of each update, before clipping
    perplexity      (epochs,) train_tbptt: the training perplexity of each epoch
                    (empty for fit, which counts updates, not epochs)
    val_perplexity  (epochs,) train_tbptt with val_ids: the validation perplexity after
                    each epoch (otherwise empty)
    """

    loss: np.ndarray
    grad_norm: np.ndarray
    perplexity: np.ndarray = field(default_factory=_no_epochs)
    val_perplexity: np.ndarray = field(default_factory=_no_epochs)


def _check_training(model, optimizer, clip_norm, attributes=MODEL):
    """The checks every training loop starts with."""
    check_interface(
        "model", model, attributes, "a model of the book (" + ", ".join(attributes) + ")"
    )
    check_interface("optimizer", optimizer, OPTIMIZER, "an optimizer such as SGD or Adam")
    check_clip_norm(clip_norm)


def _diverged(where, what, value, optimizer, clip_norm):
    """The error of a run whose loss or gradient norm is no longer a finite number."""
    if where.startswith(("update 1 of", "epoch 1, update 1 of")):
        data = "xs and ts" if where.startswith("update") else "ids"
        return ValueError(
            f"the {what} is {value} at {where}, before any update: check the data ({data}) "
            "for NaN, inf or huge values, and the initial weights"
        )
    lr = getattr(optimizer, "lr", "?")
    return ValueError(
        f"training diverged at {where}: the {what} is {value}. Lower the learning rate "
        f"(lr={lr}) or clip the gradients (clip_norm={clip_norm}; e.g. clip_norm=1.0)"
    )


def update_step(model, optimizer, loss, clip_norm, where):
    """One update after model.forward() gave loss: model.backward(), clip the gradients to
    the global norm clip_norm (None: no clipping), optimizer.update(model.params, model.grads).

    Returns the global gradient norm before clipping. A loss or gradient norm that is NaN or
    infinite (a diverged run) raises ValueError naming where (e.g. "update 3 of 10") and
    the value, before the parameters are touched.
    """
    if not np.isfinite(loss):
        raise _diverged(where, "loss", loss, optimizer, clip_norm)
    model.backward()
    if clip_norm is None:
        norm = float(np.sqrt(sum(float(np.sum(g * g)) for g in model.grads)))
    elif all(np.isfinite(g).all() for g in model.grads):
        norm = clip_grads(model.grads, clip_norm)
    else:
        norm = float("nan")
    if not np.isfinite(norm):
        raise _diverged(where, "gradient norm", norm, optimizer, clip_norm)
    optimizer.update(model.params, model.grads)
    return norm


def fit(model, optimizer, xs, ts, steps, batch_size, rng, clip_norm=None):
    """Train model for steps minibatch updates; return a History (loss and grad_norm).

    Inputs: xs and ts, the training set, N examples each along the first axis (xs (N, T, D)
    and ts (N, K) for a SequenceRegressor, ids (N, T) and their targets for the symbol model
    of notebook 09); every step draws batch_size of the N examples at random with rng, runs
    model.forward(xs, ts) and model.backward(), clips the gradients to the global norm
    clip_norm (None: no clipping) and calls optimizer.update(model.params, model.grads).
    A loss or gradient norm that is no longer finite stops the run with a ValueError that
    says at which step.
    """
    _check_training(model, optimizer, clip_norm)
    check_rng(rng)
    xs, ts = np.asarray(xs), np.asarray(ts)
    if xs.ndim < 2:
        raise ValueError(f"xs must have shape (N, ...) with one example per row, got {xs.shape}")
    N = xs.shape[0]
    if ts.ndim < 1 or ts.shape[0] != N:
        raise ValueError(f"ts must have shape (N={N}, ...), one target per example, got {ts.shape}")
    check_integer("steps", steps, minimum=1)
    check_integer("batch_size", batch_size, minimum=1)
    if batch_size > N:
        raise ValueError(f"batch_size must be at most N={N}, got {batch_size}")
    losses, norms = np.empty(steps), np.empty(steps)
    for step in range(steps):
        batch = rng.choice(N, size=batch_size, replace=False)
        losses[step] = model.forward(xs[batch], ts[batch])
        where = f"update {step + 1} of {steps}"
        norms[step] = update_step(model, optimizer, losses[step], clip_norm, where)
    return History(losses, norms)


def batchify(ids, batch_size):
    """Cut the stream ids (L,) into batch_size rows of consecutive ids: (N, L // N).

    Row n is ids[n L' : (n + 1) L'] with L' = L // N (the last L - N L' ids are dropped),
    so the rows can be read side by side, each continuing where its previous chunk stopped.
    """
    ids = check_ids("ids", ids, axes=("L",))
    check_integer("batch_size", batch_size, minimum=1)
    length = ids.size // batch_size
    if length < 2:
        raise ValueError(
            f"a stream of {ids.size} ids is too short for batch_size={batch_size}: "
            "each row needs at least 2 ids (an input and its target)"
        )
    return ids[: batch_size * length].reshape(batch_size, length)


def chunks(rows, chunk_len):
    """Yield (xs, ts) pairs of shape (N, <= T): inputs and next-symbol targets, in order.

    rows (N, L) from batchify; the inputs are rows[:, :-1] and the targets rows[:, 1:],
    cut along time into chunks of chunk_len steps (the last may be shorter).
    """
    check_integer("chunk_len", chunk_len, minimum=1)
    rows = check_ids("rows", rows, axes=("N", "L"))
    inputs, targets = rows[:, :-1], rows[:, 1:]
    for t in range(0, inputs.shape[1], chunk_len):
        yield inputs[:, t : t + chunk_len], targets[:, t : t + chunk_len]


@contextmanager
def evaluating(model):
    """Within the block, a model with dropout computes without it; elsewhere nothing changes.

    The one mechanism by which the book switches dropout off: every model's forward and
    predict take no train flag, and a model with dropout (lstm_lib.models) has a boolean
    attribute training.
    evaluating sets it to False and restores the old value when the block ends, also when
    the block raises. A model without the attribute is left alone.
    """
    if not hasattr(model, "training"):
        yield model
        return
    before = model.training
    model.training = False
    try:
        yield model
    finally:
        model.training = before


def _stream(model, name, ids, batch_name, batch_size, chunk_len):
    """Check a language model and its stream ids (L,) (named name) with the batch size
    (named batch_name) and chunk_len; return the rows of batchify."""
    check_interface("model", model, LANGUAGE_MODEL, "a language model")
    ids = check_ids(name, ids, model.vocab_size, ("L",))
    batch_size = check_integer(batch_name, batch_size, minimum=1)
    check_integer("chunk_len", chunk_len, minimum=1)
    if ids.size // batch_size < 2:
        raise ValueError(
            f"{name} holds {ids.size} ids, too few for {batch_name}={batch_size}: each of the "
            f"{batch_size} rows needs at least 2 ids (an input and its target)"
        )
    return batchify(ids, batch_size)


def evaluate(model, ids, batch_size=1, chunk_len=100):
    """Mean cross-entropy (nats) of the model on the stream ids (L,), the state carried.

    The state is reset once at the start, then carried through all chunks; every target
    counts once. The perplexity is np.exp of the result. Dropout, if the model has any, is
    off (evaluating); the state is reset at the end too.
    """
    rows = _stream(model, "ids", ids, "batch_size", batch_size, chunk_len)
    model.reset_state()
    total = count = 0
    with evaluating(model):
        for xs, ts in chunks(rows, chunk_len):
            total += model.forward(xs, ts) * ts.size
            count += ts.size
    model.reset_state()
    return total / count


def train_tbptt(model, optimizer, ids, batch_size, chunk_len, epochs, clip_norm=1.0,
                val_ids=None, val_batch_size=1, progress=None):  # fmt: skip
    """Train model on the stream ids (L,) by stateful truncated BPTT; return a History.

    Each epoch: reset the state, cut the stream into batch_size rows (batchify) and walk
    through them in chunks of chunk_len steps (chunks): forward, backward (the gradient
    stops at the chunk border), clip the gradients to the global norm clip_norm (None: no
    clipping), optimizer.update. The state is carried from chunk to chunk. Every model of
    notebooks 08 and 10 is trained by this one loop.

    The History holds loss and grad_norm of every update, the training perplexity of each
    epoch (with dropout, if the model has any) and, when val_ids is given, the validation
    perplexity after each epoch (evaluate with val_batch_size rows, no dropout); see
    History. progress, if given, is called after every update as
    progress(update, updates, loss): the update's number in the epoch (from 1), the number
    of updates per epoch and its loss. Everything is checked before the first update; a
    loss or gradient norm that is no longer finite stops the run with a ValueError that says
    at which epoch and update.
    """
    _check_training(model, optimizer, clip_norm, LANGUAGE_MODEL)
    rows = _stream(model, "ids", ids, "batch_size", batch_size, chunk_len)
    check_integer("epochs", epochs, minimum=1)
    if val_ids is not None:
        _stream(model, "val_ids", val_ids, "val_batch_size", val_batch_size, 100)
    if progress is not None:
        check_callable("progress", progress)
    updates = -(-(rows.shape[1] - 1) // chunk_len)
    losses, norms, perplexity, val_perplexity = [], [], [], []
    for epoch in range(1, epochs + 1):
        model.reset_state()
        total = count = 0
        for k, (xs, ts) in enumerate(chunks(rows, chunk_len), start=1):
            losses.append(model.forward(xs, ts))
            where = f"epoch {epoch}, update {k} of {updates}"
            norms.append(update_step(model, optimizer, losses[-1], clip_norm, where))
            total += losses[-1] * ts.size
            count += ts.size
            if progress is not None:
                progress(k, updates, losses[-1])
        if not total / count < MAX_LOG_PERPLEXITY:  # also NaN
            where = f"the end of epoch {epoch}"
            what = f"mean loss ({total / count:.3g} nats; the perplexity overflows)"
            raise _diverged(where, what, total / count, optimizer, clip_norm)
        perplexity.append(np.exp(total / count))
        if val_ids is not None:
            val_perplexity.append(np.exp(evaluate(model, val_ids, val_batch_size)))
    model.reset_state()
    arrays = (np.array(a, dtype=np.float64) for a in (losses, norms, perplexity, val_perplexity))
    return History(*arrays)


def sample(model, start, length, rng, temperature=1.0):
    """Generate length ids after the ids start (L,), L >= 1; returns an int64 array (length,).

    A copy of the model (a LanguageModel) reads start from a zero state without dropout,
    then repeatedly draws the next symbol from softmax(s / temperature) with rng and feeds
    it back, its layers made stateful. The
    model itself is left as it was: its carried state, the caches of a backward still to
    come, its training switch and its dropout masks' rng. Temperature below 1 sharpens the
    distribution, above 1 flattens it; a temperature so small that only the best-scored
    symbol keeps any probability gives greedy decoding (the softmax is computed from
    s - max(s), so no temperature above zero overflows). temperature must be finite.
    """
    check_interface("model", model, ("stack", *LANGUAGE_MODEL), "a LanguageModel")
    check_rng(rng)
    start = check_ids("start", start, model.vocab_size, ("L",))
    if start.size == 0:
        raise ValueError("start must hold at least one id, got an empty array")
    length = check_integer("length", length)
    temperature = check_number("temperature", temperature, positive=True)
    twin = copy.deepcopy(model)
    for layer in twin.stack.layers:  # one id per call: the copy must carry its state
        layer.stateful = True
    twin.reset_state()
    out = np.empty(length, dtype=np.int64)
    with evaluating(twin):
        scores = twin.predict(start[None])[0, -1]
        for k in range(length):
            with np.errstate(over="ignore"):  # a tiny temperature: -inf, probability 0
                p = np.exp((scores - scores.max()) / temperature)  # in [0, 1], never inf
            out[k] = rng.choice(model.vocab_size, p=p / p.sum())
            scores = twin.predict(out[None, k : k + 1])[0, -1]
    return out
