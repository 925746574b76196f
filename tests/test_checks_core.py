"""The shared machinery of the checkers (lstm_lib.checks._core), branch by branch."""

import numpy as np
import pytest

from lstm_lib.checks import ExerciseError
from lstm_lib.checks._core import (
    SHAPE_HINT,
    as_number,
    call,
    diagnose,
    expect_array,
    mistake,
    unpack,
)

# --- call ---------------------------------------------------------------------------------


def test_call_returns_the_result():
    assert call("9.1", lambda a, b: a + b, 2, 3) == 5


def test_call_reports_a_stub_as_not_solved_yet():
    def stub(x):
        raise NotImplementedError

    with pytest.raises(ExerciseError, match=r"^Exercise 9\.1: not solved yet"):
        call("9.1", stub, 1)


def test_call_wants_a_function():
    with pytest.raises(ExerciseError, match="expected a function, got int"):
        call("9.1", 3)


@pytest.mark.parametrize(
    "crash",
    [
        lambda a, b: a @ b,  # matmul: size mismatch
        lambda a, b: a * b,  # operands could not be broadcast together
        lambda a, b: np.concatenate([a, b.T], axis=0),  # dimension mismatch
    ],
)
def test_call_turns_a_numpy_shape_error_into_one_hint(crash):
    with pytest.raises(ExerciseError, match=r"^Exercise 9\.1: your function stopped") as info:
        call("9.1", crash, np.ones((2, 3)), np.ones((2, 4)))
    assert str(info.value).endswith(SHAPE_HINT)


def test_the_shape_hint_names_the_usual_causes():
    for words in ("matrix product @", "elementwise product *", "W.T", "x (N, D) @ Wx (D, H)"):
        assert words in SHAPE_HINT


def test_call_lets_other_errors_through():
    def bad_value(x):
        raise ValueError("math domain error")

    with pytest.raises(ValueError, match="math domain"):
        call("9.1", bad_value, 1)
    with pytest.raises(KeyError):
        call("9.1", lambda d: d["missing"], {})


def test_call_passes_copies_of_arrays():
    x = np.ones(3)

    def in_place(a):
        a *= 0
        return a

    call("9.1", in_place, x)
    assert np.all(x == 1)


# --- unpack -------------------------------------------------------------------------------


def test_unpack_accepts_a_tuple_or_a_list():
    assert unpack("9.1", (1, 2), ("a", "b")) == (1, 2)
    assert unpack("9.1", [1, 2], ("a", "b")) == (1, 2)


@pytest.mark.parametrize(
    ("result", "got"), [(np.ones(3), "got ndarray"), ((1, 2, 3), "got tuple of 3 values")]
)
def test_unpack_names_the_expected_tuple(result, got):
    with pytest.raises(ExerciseError, match=r"should return the tuple \(a, b\)") as info:
        unpack("9.1", result, ("a", "b"))
    assert str(info.value).endswith(got)


# --- as_number ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "number"),
    [(4, 4.0), (2.5, 2.5), (np.float32(0.5), 0.5), (np.int64(3), 3.0), (np.array([7.0]), 7.0)],
)
def test_as_number_accepts_a_number(value, number):
    got = as_number("9.1", "answer", value)
    assert got == number and type(got) is float


@pytest.mark.parametrize("stub", [None, ...])
def test_as_number_reports_a_stub_as_not_solved_yet(stub):
    with pytest.raises(ExerciseError, match=r"^Exercise 9\.1: not solved yet: answer is"):
        as_number("9.1", "answer", stub)


def test_as_number_refuses_an_array():
    with pytest.raises(ExerciseError, match=r"answer should be one number, got .* shape \(3,\)"):
        as_number("9.1", "answer", np.ones(3))


@pytest.mark.parametrize("value", ["0.48", True, 1j, [1, "a"], object()])
def test_as_number_refuses_what_is_not_a_number(value):
    with pytest.raises(ExerciseError, match="answer should be a number, got"):
        as_number("9.1", "answer", value)


def test_as_number_integer():
    assert as_number("9.1", "k", np.int64(20), integer=True) == 20
    assert type(as_number("9.1", "k", 20, integer=True)) is int
    for value in (20.0, np.float64(20), np.ceil(19.3)):  # a correct count, as a float
        assert as_number("9.1", "k", value, integer=True) == 20
    for value in (19.93, np.float64(0.5)):
        with pytest.raises(ExerciseError, match=r"k should be a whole number \(a count"):
            as_number("9.1", "k", value, integer=True)
    with pytest.raises(ExerciseError, match="k should be a number, got bool"):
        as_number("9.1", "k", True, integer=True)


# --- expect_array -------------------------------------------------------------------------


def test_expect_array_converts_integers_to_float():
    got = expect_array("9.1", "y", [[1, 2]], (1, 2))
    assert got.dtype == np.float64


@pytest.mark.parametrize("value", [None, "abc", np.array(["a", "b"]), [[1, 2], [3]]])
def test_expect_array_refuses_what_is_not_an_array_of_numbers(value):
    with pytest.raises(ExerciseError, match=r"Exercise 9\.1: y "):
        expect_array("9.1", "y", value, (2,))


# --- diagnose -----------------------------------------------------------------------------

EXPECTED = np.array([[1.0, 2.0], [3.0, 4.0]])


def test_diagnose_returns_a_right_answer_as_float_array():
    got = diagnose("9.1", "y", [[1, 2], [3, 4]], EXPECTED)
    assert got.dtype == np.float64 and np.array_equal(got, EXPECTED)


def test_diagnose_names_the_mistake_it_matches():
    mistakes = [(EXPECTED + 1, "one too many."), (EXPECTED.T, "a transpose.")]
    with pytest.raises(ExerciseError, match=r"^Exercise 9\.1: y is not right: a transpose\.$"):
        diagnose("9.1", "y", EXPECTED.T, EXPECTED, mistakes, "Hint.")


def test_diagnose_accepts_a_callable_mistake_and_skips_one_that_fails():
    def fails():
        return np.ones((2, 3)) @ np.ones((2, 3))  # a shape error

    def divides_by_zero():
        raise ZeroDivisionError

    mistakes = [
        (fails, "never shown."),
        (divides_by_zero, "never shown."),
        (lambda: -EXPECTED, "a sign."),
    ]
    with pytest.raises(ExerciseError, match="y is not right: a sign"):
        diagnose("9.1", "y", -EXPECTED, EXPECTED, mistakes)
    with pytest.raises(ExerciseError, match=r"^Exercise 9\.1: y is off by up to 1\. Hint\.$"):
        diagnose("9.1", "y", EXPECTED + 1, EXPECTED, mistakes[:2], "Hint.")


def test_diagnose_skips_a_mistake_that_gives_the_expected_value():
    # within the tolerance the answer matches the "mistake", and the mistake matches the
    # expected value, but the answer does not: the mistake must not be named
    got, mistake = 1.0 + 1.8e-5, 1.0 + 0.9e-5
    with pytest.raises(ExerciseError, match="is not right. Hint") as info:
        diagnose("9.1", "y", got, 1.0, [(mistake, "never shown.")], "Hint.")
    assert "never shown" not in str(info.value)


def test_diagnose_reports_a_wrong_shape_with_both_shapes_and_the_hint():
    with pytest.raises(ExerciseError) as info:
        diagnose(
            "9.1", "y", np.ones((2, 3)), EXPECTED, [(np.ones((2, 3)), "never shown.")], "Hint."
        )
    message = str(info.value)
    assert message.startswith("Exercise 9.1: y should have shape (2, 2), got (2, 3). Hint. ")
    assert message.endswith(SHAPE_HINT)


@pytest.mark.parametrize("bad", [np.nan, np.inf])
def test_diagnose_reports_nan_and_inf(bad):
    got = EXPECTED.copy()
    got[0, 1] = bad
    with pytest.raises(ExerciseError, match="y contains NaN or inf"):
        diagnose("9.1", "y", got, EXPECTED, [(got, "never shown.")])
    with pytest.raises(ExerciseError, match="k is NaN or inf"):
        diagnose("9.1", "k", bad, 2.0)


def test_diagnose_scalar_path():
    got = diagnose("9.1", "k", np.float32(0.25), 0.25)
    assert got == 0.25 and type(got) is float
    with pytest.raises(ExerciseError, match=r"^Exercise 9\.1: k = 2\.5 is not right: they add\.$"):
        diagnose("9.1", "k", 2.5, 0.25**10, [(2.5, "they add.")])
    with pytest.raises(ExerciseError, match=r"^Exercise 9\.1: k = 3 is not right\. Hint\.$"):
        diagnose("9.1", "k", 3, 0.25, [(2.5, "they add.")], "Hint.")
    with pytest.raises(ExerciseError, match="not solved yet"):
        diagnose("9.1", "k", None, 0.25)
    with pytest.raises(ExerciseError, match="k should be one number"):
        diagnose("9.1", "k", np.ones(2), 0.25)


def test_diagnose_tolerances():
    diagnose("9.1", "k", 9.537e-7, 0.25**10, rtol=1e-3, atol=0)
    diagnose("9.1", "y", EXPECTED * 1.0005, EXPECTED, rtol=1e-3)
    with pytest.raises(ExerciseError, match="off by up to 0.002"):
        diagnose("9.1", "y", EXPECTED * 1.0005, EXPECTED)
    with pytest.raises(ExerciseError, match="is not right"):
        diagnose("9.1", "k", 9.537e-7, 0.25**10, atol=0)


def test_diagnose_accepts_an_answer_computed_in_float32():
    # f ⊙ c_prev + g ⊙ i with terms of size ~1 that almost cancel: float32 rounding leaves
    # an absolute error of ~1e-7, which a correct answer must be allowed
    rng = np.random.default_rng(0)
    a, b = rng.uniform(0.5, 2.0, (2, 50)), rng.uniform(0.5, 2.0, (2, 50))
    expected = a * b - (a * b + 1e-4)
    got = a.astype(np.float32) * b.astype(np.float32) - (a * b + 1e-4).astype(np.float32)
    assert not np.allclose(got, expected, rtol=1e-6, atol=1e-8)
    diagnose("9.1", "y", got, expected)
    diagnose("9.1", "y", got.tolist(), expected)  # a list is an answer too


def test_mistake_is_the_error_that_names_a_mistake():
    error = mistake("9.1", "k = 3", "they add.")
    assert isinstance(error, ExerciseError)
    assert str(error) == "Exercise 9.1: k = 3 is not right: they add."
