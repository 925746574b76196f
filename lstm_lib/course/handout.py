"""What a teacher hands out: the student notebooks, the figures and the library as a wheel.

    python -m lstm_lib.course.handout REPO OUT          (make handout: REPO ., OUT handout)

REPO is a clone of the book (notebooks/, figures/, lstm_lib/, pyproject.toml). OUT gets

    student/*.ipynb                     the student edition, built from notebooks/
    figures/*.png                       the diagrams the notebooks show (../figures/...)
    dist/lstm_lib-<version>-py3-none-any.whl   the library, checkers included
    README.md                           how to install it and open the notebooks
    .handout.json                       the record of what was written (SHA-256 per file)

and nothing else: no instructor notebook, no test (the tests' right answers are
solutions), no git history. The wheel is written here from pyproject.toml (a pure-Python
wheel is a zip with three metadata files), so the command needs no network and no build
tool. OUT must be new, empty, or a handout this command wrote and nobody changed since;
anything else is refused with its name (--force replaces a changed handout). The new
handout is made in a temporary folder beside OUT and then moved into place.
"""

import argparse
import base64
import hashlib
import json
import os
import shutil
import sys
import tempfile
import tomllib
import zipfile
from pathlib import Path

from .classroom import ClassroomError, build

COMMAND = "python -m lstm_lib.course.handout"
RECORD = ".handout.json"
README = """# {name} {version}: the student handout

    python -m venv .venv
    .venv/bin/pip install "dist/{wheel}[lab]"
    .venv/bin/jupyter lab student/

The notebooks show their figures from ../figures/: keep student/ and figures/ side by side.
Each exercise has a check cell that tells you whether your answer is right and, if not,
what is wrong. Your work is graded separately by your teacher.
"""


class HandoutError(Exception):
    """The handout cannot be made; the message says why and writes nothing."""


def _digest(data):
    return hashlib.sha256(data).hexdigest()


def _metadata(project, readme):
    lines = [
        "Metadata-Version: 2.1",
        f"Name: {project['name']}",
        f"Version: {project['version']}",
        f"Summary: {project.get('description', '')}",
        f"Requires-Python: {project.get('requires-python', '')}",
        f"License: {project.get('license', '')}",
    ]
    lines += [f"Requires-Dist: {r}" for r in project.get("dependencies", [])]
    for extra, requirements in sorted(project.get("optional-dependencies", {}).items()):
        lines.append(f"Provides-Extra: {extra}")
        lines += [f'Requires-Dist: {r}; extra == "{extra}"' for r in requirements]
    lines.append("Description-Content-Type: text/markdown")
    return "\n".join(lines) + "\n\n" + readme


def _package_files(repo, config):
    """(path in the wheel, file) for every module of lstm_lib and its package data."""
    package = repo / "lstm_lib"
    found = {p for p in package.rglob("*.py") if "__pycache__" not in p.parts}
    data = config.get("tool", {}).get("setuptools", {}).get("package-data", {})
    for pattern in data.get("lstm_lib", []):
        found.update(package.glob(pattern))
    return sorted((p.relative_to(repo).as_posix(), p) for p in found if p.is_file())


def _record_line(name, data):
    """A line of the wheel's RECORD: path, urlsafe base64 SHA-256 without padding, size."""
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).decode().rstrip("=")
    return f"{name},sha256={digest},{len(data)}"


def build_wheel(repo, folder):
    """Write the library's wheel into ``folder``; returns its path."""
    repo = Path(repo)
    config = tomllib.loads((repo / "pyproject.toml").read_text(encoding="utf-8"))
    project = config["project"]
    dist, version = project["name"].replace("-", "_"), project["version"]
    info = f"{dist}-{version}.dist-info"
    readme = (repo / project.get("readme", "README.md")).read_text(encoding="utf-8")
    members = [(name, path.read_bytes()) for name, path in _package_files(repo, config)]
    members += [
        (f"{info}/METADATA", _metadata(project, readme).encode("utf-8")),
        (f"{info}/WHEEL", b"Wheel-Version: 1.0\nGenerator: lstm_lib.course.handout\n"
         b"Root-Is-Purelib: true\nTag: py3-none-any\n"),
        (f"{info}/LICENSE", (repo / "LICENSE").read_bytes()),
    ]  # fmt: skip
    record = [_record_line(name, data) for name, data in members]
    members.append((f"{info}/RECORD", ("\n".join([*record, f"{info}/RECORD,,"]) + "\n").encode()))
    wheel = Path(folder) / f"{dist}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:  # a fixed date: the same sources give the same bytes
            archive.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), data)
    return wheel


def _contents(folder):
    return {
        p.relative_to(folder).as_posix(): p
        for p in sorted(Path(folder).rglob("*"))
        if p.is_file() and p.name != RECORD
    }


def _check_target(out, force):
    """Refuse an OUT that is not new, empty, or an unchanged handout of ours."""
    if not out.exists():
        return
    if not out.is_dir():
        raise HandoutError(f"'{out}' exists and is not a folder")
    if not any(out.iterdir()):
        return
    try:
        recorded = json.loads((out / RECORD).read_text(encoding="utf-8"))["files"]
    except (OSError, ValueError, KeyError, TypeError):
        raise HandoutError(
            f"'{out}' is not a handout folder (it has no {RECORD}); choose a new or empty "
            "folder, so that nothing of yours is overwritten"
        ) from None
    changed = [
        name
        for name, path in _contents(out).items()
        if recorded.get(name) != _digest(path.read_bytes())
    ]
    changed += [name for name in recorded if not (out / name).is_file()]
    if changed and not force:
        raise HandoutError(
            f"'{out}' was changed since it was made ({', '.join(sorted(changed)[:8])}); "
            "keep your changes elsewhere, or use --force to replace the handout"
        )


def _fill(repo, staging):
    edition = build(repo / "notebooks")
    if edition.problems:
        raise HandoutError("the student edition cannot be built:\n" + "\n".join(edition.problems))
    (staging / "student").mkdir()
    for name, text in edition.notebooks.items():
        (staging / "student" / name).write_text(text, encoding="utf-8", newline="\n")
    (staging / "figures").mkdir()
    for figure in sorted((repo / "figures").glob("*.png")):
        shutil.copyfile(figure, staging / "figures" / figure.name)
    (staging / "dist").mkdir()
    wheel = build_wheel(repo, staging / "dist")
    project = tomllib.loads((repo / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    text = README.format(name=project["name"], version=project["version"], wheel=wheel.name)
    (staging / "README.md").write_text(text, encoding="utf-8")
    files = {name: _digest(p.read_bytes()) for name, p in _contents(staging).items()}
    (staging / RECORD).write_text(json.dumps({"files": files}, indent=1, sort_keys=True) + "\n")


def make_handout(repo, out, force=False):
    """Build the handout of the clone ``repo`` into ``out``; see the module docstring."""
    repo, out = Path(repo).resolve(), Path(out)
    for needed in ("notebooks", "figures", "lstm_lib", "pyproject.toml", "LICENSE"):
        if not (repo / needed).exists():
            raise HandoutError(f"'{repo}' is not a clone of the book: it has no {needed}")
    if out.resolve() == repo or repo.is_relative_to(out.resolve()):
        raise HandoutError(f"'{out}' would hold the repository itself; choose another folder")
    _check_target(out, force)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".handout-", dir=out.parent))
    try:
        _fill(repo, staging)
        _swap(staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return out


def _swap(new, out):
    """Put the folder ``new`` where ``out`` is; the old ``out`` comes back on a failure."""
    if not out.exists():
        os.replace(new, out)
        return
    old = Path(tempfile.mkdtemp(prefix=".handout-old-", dir=out.parent))
    os.replace(out, old / "handout")
    try:
        os.replace(new, out)
    except BaseException:
        os.replace(old / "handout", out)
        raise
    finally:
        shutil.rmtree(old, ignore_errors=True)


def main(argv=None):
    """``python -m lstm_lib.course.handout REPO OUT [--force]``; returns the exit code."""
    parser = argparse.ArgumentParser(prog=COMMAND, description=__doc__.splitlines()[0])
    parser.add_argument("repo", type=Path, help="a clone of the book")
    parser.add_argument("out", type=Path, help="a new or empty folder, or an earlier handout")
    parser.add_argument("--force", action="store_true", help="replace a changed handout")
    args = parser.parse_args(argv)
    try:
        out = make_handout(args.repo, args.out, args.force)
    except (HandoutError, ClassroomError, OSError) as error:
        print(f"{COMMAND}: error: {error}", file=sys.stderr)
        return 2
    print(f"wrote the handout to {out}: student/, figures/, dist/, README.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
