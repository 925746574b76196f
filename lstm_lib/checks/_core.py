"""Shared machinery of the exercise checkers.

A checker calls the student's function on inputs chosen so that one term at a time is
tested (the bias alone, then x alone, then h_prev alone, ...), compares with the
reference, and on the first mismatch raises :class:`ExerciseError` whose message names
the likely mistake. On success it prints one stable line (nbval compares it).
"""

import numpy as np


class ExerciseError(AssertionError):
    """A checker found a mistake; the message says which and what is the likely cause."""


def passed(exercise, what):
    """Print the success line of a checker, e.g. ``Exercise 3.1 passed: forget_gate ...``."""
    print(f"Exercise {exercise} passed: {what}")


def call(exercise, function, *args):
    """Call the student's ``function`` and turn a crash into an :class:`ExerciseError`.

    ``NotImplementedError`` (the stub of the student edition) is reported as "not solved
    yet" so that the message is friendly.
    """
    if not callable(function):
        raise ExerciseError(
            f"Exercise {exercise}: expected a function, got {type(function).__name__}"
        )
    try:
        return function(*args)
    except NotImplementedError:
        raise ExerciseError(
            f"Exercise {exercise}: not solved yet (the function still raises "
            "NotImplementedError); replace the stub with your code"
        ) from None


def expect_array(exercise, name, value, shape):
    """Return ``value`` as an array, or raise if it is not a float array of ``shape``."""
    array = np.asarray(value)
    if array.shape != tuple(shape):
        raise ExerciseError(
            f"Exercise {exercise}: {name} should have shape {tuple(shape)}, got {array.shape}"
        )
    if array.dtype.kind != "f":
        raise ExerciseError(
            f"Exercise {exercise}: {name} should hold floating-point numbers, got dtype "
            f"{array.dtype}"
        )
    return array


def expect_close(exercise, name, got, expected, hint, atol=1e-8, rtol=1e-6):
    """Raise with ``hint`` unless ``got`` equals ``expected`` within the tolerances."""
    got = expect_array(exercise, name, got, np.shape(expected))
    if not np.allclose(got, expected, atol=atol, rtol=rtol):
        worst = float(np.max(np.abs(got - expected)))
        raise ExerciseError(f"Exercise {exercise}: {name} is off by up to {worst:.3g}. {hint}")
    return got
