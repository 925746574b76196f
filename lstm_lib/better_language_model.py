"""A better language model (notebook 10, after DLFS2 6.5): more layers, dropout, tied weights.

Three changes to the language model of notebook 08, each a switch of BetterLanguageModel:

* stacking: layers FastTimeLSTM layers, each reading the hidden states of the one below;
* dropout between the layers, on the connections that go up (embedding -> LSTM,
  LSTM -> LSTM, LSTM -> affine) and never on the recurrent path h_(t-1) -> h_t, so the
  memory is not disturbed from step to step (Zaremba et al. 2014);
* weight tying: the output affine transform uses the transposed embedding,
  s_t = h_t E^T + b_out, so one matrix E (V, D) both reads and writes the symbols
  (Press and Wolf 2017; Inan et al. 2017). It needs D = H and saves V H parameters.

The model has the interface every model of the book has: predict(xs) -> scores,
forward(xs, ts) -> mean loss, backward(dout=1.0), params, grads, reset_state(). Dropout is
on while the attribute training is True (the default) and off inside
lstm_lib.language_model.evaluating(model), which evaluate uses; the model is trained by
lstm_lib.language_model.train_tbptt, like the model of notebook 08.
"""

import numpy as np

from .fast_lstm import FastTimeLSTM
from .language_model import evaluating
from .layers import Embedding, Layer, SoftmaxCrossEntropy, TimeAffine
from .validation import as_float_array, check_integer, check_like, check_rng
from .weights import init_lstm_params


class Dropout(Layer):
    """Inverted dropout: while training, each entry is zeroed with probability ratio.

    forward(x): with training True (the default), y = x ⊙ m / (1 - ratio) with a fresh
    mask m of zeros and ones (P(1) = 1 - ratio) drawn from rng, so that the expected value
    of y is x; with training False, y = x. backward(dout) -> dout ⊙ m / (1 - ratio) (or
    dout after a pass without dropout).
    """

    def __init__(self, ratio, rng):
        super().__init__()
        check_rng(rng)
        if not 0 <= ratio < 1:
            raise ValueError(f"ratio must lie in [0, 1), got {ratio}")
        self.ratio, self.rng, self.training = ratio, rng, True
        self._scale = None

    def forward(self, x):
        """x of any shape -> y of the same shape."""
        x = as_float_array("x", x)
        if not self.training or self.ratio == 0:
            self._scale = 1.0
            return x
        keep = self.rng.random(x.shape) >= self.ratio
        self._scale = keep / (1 - self.ratio)  # the mask, already scaled
        return x * self._scale

    def backward(self, dout):
        """dout -> dx, both of the shape of x."""
        scale = self._require_forward(self._scale)
        dout = as_float_array("dout", dout)
        if not np.isscalar(scale):
            check_like("dout", dout, "the forward input", scale)
        return dout * scale


class BetterLanguageModel:
    """Embedding -> layers x (Dropout -> FastTimeLSTM) -> Dropout -> TimeAffine -> softmax.

    V symbols, embedding size D, hidden size H; dropout the ratio of every Dropout (0:
    none); tie_weights=True uses the transposed embedding as the output weights (requires
    D = H). With layers=1, dropout=0, tie_weights=False it is the model of notebook 08.
    Weights are drawn from rng, which also draws the dropout masks: embedding entries from
    N(0, 1/D), LSTM weights from lstm_lib.weights.init_lstm_params, W from N(0, 1/H), b_out
    zero. params lists E (V, D), then Wx, Wh, b of each layer, then W (H, V) unless tied,
    then b_out (V,); param_names names them.

    * predict(xs): ids (N, T) -> scores (N, T, V); the LSTMs are stateful;
    * forward(xs, ts): also targets (N, T) -> mean cross-entropy;
    * backward(dout=1.0) fills grads; with tied weights E's gradient is the sum of its
      two uses;
    * training: True (the default) applies dropout, False leaves it out (set it through
      lstm_lib.language_model.evaluating).
    """

    def __init__(self, V, D, H, rng, layers=1, dropout=0.0, tie_weights=False):
        check_rng(rng)
        for name, value in (("V", V), ("D", D), ("H", H), ("layers", layers)):
            check_integer(name, value, minimum=1)
        if tie_weights and D != H:
            raise ValueError(f"tie_weights needs D == H (E is used as the output W), got {D}, {H}")
        self.vocab_size, self.tie_weights = V, tie_weights
        E = rng.standard_normal((V, D)) / np.sqrt(D)
        self.embed = Embedding(E)
        self.lstms = [
            FastTimeLSTM(*init_lstm_params(D if k == 0 else H, H, rng), stateful=True)
            for k in range(layers)
        ]
        self.drops = [Dropout(dropout, rng) for _ in range(layers + 1)]
        W = E.T if tie_weights else rng.standard_normal((H, V)) / np.sqrt(H)
        self.affine = TimeAffine(W, np.zeros(V))  # tied: W is a view of E, updated with it
        self.loss_layer = SoftmaxCrossEntropy()
        lstm_params = [p for lstm in self.lstms for p in lstm.params]
        lstm_grads = [g for lstm in self.lstms for g in lstm.grads]
        head = self.affine.params[1:] if tie_weights else self.affine.params
        head_grads = self.affine.grads[1:] if tie_weights else self.affine.grads
        self.params = [E, *lstm_params, *head]
        self.grads = [self.embed.grads[0], *lstm_grads, *head_grads]
        names = [f"{p}{k + 1}" for k in range(layers) for p in ("Wx", "Wh", "b")]
        self.param_names = ["E", *names, *([] if tie_weights else ["W"]), "b_out"]

    @property
    def training(self):
        """True while dropout is applied (the default); setting it sets every Dropout."""
        return self.drops[0].training

    @training.setter
    def training(self, value):
        for drop in self.drops:
            drop.training = bool(value)

    def predict(self, xs):
        """ids (N, T) -> scores (N, T, V), carrying every layer's state."""
        x = self.embed.forward(xs)
        for drop, lstm in zip(self.drops, self.lstms, strict=False):
            x = lstm.forward(drop.forward(x))
        return self.affine.forward(self.drops[-1].forward(x))

    def forward(self, xs, ts):
        """ids (N, T), targets (N, T) -> mean cross-entropy (nats)."""
        return self.loss_layer.forward(self.predict(xs), ts)

    def backward(self, dout=1.0):
        """Backpropagate the last forward through the chunk; fills grads."""
        d = self.drops[-1].backward(self.affine.backward(self.loss_layer.backward(dout)))
        for drop, lstm in reversed(list(zip(self.drops, self.lstms, strict=False))):
            d = drop.backward(lstm.backward(d))
        self.embed.backward(d)
        if self.tie_weights:  # E was used twice: as the embedding and as W = E^T
            self.embed.grads[0] += self.affine.grads[0].T

    def reset_state(self):
        """Forget every layer's carried h and c."""
        for lstm in self.lstms:
            lstm.reset_state()


def sample(model, start, length, rng, temperature=1.0):
    """Generate length ids after the ids start (L,), drawing each from the softmax.

    The model reads start from a zero state, then feeds back every drawn id; no dropout
    (lstm_lib.language_model.evaluating). The state is reset at the end. Returns an int64
    array (length,).
    """
    check_rng(rng)
    start = np.asarray(start)
    if start.ndim != 1 or start.size == 0 or start.dtype.kind not in "iu":
        raise ValueError(f"start must be a non-empty 1-D array of ids, got {start!r}")
    if temperature <= 0:
        raise ValueError(f"temperature must be positive, got {temperature}")
    model.reset_state()
    out = np.empty(length, dtype=np.int64)
    with evaluating(model):
        scores = model.predict(start[None])[0, -1]
        for k in range(length):
            z = scores / temperature
            p = np.exp(z - z.max())
            out[k] = rng.choice(model.vocab_size, p=p / p.sum())
            scores = model.predict(out[None, k : k + 1])[0, -1]
    model.reset_state()
    return out
