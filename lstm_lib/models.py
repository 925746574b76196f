"""The book's two models, each written once, on any recurrent layer (notebooks 06, 08, 10).

Both are compositions of layers the reader has built, around one Stack of recurrent
layers (FastTimeLSTM, TimeLSTM, TimeRNN, TimeGRU, TimeVariantLSTM, or several of them, each
reading the hidden states of the one below, with optional dropout between them):

    SequenceRegressor   xs (N, T, D) -> Stack -> h_T -> Affine -> mean squared error   06, 09
    LanguageModel       ids (N, T) -> Embedding -> Stack -> TimeAffine -> softmax      08, 10
                        cross-entropy; the output weights may be tied to the embedding

Every model has the interface of "Deep Learning from Scratch 2": predict(xs), forward(xs,
ts) -> the mean loss (a float), backward(dout=1.0) fills grads, params, grads,
reset_state(). A model with dropout computes without it inside
lstm_lib.training.evaluating(model). They are trained by lstm_lib.training (fit, train_tbptt).
"""

import copy

import numpy as np

from .fast_lstm import FastTimeLSTM
from .layers import (
    Affine,
    Dropout,
    Embedding,
    MeanSquaredError,
    SoftmaxCrossEntropy,
    TimeAffine,
)
from .lstm import LSTM, TimeLSTM
from .rnn import TimeRNN
from .validation import (
    as_float_array,
    check_fraction,
    check_ids,
    check_integer,
    check_rng,
    check_sequence,
    check_shape,
    check_switch,
)
from .weights import init_lstm_params, init_rnn_params

#: the recurrent layers a model accepts (TimeGRU is a TimeRNN, TimeVariantLSTM a TimeLSTM)
RECURRENT = (FastTimeLSTM, TimeLSTM, TimeRNN)


class Stack:
    """Recurrent layers one above the other, with dropout before each and after the last.

    Inputs: recurrent, one recurrent layer or a list of them (see RECURRENT); layer k + 1 reads
    the hidden states of layer k, so its input size is layer k's hidden size. dropout, the
    ratio of every Dropout (0, the default: none); rng draws the masks (needed when
    dropout > 0). Dropout sits on the connections that go up, never on the recurrent
    connection h_(t-1) -> h_t inside a layer.

    forward(xs): xs (N, T, D) -> hs (N, T, H) of the top layer.
    backward(dhs): dhs (N, T, H) -> dxs (N, T, D); every layer's grads are filled.
    """

    def __init__(self, recurrent, dropout=0.0, rng=None):
        self.layers = list(recurrent) if isinstance(recurrent, (list, tuple)) else [recurrent]
        if not self.layers:
            raise ValueError("recurrent must hold at least one recurrent layer, got none")
        for k, layer in enumerate(self.layers):
            if not isinstance(layer, RECURRENT):
                names = ", ".join(kind.__name__ for kind in RECURRENT)
                raise TypeError(f"recurrent[{k}] must be a {names}, got {type(layer).__name__}")
        self.input_size = self.layers[0].params[0].shape[0]
        self.hidden_size = self.layers[-1].hidden_size
        self.dtype = self.layers[0].params[0].dtype
        for k in range(1, len(self.layers)):
            below, above = self.layers[k - 1], self.layers[k]
            if above.params[0].shape[0] != below.hidden_size:
                raise ValueError(
                    f"recurrent[{k}] must read H={below.hidden_size} features (the hidden "
                    f"size of recurrent[{k - 1}]), got Wx of shape {above.params[0].shape}"
                )
        dtypes = {layer.params[0].dtype for layer in self.layers}
        if len(dtypes) > 1:
            kinds = sorted(map(str, dtypes))
            raise TypeError(f"recurrent layers must share one dtype, got {kinds}")
        dropout = check_fraction("dropout", dropout)
        if dropout > 0:
            check_rng(rng)
        self.drops = [Dropout(dropout, rng) for _ in range(len(self.layers) + 1)] if dropout else []
        self._training = True
        self.params = [p for layer in self.layers for p in layer.params]
        self.grads = [g for layer in self.layers for g in layer.grads]

    @property
    def training(self):
        """True while dropout is applied (the default); setting it sets every Dropout."""
        return self._training

    @training.setter
    def training(self, value):
        self._training = check_switch("training", value)
        for drop in self.drops:
            drop.training = self._training

    def forward(self, xs):
        """xs (N, T, D) -> hs (N, T, H), carrying each layer's state if it is stateful."""
        for k, layer in enumerate(self.layers):
            xs = layer.forward(self.drops[k].forward(xs) if self.drops else xs)
        return self.drops[-1].forward(xs) if self.drops else xs

    def backward(self, dhs):
        """dhs (N, T, H) -> dxs (N, T, D), through every layer from the top down."""
        if self.drops:
            dhs = self.drops[-1].backward(dhs)
        for k in reversed(range(len(self.layers))):
            dhs = self.layers[k].backward(dhs)
            if self.drops:
                dhs = self.drops[k].backward(dhs)
        return dhs

    def reset_state(self):
        """Forget every layer's carried state."""
        for layer in self.layers:
            layer.reset_state()


def dense(rng, rows, cols, dtype=np.float64):
    """Weights (rows, cols) from N(0, 1/rows): the output layers' initialisation."""
    return (rng.standard_normal((rows, cols)) / np.sqrt(rows)).astype(dtype)


class SequenceRegressor:
    """Recurrent layers, the last hidden state, an affine head and a squared error (06).

    Inputs: recurrent, one recurrent layer or a list of them (Stack) with hidden size H on
    top; head, an Affine with W (H, K), b (K,); dropout and rng as for Stack. params and
    grads are the recurrent layers' arrays followed by the head's (the same array objects,
    so an optimizer updates the layers in place).

        y = h_T W + b     W (H, K), b (K,)         L = mean of (y - t)^2 over all N K entries

    predict(xs): xs (N, T, D) -> y (N, K).
    forward(xs, ts): xs (N, T, D), ts (N, K) -> the mean squared error (a float).
    backward(dout=1.0) -> None; writes every gradient into grads.
    reset_state(): the next forward starts from a zero state.
    """

    def __init__(self, recurrent, head, dropout=0.0, rng=None):
        self.stack = Stack(recurrent, dropout, rng)
        if not isinstance(head, Affine):
            raise TypeError(f"head must be an Affine layer, got {type(head).__name__}")
        H = self.stack.hidden_size
        if head.params[0].shape[0] != H or head.params[0].dtype != self.stack.dtype:
            raise ValueError(
                f"head.W must have shape (H={H}, K) and dtype {self.stack.dtype} (those of the "
                f"top recurrent layer), got {head.params[0].shape} {head.params[0].dtype}"
            )
        self.head, self.loss_layer = head, MeanSquaredError()
        self.params = self.stack.params + head.params
        self.grads = self.stack.grads + head.grads
        self._T = None

    @classmethod
    def lstm(cls, D, H, K, rng, forget_bias=1.0, dtype=np.float64):
        """A FastTimeLSTM with init_lstm_params(D, H, rng, forget_bias) and a head (H, K)."""
        K = check_integer("K", K, minimum=1)
        weights = init_lstm_params(D, H, rng, forget_bias, dtype)
        return cls(FastTimeLSTM(*weights), Affine(dense(rng, H, K, dtype), np.zeros(K, dtype)))

    @classmethod
    def rnn(cls, D, H, K, rng, dtype=np.float64):
        """A TimeRNN with init_rnn_params(D, H, rng) and a head (H, K)."""
        K = check_integer("K", K, minimum=1)
        layer = TimeRNN(*init_rnn_params(D, H, rng, dtype))
        return cls(layer, Affine(dense(rng, H, K, dtype), np.zeros(K, dtype)))

    @property
    def training(self):
        """True while dropout is applied; see lstm_lib.training.evaluating."""
        return self.stack.training

    @training.setter
    def training(self, value):
        self.stack.training = value

    def predict(self, xs):
        """xs (N, T, D) -> y (N, K), read from the last hidden state."""
        hs = self.stack.forward(xs)
        self._T = hs.shape[1]
        return self.head.forward(hs[:, -1])

    def forward(self, xs, ts):
        """xs (N, T, D), ts (N, K) -> the mean squared error of the prediction."""
        xs = check_sequence("xs", xs, self.stack.dtype, self.stack.input_size)
        ts = as_float_array("ts", ts, self.stack.dtype)
        K = self.head.params[0].shape[1]
        check_shape("ts", ts, [("N", xs.shape[0]), ("K", K)])  # before the state moves
        return self.loss_layer.forward(self.predict(xs), ts)

    def backward(self, dout=1.0):
        """Fill grads with the gradient of dout * loss; only h_T receives one from the head."""
        if self._T is None:
            raise RuntimeError("SequenceRegressor.backward called before forward")
        dh_last = self.head.backward(self.loss_layer.backward(dout))
        dhs = np.zeros((dh_last.shape[0], self._T, dh_last.shape[1]), dtype=dh_last.dtype)
        dhs[:, -1] = dh_last
        self.stack.backward(dhs)

    def reset_state(self):
        """The next forward starts from a zero state."""
        self.stack.reset_state()


class LanguageModel:
    """Embedding -> recurrent layers -> TimeAffine -> softmax cross-entropy (08, 10).

    Inputs: embed, an Embedding with E (V, D); recurrent, one recurrent layer or a list of
    them (Stack), reading D features, H on top, normally stateful; head, a TimeAffine with
    W (H, V), b_out (V,), or None to tie the output weights to the embedding (W = E^T, a
    view of E, and b_out zero; needs D = H; Press and Wolf 2017); dropout and rng as for
    Stack. params lists E, the recurrent layers' arrays, then W (unless tied) and b_out;
    param_names names them.

        x_t = E[id_t]     h_t = the top layer's hidden state     s_t = h_t W + b_out
        L = mean cross-entropy of softmax(s_t) against id_(t+1); exp(L) is the perplexity

    predict(xs): ids (N, T) in [0, V) -> scores (N, T, V), carrying each layer's state.
    forward(xs, ts): also the next symbols ts (N, T) -> the mean cross-entropy (a float).
    backward(dout=1.0) -> None; fills grads for the last forward's chunk (the gradient
    stops at the chunk's start: the cut of truncated BPTT). Tied, E's gradient is the sum
    of its two uses.
    reset_state(): forget the carried state; the next forward starts from zero.
    """

    def __init__(self, embed, recurrent, head, dropout=0.0, rng=None):
        if not isinstance(embed, Embedding):
            raise TypeError(f"embed must be an Embedding layer, got {type(embed).__name__}")
        self.stack = Stack(recurrent, dropout, rng)
        E = embed.params[0]
        (V, D), H = E.shape, self.stack.hidden_size
        if D != self.stack.input_size or E.dtype != self.stack.dtype:
            raise ValueError(
                f"embed.E must have shape (V, D={self.stack.input_size}) and dtype "
                f"{self.stack.dtype} (what the first recurrent layer reads), got {E.shape} "
                f"{E.dtype}"
            )
        self.tie_weights = head is None
        if self.tie_weights:
            if D != H:
                raise ValueError(f"tied weights need D == H (E^T is the output W), got {D}, {H}")
            head = TimeAffine(E.T, np.zeros(V, E.dtype))  # W is a view of E, updated with it
        elif not isinstance(head, TimeAffine):
            raise TypeError(f"head must be a TimeAffine layer or None, got {type(head).__name__}")
        elif head.params[0].shape != (H, V) or head.params[0].dtype != E.dtype:
            raise ValueError(
                f"head.W must have shape (H={H}, V={V}) and dtype {E.dtype}, got "
                f"{head.params[0].shape} {head.params[0].dtype}"
            )
        self.vocab_size, self.hidden_size = V, H
        self.embed, self.head, self.loss_layer = embed, head, SoftmaxCrossEntropy()
        own = slice(1, None) if self.tie_weights else slice(None)
        self.params = [E, *self.stack.params, *head.params[own]]
        self.grads = [embed.grads[0], *self.stack.grads, *head.grads[own]]
        many = len(self.stack.layers) > 1
        names = [
            f"{name}{k}" if many else name
            for k, layer in enumerate(self.stack.layers, start=1)
            for name in (layer.param_names or ("Wx", "Wh", "b"))
        ]
        self.param_names = ["E", *names, *([] if self.tie_weights else ["W"]), "b_out"]

    @classmethod
    def lstm(cls, V, D, H, rng, layers=1, dropout=0.0, tie_weights=False, forget_bias=1.0,
             dtype=np.float64):  # fmt: skip
        """The book's language model: stacked stateful FastTimeLSTMs (notebooks 08 and 10).

        Weights are drawn from rng in this order: E (V, D) from N(0, 1/D), each layer from
        init_lstm_params(D or H, H, rng, forget_bias), W (H, V) from N(0, 1/H) (unless
        tied); b_out is zero; rng then draws the dropout masks.
        """
        check_rng(rng)
        V, layers = check_integer("V", V, minimum=1), check_integer("layers", layers, minimum=1)
        check_switch("tie_weights", tie_weights)
        D = check_integer("D", D, minimum=1)
        E = (rng.standard_normal((V, D)) / np.sqrt(D)).astype(dtype)  # N(0, 1/D), like W
        lstms = [
            FastTimeLSTM(*init_lstm_params(D if k == 0 else H, H, rng, forget_bias, dtype), True)
            for k in range(layers)
        ]
        head = None if tie_weights else TimeAffine(dense(rng, H, V, dtype), np.zeros(V, dtype))
        return cls(Embedding(E), lstms, head, dropout, rng)

    @property
    def training(self):
        """True while dropout is applied; see lstm_lib.training.evaluating."""
        return self.stack.training

    @training.setter
    def training(self, value):
        self.stack.training = value

    def predict(self, xs):
        """xs (N, T) ids in [0, V) -> scores (N, T, V), carrying the recurrent state."""
        xs = check_ids("xs", xs, self.vocab_size, ("N", "T"))
        return self.head.forward(self.stack.forward(self.embed.forward(xs)))

    def forward(self, xs, ts):
        """xs (N, T) ids, ts (N, T) the next symbols -> mean cross-entropy (a float)."""
        xs = check_ids("xs", xs, self.vocab_size, ("N", "T"))
        ts = check_ids("ts", ts, self.vocab_size, ("N", "T"))
        check_shape("ts", ts, [("N", xs.shape[0]), ("T", xs.shape[1])])  # before the state moves
        return self.loss_layer.forward(self.predict(xs), ts)

    def backward(self, dout=1.0):
        """Backpropagate dout * the last forward's loss through the chunk; fills grads."""
        dhs = self.head.backward(self.loss_layer.backward(dout))
        self.embed.backward(self.stack.backward(dhs))
        if self.tie_weights:  # E was used twice: as the embedding and as W = E^T
            self.embed.grads[0] += self.head.grads[0].T

    def reset_state(self):
        """Forget the carried state: the next forward starts from zero."""
        self.stack.reset_state()

    def states(self, ids):
        """Read one stream ids (L,) from a zero state; return the top layer's hs and cs.

        The top layer must be an LSTM (FastTimeLSTM or TimeLSTM); hs and cs are (L, H). The
        lower layers run on copies and the top one as a plain loop of LSTM steps sharing its
        weights, without dropout: the carried state and a pending backward are untouched.
        """
        ids = check_ids("ids", ids, self.vocab_size, ("L",))
        top = self.stack.layers[-1]
        if type(top) not in (FastTimeLSTM, TimeLSTM):  # a TimeVariantLSTM steps another cell
            raise TypeError(
                f"states needs a FastTimeLSTM or TimeLSTM on top, got {type(top).__name__}"
            )
        xs = self.embed.params[0][ids][None]  # (1, L, D)
        for layer in self.stack.layers[:-1]:
            below = copy.deepcopy(layer)  # its own state and caches, the same weight values
            below.reset_state()
            xs = below.forward(xs)
        step, H = LSTM(*top.params), self.hidden_size
        h = c = np.zeros((1, H), dtype=xs.dtype)
        hs, cs = np.empty((ids.size, H), dtype=xs.dtype), np.empty((ids.size, H), dtype=xs.dtype)
        for t in range(ids.size):
            h, c = step.forward(xs[:, t], h, c)
            hs[t], cs[t] = h[0], c[0]
        return hs, cs
