"""What a wrong answer did, told when no typical mistake explains it (checks._core.run).

The description names no cause: where the answer first differed (a raised error, a wrong
shape, a transpose, NaN, the size of the difference, an answer that ignores its input),
and, for an error of a matrix product, the shapes the call was given, named as in the
student's function, so the hint speaks of the exercise at hand. Every text goes through
``_language.say`` (Korean in the Korean edition).
"""

import inspect

import numpy as np

from ._compare import same
from ._language import say

#: what a matrix-product error most likely means (after the shapes the call was given)
MATMUL_HINT = (
    "A matrix product @ got arrays whose inner sizes differ: in the row-vector convention "
    "a batch (N, D) @ a weight (D, H); a backward multiplies by the transposed weight "
    "(W.T); ⊙ is the elementwise product *, not @."
)
#: what a broadcasting error most likely means
BROADCAST_HINT = (
    "An elementwise operation (*, +, ⊙) got arrays of different shapes: check the shape of "
    "each operand."
)


def _argument_names(exercise, function, count):
    """The names of the ``count`` arguments: the student's own (their function's signature)
    or the reference's; None when neither has ``count`` plain parameters."""
    plain = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    for candidate in (function, exercise.reference):
        try:
            parameters = list(inspect.signature(candidate).parameters.values())
        except (TypeError, ValueError):
            continue
        if len(parameters) == count and all(p.kind in plain for p in parameters):
            return [p.name for p in parameters]
    return None


def _shape_text(value):
    if isinstance(value, np.ndarray):
        return str(value.shape)
    if isinstance(value, dict) and value:
        first = next(iter(value.values()))
        inner = first if isinstance(first, (tuple, list)) else (first,)
        shapes = [str(v.shape) for v in inner if isinstance(v, np.ndarray)]
        return f"{{...: {', '.join(shapes)}}}" if shapes else None
    return None


def shapes(exercise, function, case):
    """The shapes of a case's array arguments, named as in the student's function:
    ``x (3, 4), h_prev (3, 5), Wx (4, 20)``; "" when no argument is an array."""
    names = _argument_names(exercise, function, len(case.args))
    names = names or [say("argument {k}", k=k + 1) for k in range(len(case.args))]
    found = [
        f"{name} {text}"
        for name, value in zip(names, case.args, strict=True)
        if (text := _shape_text(value)) is not None
    ]
    return ", ".join(found)


def _raised_text(exercise, raised, case, function):
    what = "{function} raised {error} {label}: {text}."
    fields = {"function": exercise.function, "error": raised.name, "text": raised.text}
    text = say(what, label=case.label, **fields)
    if "matmul" in raised.text or raised.sizes:
        given = shapes(exercise, function, case)
        if given:
            text = f"{text} {say('It was given {given}.', given=given)}"
        return f"{text} {say(MATMUL_HINT)}"
    if "broadcast" in raised.text:
        return f"{text} {say(BROADCAST_HINT)}"
    return text


def _constant(exercise, got, expected, j):
    """Whether output j is the same for every case although the right answers differ."""
    values = [g.values[j] for g in got if g.values is not None]
    right = [e.values[j] for e in expected if e.values is not None]
    if len(values) < 3 or any(np.shape(v) != np.shape(values[0]) for v in values):
        return False
    fixed = all(np.array_equal(v, values[0]) for v in values)
    return fixed and not all(same(exercise.kind, r, right[0]) for r in right)


def observed(exercise, got, expected, at, cases, function):
    """A description of what the answer did where it first differed, naming no cause."""
    k, j = at
    outcome = got[k]
    if outcome.raised:
        return _raised_text(exercise, outcome.raised, cases[k], function)
    fields = {"function": exercise.function, "label": cases[k].label, "problem": outcome.malformed}
    if outcome.malformed:
        return say("{function} {label}: {problem}.", **fields)
    value, right = outcome.values[j], expected[k].values[j]
    fields.update(name=exercise.outputs[j], value=value, right=np.shape(right), got=np.shape(value))
    if _constant(exercise, got, expected, j):
        return say(
            "{name} is the same for every input although the right answer changes with it: "
            "compute it from the arguments, not as a fixed number.",
            **fields,
        )
    if exercise.kind != "array":
        return say("{name} {label} is not right ({function} returned {value:.6g}).", **fields)
    return _observed_array(value, right, got[:k], cases[:k], fields)


def _observed_array(value, right, got_before, cases_before, fields):
    """``observed`` for an array of the right type that differs from ``right``."""
    if value.shape != right.shape and value.shape == right.shape[::-1]:
        return say(
            "{name} {label} should have shape {right}, got {got} (the right shape reversed: "
            "a transpose?).",
            **fields,
        )
    if value.shape != right.shape:
        return say("{name} {label} should have shape {right}, got {got}.", **fields)
    if value.ndim == 2 and same("array", value.T, right):
        return say("{name} {label} is the transpose of the right answer.", **fields)
    if not np.all(np.isfinite(value)):
        return say(
            "{name} {label} contains NaN or inf: look for a division by zero, the log of 0 "
            "or an overflow.",
            **fields,
        )
    right_before = [c.label for c, g in zip(cases_before, got_before, strict=True) if g.values]
    fields.update(gap=np.max(np.abs(value - right)), before=(right_before or [""])[-1])
    if right_before:
        return say(
            "{name} {label} has the right shape but is off by up to {gap:.3g} (it was right "
            "{before}).",
            **fields,
        )
    return say("{name} {label} has the right shape but is off by up to {gap:.3g}.", **fields)
