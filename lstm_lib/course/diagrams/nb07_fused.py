"""Figures of notebook 07 (fused implementation): one affine transform and its weights."""

from matplotlib.patches import Rectangle

from .. import style
from .cell import cell_figure
from .primitives import FS_NODE, FS_SMALL, FS_TITLE, TEXT, canvas, text, wire, words

_EXAMPLE = (
    "example: D = 3 inputs, H = 2 hidden units; one colour and hatch "
    "per block, in the order f, g, i, o"
)
#: the words of this module's figures in Korean
KOREAN = {
    "fused: one affine transform for all four parts, column blocks in the order f, g, i, o": (
        "융합: 네 부분 모두에 아핀 변환 한 번, 열 블록의 순서는 f, g, i, o"
    ),
    "fused: what the code stores": "융합: 코드가 저장하는 모양",
    "separate: one per part": "분리: 부분마다 하나씩",
    "stack columns": "열로 쌓기",
    "slice": "슬라이스",
    _EXAMPLE: "예: 입력 D = 3개, 은닉 유닛 H = 2개. 블록마다 색과 빗금이 하나씩, 순서는 f, g, i, o",
}


def fused_affine_slice(lang="en"):
    """Notebook 07 (fused implementation): one affine transform, then a slice node.

    The four affine transforms are done at once with stacked weights Wx (D, 4H),
    Wh (H, 4H), b (4H,); the slice node cuts A (N, 4H) into four (N, H) blocks in the
    order f, g, i, o, which go to σ, tanh, σ, σ. ``lang`` is "en" or "ko".
    """
    title = "fused: one affine transform for all four parts, column blocks in the order f, g, i, o"
    show = {"f": "on", "g": "on", "i": "on", "o": "on"}
    return cell_figure(show, words(KOREAN, lang)(title), names=None, fused=True, lang=lang)


_D, _H, _S = 3, 2, 0.55  # input size, hidden size, size of one element
#: the rows of the layout: symbol, rows, top edge, fused shape, per-part shape
_ROWS = [
    ("x", _D, 6.6, "(D, 4H)", "(D, H)"),
    ("h", _H, 4.3, "(H, 4H)", "(H, H)"),
    ("b", 1, 2.2, "(4H,)", "(H,)"),
]


def _block(ax, x, y_top, nrows, p):
    """The (nrows, H) block of part ``p`` with its upper-left corner at (x, y_top)."""
    for r in range(nrows):
        for c in range(_H):
            ax.add_patch(
                Rectangle(
                    (x + c * _S, y_top - (r + 1) * _S),
                    _S,
                    _S,
                    fc=style.tint(style.PART_COLOURS[p], 0.45),
                    ec="white",
                    lw=1.0,
                    hatch=style.BLOCK_HATCHES[p],
                    zorder=2,
                )
            )
    corner = (x, y_top - nrows * _S)
    ax.add_patch(Rectangle(corner, _H * _S, nrows * _S, fc="none", ec=TEXT, lw=1.4, zorder=3))


def _row_label(ax, x, y_top, nrows, name, shape):
    y = y_top - nrows * _S / 2
    text(ax, x, y + 0.2, name, ha="right")
    text(ax, x, y - 0.25, shape, ha="right", size=FS_SMALL, colour="#444444")


def _fused_side(ax, xl, say):
    """Left: the fused weights, as the code stores them."""
    title = say("fused: what the code stores")
    text(ax, xl + 2 * _H * _S, 8.55, title, size=FS_TITLE, weight="bold")
    for b, p in enumerate("fgio"):
        xc = xl + (b + 0.5) * _H * _S
        text(ax, xc, 7.65, f"${p}$", size=FS_NODE)
        cols = ["0:H", "H:2H", "2H:3H", "3H:4H"][b]
        text(ax, xc, 7.2, cols, size=FS_SMALL - 0.5, colour="#444444")
        for _, nrows, y_top, _, _ in _ROWS:
            _block(ax, xl + b * _H * _S, y_top, nrows, p)
    for sym, nrows, y_top, shape, _ in _ROWS:
        _row_label(ax, xl - 0.2, y_top, nrows, "$b$" if sym == "b" else f"$W_{sym}$", shape)


def _separate_side(ax, xr, gap, say):
    """Right: one matrix per part, as the equations write them."""
    x_title = xr + 2 * _H * _S + 1.5 * gap
    text(ax, x_title, 8.55, say("separate: one per part"), size=FS_TITLE, weight="bold")
    for b, p in enumerate("fgio"):
        x = xr + b * (_H * _S + gap)
        text(ax, x + _H * _S / 2, 7.65, f"${p}$", size=FS_NODE)
        for _, nrows, y_top, _, _ in _ROWS:
            _block(ax, x, y_top, nrows, p)
    for sym, nrows, y_top, _, shape in _ROWS:
        name = r"$b^{(\cdot)}$" if sym == "b" else rf"$W_{sym}^{{(\cdot)}}$"
        _row_label(ax, xr - 0.2, y_top, nrows, name, shape)


def weight_layout(lang="en"):
    """Notebook 07 (fused implementation): the layout of the stacked weights.

    Wx (D, 4H), Wh (H, 4H) and b (4H,) hold the four per-gate matrices side by side,
    column blocks in the order f, g, i, o; the example has D = 3 and H = 2. ``lang`` is
    "en" or "ko".
    """
    say = words(KOREAN, lang)
    fig, ax = canvas(-0.3, 18.6, -0.1, 9.0)
    xl = 2.4
    _fused_side(ax, xl, say)
    xm = xl + 4 * _H * _S + 0.5  # the middle: the two directions
    wire(ax, [(xm + 2.0, 4.7), (xm, 4.7)], "input", lw=2.0)
    text(ax, xm + 1.0, 4.95, say("stack columns"), size=FS_SMALL, va="bottom")
    wire(ax, [(xm, 3.8), (xm + 2.0, 3.8)], "input", lw=2.0)
    text(ax, xm + 1.0, 3.55, say("slice"), size=FS_SMALL, va="top")
    _separate_side(ax, xm + 4.0, 0.75, say)
    text(ax, 9.15, 0.45, say(_EXAMPLE), size=FS_SMALL, colour="#444444")
    return fig
