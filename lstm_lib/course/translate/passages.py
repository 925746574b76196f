"""The unit of translation: a passage, one paragraph of a markdown cell or one description
of a code cell's plot.

A markdown cell is cut at its blank lines (never inside a fenced code block or a display
equation ``$$ ... $$``) into paragraphs, headings, lists, tables, equations and images.
Each one that holds words is a passage; one that holds only mathematics, code or nothing
is copied as it is. Cutting loses nothing: ``join(parts(source)) == source``.

A paragraph is the unit a reviewer reads side by side with its English, and the unit that
goes stale: when one sentence of a long cell changes, only its paragraph needs a new look.

A code cell's code is never translated, but the words its metadata holds for the reader
are: each value under a key of ``DESCRIPTIONS`` (myst-nb's description of the plot, read
aloud by screen readers, and its caption) that holds words is one passage, whole.
"""

import copy
import itertools
import re

#: a line that opens or closes a fenced code block
_FENCE = re.compile(r"^\s*(```|~~~)")
#: what a passage holds that is never translated: display and inline maths, inline code,
#: link targets and HTML tags
NOT_WORDS = re.compile(r"\$\$.*?\$\$|\$[^$\n]*\$|`[^`\n]*`|\]\([^)\s]*\)|<[^>\n]+>", re.S)
#: a word of at least two letters
WORD = re.compile(r"[A-Za-z]{2,}")
#: the target of a markdown link or image, or of an HTML src or href attribute
TARGET = re.compile(r"(\]\(\s*|\b(?:src|href)=[\"'])([^)\s\"']+)")
#: the keys of a code cell's metadata that hold words for the reader (myst-nb's), each with
#: what a translator is told it is
DESCRIPTIONS = {
    "mystnb.image.alt": "description of its plot (alt text: plain text, read aloud by screen "
    "readers and shown when the image fails)",
    "mystnb.figure.caption": "caption of its plot (markdown, shown under the plot)",
}


def parts(source):
    """The cell's text as a list of (is_passage, text) in order, cut at blank lines.

    Consecutive blank lines form one gap; everything else between gaps is one part. Joining
    the texts with newlines gives ``source`` back (see ``join``).
    """
    lines, fenced, maths = [], False, False
    for line in source.split("\n"):
        lines.append((bool(line.strip()) or fenced or maths, line))
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced and line.count("$$") % 2:
            maths = not maths
    return [
        (kept, "\n".join(line for _, line in group))
        for kept, group in itertools.groupby(lines, key=lambda item: item[0])
    ]


def join(pieces):
    """The cell's text from ``parts``' pieces (their texts, maybe translated)."""
    return "\n".join(text for _, text in pieces)


def has_words(text):
    """Whether ``text`` holds words to translate, outside maths, code and link targets."""
    return bool(WORD.search(NOT_WORDS.sub(" ", text)))


def retarget(text, move):
    """``text`` with every link and image target ``t`` replaced by ``move(t)``."""
    return TARGET.sub(lambda m: m[1] + move(m[2]), text)


def _holder(metadata, key):
    """(the dict in ``metadata`` that holds the last name of the dotted ``key``, that name);
    the dict is None when ``metadata`` has no such path."""
    *path, last = key.split(".")
    for name in path:
        metadata = metadata.get(name) if isinstance(metadata, dict) else None
    return (metadata if isinstance(metadata, dict) else None), last


def descriptions(cell):
    """[(key, text)]: the descriptions in the metadata of ``cell``, a code cell, in the
    order of ``DESCRIPTIONS`` (none for any other cell)."""
    found = []
    for key in DESCRIPTIONS if cell.get("cell_type") == "code" else ():
        holder, name = _holder(cell.get("metadata", {}), key)
        text = None if holder is None else holder.get(name)
        if isinstance(text, str):
            found.append((key, text))
    return found


def describe(cell, key, text):
    """Set the description ``key`` of ``cell``, one that ``descriptions`` found, to ``text``."""
    holder, name = _holder(cell.metadata, key)
    holder[name] = text


def other_metadata(cell):
    """The metadata of ``cell`` without its descriptions: what a translation leaves alone."""
    metadata = copy.deepcopy(cell.get("metadata", {}))
    for key, _ in descriptions(cell):
        holder, name = _holder(metadata, key)
        del holder[name]
    return metadata
