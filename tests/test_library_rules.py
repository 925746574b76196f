"""House rules of the library (CONVENTIONS §2) checked over every module."""

import ast
import importlib
import inspect
import pkgutil
import re
from pathlib import Path

import pytest

import lstm_lib

ROOT = Path(lstm_lib.__file__).parent
MODULES = sorted(info.name for info in pkgutil.walk_packages([str(ROOT)], prefix="lstm_lib."))
DRAWING = {"lstm_lib.diagrams", "lstm_lib.style"}  # figures, colours


def _source(name):
    module = importlib.import_module(name)
    return Path(module.__file__).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(m for m in MODULES if not m.startswith(tuple(DRAWING))))
def test_the_math_layer_never_draws(name):
    imported = set()
    for node in ast.walk(ast.parse(_source(name))):
        if isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            imported.add(node.module or "")
    drawing = {m for m in imported if m.startswith("matplotlib") or m.endswith("diagrams")}
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
    "lstm_lib.better_language_model",
    "lstm_lib.cell",
    "lstm_lib.fast_lstm",
    "lstm_lib.functions",
    "lstm_lib.gates",
    "lstm_lib.gradcheck",
    "lstm_lib.gru",
    "lstm_lib.language_model",
    "lstm_lib.layers",
    "lstm_lib.lstm",
    "lstm_lib.odyssey",
    "lstm_lib.optim",
    "lstm_lib.rnn",
    "lstm_lib.tasks",
    "lstm_lib.train",
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


@pytest.mark.parametrize("name", MODULES)
def test_no_function_over_60_lines(name):
    """CONVENTIONS §2.1: short functions."""
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
