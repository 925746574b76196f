"""Figure of notebook 03 (forget gate): the forget gate on the cell path."""

from .cell import cell_figure


def forget_gate():
    """Notebook 03 (forget gate): the forget gate f and its ⊙ on the cell path.

    f = σ(x_t Wx + h_{t-1} Wh + b) is computed from x_t and h_{t-1}; the ⊙ node on the
    belt keeps the share f of each element of c_{t-1}. The output gate, met in notebook
    02, is greyed.
    """
    return cell_figure(
        {"f": "on", "o": "faded"},
        r"forget gate: $f = \sigma(x_t W_x^{(f)} + h_{t-1} W_h^{(f)} + b^{(f)})$,"
        r"   $c_t = f \odot c_{t-1}$",
        names="f",
    )
