"""The gated recurrent unit (GRU), built from the same blocks as the LSTM (notebook 09).

The GRU (Cho et al. 2014) keeps one state h and two gates. Fused weights Wx (D, 3H),
Wh (H, 3H), b (3H,) hold three column blocks in the order z, r, g: the update gate z, the
reset gate r and the new information g (PyTorch calls it n, the candidate). With
a = x Wx + b:

    z = σ(a_z + h_prev Wh_z)        r = σ(a_r + h_prev Wh_r)
    g = tanh(a_g + (r ⊙ h_prev) Wh_g)            reset before the product (Cho et al., DLFS2)
    g = tanh(a_g + r ⊙ (h_prev Wh_g + b_hg))     reset after it (PyTorch, cuDNN; b_hg (H,))
    h = z ⊙ h_prev + (1 - z) ⊙ g

z plays the forget gate f of the LSTM and 1 - z its input gate i (the two are coupled);
there is no separate memory cell and no output gate. (DLFS2 writes the last line with z
and 1 - z swapped; both are the same model with z renamed 1 - z.)

GRU is one step, TimeGRU the loop of lstm_lib.TimeRNN stepping a GRU; gru_from_pytorch
builds a TimeGRU from the arrays of torch.nn.GRU.
"""

import numpy as np

from .functions import sigmoid, sigmoid_grad, tanh, tanh_grad
from .layers import Layer
from .rnn import TimeRNN
from .validation import (
    as_float_array,
    check_float_dtype,
    check_integer,
    check_rng,
    check_shape,
    check_switch,
    check_weights,
)
from .weights import reorder_blocks

#: The block order of this book's fused GRU weights: update gate, reset gate, new information.
GRU_ORDER = "zrg"
#: The block order of ``torch.nn.GRU`` (r, z, n), with its n written g.
PYTORCH_GRU_ORDER = "rzg"


def _check_recurrent_bias(b_hg, H, dtype, reset_after):
    if not reset_after:
        if b_hg is not None:
            raise ValueError("b_hg is only used with reset_after=True")
        return None
    if b_hg is None:
        return np.zeros(H, dtype=dtype)
    b_hg = as_float_array("b_hg", b_hg, dtype)
    check_shape("b_hg", b_hg, [("H", H)])
    return b_hg


class GRU(Layer):
    """One GRU step with Wx (D, 3H), Wh (H, 3H), b (3H,), blocks z, r, g.

    reset_after=False (default) applies r to h_prev before the product with Wh_g;
    reset_after=True applies it after, to h_prev Wh_g + b_hg, and adds the parameter
    b_hg (H,) (zero if not given). params is [Wx, Wh, b] or [Wx, Wh, b, b_hg].

    forward(x, h_prev): x (N, D), h_prev (N, H) -> h_next (N, H); afterwards z, r, g are
    copies of the step's parts, each (N, H).
    backward(dh_next) -> (dx (N, D), dh_prev (N, H)), writing the parameter gradients into
    grads in place.

    As lstm_lib.LSTM, the step trusts its caller (TimeGRU checks shapes and dtypes); only
    the constructor checks the weights. It keeps copies of x and h_prev for backward, so
    the caller may change those arrays in between.
    """

    def __init__(self, Wx, Wh, b, b_hg=None, reset_after=False):
        super().__init__()
        _, H, Wx, Wh, b = check_weights(Wx, Wh, b, blocks=3)
        self.hidden_size = H
        self.reset_after = check_switch("reset_after", reset_after)
        b_hg = _check_recurrent_bias(b_hg, H, Wx.dtype, self.reset_after)
        self.params = [Wx, Wh, b] + ([b_hg] if self.reset_after else [])
        self.grads = [np.zeros_like(p) for p in self.params]
        self.param_names = ("Wx", "Wh", "b", "b_hg")[: len(self.params)]
        self.z = self.r = self.g = None
        self._cache = None

    def forward(self, x, h_prev):
        """x (N, D), h_prev (N, H) -> h_next (N, H)."""
        Wx, Wh, b = self.params[:3]
        H = self.hidden_size
        a = x @ Wx + b  # (N, 3H), blocks z, r, g
        zr = sigmoid(a[:, : 2 * H] + h_prev @ Wh[:, : 2 * H])  # (N, 2H): both gates at once
        z, r = zr[:, :H], zr[:, H:]
        if self.reset_after:
            m = h_prev @ Wh[:, 2 * H :] + self.params[3]  # (N, H), then reset
            g = tanh(a[:, 2 * H :] + r * m)
        else:
            m = r * h_prev  # reset first, then the product
            g = tanh(a[:, 2 * H :] + m @ Wh[:, 2 * H :])
        h_next = z * h_prev + (1 - z) * g
        self.z, self.r, self.g = z.copy(), r.copy(), g.copy()
        self._cache = (x.copy(), h_prev.copy(), z, r, g, m)
        return h_next

    def backward(self, dh_next):
        """dh_next (N, H) -> dx (N, D), dh_prev (N, H); writes the gradients into ``grads``."""
        x, h_prev, z, r, g, m = self._require_forward(self._cache)
        Wx, Wh, _ = self.params[:3]
        H = self.hidden_size
        dh_prev = dh_next * z  # h = z ⊙ h_prev + (1 - z) ⊙ g
        daz = dh_next * (h_prev - g) * sigmoid_grad(z)
        dag = dh_next * (1 - z) * tanh_grad(g)
        if self.reset_after:  # g = tanh(a_g + r ⊙ m), m = h_prev Wh_g + b_hg
            dm = dag * r
            dr = dag * m
            dWh_g = h_prev.T @ dm
            self.grads[3][...] = dm.sum(axis=0)
            dh_prev += dm @ Wh[:, 2 * H :].T
        else:  # g = tanh(a_g + m Wh_g), m = r ⊙ h_prev
            dm = dag @ Wh[:, 2 * H :].T
            dr = dm * h_prev
            dWh_g = m.T @ dag
            dh_prev += dm * r
        dar = dr * sigmoid_grad(r)
        dzr = np.hstack((daz, dar))  # (N, 2H)
        da = np.hstack((dzr, dag))  # (N, 3H), blocks z, r, g
        dh_prev += dzr @ Wh[:, : 2 * H].T

        self.grads[0][...] = x.T @ da
        self.grads[1][...] = np.hstack((h_prev.T @ dzr, dWh_g))
        self.grads[2][...] = da.sum(axis=0)
        return da @ Wx.T, dh_prev


class TimeGRU(TimeRNN):
    """T GRU steps over a sequence: the loop of lstm_lib.TimeRNN, stepping a GRU.

    forward(xs): xs (N, T, D) -> hs (N, T, H); backward(dhs): dhs (N, T, H) ->
    dxs (N, T, D), the parameter gradients summed over the steps. Weights and reset_after
    as in GRU. State handling as in TimeRNN: set_state(h), reset_state(), stateful; after
    backward dh is the gradient with respect to the initial h.
    """

    def __init__(self, Wx, Wh, b, b_hg=None, reset_after=False, stateful=False):
        self.reset_after = check_switch("reset_after", reset_after)  # first: _step reads it
        super().__init__(Wx, Wh, b, stateful, extra=[b_hg])

    def _step(self, *params):
        """A new GRU step on params: the layer's arrays, or in __init__ the given weights."""
        return GRU(*params, reset_after=self.reset_after)


def init_gru_params(D, H, rng, reset_after=False, dtype=np.float64):
    """Weights of a GRU: Wx (D, 3H), Wh (H, 3H), b (3H,) (blocks z, r, g).

    Scheme as for the LSTM: Wx entries from N(0, 1/D), Wh entries from N(0, 1/H), biases
    zero. With reset_after a fourth array, the recurrent bias b_hg (H,) (zero), is returned
    too, so that TimeGRU(*params, reset_after=reset_after) works in both cases.
    reset_after must be True or False and dtype a floating-point dtype.
    """
    check_rng(rng)
    D, H = check_integer("D", D, minimum=1), check_integer("H", H, minimum=1)
    reset_after = check_switch("reset_after", reset_after)
    dtype = check_float_dtype("dtype", dtype)
    Wx = (rng.standard_normal((D, 3 * H)) / np.sqrt(D)).astype(dtype)
    Wh = (rng.standard_normal((H, 3 * H)) / np.sqrt(H)).astype(dtype)
    b = np.zeros(3 * H, dtype=dtype)
    return (Wx, Wh, b, np.zeros(H, dtype=dtype)) if reset_after else (Wx, Wh, b)


def gru_from_pytorch(weight_ih, weight_hh, bias_ih, bias_hh):
    """A TimeGRU that computes what one layer of torch.nn.GRU computes.

    Takes PyTorch's arrays (as NumPy arrays, e.g. p.detach().numpy()): weight_ih (3H, D),
    weight_hh (3H, H), bias_ih and bias_hh (3H,), rows in PyTorch's order r, z, n.
    PyTorch's documented step is

        r = σ(W_ir x + b_ir + W_hr h + b_hr)      z = σ(W_iz x + b_iz + W_hz h + b_hz)
        n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))      h' = (1 - z) ⊙ n + z ⊙ h

    that is, the reset is applied after the product. The returned layer has
    reset_after=True, Wx = weight_ih^T and Wh = weight_hh^T with the blocks moved to
    z, r, g, b = bias_ih + bias_hh for z and r, b_in for g, and b_hg = b_hn; it starts from
    h = 0 like torch.nn.GRU(batch_first=True) without h0: forward(xs) with xs (N, T, D)
    gives PyTorch's output (N, T, H).
    """
    weight_ih = as_float_array("weight_ih", weight_ih)
    weight_hh = as_float_array("weight_hh", weight_hh, weight_ih.dtype)
    bias_ih = as_float_array("bias_ih", bias_ih, weight_ih.dtype)
    bias_hh = as_float_array("bias_hh", bias_hh, weight_ih.dtype)
    if weight_ih.ndim != 2 or weight_ih.shape[0] % 3 or weight_ih.shape[0] == 0:
        raise ValueError(f"weight_ih must have shape (3H, D), got {weight_ih.shape}")
    H = weight_ih.shape[0] // 3
    check_shape("weight_hh", weight_hh, [("3H", 3 * H), ("H", H)])
    check_shape("bias_ih", bias_ih, [("3H", 3 * H)])
    check_shape("bias_hh", bias_hh, [("3H", 3 * H)])
    Wx = reorder_blocks(weight_ih.T, PYTORCH_GRU_ORDER, GRU_ORDER, parts=GRU_ORDER)
    Wh = reorder_blocks(weight_hh.T, PYTORCH_GRU_ORDER, GRU_ORDER, parts=GRU_ORDER)
    b_i = reorder_blocks(bias_ih, PYTORCH_GRU_ORDER, GRU_ORDER, parts=GRU_ORDER)
    b_h = reorder_blocks(bias_hh, PYTORCH_GRU_ORDER, GRU_ORDER, parts=GRU_ORDER)
    b = np.concatenate([b_i[: 2 * H] + b_h[: 2 * H], b_i[2 * H :]])  # r, z biases just add
    return TimeGRU(Wx, Wh, b, b_hg=b_h[2 * H :].copy(), reset_after=True)
