"""The checkers of notebook 08 accept correct answers and name typical mistakes."""

import numpy as np
import pytest

from lstm_lib.checks import ExerciseError
from lstm_lib.checks.language_model import (
    check_perplexity,
    check_stream_loss,
    check_unigram_perplexity,
)

# ---------- Exercise 8.1: perplexity ----------


def perplexity_reference(probs):
    return float(np.exp(-np.mean(np.log(probs))))


def perplexity_base2(probs):  # another base, used consistently: the same number
    return 2 ** float(-np.mean(np.log2(probs)))


def perplexity_geometric(probs):  # the geometric mean of 1/p, written out
    return float(np.prod(1 / np.asarray(probs)) ** (1 / len(probs)))


@pytest.mark.parametrize("answer", [perplexity_reference, perplexity_base2, perplexity_geometric])
def test_perplexity_accepts_correct_answers(answer, capsys):
    check_perplexity(answer)
    assert capsys.readouterr().out.startswith("Exercise 8.1 passed")


@pytest.mark.parametrize(
    ("wrong", "word"),
    [
        (lambda p: np.exp(-np.sum(np.log(p))), "SUM"),
        (lambda p: np.exp(np.mean(np.log(p))), "sign"),
        (lambda p: np.exp(-np.mean(np.log2(p))), "base"),
        (lambda p: 2 ** (-np.mean(np.log(p))), "base"),
        (lambda p: 1 / np.mean(p), "arithmetic"),
        (lambda p: np.mean(1 / p), "geometric"),
        (lambda p: -np.mean(np.log(p)), "expected"),
        (lambda p: np.exp(-np.log(p)), "one number"),
    ],
)
def test_perplexity_rejects_typical_mistakes(wrong, word):
    with pytest.raises(ExerciseError, match=word):
        check_perplexity(wrong)


def test_perplexity_stub_is_reported_as_not_solved():
    def stub(probs):
        raise NotImplementedError

    with pytest.raises(ExerciseError, match="not solved yet"):
        check_perplexity(stub)


# ---------- Exercise 8.2: the unigram baseline ----------


def unigram_reference(train_ids, test_ids, V):
    counts = np.bincount(train_ids, minlength=V) + 1
    p = counts / counts.sum()
    return float(np.exp(-np.mean(np.log(p[test_ids]))))


def unigram_loop(train_ids, test_ids, V):  # plain Python, log2 and 2 ** consistently
    counts = [1] * V
    for k in train_ids:
        counts[k] += 1
    total = len(train_ids) + V
    bits = sum(-np.log2(counts[k] / total) for k in test_ids) / len(test_ids)
    return 2**bits


@pytest.mark.parametrize("answer", [unigram_reference, unigram_loop])
def test_unigram_accepts_correct_answers(answer, capsys):
    check_unigram_perplexity(answer)
    assert capsys.readouterr().out.startswith("Exercise 8.2 passed")


def _unigram_no_smoothing(train_ids, test_ids, V):
    p = np.bincount(train_ids, minlength=V) / len(train_ids)
    with np.errstate(divide="ignore"):
        return float(np.exp(-np.mean(np.log(p[test_ids]))))


@pytest.mark.parametrize(
    ("wrong", "word"),
    [
        (_unigram_no_smoothing, "smoothing"),
        (lambda tr, te, V: unigram_reference(te, te, V), "TEST"),
        (lambda tr, te, V: float(V), "uniform"),
        (
            lambda tr, te, V: float(
                np.exp(-np.mean(np.log((np.bincount(tr, minlength=V) + 1)[te] / len(tr))))
            ),
            "sum to 1",
        ),
        (lambda tr, te, V: 2 ** np.log(unigram_reference(tr, te, V)), "base"),
    ],
)
def test_unigram_rejects_typical_mistakes(wrong, word):
    with pytest.raises(ExerciseError, match=word):
        check_unigram_perplexity(wrong)


# ---------- Exercise 8.3: the stream loss with the state handed over ----------


def stream_loss_reference(model, ids, batch_size, T):
    L = len(ids) // batch_size
    rows = ids[: batch_size * L].reshape(batch_size, L)
    model.reset_state()
    total = count = 0
    for t in range(0, L - 1, T):
        xs, ts = rows[:, t : t + T], rows[:, t + 1 : t + 1 + T]
        xs = xs[:, : ts.shape[1]]
        total += model.forward(xs, ts) * ts.size
        count += ts.size
    return total / count


def stream_loss_one_chunk(model, ids, batch_size, T):
    """Correct too: with the state carried, chunking does not change the forward pass."""
    L = len(ids) // batch_size
    rows = ids[: batch_size * L].reshape(batch_size, L)
    model.reset_state()
    return model.forward(rows[:, :-1], rows[:, 1:])


@pytest.mark.parametrize("answer", [stream_loss_reference, stream_loss_one_chunk])
def test_stream_loss_accepts_correct_answers(answer, capsys):
    check_stream_loss(answer)
    assert capsys.readouterr().out.startswith("Exercise 8.3 passed")


def _variant(reset_each=False, interleave=False, shift=True, weighted=True, no_reset=False):
    def stream_loss(model, ids, batch_size, T):
        L = len(ids) // batch_size
        body = ids[: batch_size * L]
        rows = body.reshape(L, batch_size).T if interleave else body.reshape(batch_size, L)
        inputs, targets = (rows[:, :-1], rows[:, 1:]) if shift else (rows, rows)
        if not no_reset:
            model.reset_state()
        losses, sizes = [], []
        for t in range(0, inputs.shape[1], T):
            if reset_each:
                model.reset_state()
            losses.append(model.forward(inputs[:, t : t + T], targets[:, t : t + T]))
            sizes.append(targets[:, t : t + T].size)
        return float(np.average(losses, weights=sizes if weighted else None))

    return stream_loss


@pytest.mark.parametrize(
    ("wrong", "word"),
    [
        (_variant(reset_each=True), "not carried"),
        (_variant(interleave=True), "interleaved"),
        (_variant(shift=False), "NEXT"),
        (_variant(weighted=False), "shorter"),
        (_variant(no_reset=True), "left over"),
        (lambda m, ids, n, T: float(np.exp(stream_loss_reference(m, ids, n, T))), "exponential"),
    ],
)
def test_stream_loss_rejects_typical_mistakes(wrong, word):
    with pytest.raises(ExerciseError, match=word):
        check_stream_loss(wrong)
