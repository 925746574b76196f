"""The answer regions of an instructor notebook's cell, and the student's stub for each.

A region is marked the nbgrader way, with comment lines of their own:
### BEGIN SOLUTION .. ### END SOLUTION, ### BEGIN HIDDEN TESTS .. ### END HIDDEN TESTS.
lstm_lib.course.classroom builds the student edition from them.
"""

import ast
import re
from dataclasses import dataclass

SOLUTION = "SOLUTION"
HIDDEN = "HIDDEN TESTS"
# A marker is a comment line of its own: any number of '#', BEGIN or END, the region kind.
MARKER = re.compile(
    r"^(?P<indent>[ \t]*)#+[ \t]*(?P<edge>BEGIN|END) (?P<kind>SOLUTION|HIDDEN TESTS)[ \t]*$"
)


@dataclass
class Region:
    """A marked region of a cell's source: lines ``begin`` .. ``end`` (0-based, inclusive,
    markers included), of ``kind`` SOLUTION or HIDDEN TESTS, opened with ``indent``."""

    kind: str
    begin: int
    end: int
    indent: str


def find_regions(source):
    """Return the marked regions of one cell's ``source`` in order.

    Raises ``ValueError`` naming the 1-based line for a nested region, an END without its
    BEGIN, or a region left open at the end of the cell (a region cannot span cells).
    """
    regions = []
    open_kind = open_line = open_indent = None
    for number, line in enumerate(source.split("\n")):
        match = MARKER.match(line)
        if match is None:
            continue
        edge, kind = match["edge"], match["kind"]
        if edge == "BEGIN":
            if open_kind is not None:
                raise ValueError(
                    f"line {number + 1}: BEGIN {kind} inside the {open_kind} region opened at "
                    f"line {open_line + 1}; regions cannot be nested"
                )
            open_kind, open_line, open_indent = kind, number, match["indent"]
        elif open_kind != kind:
            where = (
                f"the {open_kind} region opened at line {open_line + 1} is still open"
                if open_kind
                else f"no BEGIN {kind} before it"
            )
            raise ValueError(f"line {number + 1}: END {kind} but {where}")
        else:
            regions.append(Region(kind, open_line, number, open_indent))
            open_kind = None
    if open_kind is not None:
        raise ValueError(
            f"line {open_line + 1}: BEGIN {open_kind} is never closed by END {open_kind} in "
            "the same cell"
        )
    return regions


#: the words of a stub, in English and in the Korean edition (a label "연습 문제 3.1")
STUB_WORDS = {
    "en": ("write your solution here", "replace None with your answer"),
    "ko": ("여기에 풀이를 쓰라", "None을 답으로 바꾸라"),
}


def stub_line(indent, label, body=""):
    """The line that replaces a solution region whose code is ``body``; its words are
    Korean when the exercise's ``label`` is ("연습 문제 3.1").

    Inside a function the stub raises ``NotImplementedError``. A top-level region that only
    assigns one name (a numeric answer such as ``answer = 0.25 ** 10``) becomes
    ``answer = None``: the cell then runs, and the checker reports the answer as not
    solved yet instead of a ``NameError``.
    """
    prefix = f"{label}: " if label else ""
    write, replace = STUB_WORDS["ko" if label.startswith("연습 문제") else "en"]
    name = _answer_name(body) if not indent else None
    if name:
        return f"{name} = None  # {prefix}{replace}"
    return f'{indent}raise NotImplementedError("{prefix}{write}")'


def _answer_name(body):
    """The one name a block of top-level assignments assigns, or None."""
    try:
        statements = ast.parse(body).body
    except SyntaxError:
        return None
    names = {
        target.id
        for statement in statements
        if isinstance(statement, ast.Assign)
        for target in statement.targets
        if isinstance(target, ast.Name)
    }
    simple = all(isinstance(statement, ast.Assign) for statement in statements)
    return names.pop() if simple and len(names) == 1 else None


def student_source(source, label=""):
    """``source`` with each solution region replaced by a stub and hidden tests removed."""
    lines = source.split("\n")
    out, position = [], 0
    for region in find_regions(source):
        out.extend(lines[position : region.begin])
        if region.kind == SOLUTION:
            body = "\n".join(lines[region.begin + 1 : region.end])
            out.append(stub_line(region.indent, label, body))
        position = region.end + 1
    out.extend(lines[position:])
    return "\n".join(out)
