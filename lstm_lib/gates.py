"""A gate and the new information: the parts of the LSTM, one at a time (notebooks 01-05).

A gate is an openness between 0 and 1 per unit, computed from the current input and the
previous hidden state and squashed by a sigmoid:

    gate = sigmoid(x Wx + h_prev Wh + b)

One class serves as the forget gate f, the input gate i and the output gate o (notebooks
03, 05 and 02): they differ only in their weights and in what they multiply.

The new information (candidate) g has the same affine part but tanh instead of sigmoid,
because it is content in (-1, 1), not a ratio (notebook 04):

    g = tanh(x Wx + h_prev Wh + b)

Shapes: x (N, D), h_prev (N, H), Wx (D, H), Wh (H, H), b (H,), output (N, H). In backward,
a is the pre-activation x Wx + h_prev Wh + b and da its gradient.
"""

from .functions import sigmoid, tanh
from .layers import ActivatedAffine


class Gate(ActivatedAffine):
    """A gate y = sigmoid(x Wx + h_prev Wh + b): openness in (0, 1) per unit.

    Used as the forget gate f, the input gate i and the output gate o.
    Inputs: Wx (D, H), Wh (H, H), b (H,).
    forward(x, h_prev): x (N, D), h_prev (N, H) -> y (N, H).
    backward(dy): dy (N, H) -> (dx (N, D), dh_prev (N, H)); writes dWx, dWh, db.
    """

    activation = staticmethod(sigmoid)

    @staticmethod
    def activation_backward(dy, y):
        """The sigmoid node: sigmoid'(a) = y (1 - y)."""
        return dy * y * (1 - y)


class Candidate(ActivatedAffine):
    """The new information (candidate) g = tanh(x Wx + h_prev Wh + b), in (-1, 1).

    Not a gate: it is the content that may be written into the memory cell.
    Inputs: Wx (D, H), Wh (H, H), b (H,).
    forward(x, h_prev): x (N, D), h_prev (N, H) -> g (N, H).
    backward(dg): dg (N, H) -> (dx (N, D), dh_prev (N, H)); writes dWx, dWh, db.
    """

    activation = staticmethod(tanh)

    @staticmethod
    def activation_backward(dg, g):
        """The tanh node: tanh'(a) = 1 - g^2."""
        return dg * (1 - g**2)
