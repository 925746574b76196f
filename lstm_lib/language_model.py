r"""A character-level LSTM language model and its training by truncated BPTT.

The model reads a stream of symbol ids and, at every step t, gives a probability to each
of the V symbols that may come next:

.. math::
    x_t = E[\text{id}_t],\quad (h_t, c_t) = \text{LSTM}(x_t, h_{t-1}, c_{t-1}),\quad
    s_t = h_t W + b,\quad p_t = \text{softmax}(s_t)

with the embedding E (V, D), fused LSTM weights Wx (D, 4H), Wh (H, 4H), b (4H,) (blocks
f, g, i, o) and the output affine transform W (H, V), b (V,). The loss is the mean
cross-entropy :math:`L = -\frac{1}{M}\sum \log p_t[\text{id}_{t+1}]`; its exponential is the
perplexity.

Training uses *stateful truncated backpropagation through time*: the stream is cut into
N parallel rows (:func:`batchify`) and each row into chunks of T steps. The forward pass
hands h and c from the end of one chunk to the start of the next, so the model sees the
whole stream; the backward pass stops at the chunk border (the gradient with respect to
the carried state is dropped), so its cost does not grow with the length of the stream.
"""

import numpy as np

from .fast_lstm import FastTimeLSTM
from .layers import Embedding, SoftmaxCrossEntropy, TimeAffine
from .lstm import LSTM
from .optim import clip_grads
from .validation import check_rng
from .weights import init_lstm_params


def _check_ids(name, ids, ndim):
    ids = np.asarray(ids)
    if ids.dtype.kind not in "iu":
        raise TypeError(f"{name} must be an integer array of symbol ids, got dtype {ids.dtype}")
    if ids.ndim != ndim:
        shape = {1: "(L,)", 2: "(N, T)"}[ndim]
        raise ValueError(f"{name} must have shape {shape}, got {ids.shape}")
    return ids


def _positive_int(name, value):
    if not isinstance(value, (int, np.integer)) or value < 1:
        raise ValueError(f"{name} must be a positive integer, got {value!r}")


class LanguageModel:
    """Embedding -> TimeLSTM (stateful) -> TimeAffine -> SoftmaxCrossEntropy.

    ``V`` symbols, embedding size ``D``, hidden size ``H``; weights drawn from ``rng``
    (embedding entries from N(0, 1), LSTM weights from :func:`init_lstm_params`, output
    weights from N(0, 1/H), biases zero). ``params`` and ``grads`` list the arrays in the
    order of ``param_names``: E (V, D), Wx (D, 4H), Wh (H, 4H), b (4H,), W (H, V), b_out (V,).

    ``forward(ids)`` maps ids (N, T) to scores (N, T, V); ``loss(ids, targets)`` adds the
    mean cross-entropy; ``backward()`` then fills ``grads``. The LSTM is stateful: h and c
    at the end of one call are the initial state of the next until :meth:`reset_state`.
    """

    param_names = ("E", "Wx", "Wh", "b", "W", "b_out")

    def __init__(self, V, D, H, rng, forget_bias=1.0, dtype=np.float64):
        check_rng(rng)
        for name, value in (("V", V), ("D", D), ("H", H)):
            _positive_int(name, value)
        self.vocab_size, self.hidden_size = V, H
        E = rng.standard_normal((V, D)).astype(dtype)
        Wx, Wh, b = init_lstm_params(D, H, rng, forget_bias=forget_bias, dtype=dtype)
        W = (rng.standard_normal((H, V)) / np.sqrt(H)).astype(dtype)
        b_out = np.zeros(V, dtype=dtype)
        self.embed = Embedding(E)
        self.lstm = FastTimeLSTM(Wx, Wh, b, stateful=True)
        self.affine = TimeAffine(W, b_out)
        self.loss_layer = SoftmaxCrossEntropy()
        layers = (self.embed, self.lstm, self.affine)
        self.params = [p for layer in layers for p in layer.params]
        self.grads = [g for layer in layers for g in layer.grads]

    def forward(self, ids):
        """ids (N, T) integers in [0, V) -> scores (N, T, V), carrying the LSTM state."""
        ids = _check_ids("ids", ids, 2)
        return self.affine.forward(self.lstm.forward(self.embed.forward(ids)))

    def loss(self, ids, targets):
        """ids (N, T), targets (N, T) (the next symbols) -> mean cross-entropy (a float)."""
        return self.loss_layer.forward(self.forward(ids), targets)

    def backward(self, dout=1.0):
        """Backpropagate the last :meth:`loss` through the chunk; fills ``grads`` in place.

        The gradient stops at the start of the chunk: ``self.lstm.dh`` and ``self.lstm.dc``
        (with respect to the carried-in state) are not sent further back. That is the cut
        of truncated BPTT.
        """
        dscores = self.loss_layer.backward(dout)
        self.embed.backward(self.lstm.backward(self.affine.backward(dscores)))

    def reset_state(self):
        """Forget the carried h and c: the next forward starts from zero."""
        self.lstm.reset_state()

    def states(self, ids):
        """Run one stream ids (L,) from a zero state; return hs (L, H) and cs (L, H).

        A plain loop of :class:`~lstm_lib.lstm.LSTM` steps with the model's weights, for
        looking inside the model; it does not touch the carried state.
        """
        ids = _check_ids("ids", ids, 1)
        if ids.size and (ids.min() < 0 or ids.max() >= self.vocab_size):
            raise ValueError(
                f"ids must lie in [0, V={self.vocab_size}), got [{ids.min()}, {ids.max()}]"
            )
        step = LSTM(*self.lstm.params)
        xs = self.embed.params[0][ids]
        h = c = np.zeros((1, self.hidden_size), dtype=xs.dtype)
        hs = np.empty((ids.size, self.hidden_size), dtype=xs.dtype)
        cs = np.empty_like(hs)
        for t, x in enumerate(xs):
            h, c = step.forward(x[None], h, c)
            hs[t], cs[t] = h[0], c[0]
        return hs, cs

    def sample(self, start, length, rng, temperature=1.0):
        """Generate ``length`` ids after the ids ``start`` (a non-empty sequence).

        The model reads ``start`` from a zero state, then repeatedly draws the next symbol
        from :math:`\\text{softmax}(s / \\text{temperature})` with ``rng`` and feeds it back.
        The carried training state is saved and restored. Returns an int array (length,).
        """
        check_rng(rng)
        start = _check_ids("start", start, 1)
        if start.size == 0:
            raise ValueError("start must hold at least one id")
        if not isinstance(length, (int, np.integer)) or length < 0:
            raise ValueError(f"length must be a non-negative integer, got {length!r}")
        if temperature <= 0:
            raise ValueError(f"temperature must be positive, got {temperature}")
        saved = (self.lstm.h, self.lstm.c)
        self.reset_state()
        scores = self.forward(start[None])[0, -1]
        out = np.empty(length, dtype=np.int64)
        for k in range(length):
            z = scores / temperature
            p = np.exp(z - z.max())
            out[k] = rng.choice(self.vocab_size, p=p / p.sum())
            scores = self.forward(out[None, k : k + 1])[0, -1]
        self.lstm.h, self.lstm.c = saved
        return out


def batchify(ids, batch_size):
    """Cut the stream ids (L,) into ``batch_size`` rows of consecutive ids: (N, L // N).

    Row n is ``ids[n * L' : (n + 1) * L']`` with L' = L // N (the last L - N L' ids are
    dropped), so the rows can be read side by side, each continuing where its previous
    chunk stopped.
    """
    ids = _check_ids("ids", ids, 1)
    _positive_int("batch_size", batch_size)
    length = ids.size // batch_size
    if length < 2:
        raise ValueError(
            f"a stream of {ids.size} ids is too short for batch_size={batch_size}: "
            "each row needs at least 2 ids (an input and its target)"
        )
    return ids[: batch_size * length].reshape(batch_size, length)


def chunks(rows, chunk_len):
    """Yield (xs, ts) pairs of shape (N, <= T): inputs and next-symbol targets, in order.

    ``rows`` (N, L) from :func:`batchify`; the inputs are ``rows[:, :-1]`` and the targets
    ``rows[:, 1:]``, cut along time into chunks of ``chunk_len`` steps (the last may be
    shorter).
    """
    _positive_int("chunk_len", chunk_len)
    rows = _check_ids("rows", rows, 2)
    inputs, targets = rows[:, :-1], rows[:, 1:]
    for t in range(0, inputs.shape[1], chunk_len):
        yield inputs[:, t : t + chunk_len], targets[:, t : t + chunk_len]


def evaluate(model, ids, batch_size=1, chunk_len=100):
    """Mean cross-entropy (nats) of the model on the stream ids (L,), state carried.

    The state is reset once at the start, then carried through all chunks; every target
    counts once. Perplexity is ``np.exp`` of the result. The state is reset at the end too.
    """
    model.reset_state()
    total = count = 0
    for xs, ts in chunks(batchify(ids, batch_size), chunk_len):
        total += model.loss(xs, ts) * ts.size
        count += ts.size
    model.reset_state()
    return total / count


def train_tbptt(model, ids, optimizer, batch_size, chunk_len, epochs, max_norm=1.0, val_ids=None):
    """Train ``model`` on the stream ids (L,) by stateful truncated BPTT.

    Each epoch: reset the state, cut the stream into ``batch_size`` rows (:func:`batchify`)
    and walk through them in chunks of ``chunk_len`` steps (:func:`chunks`): loss, backward
    (the gradient stops at the chunk border), :func:`~lstm_lib.optim.clip_grads` to
    ``max_norm``, ``optimizer.update``. The state is carried from chunk to chunk.

    Returns a dict of lists: ``"loss"`` (each update), ``"perplexity"`` (training
    perplexity of each epoch) and, when ``val_ids`` is given, ``"val_perplexity"``
    (:func:`evaluate` after each epoch).
    """
    _positive_int("epochs", epochs)
    rows = batchify(ids, batch_size)
    history = {"loss": [], "perplexity": []}
    if val_ids is not None:
        history["val_perplexity"] = []
    for _ in range(epochs):
        model.reset_state()
        total = count = 0
        for xs, ts in chunks(rows, chunk_len):
            loss = model.loss(xs, ts)
            model.backward()
            clip_grads(model.grads, max_norm)
            optimizer.update(model.params, model.grads)
            history["loss"].append(loss)
            total += loss * ts.size
            count += ts.size
        history["perplexity"].append(float(np.exp(total / count)))
        if val_ids is not None:
            history["val_perplexity"].append(float(np.exp(evaluate(model, val_ids))))
    model.reset_state()
    return history
