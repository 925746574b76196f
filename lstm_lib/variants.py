"""LSTM variants as options of one cell (notebook 09), after Greff et al. 2017.

The book's LSTM step (fused weights Wx (D, 4H), Wh (H, 4H), b (4H,), blocks f, g, i, o,
A = x Wx + h_prev Wh + b) with switches that change one part each:

    f = σ(A_f + p_f ⊙ c_prev)      i = σ(A_i + p_i ⊙ c_prev)      g = tanh(A_g)
    c = f ⊙ c_prev + g ⊙ i         o = σ(A_o + p_o ⊙ c)           h = o ⊙ tanh(c)

* peephole=True: the gates also look at the cell through the vectors p_f, p_i, p_o
  (Gers and Schmidhuber 2000), one extra parameter P (3, H) with rows f, i, o; without
  it the p terms are absent;
* coupled=True: i = 1 - f (coupled input and forget gate, CIFG): what is forgotten is
  what makes room for the new;
* forget_gate=False: f = 1, the cell of the first LSTM (1997), which never forgets;
* input_gate=False: i = 1; output_gate=False: o = 1;
* output_activation=False: h = o ⊙ c, without the tanh.

A switched-off gate keeps its block of the fused weights (so every variant has the same
arrays), but the block's gradient is always zero: it never changes. VARIANTS names the
options of the variants the notebook compares.
"""

import numpy as np

from .functions import sigmoid, sigmoid_grad, tanh, tanh_grad
from .layers import Layer
from .lstm import TimeLSTM
from .validation import as_float_array, check_shape, check_switch, check_weights

#: the variants of notebook 09: name -> options of VariantLSTM
VARIANTS = {
    "vanilla": {},
    "peephole": {"peephole": True},
    "coupled (CIFG)": {"coupled": True},
    "no forget gate": {"forget_gate": False},
    "no input gate": {"input_gate": False},
    "no output gate": {"output_gate": False},
    "no output activation": {"output_activation": False},
}

_OPTIONS = ("peephole", "coupled", "forget_gate", "input_gate", "output_gate", "output_activation")


def _check_options(options, H, dtype, P):
    unknown = set(options) - set(_OPTIONS)
    if unknown:
        raise ValueError(f"unknown options {sorted(unknown)}; choose from {list(_OPTIONS)}")
    opts = {name: name not in ("peephole", "coupled") for name in _OPTIONS}  # the defaults
    opts.update({name: check_switch(name, value) for name, value in options.items()})
    if opts["coupled"] and not (opts["forget_gate"] and opts["input_gate"]):
        raise ValueError("coupled=True sets i = 1 - f: it needs forget_gate and input_gate on")
    if not opts["peephole"]:
        if P is not None:
            raise ValueError("P (the peephole weights) is only used with peephole=True")
        return opts, None
    if P is None:
        return opts, np.zeros((3, H), dtype=dtype)
    P = as_float_array("P", P, dtype)
    check_shape("P", P, [("3", 3), ("H", H)])
    return opts, P


class VariantLSTM(Layer):
    """One LSTM step with the options of lstm_lib.variants (all off: the book's LSTM).

    VariantLSTM(Wx, Wh, b, P=None, **options); weights as for lstm_lib.lstm.LSTM
    (blocks f, g, i, o), ``P (3, H)`` the peephole weights (rows f, i, o; zero if not given)
    with ``peephole=True``. ``params`` is ``[Wx, Wh, b]`` or ``[Wx, Wh, b, P]``.

    ``forward(x, h_prev, c_prev)`` -> ``(h_next, c_next)``, each (N, H), new arrays;
    afterwards ``f``, ``g``, ``i``, ``o`` are copies of the parts (a switched-off gate as an
    array of ones). ``backward(dh_next, dc_next=None)`` -> ``(dx, dh_prev, dc_prev)``,
    writing the parameter gradients into ``grads`` in place. Every option is True or False.

    As lstm_lib.LSTM, the step trusts its caller (TimeVariantLSTM checks shapes and
    dtypes); only the constructor checks the weights and options. It keeps copies of x,
    h_prev and c_prev for backward, so the caller may change those arrays in between.
    """

    def __init__(self, Wx, Wh, b, P=None, **options):
        super().__init__()
        _, H, Wx, Wh, b = check_weights(Wx, Wh, b, blocks=4)
        self.hidden_size = H
        self.options, P = _check_options(options, H, Wx.dtype, P)
        self.params = [Wx, Wh, b] + ([P] if P is not None else [])
        self.grads = [np.zeros_like(p) for p in self.params]
        self.param_names = ("Wx", "Wh", "b", "P")[: len(self.params)]
        self.f = self.g = self.i = self.o = None
        self._cache = None

    def _peep(self, row, c):
        """p ⊙ c for the gate of ``row`` (0 f, 1 i, 2 o), or 0 without peepholes."""
        return self.params[3][row] * c if self.options["peephole"] else 0

    def forward(self, x, h_prev, c_prev):
        """x (N, D), h_prev (N, H), c_prev (N, H) -> h_next (N, H), c_next (N, H)."""
        Wx, Wh, b = self.params[:3]
        H, opt = self.hidden_size, self.options
        A = x @ Wx + h_prev @ Wh + b  # (N, 4H), blocks f, g, i, o
        ones = np.ones((x.shape[0], H), dtype=Wx.dtype)
        f = sigmoid(A[:, :H] + self._peep(0, c_prev)) if opt["forget_gate"] else ones
        g = tanh(A[:, H : 2 * H])
        if opt["coupled"]:
            i = 1 - f
        elif opt["input_gate"]:
            i = sigmoid(A[:, 2 * H : 3 * H] + self._peep(1, c_prev))
        else:
            i = ones
        c_next = f * c_prev + g * i
        o = sigmoid(A[:, 3 * H :] + self._peep(2, c_next)) if opt["output_gate"] else ones
        s = tanh(c_next) if opt["output_activation"] else c_next  # what o lets out
        h_next = o * s
        self.f, self.g, self.i, self.o = f.copy(), g.copy(), i.copy(), o.copy()
        self._cache = (x.copy(), h_prev.copy(), c_prev.copy(), c_next, f, g, i, o, s)
        return h_next, c_next.copy()  # c_next itself stays in the cache

    def backward(self, dh_next, dc_next=None):
        """dh_next, dc_next (N, H) -> dx (N, D), dh_prev (N, H), dc_prev (N, H).

        ``dc_next`` None means zero (the last step of a sequence)."""
        x, h_prev, c_prev, c_next, f, g, i, o, s = self._require_forward(self._cache)
        Wx, Wh, _ = self.params[:3]
        H, opt = self.hidden_size, self.options
        dc_next = np.zeros_like(c_prev) if dc_next is None else dc_next
        zero = np.zeros_like(c_prev)
        dP = np.zeros((3, H), dtype=x.dtype)

        ds = dh_next * o
        dc = dc_next + (ds * tanh_grad(s) if opt["output_activation"] else ds)
        dao = dh_next * s * sigmoid_grad(o) if opt["output_gate"] else zero
        if opt["peephole"]:  # o also reads c_next
            dc = dc + dao * self.params[3][2]
            dP[2] = (dao * c_next).sum(axis=0)
        dag = dc * i * tanh_grad(g)
        di = dc * g
        df = dc * c_prev
        dc_prev = dc * f  # the cell path
        if opt["coupled"]:  # i = 1 - f: the input gate's gradient flows into f
            df, dai = df - di, zero
        elif opt["input_gate"]:
            dai = di * sigmoid_grad(i)
        else:
            dai = zero
        daf = df * sigmoid_grad(f) if opt["forget_gate"] else zero
        if opt["peephole"]:  # f and i also read c_prev
            dc_prev = dc_prev + daf * self.params[3][0] + dai * self.params[3][1]
            dP[0], dP[1] = (daf * c_prev).sum(axis=0), (dai * c_prev).sum(axis=0)
            self.grads[3][...] = dP
        dA = np.hstack((daf, dag, dai, dao))  # (N, 4H), blocks f, g, i, o

        self.grads[0][...] = x.T @ dA
        self.grads[1][...] = h_prev.T @ dA
        self.grads[2][...] = dA.sum(axis=0)
        return dA @ Wx.T, dA @ Wh.T, dc_prev


class TimeVariantLSTM(TimeLSTM):
    """T VariantLSTM steps over a sequence: the loop of lstm_lib.TimeLSTM, stepping a variant.

    TimeVariantLSTM(Wx, Wh, b, P=None, stateful=False, **options); forward(xs) xs (N, T, D)
    -> hs (N, T, H); backward(dhs) -> dxs (N, T, D), the parameter gradients summed over
    the steps. State handling as in TimeLSTM (set_state(h, c=None), reset_state(), dh,
    dc). With all options off it computes what TimeLSTM computes.
    """

    def __init__(self, Wx, Wh, b, P=None, stateful=False, **options):
        self.options = options  # first: _step reads them (the step checks them)
        super().__init__(Wx, Wh, b, stateful, extra=[P])

    def _step(self, *params):
        """A new VariantLSTM step on params: the layer's arrays, or in __init__ the given ones."""
        return VariantLSTM(*params, **self.options)
