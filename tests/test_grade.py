"""The grading command (lstm_lib.course.grade) on a simulated class.

Five students hand in notebooks 01, 05 and 07, built from the instructor notebooks:
alice the key's answers, bob the student edition untouched, carol a mix (a named mistake,
two named transposes, an answer that never ends, a deleted answer cell, a notebook whose
cell ids were lost), dave every cheat the issue tried (the checker's source read with
inspect, a checker redefined, the checkers monkeypatched, the library's own LSTM, frames
walked to the reference, check cells deleted or edited, a fake lstm_lib shipped), and erin
two cheats only the watchers of the answer's process see. The grade table is asserted
exactly; then the files, and that a teacher's edit of them is never overwritten. A key of
the Korean edition gives Korean feedback.
"""

import csv
import textwrap
import time
import uuid
from pathlib import Path

import nbformat
import pytest

import lstm_lib
from lstm_lib.course.classroom import build
from lstm_lib.course.grade import command
from lstm_lib.course.grade.key import GradingError
from lstm_lib.course.grade.report import RECORD, write_outputs

# Every test here grades a class: answers run in processes of their own (make check skips it).
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
NAMES = ("01_gates.ipynb", "05_input_gate_and_cell.ipynb", "07_fused_implementation.ipynb")
CHECKERS = Path(lstm_lib.__file__).parent / "course" / "checks"
TIMEOUT = 8  # seconds per exercise; carol's endless loop costs this much
TABLE = {
    #         1.1 1.2 1.3 5.1 5.2 5.3 7.1 7.2 7.3
    "alice": [1, 1, 1, 1, 1, 1, 1, 1, 1],
    "bob": [0, 0, 0, 0, 0, 0, 0, 0, 0],
    "carol": [1, 0, 0, 0, 1, 0, 0, 1, 0],
    "dave": [0, 0, 0, 0, 0, 0, 0, 0, 0],
    "erin": [0, 1, 1, 0, 1, 1, 1, 1, 1],
}


def _key(name):
    return nbformat.read(ROOT / "notebooks" / name, as_version=4)


def _blank(name):
    return nbformat.reads(build(ROOT / "notebooks").notebooks[name], as_version=4)


def _answers(nb):
    """The exercise cells of ``nb``, in order."""
    return [c for c in nb.cells if "exercise" in c.metadata.get("tags", [])]


def _answer(nb, k, source):
    _answers(nb)[k].source = textwrap.dedent(source).strip()


def _hand_in(folder, student, name, nb):
    path = folder / student / name
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)


def _carol(folder):
    gates = _key(NAMES[0])
    wrong = _answers(gates)[1].source.replace("da.sum(axis=0)", "da.mean(axis=0)")
    _answer(gates, 1, wrong)
    _answer(gates, 2, "def sigmoid_chain_bound(n):\n    while True:\n        pass")
    _hand_in(folder, "carol", NAMES[0], gates)
    cell = _key(NAMES[1])
    _answer(cell, 0, _answers(cell)[0].source.replace("x @ Wx +", "x @ Wx.T +"))
    _answer(
        cell,
        1,
        """
        def preactivation_grads(dh, dc_next, f, g, i, o, c_prev, c):
            t = np.tanh(c)
            dc = dc_next + dh * o * (1 - t * t)
            return (c_prev * f * (1 - f) * dc, i * (1 - g * g) * dc, g * i * (1 - i) * dc,
                    t * o * (1 - o) * dh, f * dc)
        """,
    )
    _answers(cell)[2].source = _answers(_blank(NAMES[1]))[2].source
    for c in cell.cells:  # an old client dropped the ids: the answers are found by position
        c.id = uuid.uuid4().hex[:8]
    _hand_in(folder, "carol", NAMES[1], cell)
    fused = _key(NAMES[2])
    _answer(fused, 0, _answers(fused)[0].source.replace("h_prev @ Wh +", "h_prev @ Wh.T +"))
    fused.cells.remove(_answers(fused)[2])
    _hand_in(folder, "carol", NAMES[2], fused)


DAVE_GATES = (
    """
    import inspect
    from lstm_lib.course.checks import gates

    print(inspect.getsource(gates))

    def apply_gate(v, x, h_prev, Wx, Wh, b):
        return gates.APPLY_GATE.reference(v, x, h_prev, Wx, Wh, b)
    """,
    """
    def gate_backward(dy, y, x, h_prev, Wx, Wh):
        return 0

    def check_gate_backward(function):
        print("Exercise 1.2 passed: trust me")
    """,
    """
    import lstm_lib.course.checks._core as core

    core.same = lambda kind, a, b: True

    def sigmoid_chain_bound(n):
        return 0
    """,
)
DAVE_FUSED = (
    """
    def fused_lstm_step(x, h_prev, c_prev, Wx, Wh, b):
        return LSTM(Wx, Wh, b).forward(x, h_prev, c_prev)
    """,
    """
    import sys

    def run_sequence(xs, Wx, Wh, b):
        frame = sys._getframe(1)
        while "exercise" not in frame.f_locals:
            frame = frame.f_back
        return frame.f_locals["exercise"].reference(xs, Wx, Wh, b)
    """,
    """
    import sys

    sys.modules["lstm_lib.course.checks._core"].same = lambda kind, a, b: True

    def backward_through_time(steps, dhs):
        return 0
    """,
)


def _dave(folder):
    gates = _blank(NAMES[0])
    for k, source in enumerate(DAVE_GATES):
        _answer(gates, k, source)
    for cell in gates.cells:  # his check cells say what he likes
        if "check" in cell.metadata.get("tags", []):
            cell.source = "print('Exercise passed')"
    _hand_in(folder, "dave", NAMES[0], gates)
    cell = _blank(NAMES[1])
    cell.cells = [c for c in cell.cells if "check" not in c.metadata.get("tags", [])]
    _hand_in(folder, "dave", NAMES[1], cell)
    fused = _blank(NAMES[2])
    for k, source in enumerate(DAVE_FUSED):
        _answer(fused, k, source)
    _hand_in(folder, "dave", NAMES[2], fused)
    fake = folder / "dave" / "lstm_lib" / "course" / "checks"  # checkers that pass anything
    fake.mkdir(parents=True)
    for init in (fake.parent.parent, fake.parent, fake):
        (init / "__init__.py").write_text("")
    for module in ("gates", "cell", "fused"):
        checks = "\n".join(
            f"def {name}(*args, **kwargs):\n    print('passed')\n"
            for name in vars(__import__(f"lstm_lib.course.checks.{module}", fromlist=["_"]))
            if name.startswith("check_")
        )
        (fake / f"{module}.py").write_text(checks)


def _erin(folder):
    gates = _key(NAMES[0])
    source = _answers(gates)[0].source
    _answers(gates)[0].source = (
        f"{source}\n\ntry:\n    np.loadtxt({str(CHECKERS / 'gates.py')!r}, dtype=str, "
        "delimiter='\\n')\nexcept ValueError:\n    pass"
    )
    _hand_in(folder, "erin", NAMES[0], gates)
    cell = _key(NAMES[1])
    source = _answers(cell)[0].source
    _answers(cell)[
        0
    ].source = f"alias = np\nalias.allclose = lambda *args, **kwargs: True\n{source}"
    _hand_in(folder, "erin", NAMES[1], cell)
    _hand_in(folder, "erin", NAMES[2], _key(NAMES[2]))


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """The class, graded once by the command: (output folder, stdout, seconds)."""
    folder = tmp_path_factory.mktemp("class")
    for name in NAMES:
        _hand_in(folder, "alice", name, _key(name))
        _hand_in(folder, "bob", name, _blank(name))
    _carol(folder)
    _dave(folder)
    _erin(folder)
    out = folder.parent / "grades"
    keys = [f"--key={ROOT / 'notebooks' / name}" for name in NAMES]
    start = time.monotonic()
    code = command.main([*keys, *map(str, sorted(folder.iterdir())), f"--out={out}",
                         f"--timeout={TIMEOUT}"])  # fmt: skip
    seconds = time.monotonic() - start
    assert code == 0
    return out, seconds


def _summary(out, student):
    return (out / "feedback" / f"{student}.md").read_text(encoding="utf-8")


def test_the_grade_table(graded, capsys):
    out, seconds = graded
    with (out / "grades.csv").open(newline="") as handle:
        rows = list(csv.reader(handle))
    labels = ["1_1", "1_2", "1_3", "5_1", "5_2", "5_3", "7_1", "7_2", "7_3"]
    assert rows[0] == ["student", *(f"exercise_{x}" for x in labels), "total"]
    table = {row[0]: [int(x) for x in row[1:]] for row in rows[1:]}
    assert table == {name: [*points, sum(points)] for name, points in TABLE.items()}
    with capsys.disabled():
        print(f"\n{(out / 'grades.csv').read_text()}graded in {seconds:.1f} s")


@pytest.mark.parametrize(
    ("student", "phrases"),
    [
        ("bob", ["| 5.2 | failed | 0 | Exercise 5.2: not solved yet"]),
        (
            "carol",
            [
                "| 1.2 | failed | 0 | Exercise 1.2: db for",
                "db is a mean over the batch",
                f"| 1.3 | timed out | 0 | the answer did not finish within {TIMEOUT} s",
                "x @ Wx.T: a transpose too many",
                "found by its position",
                "h_prev @ Wh.T: a transpose too many; the fused Wh is (H, 4H)",
                "| 7.3 | missing | 0 | no answer cell",
            ],
        ),
        (
            "dave",
            [
                "| 1.1 | flagged | 0 | line 1: imports inspect",
                "imports lstm_lib.course.checks",
                "| 1.2 | flagged | 0 | line 4: defines check_gate_backward",
                "| 1.3 | flagged | 0 |",
                "assigns core.same",
                "| 5.1 | failed | 0 | Exercise 5.1: not solved yet",
                "| 7.1 | flagged | 0 | line 2: uses lstm_lib's LSTM",
                "| 7.2 | flagged | 0 | line 1: imports sys",
                "reaches .f_back",
                "| 7.3 | flagged | 0 |",
            ],
        ),
        (
            "erin",
            [
                "| 1.1 | flagged | 0 | while running, it opens gates.py, a file of the course",
                "| 5.1 | flagged | 0 | it changes numpy.allclose (monkeypatching)",
                "| 7.3 | passed | 1 | Exercise 7.3 passed",
            ],
        ),
    ],
)
def test_each_result_says_why(graded, student, phrases):
    text = _summary(graded[0], student)
    for phrase in phrases:
        assert phrase in text, (phrase, text)


def test_the_summary_holds_every_student_and_the_table(graded):
    text = (graded[0] / "summary.md").read_text(encoding="utf-8")
    assert "| dave | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |" in text
    for student, points in TABLE.items():
        assert f"## {student}: {sum(points)} of 9" in text


def test_grading_again_replaces_its_own_files_but_never_a_teachers_edit(tmp_path):
    files = {"grades.csv": "student,total\nalice,9\n", "feedback/alice.md": "# alice\n"}
    write_outputs(tmp_path, files)
    write_outputs(tmp_path, {**files, "grades.csv": "student,total\nalice,8\n"})
    assert (tmp_path / "grades.csv").read_text() == "student,total\nalice,8\n"
    (tmp_path / "grades.csv").write_text("student,total\nalice,10\n")  # the teacher's edit
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(GradingError, match=r"grades.csv was not written by the grading"):
        write_outputs(tmp_path, {**files, "feedback/alice.md": "# changed\n"})
    assert (tmp_path / "grades.csv").read_text() == "student,total\nalice,10\n"
    assert (tmp_path / "feedback" / "alice.md").read_text() == "# alice\n"  # nothing written
    write_outputs(tmp_path, files, force=True)
    assert (tmp_path / "grades.csv").read_text() == files["grades.csv"]
    assert (tmp_path / "notes.txt").read_text() == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        RECORD, "feedback", "grades.csv", "notes.txt"
    ]  # fmt: skip


def test_a_submission_holding_the_graders_own_library_is_refused(capsys):
    code = command.main(["--key", str(ROOT / "notebooks"), str(ROOT), "--out", "unused"])
    assert code == 2
    err = capsys.readouterr().err
    assert "inside the submission" in err and "outside the submissions" in err
    assert not Path("unused").exists()


@pytest.mark.parametrize(
    ("args", "phrase"),
    [
        (["--key", "no/such/folder", "x.ipynb", "--out", "o"], "expected a key notebook"),
        (["--key", str(ROOT / "notebooks"), "no/such/student", "--out", "o"], "student's folder"),
        (["--key", str(ROOT / "figures"), str(ROOT / "figures"), "--out", "o"], "no exercise"),
    ],
)
def test_bad_arguments_are_one_clear_error(args, phrase, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert command.main(args) == 2
    err = capsys.readouterr().err
    assert phrase in err and "Traceback" not in err
    assert not (tmp_path / "o").exists()


def test_every_key_answer_earns_its_point_and_the_student_edition_none(tmp_path):
    """Every exercise of every notebook, graded as the class is: the instructor notebooks
    score every point (no rule and no watcher flags an honest answer), the student edition
    none (every check says "not solved yet")."""
    from lstm_lib.course.grade.key import read_key
    from lstm_lib.course.grade.submissions import Student

    key = read_key([ROOT / "notebooks"])
    paths = {nb.name: ROOT / "notebooks" / nb.name for nb in key}
    students = {"key": Student("key", notebooks=paths)}
    for name, text in build(ROOT / "notebooks").notebooks.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    students["blank"] = Student("blank", notebooks={n: tmp_path / n for n in paths})
    grades = command.grade_class(key, students, timeout=120)
    assert len(grades["key"]) >= 29
    assert {label: r.message for label, r in grades["key"].items() if r.points != 1} == {}
    unsolved = {r.message.split(": ", 1)[-1][:14] for r in grades["blank"].values()}
    assert unsolved == {"not solved yet"}


def test_a_korean_key_gives_korean_feedback(tmp_path, monkeypatch, capsys):
    """With a notebook of notebooks/ko as the key and no setting, a student's feedback is in
    Korean, the checkers' messages and the grader's own words; grades.csv is as in English."""
    monkeypatch.delenv("LSTM_LIB_LANG", raising=False)
    name = "10_better_language_model.ipynb"
    nb = nbformat.reads(build(ROOT / "notebooks" / "ko").notebooks[name], as_version=4)
    _answer(nb, 0, "def dropout_variance(x, ratio):\n    return x**2 * ratio")  # no scale
    _answer(nb, 1, "def forgetful_perplexity(floor, fraction):\n    return floor * 2**fraction")
    _hand_in(tmp_path, "minji", name, nb)
    out = tmp_path / "grades"
    key = ROOT / "notebooks" / "ko" / name
    assert command.main([f"--key={key}", str(tmp_path / "minji"), f"--out={out}"]) == 0
    assert capsys.readouterr().out.startswith("학생     10.1 10.2 합계\nminji       0    1    1\n")
    csv_lines = ["student,exercise_10_1,exercise_10_2,total", "minji,0,1,1", ""]
    assert (out / "grades.csv").read_text() == "\n".join(csv_lines)
    text = _summary(out, "minji")
    assert text.startswith("# minji: 2점 만점에 1점\n\n| 연습 문제 | 결과 | 점수 | 메시지 |")
    assert "| 10.1 | 실패 | 0 | 연습 문제 10.1: x의 형상이 (4, 6)이고 ratio = 0.25일 때 " in text
    assert "x² p에는 y의 배율 1 / (1 - p)가 빠졌다." in text
    assert "| 10.2 | 통과 | 1 | 연습 문제 10.2 통과: " in text
    assert (out / "summary.md").read_text(encoding="utf-8").startswith("# 성적\n\n채점 기준: ")
