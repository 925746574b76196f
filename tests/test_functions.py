import decimal
import warnings

import numpy as np
import pytest

from lstm_lib import rel_error, sigmoid, sigmoid_grad, tanh, tanh_grad

FLOATS = [np.float16, np.float32, np.float64]


def _exact_sigmoid(values):
    """1 / (1 + e^-x) with 50 significant digits for each float x, rounded to float64."""
    with decimal.localcontext() as context:
        context.prec = 50
        return np.array([float(1 / (1 + (-decimal.Decimal(float(v))).exp())) for v in values])


@pytest.mark.parametrize("dtype", FLOATS)
def test_sigmoid_is_exact_to_rounding_in_both_tails(dtype):
    info = np.finfo(dtype)
    # from where sigma(x) leaves the normal numbers (x = log(tiny)) to where it rounds to 1
    x = np.linspace(np.log(float(info.tiny)), 40, 4001).astype(dtype)
    relative = np.abs(sigmoid(x).astype(np.float64) / _exact_sigmoid(x) - 1)
    assert relative.max() <= 2 * info.eps, f"worst at x = {x[relative.argmax()]}"
    # below that, sigma(x) is subnormal: right to a step or two of the subnormal spacing
    x = np.linspace(np.log(float(info.tiny)) - 12, np.log(float(info.tiny)), 400).astype(dtype)
    error = np.abs(sigmoid(x).astype(np.float64) - _exact_sigmoid(x))
    assert error.max() <= 2 * float(info.smallest_subnormal)


def test_sigmoid_keeps_the_tiny_openness_at_minus_40():
    assert sigmoid(-40.0) == pytest.approx(4.248354255291589e-18, rel=1e-15)
    assert sigmoid(np.float32(-15)) == pytest.approx(3.0590227e-07, rel=1e-6)


@pytest.mark.parametrize("f", [sigmoid, tanh, sigmoid_grad, tanh_grad])
@pytest.mark.parametrize("bad", [None, ["1.5", "2"], np.array([1 + 2j]), np.array([object()])])
def test_non_real_input_is_refused(f, bad):
    with pytest.raises(TypeError, match="must be a real floating-point array"):
        f(bad)


def test_sigmoid_out_must_fit_x():
    x = np.zeros(3)
    with pytest.raises(ValueError, match="out must have x's shape"):
        sigmoid(x, out=np.zeros(4))
    with pytest.raises(ValueError, match="out must have x's shape"):
        sigmoid(x, out=np.zeros(3, dtype=np.float32))
    with pytest.raises(TypeError, match="out must be a numpy array"):
        sigmoid(x, out=[0.0, 0.0, 0.0])


def test_sigmoid_out_may_be_a_view_of_x(rng):
    a = rng.standard_normal((4, 6)) * 30
    expected = sigmoid(a[:, 2:])
    sigmoid(a[:, 2:], out=a[:, 2:])
    np.testing.assert_array_equal(a[:, 2:], expected)


@pytest.mark.parametrize("dtype", FLOATS)
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
    assert sigmoid(np.array([True])).dtype == np.float64


def test_sigmoid_of_infinities_and_nan():
    np.testing.assert_array_equal(sigmoid(np.array([-np.inf, np.inf])), [0, 1])
    assert np.isnan(sigmoid(np.nan))


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
