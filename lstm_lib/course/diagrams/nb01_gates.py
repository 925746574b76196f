"""Figures of notebook 01 (gates): what a gate does, and sigmoid beside tanh."""

import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from .. import style
from .primitives import FS, FS_SMALL, FS_TITLE, TEXT, Node, act, canvas, op, text, wire, words

#: the words of this module's figures in Korean
KOREAN = {
    "information (tanh: $-1$ to $1$)": "정보 (tanh: $-1$에서 $1$까지)",
    "what passes on": "지나가는 것",
    r"$\odot$: elementwise product": r"$\odot$: 원소별 곱",
    r"openness $\in [0, 1]$": r"열림 상태 $\in [0, 1]$",
    "0 = closed, 1 = open": "0 = 닫힘, 1 = 열림",
    "score $z$ (any real number)": "점수 $z$ (임의의 실수)",
    r"A gate: output $=$ information $\odot\ \sigma(z)$": (
        r"게이트: 출력 $=$ "
        r"정보 $\odot\ \sigma(z)$"
    ),
    r"$\sigma'(z)$, at most 0.25": r"$\sigma'(z)$, 최대 0.25",
    r"$\tanh'(z)$, at most 1": r"$\tanh'(z)$, 최대 1",
    "range 0 to 1:\na ratio, how much passes": "범위 0에서 1까지:\n얼마나 지나가는지의 비율",
    "range $-1$ to $1$:\ninformation, sign and strength": (
        "범위 $-1$에서 $1$까지:\n부호와 세기를 가진 정보"
    ),
    "gate: sigmoid": "게이트: 시그모이드 함수",
    "information: tanh": "정보: tanh",
}

_S = 1.1  # size of one element of a row vector


def _element(ax, x, y_low, v, role):
    """The fill of one element: a gate shows its openness as a filled share."""
    if role == "gate":
        fc = style.tint(style.GATE, 0.55)
        hatch = style.HATCHES["gate"]
        ax.add_patch(
            Rectangle((x, y_low), _S, _S * v, fc=fc, ec=style.GATE, lw=0, hatch=hatch, zorder=3)
        )
    elif role == "info":  # the stronger the information, the darker the element
        fc = style.tint(style.INFO, 1 - 0.6 * min(1.0, abs(v)))
        ax.add_patch(Rectangle((x, y_low), _S, _S, fc=fc, ec="none", zorder=3))
    else:
        ax.add_patch(Rectangle((x, y_low), _S, _S, fc="#EBEBEB", ec="none", zorder=3))


def _row(ax, x_left, y, values, role, fmt):
    """One row vector of ``values`` drawn as labelled squares; returns its Node."""
    for k, v in enumerate(values):
        x, y_low = x_left + k * _S, y - _S / 2
        _element(ax, x, y_low, v, role)
        ax.add_patch(Rectangle((x, y_low), _S, _S, fc="none", ec=TEXT, lw=1.2, zorder=3.4))
        label = fmt.format(v).replace("-0.00", "0.00").replace("-", "\u2212")
        text(ax, x + _S / 2, y, label, size=FS_SMALL, bg=role == "gate")
    return Node(x_left + len(values) * _S / 2, y, len(values) * _S, _S)


def gate_concept(lang="en"):
    """Notebook 01 (gates): a gate multiplies information elementwise by an openness.

    The openness σ(z) lies in [0, 1]: 0 blocks an element, 1 lets it through whole, and
    values between pass a fraction. The information itself is a tanh value in [-1, 1].
    ``lang`` is "en" or "ko".
    """
    say = words(KOREAN, lang)
    info = [0.9, -0.7, 0.4, -0.8, 0.6]
    score = [4.0, -5.0, 0.0, 2.2, -2.2]
    gate = [1 / (1 + np.exp(-z)) for z in score]
    out = [a * g for a, g in zip(info, gate, strict=True)]
    n = len(info)
    fig, ax = canvas(-0.3, 17.5, -0.1, 7.2)
    y_top, y_mid, y_low = 4.9, 2.75, 0.9
    a = _row(ax, 0.3, y_top, info, "info", "{:.2f}")
    mul = op(ax, 8.6, y_top, "mul")
    r = _row(ax, 11.4, y_top, out, "info", "{:.2f}")
    g = _row(ax, mul.x - n * _S / 2, y_mid, gate, "gate", "{:.2f}")
    sig = act(ax, mul.x, y_low, "sigmoid")
    z = _row(ax, 0.3, y_low, score, "input", "{:.1f}")
    wire(ax, [a.port("r"), mul.port("l")], "info")
    wire(ax, [mul.port("r"), r.port("l")], "info")
    wire(ax, [g.port("t"), mul.port("b")], "gate")
    wire(ax, [sig.port("t"), g.port("b")], "gate")
    wire(ax, [z.port("r"), sig.port("l")], "input")
    text(ax, a.x, y_top + 0.75, say("information (tanh: $-1$ to $1$)"), va="bottom")
    text(ax, r.x, y_top + 0.75, say("what passes on"), va="bottom")
    note = say(r"$\odot$: elementwise product")
    text(ax, mul.x, y_top + 0.5, note, size=FS_SMALL, va="bottom", colour="#444444")
    x_note = g.port("r")[0] + 0.3
    text(ax, x_note, y_mid + 0.2, say(r"openness $\in [0, 1]$"), ha="left")
    note = say("0 = closed, 1 = open")
    text(ax, x_note, y_mid - 0.25, note, ha="left", size=FS_SMALL, colour="#444444")
    text(ax, z.x, y_low + 0.75, say("score $z$ (any real number)"), va="bottom")
    title = say(r"A gate: output $=$ information $\odot\ \sigma(z)$")
    text(ax, mul.x, 6.75, title, size=FS_TITLE)
    return fig


def _squash_panel(ax, z, role, curve, note, title):
    """One panel of sigmoid_vs_tanh(): the function, its slope and its range."""
    name, f, df, dname, (lo, hi) = curve
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
    box = {"boxstyle": "round,pad=0.3", "fc": "white", "ec": colour}
    y_note = -1.25 if role == "gate" else -1.22
    ax.text(5.7, y_note, note, ha="right", va="bottom", fontsize=FS_SMALL, color=TEXT, bbox=box)
    ax.set_title(title, fontsize=FS_TITLE, color=TEXT)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def sigmoid_vs_tanh(lang="en"):
    """Notebook 01 (gates): sigmoid and tanh, their ranges and their derivatives.

    σ maps to (0, 1), read as a ratio: how much of something passes (a gate). tanh maps
    to (-1, 1), read as information with a sign and a strength. The dotted curves are the
    derivatives: σ' peaks at 0.25, tanh' at 1. ``lang`` is "en" or "ko".
    """
    say = words(KOREAN, lang)
    z = np.linspace(-6, 6, 401)
    sig = 1 / (1 + np.exp(-z))
    th = np.tanh(z)
    fig = Figure(figsize=(9.6, 4.0), facecolor="white")
    axes = fig.subplots(1, 2)
    fig.subplots_adjust(left=0.06, right=0.99, bottom=0.13, top=0.9, wspace=0.14)
    gate = (r"$\sigma(z)$", sig, sig * (1 - sig), say(r"$\sigma'(z)$, at most 0.25"), (0, 1))
    info = (r"$\tanh(z)$", th, 1 - th**2, say(r"$\tanh'(z)$, at most 1"), (-1, 1))
    note = say("range 0 to 1:\na ratio, how much passes")
    _squash_panel(axes[0], z, "gate", gate, note, say("gate: sigmoid"))
    note = say("range $-1$ to $1$:\ninformation, sign and strength")
    _squash_panel(axes[1], z, "info", info, note, say("information: tanh"))
    return fig
