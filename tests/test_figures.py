"""The PNGs in figures/ (and figures/ko/, the Korean edition's) are what
lstm_lib.course.diagrams draws today.

A failure here means a figure function changed without ``make figures`` being run (or a
file in figures/ was edited by hand): regenerate with ``make figures`` and look at the
result before committing.

Text rendering differs between matplotlib releases (fonts are hinted and kerned a little
differently), so a pixel-exact comparison only means something under the release series the
committed PNGs were drawn with, recorded in ``figures/MATPLOTLIB_VERSION`` by ``make figures``.
Under that series each PNG must match to ``compare_images``' small tolerance. Under every
supported release each PNG must match in what a reader sees: the same size to a pixel, ink
on the page, the same share of coloured pixels, and the same layout, compared as the mean
grey level of 16 x 16 pixel blocks.

A Korean figure is drawn by the same function with ``lang="ko"``, its words taken from its
module's KOREAN table and written in the book's Korean font, which must hold every Hangul
character the tables use; every entry of a table is used, and the words keep to the glossary.
"""

import importlib
import re
from pathlib import Path

import matplotlib
import numpy as np
import pytest
from fontTools.ttLib import TTFont
from matplotlib.figure import Figure
from matplotlib.image import imread
from matplotlib.testing.compare import compare_images

from lstm_lib.course import diagrams, style
from lstm_lib.course.translate import glossary

pytestmark = pytest.mark.slow  # draws every figure: make test runs it, make check leaves it out

FIGURES_DIR = Path(__file__).resolve().parent.parent / "figures"
NAMES = sorted(diagrams.FIGURES)
#: every drawing: (file name, language), the Korean ones in figures/ko
DRAWINGS = [(name, "en") for name in NAMES] + [(name, "ko") for name in diagrams.TRANSLATED]
#: where each language's PNGs are
FOLDER = {"en": "", "ko": "ko"}
#: how a docstring names the notebook: "Notebook 03 (forget gate): ..."
NOTEBOOK = re.compile(r"^Notebook (0\d|10) \(")
#: the matplotlib that drew the committed PNGs, e.g. "3.11.2"
DRAWN_WITH = (FIGURES_DIR / "MATPLOTLIB_VERSION").read_text().strip()
BLOCK = 16


def _series(version):
    """'3.11.2' -> (3, 11): patch releases draw the same pixels."""
    return tuple(int(part) for part in version.split(".")[:2])


def _fractions(image):
    """(share of pixels with ink, share of coloured pixels) of an RGB(A) image in [0, 1]."""
    rgb = image[..., :3]
    return (rgb.min(axis=-1) < 0.9).mean(), (np.ptp(rgb, axis=-1) > 0.1).mean()


def _block_means(grey, height, width):
    """Mean grey level of each BLOCK x BLOCK block of the top-left (height, width) corner."""
    h, w = height - height % BLOCK, width - width % BLOCK
    return grey[:h, :w].reshape(h // BLOCK, BLOCK, w // BLOCK, BLOCK).mean(axis=(1, 3))


def structural_differences(expected, actual):
    """What a reader would see differ between two RGB(A) images; [] when they agree.

    Measured between matplotlib 3.8.4 and 3.11.2 on every figure: size at most 1 pixel
    apart, ink and colour shares within 2 %, block means at most 0.09 apart (0.004 on
    average). Two different cell diagrams of the same size differ by 0.2 / 0.012.
    """
    if abs(expected.shape[0] - actual.shape[0]) > 1 or abs(expected.shape[1] - actual.shape[1]) > 1:
        return [
            f"size {actual.shape[1]}x{actual.shape[0]}, expected about "
            f"{expected.shape[1]}x{expected.shape[0]}"
        ]
    problems = []
    for what, want, got in zip(
        ("ink", "coloured"), _fractions(expected), _fractions(actual), strict=True
    ):
        if not want * 0.95 <= got <= want * 1.05:
            problems.append(f"{what} pixels {got:.2%} of the image, expected {want:.2%}")
    height, width = min(expected.shape[0], actual.shape[0]), min(expected.shape[1], actual.shape[1])
    blocks = [_block_means(im[..., :3].mean(axis=-1), height, width) for im in (expected, actual)]
    gap = np.abs(blocks[0] - blocks[1])
    if gap.max() > 0.15 or gap.mean() > 0.006:
        problems.append(
            f"layout moved: block means differ by {gap.max():.3f} at most, "
            f"{gap.mean():.4f} on average (allowed 0.15, 0.006)"
        )
    return problems


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory):
    """Every figure drawn afresh into a temporary folder."""
    folder = tmp_path_factory.mktemp("figures")
    diagrams.save_all(folder)
    return folder


def _png(folder, name, lang):
    return Path(folder) / FOLDER[lang] / f"{name}.png"


@pytest.mark.parametrize(("name", "lang"), DRAWINGS)
def test_committed_png_looks_like_its_code(name, lang, regenerated):
    expected = _png(FIGURES_DIR, name, lang)
    assert expected.is_file(), f"{expected} is missing: run `make figures`"
    problems = structural_differences(imread(expected), imread(_png(regenerated, name, lang)))
    assert not problems, f"{expected} is stale, run `make figures`: {problems}"


@pytest.mark.skipif(
    _series(matplotlib.__version__) != _series(DRAWN_WITH),
    reason=f"pixel-exact only under matplotlib {DRAWN_WITH}'s series (figures/MATPLOTLIB_VERSION)",
)
@pytest.mark.parametrize(("name", "lang"), DRAWINGS)
def test_committed_png_matches_its_code_to_the_pixel(name, lang, regenerated):
    expected = _png(FIGURES_DIR, name, lang)
    diff = compare_images(str(expected), str(_png(regenerated, name, lang)), tol=2)
    assert diff is None, f"{expected} is stale, run `make figures`: {diff}"


def test_the_structural_comparison_tells_figures_apart():
    same = imread(FIGURES_DIR / "05_input_gate.png")
    assert structural_differences(same, same) == []
    assert structural_differences(same, imread(FIGURES_DIR / "05_complete_cell.png"))
    assert structural_differences(same, np.ones_like(same))  # a blank page
    assert structural_differences(same, same[:-2])  # two pixels shorter


def test_matplotlib_version_of_the_pngs_is_recorded():
    assert re.fullmatch(r"\d+\.\d+\.\d+", DRAWN_WITH), f"figures/MATPLOTLIB_VERSION: {DRAWN_WITH!r}"


def test_every_png_in_figures_has_a_function():
    stray = sorted(p.name for p in FIGURES_DIR.glob("*.png") if p.stem not in diagrams.FIGURES)
    assert not stray, f"PNGs in figures/ that no lstm_lib.course.diagrams function draws: {stray}"
    korean = FIGURES_DIR / "ko"
    stray = sorted(p.name for p in korean.glob("*") if p.stem not in diagrams.TRANSLATED)
    assert not stray, f"files in figures/ko/ that are not a TRANSLATED figure: {stray}"


#: the modules whose words several figures draw (the cell's parts, the legend, the affine box)
SHARED = ("lstm_lib.course.diagrams.cell", "lstm_lib.course.diagrams.primitives")


def _korean_tables():
    """{module: its KOREAN table} of every diagram module that draws a TRANSLATED figure,
    and of the SHARED ones."""
    modules = {diagrams.FIGURES[name].__module__ for name in diagrams.TRANSLATED} | set(SHARED)
    return {m: importlib.import_module(m).KOREAN for m in sorted(modules)}


class _Recording(dict):
    """A KOREAN table that remembers which words were asked for."""

    def __getitem__(self, key):
        self.asked = getattr(self, "asked", set()) | {key}
        return super().__getitem__(key)


@pytest.mark.parametrize("module", sorted(_korean_tables()))
def test_every_word_of_a_korean_table_is_drawn(module, monkeypatch):
    table = _Recording(importlib.import_module(module).KOREAN)
    monkeypatch.setattr(importlib.import_module(module), "KOREAN", table)
    for name in diagrams.TRANSLATED:
        if module in SHARED or diagrams.FIGURES[name].__module__ == module:
            diagrams.draw(name, "ko")
    unused = sorted(set(table) - table.asked)
    assert not unused, f"{module}.KOREAN has words no figure draws: {unused}"


def test_korean_words_keep_to_the_glossary_and_the_font_has_them():
    terms = glossary.read(FIGURES_DIR.parent / "locale" / "ko" / "glossary.tsv")
    font = set()
    for path in style.HANGUL_FONTS.glob("*.otf"):
        font |= set(map(chr, TTFont(path).getBestCmap()))
    for module, table in _korean_tables().items():
        for english, korean in table.items():
            assert not glossary.forbidden_in(korean, terms), (module, english)
            missing = sorted(set(re.findall("[가-힣]", korean)) - font)
            assert not missing, (
                f"{module}: the Korean font lacks {missing}: run scripts/subset_hangul_font.py"
            )


def test_a_figure_without_korean_refuses_the_language(monkeypatch):
    monkeypatch.setattr(diagrams, "TRANSLATED", ("01_gate_concept",))
    with pytest.raises(ValueError, match="lang must be 'en'"):
        diagrams.draw("06_gradient_flow", "ko")
    with pytest.raises(ValueError, match="lang must be 'en'"):
        diagrams.draw("01_gate_concept", "kr")


@pytest.mark.parametrize("name", NAMES)
def test_docstring_names_the_notebook_of_the_file_prefix(name):
    doc = diagrams.FIGURES[name].__doc__ or ""
    match = NOTEBOOK.match(doc)
    assert match, f"{name}: docstring must start with 'Notebook NN (title): idea', got {doc!r}"
    assert match.group(1) == name[:2], f"{name}: file prefix and docstring's notebook differ"


@pytest.mark.parametrize(("name", "lang"), DRAWINGS)
def test_figure_fits_a_notebook_page(name, lang):
    fig = diagrams.draw(name, lang)
    assert isinstance(fig, Figure)
    width, height = fig.get_size_inches()
    assert 8.0 <= width <= 10.0, f"{name}: {width:.2f} inches wide, expected 8 to 10"
    assert height <= 8.0, f"{name}: {height:.2f} inches high"


def test_saving_is_deterministic(tmp_path):
    a = diagrams.save_figure("05_complete_cell", tmp_path / "a")
    b = diagrams.save_figure("05_complete_cell", tmp_path / "b")
    assert a.read_bytes() == b.read_bytes()


def test_pngs_stay_small(regenerated):
    big = {p.name: p.stat().st_size for p in regenerated.glob("*.png")}
    big = {k: v for k, v in big.items() if v > 150_000}
    assert not big, f"PNGs over 150 KB: {big}"
