"""Figure of notebook 04 (new information g): g added to the cell."""

from .cell import cell_figure
from .primitives import words

_FORMULA = (
    r"$g = \tanh(x_t W_x^{(g)} + h_{t-1} W_h^{(g)} + b^{(g)})$,   $c_t = f \odot c_{t-1} + g$"
)
#: the words of this module's figure in Korean
KOREAN = {f"new information (not a gate): {_FORMULA}": f"새 정보(게이트가 아니다): {_FORMULA}"}


def new_information(lang="en"):
    """Notebook 04 (new information g): g = tanh(...) is added to the cell.

    g is information (tanh, in [-1, 1]), not a gate: it is what gets written, and the +
    node adds it to the belt, c_t = f ⊙ c_{t-1} + g. Parts from earlier notebooks are
    greyed. ``lang`` is "en" or "ko".
    """
    title = words(KOREAN, lang)(f"new information (not a gate): {_FORMULA}")
    return cell_figure({"f": "faded", "g": "on", "o": "faded"}, title, names="g", lang=lang)
