r"""The plain (tanh) RNN, the starting point the LSTM improves on.

One step: :math:`h = \tanh(x W_x + h_{prev} W_h + b)` with x (N, D), h_prev (N, H),
Wx (D, H), Wh (H, H), b (H,). Its backward multiplies the gradient by
:math:`\tanh'` and by :math:`W_h^T` at every step, which is why it vanishes or explodes
over long sequences.
"""

import numpy as np

from .layers import Layer, RecurrentUnit
from .validation import as_float_array, check_shape, check_weights


class RNN(RecurrentUnit):
    """One tanh RNN step: ``forward(x, h_prev)`` -> h_next (N, H); ``backward(dh_next)`` ->
    ``(dx, dh_prev)``, writing dWx, dWh, db into ``grads`` in place.

    It is the :class:`~lstm_lib.layers.RecurrentUnit` with tanh: the same layer as the new
    information g of the LSTM, used here on its own as the whole recurrent step.
    """


class TimeRNN(Layer):
    """T tanh RNN steps: ``forward(xs)`` xs (N, T, D) -> hs (N, T, H);
    ``backward(dhs)`` dhs (N, T, H) -> dxs (N, T, D), gradients summed over the steps.

    State handling as in :class:`lstm_lib.lstm.TimeLSTM`: ``set_state(h)``,
    ``reset_state()``, ``stateful``; after backward ``dh`` is the gradient with respect to
    the initial h. Written as a plain loop of :class:`RNN` steps, for reading.
    """

    param_names = ("Wx", "Wh", "b")

    def __init__(self, Wx, Wh, b, stateful=False):
        super().__init__()
        _, self.hidden_size, Wx, Wh, b = check_weights(Wx, Wh, b)
        self.params = [Wx, Wh, b]
        self.grads = [np.zeros_like(Wx), np.zeros_like(Wh), np.zeros_like(b)]
        self.stateful = stateful
        self.h = None
        self.dh = None
        self._steps = None
        self._batch_size = None

    def set_state(self, h):
        """Set the initial hidden state of the next forward, h (N, H)."""
        h = as_float_array("h", h, self.params[0].dtype)
        check_shape("h", h, [("N", None), ("H", self.hidden_size)])
        self.h = h.copy()

    def reset_state(self):
        """The next forward starts from h = 0."""
        self.h = None

    def forward(self, xs):
        """xs (N, T, D) -> hs (N, T, H)."""
        Wx = self.params[0]
        xs = as_float_array("xs", xs, Wx.dtype)
        dims = check_shape("xs", xs, [("N", None), ("T", None), ("D", Wx.shape[0])])
        N, T = dims["N"], dims["T"]
        if T == 0:
            raise ValueError(f"xs must have at least one time step, got shape {xs.shape}")
        h = self.h if self.h is not None else np.zeros((N, self.hidden_size), Wx.dtype)
        if h.shape[0] != N:
            raise ValueError(
                f"the carried state h has batch size {h.shape[0]} but xs has N={N}; "
                "call reset_state() or set_state(...) when the batch size changes"
            )
        hs = np.empty((N, T, self.hidden_size), dtype=Wx.dtype)
        self._steps = []
        for t in range(T):
            step = RNN(*self.params)  # shares the parameter arrays
            h = step.forward(xs[:, t], h)
            hs[:, t] = h
            self._steps.append(step)
        self._batch_size = N
        self.h = h if self.stateful else None
        return hs

    def backward(self, dhs):
        """dhs (N, T, H) -> dxs (N, T, D); writes summed dWx, dWh, db; sets ``dh``."""
        steps = self._require_forward(self._steps)
        Wx = self.params[0]
        N = self._batch_size
        T = len(steps)
        dhs = as_float_array("dhs", dhs, Wx.dtype)
        check_shape("dhs", dhs, [("N", N), ("T", T), ("H", self.hidden_size)])
        dxs = np.empty((N, T, Wx.shape[0]), dtype=Wx.dtype)
        for grad in self.grads:
            grad[...] = 0
        dh = np.zeros((N, self.hidden_size), dtype=Wx.dtype)
        for t in reversed(range(T)):
            dxs[:, t], dh = steps[t].backward(dhs[:, t] + dh)
            for total, grad in zip(self.grads, steps[t].grads, strict=True):
                total += grad
        self.dh = dh
        return dxs
