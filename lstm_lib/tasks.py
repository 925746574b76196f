"""Synthetic data sets, generated on the spot from an explicit ``rng``: nothing is downloaded.

The adding problem trains the LSTM of notebook 06, the bracket language is the text of the
capstone language model in notebook 08, and the word language that of notebook 10.
"""

import numpy as np

from .validation import check_float_dtype, check_integer, check_number, check_rng, check_switch


def adding_problem(N, T, rng, dtype=np.float64):
    """The adding problem (Hochreiter and Schmidhuber, 1997): add two marked numbers.

    Each of the N sequences has T steps with two features: a value drawn uniformly from
    [0, 1] and a marker that is 1 at exactly two positions, one in the first half and one in
    the second half of the sequence, and 0 elsewhere. The target is the sum of the two
    marked values. Predicting the mean, 1, gives a mean squared error of 1/6 (the variance
    of a sum of two uniform numbers): a model must beat that to have learned anything.

    Returns ``xs`` (N, T, 2) and ``ys`` (N, 1) of the floating-point ``dtype``.
    """
    check_rng(rng)
    N = check_integer("N", N, minimum=1)
    T = check_integer("T", T, minimum=2)  # room for two markers
    dtype = check_float_dtype("dtype", dtype)
    values = rng.random((N, T))
    markers = np.zeros((N, T))
    half = T // 2
    rows = np.arange(N)
    markers[rows, rng.integers(0, half, N)] = 1
    markers[rows, rng.integers(half, T, N)] = 1
    xs = np.stack([values, markers], axis=-1).astype(dtype)
    ys = (values * markers).sum(axis=1, keepdims=True).astype(dtype)
    return xs, ys


#: the two kinds of bracket of bracket_language: opening -> closing
BRACKETS = {"(": ")", "[": "]"}
_OPENING = {close: open_ for open_, close in BRACKETS.items()}
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _check_depth(max_depth):
    if not 1 <= check_integer("max_depth", max_depth, minimum=None) <= 12:
        raise ValueError(f"max_depth must be an integer in [1, 12], got {max_depth!r}")


def _check_text(name, text):
    if not isinstance(text, str):
        raise TypeError(f"{name} must be a string of symbols, got {type(text).__name__}")


def _check_probabilities(p_open, p_close):
    p_open, p_close = check_number("p_open", p_open), check_number("p_close", p_close)
    if not (0 < p_open < 1 and 0 < p_close < 1 and p_open + p_close < 1):
        raise ValueError(
            "p_open and p_close must lie in (0, 1) with p_open + p_close < 1, "
            f"got {p_open} and {p_close}"
        )


def depth_letters(depth):
    """The two letters written at nesting ``depth``: 0 -> "ab", 1 -> "cd", 2 -> "ef", ..."""
    if not 0 <= check_integer("depth", depth, minimum=None) <= 12:
        raise ValueError(f"depth must be an integer in [0, 12], got {depth!r}")
    return _LETTERS[2 * depth : 2 * depth + 2]


def bracket_vocabulary(max_depth=3):
    """The V symbols of bracket_language: ``"()[]"``, then the letters of each depth.

    Depths 0 to ``max_depth`` have two letters each, so V = 4 + 2 (max_depth + 1); for
    ``max_depth=3`` the vocabulary is ``"()[]abcdefgh"`` (V = 12). A symbol's id is its index.
    """
    _check_depth(max_depth)
    return "()[]" + _LETTERS[: 2 * (max_depth + 1)]


def next_symbol_probs(open_brackets, max_depth=3, p_open=0.2, p_close=0.2):
    """The grammar's distribution of the next symbol, given the brackets that are open.

    ``open_brackets`` is the string of open brackets, outermost first (``"(["`` means depth
    2, innermost ``[``). Returns a dict symbol -> probability (the symbols with probability
    zero are left out); see bracket_language for the rules.
    """
    _check_depth(max_depth)
    _check_probabilities(p_open, p_close)
    if not isinstance(open_brackets, str) or set(open_brackets) - set(BRACKETS):
        raise ValueError(
            f"open_brackets must be a string of opening brackets {''.join(BRACKETS)!r}, "
            f"got {open_brackets!r}"
        )
    if len(open_brackets) > max_depth:
        raise ValueError(f"{len(open_brackets)} open brackets is deeper than max_depth={max_depth}")
    return _next_symbol_probs(open_brackets, max_depth, p_open, p_close)


def _next_symbol_probs(open_brackets, max_depth, p_open, p_close):
    """next_symbol_probs without the checks (the generator's inner loop)."""
    depth = len(open_brackets)
    probs = {}
    p_letter = 1.0
    if depth < max_depth:
        for open_ in BRACKETS:
            probs[open_] = p_open / len(BRACKETS)
        p_letter -= p_open
    if depth > 0:
        probs[BRACKETS[open_brackets[-1]]] = p_close
        p_letter -= p_close
    for letter in depth_letters(depth):
        probs[letter] = p_letter / 2
    return probs


def bracket_language(n_chars, rng, max_depth=3, p_open=0.2, p_close=0.2):
    """A stream of ``n_chars`` symbols of a small bracket language, as a string.

    The grammar: balanced round and square brackets ``( ) [ ]``, nested at most
    ``max_depth`` deep, with lower-case letters between them. At nesting depth d the next
    symbol is

    * an opening bracket, ``(`` or ``[`` with equal chance, with probability ``p_open``
      (never at depth ``max_depth``);
    * the bracket that closes the innermost open one, with probability ``p_close``
      (never at depth 0);
    * otherwise one of the two letters of depth d, ``depth_letters(d)`` (``ab`` at depth 0,
      ``cd`` at depth 1, ...), with equal chance.

    A model that predicts well must therefore remember which brackets are open (to close the
    right one) and how deep it is (to expect the right letters). In the last few symbols
    the generator only closes what is still open, so the string is always balanced. It uses
    only the symbols of ``bracket_vocabulary(max_depth)``. Example (``max_depth=3``):
    ``ab(cdc[eef]dd)ba[c(e)]``.
    """
    check_rng(rng)
    _check_depth(max_depth)
    _check_probabilities(p_open, p_close)
    n_chars = check_integer("n_chars", n_chars, minimum=0)
    stack, out = "", []
    for k, u in enumerate(rng.random(n_chars)):
        remaining = n_chars - k
        probs = _next_symbol_probs(stack, max_depth, p_open, p_close)
        if len(stack) >= remaining:  # only room left to close what is open
            probs = {BRACKETS[stack[-1]]: 1.0}
        elif len(stack) + 2 > remaining:  # a bracket opened now could not be closed in time
            probs = {s: p for s, p in probs.items() if s not in BRACKETS}
        total = sum(probs.values())
        symbol = list(probs)[-1]
        for candidate, p in probs.items():  # invert the cumulative distribution at u
            u -= p / total
            if u < 0:
                symbol = candidate
                break
        if symbol in BRACKETS:
            stack += symbol
        elif symbol in _OPENING:
            stack = stack[:-1]
        out.append(symbol)
    return "".join(out)


def bracket_depths(text):
    """The nesting depth after each symbol of ``text``: an int array of length len(text).

    An opening bracket raises the depth by one, a closing bracket lowers it, a letter keeps
    it; ``"a(b[c])"`` gives ``[0, 1, 1, 2, 2, 1, 0]``.
    """
    _check_text("text", text)
    steps = [1 if s in BRACKETS else -1 if s in _OPENING else 0 for s in text]
    return np.cumsum(np.array(steps, dtype=np.int64))


def first_bracket_error(text, complete=True):
    """Index of the first symbol that breaks the bracket rules, or -1 if there is none.

    An error is a closing bracket with nothing open or of the wrong kind (``"(]"``). With
    ``complete=True`` a bracket still open at the end is an error too (reported at
    ``len(text)``); with ``complete=False`` the text may stop inside brackets, as a sample
    cut from a longer stream does.
    """
    _check_text("text", text)
    complete = check_switch("complete", complete)
    stack = []
    for k, s in enumerate(text):
        if s in BRACKETS:
            stack.append(s)
        elif s in _OPENING:
            if not stack or stack.pop() != _OPENING[s]:
                return k
    return len(text) if complete and stack else -1


def is_balanced(text):
    """True if every bracket of ``text`` is closed by one of its kind, properly nested."""
    return first_bracket_error(text, complete=True) == -1


def encode(text, vocabulary):
    """Symbol string -> int64 ids (index of each symbol in ``vocabulary``), shape (len(text),)."""
    _check_text("text", text)
    _check_text("vocabulary", vocabulary)
    index = {s: k for k, s in enumerate(vocabulary)}
    if len(index) != len(vocabulary):
        raise ValueError(f"vocabulary has repeated symbols: {vocabulary!r}")
    unknown = sorted(set(text) - set(index))
    if unknown:
        raise ValueError(f"text has symbols outside the vocabulary {vocabulary!r}: {unknown}")
    return np.array([index[s] for s in text], dtype=np.int64)


def decode(ids, vocabulary):
    """Ids (any integer sequence) -> the string of their symbols in ``vocabulary``."""
    _check_text("vocabulary", vocabulary)
    ids = np.asarray(ids)
    if ids.dtype.kind not in "iu":
        raise TypeError(f"ids must be integers, got dtype {ids.dtype}")
    if ids.size and (ids.min() < 0 or ids.max() >= len(vocabulary)):
        raise ValueError(
            f"ids must lie in [0, V={len(vocabulary)}), got [{ids.min()}, {ids.max()}]"
        )
    return "".join(vocabulary[k] for k in ids.reshape(-1))


#: the words of word_language, by class; a plural noun is its singular with an "s"
WORD_CLASSES = {
    "det_singular": ("a", "this", "every"),
    "det_plural": ("some", "these", "many"),
    "adjective": ("big", "small", "red", "old", "quiet", "happy", "dark", "young"),
    "noun": ("cat", "dog", "bird", "farmer", "teacher", "river", "house", "tree", "song", "king"),
    "verb": ("sees", "likes", "finds", "hears", "follows", "paints", "knows", "wants"),
}


#: the largest p_adjective of word_language, and the mean number of adjectives it gives
MAX_P_ADJECTIVE = 0.95
MAX_ADJECTIVES = MAX_P_ADJECTIVE / (1 - MAX_P_ADJECTIVE)


def word_vocabulary():
    """The V = 51 tokens of word_language, sorted, the end of sentence ``"."`` first."""
    words = {"."}
    for name, members in WORD_CLASSES.items():
        words.update(members)
        if name == "noun":
            words.update(noun + "s" for noun in members)
        if name == "verb":
            words.update(verb[:-1] for verb in members)  # the plural form: "sees" -> "see"
    return sorted(words)


def _zipf(n):
    """Probabilities proportional to 1, 1/2, ..., 1/n: a few words common, most rare."""
    weights = 1.0 / np.arange(1, n + 1)
    return weights / weights.sum()


def word_language(n_sentences, rng, p_adjective=0.4):
    """Sentences of a small probabilistic grammar of words, with each word's true probability.

    Every sentence is ``subject verb object .`` where subject and object are noun phrases
    ``determiner adjective* noun``:

    * the number of each noun phrase is singular or plural with equal chance, and the
      determiner shows it (``a this every`` or ``some these many``, one of three);
    * each adjective follows with probability ``p_adjective`` (so a phrase has
      p / (1 - p) adjectives on average; p_adjective is at most MAX_P_ADJECTIVE = 0.95,
      19 on average, so that a sentence stays short), then the noun; the noun agrees with the
      determiner (``cat`` or ``cats``), however many adjectives came between;
    * the verb agrees with the subject's noun (``sees`` after ``cat``, ``see`` after
      ``cats``).

    Within a class, the k-th word is drawn with probability proportional to 1/k (Zipf).
    Returns ``(tokens, log_probs)``: the list of words of all sentences in order, and the
    natural log of the probability the grammar gave to each word given everything before
    it (float64 array, same length). Since the grammar's state is visible in the words,
    ``np.exp(-log_probs.mean())`` is the best perplexity any model can reach on the stream:
    its entropy floor.
    """
    check_rng(rng)
    check_integer("n_sentences", n_sentences, minimum=1)
    p_adjective = check_number("p_adjective", p_adjective)
    if not 0 <= p_adjective <= MAX_P_ADJECTIVE:
        raise ValueError(
            f"p_adjective must lie in [0, {MAX_P_ADJECTIVE}] (at most {MAX_ADJECTIVES:.0f} "
            f"adjectives per phrase on average), got {p_adjective}"
        )
    tokens, log_probs = [], []

    def emit(words, probs, log_factor=0.0):
        k = rng.choice(len(words), p=probs)
        tokens.append(words[k])
        log_probs.append(log_factor + np.log(probs[k]))
        return k

    def noun_phrase(first_log_factor):
        plural = rng.random() < 0.5
        dets = WORD_CLASSES["det_plural" if plural else "det_singular"]
        emit(dets, _zipf(3), first_log_factor + np.log(0.5))  # the number, then the word
        adjectives, nouns = WORD_CLASSES["adjective"], WORD_CLASSES["noun"]
        while rng.random() < p_adjective:
            emit(adjectives, _zipf(len(adjectives)), np.log(p_adjective))
        nouns = [noun + "s" for noun in nouns] if plural else nouns
        emit(nouns, _zipf(len(nouns)), np.log(1 - p_adjective))
        return plural

    for _ in range(n_sentences):
        plural = noun_phrase(0.0)
        verbs = WORD_CLASSES["verb"]
        emit([v[:-1] for v in verbs] if plural else verbs, _zipf(len(verbs)))
        noun_phrase(0.0)
        tokens.append(".")
        log_probs.append(0.0)  # after a noun phrase's noun, the end comes for sure
    return tokens, np.array(log_probs)
