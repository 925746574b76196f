"""python -m lstm_lib.course.translate update|build|status: see lstm_lib.course.translate."""

import argparse
import sys
from pathlib import Path

from ..classroom import ClassroomError
from . import ROOT, Book, TranslationError, build, status, update_catalogues, write
from .edition import COMMAND


def _update(book, args):
    for stem, counts in update_catalogues(book, args.start).items():
        print(
            f"{book.catalogue(stem).relative_to(book.root)}: {counts.kept} kept, {counts.moved} "
            f"moved, {counts.fuzzy} fuzzy, {counts.new} new, {counts.obsolete} obsolete"
        )


def _build(book, args):
    edition = build(book)
    write(book, edition, force=args.force)
    for name in edition.notebooks:
        ran = "must be executed" if name in edition.unexecuted else "outputs kept"
        print(f"built {(book.korean / name).relative_to(book.root)} ({ran})")
    for stem, problems in edition.problems.items():
        print(f"not built: {stem} ({len(problems)} problems, the first: {problems[0]})")
    return 1 if any(book.korean.joinpath(f"{s}.ipynb").is_file() for s in edition.problems) else 0


def main(argv=None):
    """The command line; returns the exit code."""
    parser = argparse.ArgumentParser(
        prog=COMMAND, description="The Korean edition: catalogues and notebooks."
    )
    parser.add_argument("--root", type=Path, default=ROOT, help="the repository (default: ours)")
    commands = parser.add_subparsers(dest="command", required=True)
    start = commands.add_parser("update", help="update the catalogues from the English notebooks")
    start.add_argument("start", nargs="*", help="notebook stems to start a catalogue for")
    force = commands.add_parser("build", help="build notebooks/ko from the catalogues")
    force.add_argument("--force", action="store_true", help="overwrite notebooks edited by hand")
    commands.add_parser("status", help="how far each catalogue is")
    args = parser.parse_args(argv)
    book = Book(args.root)
    try:
        if args.command == "update":
            return _update(book, args) or 0
        if args.command == "build":
            return _build(book, args)
        print("\n".join(status(book)))
    except (TranslationError, ClassroomError, OSError) as error:
        print(f"{COMMAND}: error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
