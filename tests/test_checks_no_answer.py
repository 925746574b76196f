"""No checker gives an answer away (TEACHING §2), in English and in Korean.

* Every exercise's hint is shown: it holds no equation by the engine's own rule
  (``_core.shown_hint``), so a wrong answer that no typical mistake explains still gets a
  pointer. (A hint that held one would be left out of every message.)
* No message computes the answer: every formula in a mistake message or a hint is read
  the way a student reads it and evaluated on the exercise's own cases; none may give the
  reference's answer there. A hint, shown for every answer no mistake explains, may not
  give any one of the outputs either; a mistake message of an exercise with several
  outputs may restate the rule of the output it names (3.2's "df = dc ⊙ c_prev").

The formulas are found, not listed: a message is cut into runs of formula tokens (names,
numbers, operators, brackets, the relations = < >), prose words and other characters (a
colon, a comma, Hangul) ending a run. A run is read in the book's notation (⊙ and a space
multiply, x² and ^ are powers, ^T and .T transpose, "log 2" applies log, σ is the sigmoid,
ln the natural log), a definition in the same message ("with z = fraction**(1/steps)",
"Var(m) = p (1 - p)") is substituted into the other formulas, and a name that is not an
argument of the reference (the notebook's p for ``ratio``) is tried as each argument it
could stand for (for a reference that takes *args, every name). Any formula that then gives
the reference's result on every case, in whatever order or form it is written, gives the
answer away.
"""

import copy
import inspect
import itertools
import re
from importlib import import_module

import numpy as np
import pytest

from lstm_lib import sigmoid
from lstm_lib.course.checks import MODULES, _core, _language
from lstm_lib.course.checks._compare import ATOL, RTOL

#: the functions a message may name, as the book writes them
FUNCTIONS = {
    "log": np.log,
    "ln": np.log,
    "exp": np.exp,
    "sqrt": np.sqrt,
    "σ": sigmoid,
    "sigmoid": sigmoid,
    "tanh": np.tanh,
    "arctanh": np.arctanh,
    "log2": np.log2,
    "log10": np.log10,
    "abs": np.abs,
    "logit": lambda p: np.log(p / (1 - p)),
}
TOKEN = re.compile(
    r"(?P<space>\s+)|(?P<num>\d+(?:\.\d+)?(?:e[-+]?\d+)?)|(?P<name>[A-Za-z_σ][A-Za-z0-9_]*)"
    r"|(?P<rel><=|>=|!=|==|[=<>≤≥])|(?P<op>\*\*|\.T\b|[-+*/@^²⊙×·−()])|(?P<other>.)"
)
#: English words of two letters, which end a formula like any longer word
SHORT_WORDS = {
    *("an", "as", "at", "be", "by", "if", "in", "is", "it", "no", "of", "on", "or", "so"),
    *("to", "up", "we"),
}
#: how many names of a formula may stand for an argument of another name
MAX_STAND_INS = 6


class Unreadable(Exception):
    """A run of tokens that is not a formula."""


# ----------------------------------------------------------------- reading a message


def runs(text, arguments):
    """The runs of formula tokens in ``text``, each a list of (kind, text)."""
    found, run = [], []
    for match in TOKEN.finditer(text):
        kind, word = match.lastgroup, match.group()
        if kind == "space":
            continue
        called = text[match.end() : match.end() + 1] == "("  # Var(m): a name, not prose
        if kind == "other" or (kind == "name" and not called and _prose(word, arguments)):
            if run:
                found.append(run)
            run = []
        else:
            run.append((kind, word))
    if run:
        found.append(run)
    return found


def _prose(word, arguments):
    """Whether a word is prose: longer than two letters or a two-letter English word,
    and not an argument, a function or a name with an underscore or a digit."""
    if word in arguments or word in FUNCTIONS or re.search(r"[_\d]", word):
        return False
    return len(word) > 2 or word in SHORT_WORDS


def _parts(run):
    """A run cut at its relations (outside brackets): "b_z = log(z / (1 - z))" gives the
    two sides."""
    parts, part, depth = [], [], 0
    for token in run:
        depth += {"(": 1, ")": -1}.get(token[1], 0)
        if token[0] == "rel" and depth == 0:
            parts.append(part)
            part = []
        else:
            part.append(token)
    return [p for p in [*parts, part] if p]


class _Reader:
    """Reads one formula (a list of tokens) into Python source, in the book's notation."""

    def __init__(self, tokens):
        self.tokens, self.at = tokens, 0

    def read(self):
        source = self.sum()
        if self.at != len(self.tokens):
            raise Unreadable(self.tokens[self.at][1])
        return source

    def peek(self, k=0):
        return self.tokens[self.at + k] if self.at + k < len(self.tokens) else (None, None)

    def take(self):
        self.at += 1
        return self.tokens[self.at - 1]

    def sum(self):
        source = self.product()
        while self.peek()[1] in ("+", "-", "−"):
            sign = "-" if self.take()[1] != "+" else "+"
            source = f"{source} {sign} {self.product()}"
        return source

    def product(self):
        source = self.unary()
        while True:
            kind, word = self.peek()
            if word in ("*", "⊙", "×", "·", "/", "@"):
                self.take()
                operator = {"/": "/", "@": "@"}.get(word, "*")
                source = f"({source}) {operator} ({self.unary()})"
            elif kind in ("name", "num") or word == "(":  # side by side: x Wx, x² p
                source = f"times({source}, {self.unary()})"
            else:
                return source

    def unary(self):
        if self.peek()[1] in ("-", "−", "+"):
            sign = "-" if self.take()[1] != "+" else "+"
            return f"{sign}({self.unary()})"
        return self.power()

    def power(self):
        source = self.postfix()
        if self.peek()[1] in ("**", "^") and self.peek(1)[1] != "T":
            self.take()
            source = f"({source}) ** ({self.unary()})"
        return source

    def postfix(self):
        source = self.atom()
        while True:
            word = self.peek()[1]
            if word == "²":
                self.take()
                source = f"({source}) ** 2"
            elif word == ".T" or (word == "^" and self.peek(1)[1] == "T"):
                self.at += 1 if word == ".T" else 2
                source = f"({source}).T"
            else:
                return source

    def atom(self):
        kind, word = self.peek()
        if kind == "num":
            self.take()
            return word
        if word == "(":
            self.take()
            source = self.sum()
            if self.peek()[1] != ")":
                raise Unreadable("(")
            self.take()
            return f"({source})"
        if kind == "name":
            self.take()
            if word not in FUNCTIONS:
                return word
            name = "sigmoid" if word == "σ" else "log" if word == "ln" else word
            return f"{name}({self.postfix()})"  # log(z / (1 - z)), log 2, ln σ(b)
        raise Unreadable(str(word))


def _text(tokens):
    return " ".join(t[1] for t in tokens)


def formulas(text, arguments):
    """Every formula of ``text`` as Python source, with the definitions the same text
    makes substituted into it."""
    sides = [[_text(p) for p in _parts(run)] for run in runs(text, arguments)]
    definitions = {}
    for chain in sides:
        for left, right in itertools.pairwise(chain):
            name = re.fullmatch(r"([A-Za-zσ_]\w*)( \( [\w ]+ \))?", left)
            if name and left not in arguments and left not in definitions:
                definitions[left] = right
    found = []
    for side in itertools.chain.from_iterable(sides):
        for _ in range(3):  # a definition may use another: b_z = log(z ...), z = ...
            for left, right in definitions.items():
                side = re.sub(rf"(?<![\w(]){re.escape(left)}(?![\w(])", f"( {right} )", side)
        tokens = [(m.lastgroup, m.group()) for m in TOKEN.finditer(side)]
        tokens = [t for t in tokens if t[0] != "space"]
        try:
            found.append(_Reader(tokens).read())
        except (Unreadable, IndexError):
            continue
    return found


# ----------------------------------------------------------------- evaluating a formula


def _names(source):
    return set(re.findall(r"(?<![\w.])[A-Za-z_]\w*", source)) - {*FUNCTIONS, "T", "times"}


def computes(source, arguments, cases, results):
    """Whether the formula ``source`` gives ``results`` on every case, its names being the
    arguments, and each other name tried as an argument the formula does not use."""
    names = _names(source)
    if not names:
        return False  # a number alone: not an answer to several cases
    free = sorted(names - set(arguments))
    unused = [a for a in arguments if a not in names]
    if len(free) > MAX_STAND_INS or len(free) > len(unused):
        return False
    for stand_ins in itertools.permutations(unused, len(free)):
        if all(
            _equal(
                _evaluate(source, arguments, args, dict(zip(free, stand_ins, strict=True))), result
            )
            for args, result in zip(cases, results, strict=True)
        ):
            return True
    return False


def times(a, b):
    """Two factors side by side: a matrix product of two matrices (x Wx), else entry by
    entry (x² p, p (1 - p))."""
    return a @ b if np.ndim(a) >= 2 and np.ndim(b) >= 2 else a * b


def _evaluate(source, arguments, args, stand_ins):
    space = {**FUNCTIONS, "times": times, **dict(zip(arguments, args, strict=True))}
    space.update({name: space[argument] for name, argument in stand_ins.items()})
    try:
        with np.errstate(all="ignore"):
            return eval(source, {"__builtins__": {}}, space)  # noqa: S307 (our own texts)
    except Exception:  # a formula that does not apply to these arguments
        return None


def _equal(value, expected):
    """Whether a formula's value is the reference's, within the checkers' tolerance."""
    try:
        value = np.asarray(value, dtype=np.float64)
        expected = np.asarray(expected, dtype=np.float64)
    except (TypeError, ValueError):  # None (the formula did not apply), or not numbers
        return False
    if value.shape != expected.shape:
        return False
    return bool(np.allclose(value, expected, rtol=RTOL, atol=ATOL, equal_nan=True))


# ----------------------------------------------------------------- the exercises


def exercises():
    for name in MODULES:
        for value in vars(import_module(f"lstm_lib.course.checks.{name}")).values():
            if isinstance(value, _core.Exercise):
                yield pytest.param(value, id=f"{name}-{value.label}")


def _arguments(exercise):
    """The names of the reference's arguments; arg0, arg1, ... for a reference that takes
    *args (any name of a formula may then stand for any of them)."""
    parameters = inspect.signature(exercise.reference).parameters.values()
    if any(p.kind is p.VAR_POSITIONAL for p in parameters):
        count = len(exercise.cases(np.random.default_rng(0))[0].args)
        return [f"arg{k}" for k in range(count)]
    return [p.name for p in parameters if p.default is p.empty]


def _draws(exercise):
    """(case arguments, reference outputs as a tuple) on three draws of the cases."""
    found = []
    for seed in (0, 1, 2):
        for case in exercise.cases(np.random.default_rng(seed)):
            args = copy.deepcopy(case.args)
            result = exercise.reference(*copy.deepcopy(args))
            found.append((args, result if len(exercise.outputs) > 1 else (result,)))
    return found


def giving_away(exercise):
    """(text, formula) for every formula of a message or the hint of ``exercise`` that
    computes its answer (for the hint: any one of its outputs)."""
    arguments, draws = _arguments(exercise), _draws(exercise)
    cases = [args for args, _ in draws]
    whole = [results[0] for _, results in draws] if len(exercise.outputs) == 1 else None
    outputs = [[results[j] for _, results in draws] for j in range(len(exercise.outputs))]
    found = []
    texts = [(m.message, [whole] if whole else []) for m in exercise.mistakes]
    for text, answers in [*texts, (exercise.hint, outputs)]:
        for source in formulas(text, arguments):
            if any(computes(source, arguments, cases, answer) for answer in answers):
                found.append((text, source))
    return found


@pytest.fixture(params=["en", "ko"])
def language(request, monkeypatch):
    monkeypatch.setenv(_language.VARIABLE, request.param)
    return request.param


@pytest.mark.parametrize("exercise", list(exercises()))
def test_every_hint_is_shown(exercise, language):
    hint = _language.localised(exercise).hint
    assert _core.shown_hint(hint), f"Exercise {exercise.label}'s hint holds an equation: {hint}"


@pytest.mark.parametrize("exercise", list(exercises()))
def test_no_message_computes_the_answer(exercise, language):
    found = giving_away(_language.localised(exercise))
    assert not found, f"Exercise {exercise.label}: " + "; ".join(
        f"{text!r} holds {source}" for text, source in found
    )


# ----------------------------------------------------------------- the reading itself


@pytest.mark.parametrize(
    ("text", "arguments", "reference"),
    [
        # the 9.4 message this test was written for, and the same formula reordered
        ("the sign is flipped: f = (c_target - g) / (c_prev - g).", "c_prev g c_target", None),
        ("so f = (g - c_target)/(g - c_prev) here", "c_prev g c_target", None),
        # a definition substituted, in either order
        (
            "here z keeps, so b_z = log(z / (1 - z)) with z = fraction**(1/steps).",
            "steps fraction",
            lambda steps, fraction: np.log(fraction ** (1 / steps) / (1 - fraction ** (1 / steps))),
        ),
        # the notebook's p standing for the argument ratio, and a definition with a call
        (
            "Var(y) = x² Var(m) / (1 - p)² with Var(m) = p (1 - p).",
            "x ratio",
            lambda x, ratio: x**2 * ratio / (1 - ratio),
        ),
        # a function applied without brackets, and Korean around the formula
        (
            "log 2는 손실에 더해진다: exp(log floor + fraction log 2).",
            "floor fraction",
            lambda floor, fraction: floor * 2**fraction,
        ),
        (
            "the sign is off, k = ln(fraction) / ln(f) > 0",
            "f fraction",
            lambda f, fraction: np.log(fraction) / np.log(f),
        ),
    ],
)
def test_a_formula_that_computes_the_answer_is_found(text, arguments, reference):
    arguments = arguments.split()
    reference = reference or (lambda c_prev, g, c_target: (c_target - g) / (c_prev - g))
    rng = np.random.default_rng(0)
    cases = [tuple(rng.uniform(0.1, 0.9, 3) for _ in arguments) for _ in range(4)]
    results = [reference(*case) for case in cases]
    assert any(computes(s, arguments, cases, results) for s in formulas(text, arguments)), formulas(
        text, arguments
    )


@pytest.mark.parametrize(
    "text",
    [
        "the sign is flipped: solve the cell's update for f and check the direction.",
        "f ⊙ c_prev + (1 - f) ⊙ g = c_target",  # the equation to solve, not its solution
        "a missing bracket: c_target - g / (c_prev - g) divides g alone.",
    ],
)
def test_a_rule_or_a_wrong_formula_is_not_the_answer(text):
    arguments = ["c_prev", "g", "c_target"]
    rng = np.random.default_rng(1)
    cases = [tuple(rng.standard_normal((2, 3)) for _ in arguments) for _ in range(4)]
    results = [(t - g) / (c - g) for c, g, t in cases]
    assert not any(computes(s, arguments, cases, results) for s in formulas(text, arguments))
