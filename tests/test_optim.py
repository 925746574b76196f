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
