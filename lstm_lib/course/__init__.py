"""The course around the book: what a reader of the library may skip.

    checks      the exercises' checkers (one module per notebook) and their mistake tables
    classroom   the student edition (python -m lstm_lib.course.classroom) and running it
    handout     what a teacher gives out (python -m lstm_lib.course.handout, make handout)
    grade       grading a class exercise by exercise (python -m lstm_lib.course.grade)
    diagrams    the book's figures, drawn by code (python -m lstm_lib.course.diagrams)
    style       the one visual language of the figures and the notebooks' plots

Nothing in the library proper (lstm_lib's own modules) imports this package, and the
package imports nothing from the notebooks.
"""
