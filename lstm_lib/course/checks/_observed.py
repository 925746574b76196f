"""What a wrong answer did, told when no typical mistake explains it (checks._core.run).

The description names no cause: where the answer first differed (a raised error, a wrong
shape, a transpose, NaN, the size of the difference, an answer that ignores its input),
and, for an error of a matrix product, the shapes the call was given, named as in the
student's function, so the hint speaks of the exercise at hand.
"""

import inspect

import numpy as np

from ._compare import same

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
    names = names or [f"argument {k + 1}" for k in range(len(case.args))]
    found = [
        f"{name} {text}"
        for name, value in zip(names, case.args, strict=True)
        if (text := _shape_text(value)) is not None
    ]
    return ", ".join(found)


def _raised_text(exercise, raised, case, function):
    text = f"{exercise.function} raised {raised.name} {case.label}: {raised.text}."
    if "matmul" in raised.text or raised.sizes:
        given = shapes(exercise, function, case)
        return f"{text} It was given {given}. {MATMUL_HINT}" if given else f"{text} {MATMUL_HINT}"
    if "broadcast" in raised.text:
        return f"{text} {BROADCAST_HINT}"
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
    label = cases[k].label
    outcome = got[k]
    if outcome.raised:
        return _raised_text(exercise, outcome.raised, cases[k], function)
    if outcome.malformed:
        return f"{exercise.function} {label}: {outcome.malformed}."
    name, value, right = exercise.outputs[j], outcome.values[j], expected[k].values[j]
    if _constant(exercise, got, expected, j):
        return (
            f"{name} is the same for every input although the right answer changes with it: "
            "compute it from the arguments, not as a fixed number."
        )
    if exercise.kind != "array":
        return f"{name} {label} is not right ({exercise.function} returned {value:.6g})."
    if value.shape != right.shape:
        flipped = (
            " (the right shape reversed: a transpose?)" if value.shape == right.shape[::-1] else ""
        )
        return f"{name} {label} should have shape {right.shape}, got {value.shape}{flipped}."
    if value.ndim == 2 and same("array", value.T, right):
        return f"{name} {label} is the transpose of the right answer."
    if not np.all(np.isfinite(value)):
        return (
            f"{name} {label} contains NaN or inf: look for a division by zero, the log of 0 "
            "or an overflow."
        )
    right_before = [c.label for c, g in zip(cases[:k], got[:k], strict=True) if g.values]
    where = f" (it was right {right_before[-1]})" if right_before else ""
    return (
        f"{name} {label} has the right shape but is off by up to "
        f"{np.max(np.abs(value - right)):.3g}{where}."
    )
