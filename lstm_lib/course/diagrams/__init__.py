"""The book's diagrams, drawn with matplotlib: one function per figure, one module per notebook.

Every figure speaks the same visual language (colours, line styles and hatches come from
lstm_lib.course.style, drawing primitives from lstm_lib.course.diagrams.primitives):

* circles are elementwise operations: ⊙ (Hadamard product, a circle with a dot) and +;
* rounded boxes are functions: σ (a gate), tanh and the affine transform x Wx + h Wh + b;
* the memory cell path c is a thick blue "belt" along the top, the hidden path h runs
  along the bottom;
* time flows from left to right.

Modules: primitives (nodes, wires, legend), cell (the LSTM cell drawn part by part, shared by
notebooks 02 to 07), and nb00_from_rnn_to_lstm ... nb10_better_language_model with the figures
of each notebook. Each figure function returns a matplotlib Figure without touching pyplot's global
state. FIGURES maps a file name (the notebook that first shows it, then the idea) to its
function; save_all writes them all, and so does ``python -m lstm_lib.course.diagrams [FOLDER]``
(default: the repository's figures/).

The Korean edition's figures are drawn by the same functions: a figure whose labels are
words takes ``lang="ko"`` and its module holds a table ``KOREAN`` {English: Korean} of its
words (primitives.words); the words that cell and primitives draw for several figures (the
parts' names, the legend, the affine box) are in their own KOREAN tables. TRANSLATED lists
those figures (every figure today); save_all writes them into the folder's ``ko`` subfolder,
in the book's Korean font (style.hangul).

The math layer of lstm_lib never imports this package.
"""

from pathlib import Path

from matplotlib import rc_context

from .. import style
from .nb00_from_rnn_to_lstm import cell_belt, rnn_vs_lstm_interface
from .nb01_gates import gate_concept, sigmoid_vs_tanh
from .nb02_output_gate import output_gate
from .nb03_forget_gate import forget_gate
from .nb04_new_information import new_information
from .nb05_input_gate import complete_cell, input_gate
from .nb06_gradient_flow import gradient_flow
from .nb07_fused import fused_affine_slice, weight_layout
from .nb09_gru import gru_cell
from .nb10_better_language_model import stacked_language_model
from .primitives import DPI

#: every figure, by the file name it is saved under (without ``.png``)
FIGURES = {
    "00_rnn_vs_lstm_interface": rnn_vs_lstm_interface,
    "00_cell_belt": cell_belt,
    "01_gate_concept": gate_concept,
    "01_sigmoid_vs_tanh": sigmoid_vs_tanh,
    "02_output_gate": output_gate,
    "03_forget_gate": forget_gate,
    "04_new_information": new_information,
    "05_input_gate": input_gate,
    "05_complete_cell": complete_cell,
    "06_gradient_flow": gradient_flow,
    "07_fused_affine_slice": fused_affine_slice,
    "07_weight_layout": weight_layout,
    "09_gru_cell": gru_cell,
    "10_stacked_language_model": stacked_language_model,
}

#: the figures drawn in Korean too (their function takes ``lang``), by file name: all of them
TRANSLATED = tuple(FIGURES)

#: settings that make the PNG bytes depend on the drawing only
SAVE_KWARGS = {"dpi": DPI, "format": "png", "metadata": {"Software": None}, "facecolor": "white"}

#: where ``python -m lstm_lib.course.diagrams`` writes when given no folder
DEFAULT_FOLDER = Path(__file__).resolve().parent.parent.parent.parent / "figures"


def draw(name, lang="en"):
    """The Figure ``name`` with its labels in ``lang``, "en" or (for TRANSLATED) "ko"."""
    if name not in FIGURES:
        raise ValueError(f"name must be one of {sorted(FIGURES)}, got {name!r}")
    if lang == "en":
        return FIGURES[name]()
    if lang != "ko" or name not in TRANSLATED:
        raise ValueError(f"lang must be 'en' (or 'ko' for {', '.join(TRANSLATED)}), got {lang!r}")
    with rc_context(style.hangul()):
        return FIGURES[name](lang=lang)


def save_figure(name, folder, lang="en"):
    """Draw figure ``name`` in ``lang`` and write it as ``folder/<name>.png``; return the path."""
    figure = draw(name, lang)
    Path(folder).mkdir(parents=True, exist_ok=True)
    path = Path(folder) / f"{name}.png"
    figure.savefig(path, **SAVE_KWARGS)
    return path


def save_all(folder):
    """Write every figure of ``FIGURES`` into ``folder`` (created if missing), and the
    TRANSLATED ones in Korean into ``folder/ko``."""
    english = [save_figure(name, folder) for name in FIGURES]
    return english + [save_figure(name, Path(folder) / "ko", "ko") for name in TRANSLATED]
