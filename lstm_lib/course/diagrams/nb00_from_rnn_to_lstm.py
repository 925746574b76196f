"""Figures of notebook 00 (from RNN to LSTM): the layer interface and the cell belt."""

from matplotlib.lines import Line2D

from .. import style
from .primitives import (
    CELL_FILL,
    FS_SMALL,
    FS_TITLE,
    TEXT,
    act,
    box,
    bridge,
    canvas,
    dot,
    note_box,
    op,
    text,
    wire,
    words,
)

#: the words of this module's figures in Korean
KOREAN = {
    "layer above": "위 계층",
    "RNN layer": "RNN 계층",
    "LSTM layer": "LSTM 계층",
    "$c$ never goes up:\nit stays in the layer": "$c$는 위로 가지 않고\n계층 안에 머문다",
    "The memory cell $c$ rides a belt through time: each step forgets ($\\odot f$), "
    "adds ($+\\, g \\odot i$)\nand shows $c$ through $h = o \\odot \\tanh(c)$; "
    "only $h$ leaves the layer, $c$ never does": (
        "기억 셀 $c$는 벨트를 타고 시간을 따라간다. 각 시각은 잊고($\\odot f$) 더하며"
        "($+\\, g \\odot i$),\n$h = o \\odot \\tanh(c)$로 $c$를 드러낸다. 계층을 떠나는 "
        "것은 $h$뿐이고, $c$는 떠나지 않는다"
    ),
    "time": "시간",
}


def rnn_vs_lstm_interface(lang="en"):
    """Notebook 00 (from RNN to LSTM): the interface of an RNN layer beside an LSTM layer.

    The RNN layer passes one state, h, to the next step and up to the next layer. The
    LSTM layer passes two, h and the memory cell c (기억 셀); c only goes to the next time
    step of the same layer, and only h goes up. ``lang`` is "en" or "ko".
    """
    say = words(KOREAN, lang)
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
        up = note_box(ax, cx + 0.9, 6.7, 3.2, 0.8, say("layer above"))
        wire(ax, [(cx + 0.9, layer.port("t")[1]), up.port("b")], "hidden")
        text(ax, cx + 1.1, 5.15, "$h_t$", ha="left")
        text(ax, cx, 7.65, say(f"{kind} layer"), size=FS_TITLE, weight="bold")
        if kind == "LSTM":
            yc = 3.95
            wire(ax, [(lx - 2.0, yc), (lx, yc)], "cell")
            wire(ax, [(rx, yc), (rx + 2.0, yc)], "cell")
            text(ax, lx - 1.0, yc + 0.35, "$c_{t-1}$", va="bottom")
            text(ax, rx + 1.0, yc + 0.35, "$c_t$", va="bottom")
            note = say("$c$ never goes up:\nit stays in the layer")
            text(ax, lx - 0.2, 5.3, note, size=FS_SMALL, colour=style.CELL)
    ax.add_line(Line2D([9.2, 9.2], [0.4, 7.6], color="#CCCCCC", lw=1.0))
    return fig


#: geometry of the belt figure: steps, their spacing, box size and the rows
_STEPS, _STEP, _BW, _BH = 4, 4.25, 3.0, 3.2
_Y_B, _Y_C, _Y_H = 1.0, 3.55, 1.45  # bottom of the boxes, the belt, the hidden path
_XS = [2.5 + k * _STEP for k in range(_STEPS)]
_LEFT, _RIGHT = _XS[0] - _BW / 2 - 1.3, _XS[-1] + _BW / 2 + 1.3


def _belt_step(ax, k, cx):
    """Time step ``k + 1``: its box, x and h, its two edits of the belt (⊙ f, then + g ⊙ i)
    and its output, h = o ⊙ tanh(c)."""
    layer = box(ax, cx, _Y_B + _BH / 2, _BW, _BH, fc=CELL_FILL, ec=TEXT, z=1)
    text(ax, cx - 0.8, _Y_B + 0.22, "LSTM", size=FS_SMALL, colour="#555555")
    wire(ax, [(cx - 0.4, _Y_B - 0.9), (cx - 0.4, _Y_B)], "input")
    text(ax, cx - 0.25, _Y_B - 0.65, f"$x_{k + 1}$", ha="left")
    mul = op(ax, cx - 0.95, _Y_C, "mul")
    add = op(ax, cx - 0.1, _Y_C, "add")
    wire(ax, [mul.port("r"), add.port("l")], "cell")
    wire(ax, [(mul.x, _Y_C - 1.0), mul.port("b")], "f")
    wire(ax, [(add.x, _Y_C - 1.0), add.port("b")], "g")
    text(ax, mul.x - 0.12, _Y_C - 0.75, "$f$", size=FS_SMALL, ha="right")
    text(ax, add.x, _Y_C - 1.05, r"$g \odot i$", size=FS_SMALL, va="top")
    # the output: the belt branches into tanh, which o weighs, giving h
    x_out = cx + 0.8
    squash = act(ax, x_out, _Y_C - 0.8, "tanh", role="cell")
    hm = op(ax, x_out, _Y_H + 0.55, "mul")
    dot(ax, x_out, _Y_C, style.CELL, r=0.12)
    wire(ax, [(x_out, _Y_C), squash.port("t")], "cell", lw=2.0)
    wire(ax, [squash.port("b"), hm.port("t")], "cell", lw=2.0)
    wire(ax, [(hm.x - 0.95, hm.y), hm.port("l")], "o")
    text(ax, hm.x - 0.65, hm.y - 0.12, "$o$", size=FS_SMALL, va="top")
    wire(ax, [hm.port("b"), (hm.x, _Y_H), (cx + _BW / 2, _Y_H)], "hidden", arrow=False)
    up = cx + 1.25
    wire(ax, [(up, _Y_H), (up, 5.75 - 0.3)], "hidden")
    dot(ax, up, _Y_H, style.HIDDEN)
    bridge(ax, up, _Y_C, "hidden", length=0.5)
    text(ax, up + 0.15, 4.9, f"$h_{k + 1}$", ha="left")
    return layer, mul, add


def _belt_links(ax, k, cx, mul):
    """The belt and the hidden path from the step before (or from the left edge)."""
    prev = (_LEFT, _Y_C) if k == 0 else (_XS[k - 1] + _BW / 2, _Y_C)
    wire(ax, [prev, mul.port("l")], "cell", z=2.5)
    hprev = (_LEFT, _Y_H) if k == 0 else (_XS[k - 1] + _BW / 2, _Y_H)
    wire(ax, [hprev, (cx - _BW / 2, _Y_H)], "hidden")
    ha = "center" if k else "left"
    x_c = (prev[0] + cx - _BW / 2) / 2 if k else _LEFT - 0.1
    text(ax, x_c, _Y_C + 0.4, f"$c_{k}$", colour=style.CELL, ha=ha, va="bottom")
    x_h = (hprev[0] + cx - _BW / 2) / 2 if k else _LEFT - 0.1
    text(ax, x_h, _Y_H - 0.3, f"$h_{k}$", ha=ha, va="top")


def cell_belt(lang="en"):
    """Notebook 00 (from RNN to LSTM): the memory cell path through several time steps.

    The memory cell c (기억 셀) rides a belt from one time step to the next inside the
    layer; each step edits it (⊙ f, + g ⊙ i) and lets it show in h = o ⊙ tanh(c). The hidden
    state h goes to the next step and up to the layer above; c never leaves the layer.
    ``lang`` is "en" or "ko".
    """
    say = words(KOREAN, lang)
    fig, ax = canvas(-0.8, 18.6, -0.9, 7.6)
    for k, cx in enumerate(_XS):
        _, mul, add = _belt_step(ax, k, cx)
        _belt_links(ax, k, cx, mul)
        wire(ax, [add.port("r"), (cx + _BW / 2, _Y_C)], "cell", arrow=False)
        note_box(ax, cx + 1.25, 6.05, 2.1, 0.6, say("layer above"), lw=1.2, size=FS_SMALL - 0.5)
    wire(ax, [(_XS[-1] + _BW / 2, _Y_C), (_RIGHT, _Y_C)], "cell")
    wire(ax, [(_XS[-1] + _BW / 2, _Y_H), (_RIGHT, _Y_H)], "hidden")
    text(ax, _RIGHT - 0.5, _Y_C + 0.4, f"$c_{_STEPS}$", colour=style.CELL, va="bottom")
    text(ax, _RIGHT - 0.5, _Y_H - 0.3, f"$h_{_STEPS}$", va="top")
    text(
        ax,
        8.9,
        7.05,
        say(
            "The memory cell $c$ rides a belt through time: each step forgets ($\\odot f$), "
            "adds ($+\\, g \\odot i$)\nand shows $c$ through $h = o \\odot \\tanh(c)$; "
            "only $h$ leaves the layer, $c$ never does"
        ),
        size=FS_SMALL,
    )
    wire(ax, [(7.2, -0.55), (10.6, -0.55)], "input", lw=1.2)
    text(ax, 10.8, -0.55, say("time"), size=FS_SMALL, ha="left")
    return fig
