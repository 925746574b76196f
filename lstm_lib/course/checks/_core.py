"""Shared machinery of the exercise checkers: one engine, and exercises held as data.

An exercise is an ``Exercise``: the reference answer (a function with the student's
signature), a function drawing the test cases, and a table of ``Mistake`` entries,
each a typical wrong answer written as a function with the same signature and the message
that names it. ``run`` calls the student's function on every case (some drawn afresh at
each call, so that no constant and no answer fitted to one input passes) and compares it
with the reference. On the first difference it looks for the mistake that explains the
answer on every case, and raises ``ExerciseError`` naming it; when no mistake
explains it, the message describes what was observed and never guesses a cause.

Every message that names a mistake reads "Exercise N.k: <what> is not right: <the
mistake>" (tests/test_checks_catalogue.py counts them by that phrase). Every text goes
through ``_language.say`` and every exercise through ``_language.localised``, which give it
in Korean in the Korean edition (see ``_language``).

A message never prints the solution. A named mistake says what is wrong and may restate the
one rule it broke; when no mistake explains the answer, the message says what was observed
(where the answer first differed, with the shapes it was given when it raised) and ends
with the exercise's ``hint``, which says where to look and holds no equation.

In a notebook an ``ExerciseError`` shows its message only. A teacher who wants the
full traceback sets the environment variable ``LSTM_CHECKS_TRACEBACK=1`` before starting
Jupyter, or calls ``lstm_lib.course.checks.show_tracebacks(True)`` in the notebook.
"""

import copy
import numbers
import os
import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from ._compare import ATOL, RTOL, same
from ._language import localised, say
from ._observed import BROADCAST_HINT, MATMUL_HINT, observed

# RTOL, ATOL and the two hints are defined beside the code that uses them and read from here
__all__ = [
    "ATOL",
    "BROADCAST_HINT",
    "MATMUL_HINT",
    "RTOL",
    "Case",
    "Exercise",
    "ExerciseError",
    "Mistake",
    "affine_example",
    "as_integer",
    "mistake",
    "not_solved",
    "passed",
    "run",
    "show_tracebacks",
    "shown_hint",
]

_TRACEBACKS = {"on": os.environ.get("LSTM_CHECKS_TRACEBACK", "") not in ("", "0")}


def show_tracebacks(on=True):
    """Show the full traceback of a failed check (True) or only its message (False)."""
    _TRACEBACKS["on"] = bool(on)


class ExerciseError(AssertionError):
    """A checker found a mistake; the message says which, or what was observed."""

    @property
    def _render_traceback_(self):
        # IPython calls this, when present, to render the error: the message only. When
        # tracebacks are switched on the attribute is missing and IPython shows them all.
        if _TRACEBACKS["on"]:
            raise AttributeError("_render_traceback_")
        return lambda: [f"ExerciseError: {self}"]


def passed(exercise, what):
    """Print the success line of a checker, e.g. ``Exercise 3.1 passed: forget_gate ...``."""
    print(say("Exercise {exercise} passed: {what}", exercise=exercise, what=what))


def mistake(exercise, what, message):
    """The error naming a typical mistake: ``Exercise N.k: {what} is not right: {message}``."""
    text = "Exercise {exercise}: {what} is not right: {message}"
    return ExerciseError(say(text, exercise=exercise, what=what, message=message))


def not_solved(exercise, detail):
    """The error of an exercise that still holds its stub."""
    text = "Exercise {exercise}: not solved yet ({detail})"
    return ExerciseError(say(text, exercise=exercise, detail=say(detail)))


# ------------------------------------------------------------------ exercises as data


@dataclass(frozen=True)
class Mistake:
    """A typical wrong answer: ``wrong`` has the student's signature and returns what the
    mistake returns; ``message`` names the mistake."""

    message: str
    wrong: Callable


@dataclass(frozen=True)
class Case:
    """One input of the student's function: ``label`` says what it tests."""

    label: str
    args: tuple


@dataclass(frozen=True)
class Exercise:
    """What a checker needs to know about one exercise.

    ``outputs`` names the returned values (one name: a single value; several: a tuple, in
    that order); ``compare`` is the order in which they are compared (indices, default all
    in order). ``kind`` is "array", "number" or "integer" (a count, compared exactly).
    ``cases(rng)`` returns the list of ``Case``; ``hint`` says where to look when no
    typical mistake explains a wrong answer (a method, never an equation: a hint that holds
    one would give the solution away and is not shown); ``success`` is the rest of the line
    printed when every case passes. ``may_use`` names the lstm_lib names an answer may
    call; every other name of the library is its own implementation of something the book
    asks the reader to write (the grading command, lstm_lib.course.grade, flags an answer
    that uses one).
    """

    label: str
    function: str
    outputs: tuple
    reference: Callable
    cases: Callable
    mistakes: tuple
    hint: str
    success: str
    kind: str = "array"
    compare: tuple = ()
    may_use: tuple = ("sigmoid", "tanh")


#: the two sizes a matrix product found different, as @ and as np.dot word it
_MISMATCH = (
    re.compile(r"size (\d+) is different from (\d+)"),
    re.compile(r"(\d+) \(dim \d+\) != (\d+) \(dim \d+\)"),
)


class _Raised:
    """What a call that raised left behind: the exception's type name and text, and for a
    matrix product the two sizes that did not match (``sizes``, or None)."""

    def __init__(self, error):
        self.name, self.text = type(error).__name__, str(error)
        found = (pattern.search(self.text) for pattern in _MISMATCH)
        self.sizes = next((frozenset(m.groups()) for m in found if m), None)

    def like(self, other):
        """Whether ``other`` is the same failure: the same exception and, when both are a
        mismatch of a matrix product, the same two sizes (so x @ Wx.T and h_prev @ Wh.T,
        which both fail, are told apart where D != H)."""
        if self.name != other.name:
            return False
        return self.sizes is None or other.sizes is None or self.sizes == other.sizes


class _Outcome:
    """A call's result as a tuple of values, or ``raised``, or ``malformed`` (why)."""

    def __init__(self, values=None, raised=None, malformed=None):
        self.values, self.raised, self.malformed = values, raised, malformed


def _value(value, kind):
    """One returned value as a float array (kind array) or a number; None if it is not one."""
    try:
        array = np.asarray(value)
    except ValueError:  # a ragged list
        return None
    if array.dtype.kind not in "iuf":
        return None
    if kind == "array":
        return array.astype(np.float64)
    return float(array.reshape(())) if array.size == 1 else None


def _outcome(exercise, result):
    names = exercise.outputs
    if len(names) > 1:
        if not isinstance(result, (tuple, list)) or len(result) != len(names):
            got = say("{n} values", n=len(result)) if isinstance(result, (tuple, list)) else None
            text = "it should return the tuple ({names}), got {got}"
            return _Outcome(
                malformed=say(text, names=", ".join(names), got=got or say("one value"))
            )
        result = tuple(result)
    else:
        result = (result,)
    values = tuple(_value(v, exercise.kind) for v in result)
    for name, raw, value in zip(names, result, values, strict=True):
        if value is None:
            what = say("a number" if exercise.kind != "array" else "an array of real numbers")
            text = "{name} should be {what}, got {kind} {raw!r}"
            return _Outcome(
                malformed=say(text, name=name, what=what, kind=type(raw).__name__, raw=raw)
            )
    return _Outcome(values=values)


def _call(exercise, function, case, student):
    """Call ``function`` on a fresh copy of the case's arguments; return an _Outcome."""
    args = copy.deepcopy(case.args)
    try:
        with np.errstate(all="ignore"):
            result = function(*args)
    except NotImplementedError:
        if student:
            raise not_solved(
                exercise.label,
                "the function still raises NotImplementedError; replace the stub with your code",
            ) from None
        return _Outcome(raised=_Raised(NotImplementedError()))
    except ExerciseError:
        raise
    except Exception as error:  # the student's code may fail in any way: report it
        return _Outcome(raised=_Raised(error))
    if result is None and student:
        return _Outcome(malformed=say("it returned None: did the function forget to return?"))
    return _outcome(exercise, result)


def _first_difference(exercise, got, expected):
    """(case index, output index or None) of the first difference, or None if all agree."""
    order = exercise.compare or range(len(exercise.outputs))
    for k, (g, e) in enumerate(zip(got, expected, strict=True)):
        if g.values is None:
            return k, None
        for j in order:
            if not same(exercise.kind, g.values[j], e.values[j]):
                return k, j
    return None


class _Lazy:
    """The outcomes of one function on the cases, computed when first asked for."""

    def __init__(self, exercise, function, cases):
        self.exercise, self.function, self.cases, self.done = exercise, function, cases, {}

    def __getitem__(self, k):
        if k not in self.done:
            self.done[k] = _call(self.exercise, self.function, self.cases[k], student=False)
        return self.done[k]


def _explains(exercise, wrong, got, expected, at):
    """How well the mistake's outcomes ``wrong`` explain the student's ``got``.

    Returns 0 (not at all), 1 (the output that first differed equals the mistake's on every
    case, and every other output that the mistake changes equals it too; the student's
    other outputs may hold a second, separate error) or 2 (every output equals the
    mistake's on every case). A case where the student's function raised is explained only
    by a mistake that raises the same exception there (``_Raised.like``).
    """
    kind, (k, j) = exercise.kind, at
    full = True
    for n in [k, *(n for n in range(len(got)) if n != k)]:
        g, w, e = got[n], wrong[n], expected[n]
        if g.values is None or w.values is None:
            if not (g.raised and w.raised and g.raised.like(w.raised)):
                return 0
            continue
        if n == k and j is not None and same(kind, w.values[j], e.values[j]):
            return 0  # the mistake does not change what first differed
        for m, (gv, wv, ev) in enumerate(zip(g.values, w.values, e.values, strict=True)):
            if same(kind, gv, wv):
                continue
            if m == j or not same(kind, wv, ev):
                return 0
            full = False
    return 2 if full else 1


def _swaps(exercise):
    """The mistakes of returning the outputs in another order (for a tuple answer)."""
    names, found = exercise.outputs, []
    for a in range(len(names)):
        for b in range(a + 1, len(names)):

            def swapped(*args, a=a, b=b):
                out = list(exercise.reference(*args))
                out[a], out[b] = out[b], out[a]
                return tuple(out)

            text = "{a} and {b} are swapped in the returned tuple; return ({names}) in that order."
            message = say(text, a=names[a], b=names[b], names=", ".join(names))
            found.append(Mistake(message, swapped))
    return found


def _named(exercise, got, expected, at, cases):
    """The message naming the mistake that explains the answer on every case, or None.

    When several typical mistakes explain it equally well (the cases cannot tell them
    apart), the message names each of them rather than pick one.
    """
    if at[1] is None and got[at[0]].malformed:
        return None
    found = {1: [], 2: []}
    for entry in [*_swaps(exercise), *exercise.mistakes]:
        score = _explains(exercise, _Lazy(exercise, entry.wrong, cases), got, expected, at)
        if score and entry.message not in found[score]:
            found[score].append(entry.message)
    best = found[2] or found[1]
    if len(best) > 1:
        return say("it matches more than one typical mistake: ") + say(" Or: ").join(best)
    return best[0] if best else None


def run(exercise, function, seed=None):
    """Check the student's ``function`` against ``exercise``; print the success line.

    ``seed`` fixes the random cases (tests use it); by default they are drawn afresh.
    """
    if not callable(function):
        text = "Exercise {label}: expected the function {name}, got {kind} {function!r}"
        kind = type(function).__name__
        raise ExerciseError(
            say(text, label=exercise.label, name=exercise.function, kind=kind, function=function)
        )
    exercise = localised(exercise)
    cases = exercise.cases(np.random.default_rng(seed))
    got = [_call(exercise, function, case, student=True) for case in cases]
    expected = [_call(exercise, exercise.reference, case, student=False) for case in cases]
    at = _first_difference(exercise, got, expected)
    if at is None:
        passed(exercise.label, exercise.success)
        return
    what = _what(exercise, at, cases)
    message = _named(exercise, got, expected, at, cases)
    if message is not None:
        raise mistake(exercise.label, what, message)
    seen = observed(exercise, got, expected, at, cases, function)
    hint = exercise.hint if shown_hint(exercise.hint) else ""
    text = "Exercise {label}: {observed} {hint}"
    raise ExerciseError(say(text, label=exercise.label, observed=seen, hint=hint).rstrip())


def shown_hint(hint):
    """Whether a hint may end a message: it holds no equation (no "=" other than in <= and
    >=), since an equation there would be the answer itself."""
    return "=" not in hint.replace("<=", "").replace(">=", "")


def _what(exercise, at, cases):
    k, j = at
    name = exercise.function if j is None else exercise.outputs[j]
    return say("{name} {label}", name=name, label=cases[k].label)


# ------------------------------------------------------------------ shared building blocks


def affine_example(rng, N, D, H):
    """Random ``x (N, D), h_prev (N, H), Wx (D, H), Wh (H, H), b (H,)`` for a unit's test."""
    Wx, Wh, b = rng.standard_normal((D, H)), rng.standard_normal((H, H)), rng.standard_normal(H)
    x, h_prev = rng.standard_normal((N, D)), rng.standard_normal((N, H))
    return x, h_prev, Wx, Wh, b


def as_integer(value):
    """``value`` as an int when it is a whole real number (20 or 20.0), else None."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return None
    return int(value) if float(value).is_integer() else None
