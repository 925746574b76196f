"""The diagram of notebook 09, the GRU cell, in the book's visual language.

Standalone (it imports only :mod:`lstm_lib.style`) so that it can join the diagrams of
:mod:`lstm_lib.diagrams` as one more figure function. The hidden state h runs along the top
like the LSTM's cell belt, gates are green σ boxes, the new information g an orange tanh
box, ⊙ and + are circles, time flows from left to right.

``python -m lstm_lib.diagrams_gru [FOLDER]`` writes ``09_gru_cell.png`` (default folder: the
repository's ``figures/``).
"""

import sys
from pathlib import Path

from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Circle, FancyBboxPatch, Polygon

from . import style

DPI = 100
UNIT = 0.5  # inches per diagram unit, as in lstm_lib.diagrams
TEXT = "#1A1A1A"
R_OP = 0.3
BOX_W, BOX_H = 1.0, 0.56


def _box(ax, x, y, text, role, w=BOX_W):
    colour = style.ROLE_COLOURS[role]
    ax.add_patch(
        FancyBboxPatch(
            (x - w / 2, y - BOX_H / 2),
            w,
            BOX_H,
            boxstyle="round,pad=0,rounding_size=0.14",
            fc=style.tint(colour, 0.78),
            ec=colour,
            lw=1.6,
            zorder=4,
        )
    )
    ax.text(x, y, text, color=TEXT, fontsize=13, ha="center", va="center", zorder=5)


def _op(ax, x, y, op):
    ax.add_patch(Circle((x, y), R_OP, fc="white", ec=TEXT, lw=1.8, zorder=4))
    if op == "mul":
        ax.add_patch(Circle((x, y), 0.075, fc=TEXT, ec="none", zorder=5))
    else:
        a = 0.58 * R_OP
        ax.add_line(Line2D((x - a, x + a), (y, y), color=TEXT, lw=2.0, zorder=5))
        ax.add_line(Line2D((x, x), (y - a, y + a), color=TEXT, lw=2.0, zorder=5))


def _wire(ax, pts, role, arrow=True, lw=None):
    kw = style.line_kwargs(role)
    lw = lw or kw["linewidth"]
    xs, ys = zip(*pts, strict=True)
    ax.add_line(Line2D(xs, ys, color=kw["color"], ls=kw["linestyle"], lw=lw, zorder=2))
    if arrow:
        (xa, ya), (xb, yb) = pts[-2], pts[-1]
        dx, dy = (xb > xa) - (xb < xa), (yb > ya) - (yb < ya)  # wires are horizontal or vertical
        px, py = -dy, dx
        head = [(xb, yb), (xb - 0.26 * dx + 0.11 * px, yb - 0.26 * dy + 0.11 * py)]
        head.append((xb - 0.26 * dx - 0.11 * px, yb - 0.26 * dy - 0.11 * py))
        ax.add_patch(Polygon(head, closed=True, fc=kw["color"], ec="none", zorder=3))


def _dot(ax, x, y, role):
    ax.add_patch(Circle((x, y), 0.09, fc=style.ROLE_COLOURS[role], ec="none", zorder=3.5))


def _label(ax, x, y, s, size=12, **kw):
    kw.setdefault("ha", "center")
    ax.text(x, y, s, color=TEXT, fontsize=size, va="center", zorder=6, **kw)


def gru_cell():
    """Notebook 09 (GRU and variants): the GRU step, reset before the product,
    h = z ⊙ h_prev + (1 - z) ⊙ g."""
    x0, x1, y0, y1 = -1.4, 14.8, -1.0, 7.4
    fig = Figure(figsize=((x1 - x0) * UNIT, (y1 - y0) * UNIT), facecolor="white")
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.add_patch(
        FancyBboxPatch((0.8, 0.4), 11.6, 6.2, boxstyle="round,pad=0,rounding_size=0.3",
                       fc="#F4F4F4", ec=style.NEUTRAL, lw=1.2, zorder=0)
    )  # fmt: skip

    belt = 6.0  # the hidden state path, along the top
    _wire(ax, [(-0.6, belt), (6 - R_OP, belt)], "hidden", arrow=False)
    _wire(ax, [(6 + R_OP, belt), (11 - R_OP, belt)], "hidden", arrow=False)
    _wire(ax, [(11 + R_OP, belt), (14.0, belt)], "hidden")
    _label(ax, -0.6, belt + 0.45, "$h_{t-1}$", ha="left")
    _label(ax, 14.0, belt + 0.45, "$h_t$", ha="right")
    _op(ax, 6, belt, "mul")
    _op(ax, 11, belt, "add")

    bus = 1.2  # x_t and h_{t-1} reach every part
    _dot(ax, 1.5, belt, "hidden")
    _wire(ax, [(1.5, belt), (1.5, bus)], "hidden", arrow=False)
    _wire(ax, [(1.5, bus), (11, bus)], "input", arrow=False, lw=2.0)
    _wire(ax, [(2.2, -0.7), (2.2, bus)], "input", arrow=False)
    _dot(ax, 2.2, bus, "input")
    _label(ax, 2.55, -0.5, "$x_t$", ha="left")
    _label(ax, 8.0, bus - 0.42, "$x_t,\\ h_{t-1}$", size=10.5)

    _box(ax, 3, 2.5, r"$\sigma$", "gate")  # reset gate
    _box(ax, 6, 2.5, r"$\sigma$", "gate")  # update gate
    _box(ax, 11, 2.5, "tanh", "info")  # new information
    _label(ax, 3.6, 2.5, "reset", size=10.5, ha="left")
    _label(ax, 6.6, 2.5, "update", size=10.5, ha="left")
    for x in (3, 6, 11):
        _dot(ax, x, bus, "input")
        _wire(ax, [(x, bus), (x, 2.5 - BOX_H / 2)], "input")

    # reset: r ⊙ h_{t-1}, then into the new information
    _dot(ax, 1.5, 3.6, "hidden")
    _wire(ax, [(1.5, 3.6), (3 - R_OP, 3.6)], "hidden")
    _wire(ax, [(3, 2.5 + BOX_H / 2), (3, 3.6 - R_OP)], "gate")
    _op(ax, 3, 3.6, "mul")
    _label(ax, 3.35, 3.05, "$r$", ha="left")
    _wire(ax, [(3 + R_OP, 3.6), (9.8, 3.6), (9.8, 2.5), (11 - BOX_W / 2, 2.5)], "hidden")
    _label(ax, 4.3, 3.95, r"$r \odot h_{t-1}$", size=10.5)

    # update: z keeps the old state, 1 - z lets the new information in
    _wire(ax, [(6, 2.5 + BOX_H / 2), (6, belt - R_OP)], "gate")
    ax.add_patch(Circle((6, 3.6), 0.2, fc="#F4F4F4", ec="none", zorder=2.5))  # a bridge
    _wire(ax, [(6, 3.35), (6, 3.85)], "gate", arrow=False)
    _label(ax, 5.65, 4.3, "$z$", ha="right")
    _dot(ax, 6, 4.7, "gate")
    _wire(ax, [(6, 4.7), (7.9, 4.7)], "gate")
    _box(ax, 8.5, 4.7, r"$1-$", "gate", w=1.2)
    _wire(ax, [(9.1, 4.7), (11 - R_OP, 4.7)], "gate")
    _label(ax, 9.9, 5.05, "$1-z$", size=10.5)
    _op(ax, 11, 4.7, "mul")
    _wire(ax, [(11, 2.5 + BOX_H / 2), (11, 4.7 - R_OP)], "info")
    _label(ax, 11.35, 3.5, "$g$", ha="left")
    _wire(ax, [(11, 4.7 + R_OP), (11, belt - R_OP)], "info")
    _label(ax, 7.0, 7.0, r"$h_t = z \odot h_{t-1} + (1 - z) \odot g$", size=12)
    return fig


#: file name (notebook, then idea) -> figure function
FIGURES = {"09_gru_cell": gru_cell}


def main(argv=None):
    """``python -m lstm_lib.diagrams_gru [FOLDER]``: write the figures into FOLDER."""
    argv = sys.argv[1:] if argv is None else argv
    folder = Path(argv[0]) if argv else Path(__file__).resolve().parent.parent / "figures"
    folder.mkdir(parents=True, exist_ok=True)
    for name, draw in FIGURES.items():
        path = folder / f"{name}.png"
        draw().savefig(path, dpi=DPI, format="png", metadata={"Software": None}, facecolor="white")
        print(path)


if __name__ == "__main__":
    main()
