r"""The fused LSTM: one affine transform for all four parts, then a slice.

The four affine transforms of the cell (see :mod:`lstm_lib.cell`) are stacked into one:

.. math:: A = x W_x + h_{prev} W_h + b, \qquad
          W_x\ (D, 4H),\ W_h\ (H, 4H),\ b\ (4H,)

and A (N, 4H) is sliced into four (N, H) blocks in the order **f, g, i, o**:

.. math:: f = \sigma(A_f),\ g = \tanh(A_g),\ i = \sigma(A_i),\ o = \sigma(A_o),\quad
          c = f \odot c_{prev} + g \odot i,\quad h = o \odot \tanh(c)

In backward the four slices' gradients are concatenated back into dA (N, 4H) in the same
order, and the affine rule gives dWx, dWh, db, dx and dh_prev at once.

:class:`LSTM` is one step, written to be read. :class:`TimeLSTM` runs T steps and is
written to be fast; a test checks that it equals a loop of :class:`LSTM` steps.
"""

import numpy as np

from .functions import sigmoid, sigmoid_grad, tanh, tanh_grad
from .layers import Layer
from .validation import as_float_array, check_shape, check_weights


def _gate_activations(A, H):
    """Slice A (N, 4H) into f, g, i, o and apply sigmoid, tanh, sigmoid, sigmoid."""
    f = sigmoid(A[:, :H])
    g = tanh(A[:, H : 2 * H])
    i = sigmoid(A[:, 2 * H : 3 * H])
    o = sigmoid(A[:, 3 * H :])
    return f, g, i, o


class LSTM(Layer):
    """One fused LSTM step with ``Wx (D, 4H)``, ``Wh (H, 4H)``, ``b (4H,)``, blocks f, g, i, o.

    ``forward(x, h_prev, c_prev)`` -> ``(h_next, c_next)``;
    ``backward(dh_next, dc_next)`` -> ``(dx, dh_prev, dc_prev)``, writing dWx, dWh, db into
    ``grads`` in place.
    """

    param_names = ("Wx", "Wh", "b")

    def __init__(self, Wx, Wh, b):
        super().__init__()
        _, self.hidden_size, Wx, Wh, b = check_weights(Wx, Wh, b, blocks=4)
        self.params = [Wx, Wh, b]
        self.grads = [np.zeros_like(Wx), np.zeros_like(Wh), np.zeros_like(b)]
        self._cache = None

    def forward(self, x, h_prev, c_prev):
        """x (N, D), h_prev (N, H), c_prev (N, H) -> h_next (N, H), c_next (N, H)."""
        Wx, Wh, b = self.params
        H = self.hidden_size
        x = as_float_array("x", x, Wx.dtype)
        h_prev = as_float_array("h_prev", h_prev, Wx.dtype)
        c_prev = as_float_array("c_prev", c_prev, Wx.dtype)
        N = check_shape("x", x, [("N", None), ("D", Wx.shape[0])])["N"]
        check_shape("h_prev", h_prev, [("N", N), ("H", H)])
        check_shape("c_prev", c_prev, [("N", N), ("H", H)])

        A = x @ Wx + h_prev @ Wh + b  # one affine transform for all four parts
        f, g, i, o = _gate_activations(A, H)
        c_next = f * c_prev + g * i
        tanh_c = tanh(c_next)
        h_next = o * tanh_c
        self._cache = (x, h_prev, c_prev, f, g, i, o, tanh_c)
        return h_next, c_next

    def backward(self, dh_next, dc_next):
        """dh_next, dc_next (N, H) -> dx (N, D), dh_prev (N, H), dc_prev (N, H)."""
        x, h_prev, c_prev, f, g, i, o, tanh_c = self._require_forward(self._cache)
        check_shape("dh_next", dh_next, [("N", x.shape[0]), ("H", self.hidden_size)])
        check_shape("dc_next", dc_next, [("N", x.shape[0]), ("H", self.hidden_size)])
        Wx, Wh, _ = self.params

        dc = dc_next + dh_next * o * tanh_grad(tanh_c)  # two streams meet at c
        dc_prev = dc * f  # the cell path: only ⊙f
        df = dc * c_prev * sigmoid_grad(f)
        dg = dc * i * tanh_grad(g)
        di = dc * g * sigmoid_grad(i)
        do = dh_next * tanh_c * sigmoid_grad(o)
        dA = np.hstack((df, dg, di, do))  # the slice node's backward: concatenate

        self.grads[0][...] = x.T @ dA
        self.grads[1][...] = h_prev.T @ dA
        self.grads[2][...] = dA.sum(axis=0)
        return dA @ Wx.T, dA @ Wh.T, dc_prev


class TimeLSTM(Layer):
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

    Speed (equal to a loop of :class:`LSTM` steps, which the tests check):

    * ``xs @ Wx + b`` for all T steps is one matrix product before the loop, because it does
      not depend on h; only ``h @ Wh`` stays inside the loop;
    * the caches are preallocated time-major arrays (T, N, ...), so each step reads and
      writes contiguous memory, and activations are applied in place;
    * in backward the loop only computes dA; dWx, dWh, db and dxs are one product each
      after it.
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
        """xs (N, T, D) -> hs (N, T, H)."""
        Wx, Wh, b = self.params
        H = self.hidden_size
        xs = as_float_array("xs", xs, Wx.dtype)
        dims = check_shape("xs", xs, [("N", None), ("T", None), ("D", Wx.shape[0])])
        N, T, D = dims["N"], dims["T"], dims["D"]
        h0 = self._initial("h", self.h, N)
        c0 = self._initial("c", self.c, N)

        # Gates: A[t] = xs[:, t] @ Wx + b for all t at once; h @ Wh is added in the loop.
        xs_tm = np.ascontiguousarray(xs.transpose(1, 0, 2)).reshape(T * N, D)  # time-major
        A = np.empty((T, N, 4 * H), dtype=Wx.dtype)
        np.matmul(xs_tm, Wx, out=A.reshape(T * N, 4 * H))
        A += b
        hs = np.empty((T + 1, N, H), dtype=Wx.dtype)  # hs[t] is h_{t-1}; hs[0] = h0
        cs = np.empty((T + 1, N, H), dtype=Wx.dtype)
        tanh_cs = np.empty((T, N, H), dtype=Wx.dtype)
        hs[0], cs[0] = h0, c0
        tmp = np.empty((N, H), dtype=Wx.dtype)
        for t in range(T):
            a = A[t]
            a += hs[t] @ Wh
            sigmoid(a[:, :H], out=a[:, :H])  # f
            np.tanh(a[:, H : 2 * H], out=a[:, H : 2 * H])  # g
            sigmoid(a[:, 2 * H :], out=a[:, 2 * H :])  # i and o, adjacent blocks
            f, g, i, o = a[:, :H], a[:, H : 2 * H], a[:, 2 * H : 3 * H], a[:, 3 * H :]
            np.multiply(f, cs[t], out=cs[t + 1])
            np.multiply(g, i, out=tmp)
            cs[t + 1] += tmp
            np.tanh(cs[t + 1], out=tanh_cs[t])
            np.multiply(o, tanh_cs[t], out=hs[t + 1])

        self._cache = (xs_tm, A, hs, cs, tanh_cs)
        if self.stateful:
            self.h, self.c = hs[T].copy(), cs[T].copy()
        else:
            self.h = self.c = None
        return np.ascontiguousarray(hs[1:].transpose(1, 0, 2))

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
        xs_tm, A, hs, cs, tanh_cs = self._require_forward(self._cache)
        Wx, Wh, _ = self.params
        T, N, H = tanh_cs.shape
        D = Wx.shape[0]
        dtype = Wx.dtype
        dhs = as_float_array("dhs", dhs, dtype)
        check_shape("dhs", dhs, [("N", N), ("T", T), ("H", H)])

        dA = np.empty((T, N, 4 * H), dtype=dtype)
        dh = np.zeros((N, H), dtype=dtype)
        dc = np.zeros((N, H), dtype=dtype)
        tmp = np.empty((N, H), dtype=dtype)
        for t in reversed(range(T)):
            a, da = A[t], dA[t]
            f, g, i, o = a[:, :H], a[:, H : 2 * H], a[:, 2 * H : 3 * H], a[:, 3 * H :]
            df, dg, di, do = da[:, :H], da[:, H : 2 * H], da[:, 2 * H : 3 * H], da[:, 3 * H :]
            dh += dhs[:, t]
            # dc += dh * o * (1 - tanh(c)^2)
            np.multiply(tanh_cs[t], tanh_cs[t], out=tmp)
            np.subtract(1, tmp, out=tmp)
            tmp *= o
            tmp *= dh
            dc += tmp
            # do = dh * tanh(c) * o (1 - o)
            np.multiply(dh, tanh_cs[t], out=do)
            _times_sigmoid_grad(do, o, tmp)
            # df = dc * c_prev * f (1 - f)
            np.multiply(dc, cs[t], out=df)
            _times_sigmoid_grad(df, f, tmp)
            # dg = dc * i * (1 - g^2)
            np.multiply(dc, i, out=dg)
            np.multiply(g, g, out=tmp)
            np.subtract(1, tmp, out=tmp)
            dg *= tmp
            # di = dc * g * i (1 - i)
            np.multiply(dc, g, out=di)
            _times_sigmoid_grad(di, i, tmp)
            dc *= f  # the cell path: only ⊙f
            np.matmul(da, Wh.T, out=dh)

        dA_2d = dA.reshape(T * N, 4 * H)
        np.matmul(hs[:T].reshape(T * N, H).T, dA_2d, out=self.grads[1])
        np.sum(dA_2d, axis=0, out=self.grads[2])
        np.matmul(xs_tm.T, dA_2d, out=self.grads[0])
        dxs = (dA_2d @ Wx.T).reshape(T, N, D).transpose(1, 0, 2)
        self.dh, self.dc = dh, dc
        return np.ascontiguousarray(dxs)


def _times_sigmoid_grad(d, y, tmp):
    """d <- d * y (1 - y), with y a sigmoid output; tmp is scratch of the same shape."""
    np.subtract(1, y, out=tmp)
    tmp *= y
    d *= tmp
