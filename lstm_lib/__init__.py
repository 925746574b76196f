"""lstm_lib: the NumPy library that the notebooks of "LSTM, gate by gate" build.

One module per idea of the book:

* :mod:`~lstm_lib.functions`: sigmoid and tanh and their derivatives
* :mod:`~lstm_lib.layers`: MatMul, Affine, Sigmoid, Tanh, RecurrentUnit, TimeAffine,
  Embedding, losses
* :mod:`~lstm_lib.gates`: Gate (forget, input, output) and Candidate (new information g)
* :mod:`~lstm_lib.cell`: LSTMCell, the step built gate by gate
* :mod:`~lstm_lib.lstm`: LSTM, the fused step, and TimeLSTM over a sequence
* :mod:`~lstm_lib.rnn`: RNN and TimeRNN, the plain tanh RNN
* :mod:`~lstm_lib.weights`: initialisation, fusing and splitting, PyTorch's block order
* :mod:`~lstm_lib.gradcheck`: numerical gradient checks
* :mod:`~lstm_lib.optim`: SGD, Adam and gradient clipping
* :mod:`~lstm_lib.tasks`: synthetic data sets (the adding problem, ...)

Fused weights are ``Wx (D, 4H)``, ``Wh (H, 4H)``, ``b (4H,)`` with column blocks in the
order f, g, i, o. Drawing lives in :mod:`~lstm_lib.diagrams` and :mod:`~lstm_lib.plots`,
which the math modules never import.
"""

from .cell import LSTMCell
from .fast_lstm import FastTimeLSTM
from .functions import sigmoid, sigmoid_grad, tanh, tanh_grad
from .gates import Candidate, Gate
from .gradcheck import check_layer_gradients, numerical_gradient, rel_error
from .layers import (
    Affine,
    Embedding,
    MatMul,
    MeanSquaredError,
    RecurrentUnit,
    Sigmoid,
    SoftmaxCrossEntropy,
    Tanh,
    TimeAffine,
)
from .lstm import LSTM, TimeLSTM
from .optim import SGD, Adam, clip_grads
from .rnn import RNN, TimeRNN
from .tasks import adding_problem
from .weights import (
    GATE_ORDER,
    PYTORCH_ORDER,
    from_pytorch,
    fuse_weights,
    init_lstm_params,
    init_rnn_params,
    reorder_blocks,
    split_weights,
    to_pytorch,
)

__all__ = [
    "GATE_ORDER",
    "LSTM",
    "PYTORCH_ORDER",
    "RNN",
    "RecurrentUnit",
    "SGD",
    "Adam",
    "Affine",
    "Candidate",
    "Embedding",
    "FastTimeLSTM",
    "Gate",
    "LSTMCell",
    "MatMul",
    "MeanSquaredError",
    "Sigmoid",
    "SoftmaxCrossEntropy",
    "Tanh",
    "TimeAffine",
    "TimeLSTM",
    "TimeRNN",
    "adding_problem",
    "check_layer_gradients",
    "clip_grads",
    "from_pytorch",
    "fuse_weights",
    "init_lstm_params",
    "init_rnn_params",
    "numerical_gradient",
    "rel_error",
    "reorder_blocks",
    "sigmoid",
    "sigmoid_grad",
    "split_weights",
    "tanh",
    "tanh_grad",
    "to_pytorch",
]
