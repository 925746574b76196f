"""lstm_lib: the NumPy library that the notebooks of "LSTM, gate by gate" build.

One module per idea of the book, with the notebooks that introduce it:

    functions   sigmoid, tanh and their derivatives                               01
    layers      Layer, MatMul, Affine, Sigmoid, Tanh                              00, 01
                MeanSquaredError; TimeAffine, Embedding, SoftmaxCrossEntropy      06, 08
                Dropout                                                           10
    rnn         RNN (one tanh step) and TimeRNN                                   00
    gates       Gate (f, i, o) and Candidate (new information g)                  01-05
    cell        LSTMCell, the step built gate by gate                             05
    lstm        LSTM (the fused step), TimeLSTM (the loop over time)              07
    fast_lstm   FastTimeLSTM: TimeLSTM's results, faster                          07
    weights     initialisation, fusing, splitting, PyTorch's order                02, 07
    gradcheck   numerical gradient checks                                         00
    optim       SGD, Adam and gradient clipping                                   01, 06
    tasks       the adding problem, a bracket language, a word grammar            06, 08, 10
    models      SequenceRegressor and LanguageModel, on any recurrent layers      06, 08, 10
    training    fit, truncated BPTT, evaluate, evaluating, sample, History        06, 08, 10
    threads     how many BLAS threads the loops use (LSTM_LIB_THREADS)            06, 08-10
    gru         GRU, TimeGRU, gru_from_pytorch                                    09
    variants    LSTM variants as options of one cell                              09
    validation  the argument checks every public function starts with             -

    odyssey     an experiment: variants, GRU and RNN trained alike                09

Every name a notebook imports from the library comes from here (from lstm_lib import
...); the odyssey experiment is imported as lstm_lib.odyssey. Fused weights are Wx (D, 4H),
Wh (H, 4H), b (4H,) with column blocks in the order f, g, i, o.

The course around the book lives in lstm_lib.course (exercise checkers, the student
edition, the diagrams and their style); a reader of the library may skip it, and no module
here imports it.
"""

from .cell import LSTMCell
from .fast_lstm import FastTimeLSTM
from .functions import sigmoid, sigmoid_grad, tanh, tanh_grad
from .gates import Candidate, Gate
from .gradcheck import check_layer_gradients, check_model_gradients, numerical_gradient, rel_error
from .gru import GRU, TimeGRU, gru_from_pytorch, init_gru_params
from .layers import (
    Affine,
    Dropout,
    Embedding,
    Layer,
    MatMul,
    MeanSquaredError,
    Sigmoid,
    SoftmaxCrossEntropy,
    Tanh,
    TimeAffine,
)
from .lstm import LSTM, TimeLSTM
from .models import LanguageModel, SequenceRegressor, Stack
from .optim import SGD, Adam, clip_grads
from .rnn import RNN, TimeRNN
from .tasks import (
    adding_problem,
    bracket_depths,
    bracket_language,
    bracket_vocabulary,
    decode,
    depth_letters,
    encode,
    first_bracket_error,
    is_balanced,
    next_symbol_probs,
    word_language,
    word_vocabulary,
)
from .training import (
    History,
    batchify,
    chunks,
    evaluate,
    evaluating,
    fit,
    sample,
    train_tbptt,
)
from .variants import VARIANTS, TimeVariantLSTM, VariantLSTM
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
    "Adam",
    "Affine",
    "Candidate",
    "Dropout",
    "Embedding",
    "FastTimeLSTM",
    "GATE_ORDER",
    "GRU",
    "Gate",
    "History",
    "LSTM",
    "LSTMCell",
    "LanguageModel",
    "Layer",
    "MatMul",
    "MeanSquaredError",
    "PYTORCH_ORDER",
    "RNN",
    "SGD",
    "SequenceRegressor",
    "Sigmoid",
    "SoftmaxCrossEntropy",
    "Stack",
    "Tanh",
    "TimeAffine",
    "TimeGRU",
    "TimeLSTM",
    "TimeRNN",
    "TimeVariantLSTM",
    "VARIANTS",
    "VariantLSTM",
    "adding_problem",
    "batchify",
    "bracket_depths",
    "bracket_language",
    "bracket_vocabulary",
    "check_layer_gradients",
    "check_model_gradients",
    "chunks",
    "clip_grads",
    "decode",
    "depth_letters",
    "encode",
    "evaluate",
    "evaluating",
    "first_bracket_error",
    "fit",
    "from_pytorch",
    "fuse_weights",
    "gru_from_pytorch",
    "init_gru_params",
    "init_lstm_params",
    "init_rnn_params",
    "is_balanced",
    "next_symbol_probs",
    "numerical_gradient",
    "rel_error",
    "reorder_blocks",
    "sample",
    "sigmoid",
    "sigmoid_grad",
    "split_weights",
    "tanh",
    "tanh_grad",
    "to_pytorch",
    "train_tbptt",
    "word_language",
    "word_vocabulary",
]
