"""Sphinx settings of the web edition: `make book` builds book/_build/html.

The pages are the committed notebooks with their stored outputs (myst-nb, never executed),
TEACHING.md, the student edition and an lstm_lib page from the docstrings. `notebooks`,
`student` and `figures` in this folder are links to the repository's own folders, so every
notebook is a page and its `../figures/...` images resolve as they do in JupyterLab.
Everything a page loads is in the site itself: MathJax comes from the package
sphinx-mathjax-offline, the theme's fonts and scripts from sphinx-book-theme.
"""

import os
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

from docutils import nodes

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import lstm_lib  # noqa: E402

# Where the Binder and repository links point. The Pages workflow sets BOOK_REPOSITORY_URL;
# a local build falls back to the clone's GitHub remote, then to a placeholder.
PLACEHOLDER_REPOSITORY = "https://github.com/OWNER/lstm-gate-by-gate"


def _repository_url():
    """The GitHub address of this repository, for the Binder and repository buttons."""
    if os.environ.get("BOOK_REPOSITORY_URL"):
        return os.environ["BOOK_REPOSITORY_URL"].rstrip("/")
    remote = subprocess.run(
        ["git", "remote", "get-url", "origin"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    match = re.fullmatch(r"(?:https://|git@)github\.com[/:]([^/]+/[^/]+?)(?:\.git)?/?", remote)
    return f"https://github.com/{match.group(1)}" if match else PLACEHOLDER_REPOSITORY


project = "LSTM, gate by gate"
author = "the authors of LSTM, gate by gate, MIT licence"
html_show_copyright = False

extensions = ["myst_nb", "sphinx.ext.autodoc", "sphinx-mathjax-offline"]
# Only the pages of this folder and the notebooks themselves: no checkpoints, no stray files.
include_patterns = ["*.md", "*.rst", "notebooks/*.ipynb", "student/*.ipynb"]
exclude_patterns = ["_build"]

# The notebooks are shown as committed: their stored outputs, no kernel at build time.
nb_execution_mode = "off"
# A loop of prints arrives as many stream outputs; show them as one block, as JupyterLab does.
nb_merge_streams = True
myst_enable_extensions = ["dollarmath", "amsmath"]
myst_heading_anchors = 3

# MathJax 3 from the site's own _static folder (copied there by sphinx-mathjax-offline).
mathjax_path = "mathjax/tex-chtml.js"

html_theme = "sphinx_book_theme"
html_title = project
html_copy_source = True
html_static_path = ["_static"]
html_css_files = ["docstring.css", "hangul.css"]
html_theme_options = {
    "repository_url": _repository_url(),
    "repository_branch": "main",
    "path_to_docs": "",
    "use_repository_button": True,
    "use_download_button": True,
    "use_fullscreen_button": False,
    "home_page_in_toc": True,
    "show_navbar_depth": 1,
    "launch_buttons": {"binderhub_url": "https://mybinder.org", "notebook_interface": "jupyterlab"},
}

# lstm_lib: every module's docstrings, shown as the plain text they are written in.
autodoc_member_order = "bysource"
autodoc_default_options = {"members": True, "ignore-module-all": True}


def api_modules():
    """lstm_lib's public modules, sorted by name (a private one starts with '_')."""
    found = pkgutil.walk_packages(lstm_lib.__path__, "lstm_lib.")
    return sorted(m.name for m in found if not any(p.startswith("_") for p in m.name.split(".")))


def _add_api_sections(app, docname, source):
    """Append one section per lstm_lib module to api.rst, so a new module appears unasked."""
    if docname != "api":
        return
    for name in api_modules():
        source[0] += f"\n{name}\n{'-' * len(name)}\n\n.. automodule:: {name}\n"


def _docstring_as_text(app, what, name, obj, options, lines):
    """Render a docstring as a plain-text block: it reads as written, and never warns."""
    if any(line.strip() for line in lines):
        block = [".. code-block:: text", "   :class: docstring", ""]
        lines[:] = block + [f"   {line}" for line in lines] + [""]


def _mark_student_titles(app, doctree):
    """A student page says so in its title, so the navigation and search tell them apart."""
    if app.env.docname.startswith("student/"):
        title = next(doctree.findall(nodes.title), None)
        if title is not None:
            title += nodes.Text(" (student edition)")


def setup(app):
    app.connect("source-read", _add_api_sections)
    # Before the title collector (priority 500) records the page's title.
    app.connect("doctree-read", _mark_student_titles, priority=400)
    app.connect("autodoc-process-docstring", _docstring_as_text)
