"""The LSTM variants: each backward checked numerically, each option does what it says."""

import numpy as np
import pytest

from lstm_lib import LSTM, TimeLSTM, check_layer_gradients, init_lstm_params
from lstm_lib.variants import VARIANTS, TimeVariantLSTM, VariantLSTM


def _setup(rng, peephole):
    Wx, Wh, b = init_lstm_params(4, 5, rng)
    b = b + 0.5 * rng.standard_normal(b.shape)
    P = 0.5 * rng.standard_normal((3, 5)) if peephole else None
    return Wx, Wh, b, P


@pytest.mark.parametrize("name", list(VARIANTS))
def test_every_variant_step_and_sequence_passes_the_gradient_check(name, rng):
    options = VARIANTS[name]
    Wx, Wh, b, P = _setup(rng, options.get("peephole", False))
    x, h, c = (rng.standard_normal((3, k)) for k in (4, 5, 5))
    report = check_layer_gradients(VariantLSTM(Wx, Wh, b, P, **options), (x, h, c), rng)
    assert report.passed, str(report)
    assert ("P" in report.errors) == ("peephole" in options)
    layer = TimeVariantLSTM(Wx, Wh, b, P, **options)
    report = check_layer_gradients(layer, (rng.standard_normal((3, 6, 4)),), rng)
    assert report.passed, str(report)


def test_all_options_off_is_the_book_lstm(lstm_setup, rng):
    Wx, Wh, b, x, h, c = lstm_setup
    variant, lstm = VariantLSTM(Wx, Wh, b), LSTM(Wx, Wh, b)
    for a, b_ in zip(variant.forward(x, h, c), lstm.forward(x, h, c), strict=True):
        np.testing.assert_allclose(a, b_, rtol=0, atol=1e-14)
    dh, dc = rng.standard_normal(h.shape), rng.standard_normal(c.shape)
    for a, b_ in zip(variant.backward(dh, dc), lstm.backward(dh, dc), strict=True):
        np.testing.assert_allclose(a, b_, rtol=0, atol=1e-13)
    xs = rng.standard_normal((3, 7, 4))
    np.testing.assert_allclose(
        TimeVariantLSTM(Wx, Wh, b).forward(xs), TimeLSTM(Wx, Wh, b).forward(xs), atol=1e-14
    )


def test_each_option_changes_its_part(lstm_setup):
    Wx, Wh, b, x, h, c = lstm_setup
    ones = np.ones_like(h)
    cell = VariantLSTM(Wx, Wh, b, coupled=True)
    cell.forward(x, h, c)
    np.testing.assert_allclose(cell.i, 1 - cell.f)
    cell = VariantLSTM(Wx, Wh, b, forget_gate=False)
    _, c_next = cell.forward(x, h, c)
    np.testing.assert_array_equal(cell.f, ones)
    np.testing.assert_allclose(c_next, c + cell.g * cell.i)
    for option, part in (("input_gate", "i"), ("output_gate", "o")):
        cell = VariantLSTM(Wx, Wh, b, **{option: False})
        cell.forward(x, h, c)
        np.testing.assert_array_equal(getattr(cell, part), ones)
    cell = VariantLSTM(Wx, Wh, b, output_activation=False)
    h_next, c_next = cell.forward(x, h, c)
    np.testing.assert_allclose(h_next, cell.o * c_next)


def test_zero_peepholes_change_nothing_and_switched_off_blocks_get_no_gradient(lstm_setup, rng):
    Wx, Wh, b, x, h, c = lstm_setup
    plain = VariantLSTM(Wx, Wh, b).forward(x, h, c)
    peep = VariantLSTM(Wx, Wh, b, np.zeros((3, 5)), peephole=True).forward(x, h, c)
    for a, b_ in zip(plain, peep, strict=True):
        np.testing.assert_array_equal(a, b_)
    H = 5
    for options, block in (
        ({"coupled": True}, 2),
        ({"forget_gate": False}, 0),
        ({"output_gate": False}, 3),
    ):
        cell = VariantLSTM(Wx, Wh, b, **options)
        cell.forward(x, h, c)
        cell.backward(rng.standard_normal(h.shape), rng.standard_normal(c.shape))
        assert not np.any(cell.grads[0][:, block * H : (block + 1) * H])


def test_bad_options_are_named(lstm_setup):
    Wx, Wh, b, *_ = lstm_setup
    with pytest.raises(ValueError, match="unknown options"):
        VariantLSTM(Wx, Wh, b, peepholes=True)
    with pytest.raises(ValueError, match="coupled=True"):
        VariantLSTM(Wx, Wh, b, coupled=True, forget_gate=False)
    with pytest.raises(ValueError, match="only used with peephole"):
        VariantLSTM(Wx, Wh, b, np.zeros((3, 5)))
    with pytest.raises(ValueError, match="P must have shape"):
        VariantLSTM(Wx, Wh, b, np.zeros((5, 3)), peephole=True)


@pytest.mark.parametrize("name", list(VARIANTS))
def test_the_step_keeps_copies_and_shows_copies(name, rng):
    """CONVENTIONS §2.1: changing the inputs, the results or f, g, i, o leaves backward alone."""
    options = VARIANTS[name]
    Wx, Wh, b, P = _setup(rng, options.get("peephole", False))
    inputs = [rng.standard_normal((3, k)) for k in (4, 5, 5)]
    dh, dc = rng.standard_normal((3, 5)), rng.standard_normal((3, 5))
    untouched = VariantLSTM(Wx, Wh, b, P, **options)
    untouched.forward(*(a.copy() for a in inputs))
    expected = [*untouched.backward(dh, dc), *(g.copy() for g in untouched.grads)]
    step = VariantLSTM(Wx, Wh, b, P, **options)
    given = [a.copy() for a in inputs]
    results = step.forward(*given)
    for array in (*given, *results, step.f, step.g, step.i, step.o):
        array *= -3.0
    for a, b_ in zip([*step.backward(dh, dc), *step.grads], expected, strict=True):
        np.testing.assert_array_equal(a, b_)


@pytest.mark.parametrize("option", ["peephole", "coupled", "forget_gate", "output_activation"])
def test_every_option_is_true_or_false(option, lstm_setup):
    Wx, Wh, b, *_ = lstm_setup
    for make in (VariantLSTM, TimeVariantLSTM):
        with pytest.raises(TypeError, match=f"{option} must be True or False, got 'False'"):
            make(Wx, Wh, b, **{option: "False"})
    assert VariantLSTM(Wx, Wh, b, **{option: np.bool_(True)}).options[option] is True
