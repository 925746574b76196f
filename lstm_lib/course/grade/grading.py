"""Grading one student's notebook against the key, one exercise at a time.

For each exercise of the key the answer is the submission's cell with the key's cell id
(or, in a notebook whose ids were lost, the exercise cell at the same position). The
submission's check cells are never read: the key's check cell runs in the grader, in a
namespace of the key's imports where the names the exercise defines stand for the
answer's functions in its own process (grade.sandbox). An exercise scores 1 when that
check passes and neither the static rules (grade.scan) nor the watchers of the answer's
process (grade._worker) found anything; else 0, with the reason.
"""

import ast
import contextlib
import io
from dataclasses import dataclass

import lstm_lib

from ..classroom import CHECK_TAG, EXERCISE_TAG
from .key import python_source
from .sandbox import AnswerDied, AnswerTimeout, Budget, Proxy, Sandbox
from .scan import scan
from .wire import WireError, decode
from .words import say

PASSED, FAILED, FLAGGED, TIMED_OUT, MISSING = "passed", "failed", "flagged", "timed out", "missing"


@dataclass(frozen=True)
class Result:
    """What one exercise of one student got: a ``status`` and the ``message`` behind it."""

    status: str
    message: str

    @property
    def points(self):
        """1 for a passed exercise, else 0."""
        return 1 if self.status == PASSED else 0


@dataclass(frozen=True)
class Answer:
    """An answer cell's ``source`` and ``how`` it was found ("id" or "position")."""

    source: str
    how: str


def find_answers(key_notebook, nb):
    """{label: Answer or None} for each exercise of ``key_notebook`` in the submission ``nb``."""
    cells = [c for c in nb.cells if c.cell_type == "code"]
    by_id = {c.get("id"): c for c in cells if c.get("id")}
    tagged = [c for c in cells if EXERCISE_TAG in c.get("metadata", {}).get("tags", [])]
    found = {}
    for exercise in key_notebook.exercises:
        cell, how = by_id.get(exercise.cell_id), "id"
        if cell is None and len(tagged) == len(key_notebook.exercises):
            cell, how = tagged[exercise.position], "position"
        usable = cell is not None and CHECK_TAG not in cell.get("metadata", {}).get("tags", [])
        found[exercise.label] = Answer(str(cell.source), how) if usable else None
    return found


def forbidden_names(exercise):
    """The lstm_lib names the exercise's answer may not use."""
    return sorted(set(lstm_lib.__all__) - set(exercise.may_use))


def _called(check):
    tree = ast.parse(check)
    return {
        n.func.id
        for n in ast.walk(tree)
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
    }


def _namespace(space, reply, sandbox, forbidden, budget):
    space = dict(space)
    for name, entry in reply["names"].items():
        if isinstance(entry, dict) and "callable" in entry:
            space[name] = Proxy(sandbox, name, entry["callable"], forbidden, budget)
        else:
            try:
                space[name] = decode(entry)
            except WireError as error:
                raise AnswerDied(
                    f"its process sent an unreadable value of {name} ({error})"
                ) from None
    return space


def _check(exercise, reply, space):
    """Run the key's check cell in ``space``; (passed, message)."""
    printed = io.StringIO()
    try:
        with contextlib.redirect_stdout(printed):
            exec(compile(exercise.check, f"<check {exercise.label}>", "exec"), space)
    except AssertionError as error:  # ExerciseError is one
        message = str(error) or say("an assertion of the check cell failed")
    except NameError as error:
        message = say("{error}: the answer cell does not define it", error=error)
    except Exception as error:  # the check cell met something the answer left broken
        message = say("the check raised {kind}: {error}", kind=type(error).__name__, error=error)
    else:
        return True, printed.getvalue().strip() or say("the check passed")
    if reply.get("error"):
        message = say(
            "the answer cell raised {error}; then {message}", error=reply["error"], message=message
        )
    return False, message


def grade_exercise(sandbox, exercise, answer, space, timeout):
    """The Result of one exercise: ``answer`` (or None) checked by the key's check cell
    in ``space``, the answer running in ``sandbox`` within ``timeout`` seconds."""
    if answer is None:
        return Result(
            MISSING, say("no answer cell: the key's exercise cell is not in the notebook")
        )
    forbidden, source = forbidden_names(exercise), python_source(answer.source)
    reasons = scan(source, exercise.label, forbidden, _called(exercise.check))
    if reasons:
        return Result(FLAGGED, "; ".join(reasons))
    budget = Budget(timeout)
    try:
        reply = sandbox.run_cell(source, exercise.label, exercise.names, forbidden, budget)
        namespace = _namespace(space, reply, sandbox, forbidden, budget)
        passed, message = _check(exercise, reply, namespace)
    except AnswerTimeout:
        sandbox.restart(timeout)
        return Result(
            TIMED_OUT, say("the answer did not finish within {timeout:g} s", timeout=timeout)
        )
    except AnswerDied as error:
        sandbox.restart(timeout)
        return Result(FAILED, say("the answer ended its own process: {error}", error=error))
    flags = sandbox.take_flags()
    if flags:
        return Result(FLAGGED, "; ".join(flags))
    return Result(PASSED if passed else FAILED, message)


def grade_notebook(key_notebook, nb, space, timeout):
    """{label: Result} for the submission ``nb`` against the key notebook; ``space`` is the
    key's check namespace (key.check_namespace)."""
    answers = find_answers(key_notebook, nb)
    sandbox = Sandbox(key_notebook.prelude)
    results = {}
    try:
        for exercise in key_notebook.exercises:
            answer = answers[exercise.label]
            result = grade_exercise(sandbox, exercise, answer, space, timeout)
            if answer is not None and answer.how == "position":
                found = say(" (answer cell found by its position: its cell id had changed)")
                result = Result(result.status, result.message + found)
            results[exercise.label] = result
    finally:
        sandbox.close()
    return results
