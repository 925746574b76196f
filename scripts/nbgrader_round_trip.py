"""The nbgrader round trip of the book's notebooks: assign, autograde, feedback.

    python scripts/nbgrader_round_trip.py COURSE_DIR [NOTEBOOK ...]

Run it where nbgrader is installed (``pip install nbgrader``); lstm_lib is found from this
repository. In COURSE_DIR (created; it must be empty or absent) the script

1. writes ``nbgrader_config.py``: the course id and a limit of 600 s per cell
   (``c.Execute.timeout``; nbgrader's default of 30 s cuts off notebook 08's training);
2. copies the notebooks (all of notebooks/, or the names given) into ``source/lstm/`` and
   marks their cells for nbgrader from the book's tags (:func:`mark_for_nbgrader`);
3. runs ``nbgrader generate_assignment``, which replaces every solution region by
   ``raise NotImplementedError()``;
4. submits two students: ``solved`` hands in the instructor notebooks, ``unsolved`` the
   released ones untouched;
5. runs ``nbgrader autograde`` and ``nbgrader generate_feedback``;
6. prints each student's score and exits 1 unless ``solved`` earned every point,
   ``unsolved`` none, and the unsolved feedback shows the checkers' "not solved yet".
"""

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
ASSIGNMENT = "lstm"
CONFIG = """c = get_config()  # noqa: F821 (nbgrader's configuration object)
c.CourseDirectory.course_id = "lstm-gate-by-gate"
c.CourseDirectory.root = {root!r}
# Notebook 08 trains a language model for longer than nbgrader's default 30 s per cell.
c.Execute.timeout = 600
"""


def mark_for_nbgrader(nb, prefix):
    """Give each cell tagged ``exercise`` or ``check`` nbgrader's metadata.

    Exercise cells become autograded answers, check cells autograder tests worth one point.
    """
    for k, cell in enumerate(nb.cells):
        tags = cell.metadata.get("tags", [])
        common = {"schema_version": 3, "task": False, "grade_id": f"{prefix}_cell{k}"}
        if "exercise" in tags:
            cell.metadata["nbgrader"] = {
                **common,
                "solution": True,
                "grade": False,
                "locked": False,
            }
        elif "check" in tags:
            cell.metadata["nbgrader"] = {
                **common,
                "solution": False,
                "grade": True,
                "locked": True,
                "points": 1,
            }
    return nb


def nbgrader(course, *args):
    """Run one nbgrader command in the course folder; stop on failure."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    command = [shutil.which("nbgrader") or "nbgrader", *args, ASSIGNMENT]
    done = subprocess.run(command, cwd=course, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{' '.join(command[1:])} failed:\n{done.stdout[-2000:]}{done.stderr[-4000:]}")


def prepare(course, names):
    """Write the configuration and the marked source notebooks."""
    course.mkdir(parents=True, exist_ok=True)
    if any(course.iterdir()):
        sys.exit(f"{course} is not empty")
    (course / "nbgrader_config.py").write_text(CONFIG.format(root=str(course)))
    source = course / "source" / ASSIGNMENT
    source.mkdir(parents=True)
    for name in names:
        nb = nbformat.read(ROOT / "notebooks" / name, as_version=4)
        nbformat.write(mark_for_nbgrader(nb, name[:2]), source / name)


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


def main(argv=None):
    """Run the round trip; returns the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("course", type=Path, help="an empty or new folder for the course")
    parser.add_argument("notebooks", nargs="*", help="notebook names (default: all)")
    args = parser.parse_args(argv)
    names = args.notebooks or sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
    course = args.course.resolve()
    prepare(course, names)
    nbgrader(course, "generate_assignment", "--force")
    submit(course, names)
    nbgrader(course, "autograde", "--create", "--force")
    nbgrader(course, "generate_feedback", "--force")
    problems = report(course, names)
    for problem in problems:
        print(f"problem: {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
