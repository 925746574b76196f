"""Every exercise has a checker that cannot be fooled and names the typical mistakes.

The catalogue lives beside each notebook's checkers in tests/test_checks_<notebook>.py:
``CHECKERS`` (exercise label -> checker), ``RIGHT`` (label -> correct answers written in
different ways) and ``WRONG`` (label -> (typical wrong answer, a phrase of the message that
names it)). Answers are Python source (a lambda or a def), as a student would write them.
Here:

* every exercise of notebooks/ is followed by a check cell calling its checker, and has at
  least 8 typical wrong answers and 2 right ones in the catalogue;
* every wrong answer is rejected with a message that names its mistake ("... is not right:
  <the mistake>" containing the phrase), never an ambiguous or another mistake's message,
  on several draws of the random cases and on a fresh one;
* every right answer is accepted on the same draws;
* every entry of every checker's own mistake table is named by its own message;
* a copied constant (the answer for one input, as a notebook would print it) and an answer
  fitted to one draw of the inputs are both rejected.
"""

import ast
import copy
import re
from importlib import import_module
from pathlib import Path

import nbformat
import numpy as np
import pytest

import lstm_lib
from lstm_lib.course.checks import MODULES, ExerciseError, _core

ROOT = Path(__file__).resolve().parents[1]
INSTRUCTOR = sorted((ROOT / "notebooks").glob("*.ipynb"))
LABEL = re.compile(r"Exercise (\d+\.\d+)")
NOTEBOOKS = MODULES  # one catalogue per checker module
MIN_WRONG, MIN_RIGHT = 8, 2
#: the draws of the random cases every catalogue answer is tried on (None: a fresh one)
SEEDS = (0, 1, 2, None)
NAMES_A_MISTAKE = " is not right: "

CATALOGUES = [import_module(f"test_checks_{name}") for name in NOTEBOOKS]
CHECKERS = {label: c for m in CATALOGUES for label, c in m.CHECKERS.items()}
RIGHT = [
    (label, source) for m in CATALOGUES for label, answers in m.RIGHT.items() for source in answers
]
WRONG = [
    (label, *entry) for m in CATALOGUES for label, entries in m.WRONG.items() for entry in entries
]
EXERCISES = {
    ex.label: ex
    for name in NOTEBOOKS
    for ex in vars(import_module(f"lstm_lib.course.checks.{name}")).values()
    if isinstance(ex, _core.Exercise)
}
_NAMESPACE = {
    "np": np,
    **{
        n: getattr(lstm_lib, n)
        for n in ("sigmoid", "tanh", "LSTM", "LSTMCell", "TimeLSTM", "RNN", "Gate", "GRU")
    },
}


def answer(source):
    """The function a catalogue entry's source defines."""
    if source.startswith("def "):
        space = dict(_NAMESPACE)
        exec(source, space)
        return space[re.match(r"def (\w+)", source)[1]]
    return eval(source, dict(_NAMESPACE))


def _short(source):
    return re.sub(r"\s+", " ", source)[:60]


@pytest.mark.parametrize(
    ("label", "source", "phrase"), WRONG, ids=[f"{w[0]}-{_short(w[2])}" for w in WRONG]
)
def test_a_typical_wrong_answer_is_named(label, source, phrase, capsys):
    for seed in SEEDS:
        with pytest.raises(ExerciseError) as info:
            CHECKERS[label](answer(source), seed=seed)
        message = str(info.value)
        assert message.startswith(f"Exercise {label}: "), message
        assert NAMES_A_MISTAKE in message and phrase in message, (seed, message)
        assert "more than one typical mistake" not in message, message
    assert "passed" not in capsys.readouterr().out


@pytest.mark.parametrize(("label", "source"), RIGHT, ids=[f"{r[0]}-{_short(r[1])}" for r in RIGHT])
def test_a_right_answer_is_accepted(label, source, capsys):
    for seed in SEEDS:
        CHECKERS[label](answer(source), seed=seed)
        assert capsys.readouterr().out.startswith(f"Exercise {label} passed: ")


def _table():
    for label, ex in sorted(EXERCISES.items()):
        for entry in [*_core._swaps(ex), *ex.mistakes]:
            yield pytest.param(ex, entry, id=f"{label}-{entry.message[:50]}")


@pytest.mark.parametrize(("exercise", "entry"), list(_table()))
def test_each_table_mistake_is_named_by_its_own_message(exercise, entry):
    for seed in (0, 1, 2):
        with pytest.raises(ExerciseError) as info:
            _core.run(exercise, entry.wrong, seed)
        assert str(info.value).endswith(entry.message), str(info.value)


def _reference_outputs(exercise, seed):
    """(case arguments, reference result) for one draw of the cases."""
    cases = exercise.cases(np.random.default_rng(seed))
    return [(case.args, exercise.reference(*copy.deepcopy(case.args))) for case in cases]


@pytest.mark.parametrize("label", sorted(EXERCISES))
def test_a_copied_constant_is_rejected(label, capsys):
    """The answer to the notebook's example (the first case), returned for every input."""
    exercise = EXERCISES[label]
    constant = _reference_outputs(exercise, 0)[0][1]
    with pytest.raises(ExerciseError):
        _core.run(exercise, lambda *args: constant, seed=None)
    assert "passed" not in capsys.readouterr().out


@pytest.mark.parametrize("label", sorted(EXERCISES))
def test_an_answer_fitted_to_one_draw_is_rejected(label, capsys):
    """A lookup table right on every case of one draw, and the first answer elsewhere."""
    exercise = EXERCISES[label]
    table = _reference_outputs(exercise, 0)

    def fitted(*args):
        for known, result in table:
            if all(_equal(a, b) for a, b in zip(args, known, strict=True)):
                return result
        return table[0][1]

    _core.run(exercise, fitted, seed=0)  # it fits the draw it was made from
    with pytest.raises(ExerciseError):
        _core.run(exercise, fitted, seed=1)
    assert capsys.readouterr().out.count("passed") == 1


def _equal(a, b):
    """Whether two case arguments are equal, arrays, containers and objects included."""
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return np.shape(a) == np.shape(b) and np.array_equal(a, b)
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_equal(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(_equal(x, y) for x, y in zip(a, b, strict=True))
    if hasattr(a, "__dict__"):
        return _equal(vars(a), vars(b))
    return a == b


# --- the notebooks call the checkers ------------------------------------------------------


def _imported_checkers(nb):
    """Names imported in a notebook from lstm_lib.course.checks modules -> the checker."""
    names = {}
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        lines = [
            line for line in cell.source.split("\n") if not line.lstrip().startswith(("%", "!"))
        ]
        try:
            tree = ast.parse("\n".join(lines))
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                "lstm_lib.course.checks"
            ):
                for alias in node.names:
                    names[alias.asname or alias.name] = getattr(
                        import_module(node.module), alias.name
                    )
    return names


def exercises():
    """(notebook, exercise label, checker) for every exercise cell of notebooks/; the label
    comes from the heading ``### Exercise N.k · ...`` before it."""
    found = []
    for path in INSTRUCTOR:
        nb = nbformat.read(path, as_version=4)
        checkers, cells, label = _imported_checkers(nb), nb.cells, None
        for k, cell in enumerate(cells):
            if cell.cell_type == "markdown":
                for line in cell.source.split("\n"):
                    heading = LABEL.search(line) if line.startswith("#") else None
                    label = heading[1] if heading else label
            if "exercise" not in cell.metadata.get("tags", []):
                continue
            assert label, f"{path.name}, cell {k}: no '### Exercise N.k' heading before it"
            j = next((j for j in range(k + 1, len(cells)) if cells[j].cell_type == "code"), None)
            assert j is not None and "check" in cells[j].metadata.get("tags", []), (
                f"{path.name}, cell {k}: the exercise is not followed by a check cell"
            )
            called = [
                node.func.id
                for node in ast.walk(ast.parse(cells[j].source))
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            ]
            used = [checkers[name] for name in called if name in checkers]
            assert used, f"{path.name}, cell {j}: the check cell calls no checker ({called})"
            found.append((path.name, label, used[0]))
    return found


@pytest.mark.skipif(not INSTRUCTOR, reason="no instructor notebooks yet")
def test_every_exercise_is_checked_and_catalogued(capsys):
    found = exercises()
    labels = [label for _, label, _ in found]
    assert len(labels) == len(set(labels)), "two exercises share a label"
    problems = []
    for notebook, label, checker in found:
        assert label.split(".")[0] == str(int(notebook[:2])), (notebook, label)
        if CHECKERS.get(label) is not checker:
            problems.append(f"Exercise {label}: the catalogue's checker is not the notebook's")
        wrong = sum(1 for w in WRONG if w[0] == label)
        right = sum(1 for r in RIGHT if r[0] == label)
        if wrong < MIN_WRONG or right < MIN_RIGHT:
            problems.append(f"Exercise {label}: {wrong} wrong and {right} right answers")
    assert not problems, "\n".join(problems)
    with capsys.disabled():
        print(f"\n{len(found)} exercises; the catalogue names {len(WRONG)} typical mistakes")


def test_the_module_list_names_every_checker_module():
    """lstm_lib.course.checks.MODULES is what the catalogue and the Korean tests walk."""
    folder = ROOT / "lstm_lib" / "course" / "checks"
    found = {p.stem for p in folder.glob("*.py") if not p.stem.startswith("_")}
    assert set(MODULES) == found
