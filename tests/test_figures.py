"""The PNGs in figures/ are exactly what lstm_lib.diagrams draws today.

A failure here means a figure function changed without ``make figures`` being run (or a
file in figures/ was edited by hand): regenerate with ``make figures`` and look at the
result before committing.
"""

import re
from pathlib import Path

import pytest
from matplotlib.figure import Figure
from matplotlib.testing.compare import compare_images

from lstm_lib import diagrams

FIGURES_DIR = Path(__file__).resolve().parent.parent / "figures"
NAMES = sorted(diagrams.FIGURES)
#: how a docstring names the notebook: "Notebook 03 (forget gate): ..."
NOTEBOOK = re.compile(r"^Notebook (0\d|10) \(")


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory):
    """Every figure drawn afresh into a temporary folder."""
    folder = tmp_path_factory.mktemp("figures")
    diagrams.save_all(folder)
    return folder


@pytest.mark.parametrize("name", NAMES)
def test_committed_png_matches_its_code(name, regenerated):
    expected = FIGURES_DIR / f"{name}.png"
    assert expected.is_file(), f"figures/{name}.png is missing: run `make figures`"
    diff = compare_images(str(expected), str(regenerated / f"{name}.png"), tol=2)
    assert diff is None, f"figures/{name}.png is stale, run `make figures`: {diff}"


def test_every_png_in_figures_has_a_function():
    stray = sorted(p.name for p in FIGURES_DIR.glob("*.png") if p.stem not in diagrams.FIGURES)
    assert not stray, f"PNGs in figures/ that no function in lstm_lib.diagrams draws: {stray}"


@pytest.mark.parametrize("name", NAMES)
def test_docstring_names_the_notebook_of_the_file_prefix(name):
    doc = diagrams.FIGURES[name].__doc__ or ""
    match = NOTEBOOK.match(doc)
    assert match, f"{name}: docstring must start with 'Notebook NN (title): idea', got {doc!r}"
    assert match.group(1) == name[:2], f"{name}: file prefix and docstring's notebook differ"


@pytest.mark.parametrize("name", NAMES)
def test_figure_fits_a_notebook_page(name):
    fig = diagrams.FIGURES[name]()
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
