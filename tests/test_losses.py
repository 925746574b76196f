"""The two losses refuse what they cannot average instead of returning NaN with a warning."""

import warnings

import numpy as np
import pytest

from lstm_lib import MeanSquaredError, SoftmaxCrossEntropy


@pytest.mark.parametrize("shape", [(0,), (0, 3), (4, 0)])
def test_mean_squared_error_of_an_empty_batch_is_refused(shape):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(ValueError, match="y and t must hold at least one entry"):
            MeanSquaredError().forward(np.zeros(shape), np.zeros(shape))


@pytest.mark.parametrize("shape", [(0, 5), (2, 0, 5)])
def test_cross_entropy_of_an_empty_batch_is_refused(shape):
    targets = np.zeros(shape[:-1], dtype=np.int64)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(ValueError, match="at least one position"):
            SoftmaxCrossEntropy().forward(np.zeros(shape), targets)


@pytest.mark.parametrize("scores", [np.float64(1.5), np.zeros((3, 0))])
def test_cross_entropy_needs_a_class_axis(scores):
    targets = np.zeros(np.shape(scores)[:-1], dtype=np.int64)
    with pytest.raises(ValueError, match=r"scores must have shape \(\.\.\., V\) with V >= 1"):
        SoftmaxCrossEntropy().forward(scores, targets)


def test_losses_still_average_a_single_entry():
    assert MeanSquaredError().forward(np.array([3.0]), np.array([1.0])) == 4.0
    loss = SoftmaxCrossEntropy()
    assert loss.forward(np.zeros((1, 4)), np.array([2])) == pytest.approx(np.log(4))
    np.testing.assert_allclose(loss.backward(), [[0.25, 0.25, -0.75, 0.25]])
