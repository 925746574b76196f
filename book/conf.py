"""Sphinx settings of the web edition: `make book` builds book/_build/html.

The pages are the committed notebooks with their stored outputs (myst-nb, never executed),
TEACHING.md, the student edition and an lstm_lib page from the docstrings. `notebooks`,
`student` and `figures` in this folder are links to the repository's own folders, so every
notebook is a page and its `../figures/...` images resolve as they do in JupyterLab. The
Korean edition, ko/conf.py, runs this file and changes only what differs (`make book` builds
it into the English site's folder ko/).
Everything a page loads is in the site itself: MathJax comes from the package
sphinx-mathjax-offline, the theme's fonts and scripts from sphinx-book-theme, the rest from
_static. What the book adds to Sphinx is web_edition.py (links, folded plots, downloads),
languages.py (the two sites, and the switch between them) and korean_search.py.
"""

import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]


def repository_url():
    """The repository's GitHub address from $BOOK_REPOSITORY_URL, or None when it is unset.

    The Pages workflow sets it; without it the site has no repository or Binder links at
    all, so a link is either true or absent.
    """
    url = os.environ.get("BOOK_REPOSITORY_URL", "").strip().rstrip("/")
    if url and not re.fullmatch(r"https://github\.com/[\w.-]+/[\w.-]+", url):
        raise ValueError(f"BOOK_REPOSITORY_URL must be https://github.com/OWNER/NAME, got {url}")
    return url or None


REPOSITORY = repository_url()

project = "LSTM, gate by gate"
author = "the authors of LSTM, gate by gate, MIT licence"
html_show_copyright = False

extensions = [
    "myst_nb",
    "sphinx.ext.autodoc",
    "sphinx-mathjax-offline",
    "sphinx_copybutton",
    "web_edition",
    "languages",
    "korean_search",
]
# Only the pages of this folder and the notebooks themselves: no checkpoints, no stray files.
include_patterns = ["*.md", "*.rst", "notebooks/*.ipynb", "student/*.ipynb"]
exclude_patterns = ["_build"]

# The notebooks are shown as committed: their stored outputs, no kernel at build time.
nb_execution_mode = "off"
# A loop of prints arrives as many stream outputs; show them as one block, as JupyterLab does.
nb_merge_streams = True
# web_edition folds exactly the cells that draw a plot.
nb_code_prompt_show = "Show the code of this plot"
nb_code_prompt_hide = "Hide the code of this plot"
myst_enable_extensions = ["dollarmath", "amsmath", "substitution"]
myst_heading_anchors = 3

# The repository's address, where the landing page names it (inside `{only} repository`).
if REPOSITORY:
    tags.add("repository")  # noqa: F821 (Sphinx gives conf.py its tags)
myst_substitutions = {"repository": f"[{REPOSITORY}]({REPOSITORY})" if REPOSITORY else ""}

# MathJax 3 from the site's own _static folder (copied there by sphinx-mathjax-offline).
mathjax_path = "mathjax/tex-chtml.js"

html_theme = "sphinx_book_theme"
html_title = project
html_copy_source = True
# Absolute, so that ko/conf.py shares them.
html_static_path = [str(HERE / "_static")]
templates_path = [str(HERE / "_templates")]
html_css_files = ["docstring.css", "hangul.css", "reading.css"]
html_js_files = ["reading.js", "search-snippets.js"]
html_search_scorer = str(HERE / "search-scorer.js")
# Light or dark as the reader's system says, until the reader picks one (without it the theme
# starts from an empty mode and logs "Got invalid theme mode").
html_context = {"default_mode": "auto"}
html_theme_options = {
    "use_download_button": True,
    "use_fullscreen_button": False,
    # The switch to the same page in the other language, beside the download and search
    # buttons (languages.twin_pages), so that it shows on a phone without the menu.
    "article_header_end": ["language-switch.html", "article-header-buttons.html"],
    "home_page_in_toc": True,
    "show_navbar_depth": 1,
    # No top bar: pydata-sphinx-theme 0.20 puts a second ☰ button and a second search field
    # there, and the theme's script binds the first ☰ of the page, the hidden one, so the
    # chapter menu would not open on a phone. The article's own bar keeps ☰ and search.
    "navbar_start": [],
    "navbar_center": [],
    "navbar_end": [],
    "navbar_persistent": [],
}
if REPOSITORY:
    html_theme_options |= {
        "repository_url": REPOSITORY,
        "repository_branch": "main",
        "path_to_docs": "",
        "use_repository_button": True,
        "launch_buttons": {
            "binderhub_url": "https://mybinder.org",
            "notebook_interface": "jupyterlab",
        },
    }

# Copy buttons on code, not on outputs or prompts.
copybutton_selector = "div.cell_input div.highlight pre, div.highlight-default div.highlight pre"
copybutton_exclude = ".linenos, .gp"

# lstm_lib: every module's docstrings, shown as the plain text they are written in.
autodoc_member_order = "bysource"
autodoc_default_options = {"members": True, "ignore-module-all": True}
