"""Figure of notebook 10 (a better language model): the stacked model with dropout and tying."""

from .. import style
from .primitives import (
    CELL_FILL,
    FS_SMALL,
    R_OP,
    TEXT,
    box,
    canvas,
    op,
    text,
    wire,
    words,
)

_DROPOUT = (
    "dropout: $x \\odot m\\,/\\,(1-p)$, a fresh mask $m$ at every step, "
    "only on the connections that go up"
)
#: the words of this module's figure in Korean (the words read stay English: the model of
#: notebook 10 reads English text)
KOREAN = {
    "predicts “{}”": "“{}” 예측",
    "embedding": "임베딩",
    "LSTM layer 1": "LSTM 계층 1",
    "LSTM layer 2": "LSTM 계층 2",
    "output": "출력",
    "tied: one matrix, $E$ (V, D) and $W = E^{\\top}$": (
        "가중치 공유: 행렬 하나, $E$ (V, D)와 $W = E^{\\top}$"
    ),
    _DROPOUT: "드롭아웃: $x \\odot m\\,/\\,(1-p)$, 시각마다 새 마스크 $m$, 위로 가는 연결에만",
    "$c$ and $h$ from step to step inside a layer: never dropped": (
        "계층 안에서 시각에서 시각으로 가는 $c$와 $h$: 드롭아웃하지 않는다"
    ),
}

#: the three time steps drawn, the words read and the words to predict
_XS = (1.6, 6.0, 10.4)
_READ, _NEXT = ("some", "red", "cats"), ("red", "cats", "see")
#: heights of the rows: embedding, the two LSTM layers, the output, and the dropout nodes
_Y_EMBED, _Y_LSTM, _Y_OUT = 1.2, (3.7, 6.6), 9.1
_Y_DROP = (2.35, 5.15, 8.05)
_LSTM_W, _LSTM_H = 2.4, 1.1
#: the tied matrix: E and E^T drawn alike
_TIED_FILL, _TIED_EDGE = style.tint(style.AFFINE, 0.55), style.shade(style.AFFINE, 0.45)


def _recurrent(ax, y):
    """One LSTM row: its boxes and the h and c carried from step to step, with no dropout."""
    for x in _XS:
        box(ax, x, y, _LSTM_W, _LSTM_H, fc=CELL_FILL, ec=TEXT, label="LSTM", size=12, z=3)
    yc, yh = y + 0.28, y - 0.28
    left = [x - _LSTM_W / 2 for x in _XS]
    right = [x + _LSTM_W / 2 for x in _XS]
    starts, ends = [left[0] - 1.3, *right], [*left, right[-1] + 1.3]
    for x0, x1 in zip(starts, ends, strict=True):
        wire(ax, [(x0, yc), (x1, yc)], "cell", lw=3.0)
        wire(ax, [(x0, yh), (x1, yh)], "hidden")
    text(ax, starts[0] + 0.1, yc + 0.3, "$c$", size=FS_SMALL, colour=style.CELL, ha="left")
    text(ax, starts[0] + 0.1, yh - 0.3, "$h$", size=FS_SMALL, colour=style.HIDDEN, ha="left")


def _dropout(ax, x, y, role, y_from, y_to):
    """A wire going up through a dropout node: x ⊙ m / (1 - p), a fresh mask m each time."""
    wire(ax, [(x, y_from), (x, y - R_OP)], role, arrow=False)
    op(ax, x, y, "mul")
    text(ax, x + 0.42, y, "$m$", size=FS_SMALL, ha="left", colour="#555555")
    wire(ax, [(x, y + R_OP), (x, y_to)], role)


def _column(ax, x, read, target, say):
    """One time step from the word read to the scores of the next word."""
    text(ax, x, -0.2, f"“{read}”", size=FS_SMALL)
    wire(ax, [(x, 0.1), (x, _Y_EMBED - 0.3)], "input")
    box(ax, x, _Y_EMBED, 1.9, 0.6, _TIED_FILL, _TIED_EDGE, r"$E$[id]", size=12)
    lower, upper = (y - _LSTM_H / 2 for y in _Y_LSTM), (y + _LSTM_H / 2 for y in _Y_LSTM)
    (l1, l2), (u1, u2) = tuple(lower), tuple(upper)
    _dropout(ax, x, _Y_DROP[0], "input", _Y_EMBED + 0.3, l1)
    _dropout(ax, x, _Y_DROP[1], "hidden", u1, l2)
    _dropout(ax, x, _Y_DROP[2], "hidden", u2, _Y_OUT - 0.3)
    box(ax, x, _Y_OUT, 1.9, 0.6, _TIED_FILL, _TIED_EDGE, r"$h\,E^{\top} + b$", size=12)
    wire(ax, [(x, _Y_OUT + 0.3), (x, _Y_OUT + 0.95)], "input")
    text(ax, x, _Y_OUT + 1.25, say("predicts “{}”").format(target), size=FS_SMALL)


def _labels(ax, say):
    """The names of the rows on the left, the tie on the right, the legend below."""
    rows = (
        (_Y_EMBED, "embedding"),
        (_Y_LSTM[0], "LSTM layer 1"),
        (_Y_LSTM[1], "LSTM layer 2"),
        (_Y_OUT, "output"),
    )
    for y, name in rows:
        text(ax, -1.1, y, say(name), size=FS_SMALL, ha="right", colour="#555555")
    # the tie: the matrix read at the bottom is the one the scores compare with at the top
    x0, x1 = _XS[-1] + 0.95, 13.3
    tie = [(x0, _Y_EMBED), (x1, _Y_EMBED), (x1, _Y_OUT), (x0, _Y_OUT)]
    wire(ax, tie, "f", arrow=False, colour=_TIED_EDGE, lw=1.8)
    label = say("tied: one matrix, $E$ (V, D) and $W = E^{\\top}$")
    text(ax, x1 + 0.35, (_Y_EMBED + _Y_OUT) / 2, label, size=FS_SMALL, rotation=90)
    # the legend
    y = -1.45
    op(ax, -2.2, y, "mul")
    text(ax, -1.6, y, say(_DROPOUT), size=FS_SMALL, ha="left")
    y = -2.35
    wire(ax, [(-2.9, y + 0.14), (-1.9, y + 0.14)], "cell", arrow=False, lw=3.0)
    wire(ax, [(-2.9, y - 0.14), (-1.9, y - 0.14)], "hidden", arrow=False)
    note = say("$c$ and $h$ from step to step inside a layer: never dropped")
    text(ax, -1.6, y, note, size=FS_SMALL, ha="left")


def stacked_language_model(lang="en"):
    """Notebook 10 (a better language model): two stacked LSTM layers, dropout between them
    and before the output, the output weights tied to the embedding.

    Time runs left to right over three words. Each word's vector E[id] goes up through a
    dropout node (⊙ m, a fresh mask), the first LSTM, another dropout node, the second
    LSTM and a last dropout node to the output scores h E^T + b. The memory cell c and the
    hidden state h go from step to step inside each layer without dropout (Zaremba et al.
    2014). The embedding and the output share one matrix, drawn alike. ``lang`` is "en" or
    "ko".
    """
    say = words(KOREAN, lang)
    fig, ax = canvas(-3.4, 15.2, -2.9, 10.9)
    for x, read, target in zip(_XS, _READ, _NEXT, strict=True):
        _column(ax, x, read, target, say)
    for y in _Y_LSTM:
        _recurrent(ax, y)
    _labels(ax, say)
    return fig
