"""python -m lstm_lib.course.grade: see lstm_lib.course.grade.command."""

import sys

from .command import main

if __name__ == "__main__":
    sys.exit(main())
