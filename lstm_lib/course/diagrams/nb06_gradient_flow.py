"""Figure of notebook 06 (gradient flow): backward along the cell beside the RNN."""

from .. import style
from .primitives import (
    ACT_H,
    AFF_H,
    FS_SMALL,
    FS_TITLE,
    R_OP,
    TEXT,
    act,
    affine,
    canvas,
    fade,
    legend,
    op,
    panel_box,
    text,
    wire,
    words,
)

#: the words of this module's figure in Korean
KOREAN = {
    r"LSTM: backward along the cell, only $+$ and $\odot f$ at each step": (
        r"LSTM: 셀을 따라가는 역전파, 시각마다 $+$와 $\odot f$뿐"
    ),
    r"each step: $+$ passes the gradient on unchanged, $\odot$ multiplies it by $f$ "
    r"elementwise; no matrix, no tanh$'$": (
        r"각 시각: $+$는 기울기를 그대로 보내고, $\odot$는 $f$를 원소별로 곱한다. "
        r"행렬도 tanh$'$도 없다"
    ),
    r"RNN: backward through $\times W_h^{\top}$ and $\times \tanh'$ at every step": (
        r"RNN: 시각마다 $\times W_h^{\top}$와 $\times \tanh'$를 거치는 역전파"
    ),
    r"each step: the gradient is multiplied by tanh$' \leq 1$ and by the matrix "
    r"$W_h^{\top}$; over many steps it vanishes or explodes": (
        r"각 시각: 기울기에 tanh$' \leq 1$과 행렬 $W_h^{\top}$가 곱해진다. 시각이 많으면 "
        r"기울기가 소실되거나 폭발한다"
    ),
}

_STEPS, _STEP, _WIDTH = 3, 4.9, 4.0
_XS = [0.6 + k * _STEP for k in range(_STEPS)]  # left edges of the cells
_X_IN, _X_OUT = -1.3, _XS[-1] + _WIDTH + 1.0


def _title(ax, say, title, note, y):
    text(ax, _X_IN, y, say(title), size=FS_TITLE, ha="left", weight="bold")
    text(ax, _X_IN, y - 0.55, say(note), size=FS_SMALL, ha="left", colour="#333333")


def _backward(ax, y, stops):
    """The gradient: right to left at height ``y``, with a label above each stop."""
    wire(ax, [(_X_OUT, y), (_X_IN, y)], "gradient")
    for x, y_node, label in stops:
        wire(ax, [(x, y - 0.12), (x, y_node + 0.06)], "gradient", lw=1.4, arrow=False)
        text(ax, x, y + 0.25, label, style.GRADIENT, va="bottom")


def _lstm_step(ax, k, x0, y0, y_belt, y_hid):
    """One step of the belt, the rest of the cell greyed; returns its two stops."""
    panel_box(ax, x0, y0, _WIDTH, 3.35)
    mul = op(ax, x0 + 1.1, y_belt, "mul")
    add = op(ax, x0 + 2.6, y_belt, "add")
    sig = act(ax, mul.x, y0 + 1.55, "sigmoid", faded=True, role="f")
    wire(ax, [(mul.x, y_hid), sig.port("b")], "input", faded=True)
    wire(ax, [sig.port("t"), mul.port("b")], "f", faded=True)
    y_f = (sig.port("t")[1] + y_belt - R_OP) / 2
    text(ax, mul.x + 0.2, y_f, "$f$", fade(TEXT, True), ha="left")
    wire(ax, [(add.x, y_hid), add.port("b")], "g", faded=True)
    text(ax, add.x + 0.2, y0 + 1.55, r"$g \odot i$", fade(TEXT, True), ha="left")
    start = _X_IN if k == 0 else _XS[k - 1] + _WIDTH
    wire(ax, [(start, y_belt), mul.port("l")], "cell")
    wire(ax, [mul.port("r"), add.port("l")], "cell")
    wire(ax, [add.port("r"), (x0 + _WIDTH, y_belt)], "cell", arrow=False)
    lag = f"_{{t-{_STEPS - 1 - k}}}" if k < _STEPS - 1 else "_t"
    return [(mul.x, y_belt + R_OP, rf"$\times f{lag}$"), (add.x, y_belt + R_OP, r"$\times 1$")]


def _lstm_panel(ax, say):
    """Top: the LSTM, three steps of the belt with the rest of the cell greyed."""
    y0, y_belt, y_hid = 6.3, 9.1, 6.9
    _title(
        ax,
        say,
        r"LSTM: backward along the cell, only $+$ and $\odot f$ at each step",
        r"each step: $+$ passes the gradient on unchanged, $\odot$ multiplies it by $f$ "
        r"elementwise; no matrix, no tanh$'$",
        11.95,
    )
    stops = []
    for k, x0 in enumerate(_XS):
        stops += _lstm_step(ax, k, x0, y0, y_belt, y_hid)
    wire(ax, [(_XS[-1] + _WIDTH, y_belt), (_X_OUT, y_belt)], "cell")
    wire(ax, [(_X_IN, y_hid), (_X_OUT, y_hid)], "hidden", faded=True)
    _backward(ax, y_belt + 0.85, stops)


def _rnn_panel(ax, say, lang):
    """Bottom: the plain RNN, three steps of h_t = tanh(h_{t-1} Wh + x_t Wx + b)."""
    y0, y_h = 0.3, 1.8
    _title(
        ax,
        say,
        r"RNN: backward through $\times W_h^{\top}$ and $\times \tanh'$ at every step",
        r"each step: the gradient is multiplied by tanh$' \leq 1$ and by the matrix "
        r"$W_h^{\top}$; over many steps it vanishes or explodes",
        5.2,
    )
    stops = []
    for k, x0 in enumerate(_XS):
        panel_box(ax, x0, y0, _WIDTH, 2.5)
        aff = affine(ax, x0 + 1.2, y_h, lang=lang)
        th = act(ax, x0 + 2.8, y_h, "tanh", role="hidden")
        wire(ax, [(aff.x, y0 - 0.4), aff.port("b")], "input")
        start = _X_IN if k == 0 else _XS[k - 1] + _WIDTH
        wire(ax, [(start, y_h), aff.port("l")], "hidden")
        wire(ax, [aff.port("r"), th.port("l")], "input", lw=1.4)
        wire(ax, [th.port("r"), (x0 + _WIDTH, y_h)], "hidden", arrow=False)
        stops += [
            (aff.x, y_h + AFF_H / 2, r"$\times W_h^{\top}$"),
            (th.x, y_h + ACT_H / 2, r"$\times \tanh'$"),
        ]
    wire(ax, [(_XS[-1] + _WIDTH, y_h), (_X_OUT, y_h)], "hidden")
    _backward(ax, y_h + 1.35, stops)


def gradient_flow(lang="en"):
    """Notebook 06 (gradient flow): the backward path of the LSTM cell beside the RNN's.

    Backward along the memory cell the gradient meets only + (passed on unchanged) and
    ⊙ f (scaled elementwise by the forget gate) at each step. In a plain RNN it is
    multiplied by tanh' and by the matrix Wh^T at every step, so it vanishes or explodes.
    ``lang`` is "en" or "ko".
    """
    say = words(KOREAN, lang)
    fig, ax = canvas(-1.6, 16.4, -1.3, 12.5)
    _lstm_panel(ax, say)
    _rnn_panel(ax, say, lang)
    legend(ax, _X_IN, -0.85, ("cell", "hidden", "f", "gradient"), lang=lang)
    return fig
