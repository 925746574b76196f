"""FastTimeLSTM: notebook 07's loop of LSTM steps, written a second time, for speed.

FastTimeLSTM has the interface of lstm_lib.lstm.TimeLSTM and gives the same numbers to
rounding (tests/test_lstm_fast_path.py checks it against a loop of lstm.LSTM steps, float64
to 1e-12); the training code uses it. It computes what LSTM.forward and LSTM.backward compute,
with these tricks, each explained again beside the line that does it:

- x Wx + b of all T steps is one matrix product before the loop; only h_prev Wh stays inside.
- The caches are time-major, (T, N, ...): step t reads and writes contiguous blocks [t].
- One exp, one add and one divide give the three sigmoids of a step, on the whole row of A.
- A is stored negated, -A, so that exp(-A) needs no negation of its own in the loop.
- Backward computes every factor of dA that does not depend on dh or dc for all T at once.
- Backward multiplies by a contiguous copy of Wh^T, kept in dWh's array until dWh is due.
- dWx, dWh, db and dxs are one product (or sum) each over all N T rows, after the loop.
- Everything is written in place (out=), into arrays the next call of the same sizes reuses.

What the tricks gained, measured: benchmarks/README.md.
"""

from typing import NamedTuple

import numpy as np

from .layers import Layer
from .validation import (
    check_sequence,
    check_state,
    check_switch,
    check_upstream,
    check_weights,
    initial_state,
)


class _Cache(NamedTuple):
    """What forward keeps for backward, time-major: step t is the contiguous block [t]."""

    x: np.ndarray  # (T, N, D) a copy of xs; backward writes dxs over it
    # (T, N, 4H) the gates f, i, o in their blocks of A (the g block is not used); forward
    # builds them in place from -A, backward turns them into dA
    gates: np.ndarray
    g: np.ndarray  # (T, N, H)
    tanh_c: np.ndarray  # (T, N, H)
    h: np.ndarray  # (T + 1, N, H): h[0] the initial state, h[t + 1] the h of step t
    c: np.ndarray  # (T + 1, N, H): the same for c


class FastTimeLSTM(Layer):
    """T fused LSTM steps over a sequence, with backpropagation through time: TimeLSTM, faster.

    Inputs: Wx (D, 4H), Wh (H, 4H), b (4H,), column blocks in the order f, g, i, o; stateful.
    forward(xs): xs (N, T, D) -> hs (N, T, H).
    backward(dhs): dhs (N, T, H) -> dxs (N, T, D); writes dWx, dWh, db (summed over the
    steps) into grads.

    The first h and c are zero, or what set_state gave. With stateful=True the last h and c
    of one forward are the first of the next (truncated backpropagation through time).
    After backward, dh and dc are the gradients of the initial h and c. Every result has
    the dtype of the weights.

    Each forward allows one backward, which uses up the cache (a second backward raises
    RuntimeError); the next forward of the same sizes reuses the cache's arrays. forward
    copies xs, and hs, dxs and the state are new arrays: the caller may change any of them.
    """

    param_names = ("Wx", "Wh", "b")

    def __init__(self, Wx, Wh, b, stateful=False):
        super().__init__()
        _, self.hidden_size, Wx, Wh, b = check_weights(Wx, Wh, b, blocks=4)
        self.params = [Wx, Wh, b]
        self.grads = [np.zeros_like(Wx), np.zeros_like(Wh), np.zeros_like(b)]
        self.stateful = check_switch("stateful", stateful)
        self.h = self.c = None  # the state the next forward starts from (None: zero)
        self.dh = self.dc = None  # gradients of the initial state, after backward
        self._cache = None  # the _Cache of the last forward, until backward uses it up
        self._workspace = None  # the same arrays, kept for the next call
        self._backward_done = False

    def set_state(self, h, c=None):
        """Start the next forward from h (N, H) and c (N, H) (c None: zero)."""
        dtype, H = self.params[0].dtype, self.hidden_size
        self.h = check_state("h", h, None, H, dtype)
        self.c = None if c is None else check_state("c", c, self.h.shape[0], H, dtype)

    def reset_state(self):
        """Start the next forward from h = c = 0."""
        self.h = self.c = None

    def forward(self, xs):
        """xs (N, T, D) -> hs (N, T, H), a new contiguous array."""
        Wx, Wh, b = self.params
        H, dtype = self.hidden_size, Wx.dtype
        xs = check_sequence("xs", xs, dtype, Wx.shape[0])
        N, T, D = xs.shape
        h0 = initial_state("h", self.h, N, H, dtype)
        c0 = initial_state("c", self.c, N, H, dtype)

        cache = self._buffers(N, T, D)
        np.copyto(cache.x, xs.transpose(1, 0, 2))  # time-major; a copy: the caller may change xs
        cache.h[0], cache.c[0] = h0, c0
        # x Wx + b of every step at once, one (T N, D) @ (D, 4H) product, stored negated:
        # the loop turns row t into -A and then into the gates.
        neg_A = cache.gates
        np.matmul(cache.x.reshape(T * N, D), Wx, out=neg_A.reshape(T * N, 4 * H))
        np.subtract(-b, neg_A, out=neg_A)
        with np.errstate(over="ignore"):  # exp(-a) = inf gives sigmoid 0, as it should
            _forward_steps(cache, Wh)

        self._cache = cache
        self._backward_done = False
        if self.stateful:
            self.h, self.c = cache.h[T].copy(), cache.c[T].copy()  # the cache goes in backward
        else:
            self.h = self.c = None
        return cache.h[1:].transpose(1, 0, 2).copy()

    def _buffers(self, N, T, D):
        """The cache arrays for a call with sizes N, T, D: the last call's when they match."""
        cache = self._workspace
        if cache is None or cache.x.shape != (T, N, D):
            # Kept from call to call: fresh memory costs a page fault per 4 KiB when first written.
            H, dtype = self.hidden_size, self.params[0].dtype
            shapes = [(T, N, D), (T, N, 4 * H), (T, N, H), (T, N, H), (T + 1, N, H), (T + 1, N, H)]
            cache = self._workspace = _Cache._make(np.empty(s, dtype=dtype) for s in shapes)
        return cache

    def backward(self, dhs):
        """dhs (N, T, H) -> dxs (N, T, D); writes dWx, dWh, db into grads and sets dh, dc."""
        if self._backward_done:
            raise RuntimeError(
                "FastTimeLSTM.backward called twice after one forward: backward uses up the "
                "forward cache; call forward again first"
            )
        cache = self._require_forward(self._cache)
        Wx, Wh, _ = self.params
        dWx, dWh, db = self.grads
        T, N, D = cache.x.shape
        H = self.hidden_size
        dhs = check_upstream("dhs", dhs, [("N", N), ("T", T), ("H", H)], Wx.dtype)

        self._cache = None  # backward uses the cache up (its arrays serve the next call)
        self._backward_done = True
        dc_from_dh, f = _gate_factors(cache)
        Wh_T = dWh.reshape(4 * H, H)  # dWh's array holds Wh^T until dWh is computed
        np.copyto(Wh_T, Wh.T)  # OpenBLAS multiplies by a contiguous copy faster than by Wh.T
        self.dh, self.dc = _backward_steps(cache.gates, dc_from_dh, f, dhs, Wh_T)

        # The gates' array now holds dA of every step: one product (or sum) each over all
        # T N rows gives dWx = x^T dA, dWh = h_prev^T dA, db and dxs = dA Wx^T.
        dA = cache.gates.reshape(T * N, 4 * H)
        np.matmul(cache.x.reshape(T * N, D).T, dA, out=dWx)
        np.matmul(cache.h[:-1].reshape(T * N, H).T, dA, out=dWh)
        np.sum(dA, axis=0, out=db)
        dxs = cache.x  # x is used up: its array takes dxs = dA Wx^T, time-major
        np.matmul(dA, Wx.T, out=dxs.reshape(T * N, D))
        return dxs.transpose(1, 0, 2).copy()


def _forward_steps(cache, Wh):
    """Run the recurrence over all T steps, in place; eleven NumPy calls a step.

    Inputs: cache, a _Cache whose gates (T, N, 4H) hold -(x Wx + b) of every step and whose
    h[0], c[0] (N, H) hold the initial state; Wh (H, 4H).
    Returns nothing: step t leaves f, i, o in gates[t], and g[t], tanh_c[t], h[t + 1], c[t + 1].
    """
    T, N, H4 = cache.gates.shape
    blocks = cache.gates.reshape(T, N, 4, H4 // 4)  # blocks[t, :, k]: block k of step t
    hWh = np.empty((N, H4), dtype=Wh.dtype)
    neg_gi = np.empty((N, H4 // 4), dtype=Wh.dtype)
    one = np.ones((), dtype=Wh.dtype)  # np.divide(one, a) runs vectorised, np.reciprocal not
    # zip hands out the views of step t without any indexing in Python.
    steps = zip(
        cache.gates, blocks[:, :, 0], blocks[:, :, 1], blocks[:, :, 2], blocks[:, :, 3],
        cache.g, cache.tanh_c, cache.h[:-1], cache.h[1:], cache.c[:-1], cache.c[1:], strict=True,
    )  # fmt: skip
    for neg_a, f, neg_a_g, i, o, neg_g, tanh_c, h_prev, h, c_prev, c in steps:
        np.matmul(h_prev, Wh, out=hWh)
        np.subtract(neg_a, hWh, out=neg_a)  # -A = -(x Wx + b) - h_prev Wh
        np.tanh(neg_a_g, out=neg_g)  # tanh(-a_g) = -g (the sign is flipped after the loop)
        # sigmoid(A) = 1 / (1 + exp(-A)), exact to rounding in both tails, on the whole row:
        # fewer calls than for the f block and the i, o blocks apart; g's result goes unused.
        np.exp(neg_a, out=neg_a)
        neg_a += 1
        np.divide(one, neg_a, out=neg_a)  # now f, i, o
        np.multiply(f, c_prev, out=c)
        np.multiply(neg_g, i, out=neg_gi)
        np.subtract(c, neg_gi, out=c)  # c = f c_prev + g i
        np.tanh(c, out=tanh_c)
        np.multiply(o, tanh_c, out=h)  # h = o tanh(c)
    np.negative(cache.g, out=cache.g)  # the loop left -g: one call for all T makes it g


def _gate_factors(cache):
    """Turn the gates of every step into the factors of dA, in place, before the backward loop.

    Inputs: cache, the _Cache of forward (gates (T, N, 4H), g, tanh_c (T, N, H), c (T + 1, N, H)).
    Returns: dc_from_dh = o (1 - tanh(c)^2) and f, each (T, N, H), in the arrays of g and
    tanh(c), which are used up by then; the blocks of cache.gates hold the factors below.

    The book's backward step (lstm.LSTM.backward), with dh and dc the gradients reaching it:

        dc = dc + dh * o * (1 - tanh(c)^2)
        da_f = dc * c_prev * f * (1 - f)
        da_g = dc * i * (1 - g^2)
        da_i = dc * g * i * (1 - i)
        da_o = dh * tanh(c) * o * (1 - o)
        dc_prev = dc * f

    Only dh and dc depend on the steps after t; the rest is computed here for all T at once.
    The f, g, i, o blocks of cache.gates receive the factors of da_f, da_g, da_i, da_o, which
    the backward loop multiplies by dc or dh.
    """
    T, N, H4 = cache.gates.shape
    f, da_g, i, o = (cache.gates.reshape(T, N, 4, H4 // 4)[:, :, k] for k in range(4))
    g, tanh_c, c_prev = cache.g, cache.tanh_c, cache.c[:-1]
    np.multiply(g, g, out=da_g)  # the g block held nothing needed
    np.subtract(1, da_g, out=da_g)
    da_g *= i  # i (1 - g^2)
    gi = g  # g is used up: its array takes g i
    gi *= i
    da_i = i  # i is used up: its block takes g i (1 - i)
    np.subtract(1, i, out=da_i)
    da_i *= gi
    dc_from_dh = gi  # g i is used up: the array takes o (1 - tanh(c)^2)
    np.multiply(tanh_c, tanh_c, out=dc_from_dh)
    np.subtract(1, dc_from_dh, out=dc_from_dh)
    dc_from_dh *= o
    tanh_c_o = tanh_c  # tanh(c) is used up: its array takes tanh(c) o
    tanh_c_o *= o
    da_o = o  # o is used up: its block takes tanh(c) o (1 - o)
    np.subtract(1, o, out=da_o)
    da_o *= tanh_c_o
    f_kept = tanh_c_o  # tanh(c) o is used up: the array keeps f, for dc_prev = dc f
    np.copyto(f_kept, f)
    da_f = f  # its block takes c_prev f (1 - f)
    np.subtract(1, f, out=da_f)
    da_f *= f_kept
    da_f *= c_prev
    return dc_from_dh, f_kept


def _backward_steps(factors, dc_from_dh, f, dhs, Wh_T):
    """Backpropagation through time, from the last step to the first; seven NumPy calls a step.

    Inputs: factors (T, N, 4H), dc_from_dh and f (T, N, H), from _gate_factors; dhs (N, T, H);
    Wh_T (4H, H), contiguous.
    Returns: dh, dc (N, H), the gradients of the initial state; factors[t] has become dA of
    step t, in place.
    """
    T, N, H4 = factors.shape
    H = H4 // 4
    blocks = factors.reshape(T, N, 4, H)
    dh = np.zeros((N, H), dtype=dhs.dtype)  # the gradient of h_t: from step t + 1, then from dhs
    dc = np.zeros((N, H), dtype=dhs.dtype)
    dc_through_h = np.empty((N, H), dtype=dhs.dtype)
    dc_fgi = dc[:, None, :]  # a view of dc, broadcast over the f, g, i blocks
    steps = zip(
        factors[::-1], blocks[::-1, :, :3], blocks[::-1, :, 3],
        dc_from_dh[::-1], f[::-1], dhs.transpose(1, 0, 2)[::-1], strict=True,
    )  # fmt: skip
    for dA, da_fgi, da_o, dc_from_dh_t, f_t, dh_out in steps:
        dh += dh_out
        np.multiply(dh, dc_from_dh_t, out=dc_through_h)
        dc += dc_through_h  # dc = dc + dh o (1 - tanh(c)^2): the two streams meet at c
        da_fgi *= dc_fgi  # da_f, da_g, da_i = dc times their factors
        da_o *= dh  # da_o = dh tanh(c) o (1 - o)
        dc *= f_t  # dc_prev = dc f: the cell path only multiplies by f
        np.matmul(dA, Wh_T, out=dh)  # dh_prev = dA Wh^T
    return dh, dc
