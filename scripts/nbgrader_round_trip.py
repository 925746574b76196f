"""The nbgrader round trip of the book's notebooks: assign, autograde, feedback.

    python scripts/nbgrader_round_trip.py COURSE_DIR [NOTEBOOK ...]

Run it with the Python where nbgrader is installed (``pip install nbgrader``); lstm_lib is
found from this repository. Without nbgrader it says so in one line and writes nothing.
COURSE_DIR must be absent or empty. The course is built in a temporary folder beside it
and moved into place only when nbgrader's steps have all run, so a failure never leaves
a half-made course. The script

1. writes ``nbgrader_config.py``: the course id and a limit of 600 s per cell
   (``c.Execute.timeout``; nbgrader's default of 30 s cuts off notebook 08's training);
2. copies the notebooks (all of notebooks/, or the names given) into ``source/lstm/``,
   marks their cells for nbgrader from the book's tags (:func:`mark_for_nbgrader`: grade
   ids ``exercise_5_2``) and embeds each figure in its notebook as a cell attachment
   (:func:`embed_figures`), so that the released notebooks, the submissions and the
   feedback show the figures without a figures/ folder;
3. runs ``nbgrader generate_assignment``, which replaces every solution region by
   ``raise NotImplementedError()``;
4. submits two students: ``solved`` hands in the instructor notebooks, ``unsolved`` the
   released ones untouched;
5. runs ``nbgrader autograde`` and ``nbgrader generate_feedback``;
6. prints each student's score and exits 1 unless ``solved`` earned every point,
   ``unsolved`` none, and the unsolved feedback shows the checkers' "not solved yet".
"""

import argparse
import base64
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # lstm_lib from this repository, as the notebooks use it

from lstm_lib.course.grade.key import exercise_cells  # noqa: E402

ASSIGNMENT = "lstm"
CONFIG = """c = get_config()  # noqa: F821 (nbgrader's configuration object)
c.CourseDirectory.course_id = "lstm-gate-by-gate"
# Notebook 08 trains a language model for longer than nbgrader's default 30 s per cell.
c.Execute.timeout = 600
"""
FIGURE = re.compile(r"!\[([^\]]*)\]\(\.\./figures/([\w.-]+\.png)\)")


def mark_for_nbgrader(nb, name):
    """Give each exercise cell and its check cell nbgrader's metadata.

    Exercise cells become autograded answers (grade id ``exercise_5_2_answer``), check
    cells autograder tests worth one point (grade id ``exercise_5_2``), so that nbgrader's
    gradebook and feedback name the exercise as the book does.
    """
    for label, cell, check in exercise_cells(nb, name):
        grade_id = "exercise_" + label.replace(".", "_")
        common = {"schema_version": 3, "task": False}
        cell.metadata["nbgrader"] = {
            **common,
            "grade_id": f"{grade_id}_answer",
            "solution": True,
            "grade": False,
            "locked": False,
        }
        check.metadata["nbgrader"] = {
            **common,
            "grade_id": grade_id,
            "solution": False,
            "grade": True,
            "locked": True,
            "points": 1,
        }
    return nb


def embed_figures(nb, figures):
    """Replace each ``![...](../figures/NAME.png)`` of a markdown cell by the same image as
    an attachment of that cell (``attachment:NAME.png``)."""
    for cell in nb.cells:
        if cell.cell_type != "markdown" or not FIGURE.search(cell.source):
            continue
        for name in FIGURE.findall(cell.source):
            data = base64.b64encode((figures / name[1]).read_bytes()).decode("ascii")
            cell.setdefault("attachments", {})[name[1]] = {"image/png": data}
        cell.source = FIGURE.sub(r"![\1](attachment:\2)", cell.source)
    return nb


def nbgrader(course, *args):
    """Run one nbgrader command in the course folder; raise RuntimeError on failure."""
    bin_dir = str(Path(sys.executable).parent)  # nbgrader calls alembic from the PATH
    env = {
        **os.environ,
        "PATH": os.pathsep.join([bin_dir, os.environ.get("PATH", "")]),
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    command = [sys.executable, "-m", "nbgrader", *args, ASSIGNMENT]
    done = subprocess.run(command, cwd=course, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(
            f"nbgrader {' '.join(args)} failed:\n{done.stdout[-2000:]}{done.stderr[-4000:]}"
        )


def prepare(course, names):
    """Write the configuration and the marked source notebooks."""
    (course / "nbgrader_config.py").write_text(CONFIG)
    source = course / "source" / ASSIGNMENT
    source.mkdir(parents=True)
    for name in names:
        nb = nbformat.read(ROOT / "notebooks" / name, as_version=4)
        nb = embed_figures(mark_for_nbgrader(nb, name), ROOT / "figures")
        nbformat.write(nb, source / name)


def submit(course, names):
    """The solved student hands in the source notebooks, the unsolved one the released."""
    for student, folder in (("solved", "source"), ("unsolved", "release")):
        target = course / "submitted" / student / ASSIGNMENT
        target.mkdir(parents=True)
        for name in names:
            shutil.copy(course / folder / ASSIGNMENT / name, target / name)


def report(course, names):
    """Print each student's score; return the problems found."""
    from nbgrader.api import Gradebook

    problems = []
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        for student in ("solved", "unsolved"):
            submission = gradebook.find_submission(ASSIGNMENT, student)
            score, top = submission.score, submission.max_score
            print(f"{student}: {score:g} of {top:g} points")
            if (student == "solved") != (score == top) or (student == "unsolved" and score):
                problems.append(f"{student} scored {score:g} of {top:g}")
    for name in names:
        html = course / "feedback" / "unsolved" / ASSIGNMENT / name.replace(".ipynb", ".html")
        if "not solved yet" not in html.read_text(encoding="utf-8"):
            problems.append(f"the feedback {html.name} does not say 'not solved yet'")
    return problems


def round_trip(course, names):
    """Every step in the folder ``course``; returns the problems found."""
    prepare(course, names)
    nbgrader(course, "generate_assignment", "--force")
    submit(course, names)
    nbgrader(course, "autograde", "--create", "--force")
    nbgrader(course, "generate_feedback", "--force")
    return report(course, names)


def _usable(course, names):
    """The reason the round trip cannot start, or None."""
    if importlib.util.find_spec("nbgrader") is None:
        return (
            f"nbgrader is not installed for {sys.executable}: run `{sys.executable} -m pip "
            "install nbgrader`, then this script again with that Python; nothing was written"
        )
    if course.exists() and (not course.is_dir() or any(course.iterdir())):
        return f"{course} must be a new or empty folder; nothing was written"
    missing = [n for n in names if not (ROOT / "notebooks" / n).is_file()]
    if missing:
        return f"no such notebook in {ROOT / 'notebooks'}: {', '.join(missing)}"
    return None


def main(argv=None):
    """Run the round trip; returns the exit code (2: it could not start)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("course", type=Path, help="a new or empty folder for the course")
    parser.add_argument("notebooks", nargs="*", help="notebook names (default: all)")
    args = parser.parse_args(argv)
    names = args.notebooks or sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
    course = args.course.resolve()
    why = _usable(course, names)
    if why:
        print(f"nbgrader_round_trip: error: {why}", file=sys.stderr)
        return 2
    course.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{course.name}-", dir=course.parent))
    try:
        problems = round_trip(staging, names)
        if course.exists():
            course.rmdir()  # empty, checked above
        os.replace(staging, course)
    except (RuntimeError, OSError) as error:
        print(f"nbgrader_round_trip: error: {error}\nnothing was written", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    for problem in problems:
        print(f"problem: {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
