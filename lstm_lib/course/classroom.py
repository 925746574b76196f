"""Build the student edition of the notebooks: solutions out, stubs in, outputs cleared.

    python -m lstm_lib.course.classroom notebooks student          (what `make student` runs)
    python -m lstm_lib.course.classroom notebooks student --check  (exit 1 if student/ is stale)
    python -m lstm_lib.course.classroom run student/*.ipynb          (exit 1 if a check fails)

The instructor notebooks mark their answers the nbgrader way, inside code cells::

    def forget_gate(x, h_prev, Wx, Wh, b):
        \"\"\"...\"\"\"
        ### BEGIN SOLUTION
        return sigmoid(x @ Wx + h_prev @ Wh + b)
        ### END SOLUTION

For every ``IN/*.ipynb`` the command writes ``OUT/<same name>`` in which

* each solution region becomes one line, indented like its ``BEGIN SOLUTION`` marker:
  ``raise NotImplementedError("Exercise 3.1: write your solution here")``, or, for a
  top-level region that only assigns one name (a numeric answer), ``answer = None``;
* each hidden-test region (``### BEGIN HIDDEN TESTS`` .. ``### END HIDDEN TESTS``) is
  removed, markers included;
* outputs and execution counts are cleared;
* cells tagged ``exercise`` or ``check`` also get Jupyter's standard tag
  ``raises-exception``, so "Run All" (JupyterLab, nbclient, nbval) goes on past an
  unsolved exercise; check cells are made read-only (``editable: false``);
* the notebook metadata gets a ``student_edition`` entry naming its source and a
  fingerprint of the generated content.

Safety rules, each one tested:

* OUT may not be IN nor lie inside IN (symlinks resolved): the instructor notebooks are
  never written to.
* Everything is checked before anything is written. Unbalanced or nested markers, a
  region spanning cells, or a solution in a cell not tagged ``exercise`` are all reported
  together, with notebook and cell index, and nothing is written.
* Only the ``.ipynb`` files generated from IN are written in OUT; no other file there is
  touched or deleted. A notebook in OUT with the same name that this command did not
  generate (no ``student_edition`` entry), or whose cells were edited after it was
  generated (the fingerprint of its cell sources no longer matches; running it and saving
  outputs does not count), is never overwritten: the command refuses and
  names it, unless ``--force`` is given.
* The new notebooks are first written into a temporary folder inside OUT, then each is
  moved into place with an atomic rename; a failure before that leaves OUT as it was.

``run`` executes notebooks top to bottom, each in a fresh kernel, and fails at the first
cell that raises, even in a cell tagged ``raises-exception``: what a course's CI runs on
solved notebooks (TEACHING.md, section 7).

The command needs nbformat (and nbclient for ``run``), installed with the ``test`` extra;
``import lstm_lib.course.classroom`` works without them.

The output is deterministic (cell ids come from the instructor notebook, keys are sorted as
nbformat writes them), so a test can regenerate the edition and require identical bytes.
"""

import argparse
import copy
import hashlib
import json
import os
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .regions import SOLUTION, find_regions, student_source

EXERCISE_TAG = "exercise"
CHECK_TAG = "check"
RAISES_TAG = "raises-exception"
METADATA_KEY = "student_edition"
COMMAND = "python -m lstm_lib.course.classroom"

#: an exercise's heading, in English or in the Korean edition ("### 연습 문제 3.1 · ...")
EXERCISE_LABEL = re.compile(r"(Exercise|연습 문제)\s+(\d+(?:\.\d+)*)")


class ClassroomError(Exception):
    """The student edition cannot be built; the message lists every problem found."""


def _nbformat():
    """nbformat, imported when first needed, or a ClassroomError saying how to install it."""
    try:
        import nbformat
    except ImportError:
        raise ClassroomError(
            "the student edition needs nbformat: pip install nbformat (or the test extra, "
            'pip install -e ".[test]")'
        ) from None
    return nbformat


@dataclass
class Edition:
    """The generated notebooks (file name -> text) and the problems that stop writing them."""

    notebooks: dict = field(default_factory=dict)
    problems: list = field(default_factory=list)
    exercises: int = 0


def _tags(cell):
    return list(cell.get("metadata", {}).get("tags", []))


def fingerprint(nb):
    """SHA-256 of what a teacher could have written in a notebook: its cells' types and
    sources (outputs left out, so running and saving a generated notebook is not an edit)."""
    cells = [[cell.cell_type, cell.source] for cell in nb.cells]
    canonical = json.dumps(cells, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def student_notebook(nb, name):
    """Return ``(student_nb, problems, exercise_count)`` for the instructor notebook ``nb``.

    ``name`` names the notebook in the problems and in the ``student_edition`` metadata.
    The instructor notebook is not modified.
    """
    nb = copy.deepcopy(nb)
    problems, exercises, label = [], 0, ""
    for index, cell in enumerate(nb.cells):
        if "id" not in cell:
            # nbformat < 4.5 has no ids; derive stable ones so the output stays deterministic.
            cell["id"] = hashlib.sha1(f"{name}:{index}".encode()).hexdigest()[:8]
        if cell.cell_type == "markdown":
            for line in cell.source.split("\n"):
                found = EXERCISE_LABEL.search(line) if line.startswith("#") else None
                label = f"{found[1]} {found[2]}" if found else label
            continue
        if cell.cell_type != "code":
            continue
        tags = _tags(cell)
        try:
            regions = find_regions(cell.source)
            cell.source = student_source(cell.source, label)
        except ValueError as error:
            problems.append(f"{name}, cell {index}: {error}")
            continue
        if any(r.kind == SOLUTION for r in regions) and EXERCISE_TAG not in tags:
            problems.append(
                f"{name}, cell {index}: a solution region in a cell without the tag "
                f"'{EXERCISE_TAG}' (the student edition could not run past it)"
            )
        if EXERCISE_TAG in tags:
            exercises += 1
        if EXERCISE_TAG in tags or CHECK_TAG in tags:
            if RAISES_TAG not in tags:
                tags.append(RAISES_TAG)
            cell.metadata["tags"] = tags
        if CHECK_TAG in tags:
            cell.metadata["editable"] = False
        cell.outputs = []
        cell.execution_count = None
        cell.metadata.pop("execution", None)
    nb.nbformat, nb.nbformat_minor = 4, max(nb.get("nbformat_minor", 5), 5)
    nb.metadata[METADATA_KEY] = {
        "source": name,
        "note": f"Generated by `{COMMAND}` (make student): do not edit, regenerate.",
    }
    nb.metadata[METADATA_KEY]["sha256"] = fingerprint(nb)
    return nb, problems, exercises


def notebook_text(nb):
    """Serialise a notebook exactly as ``nbformat.write`` does."""
    text = _nbformat().writes(nb, version=4)
    return text if text.endswith("\n") else text + "\n"


def instructor_notebooks(in_dir):
    """The ``.ipynb`` files directly in ``in_dir``, sorted by name."""
    return sorted(p for p in Path(in_dir).glob("*.ipynb") if not p.name.startswith("."))


def build(in_dir):
    """Generate the student edition of ``in_dir`` in memory; see ``Edition``."""
    edition, nbformat = Edition(), _nbformat()
    for path in instructor_notebooks(in_dir):
        try:
            nb = nbformat.read(path, as_version=4)
        except Exception as error:  # a notebook that does not parse is a problem to report
            edition.problems.append(f"{path.name}: not a readable notebook ({error})")
            continue
        student, problems, exercises = student_notebook(nb, path.name)
        edition.problems.extend(problems)
        edition.exercises += exercises
        edition.notebooks[path.name] = notebook_text(student)
    return edition


def _check_folders(in_dir, out_dir):
    in_dir, out_dir = Path(in_dir), Path(out_dir)
    if not in_dir.is_dir():
        raise ClassroomError(
            f"input folder not found: expected a folder of instructor notebooks (.ipynb), "
            f"got '{in_dir}'"
        )
    if not instructor_notebooks(in_dir):
        raise ClassroomError(f"no .ipynb notebooks in the input folder '{in_dir}'")
    real_in, real_out = in_dir.resolve(), out_dir.resolve()
    if real_out == real_in or real_in in real_out.parents:
        raise ClassroomError(
            f"output folder '{out_dir}' is {'the' if real_out == real_in else 'inside the'} "
            f"input folder '{in_dir}': the student edition must go to a separate folder, "
            "e.g. student/ beside notebooks/, so the instructor notebooks are never written"
        )
    if out_dir.exists() and not out_dir.is_dir():
        raise ClassroomError(f"output '{out_dir}' exists and is not a folder")


def _ours(path):
    """Whether ``path`` is a notebook this command generated and nobody edited since.

    Returns ``(generated, unedited)``.
    """
    try:
        nb = _nbformat().read(path, as_version=4)
        stamp = nb.metadata[METADATA_KEY]
    except Exception:  # unreadable or without our entry: not ours
        return False, False
    return True, isinstance(stamp, dict) and stamp.get("sha256") == fingerprint(nb)


def _conflicts(edition, out_dir, force):
    problems = []
    for name in edition.notebooks:
        target = Path(out_dir) / name
        if not target.exists():
            continue
        if not target.is_file():
            problems.append(f"{target} exists and is not a file")
            continue
        generated, unedited = _ours(target)
        if force:
            continue
        if not generated:
            problems.append(
                f"{target} was not generated by this command; move it away or use --force "
                "to overwrite it"
            )
        elif not unedited:
            problems.append(
                f"{target} was edited after it was generated; keep your changes elsewhere "
                "or use --force to overwrite them"
            )
    return problems


def write_edition(in_dir, out_dir, force=False):
    """Build the student edition of ``in_dir`` into ``out_dir``; return the ``Edition``.

    Raises ``ClassroomError``, having written nothing, on any problem.
    """
    _check_folders(in_dir, out_dir)
    edition = build(in_dir)
    problems = edition.problems + _conflicts(edition, out_dir, force)
    if problems:
        raise ClassroomError(
            "nothing written; fix these first:\n" + "\n".join(f"  {p}" for p in problems)
        )
    out_dir = Path(out_dir)
    created = not out_dir.exists()
    out_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".classroom-", dir=out_dir))
    try:
        for name, text in edition.notebooks.items():
            (staging / name).write_text(text, encoding="utf-8", newline="\n")
        for name in edition.notebooks:
            os.replace(staging / name, out_dir / name)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        if created:
            shutil.rmtree(out_dir, ignore_errors=True)
        raise
    staging.rmdir()
    return edition


def stale(in_dir, out_dir):
    """Names of the notebooks in ``out_dir`` that differ from a fresh build of ``in_dir``,
    or that this command generated from a notebook no longer in ``in_dir``."""
    _check_folders(in_dir, out_dir)
    edition = build(in_dir)
    if edition.problems:
        raise ClassroomError("cannot build:\n" + "\n".join(f"  {p}" for p in edition.problems))
    out = []
    for name, text in edition.notebooks.items():
        target = Path(out_dir) / name
        if not target.is_file() or target.read_bytes() != text.encode("utf-8"):
            out.append(name)
    # generated earlier from a notebook that is no longer in the input folder
    for target in sorted(Path(out_dir).glob("*.ipynb")):
        if target.name not in edition.notebooks and _ours(target)[0]:
            out.append(target.name)
    return out


def main(argv=None):
    """``python -m lstm_lib.course.classroom IN OUT [--check] [--force]``, or ``... run NB...``;
    returns the exit code."""
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["run"]:
        from .running import run_main  # running imports this module

        return run_main(argv[1:])
    parser = argparse.ArgumentParser(
        prog=COMMAND, description=__doc__.splitlines()[0], epilog="See TEACHING.md."
    )
    parser.add_argument("input", type=Path, help="folder of instructor notebooks")
    parser.add_argument("output", type=Path, help="folder for the student edition")
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 if the output folder is not up to date",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="overwrite notebooks in the output folder that this command did not "
        "generate or that were edited by hand",
    )
    args = parser.parse_args(argv)
    try:
        if args.check:
            return _check_mode(args)
        edition = write_edition(args.input, args.output, force=args.force)
    except (ClassroomError, OSError) as error:
        print(f"{parser.prog}: error: {error}", file=sys.stderr)
        return 2
    print(
        f"wrote {len(edition.notebooks)} student notebook(s) "
        f"({edition.exercises} exercises) to {args.output}"
    )
    return 0


def _why_stale(in_dir, out_dir, name):
    """(what to tell, what fixes it: "delete", "force" or "run") for a stale notebook."""
    target = Path(out_dir) / name
    if not (Path(in_dir) / name).is_file():
        return "its instructor notebook is gone: delete it by hand", "delete"
    if not target.exists():
        return "missing", "run"
    generated, unedited = _ours(target)
    if not generated:
        return "not generated by this command", "force"
    if not unedited:
        return "edited by hand after it was generated", "force"
    return "out of date", "run"


def _check_mode(args):
    """--check: name each stale notebook and why, then the command that fixes them (with
    --force when one was edited by hand, saying so, since a plain run would refuse)."""
    outdated = stale(args.input, args.output)
    fixes = {}
    for name in outdated:
        why, fix = _why_stale(args.input, args.output, name)
        fixes.setdefault(fix, []).append(name)
        print(f"out of date or stale: {args.output / name} ({why})", file=sys.stderr)
    forced = fixes.get("force", [])
    if forced:
        print(
            f"run: {COMMAND} {args.input} {args.output} --force  (it overwrites the changes "
            f"in {', '.join(forced)}: keep them elsewhere first)",
            file=sys.stderr,
        )
    elif fixes.get("run"):
        print(f"run: {COMMAND} {args.input} {args.output}", file=sys.stderr)
    if outdated:
        return 1
    print(f"{args.output} is up to date with {args.input}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
