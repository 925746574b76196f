"""The GRU figure of notebook 09 is what lstm_lib.diagrams_gru draws today, on a notebook page."""

import re
from pathlib import Path

from matplotlib.testing.compare import compare_images

from lstm_lib import diagrams_gru

FIGURES_DIR = Path(__file__).resolve().parent.parent / "figures"


def test_committed_png_matches_its_code_and_fits_a_page(tmp_path):
    diagrams_gru.main([str(tmp_path)])
    for name, draw in diagrams_gru.FIGURES.items():
        diff = compare_images(
            str(FIGURES_DIR / f"{name}.png"), str(tmp_path / f"{name}.png"), tol=2
        )
        assert diff is None, f"figures/{name}.png is stale: python -m lstm_lib.diagrams_gru"
        width, height = draw().get_size_inches()
        assert 8.0 <= width <= 10.0 and height <= 8.0
        assert re.match(rf"Notebook {name[:2]} \(", draw.__doc__)
