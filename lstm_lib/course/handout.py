"""What a teacher hands out: the student notebooks, the figures and the library as a wheel.

    python -m lstm_lib.course.handout REPO OUT [--book en|ko]   (make handout [BOOK=ko]:
                                                                  REPO ., OUT handout)

REPO is a clone of the book (notebooks/, figures/, lstm_lib/, pyproject.toml). OUT gets, for
the English edition (--book en, the default)

    student/*.ipynb                     the student edition, built from notebooks/
    figures/*.png                       the diagrams the notebooks show (../figures/...)
    dist/lstm_lib-<version>-py3-none-any.whl   the library, checkers included
    README.md                           how to install it and open the notebooks
    .handout.json                       the record of what was written (SHA-256 per file)

and, for the Korean edition (--book ko), student/ko/*.ipynb built from notebooks/ko, the
figures those notebooks show (figures/ko/*.png, as ../../figures/ko/...), the same wheel
and a README.md in Korean: the repository's layout, so that every figure link resolves and
the checkers answer in Korean in a kernel started in student/ko. The figures are exactly
those the notebooks link; a link to anything outside figures/ is refused.

Nothing else: no instructor notebook, no test (the tests' right answers are solutions), no
git history. The wheel is written here from pyproject.toml (a pure-Python wheel is a zip
with three metadata files), so the command needs no network and no build tool. OUT must be
new, empty, or a handout this command wrote (of either edition) and nobody changed since;
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
from dataclasses import dataclass
from pathlib import Path

from .classroom import ClassroomError, _nbformat, build
from .translate.passages import TARGET

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
README_KO = """# {name} {version}: 학생용 배포본

    python -m venv .venv
    .venv/bin/pip install "dist/{wheel}[lab]"
    .venv/bin/jupyter lab student/ko/

노트북은 그림을 ../../figures/ko/에서 가져와 보여 준다. 폴더의 배치를 그대로 두라. student/와
figures/는 나란히 있어야 하고, 노트북은 student/ko/에 있어야 한다(채점 함수는 ko라는 폴더에서
한국어로 답한다). 연습 문제마다 확인 셀이 있어서, 답이 맞는지, 틀렸다면 무엇이 틀렸는지 알려 준다.
과제의 점수는 선생님이 따로 매긴다.
"""


@dataclass(frozen=True)
class Book:
    """An edition a handout can hold: the instructor notebooks it is built from, the folder
    of the handout its student notebooks go to (both relative to the repository, at the same
    depth so that their links hold), and its README."""

    notebooks: str
    student: str
    readme: str


#: the editions, by the name `make handout BOOK=...` gives them
BOOKS = {
    "en": Book("notebooks", "student", README),
    "ko": Book("notebooks/ko", "student/ko", README_KO),
}


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


def _linked_files(repo, book, notebooks):
    """{path in the handout: file of the repository} for every file that a markdown cell of
    the student ``notebooks`` (name -> text) links to, each at its place in the repository;
    raises HandoutError for a link to anything but a file of figures/."""
    found, figures = {}, repo / "figures"
    for name, text in notebooks.items():
        cells = _nbformat().reads(text, as_version=4).cells
        for source in (c.source for c in cells if c.cell_type == "markdown"):
            for target in (match[2] for match in TARGET.finditer(source)):
                path = target.partition("#")[0]
                if not path or "://" in path or path.startswith(("/", "mailto:", "data:")):
                    continue
                file = (repo / book.student / path).resolve()
                if not (file.is_relative_to(figures) and file.is_file()):
                    raise HandoutError(f"{book.student}/{name} links {target}: not a figure")
                found[file.relative_to(repo).as_posix()] = file
    return found


def _fill(repo, staging, book):
    edition = build(repo / book.notebooks)
    if edition.problems:
        raise HandoutError("the student edition cannot be built:\n" + "\n".join(edition.problems))
    (staging / book.student).mkdir(parents=True)
    for name, text in edition.notebooks.items():
        (staging / book.student / name).write_text(text, encoding="utf-8", newline="\n")
    for name, figure in sorted(_linked_files(repo, book, edition.notebooks).items()):
        (staging / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(figure, staging / name)
    (staging / "dist").mkdir()
    wheel = build_wheel(repo, staging / "dist")
    project = tomllib.loads((repo / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    text = book.readme.format(name=project["name"], version=project["version"], wheel=wheel.name)
    (staging / "README.md").write_text(text, encoding="utf-8")
    files = {name: _digest(p.read_bytes()) for name, p in _contents(staging).items()}
    (staging / RECORD).write_text(json.dumps({"files": files}, indent=1, sort_keys=True) + "\n")


def make_handout(repo, out, force=False, book="en"):
    """Build the handout of the edition ``book`` ('en' or 'ko') of the clone ``repo`` into
    ``out``; see the module docstring."""
    if book not in BOOKS:
        raise HandoutError(f"the book must be one of {', '.join(BOOKS)}, got {book!r}")
    repo, out, edition = Path(repo).resolve(), Path(out), BOOKS[book]
    for needed in (edition.notebooks, "figures", "lstm_lib", "pyproject.toml", "LICENSE"):
        if not (repo / needed).exists():
            raise HandoutError(f"'{repo}' is not a clone of the book: it has no {needed}")
    if out.resolve() == repo or repo.is_relative_to(out.resolve()):
        raise HandoutError(f"'{out}' would hold the repository itself; choose another folder")
    _check_target(out, force)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".handout-", dir=out.parent))
    try:
        _fill(repo, staging, edition)
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
    """``python -m lstm_lib.course.handout REPO OUT [--book en|ko] [--force]``; returns the
    exit code."""
    parser = argparse.ArgumentParser(prog=COMMAND, description=__doc__.splitlines()[0])
    parser.add_argument("repo", type=Path, help="a clone of the book")
    parser.add_argument("out", type=Path, help="a new or empty folder, or an earlier handout")
    parser.add_argument(
        "--book", choices=sorted(BOOKS), default="en", help="the edition: en (default) or ko"
    )
    parser.add_argument("--force", action="store_true", help="replace a changed handout")
    args = parser.parse_args(argv)
    try:
        out = make_handout(args.repo, args.out, args.force, args.book)
    except (HandoutError, ClassroomError, OSError) as error:
        print(f"{COMMAND}: error: {error}", file=sys.stderr)
        return 2
    print(f"wrote the handout to {out}: {BOOKS[args.book].student}/, figures/, dist/, README.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
