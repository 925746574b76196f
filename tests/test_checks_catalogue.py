"""Every exercise has a checker that teaches, and tests prove it (issue: checkers that teach).

* Every exercise cell of notebooks/ is followed by a check cell that calls a checker
  imported from ``lstm_lib.checks``.
* The checkers' tests (tests/test_checks_*.py, written beside each notebook, plus the extra
  wrong answers below) reject at least three typical wrong answers per exercise with a
  message that names the mistake, and accept at least two correct answers (the reference
  and a second, differently written one).

The counting is done by running those tests once in a subprocess that records every
:class:`~lstm_lib.checks.ExerciseError` raised and every success line printed, per test:
each error raised in a passing test whose message names a mistake is one typical wrong
answer rejected with the message that test expected (parametrised catalogues count one per
case); each success line, one right answer. A message names a mistake when it reads
"<what> is not right: <the mistake>" (:func:`lstm_lib.checks._core.mistake`, which
:func:`~lstm_lib.checks._core.diagnose` raises when an answer matches a typical mistake).
The generic rejections do not count: "is off by up to ...", "is not right." with a hint, a
wrong shape or type, "should return the tuple", "not solved yet". The tests of the shared
machinery (tests/test_checks_core.py) use made-up exercises and do not count either.
"""

import ast
import json
import re
import subprocess
import sys
from collections import defaultdict
from importlib import import_module
from pathlib import Path

import nbformat
import pytest

from lstm_lib import sigmoid, tanh
from lstm_lib.checks import ExerciseError

ROOT = Path(__file__).resolve().parents[1]
INSTRUCTOR = sorted((ROOT / "notebooks").glob("*.ipynb"))
LABEL = re.compile(r"Exercise (\d+\.\d+)")
MIN_WRONG, MIN_RIGHT = 3, 2

# --- extra wrong answers ----------------------------------------------------------------
# Typical mistakes of the list that the per-notebook tests do not already show for
# a checker: (checker "module.function", wrong answer, a distinctive word of the message).


def _fused_step(acts=None, bias=True, hadamard_i=True):
    """A fused step (blocks f, g, i, o) with switches that make it a typical wrong answer."""
    acts = {"f": sigmoid, "g": tanh, "i": sigmoid, "o": sigmoid, **(acts or {})}

    def step(x, h_prev, c_prev, Wx, Wh, b):
        H = Wh.shape[0]
        A = x @ Wx + h_prev @ Wh + (b if bias else 0.0)
        f, g, i, o = (acts[k](A[:, n * H : (n + 1) * H]) for n, k in enumerate("fgio"))
        c = f * c_prev + (g * i if hadamard_i else g)
        return o * tanh(c), c

    return step


# the fused step's own tests show the block order, tanh for o, a missing h_prev @ Wh and a
# missing tanh(c); these add the other gates' activations, the bias and the Hadamard product
CATALOGUE = [
    ("fused.check_fused_lstm_step", _fused_step({"i": tanh}), "tanh for i"),
    ("fused.check_fused_lstm_step", _fused_step({"f": tanh}), "tanh for f"),
    ("fused.check_fused_lstm_step", _fused_step({"g": sigmoid}), "sigmoid for g"),
    ("fused.check_fused_lstm_step", _fused_step(bias=False), "without the bias"),
    ("fused.check_fused_lstm_step", _fused_step(hadamard_i=False), "Hadamard product"),
]


@pytest.mark.parametrize(
    ("checker", "answer", "word"),
    CATALOGUE,
    ids=[f"{c}-{w}" for c, _, w in CATALOGUE],
)
def test_wrong_answer_rejected(checker, answer, word, capsys):
    module, name = checker.rsplit(".", 1)
    check = getattr(import_module(f"lstm_lib.checks.{module}"), name)
    with pytest.raises(ExerciseError, match=word):
        check(answer)
    assert "passed" not in capsys.readouterr().out


# --- the notebooks call checkers ----------------------------------------------------------


def _tags(cell):
    return set(cell.metadata.get("tags", []))


def _imported_checkers(nb):
    """Names imported in a notebook from lstm_lib.checks modules -> "module.function"."""
    names = {}
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        try:
            tree = ast.parse(
                "\n".join(
                    line
                    for line in cell.source.split("\n")
                    if not line.lstrip().startswith(("%", "!"))
                )
            )
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                "lstm_lib.checks"
            ):
                for alias in node.names:
                    names[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return names


def exercises():
    """(notebook, exercise label, checker "lstm_lib.checks.module.function") for every
    exercise; the label comes from the exercise's heading ``### Exercise N.k · ...``."""
    found = []
    for path in INSTRUCTOR:
        nb = nbformat.read(path, as_version=4)
        checkers = _imported_checkers(nb)
        cells, label = nb.cells, None
        for k, cell in enumerate(cells):
            if cell.cell_type == "markdown":
                for line in cell.source.split("\n"):
                    heading = LABEL.search(line) if line.startswith("#") else None
                    label = heading[1] if heading else label
            if "exercise" not in _tags(cell):
                continue
            assert label, f"{path.name}, cell {k}: no '### Exercise N.k' heading before it"
            j = next((j for j in range(k + 1, len(cells)) if cells[j].cell_type == "code"), None)
            assert j is not None and "check" in _tags(cells[j]), (
                f"{path.name}, cell {k}: the exercise is not followed by a check cell"
            )
            called = [
                node.func.id
                for node in ast.walk(ast.parse(cells[j].source))
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            ]
            used = [checkers[name] for name in called if name in checkers]
            assert used, (
                f"{path.name}, cell {j}: the check cell calls no checker imported from "
                f"lstm_lib.checks (calls {called})"
            )
            found.append((path.name, label, used[0]))
    return found


@pytest.mark.skipif(not INSTRUCTOR, reason="no instructor notebooks yet")
def test_every_exercise_is_checked_by_an_existing_checker():
    found = exercises()
    assert found
    labels = [label for _, label, _ in found]
    assert len(labels) == len(set(labels)), "two exercises share a label"
    for notebook, label, checker in found:
        module, name = checker.rsplit(".", 1)
        assert callable(getattr(import_module(module), name, None)), (notebook, checker)
        assert label.split(".")[0] == str(int(notebook[:2])), (notebook, label)


# --- the catalogue of wrong answers, counted ----------------------------------------------

RECORDER = r"""
import json, sys
import pytest
from lstm_lib.checks import _core

records = []
state = {"node": None}
_init, _passed = _core.ExerciseError.__init__, _core.passed

def _recording_init(self, *args, **kwargs):
    _init(self, *args, **kwargs)
    records.append(("rejected", state["node"], str(args[0]) if args else ""))

def _recording_passed(exercise, what):
    records.append(("passed", state["node"], f"Exercise {exercise}"))
    _passed(exercise, what)

_core.ExerciseError.__init__ = _recording_init
_core.passed = _recording_passed  # before the checker modules import it

class Recorder:
    def __init__(self):
        self.outcomes = {}

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_call(self, item):
        state["node"] = item.nodeid
        try:
            return (yield)
        finally:
            state["node"] = None

    def pytest_runtest_logreport(self, report):
        if report.when == "call":
            self.outcomes[report.nodeid] = report.outcome

recorder = Recorder()
code = pytest.main(["-q", "-p", "no:cacheprovider", *sys.argv[2:]], plugins=[recorder])
with open(sys.argv[1], "w") as out:
    json.dump({"exit": int(code), "outcomes": recorder.outcomes, "records": records}, out)
"""

#: the phrase of every message that names a typical mistake (lstm_lib.checks._core.mistake)
NAMES_A_MISTAKE = " is not right: "
#: test files that are not about one notebook's checkers
NOT_A_CATALOGUE = (Path(__file__).name, "test_checks_core.py")


def count_catalogue(tmp_path):
    """Run the checkers' tests once, recording; return (wrong, right) per exercise label:
    the lists of (test, message) in which that exercise's checker rejected an answer with a
    message naming the mistake, resp. accepted an answer, counting only tests that passed
    (so each rejection had the expected message).
    """
    files = sorted(
        str(p.relative_to(ROOT))
        for p in (ROOT / "tests").glob("test_checks_*.py")
        if p.name not in NOT_A_CATALOGUE
    )
    files.append(f"tests/{Path(__file__).name}::test_wrong_answer_rejected")
    result_file = tmp_path / "records.json"
    run = subprocess.run(
        [sys.executable, "-c", RECORDER, str(result_file), *files],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result_file.exists(), run.stdout[-3000:] + run.stderr[-3000:]
    data = json.loads(result_file.read_text())
    assert data["exit"] in (0, 5), "the checkers' tests fail:\n" + run.stdout[-3000:]
    wrong, right = defaultdict(list), defaultdict(list)
    for kind, node, message in data["records"]:
        if node is None or data["outcomes"].get(node) != "passed":
            continue
        label = LABEL.search(message)
        if label is None:
            continue
        if kind == "passed":
            right[label[1]].append((node, message))
        elif NAMES_A_MISTAKE in message:
            wrong[label[1]].append((node, message))
    return wrong, right


@pytest.mark.skipif(not INSTRUCTOR, reason="no instructor notebooks yet")
def test_each_checker_rejects_three_wrong_answers_and_accepts_two_right_ones(tmp_path):
    wrong, right = count_catalogue(tmp_path)
    found = exercises()
    problems = []
    for _, label, checker in found:
        if len(wrong[label]) < MIN_WRONG:
            problems.append(
                f"Exercise {label} ({checker}): {len(wrong[label])} wrong answers rejected in "
                f"tests with a message naming the mistake, want >= {MIN_WRONG}"
            )
        if len(right[label]) < MIN_RIGHT:
            problems.append(
                f"Exercise {label} ({checker}): {len(right[label])} correct answers accepted "
                f"in tests, want >= {MIN_RIGHT}"
            )
    assert not problems, "\n".join(problems)
    total = sum(len(wrong[label]) for _, label, _ in found)
    print(f"{len(found)} exercises; the checkers' tests name {total} typical mistakes")
    for _, label, checker in found:
        print(f"  {label:>4}  {len(wrong[label]):2} named, {len(right[label])} right  {checker}")


def test_a_named_mistake_is_told_from_a_generic_rejection():
    """The count's rule: diagnose names a mistake with the phrase, never a generic miss."""
    from lstm_lib.checks._core import diagnose

    messages = []
    for got, mistakes in (([2.0], [([2.0], "they add.")]), ([3.0], []), ([[3.0]], [])):
        with pytest.raises(ExerciseError) as info:
            diagnose("9.1", "y", got, [1.0], mistakes, "Hint.")
        messages.append(str(info.value))
    assert [NAMES_A_MISTAKE in m for m in messages] == [True, False, False], messages


def test_the_catalogue_reference_step_is_right(capsys):
    """Without a switch, the catalogue's step is a correct answer: each wrong answer above
    differs from a right one by exactly the mistake it names."""
    from lstm_lib.checks.fused import check_fused_lstm_step

    check_fused_lstm_step(_fused_step())
    assert capsys.readouterr().out.startswith("Exercise 7.1 passed")
