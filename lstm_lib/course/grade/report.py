"""The grade table and the summaries, and writing them without losing a teacher's work.

``grades.csv`` has one row per student and one column per exercise (its grade id,
``exercise_5_2``: 1 or 0 points), then the total. ``summary.md`` gives the table and, for
each student, every exercise's result with the message behind it (the checker's, the
reason it was flagged, the time limit); ``feedback/<student>.md`` is one student's part,
to hand back. The headings, columns and results of summary.md, feedback/ and the printed
table are in the feedback's language (grade.words); grades.csv is the same in both. The
files are written into the output folder only if each is new or was written by this
command and not edited since (a record of their SHA-256 is kept in ``.grade-record.json``);
otherwise nothing is written unless ``force``.
"""

import hashlib
import json
import os
import re
import shutil
import tempfile
import unicodedata
from pathlib import Path

from .key import GradingError
from .words import say

RECORD = ".grade-record.json"


def exercises(key):
    """The key's exercises in order."""
    return [e for notebook in key for e in notebook.exercises]


def csv_text(key, grades):
    """grades.csv: student, one column per exercise, total."""
    ids = [e.grade_id for e in exercises(key)]
    lines = [",".join(["student", *ids, "total"])]
    for student, results in grades.items():
        points = [results[e.label].points for e in exercises(key)]
        name = '"' + student.replace('"', '""') + '"' if re.search(r'[,"\n]', student) else student
        lines.append(",".join([name, *map(str, points), str(sum(points))]))
    return "\n".join(lines) + "\n"


def _cell(text):
    return str(text).replace("|", "\\|").replace("\n", " ")


def _columns(text):
    """How many columns ``text`` takes in a terminal: two for a Hangul syllable or another
    wide character, one for the rest."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in str(text))


def _row(first, width, cells):
    """A row of the printed table: ``first`` padded to ``width`` columns, then ``cells``
    right-aligned in four columns each."""
    pad = " " * (width - _columns(first))
    return f"{first}{pad}  " + " ".join(" " * (4 - _columns(x)) + str(x) for x in cells)


def console_table(key, grades):
    """The grade table as aligned text, and under it every exercise that was flagged or
    timed out (what a CI log shows)."""
    labels = [e.label for e in exercises(key)]
    width = max([7, *map(_columns, grades)])
    rows = [_row(say("student"), width, [*labels, say("total")])]
    notes = []
    for student, results in grades.items():
        points = [results[label].points for label in labels]
        rows.append(_row(student, width, [*points, sum(points)]))
        notes += [
            f"  {student} {label} {say(r.status)}: {r.message}"
            for label, r in results.items()
            if r.status in ("flagged", "timed out")
        ]
    return "\n".join(rows + notes) + "\n"


def student_text(key, name, results, notes=()):
    """One student's results as Markdown: a line per exercise with its message."""
    total = sum(r.points for r in results.values())
    score = say("{name}: {total} of {count}", name=name, total=total, count=len(results))
    columns = (say("exercise"), say("result"), say("points"), say("message"))
    lines = [f"## {score}", "", "| " + " | ".join(columns) + " |", "| --- | --- | --- | --- |"]
    for e in exercises(key):
        r = results[e.label]
        lines.append(f"| {e.label} | {say(r.status)} | {r.points} | {_cell(r.message)} |")
    lines += [""] + [f"- {note}" for note in notes] + ([""] if notes else [])
    return "\n".join(lines)


def summary_text(key, grades, notes, library):
    """summary.md: the key and the lstm_lib that graded, the table, each student's part."""
    ex = exercises(key)
    names = ", ".join(nb.name for nb in key)
    heading = say("Key: {names}; {count} exercises, 1 point each.", names=names, count=len(ex))
    lines = [f"# {say('Grades')}", "", heading]
    lines += ["", say("Graded with the checkers of the lstm_lib in {library}.", library=library)]
    columns = [say("student"), *(e.label for e in ex), say("total")]
    lines += ["", "| " + " | ".join(columns) + " |"]
    lines += ["| --- " * (len(ex) + 2) + "|"]
    for student, results in grades.items():
        points = [results[e.label].points for e in ex]
        lines.append(f"| {_cell(student)} | " + " | ".join(map(str, [*points, sum(points)])) + " |")
    lines.append("")
    for student, results in grades.items():
        lines.append(student_text(key, student, results, notes.get(student, ())))
    return "\n".join(lines)


def feedback_name(student):
    """A file name for a student's feedback: their name with anything unsafe replaced."""
    return re.sub(r"[^\w.-]", "_", student).lstrip(".") or "student"


def _digest(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _record(out):
    try:
        data = json.loads((out / RECORD).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _refused(out, files, record):
    problems = []
    for name in files:
        target = out / name
        if target.is_dir() or (target.exists() and not target.is_file()):
            problems.append(f"{target} exists and is not a file")
        elif target.exists() and record.get(name) != _digest(target):
            problems.append(
                f"{target} was not written by the grading command or was edited since; move "
                "it away or use --force to overwrite it"
            )
    return problems


def write_outputs(out, files, force=False):
    """Write ``files`` (relative name -> text) into the folder ``out``; raises
    GradingError, having written nothing, if one would overwrite work not ours."""
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise GradingError(f"output '{out}' exists and is not a folder")
    record = _record(out)
    problems = _refused(out, files, record) if out.exists() else []
    if problems and not force:
        raise GradingError("nothing written:\n" + "\n".join(f"  {p}" for p in problems))
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".grade-", dir=out))
    try:
        for name, text in files.items():
            (staging / name).parent.mkdir(parents=True, exist_ok=True)
            (staging / name).write_text(text, encoding="utf-8", newline="\n")
        for name in files:
            (out / name).parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / name, out / name)
            record[name] = _digest(out / name)
        (out / RECORD).write_text(json.dumps(record, indent=1, sort_keys=True) + "\n")
    finally:
        shutil.rmtree(staging, ignore_errors=True)
