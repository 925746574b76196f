"""The LSTM cell built gate by gate: one layer per part (notebook 05).

One time step, with x (N, D), h_prev and c_prev (N, H), * the elementwise (Hadamard,
아다마르) product:

    f = sigmoid(x Wx_f + h_prev Wh_f + b_f)     forget gate
    g = tanh(x Wx_g + h_prev Wh_g + b_g)        new information (candidate)
    i = sigmoid(x Wx_i + h_prev Wh_i + b_i)     input gate
    o = sigmoid(x Wx_o + h_prev Wh_o + b_o)     output gate
    c = f * c_prev + g * i                      memory cell
    h = o * tanh(c)                             hidden state

The fused lstm_lib.LSTM (notebook 07) computes the same with one affine transform; this
class keeps the parts apart so that each can be looked at.
"""

import numpy as np

from .functions import tanh
from .gates import Candidate, Gate
from .layers import Layer
from .validation import check_parts
from .weights import GATE_ORDER, split_weights


class LSTMCell(Layer):
    """The unfused LSTM step: three Gate layers (f, i, o) and one Candidate (g).

    Inputs: parts, a dict {"f": (Wx, Wh, b), "g": ..., "i": ..., "o": ...} with shapes
    (D, H), (H, H), (H,) each, as split_weights returns it.
    forward(x, h_prev, c_prev): x (N, D), h_prev (N, H), c_prev (N, H) -> (h, c), (N, H) each.
    backward(dh, dc=None): dh, dc (N, H) (dc None: zero) -> (dx, dh_prev, dc_prev).

    params and grads hold the twelve arrays in the order f, g, i, o and within each part
    Wx, Wh, b. After forward, f, g, i, o and c are copies of the step's values, for plots.
    """

    param_names = tuple(f"{gate}.{name}" for gate in GATE_ORDER for name in ("Wx", "Wh", "b"))

    def __init__(self, parts):
        super().__init__()
        check_parts(parts, GATE_ORDER)
        self.forget_gate = Gate(*parts["f"])
        self.candidate = Candidate(*parts["g"])
        self.input_gate = Gate(*parts["i"])
        self.output_gate = Gate(*parts["o"])
        units = self._units()
        shapes = {tuple(p.shape for p in unit.params) for unit in units}
        if len(shapes) != 1:
            raise ValueError(f"all four parts must have the same shapes, got {sorted(shapes)}")
        dtypes = [str(unit.params[0].dtype) for unit in units]
        if len(set(dtypes)) != 1:
            raise TypeError(f"all four parts must have the same dtype, got f, g, i, o: {dtypes}")
        self.params = [p for unit in units for p in unit.params]
        self.grads = [g for unit in units for g in unit.grads]
        self.f = self.g = self.i = self.o = self.c = None
        self._cache = None

    @classmethod
    def from_fused(cls, Wx, Wh, b):
        """The cell with (copies of) fused weights Wx (D, 4H), Wh (H, 4H), b (4H,),
        blocks f, g, i, o."""
        return cls(split_weights(Wx, Wh, b))

    def _units(self):
        return (self.forget_gate, self.candidate, self.input_gate, self.output_gate)

    def forward(self, x, h_prev, c_prev):
        """x (N, D), h_prev (N, H), c_prev (N, H) -> h (N, H), c (N, H)."""
        f = self.forget_gate.forward(x, h_prev)
        g = self.candidate.forward(x, h_prev)
        i = self.input_gate.forward(x, h_prev)
        o = self.output_gate.forward(x, h_prev)
        c = f * c_prev + g * i
        tanh_c = tanh(c)
        h = o * tanh_c
        self._cache = (c_prev.copy(), f, g, i, o, tanh_c)  # the caller may change c_prev
        self.f, self.g, self.i, self.o, self.c = f.copy(), g.copy(), i.copy(), o.copy(), c.copy()
        return h, c

    def backward(self, dh, dc=None):
        """dh (N, H), dc (N, H) or None -> dx (N, D), dh_prev (N, H), dc_prev (N, H).

        The cell's gradient gathers two streams: dc from the next step and the one that
        comes through h = o * tanh(c). Then each * node hands the gradient to each of its
        inputs multiplied by the other input: df, dg, di, do are the gradients of the
        values f, g, i, o, and each part's backward turns its own into da and the weights'.
        """
        c_prev, f, g, i, o, tanh_c = self._require_forward(self._cache)
        if dc is None:
            dc = np.zeros_like(c_prev)
        dc = dc + dh * o * (1 - tanh_c**2)
        df, dg, di, do = dc * c_prev, dc * i, dc * g, dh * tanh_c
        dx = dh_prev = 0
        for unit, dout in zip(self._units(), (df, dg, di, do), strict=True):
            dx_part, dh_part = unit.backward(dout)
            dx, dh_prev = dx + dx_part, dh_prev + dh_part
        return dx, dh_prev, dc * f
