"""One colour scheme for every diagram and every plot of the book.

A value has the same colour, line style and marker wherever it appears, in the figures of
lstm_lib.course.diagrams and in the plot cells of the notebooks. Colours come from or near the
Okabe-Ito palette, which stays distinguishable for the common forms of colour blindness;
because several of them still look alike in grey, every role also has its own line style
and marker, so the parts stay apart when a page is printed in black and white.

Roles, by what a value is in the LSTM (notebook that introduces it):
    cell      memory cell c (00): blue, a thick solid line, square markers
    hidden    hidden state h (00): vermillion, a solid line, round markers
    f         forget gate (03): bluish green, dashed, down triangles
    g         new information (04): orange, solid, diamonds; not a gate
    i         input gate (05): reddish purple, dash-dot, up triangles
    o         output gate (02): dark violet, dotted, crosses
Generic roles, for figures before the LSTM has its parts:
    gate      any gate, a sigmoid openness in [0, 1] (01): dark grey, dashed
    info      information, a tanh value in [-1, 1] (01): orange like g, solid
    input     the input x: a thin grey line
    gradient  a backward path: a thick black line
AFFINE is the fill of an affine-transform box x Wx + h Wh + b (a node, never a line).

The fused weights Wx (D, 4H), Wh (H, 4H), b (4H,) have their column blocks in the order
f, g, i, o; each block has its part's colour (PART_COLOURS) and a hatch (BLOCK_HATCHES).

Use line_kwargs(role) for a diagram's wire, plot_kwargs(role) for a line in a plot, and
tint(colour) or shade(colour) for a lighter or darker variant (a fill, or several lines of
one role), e.g. ``ax.plot(t, f_values, **plot_kwargs("f"))``.

A Korean figure writes its words in the book's own font, "LSTM Book Hangul" (subsets of Noto
Sans CJK KR, Hangul and Latin, that ship with lstm_lib, made by scripts/subset_hangul_font.py);
mathematics stays in matplotlib's DejaVu: ``with matplotlib.rc_context(hangul()):``.
"""

from pathlib import Path

from matplotlib import font_manager
from matplotlib.colors import to_hex, to_rgb

CELL = "#0072B2"  # blue
HIDDEN = "#D55E00"  # vermillion
FORGET_GATE = "#009E73"  # bluish green
NEW_INFORMATION = "#E69F00"  # orange
INPUT_GATE = "#CC79A7"  # reddish purple
OUTPUT_GATE = "#6A3D9A"  # dark violet
GATE = "#555555"  # a gate in general: dark grey
INFO = NEW_INFORMATION  # tanh information in general: g is the LSTM's
INPUT = "#666666"  # neutral grey
AFFINE = "#A6A6A6"  # light grey boxes
GRADIENT = "#000000"  # black
NEUTRAL = "#999999"  # outlines, placeholders, reference lines

#: colour of each part of the cell, keyed by its letter (fused blocks in the order f, g, i, o)
PART_COLOURS = {"f": FORGET_GATE, "g": NEW_INFORMATION, "i": INPUT_GATE, "o": OUTPUT_GATE}

#: colour of each role, keyed by role name
ROLE_COLOURS = {
    "cell": CELL,
    "hidden": HIDDEN,
    **PART_COLOURS,
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
    "f": (0, (3.5, 1.8)),
    "g": "-",
    "i": (0, (5.0, 1.6, 1.2, 1.6)),
    "o": (0, (1.1, 1.1)),
    "gate": (0, (3.5, 1.8)),
    "info": "-",
    "input": "-",
    "gradient": "-",
}

#: line width (points) of each role in a diagram: the cell path is the widest, the belt
LINEWIDTHS = {
    "cell": 4.0,
    "hidden": 2.4,
    "f": 2.0,
    "g": 2.0,
    "i": 2.0,
    "o": 2.2,
    "gate": 2.0,
    "info": 2.0,
    "input": 1.6,
    "gradient": 3.2,
}

#: marker of each role in a plot
MARKERS = {
    "cell": "s",
    "hidden": "o",
    "f": "v",
    "g": "D",
    "i": "^",
    "o": "X",
    "gate": "v",
    "info": "D",
    "input": ".",
    "gradient": "o",
}

#: hatch of each role, for filled areas (shaded ranges, boxes, bars)
HATCHES = {"cell": "", "hidden": "", "gate": "//", "info": "..", "input": "", "affine": ""}

#: hatch of each fused block, keyed by part letter (order f, g, i, o)
BLOCK_HATCHES = {"f": "//", "g": "..", "i": "\\\\", "o": "xx"}


def tint(colour, amount=0.75):
    """Return ``colour`` mixed with white: ``amount=0`` keeps it, ``amount=1`` is white."""
    if not 0.0 <= amount <= 1.0:
        raise ValueError(f"amount must lie in [0, 1], got {amount}")
    return to_hex([c + (1.0 - c) * amount for c in to_rgb(colour)])


def shade(colour, amount=0.3):
    """Return ``colour`` mixed with black: ``amount=0`` keeps it, ``amount=1`` is black."""
    if not 0.0 <= amount <= 1.0:
        raise ValueError(f"amount must lie in [0, 1], got {amount}")
    return to_hex([c * (1.0 - amount) for c in to_rgb(colour)])


def _check_role(role):
    if role not in LINESTYLES:
        raise ValueError(f"role must be one of {sorted(LINESTYLES)}, got {role!r}")


def line_kwargs(role):
    """Return ``color``, ``linestyle`` and ``linewidth`` for a diagram's wire of ``role``.

    ``role`` is one of "cell", "hidden", "f", "g", "i", "o", "gate", "info", "input",
    "gradient".
    """
    _check_role(role)
    return {
        "color": ROLE_COLOURS[role],
        "linestyle": LINESTYLES[role],
        "linewidth": LINEWIDTHS[role],
    }


def plot_kwargs(role, markevery=None):
    """Return ``color``, ``linestyle``, ``linewidth`` and ``marker`` for a plotted line.

    The same role as in line_kwargs, drawn a little thinner, with the role's marker (every
    ``markevery``-th point if given, else at every point) so a greyscale print tells the
    lines apart.
    """
    _check_role(role)
    kwargs = {
        "color": ROLE_COLOURS[role],
        "linestyle": LINESTYLES[role],
        "linewidth": 2.6 if role == "cell" else 1.8,
        "marker": MARKERS[role],
        "markersize": 5.5,
    }
    if markevery is not None:
        kwargs["markevery"] = markevery
    return kwargs


#: the book's Korean font: its family name and the folder of its files (package data)
HANGUL_FAMILY = "LSTM Book Hangul"
HANGUL_FONTS = Path(__file__).resolve().parent / "fonts"


def hangul():
    """matplotlib settings that write text in the book's Korean font (DejaVu Sans for any
    character it lacks) and mathematics as the English figures do; the font files are
    registered with matplotlib on first use."""
    known = {entry.fname for entry in font_manager.fontManager.ttflist}
    for path in sorted(HANGUL_FONTS.glob("*.otf")):
        if str(path) not in known:
            font_manager.fontManager.addfont(str(path))
    return {"font.family": [HANGUL_FAMILY, "DejaVu Sans"]}
