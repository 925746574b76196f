"""The project's set-up files agree with each other, and every declared floor is kept true.

`make test-oldest` runs the whole suite on the floors themselves; the tests here keep the
floors in a shape it can pin and in step with what the project needs of its dependencies.
"""

import importlib.metadata
import importlib.util
import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
_spec = importlib.util.spec_from_file_location("oldest", ROOT / ".ci" / "oldest_requirements.py")
oldest = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(oldest)


def _requirement(spec):
    """'numpy>=2.0,<3' -> ('numpy', '>=2.0,<3'); names normalised, extras and markers dropped."""
    spec = spec.split(";")[0]
    match = re.fullmatch(r"\s*([A-Za-z0-9_.\-]+)(\[[^\]]*\])?\s*(.*?)\s*", spec)
    name = re.sub(r"[-_.]+", "-", match.group(1)).lower()
    return name, match.group(3).replace(" ", "")


def _pyproject_requirements():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    specs = list(project["dependencies"])
    for items in project["optional-dependencies"].values():
        specs += [s for s in items if not s.startswith(project["name"])]
    return dict(_requirement(s) for s in specs)


def _conda_requirements():
    lines = (ROOT / "environment.yml").read_text().splitlines()
    start = lines.index("dependencies:")
    specs = [line.strip()[2:] for line in lines[start + 1 :] if line.strip().startswith("- ")]
    return dict(_requirement(s) for s in specs if not s.startswith(("python", "pip")))


def test_environment_yml_lists_the_dependencies_of_pyproject():
    assert _conda_requirements() == _pyproject_requirements()


def test_all_extra_gives_every_extra():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    extras = set(project["optional-dependencies"]) - {"all"}
    assert project["optional-dependencies"]["all"] == [f"lstm-lib[{','.join(sorted(extras))}]"]


def test_python_version_agrees():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert f"python{project['requires-python']}" in (ROOT / "environment.yml").read_text()


def _all_specs():
    project = PYPROJECT["project"]
    specs = list(project["dependencies"]) + list(PYPROJECT["build-system"]["requires"])
    for items in project["optional-dependencies"].values():
        specs += [s for s in items if not s.startswith(project["name"])]
    return specs


def _floor(name):
    return Version(dict(oldest.floor(s) for s in _all_specs())[name])


def test_make_test_oldest_pins_every_declared_floor():
    pins = oldest.oldest_pins() + oldest.oldest_pins(build=True)
    names = {oldest.floor(s)[0] for s in _all_specs()}
    assert {pin.split("==")[0] for pin in pins} == names
    for spec in _all_specs():
        pin = "{}=={}".format(*oldest.floor(spec))
        assert pin in pins
        assert Requirement(spec).specifier.contains(pin.split("==")[1]), f"{spec}: floor excluded"


def test_a_requirement_without_a_floor_cannot_be_pinned():
    for spec in ("numpy", "numpy<3", "numpy>=1,>=2"):
        with pytest.raises(ValueError, match="floor"):
            oldest.floor(spec)


def test_setuptools_floor_reads_the_licence_expression():
    # `license = "MIT"` (an SPDX expression, PEP 639) needs setuptools 77 to build at all.
    assert isinstance(PYPROJECT["project"]["license"], str)
    assert _floor("setuptools") >= Version("77")


def test_matplotlib_floor_runs_with_the_numpy_floor():
    # matplotlib before 3.8.4 was built against NumPy 1 and requires numpy<2.
    assert _floor("numpy") >= Version("2")
    assert _floor("matplotlib") >= Version("3.8.4")


def test_ruff_is_bounded_to_the_releases_that_were_tested():
    # A new minor release of ruff may add lint rules or change the formatting style.
    spec = Requirement(next(s for s in _all_specs() if s.startswith("ruff"))).specifier
    assert any(s.operator == "<" for s in spec), "ruff needs an upper bound"


def test_every_place_names_the_same_oldest_python():
    floor = oldest.oldest_python()
    major, minor = floor.split(".")
    assert PYPROJECT["tool"]["ruff"]["target-version"] == f"py{major}{minor}"
    assert f"sys.version_info < ({major}, {minor})" in (ROOT / "Makefile").read_text()
    for page, words in (
        ("README.md", "or newer"),
        ("book/index.md", "or newer"),
        ("README.md", "이상"),
        ("book/ko/index.md", "이상"),
    ):
        text = (ROOT / page).read_text()
        assert f"Python {floor} {words}" in text, page
        named = {m for m in re.findall(rf"Python (3\.\d+) {words}", text)}
        assert named == {floor}, f"{page} names {sorted(named)}"


def test_installed_versions_are_within_the_declared_ranges():
    # Build requirements are left out: pip installs them apart, in the build's own venv.
    build = set(PYPROJECT["build-system"]["requires"])
    outside = []
    for spec in set(_all_specs()) - build:
        requirement = Requirement(spec)
        try:
            version = importlib.metadata.version(requirement.name)
        except importlib.metadata.PackageNotFoundError:
            continue
        if not requirement.specifier.contains(version, prereleases=True):
            outside.append(f"{requirement.name} {version} (declared {requirement.specifier})")
    assert not outside, f"installed outside pyproject's ranges: {outside}"
