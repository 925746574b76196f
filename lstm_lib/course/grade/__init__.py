"""Grading a class: python -m lstm_lib.course.grade --key notebooks/ SUBMISSION... --out DIR.

    command      the command line, and grade_class
    key          the teacher's key notebooks: exercises, check cells, allowed names
    submissions  which notebook of which student answers which key notebook
    grading      one exercise: the answer run apart, the key's check, the result
    scan         the static rules an answer's source must keep
    sandbox      the grader's side of the answer's process
    _worker      the answer's process itself (its watchers: an audit and a profile hook)
    wire         what crosses between the two, decoded strictly
    report       grades.csv, summary.md, feedback/, written without losing a teacher's work
    words        the grader's own words in the feedback's language (Korean for a Korean key)

The checks in a notebook are formative: a student can read or change them. Grades come
from here: the student's answers run in a process of their own, and the teacher's
checkers, in the grader, call them there. TEACHING.md, section 5, says what that
guarantees and what it does not.
"""
