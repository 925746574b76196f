"""make handout (lstm_lib.course.handout): what a teacher gives out, and nothing more.

The handout holds the student edition, the figures it shows, a wheel of the library and a
README; no instructor notebook, no test, no git history. It is made of either edition:
English (student/, figures/) or Korean (make handout BOOK=ko: student/ko/, figures/ko/, a
Korean README), and every link of every notebook resolves inside it. No reference answer
(the text of a solution region of an instructor notebook) is anywhere in it, apart from
the two places the book puts it on purpose: a worked example that the instructor notebook
itself shows outside its solution regions, and a checker, which computes the reference
answer and so holds the formula of a one-line answer. The wheel installs without a
network. A folder that is not a handout, or a handout changed since it was made, is never
overwritten, whichever edition is asked for.
"""

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import nbformat
import pytest

from lstm_lib.course.handout import (
    BOOKS,
    RECORD,
    HandoutError,
    _check_target,
    main,
    make_handout,
)
from lstm_lib.course.regions import SOLUTION, find_regions, student_source
from lstm_lib.course.translate.passages import TARGET

ROOT = Path(__file__).resolve().parents[1]
WHEEL = "dist/lstm_lib-0.1.0-py3-none-any.whl"
#: where the figures of each edition are; its notebooks show every one of them
FIGURES = {"en": "figures", "ko": "figures/ko"}


@pytest.fixture(scope="module")
def handouts(tmp_path_factory):
    """{book: the handout of that edition}, each built once."""
    made = tmp_path_factory.mktemp("made")
    return {book: make_handout(ROOT, made / book, book=book) for book in BOOKS}


def _instructor(book):
    return sorted((ROOT / BOOKS[book].notebooks).glob("*.ipynb"))


def _normal(text):
    return "\n".join(line.strip() for line in text.split("\n") if line.strip())


def _texts(folder):
    """(where, normalised text) of every text in the handout, wheel members included (not
    the font files the wheel ships for the Korean figures)."""
    for path in sorted(folder.rglob("*")):
        where = path.relative_to(folder).as_posix()
        if path.suffix == ".ipynb":
            nb = nbformat.read(path, as_version=4)
            yield where, "\n".join(_normal(c.source) for c in nb.cells)
        elif path.suffix == ".whl":
            with zipfile.ZipFile(path) as wheel:
                for name in wheel.namelist():
                    if not name.endswith(".otf"):  # the Korean figures' font: no text
                        yield f"{where}!{name}", _normal(wheel.read(name).decode("utf-8"))
        elif path.is_file() and path.suffix != ".png":
            yield where, _normal(path.read_text(encoding="utf-8"))


def _solutions(book):
    """(notebook, normalised solution text, whether the book shows it as a worked example:
    somewhere in the instructor notebooks outside every solution region)."""
    book_text = []
    for path in _instructor(book):
        for cell in nbformat.read(path, as_version=4).cells:
            book_text.append(_normal(student_source(cell.source)))
    book_text = "\n".join(book_text)
    for path in _instructor(book):
        for cell in nbformat.read(path, as_version=4).cells:
            lines = cell.source.split("\n")
            for region in find_regions(cell.source) if cell.cell_type == "code" else ():
                if region.kind == SOLUTION:
                    body = _normal("\n".join(lines[region.begin + 1 : region.end]))
                    yield path.name, body, body in book_text


@pytest.mark.parametrize("book", sorted(BOOKS))
def test_the_handout_holds_the_student_edition_the_figures_and_a_wheel(handouts, book):
    handout, student = handouts[book], BOOKS[book].student
    files = sorted(p.relative_to(handout).as_posix() for p in handout.rglob("*") if p.is_file())
    notebooks = sorted(f"{student}/{p.name}" for p in _instructor(book))
    figures = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / FIGURES[book]).glob("*.png"))
    assert len(figures) >= 14
    assert files == sorted([RECORD, "README.md", WHEEL, *notebooks, *figures])
    for name in notebooks:
        assert "student_edition" in nbformat.read(handout / name, as_version=4).metadata
    readme = (handout / "README.md").read_text(encoding="utf-8")
    assert f"jupyter lab {student}/" in readme and ("학생용" in readme) == (book == "ko")
    with zipfile.ZipFile(handout / WHEEL) as wheel:
        tops = {name.split("/")[0] for name in wheel.namelist()}
    assert tops == {"lstm_lib", "lstm_lib-0.1.0.dist-info"}


@pytest.mark.parametrize("book", sorted(BOOKS))
def test_every_link_of_every_notebook_resolves_inside_the_handout(handouts, book):
    handout, images = handouts[book].resolve(), 0
    for path in sorted((handout / BOOKS[book].student).glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            for target in (m[2] for m in TARGET.finditer(cell.source)):
                if "://" in target:
                    continue
                linked = (path.parent / target.partition("#")[0]).resolve()
                assert linked.is_relative_to(handout) and linked.is_file(), (path.name, target)
                images += target.endswith(".png")
    assert images >= 14


@pytest.mark.parametrize("book", sorted(BOOKS))
def test_no_reference_answer_is_anywhere_in_the_handout(handouts, book):
    texts = list(_texts(handouts[book]))
    solutions = list(_solutions(book))
    assert len(solutions) >= 29 and len(texts) > 50
    leaks = []
    for notebook, body, elsewhere in solutions:
        for where, text in texts:
            if body not in text:
                continue
            worked_example = elsewhere and where.startswith("student/")
            reference = "!lstm_lib/course/checks/" in where and "\n" not in body
            if not (worked_example or reference):
                leaks.append(f"{notebook}: the solution {body!r} is in {where}")
    assert not leaks, "\n".join(leaks)


def test_the_wheel_installs_without_a_network_and_brings_the_checkers(handouts, tmp_path):
    wheel = handouts["en"] / WHEEL
    assert wheel.read_bytes() == (handouts["ko"] / WHEEL).read_bytes()  # one library for both
    pip = [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index"]
    subprocess.run([*pip, "--target", str(tmp_path), str(wheel)], check=True, timeout=300)
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); import lstm_lib; "
        "from lstm_lib.course.checks.cell import check_lstm_cell_forward; "
        "print(lstm_lib.__file__)"
    )
    done = subprocess.run(
        [sys.executable, "-I", "-c", code, str(tmp_path)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert Path(done.stdout.strip()).is_relative_to(tmp_path)
    metadata = next(tmp_path.glob("lstm_lib-*.dist-info")) / "METADATA"
    text = metadata.read_text(encoding="utf-8")
    assert "Requires-Dist: numpy<3,>=2.0" in text or "Requires-Dist: numpy>=2.0,<3" in text
    assert 'extra == "lab"' in text


@pytest.mark.parametrize("book", sorted(BOOKS))
def test_a_folder_that_is_not_a_handout_is_never_overwritten(tmp_path, capsys, book):
    out = tmp_path / "course"
    out.mkdir()
    (out / "syllabus.md").write_text("my course")
    assert main([str(ROOT), str(out), "--book", book]) == 2
    assert "not a handout folder" in capsys.readouterr().err
    assert [p.name for p in out.iterdir()] == ["syllabus.md"]
    (tmp_path / "file").write_text("x")
    with pytest.raises(HandoutError, match="not a folder"):
        make_handout(ROOT, tmp_path / "file", book=book)
    with pytest.raises(HandoutError, match="the repository itself"):
        make_handout(ROOT, ROOT, book=book)
    with pytest.raises(HandoutError, match="one of en, ko, got 'fr'"):
        make_handout(ROOT, tmp_path / "new", book="fr")


@pytest.mark.parametrize("book", sorted(BOOKS))
def test_a_handout_is_rebuilt_in_place_unless_it_was_changed(handouts, tmp_path, book):
    copy = tmp_path / "handout"
    shutil.copytree(handouts[book], copy)
    _check_target(copy, force=False)  # unchanged: it may be rebuilt
    (copy / "README.md").write_text("my own notes")
    (copy / BOOKS[book].student / "extra.ipynb").write_text("{}")
    with pytest.raises(HandoutError, match=r"changed since it was made \(README.md, student/"):
        _check_target(copy, force=False)
    _check_target(copy, force=True)
    make_handout(ROOT, copy, force=True, book=book)
    assert (copy / "README.md").read_text() == (handouts[book] / "README.md").read_text()
    assert not (copy / BOOKS[book].student / "extra.ipynb").exists()
    record = json.loads((copy / RECORD).read_text())["files"]
    assert set(record) == {p.relative_to(copy).as_posix() for p in copy.rglob("*")
                           if p.is_file() and p.name != RECORD}  # fmt: skip
    assert not list(tmp_path.glob(".handout-*"))  # no staging folder left behind
