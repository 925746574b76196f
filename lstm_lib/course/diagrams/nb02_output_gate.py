"""Figure of notebook 02 (output gate): the output gate in the cell."""

from .cell import cell_figure
from .primitives import words

_TITLE = (
    r"output gate: $o = \sigma(x_t W_x^{(o)} + h_{t-1} W_h^{(o)} + b^{(o)})$,"
    r"   $h_t = o \odot \tanh(c_t)$"
)
#: the words of this module's figure in Korean
KOREAN = {_TITLE: _TITLE.replace("output gate:", "output 게이트:")}


def output_gate(lang="en"):
    """Notebook 02 (output gate): the output gate in the computational graph.

    o = σ(x_t Wx + h_{t-1} Wh + b) comes from x_t and h_{t-1}; the cell is squashed by
    tanh and the ⊙ node lets the share o of tanh(c_t) out as h_t = o ⊙ tanh(c_t).
    ``lang`` is "en" or "ko".
    """
    title = words(KOREAN, lang)(_TITLE)
    return cell_figure({"o": "on"}, title, names="o", lang=lang)
