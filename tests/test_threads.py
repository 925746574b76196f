"""lstm_lib.threads: the training loops and the models run with the BLAS thread count it
chooses, a reader overrides it with LSTM_LIB_THREADS, and the count from before is restored
afterwards."""

import numpy as np
import pytest
from threadpoolctl import threadpool_info, threadpool_limits

from lstm_lib import (
    Adam,
    LanguageModel,
    SequenceRegressor,
    evaluate,
    fit,
    sample,
    train_tbptt,
)
from lstm_lib.threads import ENVIRONMENT, LARGE_STEP, blas_threads, choose_threads


def blas_thread_counts():
    return {pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"}


@pytest.fixture
def two_threads(monkeypatch):
    """BLAS with two threads around the test (tests run with one), no override set."""
    monkeypatch.delenv(ENVIRONMENT, raising=False)
    with threadpool_limits(2, user_api="blas"):
        assert blas_thread_counts() == {2}
        yield


class Weights:
    """Anything with params, as choose_threads reads it."""

    def __init__(self, *shapes):
        self.params = [np.zeros(shape) for shape in shapes]


def test_one_thread_below_the_large_step_and_blas_s_own_count_from_it(monkeypatch):
    monkeypatch.delenv(ENVIRONMENT, raising=False)
    model = Weights((48, 192), (192,), (30, 48))  # the largest matrix has 9216 numbers
    assert choose_threads(model, 16) == 1
    rows = -(-LARGE_STEP // (48 * 192))  # the first row count at or above the large step
    assert choose_threads(model, rows - 1) == 1
    assert choose_threads(model, rows) is None


@pytest.mark.parametrize("value, threads", [("2", 2), (" 3 ", 3), ("1", 1), ("", 1)])
def test_the_environment_variable_overrides_the_rule(monkeypatch, value, threads):
    monkeypatch.setenv(ENVIRONMENT, value)
    assert choose_threads(Weights((4, 4)), 1) == threads
    assert choose_threads(Weights((10_000, 10_000)), 64) == (threads if value.strip() else None)


@pytest.mark.parametrize("value", ["0", "-1", "two", "1.5", "auto"])
def test_a_wrong_override_names_the_variable(monkeypatch, value):
    monkeypatch.setenv(ENVIRONMENT, value)
    with pytest.raises(ValueError, match=f"{ENVIRONMENT} must be a positive integer.*{value!r}"):
        choose_threads(Weights((4, 4)), 1)


def test_the_block_limits_blas_and_restores_it(two_threads):
    small = Weights((16, 64))
    with blas_threads(small, 8):
        assert blas_thread_counts() == {1}
    assert blas_thread_counts() == {2}
    with pytest.raises(KeyError), blas_threads(small, 8):
        raise KeyError("inside")
    assert blas_thread_counts() == {2}
    with blas_threads(Weights((10_000, 10_000)), 64):  # large: BLAS keeps its count
        assert blas_thread_counts() == {2}


def test_the_override_applies_inside_the_block(two_threads, monkeypatch):
    monkeypatch.setenv(ENVIRONMENT, "2")
    with blas_threads(Weights((16, 64)), 8):
        assert blas_thread_counts() == {2}


class Recording(LanguageModel):
    """A language model that notes the BLAS thread counts its predict runs with (in a list
    of the class, so that sample's copy of the model writes to it too)."""

    seen = []

    def predict(self, xs):
        self.seen.append(blas_thread_counts())
        return super().predict(xs)


def test_every_loop_of_training_runs_with_one_thread_at_the_book_s_sizes(two_threads):
    ids = np.random.default_rng(0).integers(0, 6, 200)
    for run in (
        lambda m: train_tbptt(m, Adam(0.01), ids, 4, 8, epochs=1, val_ids=ids[:60]),
        lambda m: evaluate(m, ids, batch_size=2),
        lambda m: sample(m, ids[:3], 5, np.random.default_rng(1)),
    ):
        Recording.seen.clear()
        run(Recording.lstm(6, 4, 5, np.random.default_rng(2)))
        assert Recording.seen and all(counts == {1} for counts in Recording.seen)
        assert blas_thread_counts() == {2}


def recording(layer, seen):
    """Make layer note the BLAS thread counts of its forward and backward in seen."""
    forward, backward = layer.forward, layer.backward
    layer.forward = lambda xs: (seen.append(blas_thread_counts()), forward(xs))[1]
    layer.backward = lambda dhs: (seen.append(blas_thread_counts()), backward(dhs))[1]


def test_fit_and_a_model_called_directly_multiply_with_one_thread(two_threads):
    rng = np.random.default_rng(3)
    xs, ts = rng.standard_normal((8, 5, 2)), rng.standard_normal((8, 1))
    model, seen = SequenceRegressor.lstm(2, 4, 1, rng), []
    recording(model.stack.layers[0], seen)
    fit(model, Adam(0.01), xs, ts, steps=2, batch_size=4, rng=rng)
    model.forward(xs, ts)  # outside any loop: the model limits the threads itself
    model.backward()
    assert seen == [{1}] * 6
    language, seen = LanguageModel.lstm(6, 4, 5, rng, layers=2), []
    recording(language.stack.layers[1], seen)
    ids = rng.integers(0, 6, (3, 7))
    language.forward(ids[:, :-1], ids[:, 1:])
    language.backward()
    assert seen == [{1}] * 2
    assert blas_thread_counts() == {2}
