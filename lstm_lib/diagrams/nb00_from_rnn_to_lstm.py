"""Figures of notebook 00 (from RNN to LSTM): the layer interface and the cell belt."""

from matplotlib.lines import Line2D

from .. import style
from .primitives import (
    CELL_FILL,
    FS_SMALL,
    FS_TITLE,
    R_OP,
    TEXT,
    box,
    canvas,
    note_box,
    op,
    text,
    wire,
)


def rnn_vs_lstm_interface():
    """Notebook 00 (from RNN to LSTM): the interface of an RNN layer beside an LSTM layer.

    The RNN layer passes one state, h, to the next step and up to the next layer. The
    LSTM layer passes two, h and the memory cell c (기억 셀); c only goes to the next time
    step of the same layer, and only h goes up.
    """
    fig, ax = canvas(0, 18.6, 0, 8.0)
    for cx, kind in ((4.6, "RNN"), (13.8, "LSTM")):
        layer = box(ax, cx, 3.2, 3.4, 2.4, fc=CELL_FILL, ec=TEXT, label=kind, size=15, z=3)
        lx, rx = layer.port("l")[0], layer.port("r")[0]
        yh = 2.5
        wire(ax, [(lx - 2.0, yh), (lx, yh)], "hidden")
        wire(ax, [(rx, yh), (rx + 2.0, yh)], "hidden")
        text(ax, lx - 1.0, yh - 0.35, "$h_{t-1}$", va="top")
        text(ax, rx + 1.0, yh - 0.35, "$h_t$", va="top")
        wire(ax, [(cx, 0.55), (cx, layer.port("b")[1])], "input")
        text(ax, cx + 0.2, 0.75, "$x_t$", ha="left")
        # h_t also goes up, to the layer above
        up = note_box(ax, cx + 0.9, 6.7, 3.2, 0.8, "layer above")
        wire(ax, [(cx + 0.9, layer.port("t")[1]), up.port("b")], "hidden")
        text(ax, cx + 1.1, 5.15, "$h_t$", ha="left")
        text(ax, cx, 7.65, f"{kind} layer", size=FS_TITLE, weight="bold")
        if kind == "LSTM":
            yc = 3.95
            wire(ax, [(lx - 2.0, yc), (lx, yc)], "cell")
            wire(ax, [(rx, yc), (rx + 2.0, yc)], "cell")
            text(ax, lx - 1.0, yc + 0.35, "$c_{t-1}$", va="bottom")
            text(ax, rx + 1.0, yc + 0.35, "$c_t$", va="bottom")
            note = "$c$ never goes up:\nit stays in the layer"
            text(ax, lx - 0.2, 5.3, note, size=FS_SMALL, colour=style.CELL)
    ax.add_line(Line2D([9.2, 9.2], [0.4, 7.6], color="#CCCCCC", lw=1.0))
    return fig


#: geometry of the belt figure: steps, their spacing, box size and the rows
_STEPS, _STEP, _BW, _BH = 4, 4.1, 2.5, 2.6
_Y_B, _Y_C, _Y_H = 1.4, 3.3, 2.0
_XS = [2.4 + k * _STEP for k in range(_STEPS)]
_LEFT, _RIGHT = _XS[0] - _BW / 2 - 1.4, _XS[-1] + _BW / 2 + 1.4


def _belt_step(ax, k, cx):
    """Time step ``k + 1``: its box, x and h, and its two edits of the belt."""
    layer = box(ax, cx, _Y_B + _BH / 2, _BW, _BH, fc=CELL_FILL, ec=TEXT, z=1)
    text(ax, cx - 0.45, _Y_B + 0.4, "LSTM", size=FS_SMALL, colour="#555555")
    wire(ax, [(cx, _Y_B - 1.0), (cx, _Y_B)], "input")
    text(ax, cx + 0.15, _Y_B - 0.75, f"$x_{k + 1}$", ha="left")
    ux = cx + 0.6
    wire(ax, [(ux, layer.port("t")[1]), (ux, 5.4)], "hidden")
    text(ax, ux + 0.15, 4.7, f"$h_{k + 1}$", ha="left")
    # the step's edits of the belt: forget (⊙ f) then add (+ i ⊙ g)
    mul = op(ax, cx - 0.55, _Y_C, "mul")
    add = op(ax, cx + 0.55, _Y_C, "add")
    wire(ax, [mul.port("r"), add.port("l")], "cell")
    wire(ax, [(mul.x, _Y_H + 0.1), mul.port("b")], "gate", lw=1.6)
    wire(ax, [(add.x, _Y_H + 0.1), add.port("b")], "info", lw=1.6)
    prev = (_LEFT, _Y_C) if k == 0 else (_XS[k - 1] + 0.55 + R_OP, _Y_C)
    wire(ax, [prev, mul.port("l")], "cell", z=2.5)
    hprev = (_LEFT, _Y_H) if k == 0 else (_XS[k - 1] + _BW / 2, _Y_H)
    wire(ax, [hprev, (cx - _BW / 2, _Y_H)], "hidden")
    ha = "center" if k else "left"
    x_c = (prev[0] + mul.port("l")[0]) / 2 if k else _LEFT - 0.1
    text(ax, x_c, _Y_C + 0.45, f"$c_{k}$", colour=style.CELL, ha=ha, va="bottom")
    x_h = (hprev[0] + cx - _BW / 2) / 2 if k else _LEFT - 0.1
    text(ax, x_h, _Y_H - 0.3, f"$h_{k}$", ha=ha, va="top")


def cell_belt():
    """Notebook 00 (from RNN to LSTM): the memory cell path through several time steps.

    The memory cell c (기억 셀) rides a belt from one time step to the next inside the
    layer; each step only reads and edits it. The hidden state h goes to the next step
    and up to the layer above.
    """
    fig, ax = canvas(-0.9, 18.1, -0.9, 7.3)
    for k, cx in enumerate(_XS):
        _belt_step(ax, k, cx)
    wire(ax, [(_XS[-1] + 0.55 + R_OP, _Y_C), (_RIGHT, _Y_C)], "cell")
    wire(ax, [(_XS[-1] + _BW / 2, _Y_H), (_RIGHT, _Y_H)], "hidden")
    text(ax, _RIGHT - 0.5, _Y_C + 0.45, f"$c_{_STEPS}$", colour=style.CELL, va="bottom")
    text(ax, _RIGHT - 0.5, _Y_H - 0.3, f"$h_{_STEPS}$", va="top")
    for cx in _XS:
        note_box(ax, cx + 0.6, 5.75, 2.1, 0.6, "layer above", lw=1.2, size=FS_SMALL - 0.5)
    text(
        ax,
        8.6,
        6.85,
        "The memory cell $c$ rides a belt through time: each step forgets "
        r"($\odot f$) and adds ($+$), and $c$ never leaves the layer",
        size=FS_SMALL,
    )
    wire(ax, [(6.9, -0.55), (10.3, -0.55)], "input", lw=1.2)
    text(ax, 10.5, -0.55, "time", size=FS_SMALL, ha="left")
    return fig
