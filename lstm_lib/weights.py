"""Creating LSTM and RNN weights, and moving between their layouts.

Notebook 02 takes the weights of the four parts from init_lstm_params and split_weights
(notebook 00 already uses init_lstm_params to show the LSTM's interface); notebook 07
explains the fused layout and fuse_weights, reorder_blocks, to_pytorch and from_pytorch.
init_rnn_params gives the weights of the tanh RNN of notebooks 00 and 06.

The fused LSTM keeps the weights of its four parts side by side in column blocks, in the
book's order **f, g, i, o** (forget gate, new information, input gate, output gate):

* ``Wx`` (D, 4H) = [Wx_f | Wx_g | Wx_i | Wx_o]
* ``Wh`` (H, 4H) = [Wh_f | Wh_g | Wh_i | Wh_o]
* ``b``  (4H,)   = [b_f  | b_g  | b_i  | b_o ]

Other libraries use other orders; PyTorch uses **i, f, g, o** and stores the transposed
matrices. reorder_blocks, to_pytorch and from_pytorch are the only places where blocks are
moved between orders.
"""

import numpy as np

from .validation import (
    as_float_array,
    check_float_dtype,
    check_integer,
    check_number,
    check_parts,
    check_rng,
    check_shape,
    check_weights,
)

#: The block order of this book's fused weights.
GATE_ORDER = "fgio"
#: The block order of ``torch.nn.LSTM``.
PYTORCH_ORDER = "ifgo"


def _check_sizes(D, H):
    return check_integer("D", D, minimum=1), check_integer("H", H, minimum=1)


def init_rnn_params(D, H, rng, dtype=np.float64):
    """Weights of a tanh RNN: ``Wx (D, H)``, ``Wh (H, H)``, ``b (H,)``.

    Scheme: every entry of Wx is drawn from N(0, 1/D) and of Wh from N(0, 1/H) (variance
    one over the number of inputs, so that x @ Wx and h @ Wh start with entries of order
    one); b is zero.
    ``dtype`` must be a floating-point dtype.
    """
    check_rng(rng)
    D, H = _check_sizes(D, H)
    dtype = check_float_dtype("dtype", dtype)
    Wx = rng.standard_normal((D, H)) / np.sqrt(D)
    Wh = rng.standard_normal((H, H)) / np.sqrt(H)
    b = np.zeros(H)
    return Wx.astype(dtype), Wh.astype(dtype), b.astype(dtype)


def init_lstm_params(D, H, rng, forget_bias=1.0, dtype=np.float64):
    """Fused LSTM weights ``Wx (D, 4H)``, ``Wh (H, 4H)``, ``b (4H,)``, blocks f, g, i, o.

    Scheme: Wx entries from N(0, 1/D), Wh entries from N(0, 1/H), b zero except the forget
    block, which is ``forget_bias``: at the start the forget gate is then about
    sigmoid(forget_bias) (0.73 for the default 1.0), so the cell remembers by default
    until it learns to forget.
    ``forget_bias`` must be a finite number and ``dtype`` a floating-point dtype.
    """
    check_rng(rng)
    D, H = _check_sizes(D, H)
    forget_bias = check_number("forget_bias", forget_bias)
    dtype = check_float_dtype("dtype", dtype)
    Wx = rng.standard_normal((D, 4 * H)) / np.sqrt(D)
    Wh = rng.standard_normal((H, 4 * H)) / np.sqrt(H)
    b = np.zeros(4 * H)
    b[:H] = forget_bias
    return Wx.astype(dtype), Wh.astype(dtype), b.astype(dtype)


def split_weights(Wx, Wh, b):
    """Split fused weights (blocks f, g, i, o) into one ``(Wx, Wh, b)`` triple per part.

    Returns a dict ``{"f": (Wx_f, Wh_f, b_f), "g": ..., "i": ..., "o": ...}`` of copies
    with shapes (D, H), (H, H), (H,).
    """
    _, H, Wx, Wh, b = check_weights(Wx, Wh, b, blocks=4)
    return {
        gate: tuple(w[..., k * H : (k + 1) * H].copy() for w in (Wx, Wh, b))
        for k, gate in enumerate(GATE_ORDER)
    }


def fuse_weights(parts):
    """Stack per-part weights into fused ``Wx (D, 4H)``, ``Wh (H, 4H)``, ``b (4H,)``.

    ``parts`` is a dict with keys "f", "g", "i", "o", each a ``(Wx, Wh, b)`` triple with
    shapes (D, H), (H, H), (H,); the blocks are laid out in the order f, g, i, o.
    The inverse of split_weights.
    """
    check_parts(parts, GATE_ORDER)
    checked = [check_weights(*parts[gate])[2:] for gate in GATE_ORDER]
    shapes = {tuple(w.shape for w in triple) for triple in checked}
    if len(shapes) != 1:
        raise ValueError(f"all four parts must have the same shapes, got {sorted(shapes)}")
    dtypes = [str(triple[0].dtype) for triple in checked]
    if len(set(dtypes)) != 1:
        raise TypeError(f"all four parts must have the same dtype, got f, g, i, o: {dtypes}")
    return tuple(np.concatenate([triple[k] for triple in checked], axis=-1) for k in range(3))


def reorder_blocks(array, source, target, axis=-1, parts=GATE_ORDER):
    """Reorder the equal blocks of ``array`` along ``axis`` from one order to another.

    ``parts`` names the blocks, one letter each: the LSTM's f, g, i, o by default (the GRU
    of notebook 09 passes its z, r, g). ``source`` and ``target`` are orders of those
    letters, e.g. ``reorder_blocks(b, "fgio", "ifgo")`` turns this book's bias into
    PyTorch's order. ``array`` needs at least one axis and ``axis`` must be one of its axes,
    with a length divisible by the number of parts.
    """
    array = np.asarray(array)
    if not isinstance(parts, str):
        raise TypeError(f"parts must be a string of letters, one per block, got {parts!r}")
    if not parts or len(set(parts)) != len(parts):
        raise ValueError(f"parts must name each block once, got {parts!r}")
    letters = ", ".join(parts)
    for name, order in (("source", source), ("target", target)):
        if not isinstance(order, str) or sorted(order) != sorted(parts):
            raise ValueError(f"{name} must be an order of the letters {letters}, got {order!r}")
    if array.ndim == 0:
        raise ValueError(
            f"array must have at least one axis of {len(parts)} blocks, got a 0-d array"
        )
    axis = check_integer("axis", axis, minimum=None)
    if not -array.ndim <= axis < array.ndim:
        raise ValueError(
            f"axis must lie in [{-array.ndim}, {array.ndim}) for an array of shape "
            f"{array.shape}, got {axis}"
        )
    size = array.shape[axis]
    if size % len(parts):
        raise ValueError(f"axis {axis} must have a length divisible by {len(parts)}, got {size}")
    blocks = np.split(array, len(parts), axis=axis)
    return np.concatenate([blocks[source.index(part)] for part in target], axis=axis)


def to_pytorch(Wx, Wh, b):
    """Convert fused weights to the arrays of a one-layer ``torch.nn.LSTM``.

    Returns a dict with ``weight_ih_l0`` (4H, D), ``weight_hh_l0`` (4H, H), ``bias_ih_l0``
    (4H,) and ``bias_hh_l0`` (4H,), blocks in PyTorch's order i, f, g, o. PyTorch keeps two
    biases that are simply added; the whole bias goes into ``bias_ih_l0``.
    """
    _, _, Wx, Wh, b = check_weights(Wx, Wh, b, blocks=4)
    return {
        "weight_ih_l0": reorder_blocks(Wx, GATE_ORDER, PYTORCH_ORDER).T.copy(),
        "weight_hh_l0": reorder_blocks(Wh, GATE_ORDER, PYTORCH_ORDER).T.copy(),
        "bias_ih_l0": reorder_blocks(b, GATE_ORDER, PYTORCH_ORDER),
        "bias_hh_l0": np.zeros_like(b),
    }


def from_pytorch(weight_ih, weight_hh, bias_ih, bias_hh):
    """Convert the arrays of a one-layer ``torch.nn.LSTM`` to this book's fused weights.

    Takes ``weight_ih`` (4H, D), ``weight_hh`` (4H, H), ``bias_ih`` and ``bias_hh`` (4H,)
    in the order i, f, g, o (as NumPy arrays, e.g. ``p.detach().numpy()``) and returns
    ``Wx (D, 4H)``, ``Wh (H, 4H)``, ``b (4H,)`` in the order f, g, i, o.
    """
    weight_ih = as_float_array("weight_ih", weight_ih)
    weight_hh = as_float_array("weight_hh", weight_hh, weight_ih.dtype)
    bias_ih = as_float_array("bias_ih", bias_ih, weight_ih.dtype)
    bias_hh = as_float_array("bias_hh", bias_hh, weight_ih.dtype)
    if weight_ih.ndim != 2 or weight_ih.shape[0] % 4:
        raise ValueError(f"weight_ih must have shape (4H, D), got {weight_ih.shape}")
    H = weight_ih.shape[0] // 4
    check_shape("weight_hh", weight_hh, [("4H", 4 * H), ("H", H)])
    check_shape("bias_ih", bias_ih, [("4H", 4 * H)])
    check_shape("bias_hh", bias_hh, [("4H", 4 * H)])
    bias = bias_ih + bias_hh
    Wx = reorder_blocks(weight_ih.T, PYTORCH_ORDER, GATE_ORDER)
    Wh = reorder_blocks(weight_hh.T, PYTORCH_ORDER, GATE_ORDER)
    b = reorder_blocks(bias, PYTORCH_ORDER, GATE_ORDER)
    return Wx, Wh, b
