r"""The LSTM cell built gate by gate: the teaching version, one layer per part.

One time step, with x (N, D), h_prev and c_prev (N, H):

.. math::

    f &= \sigma(x W_x^{(f)} + h_{prev} W_h^{(f)} + b^{(f)})   &&\text{forget gate} \\
    g &= \tanh(x W_x^{(g)} + h_{prev} W_h^{(g)} + b^{(g)})    &&\text{new information} \\
    i &= \sigma(x W_x^{(i)} + h_{prev} W_h^{(i)} + b^{(i)})   &&\text{input gate} \\
    o &= \sigma(x W_x^{(o)} + h_{prev} W_h^{(o)} + b^{(o)})   &&\text{output gate} \\
    c &= f \odot c_{prev} + g \odot i                          &&\text{memory cell} \\
    h &= o \odot \tanh(c)                                      &&\text{hidden state}

⊙ is the elementwise (Hadamard, 아다마르) product. The fused :class:`lstm_lib.lstm.LSTM`
computes exactly the same with one affine transform; this class keeps the parts apart so
each can be inspected.
"""

import numpy as np

from .functions import tanh, tanh_grad
from .gates import Candidate, Gate
from .layers import Layer
from .validation import as_float_array, check_shape
from .weights import GATE_ORDER, split_weights


class LSTMCell(Layer):
    """The unfused LSTM step made of three :class:`Gate` and one :class:`Candidate`.

    ``parts`` is a dict ``{"f": (Wx, Wh, b), "g": ..., "i": ..., "o": ...}`` with shapes
    (D, H), (H, H), (H,) each, as returned by :func:`lstm_lib.weights.split_weights`.
    ``params`` and ``grads`` hold the twelve arrays in the order f, g, i, o and within each
    part Wx, Wh, b. After ``forward`` the attributes ``f``, ``g``, ``i``, ``o`` and ``c``
    hold the last step's values, each (N, H), for plotting.
    """

    param_names = tuple(f"{gate}.{name}" for gate in GATE_ORDER for name in ("Wx", "Wh", "b"))

    def __init__(self, parts):
        super().__init__()
        missing = set(GATE_ORDER) - set(parts)
        if missing:
            raise ValueError(f"parts needs the keys f, g, i, o; missing {sorted(missing)}")
        self.forget_gate = Gate(*parts["f"])
        self.candidate = Candidate(*parts["g"])
        self.input_gate = Gate(*parts["i"])
        self.output_gate = Gate(*parts["o"])
        shapes = {tuple(p.shape for p in unit.params) for unit in self._units()}
        if len(shapes) != 1:
            raise ValueError(f"all four parts must have the same shapes, got {sorted(shapes)}")
        dtypes = [str(unit.params[0].dtype) for unit in self._units()]
        if len(set(dtypes)) != 1:
            raise TypeError(f"all four parts must have the same dtype, got f, g, i, o: {dtypes}")
        for unit in self._units():
            self.params += unit.params
            self.grads += unit.grads
        self.f = self.g = self.i = self.o = self.c = None
        self._cache = None

    @classmethod
    def from_fused(cls, Wx, Wh, b):
        """Build the cell from fused weights ``Wx (D, 4H)``, ``Wh (H, 4H)``, ``b (4H,)``
        (blocks f, g, i, o); the cell gets copies."""
        return cls(split_weights(Wx, Wh, b))

    def _units(self):
        return (self.forget_gate, self.candidate, self.input_gate, self.output_gate)

    def forward(self, x, h_prev, c_prev):
        """x (N, D), h_prev (N, H), c_prev (N, H) -> (h, c), both (N, H)."""
        Wx, Wh, _ = self.params[:3]
        x = as_float_array("x", x, Wx.dtype)
        h_prev = as_float_array("h_prev", h_prev, Wx.dtype)
        c_prev = as_float_array("c_prev", c_prev, Wx.dtype)
        N = check_shape("x", x, [("N", None), ("D", Wx.shape[0])])["N"]
        check_shape("h_prev", h_prev, [("N", N), ("H", Wh.shape[0])])
        check_shape("c_prev", c_prev, [("N", N), ("H", Wh.shape[0])])
        f = self.forget_gate.forward(x, h_prev)
        g = self.candidate.forward(x, h_prev)
        i = self.input_gate.forward(x, h_prev)
        o = self.output_gate.forward(x, h_prev)
        c = f * c_prev + g * i
        tanh_c = tanh(c)
        h = o * tanh_c
        self.f, self.g, self.i, self.o, self.c = f, g, i, o, c
        self._cache = (c_prev, tanh_c)
        return h, c

    def backward(self, dh, dc=None):
        """dh (N, H) and dc (N, H) (None means zero) -> (dx, dh_prev, dc_prev).

        The cell's gradient gathers two streams: ``dc`` from the next step and the one
        that comes through ``h = o ⊙ tanh(c)``. Then each ⊙ node hands the gradient to
        each of its inputs multiplied by the other input.
        """
        c_prev, tanh_c = self._require_forward(self._cache)
        dh = as_float_array("dh", dh, c_prev.dtype)
        check_shape("dh", dh, [("N", c_prev.shape[0]), ("H", c_prev.shape[1])])
        dc = np.zeros_like(c_prev) if dc is None else as_float_array("dc", dc, c_prev.dtype)
        check_shape("dc", dc, [("N", c_prev.shape[0]), ("H", c_prev.shape[1])])
        dc = dc + dh * self.o * tanh_grad(tanh_c)
        do = dh * tanh_c
        df = dc * c_prev
        dg = dc * self.i
        di = dc * self.g
        dc_prev = dc * self.f
        dx = 0
        dh_prev = 0
        for unit, dout in zip(self._units(), (df, dg, di, do), strict=True):
            dx_part, dh_part = unit.backward(dout)
            dx = dx + dx_part
            dh_prev = dh_prev + dh_part
        return dx, dh_prev, dc_prev
