"""The Korean edition of the book: translation catalogues, and notebooks built from them.

    python -m lstm_lib.course.translate update [STEM ...]   (make translations)
    python -m lstm_lib.course.translate build [--force]     (make korean, before executing)
    python -m lstm_lib.course.translate status

The English notebooks in notebooks/ are the source. The Korean text lives in one gettext
catalogue per notebook, locale/ko/LC_MESSAGES/<notebook stem>.po, one entry per passage (a
paragraph of a markdown cell, or the description of a plot in a code cell's metadata, its
alt text ``mystnb.image.alt``; see ``passages``); code is never translated, so a Korean
notebook's code is the English notebook's code, and its cells' metadata differs only in the
descriptions.

``update`` brings every catalogue in step with its English notebook (new passages come in
untranslated, changed ones fuzzy beside the English they were translated from, removed
ones obsolete; see ``catalogue``); naming a stem starts a catalogue for that notebook.
``build`` writes notebooks/ko/<same name> for every catalogue that translates its notebook
completely, and only for those: a notebook that is not fully translated has no Korean
notebook at all. ``status`` prints how far each catalogue is.

A catalogue is edited with any gettext editor (Poedit, Lokalize, a text editor): translate
an entry's msgstr, and when a fuzzy entry is revised remove its ``fuzzy`` flag. Its lines are
the notebook's lines, never wrapped (what ``msgcat --no-wrap`` writes); ``update`` writes them
so again.

The Korean notebooks are then executed like the English ones (scripts/execute_notebooks.py)
and stored with their outputs; strict nbval runs them. tests/test_translation.py fails
when a catalogue of a Korean notebook has fuzzy, untranslated or missing entries, when a
Korean notebook's code or metadata (the descriptions aside) differs from the English one,
and when its text or descriptions differ from what its catalogue builds (an edit by hand,
or a build not run).
"""

from collections import Counter
from pathlib import Path

from .catalogue import TranslationError, passages, polib, states, update
from .edition import Book, build, read_notebook, replace_file, verify, write

__all__ = ["Book", "TranslationError", "build", "status", "update_catalogues", "verify", "write"]

#: the repository that holds this package (what the commands work on by default)
ROOT = Path(__file__).resolve().parents[3]


def _header(stem):
    return (
        f"Korean text of notebooks/{stem}.ipynb (LSTM, gate by gate), one entry per passage.\n"
        "Update from the English with `make translations`; build the notebook with "
        "`make korean`."
    )


def update_catalogues(book, start=()):
    """Update every catalogue from its English notebook, and start one for each notebook
    stem in ``start`` that has none. Returns {stem: catalogue.Counts}."""
    done = {}
    for stem in sorted(set(book.stems()) | set(start)):
        english = book.english / f"{stem}.ipynb"
        path = book.catalogue(stem)
        if not english.is_file():
            raise TranslationError(f"no English notebook {english} for the catalogue {path}")
        old = polib().pofile(str(path)) if path.is_file() else None
        source = english.relative_to(book.root).as_posix()
        catalogue, counts = update(old, passages(read_notebook(english)), source)
        catalogue.header = _header(stem)
        path.parent.mkdir(parents=True, exist_ok=True)
        text = str(catalogue).rstrip("\n") + "\n"
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            replace_file(path, text)
        done[stem] = counts
    return done


def status(book):
    """One line per catalogue: its passages by state, and whether its Korean notebook exists."""
    lines = []
    for stem in book.stems():
        english = book.english / f"{stem}.ipynb"
        found = passages(read_notebook(english)) if english.is_file() else []
        found, left = states(polib().pofile(str(book.catalogue(stem))), found)
        count = Counter(state for _, state in found)
        exists = "yes" if (book.korean / f"{stem}.ipynb").is_file() else "no"
        lines.append(
            f"{stem}: {len(found)} passages, {count['translated']} translated, "
            f"{count['fuzzy']} fuzzy, {count['untranslated']} untranslated, "
            f"{count['missing']} missing, {len(left)} stale; notebooks/ko: {exists}"
        )
    return lines
