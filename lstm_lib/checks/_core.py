r"""Shared machinery of the exercise checkers.

A checker calls the student's function on inputs chosen so that one term at a time is
tested (the bias alone, then x alone, then h_prev alone, ...), compares with the
reference, and on the first mismatch raises :class:`ExerciseError` whose message names
the likely mistake. On success it prints one stable line (nbval compares it).

* :func:`call` calls the student's function: a stub is "not solved yet", a NumPy shape
  error becomes a hint about ``@``, ``*`` and transposes.
* :func:`unpack` checks that a function returned a tuple of the expected length.
* :func:`as_number` turns an answer into one number (or says why it is not one).
* :func:`expect_array` turns an answer into a float array of a given shape.
* :func:`diagnose` compares an answer (array or number) with the reference and, when it
  differs, with the typical wrong answers, so that the message names the likely mistake.
* :func:`mistake` is the error that names a typical mistake; every such message reads
  "Exercise N.k: <what> is not right: <the mistake>" (tests/test_checks_catalogue.py counts
  the named mistakes by that phrase).
* :func:`check_affine_unit` tests a function computing
  :math:`\text{act}(x W_x + h_{prev} W_h + b)` one term at a time (notebooks 02 to 04).
"""

import numbers

import numpy as np

from ..functions import sigmoid, tanh


class ExerciseError(AssertionError):
    """A checker found a mistake; the message says which and what is the likely cause."""


def passed(exercise, what):
    """Print the success line of a checker, e.g. ``Exercise 3.1 passed: forget_gate ...``."""
    print(f"Exercise {exercise} passed: {what}")


#: what a shape error in the student's code most likely means
SHAPE_HINT = (
    "Check each product: a weight is applied with the matrix product @ in the row-vector "
    "convention, x (N, D) @ Wx (D, H) and h_prev (N, H) @ Wh (H, H); ⊙ is the elementwise "
    "product *, not @, and needs arrays of the same shape; a backward multiplies by the "
    "transposed weight (W.T), and a .T anywhere else is likely one too many."
)

_SHAPE_WORDS = ("matmul", "broadcast", "mismatch", "shape", "dimension")


def call(exercise, function, *args):
    """Call the student's ``function`` on copies of the array arguments.

    The copies keep an in-place edit by the student from corrupting the checker's later
    tests. ``NotImplementedError`` (the stub of the student edition) is reported as "not
    solved yet"; a ``ValueError`` of NumPy about shapes (matmul, broadcast, mismatch, ...) as
    :class:`ExerciseError` with :data:`SHAPE_HINT` (also for np.concatenate and np.stack).
    Other exceptions propagate.
    """
    if not callable(function):
        raise ExerciseError(
            f"Exercise {exercise}: expected a function, got {type(function).__name__}"
        )
    args = [a.copy() if isinstance(a, np.ndarray) else a for a in args]
    try:
        return function(*args)
    except NotImplementedError:
        raise ExerciseError(
            f"Exercise {exercise}: not solved yet (the function still raises "
            "NotImplementedError); replace the stub with your code"
        ) from None
    except ValueError as error:
        text = str(error)
        if not any(word in text for word in _SHAPE_WORDS):
            raise
        raise ExerciseError(
            f"Exercise {exercise}: your function stopped with a shape error ({text}). " + SHAPE_HINT
        ) from None


def unpack(exercise, result, names):
    """Return ``result`` as a tuple of ``len(names)`` values, or raise a clear error."""
    if isinstance(result, (tuple, list)) and len(result) == len(names):
        return tuple(result)
    got = (
        f"{type(result).__name__} of {len(result)} values"
        if isinstance(result, (tuple, list))
        else type(result).__name__
    )
    raise ExerciseError(
        f"Exercise {exercise}: the function should return the tuple ({', '.join(names)}), got {got}"
    )


def as_number(exercise, name, value, integer=False):
    """Return ``value`` as one float (an int if ``integer``), or raise a clear error.

    ``None`` (and ``...``) is the stub of a numeric answer: "not solved yet". An array or
    list of one number counts as that number. With ``integer`` the value must be a whole
    number: ``20`` and ``20.0`` (what ``np.ceil`` returns) both count as 20, ``19.93`` is
    refused, since a number of steps is counted, not measured.
    """
    if value is None or value is Ellipsis:
        raise ExerciseError(
            f"Exercise {exercise}: not solved yet: {name} is {value!r}; give it a number "
            "(or return one from your function)"
        )
    if isinstance(value, (list, tuple, np.ndarray, np.generic)):
        try:
            array = np.asarray(value)
        except ValueError:  # a ragged list
            array = np.asarray(None)
        if array.dtype.kind in "iuf" and array.size != 1:
            raise ExerciseError(
                f"Exercise {exercise}: {name} should be one number, got an array of shape "
                f"{array.shape}"
            )
        if array.dtype.kind in "iuf":
            value = array.reshape(()).item()
    if not isinstance(value, numbers.Real) or isinstance(value, bool):
        raise ExerciseError(
            f"Exercise {exercise}: {name} should be a number, got {type(value).__name__} {value!r}"
        )
    if not integer:
        return float(value)
    if not float(value).is_integer():
        raise ExerciseError(
            f"Exercise {exercise}: {name} should be a whole number (a count of steps), "
            f"got {value!r}"
        )
    return int(value)


def expect_array(exercise, name, value, shape, hint=""):
    """Return ``value`` as a float64 array of ``shape``, or raise a clear error."""
    if value is None:
        raise ExerciseError(
            f"Exercise {exercise}: {name} is None: did the function forget to return it?"
        )
    try:
        array = np.asarray(value)
    except ValueError:  # a ragged list
        array = np.asarray(None)
    if array.dtype.kind not in "iuf":
        raise ExerciseError(
            f"Exercise {exercise}: {name} should be an array of real numbers, got "
            f"{type(value).__name__} of dtype {array.dtype}"
        )
    if array.shape != tuple(shape):
        raise ExerciseError(
            f"Exercise {exercise}: {name} should have shape {tuple(shape)}, got {array.shape}. "
            + (f"{hint} " if hint else "")
            + SHAPE_HINT
        )
    return array.astype(np.float64)


def mistake(exercise, what, message):
    """The error naming a typical mistake: ``Exercise N.k: {what} is not right: {message}``."""
    return ExerciseError(f"Exercise {exercise}: {what} is not right: {message}")


def _close(a, b, rtol, atol):
    return np.shape(a) == np.shape(b) and bool(np.allclose(a, b, rtol=rtol, atol=atol))


def _candidate(mistake):
    """The value of a typical mistake, or None when computing it fails."""
    if not callable(mistake):
        return np.asarray(mistake, dtype=np.float64)
    try:
        with np.errstate(all="ignore"):
            return np.asarray(mistake(), dtype=np.float64)
    except (ValueError, TypeError, ArithmeticError):
        return None


def diagnose(exercise, name, got, expected, mistakes=(), hint="", rtol=1e-5, atol=1e-6):
    """Return ``got`` if it equals ``expected``; otherwise raise the most telling message.

    ``got`` and ``expected`` are arrays, or numbers (``expected`` of shape ()). Each item of
    ``mistakes`` is ``(wrong, message)``: ``wrong`` is the answer a typical mistake gives,
    or a function of no argument computing it (skipped when it raises ValueError,
    TypeError or ArithmeticError, e.g. a shape error); a mistake that gives the expected
    value is skipped too. When ``got`` matches a mistake, the message names it; otherwise
    it says how far off ``got`` is and adds ``hint``. Returns ``got`` as a float64 array,
    or a float when ``expected`` is a number. The default tolerances accept an answer
    computed in float32 or with the terms summed in another order.
    """
    expected = np.asarray(expected, dtype=np.float64)
    scalar = expected.shape == ()
    if scalar:
        got = as_number(exercise, name, got)
        what = f"{name} = {got:.6g}"
    else:
        got = expect_array(exercise, name, got, expected.shape, hint)
        what = name
    if _close(got, expected, rtol, atol):
        return got
    if not np.all(np.isfinite(got)):
        raise ExerciseError(
            f"Exercise {exercise}: {name} {'is' if scalar else 'contains'} NaN or inf: look "
            f"for a division by zero, the log of 0 or an overflow. {hint}".rstrip()
        )
    for typical, message in mistakes:
        wrong = _candidate(typical)
        if (
            wrong is not None
            and _close(got, wrong, rtol, atol)
            and not _close(wrong, expected, rtol, atol)
        ):
            raise mistake(exercise, what, message)
    off = "is not right." if scalar else f"is off by up to {np.max(np.abs(got - expected)):.3g}."
    raise ExerciseError(f"Exercise {exercise}: {what} {off} {hint}".rstrip())


# --------------------------------------------------------------- act(x Wx + h_prev Wh + b)

#: what a mistake that shows only when N != H most likely is
BATCH_HINT = "It was right for N = H = 3; look for a shape that only fits then (a stray @ or .T)."


def affine_example(rng, N, D, H):
    """Random ``x (N, D), h_prev (N, H), Wx (D, H), Wh (H, H), b (H,)`` for a unit's test."""
    Wx, Wh, b = rng.standard_normal((D, H)), rng.standard_normal((H, H)), rng.standard_normal(H)
    x, h_prev = rng.standard_normal((N, D)), rng.standard_normal((N, H))
    return x, h_prev, Wx, Wh, b


def _wrong_activation(kind):
    if kind == "gate":
        return (
            "it matches tanh(...): did you use tanh where a gate needs sigmoid? A gate is an "
            "openness between 0 and 1."
        )
    return (
        "it matches sigmoid(...): did you use sigmoid where the new information needs tanh? "
        "g is content with a sign, in (-1, 1), not an openness in (0, 1)."
    )


def check_affine_unit(exercise, name, unit, kind, rng=None):
    r"""Test ``unit(x, h_prev, Wx, Wh, b)`` against :math:`\text{act}(x W_x + h_{prev} W_h + b)`.

    ``kind`` is ``"gate"`` (act = sigmoid) or ``"information"`` (act = tanh). The terms are
    tested one at a time, with D = H so that a mixed-up weight or a wrong transpose gives
    numbers rather than a crash: (1) x = 0 and h_prev = 0, so only the bias is left;
    (2) only x; (3) only h_prev; (4) all three, and a batch with D != H.
    """
    act, other, act_name = (sigmoid, tanh, "sigmoid") if kind == "gate" else (tanh, sigmoid, "tanh")
    rng = np.random.default_rng(20) if rng is None else rng
    N, D, H = 2, 3, 3
    Wx = rng.standard_normal((D, H))
    Wh = rng.standard_normal((H, H))
    b = np.array([-1.5, 0.4, 2.0])
    zx, zh, zb = np.zeros((N, D)), np.zeros((N, H)), np.zeros(H)
    x = rng.standard_normal((N, D))
    h_prev = rng.standard_normal((N, H))
    wrong_act = _wrong_activation(kind)
    missing_act = f"the {act_name} is missing: apply it to the sum."
    once = f"apply the {act_name} once, to the whole sum x Wx + h_prev Wh + b."

    # 1. the bias alone
    diagnose(
        exercise,
        f"{name} with x = 0 and h_prev = 0 (only the bias left)",
        call(exercise, unit, zx, zh, Wx, Wh, b),
        act(b) + zh,
        [
            (lambda: other(b) + zh, wrong_act),
            (lambda: act(zh), "the bias b is missing: add + b inside the activation."),
            (lambda: b + zh, missing_act),
            (lambda: act(zh) + b, f"the bias goes inside the {act_name}, not after it."),
            (lambda: 2 * act(zh) + act(b), once),
        ],
        f"With x and h_prev zero, {name} should be {act_name}(b) in every row.",
    )
    # 2. x alone, then 3. h_prev alone
    mix = "are Wx and Wh mixed up? x is multiplied by Wx and h_prev by Wh."
    for args, v, W, W_other, term, shapes, zero in (
        ((x, zh), x, Wx, Wh, "x @ Wx", "x (N, D) @ Wx (D, H)", "h_prev = 0"),
        ((zx, h_prev), h_prev, Wh, Wx, "h_prev @ Wh", "h_prev (N, H) @ Wh (H, H)", "x = 0"),
    ):
        diagnose(
            exercise,
            f"{name} with only {term.split(' @ ')[0]} nonzero ({zero}, b = 0)",
            call(exercise, unit, *args, Wx, Wh, zb),
            act(v @ W),
            [
                (other(v @ W), wrong_act),
                (act(v @ W.T), f"it matches {term}.T: a wrong transpose; {shapes}."),
                (act(v @ W_other), mix),
                (act(zh), f"the term {term} is missing."),
                (v @ W, missing_act),
            ],
            f"With {zero} and b = 0, {name} should be {act_name}({term}).",
        )
    # 4. all terms together
    a = x @ Wx + h_prev @ Wh + b
    diagnose(
        exercise,
        f"{name} with x, h_prev and b together",
        call(exercise, unit, x, h_prev, Wx, Wh, b),
        act(a),
        [
            (lambda: other(a), wrong_act),
            (lambda: act(x @ Wx) + act(h_prev @ Wh) + act(b), once),
            (lambda: act(x @ Wx) + act(h_prev @ Wh + b), once),
            (lambda: act(x @ Wx + b) + act(h_prev @ Wh), once),
            (lambda: act(x @ Wx + h_prev @ Wh), "the bias b is missing."),
        ],
        f"{name} should be {act_name}(x @ Wx + h_prev @ Wh + b).",
    )
    # 5. a batch with D != H, so that every shape must be right
    x, h_prev, Wx, Wh, b = affine_example(rng, 4, 5, 2)
    diagnose(
        exercise,
        f"{name} for N = 4, D = 5, H = 2",
        call(exercise, unit, x, h_prev, Wx, Wh, b),
        act(x @ Wx + h_prev @ Wh + b),
        [],
        "It was right for D = H = 3; look for a shape that only fits when D = H.",
    )


#: the memory of the square example: values of both signs, some beyond tanh's linear range
_MEMORY = np.array([[2.0, -1.5, 0.3], [-0.7, 3.0, 1.2], [0.1, -2.5, -0.4]])
_FILL = {"memory": 0.5, "gate": 0.8}


def check_unit_and_update(exercise, step, names, kind, extras, update, mistakes, hint, seed):
    r"""Test ``step(x, h_prev, *extras, Wx, Wh, b) -> (u, out)``, ``out = update(u, *extras)``.

    ``u`` is :math:`\text{act}(x W_x + h_{prev} W_h + b)` (``kind`` as in
    :func:`check_affine_unit`, which tests it term by term first); ``extras`` names the
    further inputs, each ``"memory"`` (a cell state) or ``"gate"`` (an openness in (0, 1)).
    Then ``out`` is tested on a square example (N = D = H = 3, so that a matrix product in
    place of ⊙ gives numbers rather than a crash), where a wrong answer is compared with
    ``mistakes(u, *extras)``, and on a batch with N != H, so that every shape must be right.
    """

    def unit_only(x, h_prev, Wx, Wh, b):
        more = [np.full(h_prev.shape, _FILL[e]) for e in extras]
        return unpack(exercise, call(exercise, step, x, h_prev, *more, Wx, Wh, b), names)[0]

    check_affine_unit(exercise, names[0], unit_only, kind)
    act = sigmoid if kind == "gate" else tanh
    rng = np.random.default_rng(seed)
    for N, D, H in ((3, 3, 3), (2, 4, 3)):
        x, h_prev, Wx, Wh, b = affine_example(rng, N, D, H)
        more = [
            (_MEMORY if N == H else rng.uniform(-2.0, 2.0, (N, H)))
            if e == "memory"
            else rng.uniform(0.1, 0.9, (N, H))
            for e in extras
        ]
        u = act(x @ Wx + h_prev @ Wh + b)
        _, out = unpack(exercise, call(exercise, step, x, h_prev, *more, Wx, Wh, b), names)
        if N == H:
            diagnose(exercise, names[1], out, update(u, *more), mistakes(u, *more), hint)
        else:
            name = f"{names[1]} for N = {N}, D = {D}, H = {H}"
            diagnose(exercise, name, out, update(u, *more), [], BATCH_HINT)
