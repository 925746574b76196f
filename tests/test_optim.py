import numpy as np
import pytest

from lstm_lib import SGD, Adam, clip_grads


@pytest.mark.parametrize("optimizer", [SGD(lr=0.1), Adam(lr=0.1)])
def test_update_is_in_place_and_descends(optimizer):
    w = np.array([3.0, -2.0])
    held = [w]  # what a layer holds: the same array object
    for _ in range(200):
        optimizer.update([w], [2 * w])  # gradient of |w|^2
    assert np.linalg.norm(held[0]) < 0.1  # the held array itself moved to the minimum


def test_adam_first_step_has_size_lr():
    w = np.array([1.0, -1.0])
    Adam(lr=0.01).update([w], [np.array([5.0, -0.001])])
    np.testing.assert_allclose(w, [0.99, -0.99], rtol=1e-4)


def test_adam_keeps_float32():
    w = np.ones(3, dtype=np.float32)
    Adam().update([w], [np.ones(3, dtype=np.float32)])
    assert w.dtype == np.float32


def test_update_refuses_mismatched_lists():
    with pytest.raises(ValueError, match="same length"):
        SGD().update([np.zeros(2)], [])
    with pytest.raises(ValueError, match=r"grads\[0\] must have the shape of params\[0\]"):
        SGD().update([np.zeros(2)], [np.zeros(3)])


def test_clip_grads_scales_all_together_in_place():
    a, b = np.array([3.0, 0.0]), np.array([0.0, 4.0])
    norm = clip_grads([a, b], max_norm=1.0)
    assert norm == pytest.approx(5.0)
    np.testing.assert_allclose(np.sqrt((a**2).sum() + (b**2).sum()), 1.0)
    np.testing.assert_allclose(a / b.sum(), [0.75, 0])  # direction kept
    small = np.array([0.1])
    assert clip_grads([small], 1.0) == pytest.approx(0.1) and small[0] == 0.1
    with pytest.raises(ValueError, match="max_norm must be positive"):
        clip_grads([small], 0)
    with pytest.raises(ValueError, match="NaN or inf"):
        clip_grads([np.array([np.nan, 1.0])], 1.0)


def test_adam_on_float16_weights_stays_finite_and_float16():
    w = np.array([1.0, -1.0, 0.5], dtype=np.float16)
    g = np.array([0.5, 0.0, -300.0], dtype=np.float16)  # a zero and one whose square overflows
    Adam(lr=0.1).update([w], [g])
    assert w.dtype == np.float16 and np.all(np.isfinite(w))
    np.testing.assert_allclose(w, [0.9, -1.0, 0.6], atol=2e-3)


def test_adam_refuses_a_changed_parameter_list():
    adam = Adam()
    adam.update([np.zeros(2), np.zeros(3)], [np.ones(2), np.ones(3)])
    with pytest.raises(ValueError, match=r"holds the state of 2 arrays .* got 1 .* new Adam"):
        adam.update([np.zeros(2)], [np.ones(2)])
    with pytest.raises(ValueError, match=r"shapes \[\(2,\), \(3,\)\], got 2 of shapes"):
        adam.update([np.zeros(2), np.zeros(4)], [np.ones(2), np.ones(4)])


@pytest.mark.parametrize(
    ("make", "error", "message"),
    [
        (lambda: SGD(lr=float("nan")), ValueError, "lr must be a finite number"),
        (lambda: SGD(lr=-0.1), ValueError, "lr must be non-negative"),
        (lambda: SGD(lr="0.1"), TypeError, "lr must be a real number"),
        (lambda: Adam(lr=-1), ValueError, "lr must be non-negative"),
        (lambda: Adam(beta1=1.0), ValueError, r"beta1 must lie in \[0, 1\)"),
        (lambda: Adam(beta2=float("nan")), ValueError, "beta2 must be a finite number"),
        (lambda: Adam(eps=0), ValueError, "eps must be positive"),
    ],
)
def test_bad_hyperparameters_are_refused(make, error, message):
    with pytest.raises(error, match=message):
        make()


@pytest.mark.parametrize("optimizer", [SGD(), Adam()])
def test_update_refuses_what_cannot_be_updated_in_place(optimizer):
    with pytest.raises(TypeError, match=r"params\[0\] must be a floating-point numpy array"):
        optimizer.update([[1.0, 2.0]], [np.ones(2)])
    with pytest.raises(TypeError, match=r"params\[0\] must be .* got int64"):
        optimizer.update([np.array([1, 2])], [np.ones(2)])
    with pytest.raises(TypeError, match=r"grads\[0\] must be a floating-point numpy array"):
        optimizer.update([np.ones(2)], [None])


def test_clip_grads_refuses_a_nan_max_norm_and_handles_float16():
    g = np.array([300.0, 400.0], dtype=np.float16)  # g * g overflows in float16
    with pytest.raises(ValueError, match="max_norm must be a number, got nan"):
        clip_grads([g], float("nan"))
    with pytest.raises(TypeError, match="max_norm must be a real number"):
        clip_grads([g], None)
    assert clip_grads([g], 1.0) == pytest.approx(500.0)
    np.testing.assert_allclose(g, [0.6, 0.8], rtol=1e-3)
    assert clip_grads([g], np.inf) == pytest.approx(1.0, rel=1e-3)
