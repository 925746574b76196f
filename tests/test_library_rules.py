"""House rules of the library (CONVENTIONS §2) checked over every module."""

import ast
import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest

import lstm_lib

ROOT = Path(lstm_lib.__file__).parent
MODULES = sorted(info.name for info in pkgutil.walk_packages([str(ROOT)], prefix="lstm_lib."))
DRAWING = {"lstm_lib.diagrams", "lstm_lib.diagrams_gru", "lstm_lib.style"}  # figures, colours


def _source(name):
    module = importlib.import_module(name)
    return Path(module.__file__).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(set(MODULES) - DRAWING))
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
