"""The project's set-up files agree with each other."""

import re
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]


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
