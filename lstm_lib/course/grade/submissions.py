"""Which notebooks each student handed in.

A submission is a student's folder (the student is named after it; their notebooks are
found anywhere inside, by the key notebook's file name or, for a renamed file, by the
``student_edition`` source our student edition records) or a single notebook (the student
is named after its folder). Several arguments for one student are merged. Two candidate
files for one key notebook are not guessed between: that notebook is reported, not graded.
"""

from dataclasses import dataclass, field
from pathlib import Path

from ..classroom import METADATA_KEY, _nbformat
from .key import GradingError
from .words import say

SKIPPED = (".ipynb_checkpoints", ".git", "__pycache__")


@dataclass
class Student:
    """A student's ``name``, their notebooks by key name, why a key notebook has none
    (``unclear``: key name -> reason), and ``notes`` on files that were not used."""

    name: str
    notebooks: dict = field(default_factory=dict)
    unclear: dict = field(default_factory=dict)
    notes: list = field(default_factory=list)
    candidates: dict = field(default_factory=dict)


def _notebooks(folder):
    return sorted(
        p
        for p in Path(folder).rglob("*.ipynb")
        if not any(part in SKIPPED or part.startswith(".") for part in p.relative_to(folder).parts)
    )


def _key_name(path, key_names):
    """The key notebook ``path`` answers: by file name, else by the edition's record."""
    if path.name in key_names:
        return path.name
    try:
        source = _nbformat().read(path, as_version=4).metadata[METADATA_KEY]["source"]
    except Exception:  # unreadable or without our record: it matches no key notebook
        return None
    return source if source in key_names else None


def find_students(paths, key_names):
    """{student name: Student} for the submission ``paths``; raises GradingError for a path
    that is neither a folder nor a notebook."""
    students = {}
    for path in map(Path, paths):
        if path.is_dir():
            name, files = path.resolve().name, _notebooks(path)
        elif path.is_file() and path.suffix == ".ipynb":
            name, files = path.resolve().parent.name, [path]
        else:
            raise GradingError(f"expected a student's folder or a notebook, got '{path}'")
        student = students.setdefault(name, Student(name))
        for file in files:
            matched = _key_name(file, key_names)
            if matched is None:
                student.notes.append(say("{file} matches no key notebook: not graded", file=file))
            else:
                student.candidates.setdefault(matched, []).append(file)
    for student in students.values():
        for name, files in sorted(student.candidates.items()):
            unique = sorted(set(files))
            if len(unique) == 1:
                student.notebooks[name] = unique[0]
            else:
                listed = ", ".join(map(str, unique))
                why = "{count} files could be it ({listed}); keep one"
                student.unclear[name] = say(why, count=len(unique), listed=listed)
    return dict(sorted(students.items()))


def read_submission(path):
    """The notebook at ``path``, or (None, why) when it cannot be read."""
    try:
        return _nbformat().read(path, as_version=4), None
    except Exception as error:  # a student's file may be anything
        why = "{path} is not a readable notebook ({kind}: {error})"
        return None, say(why, path=path, kind=type(error).__name__, error=error)
