"""Print the oldest supported set: every floor that pyproject.toml declares, pinned with ==.

    python .ci/oldest_requirements.py            the run-time and extra dependencies
    python .ci/oldest_requirements.py --build    the build requirements (setuptools)
    python .ci/oldest_requirements.py --python   the oldest Python, e.g. 3.11

`make test-oldest` installs these pins in a fresh venv and runs the whole suite there, so the
floors in pyproject.toml are the versions that are tested: the pins are derived, never
written by hand, and cannot drift. Every requirement must declare a floor with `>=`.
"""

import argparse
import re
import tomllib
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"
#: 'numpy>=2.0,<3' -> name 'numpy', floor '2.0'; extras and environment markers are kept out
REQUIREMENT = re.compile(r"\s*([A-Za-z0-9_.\-]+)\s*(\[[^\]]*\])?\s*([^;]*?)\s*(;.*)?")


def floor(spec):
    """('numpy', '2.0') for 'numpy>=2.0,<3'; ValueError if the spec declares no '>=' floor."""
    match = REQUIREMENT.fullmatch(spec)
    if match is None:
        raise ValueError(f"cannot read the requirement {spec!r}")
    name = re.sub(r"[-_.]+", "-", match.group(1)).lower()
    floors = [c[2:].strip() for c in match.group(3).split(",") if c.strip().startswith(">=")]
    if len(floors) != 1:
        raise ValueError(f"{spec!r} must declare exactly one floor '>=X' for make test-oldest")
    return name, floors[0]


def oldest_pins(pyproject=PYPROJECT, build=False):
    """Sorted ['name==floor', ...] of the dependencies (or the build requirements)."""
    data = tomllib.loads(Path(pyproject).read_text())
    if build:
        specs = data["build-system"]["requires"]
    else:
        project = data["project"]
        specs = list(project["dependencies"])
        for extra in project["optional-dependencies"].values():
            specs += [s for s in extra if not s.startswith(project["name"])]
    return sorted({"{}=={}".format(*floor(s)) for s in specs})


def oldest_python(pyproject=PYPROJECT):
    """'3.11' for requires-python = '>=3.11'."""
    requires = tomllib.loads(Path(pyproject).read_text())["project"]["requires-python"]
    match = re.fullmatch(r">=\s*(\d+\.\d+)", requires)
    if match is None:
        raise ValueError(f"requires-python must be '>=X.Y', got {requires!r}")
    return match.group(1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--build", action="store_true", help="the build requirements")
    group.add_argument("--python", action="store_true", help="the oldest Python version")
    args = parser.parse_args()
    print(oldest_python() if args.python else "\n".join(oldest_pins(build=args.build)))


if __name__ == "__main__":
    main()
