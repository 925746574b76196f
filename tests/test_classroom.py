"""The student edition (lstm_lib.course.classroom): stubs, safety rules, and the committed student/.

The first part runs the command on small synthetic notebooks in a temporary folder; the
second part checks the real edition: student/ is what the command generates from
notebooks/, no solution line survives in it, it runs with only exercise and check cells
failing, and putting the solutions back gives the instructor notebooks again.
"""

import ast
import base64
import json
import os
import re
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from lstm_lib.course import classroom
from lstm_lib.course.classroom import ClassroomError, build, write_edition
from lstm_lib.course.regions import SOLUTION, find_regions, student_source

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
STUDENT = ROOT / "student"
INSTRUCTOR = sorted(NOTEBOOKS.glob("*.ipynb"))

EXERCISE = """def double(x):
    \"\"\"Return 2 x.\"\"\"
    ### BEGIN SOLUTION
    y = 2 * x
    return y
    ### END SOLUTION"""


def synthetic(extra_cells=()):
    """A small instructor notebook: setup, two exercises with checks, a later cell."""
    nb = new_notebook()
    nb.metadata = {"kernelspec": {"name": "python3", "display_name": "Python 3"}}
    nb.cells = [
        new_markdown_cell("# 01 · A test\n\nThe idea."),
        new_code_cell(
            "x = 20\nprint(x)",
            execution_count=1,
            outputs=[new_output("stream", name="stdout", text="20\n")],
        ),
        new_markdown_cell("## Exercises\n\n### Exercise 1.1 · Double"),
        new_code_cell(EXERCISE, execution_count=2, metadata={"tags": ["exercise"]}),
        new_code_cell(
            "assert double(3) == 6\nprint('Exercise 1.1 passed')\n"
            "### BEGIN HIDDEN TESTS\nassert double(-1) == -2\n### END HIDDEN TESTS",
            execution_count=3,
            metadata={"tags": ["check"]},
            outputs=[new_output("stream", name="stdout", text="Exercise 1.1 passed\n")],
        ),
        new_markdown_cell("### Exercise 1.2 · A number"),
        new_code_cell(
            "### BEGIN SOLUTION\nanswer = x / 40\n### END SOLUTION",
            execution_count=4,
            metadata={"tags": ["exercise"]},
        ),
        new_code_cell(
            "assert answer == 0.5\nprint('Exercise 1.2 passed')",
            execution_count=5,
            metadata={"tags": ["check", "other-tag"]},
        ),
        new_code_cell("print(x + 1)", execution_count=6),
        *extra_cells,
    ]
    return nb


def write(nb, path):
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path


def snapshot(folder):
    """Every file under ``folder`` with its bytes."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(Path(folder).rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def course(tmp_path):
    """An input folder with two synthetic notebooks; returns (in_dir, out_dir)."""
    in_dir = tmp_path / "notebooks"
    write(synthetic(), in_dir / "01_a.ipynb")
    write(synthetic(), in_dir / "02_b.ipynb")
    return in_dir, tmp_path / "student"


# --- the transformation ------------------------------------------------------------------


def test_solution_becomes_an_indented_stub_and_the_signature_stays():
    out = student_source(EXERCISE, "Exercise 1.1")
    assert out == (
        'def double(x):\n    """Return 2 x."""\n'
        '    raise NotImplementedError("Exercise 1.1: write your solution here")'
    )
    compile(out, "<student>", "exec")


def test_top_level_answer_becomes_none_and_other_top_level_code_a_raise():
    out = student_source("### BEGIN SOLUTION\nanswer = 0.5\n### END SOLUTION\nprint(answer)")
    assert out == "answer = None  # replace None with your answer\nprint(answer)"
    steps = "### BEGIN SOLUTION\nk = 2\nanswer = k * 0.5\n### END SOLUTION"
    assert student_source(steps, "Exercise 0.3") == (
        'raise NotImplementedError("Exercise 0.3: write your solution here")'
    )
    assert student_source("### BEGIN SOLUTION\nprint(1)\n### END SOLUTION").startswith("raise")


def test_hidden_tests_are_removed_with_their_markers():
    source = "a = 1\n    ### BEGIN HIDDEN TESTS\n    assert secret\n### END HIDDEN TESTS\nb = 2"
    assert student_source(source) == "a = 1\nb = 2"


def test_markers_with_any_number_of_hashes_and_trailing_spaces():
    source = "def f():\n    # BEGIN SOLUTION \n    return 1\n    ## END SOLUTION"
    assert [(r.kind, r.begin, r.end, r.indent) for r in find_regions(source)] == [
        ("SOLUTION", 1, 3, "    ")
    ]
    assert "return 1" not in student_source(source)


def test_two_regions_in_one_cell_and_text_outside_kept():
    region = "### BEGIN SOLUTION\nb = 1\nprint(b)\n### END SOLUTION"
    source = f"a = 0\n{region}\nc = 2\n{region}"
    out = student_source(source, "Exercise 2.3").split("\n")
    assert out[0] == "a = 0" and out[2] == "c = 2" and len(out) == 4
    assert out[1] == out[3] == 'raise NotImplementedError("Exercise 2.3: write your solution here")'


@pytest.mark.parametrize(
    ("source", "words"),
    [
        ("### BEGIN SOLUTION\na\n### BEGIN SOLUTION\n### END SOLUTION", ["line 3", "nested"]),
        ("### BEGIN SOLUTION\n### BEGIN HIDDEN TESTS\n", ["line 2", "nested"]),
        ("a\n### END SOLUTION", ["line 2", "no BEGIN SOLUTION"]),
        ("x\n### BEGIN SOLUTION\na", ["line 2", "never closed"]),
        ("### BEGIN SOLUTION\na\n### END HIDDEN TESTS", ["line 3", "still open"]),
    ],
)
def test_unbalanced_or_nested_markers_name_the_line(source, words):
    with pytest.raises(ValueError) as info:
        find_regions(source)
    for word in words:
        assert word in str(info.value)


def test_student_notebook_cells_tags_outputs_and_ids(course):
    in_dir, out_dir = course
    write_edition(in_dir, out_dir)
    teacher = nbformat.read(in_dir / "01_a.ipynb", as_version=4)
    student = nbformat.read(out_dir / "01_a.ipynb", as_version=4)
    assert [c.id for c in student.cells] == [c.id for c in teacher.cells]
    assert [c.cell_type for c in student.cells] == [c.cell_type for c in teacher.cells]
    for t_cell, s_cell in zip(teacher.cells, student.cells, strict=True):
        if s_cell.cell_type != "code":
            assert s_cell == t_cell
            continue
        assert s_cell.outputs == [] and s_cell.execution_count is None
        tags = s_cell.metadata.get("tags", [])
        t_tags = t_cell.metadata.get("tags", [])
        if {"exercise", "check"} & set(t_tags):
            assert tags == [*t_tags, "raises-exception"]
        else:
            assert tags == t_tags and s_cell.source == t_cell.source
        assert s_cell.metadata.get("editable", True) is ("check" not in t_tags)
    assert "NotImplementedError" in student.cells[3].source
    assert "Exercise 1.1" in student.cells[3].source and "Exercise 1.2" in student.cells[6].source
    assert "double(-1)" not in student.cells[4].source
    assert student.metadata.kernelspec == teacher.metadata.kernelspec
    assert student.metadata.student_edition["source"] == "01_a.ipynb"
    nbformat.validate(student)


def test_output_is_deterministic_and_check_mode(course, capsys):
    in_dir, out_dir = course
    assert classroom.main([str(in_dir), str(out_dir)]) == 0
    first = snapshot(out_dir)
    assert sorted(first) == ["01_a.ipynb", "02_b.ipynb"]  # no staging folder left behind
    assert classroom.main([str(in_dir), str(out_dir)]) == 0
    assert snapshot(out_dir) == first
    assert first["01_a.ipynb"] == build(in_dir).notebooks["01_a.ipynb"].encode()
    assert classroom.main([str(in_dir), str(out_dir), "--check"]) == 0
    nb = synthetic()
    nb.cells[1].source = "x = 21\nprint(x)"
    write(nb, in_dir / "02_b.ipynb")
    capsys.readouterr()
    assert classroom.main([str(in_dir), str(out_dir), "--check"]) == 1
    assert "02_b.ipynb" in capsys.readouterr().err
    assert snapshot(out_dir) == first  # --check writes nothing
    write_edition(in_dir, out_dir)
    (in_dir / "02_b.ipynb").rename(in_dir / "02_renamed.ipynb")
    write_edition(in_dir, out_dir)
    assert (out_dir / "02_b.ipynb").exists()  # never deleted ...
    capsys.readouterr()
    assert classroom.main([str(in_dir), str(out_dir), "--check"]) == 1
    assert "02_b.ipynb" in capsys.readouterr().err  # ... but reported as stale


def test_check_mode_suggests_a_command_that_works(course, capsys):
    """After a teacher edited a generated notebook, --check says so and suggests --force
    (a plain run would refuse); for a merely outdated one, the plain command."""
    in_dir, out_dir = course
    write_edition(in_dir, out_dir)
    nb = synthetic()
    nb.cells[1].source = "x = 21\nprint(x)"
    write(nb, in_dir / "01_a.ipynb")
    capsys.readouterr()
    assert classroom.main([str(in_dir), str(out_dir), "--check"]) == 1
    err = capsys.readouterr().err
    assert "01_a.ipynb (out of date)" in err
    assert err.rstrip().endswith(f"run: {classroom.COMMAND} {in_dir} {out_dir}")
    edited = nbformat.read(out_dir / "02_b.ipynb", as_version=4)
    edited.cells.append(new_markdown_cell("my hint"))
    nbformat.write(edited, out_dir / "02_b.ipynb")
    write(nb, in_dir / "02_b.ipynb")  # its instructor notebook changed too
    assert classroom.main([str(in_dir), str(out_dir), "--check"]) == 1
    err = capsys.readouterr().err
    assert "02_b.ipynb (edited by hand after it was generated)" in err
    suggested = err.strip().splitlines()[-1]
    assert suggested.startswith(f"run: {classroom.COMMAND} {in_dir} {out_dir} --force")
    assert "overwrites the changes in 02_b.ipynb" in suggested
    code, _ = run_cli(in_dir, out_dir, "--force")  # the suggested command works
    assert code == 0 and classroom.main([str(in_dir), str(out_dir), "--check"]) == 0


def test_notebooks_without_cell_ids_get_stable_ones(tmp_path):
    nb = synthetic()
    nb.nbformat_minor = 4
    for cell in nb.cells:
        del cell["id"]
    path = tmp_path / "in" / "01_old.ipynb"
    path.parent.mkdir()
    path.write_text(json.dumps(nb), encoding="utf-8")
    one = build(path.parent).notebooks["01_old.ipynb"]
    assert one == build(path.parent).notebooks["01_old.ipynb"]
    nbformat.validate(nbformat.reads(one, as_version=4))


# --- the safety rules ---------------------------------------------------------------------


def run_cli(*args):
    """Run the command in-process; return (exit code, stderr)."""
    import contextlib
    import io

    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = classroom.main([str(a) for a in args])
    return code, err.getvalue()


def test_missing_input_folder_is_a_clear_error(tmp_path):
    code, err = run_cli(tmp_path / "nope", tmp_path / "out")
    assert code == 2
    assert "input folder not found" in err and "instructor notebooks" in err
    assert not (tmp_path / "out").exists()


def test_input_without_notebooks_is_refused(tmp_path):
    (tmp_path / "empty").mkdir()
    code, err = run_cli(tmp_path / "empty", tmp_path / "out")
    assert code == 2 and "no .ipynb notebooks" in err
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("where", ["same", "inside", "symlink-same", "symlink-inside"])
def test_output_equal_to_or_inside_the_input_is_refused(course, where):
    in_dir, _ = course
    before = snapshot(in_dir)
    if where == "same":
        out = in_dir
    elif where == "inside":
        out = in_dir / "student"
    else:
        link = in_dir.parent / "link"
        link.symlink_to(in_dir, target_is_directory=True)
        out = link if where == "symlink-same" else link / "deep" / "student"
    code, err = run_cli(in_dir, out)
    assert code == 2 and "input folder" in err and "separate folder" in err
    assert snapshot(in_dir) == before


def test_output_that_is_a_file_is_refused(course):
    in_dir, out_dir = course
    out_dir.write_text("not a folder")
    code, err = run_cli(in_dir, out_dir)
    assert code == 2 and "not a folder" in err
    assert out_dir.read_text() == "not a folder"


def test_marker_errors_name_notebook_and_cell_and_nothing_is_written(course):
    in_dir, out_dir = course
    bad = synthetic([new_code_cell("### BEGIN SOLUTION\nz = 1", metadata={"tags": ["exercise"]})])
    write(bad, in_dir / "03_c.ipynb")
    nested = synthetic()
    nested.cells[3].source = EXERCISE.replace("y = 2 * x", "### BEGIN SOLUTION\ny = 2 * x")
    write(nested, in_dir / "04_d.ipynb")
    code, err = run_cli(in_dir, out_dir)
    assert code == 2 and "nothing written" in err
    assert "03_c.ipynb, cell 9: line 1: BEGIN SOLUTION is never closed" in err
    assert "04_d.ipynb, cell 3: line 4: BEGIN SOLUTION inside the SOLUTION region" in err
    assert not out_dir.exists()  # not even the two good notebooks


def test_solution_in_a_cell_without_the_exercise_tag_is_refused(course):
    in_dir, out_dir = course
    nb = synthetic()
    nb.cells[3].metadata = {}
    write(nb, in_dir / "01_a.ipynb")
    with pytest.raises(
        ClassroomError, match=r"01_a.ipynb, cell 3: a solution region .* 'exercise'"
    ):
        write_edition(in_dir, out_dir)
    assert not out_dir.exists()


def test_errors_leave_an_existing_output_untouched(course):
    in_dir, out_dir = course
    write_edition(in_dir, out_dir)
    (out_dir / "README.md").write_text("teacher's notes")
    before = snapshot(out_dir)
    nb = synthetic()
    nb.cells[3].source = "### END SOLUTION"
    write(nb, in_dir / "02_b.ipynb")
    with pytest.raises(ClassroomError, match="02_b.ipynb, cell 3"):
        write_edition(in_dir, out_dir)
    assert snapshot(out_dir) == before


def test_other_files_in_the_output_are_kept(course):
    in_dir, out_dir = course
    out_dir.mkdir()
    (out_dir / "README.md").write_text("Welcome, class")
    (out_dir / "data").mkdir()
    (out_dir / "data" / "extra.ipynb").write_text("{}")
    write_edition(in_dir, out_dir)
    write(synthetic(), out_dir / "99_teacher_own.ipynb")
    write_edition(in_dir, out_dir)
    files = snapshot(out_dir)
    assert files["README.md"] == b"Welcome, class" and files["data/extra.ipynb"] == b"{}"
    assert "99_teacher_own.ipynb" in files
    assert sorted(files) == [
        "01_a.ipynb",
        "02_b.ipynb",
        "99_teacher_own.ipynb",
        "README.md",
        "data/extra.ipynb",
    ]


def test_a_notebook_not_generated_by_the_command_is_not_overwritten(course):
    in_dir, out_dir = course
    own = write(synthetic(), out_dir / "02_b.ipynb")
    before = own.read_bytes()
    code, err = run_cli(in_dir, out_dir)
    assert code == 2 and "02_b.ipynb was not generated by this command" in err
    assert own.read_bytes() == before and not (out_dir / "01_a.ipynb").exists()
    assert run_cli(in_dir, out_dir, "--force")[0] == 0
    assert own.read_bytes() == build(in_dir).notebooks["02_b.ipynb"].encode()


def test_a_generated_notebook_edited_by_hand_is_not_overwritten(course):
    in_dir, out_dir = course
    write_edition(in_dir, out_dir)
    path = out_dir / "01_a.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(new_markdown_cell("A hint I wrote for my class."))
    nbformat.write(nb, path)
    edited = path.read_bytes()
    code, err = run_cli(in_dir, out_dir)
    assert code == 2 and "01_a.ipynb was edited after it was generated" in err
    assert path.read_bytes() == edited
    assert run_cli(in_dir, out_dir, "--force")[0] == 0
    assert b"A hint I wrote" not in path.read_bytes()


def test_running_and_saving_a_generated_notebook_is_not_an_edit(course):
    in_dir, out_dir = course
    write_edition(in_dir, out_dir)
    path = out_dir / "01_a.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.cells[1].outputs = [new_output("stream", name="stdout", text="20\n")]
    nb.cells[1].execution_count = 1
    nbformat.write(nb, path)
    assert run_cli(in_dir, out_dir)[0] == 0
    assert path.read_bytes() == build(in_dir).notebooks["01_a.ipynb"].encode()


def test_a_failure_while_writing_leaves_the_output_as_it_was(course, monkeypatch):
    in_dir, out_dir = course
    write_edition(in_dir, out_dir)
    before = snapshot(out_dir)
    nb = synthetic()
    nb.cells[1].source = "x = 22"
    write(nb, in_dir / "01_a.ipynb")
    write(nb, in_dir / "02_b.ipynb")
    real_write_text = Path.write_text

    def failing(self, text, *args, **kwargs):
        if self.name == "02_b.ipynb":
            raise OSError("disk full")
        return real_write_text(self, text, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", failing)
    with pytest.raises(OSError, match="disk full"):
        write_edition(in_dir, out_dir)
    assert snapshot(out_dir) == before  # 01_a not replaced, staging folder removed


def test_a_failure_in_a_new_output_folder_removes_it(course, monkeypatch):
    in_dir, out_dir = course
    monkeypatch.setattr(os, "replace", lambda *a: (_ for _ in ()).throw(OSError("no")))
    with pytest.raises(OSError):
        write_edition(in_dir, out_dir)
    assert not out_dir.exists()


@pytest.mark.slow  # starts Jupyter kernels
def test_student_edition_runs_past_unsolved_exercises(course, tmp_path):
    """nbclient (like JupyterLab's Run All) goes on past cells tagged raises-exception."""
    from nbclient import NotebookClient

    in_dir, out_dir = course
    write_edition(in_dir, out_dir)
    nb = nbformat.read(out_dir / "01_a.ipynb", as_version=4)
    NotebookClient(nb, timeout=60, kernel_name="python3").execute()
    failed = [k for k, c in enumerate(nb.cells) if _errors(c)]
    # the check of 1.1 and the check of 1.2; the exercise 1.2 itself runs (answer = None)
    assert failed == [4, 7]
    assert _errors(nb.cells[4])[0]["ename"] == "NotImplementedError"
    assert "21" in nb.cells[8].outputs[0]["text"]  # the cell after the exercises ran


# --- the real edition: notebooks/ -> student/ --------------------------------------------

needs_notebooks = pytest.mark.skipif(not INSTRUCTOR, reason="no instructor notebooks yet")


def _errors(cell):
    return [out for out in cell.get("outputs", []) if out.get("output_type") == "error"]


def _tags(cell):
    return set(cell.metadata.get("tags", []))


def _pairs():
    for path in INSTRUCTOR:
        yield (
            path.name,
            nbformat.read(path, as_version=4),
            nbformat.read(STUDENT / path.name, as_version=4),
        )


@needs_notebooks
def test_committed_student_edition_is_up_to_date():
    edition = build(NOTEBOOKS)
    assert edition.problems == []
    committed = sorted(p.name for p in STUDENT.glob("*.ipynb"))
    assert committed == sorted(edition.notebooks), "run `make student` and commit student/"
    for name, text in edition.notebooks.items():
        assert (STUDENT / name).read_bytes() == text.encode("utf-8"), (
            f"student/{name} is stale: run `make student` and commit student/"
        )


def _solution_lines(source):
    """The non-blank lines inside solution and hidden-test regions, stripped."""
    lines = source.split("\n")
    return [
        line.strip()
        for region in find_regions(source)
        for line in lines[region.begin + 1 : region.end]
        if line.strip()
    ]


def _lines_outside_solutions(source):
    lines = source.split("\n")
    inside = {k for region in find_regions(source) for k in range(region.begin + 1, region.end)}
    return {line.strip() for k, line in enumerate(lines) if k not in inside}


@needs_notebooks
def test_no_solution_line_survives():
    """Every line written between markers (solution or hidden tests) in an instructor
    notebook is absent from its student edition, unless the instructor notebook also shows
    it outside any region (e.g. in a worked example)."""
    for name, teacher, student in _pairs():
        solution = set()
        elsewhere = set()
        for cell in teacher.cells:
            if cell.cell_type == "code":
                solution.update(_solution_lines(cell.source))
                elsewhere.update(_lines_outside_solutions(cell.source))
            else:
                elsewhere.update(line.strip() for line in cell.source.split("\n"))
        assert solution, f"{name} has no solution region"
        student_lines = {line.strip() for cell in student.cells for line in cell.source.split("\n")}
        # a solution line may also be written, e.g. as a worked example, outside any solution
        # region; every other one must be gone from the whole notebook
        survivors = (solution - elsewhere) & student_lines
        assert not survivors, f"student/{name} still shows solution lines: {survivors}"
        for t_cell, s_cell in zip(teacher.cells, student.cells, strict=True):
            if "exercise" in _tags(t_cell):
                own = set(_solution_lines(t_cell.source)) - _lines_outside_solutions(t_cell.source)
                kept = {line.strip() for line in s_cell.source.split("\n")} & own
                assert not kept, f"student/{name}: exercise cell {t_cell.id} shows {kept}"
                assert "NotImplementedError" in s_cell.source or "= None  #" in s_cell.source


def restore(student_source_text, teacher_source_text):
    """Put the instructor's solution and hidden-test regions back into a student cell.

    The kept lines come from the student cell; only the marked regions come from the
    instructor cell. Fails if a stub is not where a solution region was.
    """
    s_lines, t_lines = student_source_text.split("\n"), teacher_source_text.split("\n")
    out, s_pos, t_pos = [], 0, 0
    for region in find_regions(teacher_source_text):
        kept = region.begin - t_pos
        out.extend(s_lines[s_pos : s_pos + kept])
        s_pos += kept
        if region.kind == SOLUTION:
            stub = s_lines[s_pos]
            assert stub.startswith(region.indent + "raise NotImplementedError(") or (
                "= None  # " in stub and not region.indent
            ), stub
            s_pos += 1
        out.extend(t_lines[region.begin : region.end + 1])
        t_pos = region.end + 1
    out.extend(s_lines[s_pos:])
    return "\n".join(out)


@needs_notebooks
def test_putting_the_solutions_back_gives_the_instructor_notebooks():
    """Restored sources equal the instructor's exactly, cell by cell; since strict nbval
    re-runs the instructor notebooks against their stored outputs, the restored student
    notebooks reproduce the instructor results."""
    for name, teacher, student in _pairs():
        assert [c.id for c in student.cells] == [c.id for c in teacher.cells], name
        for t_cell, s_cell in zip(teacher.cells, student.cells, strict=True):
            assert s_cell.cell_type == t_cell.cell_type
            if t_cell.cell_type == "code":
                assert restore(s_cell.source, t_cell.source) == t_cell.source, (name, t_cell.id)
                tags = [t for t in s_cell.metadata.get("tags", []) if t != "raises-exception"]
                assert tags == t_cell.metadata.get("tags", [])
            else:
                assert s_cell.source == t_cell.source


def _defined_names(source):
    """Names a cell defines at top level (functions, classes, assignments)."""
    names = set()
    for node in ast.parse(_python(source)).body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return names


def _python(source):
    """A cell's source without IPython's magics and shell lines."""
    return "\n".join(
        line for line in source.split("\n") if not line.lstrip().startswith(("%", "!"))
    )


@needs_notebooks
def test_later_cells_never_depend_on_an_exercise():
    """No cell other than an exercise's own check uses a name an exercise cell defines, so a
    student who skips an exercise still runs the rest of the notebook."""
    for path in INSTRUCTOR:
        nb = nbformat.read(path, as_version=4)
        code = [c for c in nb.cells if c.cell_type == "code"]
        exercise_names = set()
        for cell in code:
            if "exercise" in _tags(cell):
                exercise_names |= _defined_names(cell.source)
        assert exercise_names, path.name
        for cell in code:
            if _tags(cell) & {"exercise", "check"}:
                continue
            used = {
                node.id
                for node in ast.walk(ast.parse(_python(cell.source)))
                if isinstance(node, ast.Name)
            }
            assert not used & exercise_names, (path.name, cell.id, used & exercise_names)


def _assert_every_check_says(edition, phrase):
    """Run the setup cell, the stubbed exercise cells and the check cells of each notebook
    of ``edition`` in one namespace; each check must fail with ``phrase``."""
    from lstm_lib.course.checks import ExerciseError

    assert edition.problems == []
    for name, text in edition.notebooks.items():
        cells = [c for c in nbformat.reads(text, as_version=4).cells if c.cell_type == "code"]
        space = {}
        exec(_python(cells[0].source), space)  # the setup cell: imports, rng
        checks = 0
        for cell in cells[1:]:
            if "exercise" in _tags(cell):
                exec(cell.source, space)
            elif "check" in _tags(cell):
                with pytest.raises(ExerciseError, match=phrase):
                    exec(cell.source, space)
                checks += 1
        assert checks == sum("exercise" in _tags(c) for c in cells), name


@needs_notebooks
def test_every_check_of_the_generated_edition_says_not_solved_yet():
    """The student edition, built in memory from notebooks/: the setup cell, the stubbed
    exercise cells and the check cells run in one namespace (no kernel, and not the whole
    notebook a second time: strict nbval already runs every other cell), and each check
    fails with "not solved yet" (a check that passes on the stub checks nothing)."""
    _assert_every_check_says(build(NOTEBOOKS), "not solved yet")


# --- the Korean student edition: notebooks/ko -> student/ko ------------------------------


def test_committed_korean_student_edition_is_up_to_date():
    edition = build(NOTEBOOKS / "ko")
    assert edition.problems == []
    committed = sorted(p.name for p in (STUDENT / "ko").glob("*.ipynb"))
    assert committed == sorted(edition.notebooks), "run `make student` and commit student/ko"
    for name, text in edition.notebooks.items():
        assert (STUDENT / "ko" / name).read_bytes() == text.encode("utf-8"), (
            f"student/ko/{name} is stale: run `make student` and commit student/ko"
        )
        assert ": 여기에 풀이를 쓰라" in text, name  # the stubs speak Korean


def test_every_check_of_the_korean_student_edition_says_not_solved_yet_in_korean(monkeypatch):
    monkeypatch.setenv("LSTM_LIB_LANG", "ko")  # what a kernel in student/ko gets from its folder
    _assert_every_check_says(build(NOTEBOOKS / "ko"), "^연습 문제 \\d+\\.\\d+: 아직 풀지 않았다")


def _stub_notebook(tmp_path):
    """A student notebook generated from a small instructor notebook whose exercise is
    checked by a real checker; returns its path and the instructor notebook's path."""
    nb = synthetic()
    nb.cells[3].source = (
        "import numpy as np\nfrom lstm_lib.course.checks.rnn import check_rnn_step\n\n\n"
        "def rnn_step(x, h_prev, Wx, Wh, b):\n    ### BEGIN SOLUTION\n"
        "    return np.tanh(x @ Wx + h_prev @ Wh + b)\n    ### END SOLUTION"
    )
    nb.cells[4].source = "check_rnn_step(rnn_step)"
    in_dir = tmp_path / "notebooks"
    write(nb, in_dir / "00_stub.ipynb")
    write_edition(in_dir, tmp_path / "student")
    return tmp_path / "student" / "00_stub.ipynb", in_dir / "00_stub.ipynb"


@pytest.mark.slow  # starts Jupyter kernels
def test_run_all_shows_each_unsolved_check_as_its_message_only(tmp_path):
    """As JupyterLab's Run All: every cell runs, and the failed check's output is one line,
    the checker's message, not the frames of the checker's source."""
    from nbclient import NotebookClient

    student, _ = _stub_notebook(tmp_path)
    nb = nbformat.read(student, as_version=4)
    NotebookClient(nb, timeout=120, allow_errors=True).execute()
    error = _errors(nb.cells[4])[0]
    assert error["ename"] == "ExerciseError"
    assert error["traceback"] == [f"ExerciseError: {error['evalue']}"]
    assert error["evalue"].startswith("Exercise 0.1: not solved yet")
    assert "21" in nb.cells[8].outputs[0]["text"]  # the last cell ran


@pytest.mark.slow  # starts Jupyter kernels
def test_the_ci_recipe_fails_on_an_unsolved_notebook_and_passes_on_a_solved_one(tmp_path, capsys):
    """TEACHING.md section 7: `python -m lstm_lib.course.classroom run` stops at a failed check,
    although the student edition tags check cells raises-exception."""
    student, solved = _stub_notebook(tmp_path)
    solved_nb = nbformat.read(solved, as_version=4)
    solved_nb.cells[7].source = "answer = 0.5"  # the top-level answer of the synthetic 1.2
    write(solved_nb, solved)
    assert classroom.main(["run", str(student)]) == 1
    out = capsys.readouterr().out
    assert f"FAIL  {student}: ExerciseError: Exercise 0.1: not solved yet" in out
    assert classroom.main(["run", str(solved)]) == 0
    assert capsys.readouterr().out == f"ok    {solved}\n"


def _round_trip_script():
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "nbgrader_round_trip", ROOT / "scripts" / "nbgrader_round_trip.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow  # starts Jupyter kernels
def test_the_nbgrader_round_trip(tmp_path):
    """scripts/nbgrader_round_trip.py: assign, autograde (a solved and an unsolved
    submission) and feedback; run where nbgrader is installed."""
    import importlib.util
    import subprocess
    import sys

    if importlib.util.find_spec("nbgrader") is None:
        pytest.skip("nbgrader is not installed (pip install nbgrader)")
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "nbgrader_round_trip.py"),
            str(tmp_path / "course"),
            "00_from_rnn_to_lstm.ipynb",
        ],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "solved: 3 of 3 points" in result.stdout
    assert "unsolved: 0 of 3 points" in result.stdout


def test_without_nbgrader_the_round_trip_says_so_and_writes_nothing(tmp_path, monkeypatch, capsys):
    script = _round_trip_script()
    real = script.importlib.util.find_spec
    monkeypatch.setattr(
        script.importlib.util, "find_spec", lambda name: None if name == "nbgrader" else real(name)
    )
    assert script.main([str(tmp_path / "course"), "00_from_rnn_to_lstm.ipynb"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nbgrader is not installed" in err and "pip install" in err
    assert list(tmp_path.iterdir()) == []


@needs_notebooks
def test_nbgrader_sees_the_books_exercise_ids_and_the_figures_travel_inside():
    from nbconvert import HTMLExporter

    script = _round_trip_script()
    name = "05_input_gate_and_cell.ipynb"
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    nb = script.embed_figures(script.mark_for_nbgrader(nb, name), ROOT / "figures")
    ids = [c.metadata["nbgrader"]["grade_id"] for c in nb.cells if "nbgrader" in c.metadata]
    assert ids == [f"exercise_5_{k}{s}" for k in (1, 2, 3) for s in ("_answer", "")]
    graded = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")]
    assert all("check" in _tags(c) and c.metadata.nbgrader.points == 1 for c in graded)
    text = "\n".join(c.source for c in nb.cells)
    assert "../figures/" not in text and "(attachment:05_complete_cell.png)" in text
    nbformat.validate(nb)
    html, _ = HTMLExporter().from_notebook_node(nb)
    image = base64.b64encode((ROOT / "figures" / "05_complete_cell.png").read_bytes()).decode()
    assert image in html  # the feedback's HTML shows it without a figures/ folder


@needs_notebooks
def test_teaching_guide_lists_every_notebook_and_exercise():
    guide = (ROOT / "TEACHING.md").read_text(encoding="utf-8")
    for path in INSTRUCTOR:
        assert f"`{path.name}`" in guide, f"TEACHING.md: add {path.name} to the sequence"
        label = None
        for cell in nbformat.read(path, as_version=4).cells:
            for line in cell.source.split("\n") if cell.cell_type == "markdown" else ():
                found = re.search(r"Exercise (\d+\.\d+)", line) if line.startswith("#") else None
                label = found[1] if found else label
            if "exercise" in _tags(cell):
                assert label and f"\n| {label} |" in guide, (
                    f"TEACHING.md: add Exercise {label} of {path.name} to the exercise table"
                )
