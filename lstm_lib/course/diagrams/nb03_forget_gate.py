"""Figure of notebook 03 (forget gate): the forget gate on the cell path."""

from .cell import cell_figure
from .primitives import words

_TITLE = (
    r"forget gate: $f = \sigma(x_t W_x^{(f)} + h_{t-1} W_h^{(f)} + b^{(f)})$,"
    r"   $c_t = f \odot c_{t-1}$"
)
#: the words of this module's figure in Korean
KOREAN = {_TITLE: _TITLE.replace("forget gate:", "forget 게이트:")}


def forget_gate(lang="en"):
    """Notebook 03 (forget gate): the forget gate f and its ⊙ on the cell path.

    f = σ(x_t Wx + h_{t-1} Wh + b) is computed from x_t and h_{t-1}; the ⊙ node on the
    belt keeps the share f of each element of c_{t-1}. The output gate, met in notebook
    02, is greyed. ``lang`` is "en" or "ko".
    """
    title = words(KOREAN, lang)(_TITLE)
    return cell_figure({"f": "on", "o": "faded"}, title, names="f", lang=lang)
