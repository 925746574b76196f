"""python -m lstm_lib.course.grade: grade a class's notebooks against the teacher's key.

    python -m lstm_lib.course.grade --key notebooks/ submissions/*/ --out grades/

Run it where the teacher's lstm_lib is installed, from a folder outside the submissions.
Each submission is a student's folder or a notebook. For every key notebook and student,
the answer cells (matched to the key by cell id) run in a fresh isolated process with the
teacher's lstm_lib, and the key's check cells call the teacher's checkers on them in this
process (lstm_lib.course.grade.grading). The submission's check cells are never run, and
nothing it ships (an lstm_lib folder, a changed checker) is imported. Writes grades.csv,
summary.md and feedback/<student>.md into --out, and prints the table. The checkers' messages
and the files' headings are in the key's language: Korean for the Korean edition
(notebooks/ko, student/ko), unless LSTM_LIB_LANG says otherwise (key.feedback_language).
TEACHING.md §5 and §8.
"""

import argparse
import sys
import time
from pathlib import Path

from ..checks._language import answering_in
from .grading import FAILED, MISSING, Result, grade_notebook
from .key import GradingError, check_namespace, feedback_language, read_key
from .report import (
    console_table,
    csv_text,
    feedback_name,
    student_text,
    summary_text,
    write_outputs,
)
from .sandbox import teacher_root
from .submissions import find_students, read_submission
from .words import say

COMMAND = "python -m lstm_lib.course.grade"


def _refuse_a_shadowed_library(submissions):
    root = teacher_root()
    for path in map(Path, submissions):
        folder = path.resolve() if path.is_dir() else path.resolve().parent
        if root == folder or root.is_relative_to(folder):
            raise GradingError(
                f"lstm_lib was imported from {root / 'lstm_lib'}, inside the submission "
                f"'{path}': run the command from a folder outside the submissions (or with "
                "python -I), so that the teacher's installed lstm_lib is the one that grades"
            )


def _results_of(key_notebook, student, space, timeout):
    path = student.notebooks.get(key_notebook.name)
    if path is None:
        why = student.unclear.get(key_notebook.name, say("the notebook was not handed in"))
        return {e.label: Result(MISSING, why) for e in key_notebook.exercises}
    nb, why = read_submission(path)
    if nb is None:
        return {e.label: Result(FAILED, why) for e in key_notebook.exercises}
    return grade_notebook(key_notebook, nb, space, timeout)


def grade_class(key, students, timeout, log=None):
    """{student: {label: Result}} for every student and every exercise of the key, the
    messages in the checkers' language (main chooses the key's: ``answering_in``)."""
    spaces = {nb.name: check_namespace(nb.name, nb.imports) for nb in key}
    grades = {}
    for student in students.values():
        start, results = time.monotonic(), {}
        for key_notebook in key:
            results.update(_results_of(key_notebook, student, spaces[key_notebook.name], timeout))
        grades[student.name] = results
        if log:
            log(f"graded {student.name} in {time.monotonic() - start:.1f} s")
    return grades


def _files(key, students, grades):
    notes = {name: student.notes for name, student in students.items()}
    summary = summary_text(key, grades, notes, teacher_root() / "lstm_lib")
    files = {"grades.csv": csv_text(key, grades), "summary.md": summary}
    for name, results in grades.items():
        text = student_text(key, name, results, notes[name]).replace("## ", "# ", 1)
        files[f"feedback/{feedback_name(name)}.md"] = text + "\n"
    return files


def _log(text):
    print(text, file=sys.stderr, flush=True)


def _parser():
    parser = argparse.ArgumentParser(
        prog=COMMAND, description=__doc__.splitlines()[0], epilog="See TEACHING.md, section 5."
    )
    parser.add_argument(
        "--key",
        action="append",
        required=True,
        help="a key notebook or a folder of them (the instructor notebooks); repeat for more",
    )
    parser.add_argument("submissions", nargs="+", help="students' folders or notebooks")
    parser.add_argument("--out", type=Path, required=True, help="folder for the grades")
    parser.add_argument(
        "--timeout", type=float, default=60.0, help="seconds one exercise's answer may take (60)"
    )
    parser.add_argument(
        "--force", action="store_true", help="overwrite grade files edited since they were written"
    )
    return parser


def main(argv=None):
    """Grade; returns the exit code (0, or 2 when the grading could not be done)."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.timeout <= 0:
        parser.error(f"--timeout must be a positive number of seconds, got {args.timeout:g}")

    try:
        _refuse_a_shadowed_library(args.submissions)
        key = read_key(args.key)
        with answering_in(feedback_language(key)):
            students = find_students(args.submissions, {nb.name for nb in key})
            grades = grade_class(key, students, args.timeout, _log)
            files, table = _files(key, students, grades), console_table(key, grades)
        write_outputs(args.out, files, force=args.force)
    except (GradingError, OSError) as error:
        print(f"{COMMAND}: error: {error}", file=sys.stderr)
        return 2
    print(table, end="")
    print(f"lstm_lib from {teacher_root() / 'lstm_lib'}; wrote {args.out}/grades.csv, summary.md")
    return 0
