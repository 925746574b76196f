import warnings

import numpy as np
import pytest

from lstm_lib import rel_error, sigmoid, sigmoid_grad, tanh, tanh_grad


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_extreme_inputs_are_finite_and_silent(dtype):
    x = np.array([-1e4, -1000, -50, 0, 50, 1000, 1e4], dtype=dtype)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        s, t = sigmoid(x), tanh(x)
    assert np.all(np.isfinite(s)) and np.all(np.isfinite(t))
    assert s.dtype == dtype and t.dtype == dtype
    np.testing.assert_array_equal(s[[0, 1, -2, -1]], [0, 0, 1, 1])
    assert s[3] == 0.5


def test_sigmoid_matches_the_definition(rng):
    x = rng.uniform(-20, 20, 1000)
    np.testing.assert_allclose(sigmoid(x), 1 / (1 + np.exp(-x)), rtol=1e-12, atol=1e-15)


def test_sigmoid_out_argument_writes_in_place(rng):
    x = rng.standard_normal(10)
    expected = sigmoid(x)
    result = sigmoid(x, out=x)
    assert result is x
    np.testing.assert_allclose(x, expected, rtol=0, atol=0)


def test_integers_become_float64():
    assert sigmoid(np.array([0, 1])).dtype == np.float64
    assert tanh(np.array([0, 1])).dtype == np.float64


@pytest.mark.parametrize(("f", "grad"), [(sigmoid, sigmoid_grad), (tanh, tanh_grad)])
def test_derivatives_written_with_the_output(f, grad, rng):
    x = rng.standard_normal(20)
    numeric = np.array([(f(v + 1e-6) - f(v - 1e-6)) / 2e-6 for v in x])
    assert rel_error(grad(f(x)), numeric) < 1e-8


def test_ranges_and_largest_slopes():
    x = np.linspace(-10, 10, 20001)
    assert sigmoid_grad(sigmoid(x)).max() == pytest.approx(0.25)
    assert tanh_grad(tanh(x)).max() == pytest.approx(1.0)
    assert 0 <= sigmoid(x).min() and sigmoid(x).max() <= 1
    assert -1 <= tanh(x).min() and tanh(x).max() <= 1
