"""lstm_lib: the NumPy library that the notebooks of "LSTM, gate by gate" build.

One module per idea of the book, with the notebooks that introduce it:

    functions              sigmoid, tanh and their derivatives                      01
    layers                 Layer, MatMul, Affine, Sigmoid, Tanh                     00, 01
                           TimeAffine, Embedding, SoftmaxCrossEntropy               08
                           MeanSquaredError                                         06
    rnn                    RNN (one tanh step) and TimeRNN                          00
    gates                  Gate (f, i, o) and Candidate (new information g)         01-05
    cell                   LSTMCell, the step built gate by gate                    05
    lstm                   LSTM (the fused step), TimeLSTM (the loop over time)     07
    fast_lstm              FastTimeLSTM: TimeLSTM's results, faster                 07
    weights                initialisation, fusing, splitting, PyTorch's order       02, 07
    gradcheck              numerical gradient checks                                00
    optim                  SGD, Adam and gradient clipping                          01, 06
    tasks                  the adding problem, a bracket language, a word grammar   06, 08, 10
    train                  SequenceRegressor, fit, History                          06
    language_model         LanguageModel, truncated BPTT, evaluating (no dropout)   08, 10
    gru                    GRU, TimeGRU, gru_from_pytorch                           09
    variants               LSTM variants as options of one cell                     09
    odyssey                variants, GRU and RNN trained alike: which parts matter  09
    better_language_model  stacked layers, dropout, tied weights                    10

Fused weights are Wx (D, 4H), Wh (H, 4H), b (4H,) with column blocks in the order f, g, i,
o. The drawing code (lstm_lib.diagrams, lstm_lib.style) and the exercise checkers
(lstm_lib.checks, lstm_lib.classroom) are kept apart: no math module imports them.
"""

from .cell import LSTMCell
from .fast_lstm import FastTimeLSTM
from .functions import sigmoid, sigmoid_grad, tanh, tanh_grad
from .gates import Candidate, Gate
from .gradcheck import check_layer_gradients, check_model_gradients, numerical_gradient, rel_error
from .gru import GRU, TimeGRU, gru_from_pytorch, init_gru_params
from .layers import (
    Affine,
    Embedding,
    MatMul,
    MeanSquaredError,
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
    "GRU",
    "LSTM",
    "PYTORCH_ORDER",
    "RNN",
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
    "TimeGRU",
    "TimeLSTM",
    "TimeRNN",
    "adding_problem",
    "check_layer_gradients",
    "check_model_gradients",
    "clip_grads",
    "from_pytorch",
    "fuse_weights",
    "gru_from_pytorch",
    "init_gru_params",
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
