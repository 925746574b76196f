"""Figure of notebook 02 (output gate): the output gate in the cell."""

from .cell import cell_figure


def output_gate():
    """Notebook 02 (output gate): the output gate in the computational graph.

    o = σ(x_t Wx + h_{t-1} Wh + b) comes from x_t and h_{t-1}; the cell is squashed by
    tanh and the ⊙ node lets the share o of tanh(c_t) out as h_t = o ⊙ tanh(c_t).
    """
    return cell_figure(
        {"o": "on"},
        r"output gate: $o = \sigma(x_t W_x^{(o)} + h_{t-1} W_h^{(o)} + b^{(o)})$,"
        r"   $h_t = o \odot \tanh(c_t)$",
        names="o",
    )
