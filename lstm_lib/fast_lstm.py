"""FastTimeLSTM: the fused LSTM over a whole sequence, written to be fast.

It computes exactly what a loop of :class:`lstm_lib.lstm.LSTM` steps computes (the tests
check this to rounding), with the same interface as :class:`lstm_lib.lstm.TimeLSTM`;
training code uses it.
"""

import numpy as np

from .functions import sigmoid
from .layers import Layer
from .validation import as_float_array, check_shape, check_weights


class FastTimeLSTM(Layer):
    """T fused LSTM steps over a sequence, with full backpropagation through time.

    ``forward(xs)`` takes xs (N, T, D) and returns hs (N, T, H); ``backward(dhs)`` takes
    dhs (N, T, H), returns dxs (N, T, D) and writes dWx, dWh, db (summed over all steps)
    into ``grads`` in place. Weights ``Wx (D, 4H)``, ``Wh (H, 4H)``, ``b (4H,)``, blocks in
    the order f, g, i, o.

    The initial state is zero, or what :meth:`set_state` gave. With ``stateful=True`` the
    last h and c of one ``forward`` become the initial state of the next (truncated
    backpropagation through time); with ``stateful=False`` every ``forward`` after the
    first starts again from zero. After ``backward``, ``dh`` and ``dc`` hold the gradients
    with respect to the initial h and c.

    Each ``forward`` allows one ``backward``: to save memory, backward writes the gradients
    dA over the cached gate values (a second backward raises ``RuntimeError``). Like every
    layer of the book, the layer keeps a reference to ``xs`` until backward (for dWx): do
    not change ``xs`` in place in between.

    Speed (equal to a loop of :class:`LSTM` steps, which the tests check):

    * ``xs @ Wx + b`` for all T steps is one matrix product before the loop, because it
      does not depend on h; only ``h @ Wh`` stays inside the loop;
    * in backward the loop only computes dA; dWx, dWh, db and dxs are one product each
      after it, instead of T small products summed step by step;
    * every array the loops touch is allocated once per call, and the gates, the
      activations and their gradients are computed in place (``out=``), so no step creates
      a fresh array;
    * the caches are batch-major like xs and hs, (N, T, ...), so that ``xs`` itself, ``dA``
      and ``dxs`` can be used as (N T, ...) matrices without a transposed copy.
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
        self._backward_done = False

    def set_state(self, h, c=None):
        """Set the initial state of the next forward: h (N, H) and c (N, H) (None: zero)."""
        dtype = self.params[0].dtype
        h = as_float_array("h", h, dtype)
        N = check_shape("h", h, [("N", None), ("H", self.hidden_size)])["N"]
        if c is not None:
            c = as_float_array("c", c, dtype)
            check_shape("c", c, [("N", N), ("H", self.hidden_size)])
        self.h, self.c = h.copy(), None if c is None else c.copy()

    def reset_state(self):
        """Forget the carried state: the next forward starts from h = c = 0."""
        self.h = self.c = None

    def forward(self, xs):
        """xs (N, T, D) -> hs (N, T, H), a new contiguous array."""
        Wx, Wh, b = self.params
        H = self.hidden_size
        dtype = Wx.dtype
        xs = np.ascontiguousarray(as_float_array("xs", xs, dtype))  # no copy if it already is
        dims = check_shape("xs", xs, [("N", None), ("T", None), ("D", Wx.shape[0])])
        N, T, D = dims["N"], dims["T"], dims["D"]
        if T == 0:
            raise ValueError(f"xs must have at least one time step, got shape {xs.shape}")
        h0 = self._initial("h", self.h, N)
        c0 = self._initial("c", self.c, N)

        # A[:, t] = xs[:, t] @ Wx + b for all t at once, (N T, D) @ (D, 4H); the loop then
        # only adds h @ Wh. A[:, t] holds step t's gates after the loop, dA after backward.
        A = np.empty((N, T, 4 * H), dtype=dtype)
        np.matmul(xs.reshape(N * T, D), Wx, out=A.reshape(N * T, 4 * H))
        A += b
        # h_prev[:, t] and c_prev[:, t] are the state that step t reads (h_{t-1}, c_{t-1});
        # step t writes its h and c into slot t + 1, the last step into h_last and c_last.
        h_prev = np.empty((N, T, H), dtype=dtype)
        c_prev = np.empty((N, T, H), dtype=dtype)
        tanh_c = np.empty((N, T, H), dtype=dtype)
        h_last = np.empty((N, H), dtype=dtype)
        c_last = np.empty((N, H), dtype=dtype)
        h_prev[:, 0], c_prev[:, 0] = h0, c0
        hWh = np.empty((N, 4 * H), dtype=dtype)
        gi = np.empty((N, H), dtype=dtype)
        for t in range(T):
            a = A[:, t]
            np.matmul(h_prev[:, t], Wh, out=hWh)
            a += hWh
            f, g, i, o = a[:, :H], a[:, H : 2 * H], a[:, 2 * H : 3 * H], a[:, 3 * H :]
            sigmoid(f, out=f)
            np.tanh(g, out=g)
            sigmoid(a[:, 2 * H :], out=a[:, 2 * H :])  # i and o are adjacent: one call
            h, c = (h_prev[:, t + 1], c_prev[:, t + 1]) if t + 1 < T else (h_last, c_last)
            np.multiply(f, c_prev[:, t], out=c)  # c = f ⊙ c_prev + g ⊙ i
            np.multiply(g, i, out=gi)
            c += gi
            np.tanh(c, out=tanh_c[:, t])
            np.multiply(o, tanh_c[:, t], out=h)  # h = o ⊙ tanh(c)

        self._cache = (xs, A, h_prev, c_prev, tanh_c)
        self._backward_done = False
        if self.stateful:
            self.h, self.c = h_last, c_last  # not in the cache, not returned: no copy needed
        else:
            self.h = self.c = None
        hs = np.empty((N, T, H), dtype=dtype)  # a new array: the caller may change it freely
        hs[:, : T - 1] = h_prev[:, 1:]
        hs[:, T - 1] = h_last
        return hs

    def _initial(self, name, state, N):
        if state is None:
            return np.zeros((N, self.hidden_size), dtype=self.params[0].dtype)
        if state.shape[0] != N:
            raise ValueError(
                f"the carried state {name} has batch size {state.shape[0]} but xs has N={N}; "
                "call reset_state() or set_state(...) when the batch size changes"
            )
        return state

    def backward(self, dhs):
        """dhs (N, T, H) -> dxs (N, T, D); writes dWx, dWh, db and sets ``dh``, ``dc``."""
        xs, A, h_prev, c_prev, tanh_c = self._require_forward(self._cache)
        if self._backward_done:
            raise RuntimeError(
                "FastTimeLSTM.backward called twice after one forward: backward overwrites the "
                "forward cache with the gradients; call forward again first"
            )
        Wx, Wh, _ = self.params
        N, T, H = tanh_c.shape
        D = Wx.shape[0]
        dtype = Wx.dtype
        dhs = as_float_array("dhs", dhs, dtype)
        check_shape("dhs", dhs, [("N", N), ("T", T), ("H", H)])

        dh = np.zeros((N, H), dtype=dtype)  # dL/dh_t from step t + 1, then from dhs too
        dc = np.zeros((N, H), dtype=dtype)
        dc_prev = np.empty((N, H), dtype=dtype)
        tmp = np.empty((N, H), dtype=dtype)
        dh_i = np.empty((N, H), dtype=dtype)
        for t in reversed(range(T)):
            # a holds f, g, i, o of step t; each block is overwritten by its gradient as
            # soon as nothing else needs it, so that afterwards a holds dA = (df, dg, di, do).
            a = A[:, t]
            f, g, i, o = a[:, :H], a[:, H : 2 * H], a[:, 2 * H : 3 * H], a[:, 3 * H :]
            tc = tanh_c[:, t]
            dh += dhs[:, t]
            # dc += dh ⊙ o ⊙ (1 - tanh(c)^2): the two streams meet at c
            np.multiply(tc, tc, out=tmp)
            np.subtract(1, tmp, out=tmp)
            tmp *= o
            tmp *= dh
            dc += tmp
            # do = dh ⊙ tanh(c) ⊙ o (1 - o), into o's block
            np.subtract(1, o, out=tmp)
            o *= tmp
            o *= tc
            o *= dh
            # di = dc ⊙ g ⊙ i (1 - i) and dg = dc ⊙ i ⊙ (1 - g^2); di needs g, dg needs i
            np.multiply(dc, i, out=dh_i)  # dc ⊙ i, kept for dg
            np.subtract(1, i, out=tmp)
            i *= tmp
            i *= dc
            i *= g
            np.multiply(g, g, out=tmp)
            np.subtract(1, tmp, out=tmp)
            np.multiply(dh_i, tmp, out=g)
            # dc_prev = dc ⊙ f (the cell path: only ⊙f), df = dc ⊙ c_prev ⊙ f (1 - f)
            np.multiply(dc, f, out=dc_prev)
            np.subtract(1, f, out=tmp)
            f *= tmp
            f *= c_prev[:, t]
            f *= dc
            dc, dc_prev = dc_prev, dc  # swap the two buffers: no copy
            np.matmul(a, Wh.T, out=dh)  # dh_prev = dA @ Wh^T

        # One product each over all N T rows instead of T small ones summed step by step.
        dA = A.reshape(N * T, 4 * H)
        np.matmul(xs.reshape(N * T, D).T, dA, out=self.grads[0])
        np.matmul(h_prev.reshape(N * T, H).T, dA, out=self.grads[1])
        np.sum(dA, axis=0, out=self.grads[2])
        dxs = np.empty((N, T, D), dtype=dtype)
        np.matmul(dA, Wx.T, out=dxs.reshape(N * T, D))
        self.dh, self.dc = dh, dc
        self._backward_done = True
        return dxs
