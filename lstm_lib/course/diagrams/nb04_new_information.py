"""Figure of notebook 04 (new information g): g added to the cell."""

from .cell import cell_figure


def new_information():
    """Notebook 04 (new information g): g = tanh(...) is added to the cell.

    g is information (tanh, in [-1, 1]), not a gate: it is what gets written, and the +
    node adds it to the belt, c_t = f ⊙ c_{t-1} + g. Parts from earlier notebooks are
    greyed.
    """
    return cell_figure(
        {"f": "faded", "g": "on", "o": "faded"},
        r"new information (not a gate): $g = \tanh(x_t W_x^{(g)} + h_{t-1} W_h^{(g)} +"
        r" b^{(g)})$,   $c_t = f \odot c_{t-1} + g$",
        names="g",
    )
