r"""A gate and the new information: the four parts of the LSTM, one at a time.

A **gate** is an openness between 0 and 1, computed from the current input and the
previous hidden state and squashed by a sigmoid:

.. math:: \text{gate} = \sigma(x W_x + h_{prev} W_h + b)

The same class serves as the forget gate f, the input gate i and the output gate o: they
differ only in their learned weights and in what they multiply.

The **new information** (candidate) g has the same affine part but tanh instead of the
sigmoid, because it carries content in (-1, 1), not a ratio:

.. math:: g = \tanh(x W_x + h_{prev} W_h + b)

Shapes: x (N, D), h_prev (N, H), Wx (D, H), Wh (H, H), b (H,), output (N, H).
"""

from .functions import sigmoid, sigmoid_grad, tanh, tanh_grad
from .layers import RecurrentUnit


class Gate(RecurrentUnit):
    r"""A gate :math:`\sigma(x W_x + h_{prev} W_h + b)`: openness in (0, 1) per unit.

    Used as the forget gate f, the input gate i and the output gate o.
    Backward: with :math:`y` the output, the pre-activation gets
    :math:`da = dy\, y (1 - y)`, then the affine rule: :math:`dW_x = x^T da`,
    :math:`dW_h = h_{prev}^T da`, :math:`db = \sum_n da_n`, :math:`dx = da\, W_x^T`,
    :math:`dh_{prev} = da\, W_h^T`.
    """

    _activate = staticmethod(sigmoid)
    _activation_grad = staticmethod(sigmoid_grad)


class Candidate(RecurrentUnit):
    r"""The new information :math:`g = \tanh(x W_x + h_{prev} W_h + b)`, in (-1, 1).

    Not a gate: it is the content that may be written into the memory cell.
    Backward as for :class:`Gate`, with :math:`da = dg\, (1 - g^2)`.
    """

    _activate = staticmethod(tanh)
    _activation_grad = staticmethod(tanh_grad)
