"""House rules of the library (CONVENTIONS §1, §2) checked over every module and notebook."""

import ast
import importlib
import inspect
import json
import pkgutil
import re
from pathlib import Path

import pytest

import lstm_lib

ROOT = Path(lstm_lib.__file__).parent
NOTEBOOKS = sorted((ROOT.parent / "notebooks").glob("*.ipynb"))
MODULES = sorted(info.name for info in pkgutil.walk_packages([str(ROOT)], prefix="lstm_lib."))
COURSE = "lstm_lib.course"
LIBRARY = sorted(m for m in MODULES if m != COURSE and not m.startswith(COURSE + "."))
DRAWING = {"lstm_lib.course.diagrams", "lstm_lib.course.style"}  # figures, colours


def _source(name):
    module = importlib.import_module(name)
    return Path(module.__file__).read_text(encoding="utf-8")


def _imports(name):
    """Every module name imports, relative imports resolved (from . import x -> pkg.x)."""
    package = importlib.import_module(name).__package__
    imported = set()
    for node in ast.walk(ast.parse(_source(name))):
        if isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{parent}.{base}" if base else parent
            imported.add(base)
            imported.update(f"{base}.{alias.name}" for alias in node.names)
    return imported


def test_the_module_lists_see_the_new_layout():
    assert {"lstm_lib.models", "lstm_lib.training", "lstm_lib.odyssey"} <= set(LIBRARY)
    assert {"lstm_lib.course.checks.rnn", "lstm_lib.course.classroom"} <= set(MODULES)
    assert not set(LIBRARY) & {m for m in MODULES if m.startswith(COURSE)}


@pytest.mark.parametrize("name", LIBRARY)
def test_the_library_never_imports_the_course_nor_draws(name):
    """CONVENTIONS §1: no module outside lstm_lib.course imports it, matplotlib or nbformat."""
    banned = (COURSE, "matplotlib", "nbformat")
    found = {m for m in _imports(name) if m.startswith(banned)}
    assert not found, f"{name} imports {sorted(found)}"


@pytest.mark.parametrize("name", sorted(m for m in MODULES if not m.startswith(tuple(DRAWING))))
def test_only_the_diagrams_and_the_style_draw(name):
    drawing = {m for m in _imports(name) if m.startswith("matplotlib") or m.endswith("diagrams")}
    assert not drawing, f"{name} imports {drawing}"


@pytest.mark.parametrize("name", MODULES)
def test_no_global_random_state(name):
    source = _source(name)
    for banned in ("np.random.seed(", "np.random.rand(", "np.random.randn(", "random.seed("):
        assert banned not in source, f"{name} uses {banned}: pass an rng instead"
    assert "dtype='f'" not in source and 'dtype="f"' not in source


@pytest.mark.parametrize("name", MODULES)
def test_every_public_function_and_class_has_a_docstring(name):
    module = importlib.import_module(name)
    assert inspect.getdoc(module), f"{name} has no module docstring"
    for attr, value in vars(module).items():
        if attr.startswith("_") or getattr(value, "__module__", None) != name:
            continue
        if inspect.isfunction(value) or inspect.isclass(value):
            assert inspect.getdoc(value), f"{name}.{attr} has no docstring"


SPHINX_ROLES = re.compile(r":(math|class|mod|func|meth|attr):`|\.\. math::")
MATH = {
    "lstm_lib.cell",
    "lstm_lib.fast_lstm",
    "lstm_lib.functions",
    "lstm_lib.gates",
    "lstm_lib.gradcheck",
    "lstm_lib.gru",
    "lstm_lib.layers",
    "lstm_lib.lstm",
    "lstm_lib.models",
    "lstm_lib.odyssey",
    "lstm_lib.optim",
    "lstm_lib.rnn",
    "lstm_lib.tasks",
    "lstm_lib.threads",
    "lstm_lib.training",
    "lstm_lib.variants",
    "lstm_lib.weights",
}


def _docstrings(module):
    yield module.__name__, inspect.getdoc(module) or ""
    for attr, value in vars(module).items():
        if getattr(value, "__module__", None) != module.__name__:
            continue
        if inspect.isclass(value):
            yield f"{attr}", inspect.getdoc(value) or ""
            for name, member in vars(value).items():
                if inspect.isfunction(member):
                    yield f"{attr}.{name}", inspect.getdoc(member) or ""
        elif inspect.isfunction(value):
            yield attr, inspect.getdoc(value) or ""


@pytest.mark.parametrize("name", MODULES)
def test_docstrings_are_plain_text(name):
    """CONVENTIONS §2.5: help() shows docstrings raw, so no Sphinx roles."""
    for where, doc in _docstrings(importlib.import_module(name)):
        assert not SPHINX_ROLES.search(doc), f"{name}: {where} has a Sphinx role"


@pytest.mark.parametrize("name", sorted(MATH))
def test_each_math_module_names_the_notebook_that_introduces_it(name):
    """CONVENTIONS §2.5: a reader of the library finds where the book builds each idea."""
    doc = inspect.getdoc(importlib.import_module(name))
    assert re.search(r"notebooks? \d\d", doc, re.IGNORECASE), f"{name} does not name its notebook"


def test_every_math_module_is_listed():
    """A new module of the library proper joins MATH (or is validation or the package)."""
    assert set(LIBRARY) - MATH == {"lstm_lib.validation"}


@pytest.mark.parametrize("name", MODULES)
def test_no_module_over_400_lines(name):
    """CONVENTIONS §1: no module is longer than 400 lines."""
    length = len(_source(name).splitlines())
    assert length <= 400, f"{name} has {length} lines"


@pytest.mark.parametrize("name", MODULES)
def test_no_function_over_60_lines(name):
    """CONVENTIONS §1, §2.1: short functions."""
    for node in ast.walk(ast.parse(_source(name))):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            length = node.end_lineno - node.lineno + 1
            assert length <= 60, f"{name}.{node.name} has {length} lines"


def test_conventions_cited_are_sections_that_exist():
    """A citation such as "CONVENTIONS §2.2" points to a heading of CONVENTIONS.md."""
    repo = ROOT.parent
    headings = re.findall(
        r"^#{2,3} (\d+(?:\.\d+)?)\.? ", (repo / "CONVENTIONS.md").read_text(), re.M
    )
    files = [*repo.joinpath("tests").glob("*.py"), *ROOT.rglob("*.py")]
    cited = {
        (path.name, section)
        for path in files
        for section in re.findall(r"CONVENTIONS(?:\.md)? §(\d+(?:\.\d+)?)", path.read_text())
    }
    assert cited, "no citation found: the pattern is wrong"
    missing = sorted((f, s) for f, s in cited if s not in headings)
    assert not missing, f"cited sections that CONVENTIONS.md does not have: {missing}"


def _notebook_imports(path):
    """(module, name) for every from lstm_lib... import in the code cells of path."""
    found = []
    for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"])
        lines = [line for line in source.splitlines() if not line.lstrip().startswith(("%", "!"))]
        for node in ast.walk(ast.parse("\n".join(lines))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("lstm_lib"):
                found += [(node.module, alias.name) for alias in node.names]
            elif isinstance(node, ast.Import):
                found += [(a.name, None) for a in node.names if a.name.startswith("lstm_lib.")]
    return found


def _where_a_name_may_come_from(module, name):
    """None if from module import name is where CONVENTIONS §1 wants it, else the reason."""
    if name is None:
        return "import lstm_lib.<module> instead of from ... import"
    if module == "lstm_lib":
        return None if name in lstm_lib.__all__ else "not a library name (lstm_lib.__all__)"
    if module != "lstm_lib.odyssey" and not module.startswith(COURSE + "."):
        return "library names come from lstm_lib itself"
    if name in lstm_lib.__all__:
        return "a library name: import it from lstm_lib"
    if not hasattr(importlib.import_module(module), name):
        return f"{module} has no {name}"
    return None


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebooks_import_each_name_from_its_one_place(path):
    """CONVENTIONS §1: library names from lstm_lib, course names from lstm_lib.course.<module>,
    the experiment from lstm_lib.odyssey."""
    found = _notebook_imports(path)
    assert found, f"{path.name} imports nothing from lstm_lib: the pattern is wrong"
    wrong = [
        f"from {module} import {name}: {reason}"
        for module, name in found
        if (reason := _where_a_name_may_come_from(module, name))
    ]
    assert not wrong, f"{path.name}: " + "; ".join(wrong)


def test_every_name_has_one_place_across_the_notebooks():
    places = {}
    for path in NOTEBOOKS:
        for module, name in _notebook_imports(path):
            places.setdefault(name, set()).add(module)
    several = {name: sorted(m) for name, m in places.items() if name and len(m) > 1}
    assert not several, f"names imported from more than one module: {several}"
