r"""Checkers for notebook 09, the GRU and the LSTM's variants.

* Exercise 9.1: the GRU step with the reset before the product, fused weights in the
  blocks z, r, g: :math:`h = z \odot h_{prev} + (1 - z) \odot g`.
* Exercise 9.2: the backward pass of the GRU's mixing node
  :math:`h = z \odot h_{prev} + (1 - z) \odot g`.

Each typical mistake is one row of a table, ``(wrong answer, message)``; ``diagnose``
names the first row the answer matches.
"""

import numpy as np

from ..functions import sigmoid
from ._core import BATCH_HINT, call, diagnose, passed, unpack

__all__ = ["check_gru_mix_backward", "check_gru_step"]


def _gru(x, h_prev, Wx, Wh, b, *, order=(0, 1, 2), act_gate=sigmoid, act_info=np.tanh,
         reset="before", mix="zh"):  # fmt: skip
    """The GRU step with one part changed: the reference and every typical mistake."""
    H = h_prev.shape[1]
    blocks = [slice(k * H, (k + 1) * H) for k in order]
    zs, rs, gs = blocks
    a = x @ Wx + b
    z = act_gate(a[:, zs] + h_prev @ Wh[:, zs])
    r = act_gate(a[:, rs] + h_prev @ Wh[:, rs])
    if reset == "before":
        g = act_info(a[:, gs] + (r * h_prev) @ Wh[:, gs])
    elif reset == "after":
        g = act_info(a[:, gs] + r * (h_prev @ Wh[:, gs]))
    elif reset == "none":
        g = act_info(a[:, gs] + h_prev @ Wh[:, gs])
    elif reset == "outside":
        g = act_info(r * (a[:, gs] + h_prev @ Wh[:, gs]))
    else:  # "transposed": the reset is right, the product uses Wh_g.T
        g = act_info(a[:, gs] + (r * h_prev) @ Wh[:, gs].T)
    return {
        "zh": z * h_prev + (1 - z) * g,
        "swapped": (1 - z) * h_prev + z * g,
        "no 1-z": z * h_prev + g,
        "no h_prev": (1 - z) * g,
        "sum": h_prev + g,
    }[mix]


#: the typical mistakes of exercise 9.1: (changes to the reference step, message)
GRU_STEP_MISTAKES = [
    (
        {"mix": "swapped"},
        "z and 1 - z are swapped: in this book z keeps the old state, "
        "h = z ⊙ h_prev + (1 - z) ⊙ g (DLFS2 writes it the other way round).",
    ),
    (
        {"reset": "after"},
        "the reset is applied after the product, r ⊙ (h_prev @ Wh_g) (PyTorch's form); "
        "here it comes first: (r ⊙ h_prev) @ Wh_g.",
    ),
    ({"reset": "none"}, "the reset gate is missing: g reads (r ⊙ h_prev) @ Wh_g."),
    (
        {"reset": "outside"},
        "r multiplies the whole sum; it resets only the memory: "
        "tanh(x Wx_g + b_g + (r ⊙ h_prev) Wh_g).",
    ),
    ({"reset": "transposed"}, "a wrong transpose of Wh_g: (r ⊙ h_prev) (N, H) @ Wh_g (H, H)."),
    ({"act_info": sigmoid}, "g uses sigmoid: the new information is tanh, in (-1, 1)."),
    ({"act_gate": np.tanh}, "the gates use tanh: z and r are sigmoid, an openness in (0, 1)."),
    (
        {"order": (1, 0, 2)},
        "the blocks z and r are swapped: the columns of Wx, Wh and b are z, r, g in that order.",
    ),
    (
        {"order": (2, 1, 0)},
        "the blocks z and g are swapped: the columns are z (first H), r, then g (last H).",
    ),
    ({"mix": "no 1-z"}, "the new information is not scaled: (1 - z) ⊙ g."),
    ({"mix": "no h_prev"}, "the old state is missing: h = z ⊙ h_prev + (1 - z) ⊙ g."),
    ({"mix": "sum"}, "the update gate is missing: h = z ⊙ h_prev + (1 - z) ⊙ g."),
]


def _gru_example(rng, N, D, H):
    Wx = rng.standard_normal((D, 3 * H))
    Wh = rng.standard_normal((H, 3 * H))
    b = rng.standard_normal(3 * H)
    return rng.standard_normal((N, D)), rng.standard_normal((N, H)), Wx, Wh, b


def check_gru_step(gru_step, rng=None):
    r"""Exercise 9.1: ``gru_step(x, h_prev, Wx, Wh, b)`` -> h_next (N, H).

    Fused weights ``Wx (D, 3H)``, ``Wh (H, 3H)``, ``b (3H,)`` in the blocks z, r, g; reset
    before the product. Tested on a square example (N = D = H = 3, so that a wrong
    transpose gives numbers), on a fresh random one, and on a batch with D != H.
    """
    ex = "9.1"
    rng = np.random.default_rng(91) if rng is None else rng
    for N, D, H in ((3, 3, 3), (3, 3, 3), (4, 5, 2)):
        args = _gru_example(rng, N, D, H)
        name = f"h_next for N = {N}, D = {D}, H = {H}"
        mistakes = [
            (lambda changes=changes, args=args: _gru(*args, **changes), message)
            for changes, message in GRU_STEP_MISTAKES
        ]
        diagnose(
            ex,
            name,
            call(ex, gru_step, *args),
            _gru(*args),
            mistakes if D == H else [],
            "h_next = z ⊙ h_prev + (1 - z) ⊙ g" if D == H else BATCH_HINT,
        )
    passed(ex, "the GRU step (reset before the product) is right")


#: the typical mistakes of exercise 9.2, per output: (function of dh, z, h_prev, g, message)
MIX_BACKWARD_MISTAKES = {
    "dz": [
        (lambda dh, z, h, g: dh * (g - h), "the sign is flipped: dh/dz = h_prev - g."),
        (lambda dh, z, h, g: dh * h, "z also scales g through 1 - z: dz = dh ⊙ (h_prev - g)."),
        (lambda dh, z, h, g: dh * (h + g), "1 - z gives g a minus sign: dz = dh ⊙ (h_prev - g)."),
        (
            lambda dh, z, h, g: dh * (h - g) * z * (1 - z),
            "that went on through the sigmoid; dz is the gradient at z itself.",
        ),
        (lambda dh, z, h, g: dh @ (h - g), "a matrix product where ⊙ is elementwise: use *."),
        (lambda dh, z, h, g: dh * z, "each branch of ⊙ gets dh times the OTHER input."),
    ],
    "dh_prev": [
        (lambda dh, z, h, g: dh * (1 - z), "h_prev is kept with z, not 1 - z: dh ⊙ z."),
        (lambda dh, z, h, g: dh, "the gradient passes the ⊙ node scaled by z: dh ⊙ z."),
        (lambda dh, z, h, g: dh * h, "each branch of ⊙ gets dh times the OTHER input, z."),
        (lambda dh, z, h, g: dh @ z, "a matrix product where ⊙ is elementwise: use *."),
    ],
    "dg": [
        (lambda dh, z, h, g: dh * z, "g is let in with 1 - z, not z: dg = dh ⊙ (1 - z)."),
        (lambda dh, z, h, g: dh, "the gradient passes the ⊙ node scaled by 1 - z."),
        (
            lambda dh, z, h, g: dh * (1 - z) * (1 - g**2),
            "that went on through the tanh; dg is the gradient at g itself.",
        ),
        (lambda dh, z, h, g: -dh * z, "dg = dh ⊙ (1 - z), the factor that multiplies g."),
    ],
}


def check_gru_mix_backward(mix_backward, rng=None):
    r"""Exercise 9.2: ``mix_backward(dh, z, h_prev, g)`` -> ``(dz, dh_prev, dg)`` for
    :math:`h = z \odot h_{prev} + (1 - z) \odot g`: :math:`dz = dh \odot (h_{prev} - g)`,
    :math:`dh_{prev} = dh \odot z`, :math:`dg = dh \odot (1 - z)`."""
    ex = "9.2"
    rng = np.random.default_rng(92) if rng is None else rng
    names = ("dz", "dh_prev", "dg")
    for N, H in ((3, 3), (3, 3), (2, 5)):  # square first, so that a stray @ gives numbers
        dh = rng.standard_normal((N, H))
        z = rng.uniform(0.05, 0.95, (N, H))
        h_prev, g = rng.uniform(-2, 2, (N, H)), rng.uniform(-0.95, 0.95, (N, H))
        got = unpack(ex, call(ex, mix_backward, dh, z, h_prev, g), names)
        expected = (dh * (h_prev - g), dh * z, dh * (1 - z))
        for name, answer, reference in zip(names, got, expected, strict=True):
            mistakes = [
                (lambda wrong=wrong, inputs=(dh, z, h_prev, g): wrong(*inputs), message)
                for wrong, message in MIX_BACKWARD_MISTAKES[name]
            ]
            diagnose(ex, f"{name} for N = {N}, H = {H}", answer, reference, mistakes)
    passed(ex, "dz = dh ⊙ (h_prev - g), dh_prev = dh ⊙ z and dg = dh ⊙ (1 - z) are right")
