"""The shared machinery of the checkers (lstm_lib.course.checks._core), on a made-up exercise."""

import subprocess
import sys

import numpy as np
import pytest

from lstm_lib.course.checks import ExerciseError, _core, show_tracebacks
from lstm_lib.course.checks._core import Case, Exercise, Mistake, run


def _cases(rng):
    return [
        Case("for a square x", (rng.standard_normal((3, 3)),)),
        Case("for a wide x", (rng.standard_normal((2, 5)),)),
    ]


SQUARE = Exercise(
    label="9.1",
    function="double_and_square",
    outputs=("twice", "squared"),
    reference=lambda x: (2 * x, x * x),
    cases=_cases,
    mistakes=(
        Mistake("x @ x where x * x belongs.", lambda x: (2 * x, x @ x)),
        Mistake("x + 2 where 2 x belongs.", lambda x: (x + 2, x * x)),
        Mistake("x + 2 where 2 x belongs (written another way).", lambda x: (2 + x, x * x)),
    ),
    hint="Double x, then multiply x by itself entry by entry.",
    success="both are right",
)


def _message(answer, seed=0, exercise=SQUARE):
    with pytest.raises(ExerciseError) as info:
        run(exercise, answer, seed)
    return str(info.value)


def test_a_right_answer_prints_one_line(capsys):
    run(SQUARE, lambda x: (x + x, x**2), seed=None)
    assert capsys.readouterr().out == "Exercise 9.1 passed: both are right\n"


def test_a_matrix_product_for_a_hadamard_product_is_named_though_it_fails_on_wide_x():
    # x @ x runs on the square case and raises on the wide one: the mistake does both
    message = _message(lambda x: (2 * x, x @ x))
    assert message == (
        "Exercise 9.1: squared for a square x is not right: x @ x where x * x belongs."
    )


def test_swapped_outputs_are_named():
    assert "twice and squared are swapped" in _message(lambda x: (x * x, 2 * x))


def test_two_mistakes_the_cases_cannot_tell_apart_are_both_named():
    message = _message(lambda x: (x + 2, x * x))
    assert "more than one typical mistake" in message
    assert "2 x belongs." in message and "(written another way)" in message


def test_a_partial_match_is_not_named_when_the_mistake_changes_what_differs_nowhere_else():
    # twice right, squared = x**3: no mistake explains it; the message says what was seen
    message = _message(lambda x: (2 * x, x**3))
    assert " is not right: " not in message
    assert message.startswith("Exercise 9.1: squared for a square x has the right shape but is off")
    assert message.endswith("Double x, then multiply x by itself entry by entry.")


def test_the_observation_says_where_it_was_right_before():
    message = _message(lambda x: (2 * x, x * x if x.shape == (3, 3) else x))
    assert "for a wide x has the right shape but is off by up to" in message
    assert "(it was right for a square x)" in message


def test_a_constant_array_is_rejected():
    fixed = SQUARE.reference(_cases(np.random.default_rng(0))[0].args[0])
    assert _message(lambda x: fixed, seed=1).startswith("Exercise 9.1: twice for a square x")


def test_a_constant_number_is_described_as_such():
    exercise = Exercise(
        "9.2",
        "half",
        ("half(x)",),
        lambda x: x / 2,
        lambda rng: [Case(f"for x = {v}", (v,)) for v in (1.0, 3.0, rng.uniform(5, 9))],
        (),
        "x / 2.",
        "right",
        kind="number",
    )
    message = _message(lambda x: 0.5, exercise=exercise)
    assert "half(x) is the same for every input" in message
    # the expected value of the failing case is never shown, only what the answer returned
    assert "1.5" not in message
    assert "returned 7" in _message(lambda x: 7.0 if x > 2 else 0.5, exercise=exercise)


@pytest.mark.parametrize(
    ("answer", "words", "not_words"),
    [
        (lambda x: (2 * x, x.reshape(2, -1)), ["raised ValueError", "cannot reshape"], ["@"]),
        (
            lambda x: (2 * x, x @ np.ones((4, 4))),
            ["raised ValueError", "matmul", "inner sizes"],
            [],
        ),
        (
            lambda x: (2 * x, x * np.ones(4)),
            ["operands could not be broadcast", "elementwise"],
            ["@"],
        ),
        (lambda x: (2 * x, x[7]), ["raised IndexError"], ["@"]),
        (lambda x: 2 * x, ["should return the tuple (twice, squared)"], []),
        (lambda x: (2 * x, "x"), ["squared should be an array of real numbers, got str"], []),
        (lambda x: None, ["returned None"], []),
    ],
)
def test_what_went_wrong_is_described_not_guessed(answer, words, not_words):
    message = _message(answer)
    assert " is not right: " not in message, message
    for word in words:
        assert word in message, message
    for word in not_words:
        assert word not in message.split(": ", 2)[-1].split(".")[0], message


def test_a_transposed_answer_is_described_as_such():
    message = _message(lambda x: (2 * x.T, x * x))
    assert message == (
        "Exercise 9.1: twice for a square x is the transpose of the right answer. "
        "Double x, then multiply x by itself entry by entry."
    )


def test_a_stub_is_not_solved_yet():
    def stub(x):
        raise NotImplementedError("Exercise 9.1: write your solution here")

    assert _message(stub) == (
        "Exercise 9.1: not solved yet (the function still raises NotImplementedError; "
        "replace the stub with your code)"
    )


@pytest.mark.parametrize("value", [None, 3.0, "answer"])
def test_not_a_function(value):
    assert "expected the function double_and_square" in _message(value)


def test_an_answer_that_edits_its_input_in_place_does_not_corrupt_the_check(capsys):
    def in_place(x):
        twice = 2 * x
        x *= x
        return twice, x

    run(SQUARE, in_place, seed=0)
    assert "passed" in capsys.readouterr().out


def test_float32_answers_pass_within_the_stated_tolerance(capsys):
    run(SQUARE, lambda x: (2 * x.astype(np.float32), (x * x).astype(np.float32)), seed=0)
    assert "passed" in capsys.readouterr().out
    assert _core.RTOL == 1e-4


def test_an_exercise_error_renders_as_its_message_only():
    error = ExerciseError("Exercise 9.1: squared is not right: x @ x.")
    assert error._render_traceback_() == [
        "ExerciseError: Exercise 9.1: squared is not right: x @ x."
    ]
    show_tracebacks(True)
    try:
        assert not hasattr(error, "_render_traceback_")  # IPython then shows every frame
    finally:
        show_tracebacks(False)
    assert hasattr(error, "_render_traceback_")


def test_the_environment_variable_switches_full_tracebacks_on():
    code = (
        "from lstm_lib.course.checks import ExerciseError;"
        "print(hasattr(ExerciseError('x'), '_render_traceback_'))"
    )
    for value, shown in (("1", "False"), ("0", "True"), ("", "True")):
        out = subprocess.run(
            [sys.executable, "-c", code],
            env={**_env(), "LSTM_CHECKS_TRACEBACK": value},
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        assert out == shown, value


def _env():
    import os

    return {k: v for k, v in os.environ.items() if k != "LSTM_CHECKS_TRACEBACK"}


def _all_exercises():
    import importlib
    import pkgutil

    from lstm_lib.course import checks as package

    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        for value in vars(module).values():
            if isinstance(value, Exercise):
                yield pytest.param(value, id=f"{info.name}-{value.label}")


@pytest.mark.parametrize("exercise", list(_all_exercises()))
def test_no_failure_message_gives_the_answer_away(exercise):
    """TEACHING §2: an answer no typical mistake explains gets what was observed and the
    exercise's hint, a method (every hint is shown: tests/test_checks_no_answer.py). Tried on
    an answer off by a third, and on one that raises."""
    messages = []
    for answer in (lambda *a: _scaled(exercise.reference(*a)), _raises):
        with pytest.raises(ExerciseError) as info:
            run(exercise, answer, seed=0)
        messages.append(str(info.value))
    unnamed = [m for m in messages if " is not right: " not in m]  # named: a rule restated
    assert unnamed, messages
    for message in unnamed:
        assert message.startswith(f"Exercise {exercise.label}: "), message
        assert message.endswith(exercise.hint), message


def _scaled(result):
    if isinstance(result, tuple):
        return tuple(1.37 * np.asarray(r) for r in result)
    return 1.37 * np.asarray(result) + 1


def _raises(*args):
    raise ValueError("something broke")


def test_a_hint_with_an_equation_is_not_shown():
    assert _core.shown_hint("Double x, then square it.")
    assert _core.shown_hint("The smallest whole k >= 1 with σ(b)**k <= 1/2.")
    assert not _core.shown_hint("y = x * keep / (1 - ratio).")


def test_a_matrix_product_error_quotes_the_shapes_of_the_exercise_at_hand():
    from lstm_lib.course.checks.fused import FUSED_LSTM_STEP, check_fused_lstm_step

    def step(x, h_prev, c_prev, Wx, Wh, b):
        h_prev @ x  # a stray product: it runs while N = D = H, and fails for D = 4, H = 5
        return FUSED_LSTM_STEP.reference(x, h_prev, c_prev, Wx, Wh, b)

    with pytest.raises(ExerciseError) as info:
        check_fused_lstm_step(step, seed=0)
    message = str(info.value)
    assert "raised ValueError" in message and "(H, H)" not in message
    assert "It was given x (3, 4), h_prev (3, 5), c_prev (3, 5), Wx (4, 20), Wh (5, 20)" in message
    assert "b (20,)" in message


def test_two_failing_products_are_told_apart_by_their_sizes():
    def raised(a, b):
        try:
            a @ b
        except ValueError as error:
            return _core._Raised(error)

    x, W = np.ones((3, 4)), np.ones((4, 20))
    as_dot = _core._Raised(_dot_error(x, W.T))
    assert raised(x, W.T).like(as_dot)  # @ and np.dot word it differently: same sizes
    assert not raised(x, W.T).like(raised(np.ones((3, 5)), np.ones((20, 5))))
    assert raised(x, W.T).like(_core._Raised(ValueError("no sizes in this text")))


def _dot_error(a, b):
    try:
        np.dot(a, b)
    except ValueError as error:
        return error
