"""Checkers for the exercises of the notebooks, one module per notebook.

Each checker takes the student's answer (usually a function), tests it one term at a time
and either prints one line ``Exercise N.k passed: ...`` or raises
:class:`ExerciseError` with a message that names the likely mistake.
"""

from ._core import ExerciseError

__all__ = ["ExerciseError"]
