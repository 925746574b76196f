"""Figures of notebook 05 (input gate and complete cell)."""

from .cell import cell_figure
from .primitives import words

_INPUT = (
    r"input gate: $i = \sigma(x_t W_x^{(i)} + h_{t-1} W_h^{(i)} + b^{(i)})$,"
    r"   $c_t = f \odot c_{t-1} + g \odot i$"
)
_CELL = r"the LSTM cell:   $c_t = f \odot c_{t-1} + g \odot i$,   $h_t = o \odot \tanh(c_t)$"
#: the words of this module's figures in Korean
KOREAN = {
    _INPUT: _INPUT.replace("input gate:", "input 게이트:"),
    _CELL: _CELL.replace("the LSTM cell:", "LSTM 셀:"),
}


def input_gate(lang="en"):
    """Notebook 05 (input gate and complete cell): the input gate i weighs g before the +.

    i = σ(...) decides how much of each element of g is worth writing: the cell receives
    g ⊙ i, so c_t = f ⊙ c_{t-1} + g ⊙ i. Parts from earlier notebooks are greyed.
    ``lang`` is "en" or "ko".
    """
    show = {"f": "faded", "g": "faded", "i": "on", "o": "faded"}
    return cell_figure(show, words(KOREAN, lang)(_INPUT), names="i", lang=lang)


def complete_cell(lang="en"):
    """Notebook 05 (input gate and complete cell): the whole LSTM cell in one figure.

    Four parts read x_t and h_{t-1}: the forget gate f, the new information g, the input
    gate i and the output gate o; then c_t = f ⊙ c_{t-1} + g ⊙ i and h_t = o ⊙ tanh(c_t).
    ``lang`` is "en" or "ko".
    """
    show = {"f": "on", "g": "on", "i": "on", "o": "on"}
    return cell_figure(show, words(KOREAN, lang)(_CELL), names="fgio", lang=lang)
