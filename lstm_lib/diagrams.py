"""The book's diagrams, drawn with matplotlib: one function per figure.

Every figure speaks the same visual language (colours, line styles and hatches come from
:mod:`lstm_lib.style`):

* circles are elementwise operations: ⊙ (Hadamard product, a circle with a dot) and +;
* rounded boxes are functions: σ (green, a gate), tanh (orange, information) and the
  affine transform ``x Wx + h Wh + b`` (purple);
* the memory cell path c is a thick blue "belt" along the top, the hidden path h runs
  along the bottom in vermillion, gates are dashed green lines, information solid orange;
* time flows from left to right.

Each figure function returns a :class:`matplotlib.figure.Figure` without touching pyplot's
global state. ``FIGURES`` maps a file name (the notebook that first shows it, then the
idea) to its function; :func:`save_all` writes them all, and so does
``python -m lstm_lib.diagrams [FOLDER]`` (default: the repository's ``figures/``).

The math layer of ``lstm_lib`` never imports this module.
"""

import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from matplotlib import patheffects
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Circle, FancyBboxPatch, Polygon, Rectangle

from . import style

#: resolution of the saved PNGs; a 9-inch figure is 900 pixels wide
DPI = 100
#: inches per diagram unit: all diagrams share one scale, so nodes look alike everywhere
UNIT = 0.5

FS = 12  # labels of values on the wires
FS_SMALL = 10.5  # annotations
FS_NODE = 13  # text inside nodes
FS_TITLE = 13

R_OP = 0.3  # radius of the ⊙ and + circles
ACT_W, ACT_H = 1.0, 0.56  # σ and tanh boxes
AFF_W, AFF_H = 1.3, 0.6  # affine boxes
HEAD_L, HEAD_W = 0.26, 0.11  # arrow head length and half width
CELL_FILL = "#F4F4F4"
FADE = 0.72  # how far a faded part is mixed with white
TEXT = "#1A1A1A"

_ACT_ROLE = {"sigmoid": "gate", "tanh": "info"}
_ACT_TEXT = {"sigmoid": r"$\sigma$", "tanh": "tanh"}


# ---------------------------------------------------------------------------------------
# drawing primitives, shared by every figure
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Node:
    """A drawn node: centre ``(x, y)`` and size ``w`` by ``h`` in diagram units."""

    x: float
    y: float
    w: float
    h: float

    def port(self, side):
        """Point on the border: ``"l"``, ``"r"``, ``"t"`` or ``"b"``."""
        dx, dy = {"l": (-1, 0), "r": (1, 0), "t": (0, 1), "b": (0, -1)}[side]
        return (self.x + dx * self.w / 2, self.y + dy * self.h / 2)


def _fade(colour, faded):
    return style.tint(colour, FADE) if faded else colour


def _canvas(x0, x1, y0, y1):
    """A figure whose axes span ``[x0, x1] x [y0, y1]`` at ``UNIT`` inches per unit."""
    fig = Figure(figsize=((x1 - x0) * UNIT, (y1 - y0) * UNIT), facecolor="white")
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect("equal")
    ax.axis("off")
    return fig, ax


def _text(ax, x, y, s, colour=TEXT, size=FS, ha="center", va="center", bg=False, **kw):
    """Text in diagram units; ``bg=True`` puts it on a white patch (for text on wires)."""
    if bg:
        kw["bbox"] = {"boxstyle": "square,pad=0.15", "fc": "white", "ec": "none"}
    return ax.text(x, y, s, color=colour, fontsize=size, ha=ha, va=va, zorder=6, **kw)


def _box(ax, x, y, w, h, fc, ec, text=None, lw=1.6, ls="-", size=FS_NODE, tc=TEXT, z=4):
    """A rounded box centred on ``(x, y)``; returns its :class:`Node`."""
    ax.add_patch(
        FancyBboxPatch(
            (x - w / 2, y - h / 2),
            w,
            h,
            boxstyle="round,pad=0,rounding_size=0.14",
            fc=fc,
            ec=ec,
            lw=lw,
            ls=ls,
            zorder=z,
        )
    )
    if text:
        ax.text(x, y, text, color=tc, fontsize=size, ha="center", va="center", zorder=z + 1)
    return Node(x, y, w, h)


def _note_box(ax, x, y, w, h, text, lw=1.3, size=FS_SMALL):
    """A dashed grey box for what lies outside the figure's idea (the layer above, a step
    taught later); returns its :class:`Node`."""
    return _box(
        ax,
        x,
        y,
        w,
        h,
        fc="white",
        ec=style.NEUTRAL,
        ls=(0, (3, 2)),
        lw=lw,
        text=text,
        size=size,
        tc="#555555",
    )


def _op(ax, x, y, op, faded=False):
    """An elementwise node: ``op="mul"`` draws ⊙, ``op="add"`` draws +."""
    ec = _fade(TEXT, faded)
    ax.add_patch(Circle((x, y), R_OP, fc="white", ec=ec, lw=1.8, zorder=4))
    if op == "mul":
        ax.add_patch(Circle((x, y), 0.075, fc=ec, ec="none", zorder=5))
    elif op == "add":
        a = 0.58 * R_OP
        for xs, ys in (((x - a, x + a), (y, y)), ((x, x), (y - a, y + a))):
            ax.add_line(Line2D(xs, ys, color=ec, lw=2.0, zorder=5, solid_capstyle="butt"))
    else:
        raise ValueError(f"op must be 'mul' or 'add', got {op!r}")
    return Node(x, y, 2 * R_OP, 2 * R_OP)


def _act(ax, x, y, kind, faded=False):
    """An activation box: ``kind="sigmoid"`` (a gate) or ``kind="tanh"`` (information)."""
    colour = style.ROLE_COLOURS[_ACT_ROLE[kind]]
    return _box(
        ax,
        x,
        y,
        ACT_W,
        ACT_H,
        fc=style.tint(colour, 0.93 if faded else 0.78),
        ec=_fade(colour, faded),
        text=_ACT_TEXT[kind],
        tc=_fade(TEXT, faded),
    )


def _affine(ax, x, y, w=AFF_W, h=AFF_H, text="affine", faded=False, size=FS_SMALL):
    """An affine-transform box ``x Wx + h Wh + b``."""
    return _box(
        ax,
        x,
        y,
        w,
        h,
        fc=style.tint(style.AFFINE, 0.93 if faded else 0.75),
        ec=_fade(style.AFFINE, faded),
        text=text,
        size=size,
        tc=_fade(TEXT, faded),
    )


def _dot(ax, x, y, colour, r=0.09):
    """A junction: the value is copied to two places."""
    ax.add_patch(Circle((x, y), r, fc=colour, ec="none", zorder=3.5))


def _wire(ax, pts, role, arrow=True, faded=False, lw=None, colour=None, z=2):
    """A polyline through ``pts`` drawn in the style of ``role``, with an arrow head.

    The line stops short of the last point and a filled head ends exactly on it, so a
    dashed gate line still gets a solid head. Crossings are drawn with :func:`_bridge`.
    """
    kw = style.line_kwargs(role)
    colour = _fade(colour or kw["color"], faded)
    lw = lw or kw["linewidth"]
    pts = [tuple(map(float, p)) for p in pts]
    if arrow:
        (xa, ya), (xb, yb) = pts[-2], pts[-1]
        length = np.hypot(xb - xa, yb - ya)
        ux, uy = (xb - xa) / length, (yb - ya) / length
        scale = max(1.0, lw / 2.4)  # a wider line gets a bigger head
        hl, hw = HEAD_L * scale, HEAD_W * scale
        base = (xb - ux * hl, yb - uy * hl)
        head = [(xb, yb), (base[0] - uy * hw, base[1] + ux * hw)]
        head.append((base[0] + uy * hw, base[1] - ux * hw))
        ax.add_patch(Polygon(head, closed=True, fc=colour, ec="none", zorder=z + 0.1))
        pts[-1] = (xb - ux * hl * 0.8, yb - uy * hl * 0.8)
    xs, ys = zip(*pts, strict=True)
    line = Line2D(
        xs,
        ys,
        color=colour,
        lw=lw,
        linestyle=kw["linestyle"],
        solid_joinstyle="miter",
        solid_capstyle="butt",
        dash_capstyle="butt",
        zorder=z,
    )
    ax.add_line(line)


def _bridge(ax, x, y, role, faded=False, bg=CELL_FILL, length=0.34):
    """Redraw a vertical wire of ``role`` over a horizontal one at ``(x, y)``, with a gap.

    The gap (in the background colour ``bg``) shows that the wires cross without joining.
    """
    kw = style.line_kwargs(role)
    line = Line2D(
        [x, x],
        [y - length / 2, y + length / 2],
        color=_fade(kw["color"], faded),
        lw=kw["linewidth"],
        solid_capstyle="butt",
        zorder=2.6,
    )
    line.set_path_effects(
        [patheffects.Stroke(linewidth=kw["linewidth"] + 5, foreground=bg), patheffects.Normal()]
    )
    ax.add_line(line)


#: legend entries: the text and the width (diagram units) the entry takes
_LEGEND = {
    "cell": ("memory cell $c$", 3.5),
    "hidden": ("hidden state $h$", 3.6),
    "gate": (r"gate: $\sigma$, 0 to 1", 3.6),
    "info": ("information: tanh, $-1$ to $1$", 5.3),
    "input": ("input $x$", 2.6),
    "gradient": ("gradient, backward", 4.0),
}


def _legend(ax, x, y, roles):
    """A row of line samples with their meaning, starting at ``(x, y)``."""
    for role in roles:
        text, width = _LEGEND[role]
        _wire(ax, [(x, y), (x + 0.8, y)], role, arrow=False)
        _text(ax, x + 1.0, y, text, size=FS_SMALL, ha="left")
        x += width


# ---------------------------------------------------------------------------------------
# the LSTM cell, drawn part by part: figures 02 to 07 share it
# ---------------------------------------------------------------------------------------

#: x position of each part's column inside the cell, and of the output ⊙
_COL = {"f": 2.0, "g": 4.6, "i": 6.4, "o": 8.6}
_HMUL_X = 10.4
_CELL_W = 11.6
_PART_NAMES = {
    "f": "forget\ngate",
    "g": "new\ninformation",
    "i": "input\ngate",
    "o": "output\ngate",
}


def _lstm_cell(ax, x0, y0, show, fused=False, names=None):
    """Draw one LSTM cell with its lower-left corner at ``(x0, y0)``.

    ``show`` maps each part ``"f"``, ``"g"``, ``"i"``, ``"o"`` to ``"on"``, ``"faded"``
    (known from an earlier notebook) or leaves it out (not yet introduced). ``fused=True``
    replaces the four affine boxes by one affine transform and a slice node. ``names`` are
    the parts to name under the cell. Returns the cell's height.
    """
    dy = 1.2 if fused else 0.0
    y_x, y_h, y_aff = y0 + 0.45, y0 + 1.0, y0 + 2.0
    y_act, y_mid, y_belt = y0 + 3.1 + dy, y0 + 4.2 + dy, y0 + 5.4 + dy
    top = 6.0 + dy
    parts = [p for p in "fgio" if show.get(p)]
    fd = {p: show.get(p) == "faded" for p in parts}
    col = {p: x0 + _COL[p] for p in parts}
    x_in, x_out = x0 - 1.3, x0 + _CELL_W + 1.3

    ax.add_patch(
        FancyBboxPatch(
            (x0, y0),
            _CELL_W,
            top,
            boxstyle="round,pad=0,rounding_size=0.3",
            fc=CELL_FILL,
            ec=style.NEUTRAL,
            lw=1.2,
            zorder=0,
        )
    )

    # the belt: c_{t-1} -> [⊙ f] -> [+ g] -> c_t, with a branch to tanh when o is shown

    nodes = {}
    if "f" in parts:
        nodes["fmul"] = _op(ax, col["f"], y_belt, "mul", fd["f"])
    if "g" in parts:
        nodes["add"] = _op(ax, col["g"], y_belt, "add", fd["g"])
    if not nodes:  # the update of c is not introduced yet: a placeholder box
        nodes["todo"] = _note_box(
            ax, x0 + 4.3, y_belt, 5.8, 0.7, "update of $c$: notebooks 03 to 05"
        )
    seq = sorted(nodes.values(), key=lambda n: n.x)
    points = [(x_in, y_belt)]
    for n in seq:
        _wire(ax, [points[-1], n.port("l")], "cell")
        points.append(n.port("r"))
    _wire(ax, [points[-1], (x_out, y_belt)], "cell")
    _text(ax, x_in - 0.15, y_belt, "$c_{t-1}$", ha="right")
    _text(ax, x_out + 0.15, y_belt, "$c_t$", ha="left")

    # the inputs: h_{t-1} along the bottom, x_t from below, tapped by every part
    last = parts[-1]
    if fused:
        left, right = x0 + _COL["f"] - 0.7, x0 + _COL["o"] + 0.7
        aff_x = (left + right) / 2
        aff = _affine(
            ax,
            aff_x,
            y_aff,
            w=right - left,
            h=0.62,
            text=r"affine   $x_t W_x + h_{t-1} W_h + b$",
            size=FS,
        )
        _wire(ax, [(x_in, y_h), (aff_x - 2.0, y_h), (aff_x - 2.0, aff.port("b")[1])], "hidden")
        _wire(ax, [(aff_x + 2.0, y0 - 1.2), (aff_x + 2.0, aff.port("b")[1])], "input")
        _text(ax, aff_x + 2.0, y0 - 1.45, "$x_t$", va="top")
        y_slice = y_aff + 1.25
        _wire(ax, [aff.port("t"), (aff_x, y_slice - 0.26)], "input")
        _text(ax, aff_x + 0.15, (aff.port("t")[1] + y_slice - 0.26) / 2, "$A$  (N, 4H)", ha="left")
        bounds = [left, x0 + 3.3, x0 + 5.5, x0 + 7.5, right]
        tags = ["A[:,:H]", "A[:,H:2H]", "A[:,2H:3H]", "A[:,3H:]"]
        for k, p in enumerate("fgio"):
            a, b = bounds[k], bounds[k + 1]
            ax.add_patch(
                Rectangle(
                    (a, y_slice - 0.26),
                    b - a,
                    0.52,
                    fc=style.tint(style.BLOCK_COLOURS[p], 0.45),
                    ec=TEXT,
                    lw=1.2,
                    zorder=4,
                )
            )
            _text(ax, (a + b) / 2, y_slice, tags[k], size=10, family="monospace")
        _text(ax, left - 0.12, y_slice, "slice", size=FS_SMALL, ha="right")
        pre = {p: (col[p], y_slice + 0.26) for p in parts}
    else:
        for p in parts:
            _affine(ax, col[p], y_aff, faded=fd[p])
        pre = {p: (col[p], y_aff + AFF_H / 2) for p in parts}
        yb = y_aff - AFF_H / 2
        hx = {p: col[p] + 0.3 for p in parts}
        xx = {p: col[p] - 0.3 for p in parts}
        _wire(ax, [(x_in, y_h), (hx[last], y_h), (hx[last], yb)], "hidden")
        _wire(ax, [(x0 + 0.7, y0 - 1.2), (x0 + 0.7, y_x), (xx[last], y_x), (xx[last], yb)], "input")
        _bridge(ax, xx[last], y_h, "input", fd[last])
        _text(ax, x0 + 0.7, y0 - 1.45, "$x_t$", va="top")
        for p in parts[:-1]:
            _wire(ax, [(hx[p], y_h), (hx[p], yb)], "hidden", faded=fd[p])
            _dot(ax, hx[p], y_h, style.HIDDEN)
            _wire(ax, [(xx[p], y_x), (xx[p], yb)], "input", faded=fd[p])
            _bridge(ax, xx[p], y_h, "input", fd[p])
            _dot(ax, xx[p], y_x, style.INPUT)
    _text(ax, x_in - 0.15, y_h, "$h_{t-1}$", ha="right")

    # each part: its activation and where its output goes
    act = {}
    for p in parts:
        act[p] = _act(ax, col[p], y_act, "tanh" if p == "g" else "sigmoid", fd[p])
        _wire(ax, [pre[p], act[p].port("b")], "input", faded=fd[p], lw=1.4)
    if "f" in parts:
        _wire(ax, [act["f"].port("t"), nodes["fmul"].port("b")], "gate", faded=fd["f"])
        _text(ax, col["f"] + 0.2, (y_act + y_belt) / 2, "$f$", _fade(TEXT, fd["f"]), ha="left")
    if "g" in parts:
        g_mid = (y_act + ACT_H / 2 + y_mid - R_OP) / 2
        if "i" in parts:
            igm = _op(ax, col["g"], y_mid, "mul", fd["i"])
            _wire(ax, [act["g"].port("t"), igm.port("b")], "info", faded=fd["g"])
            _wire(ax, [igm.port("t"), nodes["add"].port("b")], "info", faded=fd["i"])
            _wire(ax, [act["i"].port("t"), (col["i"], y_mid), igm.port("r")], "gate", faded=fd["i"])
            _text(ax, col["i"] + 0.2, y_act + 0.75, "$i$", _fade(TEXT, fd["i"]), ha="left")
            _text(ax, col["g"] - 0.2, g_mid, "$g$", _fade(TEXT, fd["g"]), ha="right")
        else:
            _wire(ax, [act["g"].port("t"), nodes["add"].port("b")], "info", faded=fd["g"])
            _text(ax, col["g"] - 0.2, g_mid, "$g$", _fade(TEXT, fd["g"]), ha="right")
            if not fd["g"]:  # the notebook that introduces g: say what it is
                _text(
                    ax,
                    col["g"] + 0.25,
                    y_mid,
                    "information,\nnot a gate",
                    size=FS_SMALL,
                    ha="left",
                    linespacing=1.1,
                )
    if "o" in parts:
        f_o = fd["o"]
        tc = _act(ax, x0 + _HMUL_X, y_mid, "tanh", f_o)
        hm = _op(ax, x0 + _HMUL_X, y_act, "mul", f_o)
        _wire(ax, [(x0 + _HMUL_X, y_belt), tc.port("t")], "cell", faded=f_o, lw=2.4)
        _dot(ax, x0 + _HMUL_X, y_belt, style.CELL, r=0.13)
        _wire(ax, [tc.port("b"), hm.port("t")], "info", faded=f_o)
        _wire(ax, [act["o"].port("r"), hm.port("l")], "gate", faded=f_o)
        _text(ax, (col["o"] + x0 + _HMUL_X) / 2, y_act + 0.25, "$o$", _fade(TEXT, f_o))
        _wire(ax, [hm.port("b"), (hm.x, y_h), (x_out, y_h)], "hidden", faded=f_o)
        _text(ax, x_out + 0.15, y_h, "$h_t$", _fade(TEXT, f_o), ha="left")

    for p in names or ():
        _text(ax, col[p], y0 - 0.2, _PART_NAMES[p], size=FS_SMALL, va="top", linespacing=1.1)
    return top


def _cell_figure(show, title, names, fused=False, legend=("cell", "hidden", "gate", "info")):
    x0, y0 = 0.0, 0.0
    top = 6.0 + (1.2 if fused else 0.0)
    fig, ax = _canvas(-2.9, _CELL_W + 2.5, -3.2, top + 1.1)
    _lstm_cell(ax, x0, y0, show, fused=fused, names=names)
    _text(ax, _CELL_W / 2, top + 0.55, title, size=FS_TITLE)
    _legend(ax, -2.4, -2.75, legend)
    return fig


# ---------------------------------------------------------------------------------------
# the figures
# ---------------------------------------------------------------------------------------


def rnn_vs_lstm_interface():
    """Notebook 00 (from RNN to LSTM): the interface of an RNN layer beside an LSTM layer.

    The RNN layer passes one state, h, to the next step and up to the next layer. The
    LSTM layer passes two, h and the memory cell c (기억 셀); c only goes to the next time
    step of the same layer, and only h goes up.
    """
    fig, ax = _canvas(0, 18.6, 0, 8.0)
    for cx, kind in ((4.6, "RNN"), (13.8, "LSTM")):
        box = _box(ax, cx, 3.2, 3.4, 2.4, fc=CELL_FILL, ec=TEXT, text=kind, size=15, z=3)
        lx, rx = box.port("l")[0], box.port("r")[0]
        yh = 2.5
        _wire(ax, [(lx - 2.0, yh), (lx, yh)], "hidden")
        _wire(ax, [(rx, yh), (rx + 2.0, yh)], "hidden")
        _text(ax, lx - 1.0, yh - 0.35, "$h_{t-1}$", va="top")
        _text(ax, rx + 1.0, yh - 0.35, "$h_t$", va="top")
        _wire(ax, [(cx, 0.55), (cx, box.port("b")[1])], "input")
        _text(ax, cx + 0.2, 0.75, "$x_t$", ha="left")
        # h_t also goes up, to the layer above
        up = _note_box(ax, cx + 0.9, 6.7, 3.2, 0.8, "layer above")
        _wire(ax, [(cx + 0.9, box.port("t")[1]), up.port("b")], "hidden")
        _text(ax, cx + 1.1, 5.15, "$h_t$", ha="left")
        _text(ax, cx, 7.65, f"{kind} layer", size=FS_TITLE, weight="bold")
        if kind == "LSTM":
            yc = 3.95
            _wire(ax, [(lx - 2.0, yc), (lx, yc)], "cell")
            _wire(ax, [(rx, yc), (rx + 2.0, yc)], "cell")
            _text(ax, lx - 1.0, yc + 0.35, "$c_{t-1}$", va="bottom")
            _text(ax, rx + 1.0, yc + 0.35, "$c_t$", va="bottom")
            _text(
                ax,
                lx - 0.2,
                5.3,
                "$c$ never goes up:\nit stays in the layer",
                size=FS_SMALL,
                ha="center",
                va="center",
                colour=style.CELL,
            )
    ax.add_line(Line2D([9.2, 9.2], [0.4, 7.6], color="#CCCCCC", lw=1.0))
    return fig


def cell_belt():
    """Notebook 00 (from RNN to LSTM): the memory cell path through several time steps.

    The memory cell c (기억 셀) rides a belt from one time step to the next inside the
    layer; each step only reads and edits it. The hidden state h goes to the next step
    and up to the layer above.
    """
    steps, step, bw, bh = 4, 4.1, 2.5, 2.6
    fig, ax = _canvas(-0.9, 18.1, -0.9, 7.3)
    y_b, y_c, y_h = 1.4, 3.3, 2.0
    xs = [2.4 + k * step for k in range(steps)]
    left, right = xs[0] - bw / 2 - 1.4, xs[-1] + bw / 2 + 1.4
    for k, cx in enumerate(xs):
        box = _box(ax, cx, y_b + bh / 2, bw, bh, fc=CELL_FILL, ec=TEXT, z=1)
        _text(ax, cx - 0.45, y_b + 0.4, "LSTM", size=FS_SMALL, colour="#555555")
        _wire(ax, [(cx, y_b - 1.0), (cx, y_b)], "input")
        _text(ax, cx + 0.15, y_b - 0.75, f"$x_{k + 1}$", ha="left")
        ux = cx + 0.6
        _wire(ax, [(ux, box.port("t")[1]), (ux, 5.4)], "hidden")
        _text(ax, ux + 0.15, 4.7, f"$h_{k + 1}$", ha="left")
        # the step's edits of the belt: forget (⊙ f) then add (+ i ⊙ g)
        mul = _op(ax, cx - 0.55, y_c, "mul")
        add = _op(ax, cx + 0.55, y_c, "add")
        _wire(ax, [mul.port("r"), add.port("l")], "cell")
        _wire(ax, [(mul.x, y_h + 0.1), mul.port("b")], "gate", lw=1.6)
        _wire(ax, [(add.x, y_h + 0.1), add.port("b")], "info", lw=1.6)
        prev = (left, y_c) if k == 0 else (xs[k - 1] + 0.55 + R_OP, y_c)
        _wire(ax, [prev, mul.port("l")], "cell", z=2.5)
        hprev = (left, y_h) if k == 0 else (xs[k - 1] + bw / 2, y_h)
        _wire(ax, [hprev, (cx - bw / 2, y_h)], "hidden")
        _text(
            ax,
            (prev[0] + mul.port("l")[0]) / 2 if k else left - 0.1,
            y_c + 0.45,
            f"$c_{k}$",
            colour=style.CELL,
            ha="center" if k else "left",
            va="bottom",
        )
        _text(
            ax,
            (hprev[0] + cx - bw / 2) / 2 if k else left - 0.1,
            y_h - 0.3,
            f"$h_{k}$",
            ha="center" if k else "left",
            va="top",
        )
    _wire(ax, [(xs[-1] + 0.55 + R_OP, y_c), (right, y_c)], "cell")
    _wire(ax, [(xs[-1] + bw / 2, y_h), (right, y_h)], "hidden")
    _text(ax, right - 0.5, y_c + 0.45, f"$c_{steps}$", colour=style.CELL, va="bottom")
    _text(ax, right - 0.5, y_h - 0.3, f"$h_{steps}$", va="top")
    for cx in xs:
        _note_box(ax, cx + 0.6, 5.75, 2.1, 0.6, "layer above", lw=1.2, size=FS_SMALL - 0.5)
    _text(
        ax,
        8.6,
        6.85,
        "The memory cell $c$ rides a belt through time: each step forgets "
        r"($\odot f$) and adds ($+$), and $c$ never leaves the layer",
        size=FS_SMALL,
    )
    _wire(ax, [(6.9, -0.55), (10.3, -0.55)], "input", lw=1.2)
    _text(ax, 10.5, -0.55, "time", size=FS_SMALL, ha="left")
    return fig


def gate_concept():
    """Notebook 01 (gates): a gate multiplies information elementwise by an openness.

    The openness σ(z) lies in [0, 1]: 0 blocks an element, 1 lets it through whole, and
    values between pass a fraction. The information itself is a tanh value in [-1, 1].
    """
    info = [0.9, -0.7, 0.4, -0.8, 0.6]
    score = [4.0, -5.0, 0.0, 2.2, -2.2]
    gate = [1 / (1 + np.exp(-z)) for z in score]
    out = [a * g for a, g in zip(info, gate, strict=True)]
    s, n = 1.1, len(info)  # size of one element, elements per row
    fig, ax = _canvas(-0.3, 17.5, -0.1, 7.2)

    def row(x_left, y, values, role, fmt):
        """One row vector; returns its :class:`Node`."""
        for k, v in enumerate(values):
            x, y_low = x_left + k * s, y - s / 2
            if role == "gate":  # the filled share of the element is its openness
                ax.add_patch(
                    Rectangle(
                        (x, y_low),
                        s,
                        s * v,
                        fc=style.tint(style.GATE, 0.55),
                        ec=style.GATE,
                        lw=0,
                        hatch=style.HATCHES["gate"],
                        zorder=3,
                    )
                )
            elif role == "info":  # the stronger the information, the darker the element
                fc = style.tint(style.INFO, 1 - 0.6 * min(1.0, abs(v)))
                ax.add_patch(Rectangle((x, y_low), s, s, fc=fc, ec="none", zorder=3))
            else:
                ax.add_patch(Rectangle((x, y_low), s, s, fc="#EBEBEB", ec="none", zorder=3))
            ax.add_patch(Rectangle((x, y_low), s, s, fc="none", ec=TEXT, lw=1.2, zorder=3.4))
            text = fmt.format(v).replace("-0.00", "0.00").replace("-", "\u2212")
            _text(ax, x + s / 2, y, text, size=FS_SMALL, bg=role == "gate")
        return Node(x_left + n * s / 2, y, n * s, s)

    y_top, y_mid, y_low = 4.9, 2.75, 0.9
    a = row(0.3, y_top, info, "info", "{:.2f}")
    mul = _op(ax, 8.6, y_top, "mul")
    r = row(11.4, y_top, out, "info", "{:.2f}")
    g = row(mul.x - n * s / 2, y_mid, gate, "gate", "{:.2f}")
    sig = _act(ax, mul.x, y_low, "sigmoid")
    z = row(0.3, y_low, score, "input", "{:.1f}")
    _wire(ax, [a.port("r"), mul.port("l")], "info")
    _wire(ax, [mul.port("r"), r.port("l")], "info")
    _wire(ax, [g.port("t"), mul.port("b")], "gate")
    _wire(ax, [sig.port("t"), g.port("b")], "gate")
    _wire(ax, [z.port("r"), sig.port("l")], "input")
    _text(ax, a.x, y_top + 0.75, "information (tanh: $-1$ to $1$)", va="bottom")
    _text(ax, r.x, y_top + 0.75, "what passes on", va="bottom")
    _text(
        ax,
        mul.x,
        y_top + 0.5,
        r"$\odot$: elementwise product",
        size=FS_SMALL,
        va="bottom",
        colour="#444444",
    )
    _text(ax, g.port("r")[0] + 0.3, y_mid + 0.2, r"openness $\in [0, 1]$", ha="left")
    _text(
        ax,
        g.port("r")[0] + 0.3,
        y_mid - 0.25,
        "0 = closed, 1 = open",
        ha="left",
        size=FS_SMALL,
        colour="#444444",
    )
    _text(ax, z.x, y_low + 0.75, "score $z$ (any real number)", va="bottom")
    _text(ax, mul.x, 6.75, r"A gate: output $=$ information $\odot\ \sigma(z)$", size=FS_TITLE)
    return fig


def sigmoid_vs_tanh():
    """Notebook 01 (gates): sigmoid and tanh, their ranges and their derivatives.

    σ maps to (0, 1), read as a ratio: how much of something passes (a gate). tanh maps
    to (-1, 1), read as information with a sign and a strength. The dotted curves are the
    derivatives: σ' peaks at 0.25, tanh' at 1.
    """
    z = np.linspace(-6, 6, 401)
    sig = 1 / (1 + np.exp(-z))
    th = np.tanh(z)
    curves = [
        (
            "gate",
            r"$\sigma(z)$",
            sig,
            sig * (1 - sig),
            r"$\sigma'(z)$, at most 0.25",
            (0, 1),
            "range 0 to 1:\na ratio, how much passes",
        ),
        (
            "info",
            r"$\tanh(z)$",
            th,
            1 - th**2,
            r"$\tanh'(z)$, at most 1",
            (-1, 1),
            "range $-1$ to $1$:\ninformation, sign and strength",
        ),
    ]
    fig = Figure(figsize=(9.6, 4.0), facecolor="white")
    axes = fig.subplots(1, 2)
    fig.subplots_adjust(left=0.06, right=0.99, bottom=0.13, top=0.9, wspace=0.14)
    for ax, (role, name, f, df, dname, (lo, hi), note) in zip(axes, curves, strict=True):
        colour = style.ROLE_COLOURS[role]
        ax.axhspan(
            lo,
            hi,
            fc=style.tint(colour, 0.85),
            ec=style.tint(colour, 0.4),
            hatch=style.HATCHES[role],
            lw=0,
            zorder=0,
        )
        ax.axhline(0, color="#888888", lw=0.8, zorder=1)
        ax.axvline(0, color="#888888", lw=0.8, zorder=1)
        ax.plot(z, f, color=colour, lw=2.8, label=name, zorder=3)
        ax.plot(z, df, color=TEXT, lw=1.8, ls=":", label=dname, zorder=3)
        ax.set_xlim(-6, 6)
        ax.set_ylim(-1.35, 1.35)
        ax.set_xlabel("$z$", fontsize=FS)
        ax.tick_params(labelsize=10.5)
        ax.set_yticks([-1, -0.5, 0, 0.25, 0.5, 1], ["$-1$", "$-0.5$", "0", "0.25", "0.5", "1"])
        ax.legend(loc="upper left", fontsize=10.5, framealpha=0.95)
        ax.text(
            5.7,
            -1.25 if role == "gate" else -1.22,
            note,
            ha="right",
            va="bottom",
            fontsize=FS_SMALL,
            color=TEXT,
            bbox={"boxstyle": "round,pad=0.3", "fc": "white", "ec": colour},
        )
        ax.set_title(
            "gate: sigmoid" if role == "gate" else "information: tanh",
            fontsize=FS_TITLE,
            color=TEXT,
        )
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    return fig


def output_gate():
    """Notebook 02 (output gate): the output gate in the computational graph.

    o = σ(x_t Wx + h_{t-1} Wh + b) comes from x_t and h_{t-1}; the cell is squashed by
    tanh and the ⊙ node lets the share o of tanh(c_t) out as h_t = o ⊙ tanh(c_t).
    """
    return _cell_figure(
        {"o": "on"},
        r"output gate: $o = \sigma(x_t W_x^{(o)} + h_{t-1} W_h^{(o)} + b^{(o)})$,"
        r"   $h_t = o \odot \tanh(c_t)$",
        names="o",
    )


def forget_gate():
    """Notebook 03 (forget gate): the forget gate f and its ⊙ on the cell path.

    f = σ(x_t Wx + h_{t-1} Wh + b) is computed from x_t and h_{t-1}; the ⊙ node on the
    belt keeps the share f of each element of c_{t-1}. The output gate, met in notebook
    02, is greyed.
    """
    return _cell_figure(
        {"f": "on", "o": "faded"},
        r"forget gate: $f = \sigma(x_t W_x^{(f)} + h_{t-1} W_h^{(f)} + b^{(f)})$,"
        r"   $c_t = f \odot c_{t-1}$",
        names="f",
    )


def new_information():
    """Notebook 04 (new information g): g = tanh(...) is added to the cell.

    g is information (tanh, in [-1, 1]), not a gate: it is what gets written, and the +
    node adds it to the belt, c_t = f ⊙ c_{t-1} + g. Parts from earlier notebooks are
    greyed.
    """
    return _cell_figure(
        {"f": "faded", "g": "on", "o": "faded"},
        r"new information (not a gate): $g = \tanh(x_t W_x^{(g)} + h_{t-1} W_h^{(g)} +"
        r" b^{(g)})$,   $c_t = f \odot c_{t-1} + g$",
        names="g",
    )


def input_gate():
    """Notebook 05 (input gate and complete cell): the input gate i weighs g before the +.

    i = σ(...) decides how much of each element of g is worth writing: the cell receives
    g ⊙ i, so c_t = f ⊙ c_{t-1} + g ⊙ i. Parts from earlier notebooks are greyed.
    """
    return _cell_figure(
        {"f": "faded", "g": "faded", "i": "on", "o": "faded"},
        r"input gate: $i = \sigma(x_t W_x^{(i)} + h_{t-1} W_h^{(i)} + b^{(i)})$,"
        r"   $c_t = f \odot c_{t-1} + g \odot i$",
        names="i",
    )


def complete_cell():
    """Notebook 05 (input gate and complete cell): the whole LSTM cell in one figure.

    Four parts read x_t and h_{t-1}: the forget gate f, the new information g, the input
    gate i and the output gate o; then c_t = f ⊙ c_{t-1} + g ⊙ i and h_t = o ⊙ tanh(c_t).
    """
    return _cell_figure(
        {"f": "on", "g": "on", "i": "on", "o": "on"},
        r"the LSTM cell:   $c_t = f \odot c_{t-1} + g \odot i$,   $h_t = o \odot \tanh(c_t)$",
        names="fgio",
    )


def gradient_flow():
    """Notebook 06 (gradient flow): the backward path of the LSTM cell beside the RNN's.

    Backward along the memory cell the gradient meets only + (passed on unchanged) and
    ⊙ f (scaled elementwise by the forget gate) at each step. In a plain RNN it is
    multiplied by tanh' and by the matrix Wh^T at every step, so it vanishes or explodes.
    """
    steps, step, width = 3, 4.9, 4.0
    fig, ax = _canvas(-1.6, 16.4, -1.3, 12.5)
    grad = style.GRADIENT
    xs = [0.6 + k * step for k in range(steps)]  # left edges of the cells
    x_in, x_out = -1.3, xs[-1] + width + 1.0

    def panel(title, note, y_title):
        _text(ax, x_in, y_title, title, size=FS_TITLE, ha="left", weight="bold")
        _text(ax, x_in, y_title - 0.55, note, size=FS_SMALL, ha="left", colour="#333333")

    def cell_box(x0, y0, h):
        ax.add_patch(
            FancyBboxPatch(
                (x0, y0),
                width,
                h,
                boxstyle="round,pad=0,rounding_size=0.3",
                fc=CELL_FILL,
                ec=style.NEUTRAL,
                lw=1.2,
                zorder=0,
            )
        )

    def backward(y, stops):
        """The gradient: right to left at height ``y``, with a label above each stop."""
        _wire(ax, [(x_out, y), (x_in, y)], "gradient")
        for x, y_node, label in stops:
            _wire(ax, [(x, y - 0.12), (x, y_node + 0.06)], "gradient", lw=1.4, arrow=False)
            _text(ax, x, y + 0.25, label, grad, va="bottom")

    # top: the LSTM, three steps of the belt with the rest of the cell greyed
    y0, y_belt, y_hid = 6.3, 9.1, 6.9
    panel(
        r"LSTM: backward along the cell, only $+$ and $\odot f$ at each step",
        r"each step: $+$ passes the gradient on unchanged, $\odot$ multiplies it by $f$ "
        r"elementwise; no matrix, no tanh$'$",
        11.95,
    )
    stops = []
    for k, x0 in enumerate(xs):
        cell_box(x0, y0, 3.35)
        mul = _op(ax, x0 + 1.1, y_belt, "mul")
        add = _op(ax, x0 + 2.6, y_belt, "add")
        sig = _act(ax, mul.x, y0 + 1.55, "sigmoid", faded=True)
        _wire(ax, [(mul.x, y_hid), sig.port("b")], "input", faded=True)
        _wire(ax, [sig.port("t"), mul.port("b")], "gate", faded=True)
        _text(
            ax,
            mul.x + 0.2,
            (sig.port("t")[1] + y_belt - R_OP) / 2,
            "$f$",
            _fade(TEXT, True),
            ha="left",
        )
        _wire(ax, [(add.x, y_hid), add.port("b")], "info", faded=True)
        _text(ax, add.x + 0.2, y0 + 1.55, r"$g \odot i$", _fade(TEXT, True), ha="left")
        start = x_in if k == 0 else xs[k - 1] + width
        _wire(ax, [(start, y_belt), mul.port("l")], "cell")
        _wire(ax, [mul.port("r"), add.port("l")], "cell")
        _wire(ax, [add.port("r"), (x0 + width, y_belt)], "cell", arrow=False)
        lag = f"_{{t-{steps - 1 - k}}}" if k < steps - 1 else "_t"
        stops += [
            (mul.x, y_belt + R_OP, rf"$\times f{lag}$"),
            (add.x, y_belt + R_OP, r"$\times 1$"),
        ]
    _wire(ax, [(xs[-1] + width, y_belt), (x_out, y_belt)], "cell")
    _wire(ax, [(x_in, y_hid), (x_out, y_hid)], "hidden", faded=True)
    backward(y_belt + 0.85, stops)

    # bottom: the plain RNN, three steps of h_t = tanh(h_{t-1} Wh + x_t Wx + b)
    y0, y_h = 0.3, 1.8
    panel(
        r"RNN: backward through $\times W_h^{\top}$ and $\times \tanh'$ at every step",
        r"each step: the gradient is multiplied by tanh$' \leq 1$ and by the matrix "
        r"$W_h^{\top}$; over many steps it vanishes or explodes",
        5.2,
    )
    stops = []
    for k, x0 in enumerate(xs):
        cell_box(x0, y0, 2.5)
        aff = _affine(ax, x0 + 1.2, y_h)
        th = _act(ax, x0 + 2.8, y_h, "tanh")
        _wire(ax, [(aff.x, y0 - 0.4), aff.port("b")], "input")
        start = x_in if k == 0 else xs[k - 1] + width
        _wire(ax, [(start, y_h), aff.port("l")], "hidden")
        _wire(ax, [aff.port("r"), th.port("l")], "input", lw=1.4)
        _wire(ax, [th.port("r"), (x0 + width, y_h)], "hidden", arrow=False)
        stops += [
            (aff.x, y_h + AFF_H / 2, r"$\times W_h^{\top}$"),
            (th.x, y_h + ACT_H / 2, r"$\times \tanh'$"),
        ]
    _wire(ax, [(xs[-1] + width, y_h), (x_out, y_h)], "hidden")
    backward(y_h + 1.35, stops)
    _legend(ax, x_in, -0.85, ("cell", "hidden", "gate", "gradient"))
    return fig


def fused_affine_slice():
    """Notebook 07 (fused implementation): one affine transform, then a slice node.

    The four affine transforms are done at once with stacked weights Wx (D, 4H),
    Wh (H, 4H), b (4H,); the slice node cuts A (N, 4H) into four (N, H) blocks in the
    order f, g, i, o, which go to σ, tanh, σ, σ.
    """
    return _cell_figure(
        {"f": "on", "g": "on", "i": "on", "o": "on"},
        r"fused: one affine transform for all four parts, column blocks in the order f, g, i, o",
        names=None,
        fused=True,
    )


def weight_layout():
    """Notebook 07 (fused implementation): the layout of the stacked weights.

    Wx (D, 4H), Wh (H, 4H) and b (4H,) hold the four per-gate matrices side by side,
    column blocks in the order f, g, i, o; the example has D = 3 and H = 2.
    """
    d, h, s = 3, 2, 0.55  # input size, hidden size, size of one element
    fig, ax = _canvas(-0.3, 18.6, -0.1, 9.0)
    rows = [
        ("x", d, 6.6, "(D, 4H)", "(D, H)"),
        ("h", h, 4.3, "(H, 4H)", "(H, H)"),
        ("b", 1, 2.2, "(4H,)", "(H,)"),
    ]

    def block(x, y_top, nrows, p):
        """The (nrows, H) block of gate ``p`` with its upper-left corner at (x, y_top)."""
        for r in range(nrows):
            for c in range(h):
                ax.add_patch(
                    Rectangle(
                        (x + c * s, y_top - (r + 1) * s),
                        s,
                        s,
                        fc=style.tint(style.BLOCK_COLOURS[p], 0.35),
                        ec="white",
                        lw=1.0,
                        hatch=style.BLOCK_HATCHES[p],
                        zorder=2,
                    )
                )
        ax.add_patch(
            Rectangle(
                (x, y_top - nrows * s), h * s, nrows * s, fc="none", ec=TEXT, lw=1.4, zorder=3
            )
        )

    def row_label(x, y_top, nrows, name, shape):
        y = y_top - nrows * s / 2
        _text(ax, x, y + 0.2, name, ha="right")
        _text(ax, x, y - 0.25, shape, ha="right", size=FS_SMALL, colour="#444444")

    # left: the fused weights, as the code stores them
    xl = 2.4
    _text(ax, xl + 2 * h * s, 8.55, "fused: what the code stores", size=FS_TITLE, weight="bold")
    for b, p in enumerate("fgio"):
        xc = xl + (b + 0.5) * h * s
        _text(ax, xc, 7.65, f"${p}$", size=FS_NODE)
        _text(
            ax, xc, 7.2, ["0:H", "H:2H", "2H:3H", "3H:4H"][b], size=FS_SMALL - 0.5, colour="#444444"
        )
        for _, nrows, y_top, _, _ in rows:
            block(xl + b * h * s, y_top, nrows, p)
    for sym, nrows, y_top, shape, _ in rows:
        row_label(xl - 0.2, y_top, nrows, "$b$" if sym == "b" else f"$W_{sym}$", shape)

    # middle: the two directions
    xm = xl + 4 * h * s + 0.5
    _wire(ax, [(xm + 2.0, 4.7), (xm, 4.7)], "input", lw=2.0)
    _text(ax, xm + 1.0, 4.95, "stack columns", size=FS_SMALL, va="bottom")
    _wire(ax, [(xm, 3.8), (xm + 2.0, 3.8)], "input", lw=2.0)
    _text(ax, xm + 1.0, 3.55, "slice", size=FS_SMALL, va="top")

    # right: one matrix per gate, as the equations write them
    xr, gap = xm + 4.0, 0.75
    _text(
        ax, xr + 2 * h * s + 1.5 * gap, 8.55, "separate: one per part", size=FS_TITLE, weight="bold"
    )
    for b, p in enumerate("fgio"):
        x = xr + b * (h * s + gap)
        _text(ax, x + h * s / 2, 7.65, f"${p}$", size=FS_NODE)
        for _, nrows, y_top, _, _ in rows:
            block(x, y_top, nrows, p)
    for sym, nrows, y_top, _, shape in rows:
        name = r"$b^{(\cdot)}$" if sym == "b" else rf"$W_{sym}^{{(\cdot)}}$"
        row_label(xr - 0.2, y_top, nrows, name, shape)
    _text(
        ax,
        9.15,
        0.45,
        "example: D = 3 inputs, H = 2 hidden units; one colour and hatch "
        "per block, in the order f, g, i, o",
        size=FS_SMALL,
        colour="#444444",
    )
    return fig


#: every figure, by the file name it is saved under (without ``.png``)
FIGURES = {
    "00_rnn_vs_lstm_interface": rnn_vs_lstm_interface,
    "00_cell_belt": cell_belt,
    "01_gate_concept": gate_concept,
    "01_sigmoid_vs_tanh": sigmoid_vs_tanh,
    "02_output_gate": output_gate,
    "03_forget_gate": forget_gate,
    "04_new_information": new_information,
    "05_input_gate": input_gate,
    "05_complete_cell": complete_cell,
    "06_gradient_flow": gradient_flow,
    "07_fused_affine_slice": fused_affine_slice,
    "07_weight_layout": weight_layout,
}

#: settings that make the PNG bytes depend on the drawing only
SAVE_KWARGS = {"dpi": DPI, "format": "png", "metadata": {"Software": None}, "facecolor": "white"}


def save_figure(name, folder):
    """Draw ``FIGURES[name]`` and write it as ``folder/<name>.png``; return the path."""
    Path(folder).mkdir(parents=True, exist_ok=True)
    path = Path(folder) / f"{name}.png"
    FIGURES[name]().savefig(path, **SAVE_KWARGS)
    return path


def save_all(folder):
    """Write every figure of ``FIGURES`` into ``folder`` (created if missing)."""
    return [save_figure(name, folder) for name in FIGURES]


def main(argv=None):
    """``python -m lstm_lib.diagrams [FOLDER]``: write every figure into FOLDER."""
    argv = sys.argv[1:] if argv is None else argv
    folder = Path(argv[0]) if argv else Path(__file__).resolve().parent.parent / "figures"
    for path in save_all(folder):
        print(path)


if __name__ == "__main__":
    main()
