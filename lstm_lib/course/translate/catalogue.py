"""One gettext catalogue (.po) per notebook, kept in step with the English the way msgmerge does.

An entry is one passage (see ``passages``), in the notebook's order: ``msgid`` is the
English, ``msgstr`` its translation, ``msgctxt`` the id of the cell it sits in (``<id>#2``
for a second identical passage of one cell; ``<id> <key>``, e.g. ``<id> mystnb.image.alt``,
for a description in a code cell's metadata), and a comment for the translator (``#.``)
says where it is and, for a description, what it is ("cell 3 (id 0fa1bb00), passage 2 of
5"; "cell 4 (id 9c0ffee0), description of its plot (alt text: ...)"). ``update`` brings a
catalogue in step with the notebook:

* a passage whose entry is there (same cell, same English) keeps it as it is;
* a passage whose English has an entry elsewhere (the paragraph moved to another cell, or
  came back) takes that translation;
* a changed passage takes the translation of the old entry of the same cell (else of any
  cell) whose English is most alike, at least ``SIMILAR``, marked ``fuzzy``, with the
  English it was made from kept as the previous msgid (``#| msgid``);
* any other passage gets a new, untranslated entry;
* an entry whose passage is gone becomes obsolete (``#~``), its translation kept for later.

polib is imported when first needed: ``pip install polib`` (the test extra has it).
"""

import difflib
from collections import Counter
from dataclasses import dataclass, field

from .passages import DESCRIPTIONS, descriptions, has_words, parts

FUZZY = "fuzzy"
#: the least similarity (difflib's ratio) at which a changed passage keeps the old translation
SIMILAR = 0.6
HEADER = {
    "Project-Id-Version": "LSTM, gate by gate",
    "Language": "ko",
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
}


class TranslationError(Exception):
    """The Korean edition cannot be updated or built; the message says what to do."""


def polib():
    """The polib module, or a TranslationError saying how to install it."""
    try:
        import polib
    except ImportError:
        raise TranslationError(
            'the translation catalogues need polib: pip install polib (or pip install -e ".[test]")'
        ) from None
    return polib


@dataclass(frozen=True)
class Passage:
    """One passage of a notebook: its ``context`` (cell id), English ``text`` and ``where``."""

    context: str
    text: str
    where: str


def passages(nb):
    """Every passage of the notebook ``nb``, in reading order: the paragraphs of a markdown
    cell, the descriptions of a code cell."""
    found = []
    for number, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown":
            found += _paragraphs(cell, number)
        found += [
            Passage(f"{cell.id} {key}", text, f"cell {number} (id {cell.id}), {DESCRIPTIONS[key]}")
            for key, text in descriptions(cell)
            if has_words(text)
        ]
    return found


def _paragraphs(cell, number):
    texts = [text for kept, text in parts(cell.source) if kept and has_words(text)]
    seen, found = Counter(), []
    for k, text in enumerate(texts, 1):
        seen[text] += 1
        context = cell.id if seen[text] == 1 else f"{cell.id}#{seen[text]}"
        where = f"cell {number} (id {cell.id}), passage {k} of {len(texts)}"
        found.append(Passage(context, text, where))
    return found


@dataclass
class Counts:
    """What ``update`` did: entries kept, reused from elsewhere, fuzzy, new and obsolete."""

    kept: int = 0
    moved: int = 0
    fuzzy: int = 0
    new: int = 0
    obsolete: int = 0
    names: list = field(default_factory=list)


def new_catalogue():
    """An empty catalogue with the book's header."""
    catalogue = polib().POFile(wrapwidth=0)
    catalogue.metadata = dict(HEADER)
    return catalogue


def _entry(passage, source, msgstr="", flags=(), previous=None):
    return polib().POEntry(
        msgctxt=passage.context,
        msgid=passage.text,
        msgstr=msgstr,
        comment=passage.where,
        occurrences=[(source, "")],
        flags=list(flags),
        previous_msgid=previous,
    )


def _closest(passage, spare):
    """The spare entry most like ``passage`` (its own cell first), or None below SIMILAR."""
    scored = [
        (e.msgctxt == passage.context, difflib.SequenceMatcher(None, e.msgid, passage.text).ratio())
        for e in spare
    ]
    best = max(range(len(spare)), key=lambda k: scored[k], default=None)
    return None if best is None or scored[best][1] < SIMILAR else spare[best]


def update(old, found, source):
    """A new catalogue for the passages ``found``, keeping what ``old`` holds; see the module.

    ``source`` is the notebook's path as the entries name it. Returns (catalogue, Counts).
    """
    counts, catalogue = Counts(), new_catalogue()
    catalogue.metadata = dict(old.metadata) if old is not None else dict(HEADER)
    old = list(old) if old is not None else []
    active = [e for e in old if not e.obsolete]
    by_key = {(e.msgctxt, e.msgid): e for e in active}
    by_text = {}
    for e in old:
        if e.msgstr and FUZZY not in e.flags:
            by_text.setdefault(e.msgid, e)
    used, slots = set(), []
    for passage in found:
        e = by_key.get((passage.context, passage.text))
        if e is not None:
            counts.kept += 1
            slots.append(_entry(passage, source, e.msgstr, e.flags, e.previous_msgid))
        elif passage.text in by_text:
            e = by_text[passage.text]
            counts.moved += 1
            slots.append(_entry(passage, source, e.msgstr))
        else:
            slots.append(passage)
        if e is not None:
            used.add(id(e))
    spare = [e for e in active if id(e) not in used and e.msgstr]
    for k, slot in enumerate(slots):
        if isinstance(slot, Passage):
            slots[k] = _fuzzy_or_new(slot, spare, source, counts, used)
    for entry in slots:
        catalogue.append(entry)
    for e in old:
        if id(e) not in used and e.msgstr:
            counts.obsolete += not e.obsolete
            e.obsolete = True
            catalogue.append(e)
    return catalogue, counts


def _fuzzy_or_new(passage, spare, source, counts, used):
    e = _closest(passage, spare)
    if e is None:
        counts.new += 1
        return _entry(passage, source)
    spare.remove(e)
    used.add(id(e))
    counts.fuzzy += 1
    return _entry(passage, source, e.msgstr, [FUZZY], e.previous_msgid or e.msgid)


#: what a passage's entry lacks, by state, as a problem line says it
WHY = {
    "missing": "missing (run make translations)",
    "fuzzy": "fuzzy (the English changed: revise the translation, then drop the flag)",
    "untranslated": "untranslated",
}


def states(catalogue, found):
    """([(passage, state)], entries left over): each passage's state, "translated",
    "fuzzy", "untranslated" or "missing", and the active entries no passage has."""
    entries = {(e.msgctxt, e.msgid): e for e in catalogue if not e.obsolete}
    out = []
    for passage in found:
        e = entries.pop((passage.context, passage.text), None)
        if e is None:
            out.append((passage, "missing"))
        elif FUZZY in e.flags:
            out.append((passage, "fuzzy"))
        else:
            out.append((passage, "translated" if e.msgstr.strip() else "untranslated"))
    return out, list(entries.values())


def problems(catalogue, found, name):
    """What keeps the catalogue from translating the notebook ``name``: a list of lines
    naming the notebook, the cell and the start of the English, empty when complete."""
    found, left = states(catalogue, found)
    out = [
        f"{name}, {passage.where}: {WHY[state]}: {_start(passage.text)}"
        for passage, state in found
        if state != "translated"
    ]
    out += [
        f"{name}, cell id {e.msgctxt}: an entry for a passage that is gone (run make "
        f"translations): {_start(e.msgid)}"
        for e in left
    ]
    return out


def _start(text, length=60):
    line = " ".join(text.split())
    return repr(line if len(line) <= length else line[: length - 1] + "…")


def translations(catalogue):
    """{(context, English): translation} of the finished entries (not fuzzy, not empty)."""
    return {
        (e.msgctxt, e.msgid): e.msgstr
        for e in catalogue
        if not e.obsolete and e.msgstr.strip() and FUZZY not in e.flags
    }
