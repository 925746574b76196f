"""The LSTM cell drawn part by part: the figures of notebooks 02 to 05 and 07 share it.

A cell shows the parts a notebook has introduced so far: each part ``"f"``, ``"g"``,
``"i"``, ``"o"`` is ``"on"`` (the notebook's own part), ``"faded"`` (met earlier) or absent
(taught later). The memory cell path runs along the top, h_{t-1} and x_t come in at the
bottom, and each part reads them through its own affine box (or, fused, through one affine
transform and a slice).
"""

from dataclasses import dataclass

from matplotlib.patches import Rectangle

from .. import style
from .primitives import (
    ACT_H,
    AFF_H,
    FS,
    FS_SMALL,
    FS_TITLE,
    R_OP,
    TEXT,
    act,
    affine,
    bridge,
    canvas,
    dot,
    fade,
    legend,
    note_box,
    op,
    panel_box,
    text,
    wire,
    words,
)

#: x position of each part's column inside the cell, and of the output ⊙
COL = {"f": 2.0, "g": 4.6, "i": 6.4, "o": 8.6}
HMUL_X = 10.4
CELL_W = 11.6
PART_NAMES = {
    "f": "forget\ngate",
    "g": "new\ninformation",
    "i": "input\ngate",
    "o": "output\ngate",
}

#: the words of the cell in Korean (the titles are in the notebooks' modules)
KOREAN = {
    "forget\ngate": "forget\n게이트",
    "new\ninformation": "새 정보",
    "input\ngate": "input\n게이트",
    "output\ngate": "output\n게이트",
    "update of $c$: notebooks 03 to 05": "$c$의 갱신: 노트북 03-05",
    r"affine   $x_t W_x + h_{t-1} W_h + b$": r"아핀 변환   $x_t W_x + h_{t-1} W_h + b$",
    "slice": "슬라이스",
    "new information,\nnot a gate": "새 정보,\n게이트가 아니다",
}


@dataclass(frozen=True)
class Layout:
    """Where the rows and columns of one drawn cell lie, and which parts it shows."""

    x0: float
    y0: float
    fused: bool
    parts: tuple
    faded: dict
    col: dict
    lang: str = "en"

    def say(self, label):
        """``label`` in the cell's language."""
        return words(KOREAN, self.lang)(label)

    @property
    def dy(self):
        """Extra height a fused cell needs for its slice node."""
        return 1.2 if self.fused else 0.0

    y_x = property(lambda s: s.y0 + 0.45)
    y_h = property(lambda s: s.y0 + 1.0)
    y_aff = property(lambda s: s.y0 + 2.0)
    y_act = property(lambda s: s.y0 + 3.1 + s.dy)
    y_mid = property(lambda s: s.y0 + 4.2 + s.dy)
    y_belt = property(lambda s: s.y0 + 5.4 + s.dy)
    top = property(lambda s: 6.0 + s.dy)
    x_in = property(lambda s: s.x0 - 1.3)
    x_out = property(lambda s: s.x0 + CELL_W + 1.3)


def _layout(x0, y0, show, fused, lang):
    parts = tuple(p for p in "fgio" if show.get(p))
    faded = {p: show.get(p) == "faded" for p in parts}
    return Layout(x0, y0, fused, parts, faded, {p: x0 + COL[p] for p in parts}, lang)


def _belt(ax, lay):
    """c_{t-1} -> [⊙ f] -> [+ g] -> c_t; returns the belt's nodes by name."""
    nodes = {}
    if "f" in lay.parts:
        nodes["fmul"] = op(ax, lay.col["f"], lay.y_belt, "mul", lay.faded["f"])
    if "g" in lay.parts:
        nodes["add"] = op(ax, lay.col["g"], lay.y_belt, "add", lay.faded["g"])
    if not nodes:  # the update of c is not introduced yet: a placeholder box
        nodes["todo"] = note_box(
            ax, lay.x0 + 4.3, lay.y_belt, 5.8, 0.7, lay.say("update of $c$: notebooks 03 to 05")
        )
    points = [(lay.x_in, lay.y_belt)]
    for n in sorted(nodes.values(), key=lambda n: n.x):
        wire(ax, [points[-1], n.port("l")], "cell")
        points.append(n.port("r"))
    wire(ax, [points[-1], (lay.x_out, lay.y_belt)], "cell")
    text(ax, lay.x_in - 0.15, lay.y_belt, "$c_{t-1}$", ha="right")
    text(ax, lay.x_out + 0.15, lay.y_belt, "$c_t$", ha="left")
    return nodes


def _separate_inputs(ax, lay):
    """One affine box per part, each tapping h_{t-1} and x_t; returns where each ends."""
    parts, fd, col, last = lay.parts, lay.faded, lay.col, lay.parts[-1]
    for p in parts:
        affine(ax, col[p], lay.y_aff, faded=fd[p], lang=lay.lang)
    yb = lay.y_aff - AFF_H / 2
    hx = {p: col[p] + 0.3 for p in parts}
    xx = {p: col[p] - 0.3 for p in parts}
    x_src = lay.x0 + 0.7
    wire(ax, [(lay.x_in, lay.y_h), (hx[last], lay.y_h), (hx[last], yb)], "hidden")
    wire(
        ax, [(x_src, lay.y0 - 1.2), (x_src, lay.y_x), (xx[last], lay.y_x), (xx[last], yb)], "input"
    )
    bridge(ax, xx[last], lay.y_h, "input", fd[last])
    text(ax, x_src, lay.y0 - 1.45, "$x_t$", va="top")
    for p in parts[:-1]:
        wire(ax, [(hx[p], lay.y_h), (hx[p], yb)], "hidden", faded=fd[p])
        dot(ax, hx[p], lay.y_h, style.HIDDEN)
        wire(ax, [(xx[p], lay.y_x), (xx[p], yb)], "input", faded=fd[p])
        bridge(ax, xx[p], lay.y_h, "input", fd[p])
        dot(ax, xx[p], lay.y_x, style.INPUT)
    return {p: (col[p], lay.y_aff + AFF_H / 2) for p in parts}


def _fused_inputs(ax, lay):
    """One affine transform and a slice node into four blocks; returns where each ends."""
    left, right = lay.x0 + COL["f"] - 0.7, lay.x0 + COL["o"] + 0.7
    aff_x = (left + right) / 2
    label = lay.say(r"affine   $x_t W_x + h_{t-1} W_h + b$")
    aff = affine(ax, aff_x, lay.y_aff, w=right - left, h=0.62, label=label, size=FS)
    wire(
        ax, [(lay.x_in, lay.y_h), (aff_x - 2.0, lay.y_h), (aff_x - 2.0, aff.port("b")[1])], "hidden"
    )
    wire(ax, [(aff_x + 2.0, lay.y0 - 1.2), (aff_x + 2.0, aff.port("b")[1])], "input")
    text(ax, aff_x + 2.0, lay.y0 - 1.45, "$x_t$", va="top")
    y_slice = lay.y_aff + 1.25
    wire(ax, [aff.port("t"), (aff_x, y_slice - 0.26)], "input")
    text(ax, aff_x + 0.15, (aff.port("t")[1] + y_slice - 0.26) / 2, "$A$  (N, 4H)", ha="left")
    bounds = [left, lay.x0 + 3.3, lay.x0 + 5.5, lay.x0 + 7.5, right]
    tags = ["A[:,:H]", "A[:,H:2H]", "A[:,2H:3H]", "A[:,3H:]"]
    for k, p in enumerate("fgio"):
        a, b = bounds[k], bounds[k + 1]
        fc = style.tint(style.PART_COLOURS[p], 0.6)
        ax.add_patch(Rectangle((a, y_slice - 0.26), b - a, 0.52, fc=fc, ec=TEXT, lw=1.2, zorder=4))
        text(ax, (a + b) / 2, y_slice, tags[k], size=10, family="monospace")
    text(ax, left - 0.12, y_slice, lay.say("slice"), size=FS_SMALL, ha="right")
    return {p: (lay.col[p], y_slice + 0.26) for p in lay.parts}


def _label(ax, x, y, name, faded, ha):
    text(ax, x, y, name, fade(TEXT, faded), ha=ha)


def _write_path(ax, lay, acts, add):
    """g (weighed by i when i is shown) up to the + node on the belt."""
    fd, col = lay.faded, lay.col
    g_mid = (lay.y_act + ACT_H / 2 + lay.y_mid - R_OP) / 2
    _label(ax, col["g"] - 0.2, g_mid, "$g$", fd["g"], "right")
    if "i" in lay.parts:
        igm = op(ax, col["g"], lay.y_mid, "mul", fd["i"])
        wire(ax, [acts["g"].port("t"), igm.port("b")], "g", faded=fd["g"])
        wire(ax, [igm.port("t"), add.port("b")], "g", faded=fd["i"])
        wire(ax, [acts["i"].port("t"), (col["i"], lay.y_mid), igm.port("r")], "i", faded=fd["i"])
        _label(ax, col["i"] + 0.2, lay.y_act + 0.75, "$i$", fd["i"], "left")
        return
    wire(ax, [acts["g"].port("t"), add.port("b")], "g", faded=fd["g"])
    if not fd["g"]:  # the notebook that introduces g: say what it is
        note = lay.say("new information,\nnot a gate")
        text(ax, col["g"] + 0.25, lay.y_mid, note, size=FS_SMALL, ha="left", linespacing=1.1)


def _output_path(ax, lay, acts):
    """tanh(c_t) ⊙ o -> h_t, branching off the belt at the right.

    tanh(c_t) is drawn in the cell's colour: it is the cell, squashed, not new information.
    """
    faded, x = lay.faded["o"], lay.x0 + HMUL_X
    tc = act(ax, x, lay.y_mid, "tanh", faded, role="cell")
    hm = op(ax, x, lay.y_act, "mul", faded)
    wire(ax, [(x, lay.y_belt), tc.port("t")], "cell", faded=faded, lw=2.4)
    dot(ax, x, lay.y_belt, style.CELL, r=0.13)
    wire(ax, [tc.port("b"), hm.port("t")], "cell", faded=faded, lw=2.0)
    wire(ax, [acts["o"].port("r"), hm.port("l")], "o", faded=faded)
    _label(ax, (lay.col["o"] + x) / 2, lay.y_act + 0.25, "$o$", faded, "center")
    wire(ax, [hm.port("b"), (hm.x, lay.y_h), (lay.x_out, lay.y_h)], "hidden", faded=faded)
    _label(ax, lay.x_out + 0.15, lay.y_h, "$h_t$", faded, "left")


def lstm_cell(ax, x0, y0, show, fused=False, names=None, lang="en"):
    """Draw one LSTM cell with its lower-left corner at ``(x0, y0)``.

    ``show`` maps each part ``"f"``, ``"g"``, ``"i"``, ``"o"`` to ``"on"``, ``"faded"``
    (known from an earlier notebook) or leaves it out (not yet introduced). ``fused=True``
    replaces the four affine boxes by one affine transform and a slice node. ``names`` are
    the parts to name under the cell, in ``lang``. Returns the cell's height.
    """
    lay = _layout(x0, y0, show, fused, lang)
    panel_box(ax, x0, y0, CELL_W, lay.top)
    nodes = _belt(ax, lay)
    pre = _fused_inputs(ax, lay) if fused else _separate_inputs(ax, lay)
    text(ax, lay.x_in - 0.15, lay.y_h, "$h_{t-1}$", ha="right")
    acts = {}
    for p in lay.parts:
        kind = "tanh" if p == "g" else "sigmoid"
        acts[p] = act(ax, lay.col[p], lay.y_act, kind, lay.faded[p], role=p)
        wire(ax, [pre[p], acts[p].port("b")], "input", faded=lay.faded[p], lw=1.4)
    if "f" in lay.parts:
        wire(ax, [acts["f"].port("t"), nodes["fmul"].port("b")], "f", faded=lay.faded["f"])
        y_f = (lay.y_act + lay.y_belt) / 2
        _label(ax, lay.col["f"] + 0.2, y_f, "$f$", lay.faded["f"], "left")
    if "g" in lay.parts:
        _write_path(ax, lay, acts, nodes["add"])
    if "o" in lay.parts:
        _output_path(ax, lay, acts)
    for p in names or ():
        name = lay.say(PART_NAMES[p])
        text(ax, lay.col[p], y0 - 0.2, name, size=FS_SMALL, va="top", linespacing=1.1)
    return lay.top


def cell_figure(show, title, names, fused=False, lang="en"):
    """A figure of one cell (see lstm_cell) with a title and a legend in two rows: the
    paths, then the parts the cell shows; its words in ``lang`` (``title`` is given in it)."""
    top = 6.0 + (1.2 if fused else 0.0)
    fig, ax = canvas(-2.9, CELL_W + 2.5, -3.8, top + 1.1)
    lstm_cell(ax, 0.0, 0.0, show, fused=fused, names=names, lang=lang)
    text(ax, CELL_W / 2, top + 0.55, title, size=FS_TITLE)
    legend(ax, -2.4, -2.65, ("cell", "hidden", "input"), lang=lang)
    legend(ax, -2.4, -3.3, [p for p in "fgio" if p in show], lang=lang)
    return fig
