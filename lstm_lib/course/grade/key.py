"""The teacher's key: what each exercise of a notebook is, read from the key notebooks.

The key is the instructor edition (or the student edition as it was handed out: both have
the same cells, ids and tags), in English or in Korean (notebooks/ko, student/ko). For
every cell tagged ``exercise`` the key gives its label (from the heading "Exercise N.k" or
"연습 문제 N.k" before it), its cell id and position, the names it defines (the functions
the student writes), the check cell that follows it, and the lstm_lib names its answer may
use (``Exercise.may_use`` of the checker the check cell calls). The key's language is the
feedback's (``feedback_language``). Nothing is read from a submission here.
"""

import ast
import contextlib
import importlib
import io
from dataclasses import dataclass
from pathlib import Path

from ..checks._core import Exercise
from ..checks._language import setting
from ..classroom import CHECK_TAG, EXERCISE_LABEL, EXERCISE_TAG, _nbformat
from ..translate.edition import language_of

COURSE = "lstm_lib.course"
#: the modules an answer may import: numerics, small tools, and the library proper
ANSWER_MODULES = frozenset(
    {
        "__future__",
        "cmath",
        "collections",
        "decimal",
        "fractions",
        "functools",
        "itertools",
        "lstm_lib",
        "math",
        "numbers",
        "numpy",
        "operator",
        "statistics",
        "typing",
    }
)


class GradingError(Exception):
    """The grading cannot start (a malformed key, a bad argument); the message says why."""


def answer_module(name):
    """Whether an answer may import the module ``name`` (the course package it may not)."""
    if name == COURSE or name.startswith(COURSE + "."):
        return False
    return name.split(".")[0] in ANSWER_MODULES


def python_source(source):
    """A cell's source without IPython's magics and shell lines (the lines after a cell
    magic such as %%time are kept: they are the cell's Python)."""
    lines = source.split("\n")
    return "\n".join(line for line in lines if not line.lstrip().startswith(("%", "!")))


def defined_names(source):
    """The names a cell defines at top level: functions, classes, assigned names."""
    names = []
    for node in ast.parse(python_source(source)).body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.append(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names += [t.id for t in targets if isinstance(t, ast.Name)]
    return tuple(dict.fromkeys(names))


@dataclass(frozen=True)
class KeyExercise:
    """One exercise of the key: ``label`` "5.2", the exercise cell's ``cell_id`` and
    ``position`` among the notebook's exercise cells, the ``names`` it defines, the
    ``check`` cell's source and the lstm_lib names the answer ``may_use``."""

    notebook: str
    label: str
    cell_id: str
    position: int
    names: tuple
    check: str
    may_use: tuple

    @property
    def grade_id(self):
        """``exercise_5_2``: the column of the grade table and nbgrader's grade id."""
        return "exercise_" + self.label.replace(".", "_")


@dataclass(frozen=True)
class KeyNotebook:
    """A key notebook: its file ``name``, its ``exercises`` in order, the ``imports`` of
    its other code cells (the statements, in order), and its ``language`` ('ko' for the
    Korean edition, else 'en')."""

    name: str
    exercises: tuple
    imports: tuple
    language: str

    @property
    def prelude(self):
        """The imports an answer runs after: those of the modules an answer may import."""
        return tuple(s for s in self.imports if all(answer_module(m) for m in _modules(s)))


def _modules(statement):
    node = ast.parse(statement).body[0]
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    return [node.module or ""]


def _imports(cells):
    found = []
    for cell in cells:
        try:
            tree = ast.parse(python_source(cell.source))
        except SyntaxError:
            continue
        found += [ast.unparse(n) for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))]
    return tuple(dict.fromkeys(found))


def check_namespace(notebook, imports):
    """The namespace a check cell runs in: the key's imports, run in the grader."""
    space = {"__name__": "__check__"}
    for statement in imports:
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                exec(statement, space)
        except Exception as error:  # a broken key is the teacher's to fix: say which line
            raise GradingError(f"{notebook}: `{statement}` failed: {error}") from None
    return space


def _may_use(check, names, space):
    """``may_use`` of the Exercise whose checker the check cell calls, or the default."""
    for node in ast.walk(ast.parse(check)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
            continue
        module = getattr(space.get(node.func.id), "__module__", "") or ""
        if not module.startswith(COURSE + ".checks"):
            continue
        module_space = vars(importlib.import_module(module))
        for value in module_space.values():
            if isinstance(value, Exercise) and value.function in names:
                return tuple(value.may_use)
    return Exercise.__dataclass_fields__["may_use"].default


def exercise_cells(nb, name):
    """(label, exercise cell, check cell) for each exercise of the notebook ``nb`` (named
    ``name`` in errors), in order; raises GradingError on a malformed key."""
    found, label, cells = [], None, nb.cells
    for k, cell in enumerate(cells):
        if cell.cell_type == "markdown":
            for line in cell.source.split("\n"):
                heading = EXERCISE_LABEL.search(line) if line.startswith("#") else None
                label = heading[2] if heading else label  # the number; [1] is the word
            continue
        if EXERCISE_TAG not in cell.metadata.get("tags", []):
            continue
        check = next((c for c in cells[k + 1 :] if c.cell_type == "code"), None)
        if label is None:
            raise GradingError(f"{name}, cell {k}: no heading 'Exercise N.k' before the exercise")
        if check is None or CHECK_TAG not in check.metadata.get("tags", []):
            raise GradingError(f"{name}, cell {k}: the exercise is not followed by a check cell")
        found.append((label, cell, check))
    return found


def read_notebook(path):
    """The KeyNotebook of the notebook at ``path``."""
    nb = _nbformat().read(path, as_version=4)
    tagged = {EXERCISE_TAG, CHECK_TAG}
    others = [
        c
        for c in nb.cells
        if c.cell_type == "code" and not tagged & set(c.metadata.get("tags", []))
    ]
    imports = _imports(others)
    space = check_namespace(path.name, imports)
    exercises = []
    for position, (label, cell, check) in enumerate(exercise_cells(nb, path.name)):
        names = defined_names(cell.source)
        source = python_source(check.source)
        may_use = _may_use(source, names, space)
        cell_id = cell.get("id", "")
        exercises.append(KeyExercise(path.name, label, cell_id, position, names, source, may_use))
    return KeyNotebook(path.name, tuple(exercises), imports, language_of(nb))


def read_key(paths):
    """The key notebooks named by ``paths`` (notebooks, or folders of them), in name order;
    notebooks without exercises are left out. Raises GradingError naming what is wrong."""
    found = {}
    for path in map(Path, paths):
        if path.is_dir():
            notebooks = sorted(p for p in path.glob("*.ipynb") if not p.name.startswith("."))
        elif path.suffix == ".ipynb" and path.is_file():
            notebooks = [path]
        else:
            raise GradingError(
                f"expected a key notebook (.ipynb) or a folder of them, got '{path}'"
            )
        for notebook in notebooks:
            if notebook.name in found:
                raise GradingError(f"two key notebooks are named {notebook.name}")
            found[notebook.name] = read_notebook(notebook)
    key = [nb for _, nb in sorted(found.items()) if nb.exercises]
    if not key:
        raise GradingError(f"no exercise cells in the key: {', '.join(map(str, paths))}")
    return key


def feedback_language(key):
    """The language of the checkers' messages and of the grade files: ``LSTM_LIB_LANG``
    when it is set, else Korean when every key notebook is of the Korean edition, else
    English."""
    return setting() or ("ko" if all(nb.language == "ko" for nb in key) else "en")
