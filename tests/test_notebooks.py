"""House rules of the notebooks (CONVENTIONS §3 and §5) that nbval itself does not check."""

import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
ids = [path.name for path in NOTEBOOKS]
INSTALL = "`python -m pip install -e .`"


def _read(path):
    return nbformat.read(path, as_version=4)


def _code_cells(nb):
    return [cell for cell in nb.cells if cell.cell_type == "code" and cell.source.strip()]


def _tags(cell):
    return set(cell.metadata.get("tags", []))


def test_notebooks_are_numbered_in_order():
    numbers = [path.name[:2] for path in NOTEBOOKS]
    assert numbers == [f"{k:02d}" for k in range(len(NOTEBOOKS))]
    for path in NOTEBOOKS:
        assert re.fullmatch(r"\d\d_[a-z0-9_]+\.ipynb", path.name), path.name


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_committed_executed_in_order_without_errors(path):
    nb = _read(path)
    counts = [cell.execution_count for cell in _code_cells(nb)]
    assert counts == list(range(1, len(counts) + 1)), "re-execute with `make execute`"
    for cell in _code_cells(nb):
        errors = [out for out in cell.outputs if out.output_type == "error"]
        assert not errors, f"stored error in cell: {cell.source[:60]!r}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_metadata_is_normalised(path):
    nb = _read(path)
    assert nb.metadata.kernelspec.name == "python3"
    assert dict(nb.metadata.language_info) == {"name": "python"}
    for cell in nb.cells:
        assert "execution" not in cell.metadata


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_structure_title_setup_summary(path):
    nb = _read(path)
    assert nb.cells[0].cell_type == "markdown"
    assert nb.cells[0].source.startswith(f"# {path.name[:2]} ·"), "title: '# NN · ...'"
    first = _code_cells(nb)[0].source
    for required in (
        "%matplotlib inline",
        "np.set_printoptions(precision=4, suppress=True)",
        "np.random.default_rng(SEED)",
    ):
        assert required in first, f"the first code cell must set {required}"
    headings = [
        line
        for cell in nb.cells
        if cell.cell_type == "markdown"
        for line in cell.source.splitlines()
        if line.startswith("## ")
    ]
    for heading in ("## Exercises", "## Summary", "## Next"):
        assert heading in headings, f"missing section {heading!r}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_determinism_rules(path):
    for cell in _code_cells(_read(path)):
        source = cell.source
        assert not re.search(r"np\.random\.(seed|rand|randn|randint|normal|uniform)\(", source)
        assert "NBVAL_" not in source, "use cell tags, not # NBVAL_ comments"
        assert not source.rstrip().endswith(";"), "end plot cells with plt.show()"
        if "nbval-ignore-output" in _tags(cell):
            assert re.search(r"^\s*assert ", source, re.M), "an ignored output must assert"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_exercises_have_solutions_and_checkers(path):
    cells = _read(path).cells
    exercises = [k for k, cell in enumerate(cells) if "exercise" in _tags(cell)]
    assert len(exercises) >= 2, "at least two exercises per notebook"
    for k in exercises:
        assert "### BEGIN SOLUTION" in cells[k].source and "### END SOLUTION" in cells[k].source
        check = cells[k + 1]
        assert "check" in _tags(check), "an exercise is followed by its check cell"
        assert re.search(r"\bcheck_\w+\(", check.source)
        assert "passed" in "".join(out.get("text", "") for out in check.outputs)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_embedded_figures_exist(path):
    for cell in _read(path).cells:
        if cell.cell_type == "markdown":
            for target in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", cell.source):
                assert (path.parent / target).resolve().is_file(), target


def test_readme_maps_every_notebook():
    readme = (ROOT / "README.md").read_text()
    for path in NOTEBOOKS:
        assert f"notebooks/{path.name}" in readme, f"README's map lacks {path.name}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_first_cell_says_how_to_install_lstm_lib(path):
    """A chapter downloaded alone says, in one line under its title, how to run it."""
    lines = _read(path).cells[0].source.splitlines()
    said = [line for line in lines if INSTALL in line and "lstm_lib" in line]
    assert len(said) == 1, f"the first cell needs one line with lstm_lib and {INSTALL}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_every_plot_has_a_description(path):
    """Each plot carries alt text for the web edition (cell metadata mystnb.image.alt)."""
    for cell in _code_cells(_read(path)):
        if any("image/png" in out.get("data", {}) for out in cell.outputs):
            alt = cell.metadata.get("mystnb", {}).get("image", {}).get("alt", "")
            assert len(alt.split()) >= 8, f"no description of the plot of {cell.source[:60]!r}"
