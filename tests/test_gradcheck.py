"""The gradient check itself: it must never pass a broken backward or damage its input."""

import math

import numpy as np
import pytest

from lstm_lib import check_layer_gradients, check_model_gradients, numerical_gradient, rel_error
from lstm_lib.gradcheck import GradCheckReport


class ScaleWithNaNInputGradient:
    """y = x * w; backward is right for w but returns NaN for x."""

    def __init__(self):
        self.params = [np.array([2.0])]
        self.grads = [np.zeros(1)]

    def forward(self, x):
        self.x = x
        return x * self.params[0]

    def backward(self, dy):
        self.grads[0][...] = np.sum(dy * self.x)
        return np.full_like(self.x, np.nan)


def test_a_nan_gradient_fails_the_check(rng):
    report = check_layer_gradients(ScaleWithNaNInputGradient(), rng.standard_normal(3), rng)
    assert report.errors["params[0]"] < 1e-7  # the right one is right
    assert math.isnan(report.errors["x"])
    assert not report.passed
    assert math.isnan(report.max_error)
    assert "WRONG" in str(report)


@pytest.mark.parametrize("errors", [{"a": 1e-10, "b": math.nan}, {"a": math.nan, "b": 1e-10}])
def test_report_with_a_nan_error_never_passes(errors):
    report = GradCheckReport("layer", errors, tol=1e-7)
    assert not report.passed
    assert math.isnan(report.max_error)


def test_rel_error_of_non_finite_arrays_is_nan():
    assert math.isnan(rel_error([1.0, np.inf], [1.0, np.inf]))
    assert math.isnan(rel_error([1.0, 2.0], [np.nan, 2.0]))
    assert rel_error([0.0], [0.0]) == 0.0


def test_numerical_gradient_restores_x_when_f_raises():
    x = np.array([1.0, 2.0, 3.0])
    calls = []

    def f():
        calls.append(x.copy())
        if len(calls) == 4:  # the first nudge of the second entry
            raise RuntimeError("f failed")
        return float(np.sum(x**2))

    with pytest.raises(RuntimeError, match="f failed"):
        numerical_gradient(f, x)
    np.testing.assert_array_equal(x, [1.0, 2.0, 3.0])


@pytest.mark.parametrize("eps", [0, -1e-6, math.nan])
def test_numerical_gradient_needs_a_positive_eps(eps):
    with pytest.raises(ValueError, match="eps must be"):
        numerical_gradient(lambda: 0.0, np.zeros(2), eps)


def test_check_layer_gradients_needs_a_positive_tolerance(rng):
    with pytest.raises(ValueError, match="tol must be"):
        check_layer_gradients(ScaleWithNaNInputGradient(), np.ones(2), rng, tol=math.nan)


def test_check_layer_gradients_needs_a_generator():
    with pytest.raises(TypeError, match="numpy.random.Generator"):
        check_layer_gradients(ScaleWithNaNInputGradient(), np.ones(2), 0)


def test_check_model_gradients_finds_a_wrong_parameter_gradient(rng):
    """A whole-model check passes a right backward and names the array of a wrong one."""
    W = rng.standard_normal((3, 2))
    x = rng.standard_normal((4, 3))

    class Model:
        param_names = ("W",)

        def __init__(self, scale):
            self.params, self.grads, self.scale = [W], [np.zeros_like(W)], scale

        def forward(self):
            return float(np.sum((x @ W) ** 2))

        def backward(self, dout=1.0):
            self.grads[0][...] = self.scale * dout * 2 * x.T @ (x @ W)

    right, wrong = Model(1.0), Model(1.01)
    assert check_model_gradients(right, right.forward).passed
    report = check_model_gradients(wrong, wrong.forward)
    assert not report.passed and "W  WRONG" in str(report)
