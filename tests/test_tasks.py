"""The bracket language of notebook 08: balanced, within its vocabulary, reproducible."""

import numpy as np
import pytest

from lstm_lib.tasks import (
    bracket_depths,
    bracket_language,
    bracket_vocabulary,
    decode,
    depth_letters,
    encode,
    first_bracket_error,
    is_balanced,
    next_symbol_probs,
    word_language,
    word_vocabulary,
)


@pytest.mark.parametrize("max_depth", [1, 3, 5])
@pytest.mark.parametrize("n_chars", [0, 1, 2, 7, 3000])
def test_output_is_balanced_within_depth_and_vocabulary(max_depth, n_chars):
    text = bracket_language(n_chars, np.random.default_rng(n_chars), max_depth=max_depth)
    assert len(text) == n_chars
    assert is_balanced(text)
    assert set(text) <= set(bracket_vocabulary(max_depth))
    depths = bracket_depths(text)
    assert n_chars == 0 or (depths.min() >= 0 and depths.max() <= max_depth)


def test_letters_follow_the_depth():
    text = bracket_language(5000, np.random.default_rng(1))
    depths = bracket_depths(text)
    for symbol, depth in zip(text, depths, strict=True):
        if symbol.isalpha():
            assert symbol in depth_letters(int(depth))
    assert depths.max() == 3  # every depth is visited in a long stream


def test_frequencies_follow_the_grammar():
    text = bracket_language(20000, np.random.default_rng(2))
    depths = np.concatenate([[0], bracket_depths(text)[:-1]])  # depth before each symbol
    at_zero = [s for s, d in zip(text, depths, strict=True) if d == 0]
    share_open = np.mean([s in "([" for s in at_zero])
    assert share_open == pytest.approx(0.2, abs=0.02)


def test_same_seed_same_text():
    a = bracket_language(500, np.random.default_rng(7))
    b = bracket_language(500, np.random.default_rng(7))
    assert a == b != bracket_language(500, np.random.default_rng(8))


def test_next_symbol_probs_sum_to_one():
    for stack in ["", "(", "([", "([("]:
        probs = next_symbol_probs(stack)
        assert sum(probs.values()) == pytest.approx(1.0)
    assert next_symbol_probs("([")["]"] == pytest.approx(0.2)
    assert ")" not in next_symbol_probs("([") and "(" not in next_symbol_probs("([(")
    with pytest.raises(ValueError, match="max_depth"):
        next_symbol_probs("((((")


def test_depths_and_bracket_errors():
    np.testing.assert_array_equal(bracket_depths("a(b[c])"), [0, 1, 1, 2, 2, 1, 0])
    assert first_bracket_error("a(b[c])") == -1
    assert first_bracket_error("(]") == 1
    assert first_bracket_error("a)") == 1
    assert first_bracket_error("(a[") == 3
    assert first_bracket_error("(a[", complete=False) == -1
    assert not is_balanced("([)]")


def test_encode_decode_round_trip():
    vocabulary = bracket_vocabulary()
    assert vocabulary == "()[]abcdefgh"
    ids = encode("a(c)", vocabulary)
    np.testing.assert_array_equal(ids, [4, 0, 6, 1])
    assert ids.dtype == np.int64
    assert decode(ids, vocabulary) == "a(c)"


def test_bad_input_fails_with_a_clear_message():
    rng = np.random.default_rng(0)
    with pytest.raises(ValueError, match="max_depth"):
        bracket_language(10, rng, max_depth=0)
    with pytest.raises(TypeError, match="max_depth must be an integer, got 2.5"):
        bracket_language(10, rng, max_depth=2.5)
    with pytest.raises(ValueError, match="p_open"):
        bracket_language(10, rng, p_open=0.6, p_close=0.5)
    with pytest.raises(ValueError, match="n_chars"):
        bracket_language(-1, rng)
    with pytest.raises(TypeError, match="Generator"):
        bracket_language(10, 0)
    with pytest.raises(ValueError, match="outside the vocabulary"):
        encode("a{b}", bracket_vocabulary())
    with pytest.raises(ValueError, match="V=12"):
        decode([0, 12], bracket_vocabulary())
    with pytest.raises(TypeError, match="integers"):
        decode(np.array([0.0]), bracket_vocabulary())


def test_word_language_follows_its_grammar_and_probabilities(rng):
    tokens, log_probs = word_language(500, rng)
    assert len(tokens) == len(log_probs) and set(tokens) <= set(word_vocabulary())
    assert np.all(log_probs <= 0)
    sentences = " ".join(tokens).split(" . ")
    for sentence in sentences[:50]:
        words = sentence.replace(" .", "").split()
        subject_plural = words[0] in ("some", "these", "many")
        verb = next(
            w
            for w in words
            if w.rstrip("s") in ("see", "like", "find", "hear", "follow", "paint", "know", "want")
        )
        assert verb.endswith("s") != subject_plural
    assert 5 < np.exp(-log_probs.mean()) < 8
    with pytest.raises(ValueError, match="n_sentences"):
        word_language(0, rng)
