"""The checkers in Korean (lstm_lib.course.checks._language and lstm_lib.course.checks.ko).

* The setting: LSTM_LIB_LANG, else the language a program chose (answering_in: the grading
  command, its key's), else the name of the working directory (a kernel in notebooks/ko or
  student/ko answers in Korean); a bad value is an error naming it.
* In English nothing changes: ``localised`` gives the exercise itself.
* Every checker module is translated in full: every text it can say (names of outputs,
  case labels on several draws, hints, success lines, mistakes) has its Korean, and
  ko.TABLES has a table for it.
* A hint is shown in Korean exactly when it is shown in English: neither holds an equation.
* Every frame that _core says has its Korean, with the same fields; no Korean entry is
  stale (each key is a text some checker still says); no key is in two tables.
* The Korean keeps to the glossary (locale/ko/glossary.tsv) and the register (평서문).
* End to end: in Korean a right answer prints the Korean pass line, a wrong one names its
  mistake in Korean.
"""

import ast
import inspect
import re
import string
from importlib import import_module
from pathlib import Path

import numpy as np
import pytest

from lstm_lib import sigmoid
from lstm_lib.course.checks import MODULES, ExerciseError, _core, _language, _observed, ko
from lstm_lib.course.checks.gates import check_apply_gate, check_sigmoid_chain
from lstm_lib.course.translate import glossary

ROOT = Path(__file__).resolve().parents[1]
TERMS = glossary.read(ROOT / "locale" / "ko" / "glossary.tsv")
#: a name or a call, which stays as it is: "dx", "steps_to_vanish(factor, threshold)"
CODE = re.compile(r"\w+(\(.*\))?")


def texts(name):
    """Every text the checker module ``name`` can say, besides _core's frames."""
    found = set()
    for exercise in vars(import_module(f"lstm_lib.course.checks.{name}")).values():
        if isinstance(exercise, _core.Exercise):
            found |= {exercise.hint, exercise.success} | {m.message for m in exercise.mistakes}
            found |= {o for o in exercise.outputs if not CODE.fullmatch(o)}
            for seed in range(5):
                found |= {c.label for c in exercise.cases(np.random.default_rng(seed))}
    return found


def _strings(node, names, module):
    """The strings an argument of say() can be: a literal, either branch of an `if`
    expression, a local variable assigned literals, a constant of ``module``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):
        return _strings(node.body, names, module) | _strings(node.orelse, names, module)
    if isinstance(node, ast.Name) and node.id in names:
        return set().union(*(_strings(value, names, module) for value in names[node.id]))
    if isinstance(node, ast.Name) and isinstance(getattr(module, node.id, None), str):
        return {getattr(module, node.id)}
    return set()


def frames():
    """The English of every text that the engine (_core and _observed) passes to say(),
    itself or through not_solved."""
    return _frames(_core) | _frames(_observed)


def _frames(module):
    found = set()
    for function in ast.walk(ast.parse(inspect.getsource(module))):
        if not isinstance(function, ast.FunctionDef):
            continue
        names = {}
        for node in ast.walk(function):
            if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
                names.setdefault(node.targets[0].id, []).append(node.value)
        for node in ast.walk(function):
            called = getattr(node, "func", None)
            if getattr(called, "id", None) == "say":  # say(text, ...)
                found |= _strings(node.args[0], names, module)
            elif getattr(called, "id", None) == "not_solved":  # not_solved(label, detail)
                found |= _strings(node.args[1], names, module)
    return found


def _fields(text):
    return sorted(f for _, f, _, _ in string.Formatter().parse(text) if f)


@pytest.fixture
def korean(monkeypatch):
    monkeypatch.setenv(_language.VARIABLE, "ko")


def test_the_setting_is_the_variable_else_the_folder(monkeypatch, tmp_path):
    monkeypatch.delenv(_language.VARIABLE, raising=False)
    (tmp_path / "ko").mkdir()
    monkeypatch.chdir(tmp_path / "ko")
    assert _language.language() == "ko"
    monkeypatch.setenv(_language.VARIABLE, "en")
    assert _language.language() == "en"
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(_language.VARIABLE, "ko")
    assert _language.language() == "ko"
    monkeypatch.delenv(_language.VARIABLE)
    assert _language.language() == "en"
    monkeypatch.setenv(_language.VARIABLE, "kr")
    with pytest.raises(ValueError, match="LSTM_LIB_LANG must be 'en' or 'ko', got 'kr'"):
        _language.language()


def test_a_program_chooses_over_the_folder_and_the_setting_over_the_program(monkeypatch, tmp_path):
    monkeypatch.delenv(_language.VARIABLE, raising=False)
    (tmp_path / "ko").mkdir()
    monkeypatch.chdir(tmp_path / "ko")
    with _language.answering_in("en"):
        assert _language.language() == "en"
        monkeypatch.setenv(_language.VARIABLE, "ko")
        assert _language.language() == "ko"
        monkeypatch.delenv(_language.VARIABLE)
    assert _language.language() == "ko"
    with pytest.raises(ValueError, match="'en' or 'ko', got 'kr'"):
        with _language.answering_in("kr"):
            pass


def test_in_english_the_exercise_is_untouched(monkeypatch):
    monkeypatch.setenv(_language.VARIABLE, "en")
    exercise = import_module("lstm_lib.course.checks.gates").APPLY_GATE
    assert _language.localised(exercise) is exercise
    assert _language.say("{n} values", n=3) == "3 values"


@pytest.mark.parametrize("name", MODULES)
def test_every_checker_module_is_translated_in_full(name):
    assert name in ko.TABLES, f"checks.{name} has no Korean table in checks.ko"
    missing = sorted(t for t in texts(name) if _language.korean(t) is None)
    assert not missing, f"checks.{name}: no Korean for {missing}"


def test_a_korean_hint_is_shown_exactly_when_its_english_is():
    for name in MODULES:
        for exercise in vars(import_module(f"lstm_lib.course.checks.{name}")).values():
            if isinstance(exercise, _core.Exercise):
                korean_hint = _language.korean(exercise.hint)
                assert _core.shown_hint(korean_hint) == _core.shown_hint(exercise.hint), name


def test_every_frame_of_the_engine_has_its_korean_with_the_same_fields():
    found = frames()
    assert "Exercise {exercise} passed: {what}" in found and _core.MATMUL_HINT in found
    for text in found:
        assert text in ko.MESSAGES, f"_core says {text!r} without Korean"
        assert _fields(text) == _fields(ko.MESSAGES[text]), text


def test_numbers_drawn_afresh_find_their_template():
    assert _language.korean("for n = 17") == "n = 17일 때"
    assert _language.korean("for b = -0.713") == "b = -0.713일 때"
    assert _language.korean("for n = 17 and more") is None
    for key, text in ko.MESSAGES.items():
        assert key.count("{}") == text.count("{}"), key


def test_no_korean_entry_is_stale_and_none_is_in_two_tables():
    said = frames().union(*(texts(name) for name in MODULES))
    templates = {_language.NUMBER.sub("{}", t) for t in said}
    stale = sorted(set(ko.MESSAGES) - said - templates)
    assert not stale, f"Korean for texts no checker says any more: {stale}"
    seen = {}
    for table, module in ko.TABLES.items():
        for key in module.MESSAGES:
            assert key not in seen, f"{key!r} is in ko.{seen.get(key)} and ko.{table}"
            seen[key] = table


def test_the_korean_keeps_to_the_glossary_and_the_register():
    for key, text in ko.MESSAGES.items():
        assert not glossary.forbidden_in(text, TERMS), (key, glossary.forbidden_in(text, TERMS))
        assert not glossary.polite_endings(text), (key, glossary.polite_endings(text))


def test_a_right_answer_passes_in_korean(korean, capsys):
    check_apply_gate(lambda v, x, h, Wx, Wh, b: sigmoid(x @ Wx + h @ Wh + b) * v, seed=0)
    assert capsys.readouterr().out.startswith("연습 문제 1.1 통과: apply_gate가 ")


def test_a_wrong_answer_is_named_in_korean(korean):
    with pytest.raises(ExerciseError) as error:
        check_sigmoid_chain(lambda n: 0.25 * n, seed=0)
    assert str(error.value) == (
        "연습 문제 1.3: n = 10일 때 sigmoid_chain_bound(n)의 값이 틀렸다. 미분값 n개를 "
        "더했다. 연쇄 법칙은 미분값을 곱한다."
    )
    with pytest.raises(ExerciseError, match="^연습 문제 1.1: .* 게이트를 거친 정보의 형상은"):
        check_apply_gate(lambda v, x, h, Wx, Wh, b: v[:1], seed=0)
