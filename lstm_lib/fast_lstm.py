"""FastTimeLSTM: the fused LSTM over a whole sequence, written to be fast (notebook 07).

It computes what a loop of lstm_lib.lstm.LSTM steps computes, to rounding (the tests
check float64 to 1e-12), with the interface of lstm_lib.lstm.TimeLSTM; training code
uses it. Notebook 07 builds TimeLSTM and then shows why this one is faster.

Python runs one loop iteration per time step, and every NumPy call costs a fixed 0.2-1 µs
whatever the array size, so at small shapes (the notebooks', or N = 1) the number of calls
per step decides the speed; at large ones the matrix products do.
Each trick below is there for one of the two:

* **one product for all T input terms**: ``xs @ Wx + b`` does not depend on h, so it is
  one matrix product over all N T rows before the loop; only ``h @ Wh`` stays inside;
* **time-major, contiguous caches** (T, N, ...): step t reads and writes whole contiguous
  blocks ``A[t]``, which NumPy's elementwise loops run through several times faster than
  the strided ``A[:, t]`` of a batch-major layout; the loops iterate with ``zip`` over the
  cache arrays, which hands out the per-step views without any indexing in Python;
* **one transcendental call for the three sigmoids**: the sigmoid is computed on the whole
  (N, 4H) row at once as 1 / (1 + exp(-A)), three calls (exp, add, divide), instead of
  separately for the f block and the adjacent i, o blocks (strided blocks would cost
  more than the wasted quarter); the g block's tanh is taken first into its own cache, and
  the sigmoid of the g block is never read; ``np.divide(1, a)`` because NumPy vectorises
  division and not ``np.reciprocal`` (1.7 times faster at 16384 numbers);
* **the minus sign paid once**: the cache holds the negated pre-activation -A, so that
  exp(-A) needs no negation inside the loop (it is folded into the input term and the
  ``-h @ Wh`` subtraction); tanh is odd, so the g cache then holds -g, which the two
  places that use g account for;
* **gate-derivative factors for all T before the backward loop**: every factor of the
  backward that does not depend on the incoming gradients (o (1 - tanh(c)^2),
  c_prev f (1 - f), i (1 - g^2), g i (1 - i), tanh(c) o (1 - o)) is computed for all
  steps in a handful of large in-place operations, so each backward step is seven calls;
* **Wh^T copied once per backward, into dWh's array**: the backward step multiplies dA
  by Wh^T; OpenBLAS's AVX-512 kernels multiply a few rows by the transposed view ``Wh.T``
  up to twice as slowly as by a contiguous copy (35 ms against 20 at N = 20, T = 35,
  H = 650); the copy weighs as much as Wh (at that shape 40 % of the cache), so it goes
  into the array of dWh, which has the same size and is free until dWh is computed;
* **one product per weight gradient**: dWx, dWh, db and dxs are one product (or sum) each
  over all N T rows after the loop, instead of T small products summed step by step;
* **no fresh arrays, not even from call to call**: the gates, activations and gradients
  are written in place (``out=``), dA overwrites the factors, dxs is computed into the
  buffer of the input copy, and the cache buffers are reused by the next call of the same
  sizes: fresh memory costs a page fault per 4 KiB when first written, which at middle
  sizes took as long as the forward loop itself. A training loop therefore holds one
  cache and, during backward, the returned dxs; nothing else of the size of the sequence.

The sigmoid 1 / (1 + exp(-x)) keeps a relative error of a few units in the last place in
both tails (no cancellation: for x < 0 it divides 1 by a large number), wherever the result
is a normal number (x > -87.3 in float32, x > -708 in float64); below that it is subnormal,
and once exp(-x) overflows to infinity (x < -88.7, x < -709.7), silently, it is 0.
"""

import numpy as np

from .layers import Layer
from .validation import (
    check_sequence,
    check_state,
    check_upstream,
    check_weights,
    initial_state,
)


class FastTimeLSTM(Layer):
    """T fused LSTM steps over a sequence, with full backpropagation through time.

    ``forward(xs)`` takes xs (N, T, D) and returns hs (N, T, H); ``backward(dhs)`` takes
    dhs (N, T, H), returns dxs (N, T, D) and writes dWx, dWh, db (summed over all steps)
    into ``grads`` in place. Weights ``Wx (D, 4H)``, ``Wh (H, 4H)``, ``b (4H,)``, blocks in
    the order f, g, i, o; the dtype of every result follows the weights.

    The initial state is zero, or what set_state gave. With ``stateful=True`` the
    last h and c of one ``forward`` become the initial state of the next (truncated
    backpropagation through time); with ``stateful=False`` every ``forward`` after the
    first starts again from zero. After ``backward``, ``dh`` and ``dc`` hold the gradients
    with respect to the initial h and c.

    Each ``forward`` allows one ``backward``, which uses up the cache (a second backward
    raises ``RuntimeError``); the next call of the same sizes reuses its buffers.
    ``forward`` copies xs, and hs, dxs and the state are new arrays, so the caller may
    change any of them freely.
    """

    param_names = ("Wx", "Wh", "b")

    def __init__(self, Wx, Wh, b, stateful=False):
        super().__init__()
        _, self.hidden_size, Wx, Wh, b = check_weights(Wx, Wh, b, blocks=4)
        self.params = [Wx, Wh, b]
        self.grads = [np.zeros_like(Wx), np.zeros_like(Wh), np.zeros_like(b)]
        self.stateful = stateful
        self.h = self.c = None
        self.dh = self.dc = None
        self._cache = None
        self._workspace = None
        self._backward_done = False

    def set_state(self, h, c=None):
        """Set the initial state of the next forward: h (N, H) and c (N, H) (None: zero)."""
        dtype, H = self.params[0].dtype, self.hidden_size
        self.h = check_state("h", h, None, H, dtype)
        self.c = None if c is None else check_state("c", c, self.h.shape[0], H, dtype)

    def reset_state(self):
        """Forget the carried state: the next forward starts from h = c = 0."""
        self.h = self.c = None

    def forward(self, xs):
        """xs (N, T, D) -> hs (N, T, H), a new contiguous array."""
        Wx, Wh, b = self.params
        H = self.hidden_size
        dtype = Wx.dtype
        xs = check_sequence("xs", xs, dtype, Wx.shape[0])
        N, T, D = xs.shape
        h0 = initial_state("h", self.h, N, H, dtype)
        c0 = initial_state("c", self.c, N, H, dtype)

        X, A, G, TC, Hs, Cs = self._buffers(N, T, D)
        np.copyto(X, xs.transpose(1, 0, 2))  # time-major; a copy: the caller may change xs
        # A[t] = -(xs[:, t] @ Wx + b) for all t at once: one (T N, D) @ (D, 4H) product.
        np.matmul(X.reshape(T * N, D), Wx, out=A.reshape(T * N, 4 * H))
        np.subtract(-b, A, out=A)
        Hs[0], Cs[0] = h0, c0
        with np.errstate(over="ignore"):  # exp(-A) = inf gives sigmoid 0, as it should
            _forward_steps(A, G, TC, Hs, Cs, Wh)

        self._cache = (X, A, G, TC, Hs, Cs)
        self._backward_done = False
        if self.stateful:
            self.h, self.c = Hs[T].copy(), Cs[T].copy()  # copies: the cache goes in backward
        else:
            self.h = self.c = None
        return Hs[1:].transpose(1, 0, 2).copy()

    def _buffers(self, N, T, D):
        """The cache arrays for a call with N, T, D: the previous call's when the sizes match.

        Fresh memory from the operating system costs a page fault per 4 KiB at the first
        write, as much as the step loops themselves at middle sizes, so the buffers are
        kept and reused from call to call (a training loop holds one cache, as it must).
        X (T, N, D): the inputs, time-major; A (T, N, 4H): the gates, then dA; G: -g;
        TC: tanh(c); Hs, Cs (T + 1, N, H): h and c after t steps, [0] the initial state.
        """
        if self._workspace is None or self._workspace[0].shape != (T, N, D):
            H, dtype = self.hidden_size, self.params[0].dtype
            shapes = [(T, N, D), (T, N, 4 * H), (T, N, H), (T, N, H), (T + 1, N, H), (T + 1, N, H)]
            self._workspace = tuple(np.empty(shape, dtype=dtype) for shape in shapes)
        return self._workspace

    def backward(self, dhs):
        """dhs (N, T, H) -> dxs (N, T, D); writes dWx, dWh, db and sets ``dh``, ``dc``."""
        if self._backward_done:
            raise RuntimeError(
                "FastTimeLSTM.backward called twice after one forward: backward uses up the "
                "forward cache; call forward again first"
            )
        X, A, G, TC, Hs, Cs = self._require_forward(self._cache)
        Wx, Wh, _ = self.params
        T, N, D = X.shape
        H = self.hidden_size
        dhs = check_upstream("dhs", dhs, [("N", N), ("T", T), ("H", H)], Wx.dtype)

        self._cache = None  # backward uses the cache up (its buffers serve the next call)
        self._backward_done = True
        dc_from_dh, f = _gate_factors(A, G, TC, Cs[:-1])
        Wh_T = self.grads[1].reshape(4 * H, H)  # dWh's array, free until dWh is computed
        np.copyto(Wh_T, Wh.T)
        self.dh, self.dc = _backward_steps(A, dc_from_dh, f, dhs, Wh_T)

        # A holds dA of every step: one product each over all T N rows.
        dA = A.reshape(T * N, 4 * H)
        np.matmul(X.reshape(T * N, D).T, dA, out=self.grads[0])
        np.matmul(Hs[:-1].reshape(T * N, H).T, dA, out=self.grads[1])
        np.sum(dA, axis=0, out=self.grads[2])
        np.matmul(dA, Wx.T, out=X.reshape(T * N, D))  # dxs, time-major, over the xs copy
        return X.transpose(1, 0, 2).copy()


def _forward_steps(A, G, TC, Hs, Cs, Wh):
    """The recurrence, in place: A[t] from -(x Wx + b) to (f, junk, i, o), G[t] = -g, TC,
    Hs[t + 1] and Cs[t + 1]. Eleven NumPy calls per step."""
    T, N, H4 = A.shape
    blocks = A.reshape(T, N, 4, H4 // 4)  # blocks[t, :, k] is gate k of step t, (N, H)
    hWh = np.empty((N, H4), dtype=A.dtype)
    gi = np.empty((N, H4 // 4), dtype=A.dtype)
    one = np.ones((), dtype=A.dtype)  # np.divide(one, a) runs vectorised, np.reciprocal not
    steps = zip(
        A, blocks[:, :, 0], blocks[:, :, 1], blocks[:, :, 2], blocks[:, :, 3],
        G, TC, Hs[:-1], Hs[1:], Cs[:-1], Cs[1:], strict=True,
    )  # fmt: skip
    for a, f, neg_a_g, i, o, neg_g, tanh_c, h_prev, h, c_prev, c in steps:
        np.matmul(h_prev, Wh, out=hWh)
        np.subtract(a, hWh, out=a)  # a = -(x Wx + b + h_prev Wh) = -A
        np.tanh(neg_a_g, out=neg_g)  # tanh(-a_g) = -g
        np.exp(a, out=a)  # the whole row: the f, i, o blocks are needed, g's is not
        a += 1
        np.divide(one, a, out=a)  # 1 / (1 + exp(-A)): f, i, o = sigmoid of their blocks
        np.multiply(f, c_prev, out=c)
        np.multiply(neg_g, i, out=gi)
        np.subtract(c, gi, out=c)  # c = f c_prev + g i
        np.tanh(c, out=tanh_c)
        np.multiply(o, tanh_c, out=h)  # h = o tanh(c)


def _gate_factors(A, G, TC, C_prev):
    """Everything the backward steps multiply by, for all T at once, in place.

    With the incoming gradients dh and dc of a step (as in lstm.LSTM.backward),

        dc += dh * o * (1 - tanh(c)^2)
        da_f = dc * c_prev * f * (1 - f)
        da_g = dc * i * (1 - g^2)
        da_i = dc * g * i * (1 - i)
        da_o = dh * tanh(c) * o * (1 - o)
        dc_prev = dc * f

    The f, g, i, o blocks of A receive the four factors that multiply dc or dh in
    da_f, da_g, da_i, da_o (A's g block held nothing needed); returns o (1 - tanh(c)^2)
    (in G's buffer) and f (in TC's buffer).
    """
    T, N, H4 = A.shape
    blocks = A.reshape(T, N, 4, H4 // 4)
    f, g_block, i, o = (blocks[:, :, k] for k in range(4))
    neg_g = G
    np.multiply(neg_g, neg_g, out=g_block)  # i (1 - g^2)
    np.subtract(1, g_block, out=g_block)
    g_block *= i
    neg_g *= i  # g i (1 - i) = (-g i) (i - 1)
    np.subtract(i, 1, out=i)
    i *= neg_g
    dc_from_dh = G  # G is free now
    np.multiply(TC, TC, out=dc_from_dh)  # o (1 - tanh^2 c)
    np.subtract(1, dc_from_dh, out=dc_from_dh)
    dc_from_dh *= o
    TC *= o  # tanh(c) o (1 - o)
    np.subtract(1, o, out=o)
    o *= TC
    np.copyto(TC, f)  # TC is free now: it keeps f
    np.subtract(1, f, out=f)  # c_prev f (1 - f)
    f *= TC
    f *= C_prev
    return dc_from_dh, TC


def _backward_steps(A, dc_from_dh, f, dhs, Wh_T):
    """Backpropagation through time over the factors in A, which become dA in place.

    Returns dL/dh and dL/dc of the initial state. Seven NumPy calls per step."""
    T, N, H4 = A.shape
    H = H4 // 4
    blocks = A.reshape(T, N, 4, H)
    dh = np.zeros((N, H), dtype=A.dtype)  # dL/dh_t: from step t + 1, then from dhs too
    dc = np.zeros((N, H), dtype=A.dtype)
    tmp = np.empty((N, H), dtype=A.dtype)
    dc_fgi = dc[:, None, :]  # a view of dc, broadcast over the f, g, i blocks
    steps = zip(
        A[::-1], blocks[::-1, :, :3], blocks[::-1, :, 3],
        dc_from_dh[::-1], f[::-1], dhs.transpose(1, 0, 2)[::-1], strict=True,
    )  # fmt: skip
    for dA, da_fgi, da_o, dc_dh, f_t, dh_out in steps:
        dh += dh_out
        np.multiply(dh, dc_dh, out=tmp)  # the two streams meet at c
        dc += tmp
        da_fgi *= dc_fgi  # da_f, da_g, da_i
        da_o *= dh  # da_o
        dc *= f_t  # dL/dc_prev: the cell path, only times f
        np.matmul(dA, Wh_T, out=dh)  # dL/dh_prev = dA Wh^T
    return dh, dc
