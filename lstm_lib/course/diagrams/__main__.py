"""python -m lstm_lib.course.diagrams [FOLDER]: write every figure into FOLDER (make figures)."""

import sys
from pathlib import Path

from . import DEFAULT_FOLDER, save_all


def main(argv=None):
    """Write every figure into the folder given as the first argument (default figures/)."""
    argv = sys.argv[1:] if argv is None else argv
    folder = Path(argv[0]) if argv else DEFAULT_FOLDER
    for path in save_all(folder):
        print(path)


if __name__ == "__main__":
    main()
