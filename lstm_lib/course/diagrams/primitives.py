"""Drawing primitives shared by every diagram: nodes, wires, labels and the legend.

Sizes are in diagram units (``UNIT`` inches each), so a ⊙ node or a σ box has the same size
in every figure. Colours, line styles and hatches come from lstm_lib.course.style.
"""

from dataclasses import dataclass

import numpy as np
from matplotlib import patheffects
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Circle, FancyBboxPatch, Polygon

from .. import style

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


def words(table, lang):
    """The labels of a figure in ``lang``: "en" gives each label itself, "ko" its entry in
    ``table``, the module's {English: Korean} table of words."""
    if lang not in ("en", "ko"):
        raise ValueError(f"lang must be 'en' or 'ko', got {lang!r}")
    return (lambda label: label) if lang == "en" else table.__getitem__


def fade(colour, faded):
    """``colour`` mixed with white when ``faded`` (a part met in an earlier notebook)."""
    return style.tint(colour, FADE) if faded else colour


def canvas(x0, x1, y0, y1):
    """A figure whose axes span ``[x0, x1] x [y0, y1]`` at ``UNIT`` inches per unit."""
    fig = Figure(figsize=((x1 - x0) * UNIT, (y1 - y0) * UNIT), facecolor="white")
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect("equal")
    ax.axis("off")
    return fig, ax


def text(ax, x, y, s, colour=TEXT, size=FS, ha="center", va="center", bg=False, **kw):
    """Text in diagram units; ``bg=True`` puts it on a white patch (for text on wires)."""
    if bg:
        kw["bbox"] = {"boxstyle": "square,pad=0.15", "fc": "white", "ec": "none"}
    return ax.text(x, y, s, color=colour, fontsize=size, ha=ha, va=va, zorder=6, **kw)


def box(ax, x, y, w, h, fc, ec, label=None, lw=1.6, ls="-", size=FS_NODE, tc=TEXT, z=4):
    """A rounded box centred on ``(x, y)`` with an optional ``label``; returns its Node."""
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
    if label:
        ax.text(x, y, label, color=tc, fontsize=size, ha="center", va="center", zorder=z + 1)
    return Node(x, y, w, h)


def note_box(ax, x, y, w, h, label, lw=1.3, size=FS_SMALL):
    """A dashed grey box for what lies outside the figure's idea (the layer above, a step
    taught later); returns its Node."""
    return box(ax, x, y, w, h, "white", style.NEUTRAL, label, lw, (0, (3, 2)), size, tc="#555555")


def panel_box(ax, x0, y0, w, h):
    """The light grey rounded frame of one cell or one time step, lower-left at (x0, y0)."""
    ax.add_patch(
        FancyBboxPatch(
            (x0, y0),
            w,
            h,
            boxstyle="round,pad=0,rounding_size=0.3",
            fc=CELL_FILL,
            ec=style.NEUTRAL,
            lw=1.2,
            zorder=0,
        )
    )


def op(ax, x, y, kind, faded=False):
    """An elementwise node: ``kind="mul"`` draws ⊙, ``kind="add"`` draws +."""
    ec = fade(TEXT, faded)
    ax.add_patch(Circle((x, y), R_OP, fc="white", ec=ec, lw=1.8, zorder=4))
    if kind == "mul":
        ax.add_patch(Circle((x, y), 0.075, fc=ec, ec="none", zorder=5))
    elif kind == "add":
        a = 0.58 * R_OP
        for xs, ys in (((x - a, x + a), (y, y)), ((x, x), (y - a, y + a))):
            ax.add_line(Line2D(xs, ys, color=ec, lw=2.0, zorder=5, solid_capstyle="butt"))
    else:
        raise ValueError(f"kind must be 'mul' or 'add', got {kind!r}")
    return Node(x, y, 2 * R_OP, 2 * R_OP)


def act(ax, x, y, kind, faded=False, role=None):
    """An activation box: ``kind="sigmoid"`` (a gate) or ``kind="tanh"``.

    The box takes the colour of ``role`` (the part it computes, e.g. "f" or "g"); without
    one, that of a gate in general or of information in general.
    """
    colour = style.ROLE_COLOURS[role or _ACT_ROLE[kind]]
    fc = style.tint(colour, 0.93 if faded else 0.78)
    return box(
        ax, x, y, ACT_W, ACT_H, fc, fade(colour, faded), _ACT_TEXT[kind], tc=fade(TEXT, faded)
    )


def affine(ax, x, y, w=AFF_W, h=AFF_H, label=None, faded=False, size=FS_SMALL, lang="en"):
    """An affine-transform box ``x Wx + h Wh + b``, labelled ``label`` or, without one, with
    the word "affine" in ``lang``."""
    fc = style.tint(style.AFFINE, 0.93 if faded else 0.7)
    ec = fade(style.AFFINE, faded)
    label = label or words(KOREAN, lang)("affine")
    return box(ax, x, y, w, h, fc, ec, label, size=size, tc=fade(TEXT, faded))


def dot(ax, x, y, colour, r=0.09):
    """A junction: the value is copied to two places."""
    ax.add_patch(Circle((x, y), r, fc=colour, ec="none", zorder=3.5))


def _arrow_head(ax, pts, colour, lw, z):
    """A filled head ending exactly on ``pts[-1]``; returns where the line should stop."""
    (xa, ya), (xb, yb) = pts[-2], pts[-1]
    length = np.hypot(xb - xa, yb - ya)
    ux, uy = (xb - xa) / length, (yb - ya) / length
    scale = max(1.0, lw / 2.4)  # a wider line gets a bigger head
    hl, hw = HEAD_L * scale, HEAD_W * scale
    base = (xb - ux * hl, yb - uy * hl)
    head = [(xb, yb), (base[0] - uy * hw, base[1] + ux * hw)]
    head.append((base[0] + uy * hw, base[1] - ux * hw))
    ax.add_patch(Polygon(head, closed=True, fc=colour, ec="none", zorder=z + 0.1))
    return (xb - ux * hl * 0.8, yb - uy * hl * 0.8)


def wire(ax, pts, role, arrow=True, faded=False, lw=None, colour=None, z=2):
    """A polyline through ``pts`` drawn in the style of ``role``, with an arrow head.

    The line stops short of the last point and a filled head ends exactly on it, so a
    dashed gate line still gets a solid head. Crossings are drawn with bridge().
    """
    kw = style.line_kwargs(role)
    colour = fade(colour or kw["color"], faded)
    lw = lw or kw["linewidth"]
    pts = [tuple(map(float, p)) for p in pts]
    if arrow:
        pts[-1] = _arrow_head(ax, pts, colour, lw, z)
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


def bridge(ax, x, y, role, faded=False, bg=CELL_FILL, length=0.34):
    """Redraw a vertical wire of ``role`` over a horizontal one at ``(x, y)``, with a gap.

    The gap (in the background colour ``bg``) shows that the wires cross without joining.
    """
    kw = style.line_kwargs(role)
    line = Line2D(
        [x, x],
        [y - length / 2, y + length / 2],
        color=fade(kw["color"], faded),
        lw=kw["linewidth"],
        solid_capstyle="butt",
        zorder=2.6,
    )
    line.set_path_effects(
        [patheffects.Stroke(linewidth=kw["linewidth"] + 5, foreground=bg), patheffects.Normal()]
    )
    ax.add_line(line)


#: legend entries: the text and the width (diagram units) the entry takes in English and
#: in Korean
_LEGEND = {
    "cell": ("memory cell $c$", 3.5, 3.0),
    "hidden": ("hidden state $h$", 3.6, 3.0),
    "f": ("forget gate $f$", 3.7, 3.7),
    "g": ("new information $g$", 4.4, 2.6),
    "i": ("input gate $i$", 3.5, 3.5),
    "o": ("output gate $o$", 3.7, 3.8),
    "input": ("input $x$", 2.6, 2.3),
    "gradient": ("gradient, backward", 4.0, 3.3),
}

#: the words of the primitives (the legend, the affine box) in Korean
KOREAN = {
    "memory cell $c$": "기억 셀 $c$",
    "hidden state $h$": "은닉 상태 $h$",
    "forget gate $f$": "forget 게이트 $f$",
    "new information $g$": "새 정보 $g$",
    "input gate $i$": "input 게이트 $i$",
    "output gate $o$": "output 게이트 $o$",
    "input $x$": "입력 $x$",
    "gradient, backward": "기울기, 역전파",
    "affine": "아핀",
}


def legend(ax, x, y, roles, lang="en"):
    """A row of line samples with their meaning in ``lang``, starting at ``(x, y)``."""
    say = words(KOREAN, lang)
    for role in roles:
        label, width, width_ko = _LEGEND[role]
        wire(ax, [(x, y), (x + 0.8, y)], role, arrow=False)
        text(ax, x + 1.0, y, say(label), size=FS_SMALL, ha="left")
        x += width if lang == "en" else width_ko
