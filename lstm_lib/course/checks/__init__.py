"""Checkers for the exercises of the notebooks, one module per notebook.

Each checker takes the student's answer (a function), calls it on several inputs (some
drawn afresh at every call) and either prints one line ``Exercise N.k passed: ...`` or
raises ``ExerciseError`` with a message that names the mistake, or, when no typical
mistake explains the answer, says what was observed.

In a notebook a failed check shows its message only. For the full traceback set the
environment variable ``LSTM_CHECKS_TRACEBACK=1`` before starting Jupyter, or call
``show_tracebacks(True)``.
"""

from ._core import RTOL, ExerciseError, show_tracebacks

#: the checker modules, in the order of the notebooks that use them
MODULES = (
    "rnn",
    "gates",
    "output_gate",
    "forget_gate",
    "new_information",
    "cell",
    "gradient_flow",
    "fused",
    "language_model",
    "variants",
    "better_language_model",
)

__all__ = ["MODULES", "RTOL", "ExerciseError", "show_tracebacks"]
