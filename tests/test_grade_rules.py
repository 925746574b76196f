"""The pieces of the grading command: the static rules, the wire, the answer's process.

The rules must flag every way of reaching the checkers or the library's own answer that
no honest answer needs, and must never flag an honest answer: every solution of the
instructor notebooks and every right answer of the checkers' catalogues passes them. The
watchers of the answer's process must see what the rules cannot (tested here on answers
that skip the rules), a hanging answer must end in a timeout and a dying one in a clear
error, and nothing the answer returns is unpickled or run by the grader. The feedback is in
the key's language unless LSTM_LIB_LANG says otherwise, and every word the grader writes
itself has its Korean.
"""

import ast
import base64
import io
import re
from pathlib import Path

import nbformat
import numpy as np
import pytest

import lstm_lib
from lstm_lib.course.checks._language import VARIABLE
from lstm_lib.course.grade import grading, wire, words
from lstm_lib.course.grade.grading import forbidden_names
from lstm_lib.course.grade.key import GradingError, feedback_language, read_key
from lstm_lib.course.grade.sandbox import (
    AnswerDied,
    AnswerTimeout,
    Budget,
    Sandbox,
    teacher_root,
)
from lstm_lib.course.grade.scan import scan
from lstm_lib.course.grade.submissions import find_students
from lstm_lib.course.regions import SOLUTION, find_regions
from lstm_lib.course.translate import glossary

ROOT = Path(__file__).resolve().parents[1]
KEY = read_key([ROOT / "notebooks"])
EXERCISES = {e.label: e for nb in KEY for e in nb.exercises}
STEP = EXERCISES["7.1"]  # may not use LSTM, TimeLSTM, FastTimeLSTM, LSTMCell ...


def _flags(source, exercise=STEP):
    return scan(source, exercise.label, forbidden_names(exercise), ["check_fused_lstm_step"])


def test_the_key_reads_every_exercise_with_its_grade_id_and_allowed_names():
    assert len(EXERCISES) == sum(len(nb.exercises) for nb in KEY) >= 29
    assert STEP.grade_id == "exercise_7_1" and STEP.names == ("fused_lstm_step",)
    assert "LSTM" in EXERCISES["7.2"].may_use and "LSTM" not in STEP.may_use
    assert {"LSTM", "TimeLSTM", "FastTimeLSTM", "LSTMCell"} <= set(forbidden_names(STEP))
    assert "sigmoid" not in forbidden_names(STEP)
    prelude = next(nb for nb in KEY if nb.name.startswith("07")).prelude
    assert all("course" not in line and "matplotlib" not in line for line in prelude)


@pytest.mark.parametrize(
    ("source", "phrase"),
    [
        ("import inspect", "imports inspect"),
        ("from lstm_lib.course.checks import fused", "imports lstm_lib.course.checks"),
        ("import lstm_lib\nx = lstm_lib.course", "reaches the module .course"),
        ("from lstm_lib import LSTM as L", "uses lstm_lib's LSTM"),
        ("from lstm_lib import *", "imports every name of lstm_lib"),
        ("def f(x):\n    return TimeLSTM(x)", "uses lstm_lib's TimeLSTM"),
        ("import lstm_lib\ndef f():\n    return lstm_lib.FastTimeLSTM", "lstm_lib's FastTimeLSTM"),
        ("def f(x):\n    return exec('1')", "calls exec"),
        ("f = eval", "calls eval"),
        ("def f(x):\n    return getattr(x, 'f_' + 'back')", "getattr with a computed name"),
        ("def f(x):\n    return getattr(x, '__globals__')", "private or special attribute"),
        ("def f(x):\n    return x.__class__", "private or special attribute"),
        ("def f(g):\n    return g.gi_frame", "a frame or code object's insides"),
        ("def f(e):\n    return e.__traceback__.tb_frame.f_back", "special attribute"),
        ("def f():\n    return __builtins__", "the interpreter's own machinery"),
        ("def f():\n    return globals()", "calls globals"),
        ("def check_fused_lstm_step(f):\n    pass", "defines check_fused_lstm_step"),
        ("check_fused_lstm_step = print", "check_fused_lstm_step"),
        ("np.allclose = lambda *a: True", "assigns np.allclose"),
        ("def f():\n    sigmoid.x = 1", "assigns sigmoid.x"),
        ("del np.tanh", "assigns np.tanh"),
        ("np.__dict__['tanh'] = abs", "special attribute"),
        ("def f(x):\n    return open('/etc/passwd')", "calls open"),
        ("import numpy as np\ndef f(x):\n    return np.sys", "reaches the module .sys"),
        ("from .checks import fused", "imports .checks"),
    ],
)
def test_the_rules_flag(source, phrase):
    flags = _flags(source)
    assert any(phrase in flag for flag in flags), flags
    assert all(flag.startswith("line ") for flag in flags)


@pytest.mark.parametrize(
    "source",
    [
        "import numpy as np\nfrom math import log\nfrom lstm_lib import sigmoid, tanh",
        "def f(x):\n    y = x.copy()\n    y[0] = 1\n    y.shape = (1, -1)\n    return y.T",
        "cache = {}\ndef f(x):\n    cache['x'] = x\n    return cache",
        "def LSTM(x):\n    return x\ndef f(x):\n    return LSTM(x)",  # the student's own LSTM
        "def f(model):\n    model.h = None\n    return getattr(model, 'reset_state')",
        "from collections import namedtuple\nP = namedtuple('P', 'h c')",
        "print(__name__)\nx = 'lstm_lib.course'",
        "def f(x)\n    return x",  # does not parse: it fails when it runs, not here
    ],
)
def test_the_rules_leave_honest_code_alone(source):
    assert _flags(source) == []


def _solutions():
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        cells = [c for c in nb.cells if "exercise" in c.metadata.get("tags", [])]
        key = next(k for k in KEY if k.name == path.name)
        for exercise, cell in zip(key.exercises, cells, strict=True):
            assert any(r.kind == SOLUTION for r in find_regions(cell.source))
            yield pytest.param(exercise, cell.source, id=exercise.label)


@pytest.mark.parametrize(("exercise", "source"), list(_solutions()))
def test_no_solution_of_the_key_is_flagged(exercise, source):
    called = [n.func.id for n in ast.walk(ast.parse(exercise.check)) if isinstance(n, ast.Call)]
    assert scan(source, exercise.label, forbidden_names(exercise), called) == []


def test_no_right_answer_of_the_catalogues_is_flagged_unless_it_uses_the_library():
    """The catalogues' right answers, written as students would; those that call the
    library's own implementation (accepted by the formative checker) are flagged for it."""
    from test_checks_catalogue import RIGHT

    for label, source in RIGHT:
        exercise = EXERCISES[label]
        flags = scan(source, label, forbidden_names(exercise))
        assert all("uses lstm_lib's" in flag for flag in flags), (label, source, flags)


# --- the answer's process --------------------------------------------------------------

WATCHED = """
import gc
import inspect
import numpy as np
from collections import namedtuple
from lstm_lib import LSTM, sigmoid

def frames():
    return str(inspect.currentframe().f_back)

def referrers():
    return len(gc.get_referrers(np))

def reads_a_checker():
    with open(CHECKER) as handle:
        return len(handle.read())

def patches():
    np.tanh = abs
    return 0

def fused(x, Wx, Wh, b):
    return LSTM(Wx, Wh, b).forward(x, 0 * x[:, :Wh.shape[0]], 0 * x[:, :Wh.shape[0]])[0]

def course():
    import lstm_lib.course.checks.cell
    return 0

def honest(x):
    P = namedtuple("P", "a b")
    return P(1, 2).a + float(sigmoid(np.tanh(x)).sum())

def where():
    import lstm_lib
    return lstm_lib.__file__

def loop():
    while True:
        pass
"""


@pytest.fixture(scope="module")
def sandbox():
    box = Sandbox(["import numpy as np"])
    checker = Path(lstm_lib.__file__).parent / "course" / "checks" / "cell.py"
    source = f"CHECKER = {str(checker)!r}\n{WATCHED}"
    reply = box.run_cell(source, "0.0", ["frames", "fused"], ["LSTM"], Budget(60))
    assert reply["error"] is None and set(reply["names"]) == {"frames", "fused"}
    assert box.take_flags() == []
    yield box
    box.close()


def _call(box, name, *args, forbidden=("LSTM",)):
    return box.call(name, args, {}, list(forbidden), Budget(30))


@pytest.mark.parametrize(
    ("name", "phrase"),
    [
        ("frames", "reaches a frame"),
        ("referrers", "walks the garbage collector's references"),
        ("reads_a_checker", "opens cell.py, a file of the course package"),
        ("patches", "it changes numpy.tanh (monkeypatching)"),
        ("course", "imports lstm_lib.course.checks.cell"),
    ],
)
def test_the_watchers_see_what_the_rules_would_have_flagged(sandbox, name, phrase):
    _call(sandbox, name)
    flags = sandbox.take_flags()
    assert any(phrase in flag for flag in flags), flags


def test_a_forbidden_library_call_is_seen_and_an_allowed_one_is_not(sandbox):
    x, (Wx, Wh, b) = np.ones((2, 3)), lstm_lib.init_lstm_params(3, 2, np.random.default_rng(0))
    h = _call(sandbox, "fused", x, Wx, Wh, b)
    assert h.shape == (2, 2)
    assert any("calls lstm_lib's LSTM" in f for f in sandbox.take_flags())
    _call(sandbox, "fused", x, Wx, Wh, b, forbidden=("TimeLSTM",))
    assert sandbox.take_flags() == []


def test_honest_code_is_not_watched_into_a_flag(sandbox):
    assert _call(sandbox, "honest", np.zeros(3)) == pytest.approx(2.5)
    assert sandbox.take_flags() == []


def test_the_answer_runs_with_the_teachers_lstm_lib(sandbox):
    assert Path(_call(sandbox, "where")).resolve().is_relative_to(teacher_root())


def test_a_hanging_answer_times_out_and_a_restart_brings_back_the_earlier_cells(sandbox):
    budget = Budget(1.0)
    with pytest.raises(AnswerTimeout):
        sandbox.call("loop", (), {}, [], budget)
    assert budget.left <= 0
    assert sandbox.restart(timeout=60)
    assert _call(sandbox, "honest", np.zeros(3)) == pytest.approx(2.5)


def test_an_answer_that_ends_its_process_is_a_clear_error():
    box = Sandbox([])
    try:
        box.run_cell("import os\ndef bye():\n    os._exit(3)", "0.0", [], [], Budget(60))
        with pytest.raises(AnswerDied, match="exit code 3"):
            box.call("bye", (), {}, [], Budget(30))
    finally:
        box.close()


def test_what_an_answer_raises_comes_back_by_name_and_text(sandbox):
    source = (
        "def stub():\n    raise NotImplementedError('write it')\n"
        "def bad():\n    raise KeyError('k')"
    )
    assert sandbox.run_cell(source, "0.0", [], [], Budget(30))["error"] is None
    with pytest.raises(NotImplementedError, match="write it"):  # the checkers' "not solved"
        _call(sandbox, "stub")
    with pytest.raises(Exception, match="'k'") as info:
        _call(sandbox, "bad")
    assert type(info.value).__name__ == "KeyError" and type(info.value) is not KeyError
    with pytest.raises(Exception, match="not defined") as info:
        _call(sandbox, "no_such_function")
    assert type(info.value).__name__ == "NameError"


# --- the wire ---------------------------------------------------------------------------


def test_values_cross_the_wire_and_nothing_else():
    value = (np.arange(6.0).reshape(2, 3), [1, 2.5, None, True, "s"], {"k": np.float32(2)})
    back = wire.decode(wire.encode(value))
    assert np.array_equal(back[0], value[0]) and back[1] == value[1]
    assert back[2]["k"] == np.float32(2) and type(back[2]["k"]) is np.float32
    odd = wire.decode(wire.encode(np.array([object()])))
    assert isinstance(odd, wire.Opaque) and type(odd).__name__ == "ndarray"
    assert type(wire.decode(wire.encode(lambda: 0))).__name__ == "function"
    for junk in ({"pickle": "gASV"}, {"v": [1]}, {"array": 3}, [1], {"a": 1, "b": 2}):
        with pytest.raises(wire.WireError):
            wire.decode(junk)
    pickled = io.BytesIO()
    np.save(pickled, np.array([{"a": 1}], dtype=object), allow_pickle=True)
    with pytest.raises(ValueError, match="allow_pickle"):  # never unpickled on this side
        wire.decode({"array": base64.b64encode(pickled.getvalue()).decode()})


# --- the submissions -----------------------------------------------------------------------


def test_students_are_folders_and_two_candidates_are_not_guessed_between(tmp_path):
    nb = nbformat.v4.new_notebook()
    for where in ("ann/a/05_x.ipynb", "ann/b/05_x.ipynb", "ann/.ipynb_checkpoints/05_x.ipynb",
                  "ben/work/renamed.ipynb", "ben/07_y.ipynb", "cy/05_x.ipynb"):  # fmt: skip
        path = tmp_path / where
        path.parent.mkdir(parents=True, exist_ok=True)
        nb.metadata = {"student_edition": {"source": "05_x.ipynb"}} if "renamed" in where else {}
        nbformat.write(nb, path)
    students = find_students(
        [tmp_path / "ann", tmp_path / "ben", tmp_path / "cy" / "05_x.ipynb"],
        {"05_x.ipynb", "07_y.ipynb"},
    )
    assert sorted(students) == ["ann", "ben", "cy"]
    assert (
        students["ann"].notebooks == {}
        and "2 files could be it" in students["ann"].unclear["05_x.ipynb"]
    )
    assert students["ben"].notebooks["05_x.ipynb"].name == "renamed.ipynb"
    assert students["cy"].notebooks["05_x.ipynb"] == tmp_path / "cy" / "05_x.ipynb"
    with pytest.raises(GradingError, match="student's folder or a notebook"):
        find_students([tmp_path / "nobody"], {"05_x.ipynb"})


# --- the language of the feedback ----------------------------------------------------------


def test_the_feedback_speaks_the_keys_language_unless_the_setting_says_otherwise(monkeypatch):
    monkeypatch.delenv(VARIABLE, raising=False)
    folders = (ROOT / "notebooks", ROOT / "notebooks" / "ko", ROOT / "student" / "ko")
    english, korean, handed_out = (read_key([f / "01_gates.ipynb"]) for f in folders)
    assert [k[0].language for k in (english, korean, handed_out)] == ["en", "ko", "ko"]
    assert feedback_language(korean) == feedback_language(handed_out) == "ko"
    assert feedback_language(english) == feedback_language([*english, *korean]) == "en"
    monkeypatch.setenv(VARIABLE, "en")
    assert feedback_language(korean) == "en"
    monkeypatch.setenv(VARIABLE, "ko")
    assert feedback_language(english) == "ko"


def _said():
    """The English of every text the grader passes to words.say: a literal, or a name the
    same function assigns a literal; and the results, said by name (say(r.status))."""
    found = {grading.PASSED, grading.FAILED, grading.FLAGGED, grading.TIMED_OUT, grading.MISSING}
    for path in sorted(Path(grading.__file__).parent.glob("*.py")):
        for function in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(function, ast.FunctionDef):
                continue
            names = {
                n.targets[0].id: n.value.value
                for n in ast.walk(function)
                if isinstance(n, ast.Assign)
                and isinstance(n.targets[0], ast.Name)
                and isinstance(n.value, ast.Constant)
            }
            for node in ast.walk(function):
                if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "say":
                    text = node.args[0]
                    if isinstance(text, ast.Constant):
                        found.add(text.value)
                    elif isinstance(text, ast.Name):
                        found.add(names[text.id])
                    else:
                        assert ast.unparse(text) == "r.status", (path.name, ast.unparse(text))
    return found


def test_every_word_the_grader_writes_has_its_korean_and_no_other():
    said, terms = _said(), glossary.read(ROOT / "locale" / "ko" / "glossary.tsv")
    assert len(said) > 25 and said == set(words.KOREAN)
    for english, korean in words.KOREAN.items():
        fields = [re.findall(r"{(\w+)", text) for text in (english, korean)]
        assert sorted(fields[0]) == sorted(fields[1]), english
        assert not glossary.forbidden_in(korean, terms), korean
        assert not glossary.polite_endings(korean), korean
