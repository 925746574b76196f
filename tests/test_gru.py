"""The GRU: both reset-gate formulations gradient-checked, and PyTorch's GRU reproduced."""

import importlib.util

import numpy as np
import pytest

from lstm_lib import check_layer_gradients
from lstm_lib.gru import GRU, TimeGRU, gru_from_pytorch, init_gru_params

TOL = 1e-7

# A tiny torch.nn.GRU(2, 2, batch_first=True) in float64 with these arrays (rows r, z, n),
# run once with torch 2.13.0 on xs below; its output is stored as literal numbers.
W_IH = [[0.5, -0.3], [0.2, 0.8], [-0.6, 0.1], [0.4, 0.4], [-0.2, 0.7], [0.9, -0.5]]
W_HH = [[0.3, -0.1], [0.6, 0.2], [-0.4, 0.5], [0.1, -0.7], [0.8, 0.3], [-0.2, 0.6]]
B_IH = [0.1, -0.2, 0.3, 0.0, -0.1, 0.2]
B_HH = [-0.3, 0.1, 0.2, 0.4, 0.5, -0.4]
XS = [[[1.0, -0.5], [0.3, 0.8], [-1.2, 0.4]]]
TORCH_OUTPUT = [
    [
        [-0.17823829746, 0.293177339956],
        [0.067681629731, 0.173065700233],
        [0.165631754951, -0.344820401819],
    ]
]


def _params(rng, D, H, reset_after):
    # nonzero biases, so that every term of the step matters
    return [p + 0.3 * rng.standard_normal(p.shape) for p in init_gru_params(D, H, rng, reset_after)]


@pytest.mark.parametrize("reset_after", [False, True])
def test_gru_step_and_sequence_gradients(reset_after, rng):
    params = _params(rng, 4, 5, reset_after)
    step = GRU(*params, reset_after=reset_after)
    x, h = rng.standard_normal((3, 4)), rng.standard_normal((3, 5))
    report = check_layer_gradients(step, (x, h), rng)
    assert list(report.errors)[:3] == ["Wx", "Wh", "b"]
    assert len(report.errors) == (6 if reset_after else 5)
    assert report.passed, str(report)
    layer = TimeGRU(*params, reset_after=reset_after)
    report = check_layer_gradients(layer, (rng.standard_normal((3, 6, 4)),), rng)
    assert report.passed, str(report)


@pytest.mark.parametrize("reset_after", [False, True])
def test_time_gru_is_a_loop_of_steps_and_exposes_its_gates(reset_after, rng):
    params = _params(rng, 3, 4, reset_after)
    xs = rng.standard_normal((2, 5, 3))
    hs = TimeGRU(*params, reset_after=reset_after).forward(xs)
    step, h = GRU(*params, reset_after=reset_after), np.zeros((2, 4))
    for t in range(5):
        h = step.forward(xs[:, t], h)
        np.testing.assert_allclose(hs[:, t], h, rtol=0, atol=1e-14)
        np.testing.assert_allclose(h, step.z * (hs[:, t - 1] if t else 0) + (1 - step.z) * step.g)
        assert np.all((step.r > 0) & (step.r < 1)) and np.all(np.abs(step.g) < 1)


def test_the_two_formulations_differ_and_agree_when_the_reset_is_open(rng):
    Wx, Wh, b = _params(rng, 3, 4, False)
    xs = rng.standard_normal((2, 5, 3))
    before = TimeGRU(Wx, Wh, b).forward(xs)
    after = TimeGRU(Wx, Wh, b, np.zeros(4), reset_after=True).forward(xs)
    assert np.abs(before - after).max() > 1e-3
    b_open = b.copy()
    b_open[4:8] = 50.0  # r = 1: (r ⊙ h) W = r ⊙ (h W)
    np.testing.assert_allclose(
        TimeGRU(Wx, Wh, b_open).forward(xs),
        TimeGRU(Wx, Wh, b_open, reset_after=True).forward(xs),
        rtol=0,
        atol=1e-12,
    )


def test_stateful_gru_carries_h(rng):
    params = _params(rng, 3, 4, True)
    xs = rng.standard_normal((2, 6, 3))
    whole = TimeGRU(*params, reset_after=True).forward(xs)
    layer = TimeGRU(*params, reset_after=True, stateful=True)
    parts = np.concatenate([layer.forward(xs[:, :2]), layer.forward(xs[:, 2:])], axis=1)
    np.testing.assert_allclose(parts, whole, rtol=0, atol=1e-14)
    layer.reset_state()
    np.testing.assert_allclose(
        layer.forward(xs[:, 2:]), TimeGRU(*params, reset_after=True).forward(xs[:, 2:])
    )


def test_gru_from_pytorch_matches_stored_torch_output():
    layer = gru_from_pytorch(np.array(W_IH), np.array(W_HH), np.array(B_IH), np.array(B_HH))
    assert layer.reset_after
    np.testing.assert_allclose(layer.forward(np.array(XS)), TORCH_OUTPUT, rtol=0, atol=1e-11)


@pytest.mark.skipif(importlib.util.find_spec("torch") is None, reason="torch is not installed")
def test_gru_from_pytorch_matches_live_torch_forward_and_backward():
    import torch

    torch.manual_seed(0)
    gru = torch.nn.GRU(4, 6, batch_first=True).double()
    xs = torch.randn(3, 5, 4, dtype=torch.float64, requires_grad=True)
    out, _ = gru(xs)
    dout = torch.randn(3, 5, 6, dtype=torch.float64)
    (out * dout).sum().backward()
    arrays = (gru.weight_ih_l0, gru.weight_hh_l0, gru.bias_ih_l0, gru.bias_hh_l0)
    layer = gru_from_pytorch(*(p.detach().numpy() for p in arrays))
    np.testing.assert_allclose(layer.forward(xs.detach().numpy()), out.detach().numpy(), atol=1e-12)
    np.testing.assert_allclose(layer.backward(dout.numpy()), xs.grad.numpy(), atol=1e-12)


def test_bad_arguments_are_named(rng):
    with pytest.raises(ValueError, match="weight_ih must have shape"):
        gru_from_pytorch(np.zeros((4, 2)), np.zeros((4, 1)), np.zeros(4), np.zeros(4))
    with pytest.raises(ValueError, match="bias_hh"):
        gru_from_pytorch(np.zeros((6, 2)), np.zeros((6, 2)), np.zeros(6), np.zeros(5))
    with pytest.raises(ValueError, match="Wx must have shape"):
        GRU(np.zeros((3, 4)), np.zeros((4, 4)), np.zeros(4))
    with pytest.raises(ValueError, match="b_hg is only used"):
        GRU(*init_gru_params(2, 3, rng), b_hg=np.zeros(3))
    with pytest.raises(ValueError, match="xs must have shape"):
        TimeGRU(*init_gru_params(2, 3, rng)).forward(np.zeros((4, 2)))
    with pytest.raises(ValueError, match="at least one time step"):
        TimeGRU(*init_gru_params(2, 3, rng)).forward(np.zeros((4, 0, 2)))
    with pytest.raises(RuntimeError, match="before forward"):
        GRU(*init_gru_params(2, 3, rng)).backward(np.zeros((1, 3)))


@pytest.mark.parametrize("reset_after", [False, True])
def test_the_step_keeps_copies_and_shows_copies(reset_after, rng):
    """CONVENTIONS §2.1: changing the inputs, the result or z, r, g leaves backward alone."""
    params = _params(rng, 3, 4, reset_after)
    x, h, dh = rng.standard_normal((2, 3)), rng.standard_normal((2, 4)), rng.standard_normal((2, 4))
    untouched = GRU(*params, reset_after=reset_after)
    untouched.forward(x.copy(), h.copy())
    expected = [*untouched.backward(dh), *(g.copy() for g in untouched.grads)]
    step = GRU(*params, reset_after=reset_after)
    x_given, h_given = x.copy(), h.copy()
    h_next = step.forward(x_given, h_given)
    for array in (x_given, h_given, h_next, step.z, step.r, step.g):
        array *= -3.0
    for a, b in zip([*step.backward(dh), *step.grads], expected, strict=True):
        np.testing.assert_array_equal(a, b)


def test_the_step_trusts_its_caller(rng):
    """CONVENTIONS §2.2: the step checks nothing; a wrong shape is NumPy's own error."""
    step = GRU(*init_gru_params(2, 3, rng))
    with pytest.raises(ValueError, match="matmul"):
        step.forward(np.zeros((4, 5)), np.zeros((4, 3)))


@pytest.mark.parametrize(
    "make",
    [
        lambda p: GRU(*p, reset_after="False"),
        lambda p: TimeGRU(*p, reset_after="False"),
        lambda p: TimeGRU(*p, reset_after=1),
    ],
)
def test_reset_after_is_true_or_false(make, rng):
    with pytest.raises(TypeError, match="reset_after must be True or False, got "):
        make(init_gru_params(2, 3, rng))


def test_init_gru_params_takes_reset_after_as_true_or_false(rng):
    with pytest.raises(TypeError, match="reset_after must be True or False, got 'no'"):
        init_gru_params(2, 3, rng, reset_after="no")
    assert len(init_gru_params(2, 3, rng, reset_after=np.bool_(True))) == 4


@pytest.mark.parametrize("dtype", [np.int32, bool, np.complex128, object, "not a dtype"])
def test_init_gru_params_refuses_a_dtype_that_is_not_floating(dtype, rng):
    with pytest.raises(TypeError, match="dtype must be a floating-point dtype"):
        init_gru_params(2, 3, rng, dtype=dtype)
    assert all(p.dtype == np.float32 for p in init_gru_params(2, 3, rng, True, np.float32))
