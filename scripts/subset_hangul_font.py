"""Make the web edition's Korean font: only the Hangul syllables the book uses.

    python scripts/subset_hangul_font.py /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc

The book gives a Korean term of the source notes beside each English one. A reader's
machine without a Korean font would show those words as empty boxes, and the web edition
loads nothing from outside, so the site carries its own font: a subset of Noto Sans CJK
(SIL Open Font License 1.1, see book/_static/fonts/OFL.txt) holding only the Hangul that
appears in the notebooks, the Markdown pages and the library's docstrings, renamed as the
licence asks of a modified font. The characters are listed beside it
(book/_static/fonts/hangul.txt); tests/test_book.py fails when the book uses one that the
list lacks, with this command in its message.

A maintainer's tool: it needs fontTools and brotli (pip install fonttools brotli), which are
not dependencies of the project.
"""

import argparse
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FONTS = ROOT / "book" / "_static" / "fonts"
FAMILY = "LSTM Book Hangul"
HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
SOURCES = ("notebooks/*.ipynb", "book/*.md", "*.md", "lstm_lib/**/*.py")


def hangul_in_book():
    """Every Hangul character in the book's sources, sorted."""
    found = set()
    for pattern in SOURCES:
        for path in ROOT.glob(pattern):
            found.update(HANGUL.findall(path.read_text(encoding="utf-8")))
    return "".join(sorted(found))


def korean_face(path):
    """The Korean face of a CJK collection (or the font itself when it is not one)."""
    from fontTools.ttLib import TTCollection, TTFont  # a maintainer's tool, imported late

    if path.suffix.lower() != ".ttc":
        return TTFont(path)
    for font in TTCollection(path).fonts:
        if "KR" in font["name"].getDebugName(1):
            return font
    raise SystemExit(f"{path} has no Korean (KR) face")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("font", type=Path, help="a Noto Sans CJK .ttc or a Korean .otf/.ttf")
    args = parser.parse_args()
    from fontTools import subset

    text = hangul_in_book()
    font = korean_face(args.font)
    options = subset.Options(flavor="woff2", layout_features=["*"], name_IDs=[0, 1, 2, 4, 6])
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    for record in font["name"].names:
        if record.nameID in (1, 4):
            record.string = FAMILY
        elif record.nameID == 6:
            record.string = FAMILY.replace(" ", "")
    font.flavor = "woff2"
    FONTS.mkdir(parents=True, exist_ok=True)
    font.save(FONTS / "hangul.woff2")
    (FONTS / "hangul.txt").write_text(text + "\n", encoding="utf-8")
    print(f"{len(text)} Hangul characters -> {FONTS / 'hangul.woff2'}")


if __name__ == "__main__":
    main()
