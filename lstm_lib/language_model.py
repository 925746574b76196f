"""A character-level LSTM language model and its training by truncated BPTT (notebook 08).

The model reads a stream of symbol ids and, at every step t, gives a probability to each
of the V symbols that may come next:

    x_t = E[id_t]     (h_t, c_t) = LSTM(x_t, h_(t-1), c_(t-1))     s_t = h_t W + b_out
    p_t = softmax(s_t)

with the embedding E (V, D), fused LSTM weights Wx (D, 4H), Wh (H, 4H), b (4H,) (blocks
f, g, i, o) and the output affine transform W (H, V), b_out (V,). The loss is the mean
cross-entropy L = -mean of log p_t[id_(t+1)]; its exponential is the perplexity.

Training uses stateful truncated backpropagation through time: the stream is cut into N
parallel rows (batchify) and each row into chunks of T steps (chunks). The forward pass
hands h and c from the end of one chunk to the start of the next, so the model sees the
whole stream; the backward pass stops at the chunk border (the gradient of the carried
state is dropped), so its cost does not grow with the length of the stream.
"""

from contextlib import contextmanager

import numpy as np

from .fast_lstm import FastTimeLSTM
from .layers import Embedding, SoftmaxCrossEntropy, TimeAffine
from .lstm import LSTM
from .train import History, apply_gradients
from .validation import check_clip_norm, check_ids, check_integer, check_number, check_rng
from .weights import init_lstm_params


class LanguageModel:
    """Embedding -> FastTimeLSTM (stateful) -> TimeAffine -> SoftmaxCrossEntropy.

    Inputs: V symbols, embedding size D, hidden size H, rng; weights drawn from rng
    (embedding entries from N(0, 1), LSTM weights from init_lstm_params with forget_bias,
    output weights from N(0, 1/H), biases zero). params and grads list the arrays in the
    order of param_names: E (V, D), Wx (D, 4H), Wh (H, 4H), b (4H,), W (H, V), b_out (V,).

    predict(xs): ids xs (N, T) -> scores (N, T, V).
    forward(xs, ts): ids xs (N, T) and their next symbols ts (N, T) -> mean cross-entropy.
    backward(dout=1.0) -> None; fills grads for the last forward's chunk.
    reset_state(): the LSTM is stateful: h and c at the end of one call are the initial
    state of the next until reset_state().
    """

    param_names = ("E", "Wx", "Wh", "b", "W", "b_out")

    def __init__(self, V, D, H, rng, forget_bias=1.0, dtype=np.float64):
        check_rng(rng)
        for name, value in (("V", V), ("D", D), ("H", H)):
            check_integer(name, value, minimum=1)
        self.vocab_size, self.hidden_size = V, H
        E = rng.standard_normal((V, D)).astype(dtype)
        Wx, Wh, b = init_lstm_params(D, H, rng, forget_bias=forget_bias, dtype=dtype)
        W = (rng.standard_normal((H, V)) / np.sqrt(H)).astype(dtype)
        self.embed = Embedding(E)
        self.lstm = FastTimeLSTM(Wx, Wh, b, stateful=True)
        self.affine = TimeAffine(W, np.zeros(V, dtype=dtype))
        self.loss_layer = SoftmaxCrossEntropy()
        layers = (self.embed, self.lstm, self.affine)
        self.params = [p for layer in layers for p in layer.params]
        self.grads = [g for layer in layers for g in layer.grads]

    def predict(self, xs):
        """xs (N, T) ids in [0, V) -> scores (N, T, V), carrying the LSTM state."""
        xs = check_ids("xs", xs, self.vocab_size, ("N", "T"))
        return self.affine.forward(self.lstm.forward(self.embed.forward(xs)))

    def forward(self, xs, ts):
        """xs (N, T) ids, ts (N, T) the next symbols -> mean cross-entropy (a float)."""
        return self.loss_layer.forward(self.predict(xs), ts)

    def backward(self, dout=1.0):
        """Backpropagate dout * the last forward's loss through the chunk; fills grads.

        The gradient stops at the start of the chunk: self.lstm.dh and self.lstm.dc (of the
        carried-in state) are not sent further back. That is the cut of truncated BPTT.
        """
        dscores = self.loss_layer.backward(dout)
        self.embed.backward(self.lstm.backward(self.affine.backward(dscores)))

    def reset_state(self):
        """Forget the carried h and c: the next forward starts from zero."""
        self.lstm.reset_state()

    def states(self, ids):
        """Read one stream ids (L,) from a zero state; return hs (L, H) and cs (L, H).

        A loop of its own LSTM step with the model's weights, for looking inside the model:
        it touches neither the carried state nor the caches of a forward waiting for its
        backward.
        """
        ids = check_ids("ids", ids, self.vocab_size, ("L",))
        step = LSTM(*self.lstm.params)
        xs = self.embed.params[0][ids]  # (L, D)
        h = c = np.zeros((1, self.hidden_size), dtype=xs.dtype)
        hs = np.empty((ids.size, self.hidden_size), dtype=xs.dtype)
        cs = np.empty_like(hs)
        for t, x in enumerate(xs):
            h, c = step.forward(x[None], h, c)
            hs[t], cs[t] = h[0], c[0]
        return hs, cs

    def sample(self, start, length, rng, temperature=1.0):
        """Generate length ids after the ids start (L,), L >= 1; returns an int array (length,).

        The model reads start from a zero state, then repeatedly draws the next symbol from
        softmax(s / temperature) with rng and feeds it back. Like states, it runs its own
        LSTM step: the carried state and a pending backward are left as they were.
        """
        check_rng(rng)
        start = check_ids("start", start, self.vocab_size, ("L",))
        if start.size == 0:
            raise ValueError("start must hold at least one id")
        check_integer("length", length)
        temperature = check_number("temperature", temperature, positive=True)
        hs, cs = self.states(start)
        h, c = hs[-1:], cs[-1:]  # (1, H) each
        step = LSTM(*self.lstm.params)
        E, (W, b_out) = self.embed.params[0], self.affine.params
        out = np.empty(length, dtype=np.int64)
        for k in range(length):
            z = (h[0] @ W + b_out) / temperature  # the scores of the next symbol
            p = np.exp(z - z.max())
            out[k] = rng.choice(self.vocab_size, p=p / p.sum())
            h, c = step.forward(E[out[k]][None], h, c)
        return out


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
    predict take no train flag, and a model with dropout (such as
    lstm_lib.better_language_model.BetterLanguageModel) has a boolean attribute training.
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


def evaluate(model, ids, batch_size=1, chunk_len=100):
    """Mean cross-entropy (nats) of the model on the stream ids (L,), the state carried.

    The state is reset once at the start, then carried through all chunks; every target
    counts once. The perplexity is np.exp of the result. Dropout, if the model has any, is
    off (evaluating); the state is reset at the end too.
    """
    model.reset_state()
    total = count = 0
    with evaluating(model):
        for xs, ts in chunks(batchify(ids, batch_size), chunk_len):
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
    lstm_lib.train.History. progress, if given, is called after every update as
    progress(update, updates, loss): the update's number in the epoch (from 1), the number
    of updates per epoch and its loss.
    """
    check_integer("epochs", epochs, minimum=1)
    check_clip_norm(clip_norm)
    rows = batchify(ids, batch_size)
    updates = -(-(rows.shape[1] - 1) // chunk_len)
    losses, norms, perplexity, val_perplexity = [], [], [], []
    for _ in range(epochs):
        model.reset_state()
        total = count = 0
        for k, (xs, ts) in enumerate(chunks(rows, chunk_len), start=1):
            losses.append(model.forward(xs, ts))
            model.backward()
            norms.append(apply_gradients(model, optimizer, clip_norm))
            total += losses[-1] * ts.size
            count += ts.size
            if progress is not None:
                progress(k, updates, losses[-1])
        perplexity.append(np.exp(total / count))
        if val_ids is not None:
            val_perplexity.append(np.exp(evaluate(model, val_ids, val_batch_size)))
    model.reset_state()
    arrays = (np.array(a, dtype=np.float64) for a in (losses, norms, perplexity, val_perplexity))
    return History(*arrays)
