"""Make the book's Korean fonts: only the Hangul syllables the book uses.

    python scripts/subset_hangul_font.py /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc \
        --bold /usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc

(On Debian and Ubuntu the package fonts-noto-cjk installs these files.)

The book gives Korean terms and has a Korean edition. A reader's machine without a Korean
font would show those words as empty boxes, and neither the web edition nor the figures load
anything from outside, so the book carries its own font: subsets of Noto Sans CJK KR (SIL
Open Font License 1.1, see OFL.txt beside each), renamed "LSTM Book Hangul" as the licence
asks of a modified font.

* The web edition's WOFF2, book/_static/fonts/hangul.woff2, holds the Hangul that its pages
  show in both languages (the notebooks of both editions, the Markdown pages, the Korean
  site's own pages, what the book's extension and scripts write, the library's sources); the
  characters are listed beside it (book/_static/fonts/hangul.txt), and tests/test_book.py
  fails when the book uses one that the list lacks, with this command in its message.
* The figures' OpenType fonts, lstm_lib/course/fonts/LSTMBookHangul-Regular.otf and -Bold.otf
  (package data, read by lstm_lib.course.style.hangul), hold every character of the diagrams'
  sources (lstm_lib/course/diagrams), their Korean labels included, and printable ASCII: a
  Korean figure writes its words, Hangul and Latin, in this one font (mathematics stays in
  matplotlib's DejaVu). tests/test_figures.py fails when a label uses a Hangul character
  they lack.

A maintainer's tool: it needs fontTools and brotli (pip install fonttools brotli), which are
not dependencies of the project.
"""

import argparse
import re
import string
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FONTS = ROOT / "book" / "_static" / "fonts"
FIGURE_FONTS = ROOT / "lstm_lib" / "course" / "fonts"
FAMILY = "LSTM Book Hangul"
HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
# What the web edition shows, in both languages: the notebooks and the student edition, the
# Markdown pages, what the book's extension, templates and scripts write, and the library.
SOURCES = (
    "notebooks/**/*.ipynb",
    "student/**/*.ipynb",
    "*.md",
    "book/*.md",
    "book/*.py",
    "book/ko/*.md",
    "book/ko/*.rst",
    "book/ko/*.py",
    "book/_static/*.js",
    "book/_templates/*.html",
    "lstm_lib/**/*.py",
)
FIGURE_SOURCES = ("lstm_lib/course/diagrams/*.py",)


def hangul_in(sources=SOURCES):
    """Every Hangul character in the files matching ``sources``, sorted."""
    found = set()
    for pattern in sources:
        for path in ROOT.glob(pattern):
            found.update(HANGUL.findall(path.read_text(encoding="utf-8")))
    return "".join(sorted(found))


def characters_in_figures():
    """Every character of the diagrams' sources and printable ASCII, sorted."""
    found = set(string.printable.strip()) | {" "}
    for pattern in FIGURE_SOURCES:
        for path in ROOT.glob(pattern):
            found.update(c for c in path.read_text(encoding="utf-8") if c.isprintable())
    return "".join(sorted(found))


def hangul_in_book():
    """Every Hangul character in the book's sources, sorted."""
    return hangul_in(SOURCES)


def korean_face(path):
    """The Korean face of a CJK collection (or the font itself when it is not one)."""
    from fontTools.ttLib import TTCollection, TTFont  # a maintainer's tool, imported late

    if path.suffix.lower() != ".ttc":
        return TTFont(path)
    for font in TTCollection(path).fonts:
        if "KR" in font["name"].getDebugName(1):
            return font
    raise SystemExit(f"{path} has no Korean (KR) face")


def subset(path, text, flavor, style=None):
    """The Korean face of the font at ``path`` cut down to ``text`` and renamed ``FAMILY``
    (with ``style``, e.g. "Bold", in its full and PostScript names when given)."""
    from fontTools import subset as cut

    font = korean_face(path)
    font.recalcTimestamp = False  # the same input gives the same bytes
    # The web keeps the layout features; matplotlib applies none, so the figures' font drops them.
    features = ["*"] if flavor else []
    options = cut.Options(flavor=flavor, layout_features=features, name_IDs=[0, 1, 2, 4, 6])
    subsetter = cut.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    full = FAMILY if style is None else f"{FAMILY} {style}"
    postscript = FAMILY.replace(" ", "") + ("" if style is None else f"-{style}")
    for record in font["name"].names:
        if record.nameID == 1:
            record.string = FAMILY
        elif record.nameID == 4:
            record.string = full
        elif record.nameID == 6:
            record.string = postscript
    font.flavor = flavor
    return font


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("font", type=Path, help="a Noto Sans CJK .ttc or a Korean .otf/.ttf")
    parser.add_argument("--bold", type=Path, required=True, help="its bold face, for figures")
    args = parser.parse_args()
    text = hangul_in_book()
    FONTS.mkdir(parents=True, exist_ok=True)
    subset(args.font, text, "woff2").save(FONTS / "hangul.woff2")
    (FONTS / "hangul.txt").write_text(text + "\n", encoding="utf-8")
    print(f"{len(text)} Hangul characters -> {FONTS / 'hangul.woff2'}")
    text = characters_in_figures()
    for style, source in (("Regular", args.font), ("Bold", args.bold)):
        path = FIGURE_FONTS / f"LSTMBookHangul-{style}.otf"
        subset(source, text, None, style).save(path)
        print(f"{len(text)} characters ({len(HANGUL.findall(text))} Hangul) -> {path}")


if __name__ == "__main__":
    main()
