"""Figure of notebook 09 (the LSTM's variants and the GRU)."""

from .. import style
from .primitives import (
    ACT_H,
    ACT_W,
    FS_SMALL,
    R_OP,
    act,
    box,
    bridge,
    canvas,
    dot,
    op,
    panel_box,
    text,
    wire,
    words,
)

#: the words of this module's figure in Korean
KOREAN = {
    "reset": "reset\n게이트",
    "update": "update\n게이트",
    r"$g$ reads $x_t$ and $r \odot h_{t-1}$": r"$g$는 $x_t$와 $r \odot h_{t-1}$을 읽는다",
}


def _reset_path(ax, say):
    """The reset gate r and r ⊙ h_{t-1}, which the new information reads."""
    act(ax, 3, 2.5, "sigmoid")
    text(ax, 3.6, 2.5, say("reset"), size=FS_SMALL, ha="left")
    dot(ax, 1.5, 3.6, style.HIDDEN)
    wire(ax, [(1.5, 3.6), (3 - R_OP, 3.6)], "hidden")
    wire(ax, [(3, 2.5 + ACT_H / 2), (3, 3.6 - R_OP)], "gate")
    op(ax, 3, 3.6, "mul")
    text(ax, 3.35, 3.05, "$r$", ha="left")
    wire(ax, [(3 + R_OP, 3.6), (9.8, 3.6), (9.8, 2.5), (11 - ACT_W / 2, 2.5)], "hidden")
    text(ax, 4.3, 3.95, r"$r \odot h_{t-1}$", size=FS_SMALL)


def _update_path(ax, belt, say):
    """The update gate z, which keeps the old state, and 1 - z, which lets g in."""
    act(ax, 6, 2.5, "sigmoid")
    text(ax, 6.6, 2.5, say("update"), size=FS_SMALL, ha="left")
    wire(ax, [(6, 2.5 + ACT_H / 2), (6, belt - R_OP)], "gate")
    bridge(ax, 6, 3.6, "gate")
    text(ax, 5.65, 4.3, "$z$", ha="right")
    dot(ax, 6, 4.7, style.GATE)
    wire(ax, [(6, 4.7), (7.9, 4.7)], "gate")
    box(ax, 8.5, 4.7, 1.2, ACT_H, style.tint(style.GATE, 0.78), style.GATE, r"$1-$")
    wire(ax, [(9.1, 4.7), (11 - R_OP, 4.7)], "gate")
    text(ax, 9.9, 5.05, "$1-z$", size=FS_SMALL)
    act(ax, 11, 2.5, "tanh")
    op(ax, 11, 4.7, "mul")
    wire(ax, [(11, 2.5 + ACT_H / 2), (11, 4.7 - R_OP)], "info")
    text(ax, 11.35, 3.5, "$g$", ha="left")
    wire(ax, [(11, 4.7 + R_OP), (11, belt - R_OP)], "info")


def _inputs(ax, belt, say):
    """x_t reaches all three parts; h_{t-1} reaches the two gates only (the new
    information reads it through the reset, r ⊙ h_{t-1})."""
    y_h, y_x = 1.65, 1.0
    wire(ax, [(1.5, belt), (1.5, y_h), (6.25, y_h), (6.25, 2.5 - ACT_H / 2)], "hidden")
    dot(ax, 1.5, belt, style.HIDDEN)
    wire(ax, [(3.25, y_h), (3.25, 2.5 - ACT_H / 2)], "hidden")
    dot(ax, 3.25, y_h, style.HIDDEN)
    wire(ax, [(2.2, -0.7), (2.2, y_x), (11, y_x), (11, 2.5 - ACT_H / 2)], "input")
    text(ax, 2.55, -0.5, "$x_t$", ha="left")
    for x in (2.75, 5.75):
        wire(ax, [(x, y_x), (x, 2.5 - ACT_H / 2)], "input")
        bridge(ax, x, y_h, "input")
        dot(ax, x, y_x, style.INPUT)
    text(ax, 8.3, y_x - 0.4, say(r"$g$ reads $x_t$ and $r \odot h_{t-1}$"), size=FS_SMALL)


def gru_cell(lang="en"):
    """Notebook 09 (the LSTM's variants and the GRU): the GRU step, reset before the
    product, h = z ⊙ h_prev + (1 - z) ⊙ g.

    The hidden state h runs along the top like the LSTM's cell belt; the reset gate r
    scales h_{t-1} before the new information g reads it; the update gate z keeps the old
    state and 1 - z lets g in. x_t reaches all three parts, h_{t-1} only the two gates:
    the new information reads it through r ⊙ h_{t-1}. No memory cell apart from h, no
    output gate. ``lang`` is "en" or "ko".
    """
    say = words(KOREAN, lang)
    fig, ax = canvas(-1.4, 14.8, -1.0, 7.4)
    panel_box(ax, 0.8, 0.4, 11.6, 6.2)
    belt = 6.0  # the hidden state path, along the top
    wire(ax, [(-0.6, belt), (6 - R_OP, belt)], "hidden", arrow=False)
    wire(ax, [(6 + R_OP, belt), (11 - R_OP, belt)], "hidden", arrow=False)
    wire(ax, [(11 + R_OP, belt), (14.0, belt)], "hidden")
    text(ax, -0.6, belt + 0.45, "$h_{t-1}$", ha="left")
    text(ax, 14.0, belt + 0.45, "$h_t$", ha="right")
    op(ax, 6, belt, "mul")
    op(ax, 11, belt, "add")

    _inputs(ax, belt, say)
    _reset_path(ax, say)
    _update_path(ax, belt, say)
    text(ax, 7.0, 7.0, r"$h_t = z \odot h_{t-1} + (1 - z) \odot g$")
    return fig
