"""One visual language for every diagram and plot of the book.

Colours come from the Okabe-Ito palette, which stays distinguishable for the common
forms of colour blindness. Because two of its colours can still look alike in grey
(orange and sky blue, for instance), every role also has a line style and a hatch, so that
the parts stay apart when a page is printed in black and white.

Roles (a value's job in the graph, not the letter it carries):
    CELL      the memory cell path c (기억 셀): a thick solid line, the "belt"
    HIDDEN    the hidden state path h: a solid line of medium width
    GATE      a gate: a sigmoid openness in [0, 1]: a dashed line, fill hatched ``//``
    INFO      information: a tanh value in [-1, 1]: a solid line, fill hatched ``..``
    INPUT     the input x: a thin grey line
    AFFINE    an affine transform x Wx + h Wh + b (a node, never a line)
    GRADIENT  a backward path: a thick black line

The fused weights ``Wx (D, 4H)``, ``Wh (H, 4H)``, ``b (4H,)`` have their column blocks in
the order f, g, i, o. ``BLOCK_COLOURS`` and ``BLOCK_HATCHES`` name each block; they tell
blocks apart, so they need not match the role colours (f and o are gates, yet only i
shares the GATE green).

Use :func:`line_kwargs` for a line of a role and :func:`tint` for a light fill, e.g.
``ax.plot(t, c, **line_kwargs("cell"))``.
"""

from matplotlib.colors import to_hex, to_rgb

# Okabe-Ito colours, by the role they play in the book.
CELL = "#0072B2"  # blue
HIDDEN = "#D55E00"  # vermillion
GATE = "#009E73"  # bluish green
INFO = "#E69F00"  # orange
INPUT = "#666666"  # neutral grey
AFFINE = "#CC79A7"  # reddish purple
GRADIENT = "#000000"  # black
NEUTRAL = "#999999"  # outlines, placeholders, faded parts

#: colour of each role, keyed by role name
ROLE_COLOURS = {
    "cell": CELL,
    "hidden": HIDDEN,
    "gate": GATE,
    "info": INFO,
    "input": INPUT,
    "affine": AFFINE,
    "gradient": GRADIENT,
}

#: line style of each role, so that lines stay apart in grey
LINESTYLES = {
    "cell": "-",
    "hidden": "-",
    "gate": (0, (3.5, 1.8)),
    "info": "-",
    "input": "-",
    "gradient": "-",
}

#: line width (points) of each role: the cell path is the widest, the belt
LINEWIDTHS = {
    "cell": 4.0,
    "hidden": 2.4,
    "gate": 2.0,
    "info": 2.0,
    "input": 1.6,
    "gradient": 3.2,
}

#: hatch of each role, for filled areas (shaded ranges, boxes, bars)
HATCHES = {"cell": "", "hidden": "", "gate": "//", "info": "..", "input": "", "affine": ""}

#: colour of each fused block, keyed by gate letter (order f, g, i, o)
BLOCK_COLOURS = {"f": "#56B4E9", "g": INFO, "i": GATE, "o": "#F0E442"}

#: hatch of each fused block, keyed by gate letter (order f, g, i, o)
BLOCK_HATCHES = {"f": "//", "g": "..", "i": "\\\\", "o": "xx"}


def tint(colour, amount=0.75):
    """Return ``colour`` mixed with white: ``amount=0`` keeps it, ``amount=1`` is white."""
    if not 0.0 <= amount <= 1.0:
        raise ValueError(f"amount must lie in [0, 1], got {amount}")
    return to_hex([c + (1.0 - c) * amount for c in to_rgb(colour)])


def line_kwargs(role):
    """Return ``color``, ``linestyle`` and ``linewidth`` for a line of ``role``.

    ``role`` is one of ``"cell"``, ``"hidden"``, ``"gate"``, ``"info"``, ``"input"``,
    ``"gradient"``.
    """
    if role not in LINESTYLES:
        raise ValueError(f"role must be one of {sorted(LINESTYLES)}, got {role!r}")
    return {
        "color": ROLE_COLOURS[role],
        "linestyle": LINESTYLES[role],
        "linewidth": LINEWIDTHS[role],
    }
