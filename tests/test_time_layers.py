"""The time layers (TimeRNN, TimeLSTM, TimeGRU, TimeVariantLSTM and FastTimeLSTM): each subclass
goes through its parent's constructor, every layer keeps its own copy of xs, and a switch is
True or False, never a string that Python would count as true."""

import numpy as np
import pytest

from lstm_lib import FastTimeLSTM, TimeLSTM, TimeRNN, init_lstm_params, init_rnn_params
from lstm_lib.gru import TimeGRU, init_gru_params
from lstm_lib.validation import check_switch
from lstm_lib.variants import TimeVariantLSTM

D, H = 3, 4


def _time_rnn(rng, **kwargs):
    return TimeRNN(*init_rnn_params(D, H, rng), **kwargs)


def _time_lstm(rng, **kwargs):
    return TimeLSTM(*init_lstm_params(D, H, rng), **kwargs)


def _time_gru(rng, **kwargs):
    params = [p + 0.3 * rng.standard_normal(p.shape) for p in init_gru_params(D, H, rng, True)]
    return TimeGRU(*params, reset_after=True, **kwargs)


def _time_variant(rng, **kwargs):
    P = 0.5 * rng.standard_normal((3, H))
    return TimeVariantLSTM(*init_lstm_params(D, H, rng), P, peephole=True, **kwargs)


MAKERS = {"TimeRNN": _time_rnn, "TimeLSTM": _time_lstm, "TimeGRU": _time_gru}
MAKERS["TimeVariantLSTM"] = _time_variant
MAKERS["FastTimeLSTM"] = lambda rng, **kwargs: FastTimeLSTM(*init_lstm_params(D, H, rng), **kwargs)


def _backward(layer, xs, dhs, change_xs):
    """layer.forward(xs), xs changed in place if change_xs, then backward: dxs, grads, dh."""
    layer.forward(xs)
    if change_xs:
        xs *= -3.0  # the caller reuses its buffer between forward and backward
    dxs = layer.backward(dhs)
    return [dxs, *(g.copy() for g in layer.grads), layer.dh]


@pytest.mark.parametrize("name", list(MAKERS))
def test_changing_xs_after_forward_leaves_backward_unchanged(name, rng):
    """CONVENTIONS §2.1: a layer keeps its own copy of what it needs for backward."""
    layer = MAKERS[name](rng)
    xs, dhs = rng.standard_normal((2, 5, D)), rng.standard_normal((2, 5, H))
    expected = _backward(layer, xs.copy(), dhs, change_xs=False)
    got = _backward(layer, xs.copy(), dhs, change_xs=True)
    for a, b in zip(got, expected, strict=True):
        np.testing.assert_array_equal(a, b)


@pytest.mark.parametrize("name", list(MAKERS))
def test_stateful_is_true_or_false(name, rng):
    for value in ("False", 0, None):
        with pytest.raises(TypeError, match=f"stateful must be True or False, got {value!r}"):
            MAKERS[name](rng, stateful=value)
    assert MAKERS[name](rng, stateful=np.bool_(True)).stateful is True


@pytest.mark.parametrize(("subclass", "parent"), [(TimeGRU, TimeRNN), (TimeVariantLSTM, TimeLSTM)])
def test_a_subclass_goes_through_its_parents_constructor(subclass, parent, rng, monkeypatch):
    calls = []
    original = parent.__init__

    def counting(self, *args, **kwargs):
        calls.append(type(self))
        original(self, *args, **kwargs)

    monkeypatch.setattr(parent, "__init__", counting)
    maker = _time_gru if subclass is TimeGRU else _time_variant
    layer = maker(rng)
    assert calls == [subclass]
    layer.forward(rng.standard_normal((2, 3, D)))
    for step in layer.layers:  # every step shares the layer's arrays
        assert type(step).__name__ == subclass.__name__[4:]
        assert all(p is q for p, q in zip(step.params, layer.params, strict=True))


def test_the_first_step_checks_the_weights(rng):
    Wx, Wh, b = init_gru_params(D, H, rng)
    with pytest.raises(ValueError, match=r"Wx must have shape \(D, 3H\)"):
        TimeGRU(Wx[:, :-1], Wh, b)
    with pytest.raises(ValueError, match="b_hg is only used with reset_after=True"):
        TimeGRU(Wx, Wh, b, np.zeros(H))
    Wx, Wh, b = init_lstm_params(D, H, rng)
    with pytest.raises(ValueError, match=r"P must have shape .*, got \(4, 3\)"):
        TimeVariantLSTM(Wx, Wh, b, np.zeros((H, 3)), peephole=True)
    with pytest.raises(ValueError, match=r"Wh must have shape \(H=4, 4H=16\)"):
        TimeLSTM(Wx, Wh[:, :-4], b)


@pytest.mark.parametrize("value", [True, False, np.bool_(True), np.bool_(False)])
def test_check_switch_accepts_python_and_numpy_bools(value):
    result = check_switch("flag", value)
    assert type(result) is bool and result == bool(value)


@pytest.mark.parametrize("value", ["False", "no", 0, 1, 1.0, None, np.array([True])])
def test_check_switch_refuses_everything_else(value):
    with pytest.raises(TypeError, match=r"flag must be True or False, got "):
        check_switch("flag", value)
