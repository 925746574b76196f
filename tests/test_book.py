"""The web edition (`make book`) builds without warnings and works with the network off.

The site is built once, the way `make book` builds it, into a temporary folder; the tests
then read the HTML: every chapter has its page in order, every stored plot and figure is
shown, every link inside the site resolves, and nothing a page loads comes from outside it.
"""

import importlib.util
import os
import pkgutil
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import nbformat
import pytest

pytest.importorskip("sphinx", reason="the web edition needs the book extra")
pytest.importorskip("myst_nb", reason="the web edition needs the book extra")

import lstm_lib  # noqa: E402

pytestmark = pytest.mark.slow  # a Sphinx build: make test runs it, make check leaves it out

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
STUDENT = sorted((ROOT / "student").glob("*.ipynb"))
# Folders a build may write to or that tools keep; everything else must stay untouched.
SKIPPED_DIRS = {".git", "_build", "__pycache__", ".pytest_cache", ".ruff_cache", ".hypothesis"}
# Tags whose address the browser loads by itself: these must stay inside the site.
LOADED = {
    "script": "src",
    "img": "src",
    "iframe": "src",
    "source": "src",
    "video": "src",
    "audio": "src",
    "embed": "src",
    "track": "src",
    "object": "data",
    "link": "href",
}
IMAGE_OUTPUTS = ("image/png", "image/jpeg", "image/svg+xml")


def _tree_state():
    """{path: mtime} of every file in the repository outside build and tool folders."""
    state = {}
    for folder, dirs, files in os.walk(ROOT):
        dirs[:] = [d for d in dirs if d not in SKIPPED_DIRS and not d.startswith(".venv")]
        for name in files:
            path = Path(folder, name)
            state[str(path.relative_to(ROOT))] = path.lstat().st_mtime_ns
    return state


class _Page(HTMLParser):
    """The ids, the loaded addresses and the links of one HTML page."""

    def __init__(self):
        super().__init__()
        self.ids, self.loaded, self.links, self.images = set(), [], [], []
        self.previous = self.next = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
            if "left-prev" in attrs.get("class", ""):
                self.previous = attrs["href"]
            if "right-next" in attrs.get("class", ""):
                self.next = attrs["href"]
        if attrs.get(LOADED.get(tag, "")):
            self.loaded.append((tag, attrs[LOADED[tag]]))
        if tag == "img":
            self.images.append(attrs.get("src", ""))


def _parse(path):
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def _in_order(links, wanted):
    """The wanted links in the order of their first appearance on a page."""
    return [link for link in dict.fromkeys(links) if link in wanted]


def _is_external(url):
    return bool(urlsplit(url).scheme) or url.startswith("//")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """Build the book into a temporary folder; return (html folder, sphinx's stderr)."""
    build = tmp_path_factory.mktemp("book")
    out = build / "html"
    before = _tree_state()
    command = [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html"]
    command += ["-d", str(build / "doctrees"), "book", str(out)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, f"the book does not build:\n{result.stderr[-4000:]}"
    assert _tree_state() == before, "building the book changed files in the repository"
    return out, result.stderr


@pytest.fixture(scope="module")
def pages(site):
    out, _ = site
    paths = [path for path in out.rglob("*.html") if "_static" not in path.parts]
    return {path.relative_to(out).as_posix(): _parse(path) for path in paths}


def test_builds_without_a_warning(site):
    _, stderr = site
    assert "WARNING" not in stderr and "ERROR" not in stderr, stderr


def test_every_notebook_has_a_page_in_order_with_previous_and_next(pages):
    home = pages["index.html"]
    chapters = [f"notebooks/{path.stem}.html" for path in NOTEBOOKS]
    for chapter in chapters:
        assert chapter in pages, f"no page for {chapter}"
    assert _in_order(home.links, chapters) == chapters
    for previous, chapter in zip(chapters, chapters[1:], strict=False):
        assert pages[previous].next == Path(chapter).name, f"{previous}: wrong next link"
        assert pages[chapter].previous == Path(previous).name, f"{chapter}: wrong previous link"


def test_each_chapter_offers_its_notebook_and_binder(pages):
    for folder, notebooks in (("notebooks", NOTEBOOKS), ("student", STUDENT)):
        for path in notebooks:
            links = pages[f"{folder}/{path.stem}.html"].links
            assert f"../_sources/{folder}/{path.name}" in links, f"no download: {path}"
            binder = [link for link in links if link.startswith("https://mybinder.org/v2/gh/")]
            assert binder and binder[0].endswith(f"/{folder}/{path.name}"), f"no Binder: {path}"


def test_teachers_page_links_the_student_edition(pages):
    assert "student.html" in pages["teaching.html"].links
    student = [f"student/{path.stem}.html" for path in STUDENT]
    assert _in_order(pages["student.html"].links, student) == student


def test_every_stored_plot_and_figure_is_shown(site, pages):
    out, _ = site
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
        figures = len(re.findall(r"!\[[^\]]*\]\([^)]+\)", markdown))
        plots = sum(
            any(kind in output.get("data", {}) for kind in IMAGE_OUTPUTS)
            for cell in nb.cells
            if cell.cell_type == "code"
            for output in cell.outputs
        )
        images = [src for src in pages[f"notebooks/{path.stem}.html"].images if "_images/" in src]
        assert len(images) == figures + plots, f"{path.name}: {len(images)} images shown"
        for src in images:
            assert (out / "notebooks" / unquote(src)).resolve().is_file(), src


def test_nothing_is_loaded_from_outside_the_site(site, pages):
    out, _ = site
    for name, page in pages.items():
        outside = [(tag, url) for tag, url in page.loaded if _is_external(url)]
        assert not outside, f"{name} loads {outside}"
    for css in out.rglob("*.css"):
        text = css.read_text(encoding="utf-8", errors="replace")
        assert not re.search(r"(url\(\s*['\"]?|@import\s+['\"])(https?:)?//", text), css


def test_math_is_typeset_by_the_bundled_mathjax(site, pages):
    out, _ = site
    mathjax = "_static/mathjax/tex-chtml.js"
    assert (out / mathjax).is_file()
    assert list((out / "_static/mathjax/output/chtml/fonts/woff-v2").glob("*.woff"))
    for path in NOTEBOOKS:
        page = pages[f"notebooks/{path.stem}.html"]
        assert ("script", f"../{mathjax}") in page.loaded, f"{path.name} loads no MathJax"


def test_every_link_inside_the_site_resolves(site, pages):
    out, _ = site
    for name, page in pages.items():
        here = (out / name).parent
        addresses = page.links + [url for _, url in page.loaded]
        for url in addresses:
            if _is_external(url) or url.startswith("javascript:"):
                continue
            parts = urlsplit(url)
            target = (here / unquote(parts.path)).resolve() if parts.path else out / name
            if target.is_dir():
                target = target / "index.html"
            assert target.is_file(), f"{name}: dead link {url}"
            if parts.fragment and target.suffix == ".html":
                ids = pages[target.relative_to(out.resolve()).as_posix()].ids
                assert unquote(parts.fragment) in ids, f"{name}: dead anchor {url}"


def test_api_page_documents_every_module(pages):
    ids = pages["api.html"].ids
    modules = [m.name for m in pkgutil.walk_packages(lstm_lib.__path__, "lstm_lib.")]
    for name in ["lstm_lib"] + [m for m in modules if "._" not in m]:
        assert f"module-{name}" in ids, f"{name} is missing from the API page"


def test_the_bundled_korean_font_has_every_hangul_character_the_book_uses():
    """Korean terms show in the site's own font, so no reader sees empty boxes."""
    spec = importlib.util.spec_from_file_location(
        "subset_hangul_font", ROOT / "scripts" / "subset_hangul_font.py"
    )
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    bundled = (script.FONTS / "hangul.txt").read_text(encoding="utf-8").strip()
    missing = sorted(set(script.hangul_in_book()) - set(bundled))
    assert not missing, (
        f"the book uses Hangul {''.join(missing)!r} that book/_static/fonts/hangul.woff2 "
        "lacks: run python scripts/subset_hangul_font.py <a Noto Sans CJK font>"
    )
    assert (script.FONTS / "hangul.woff2").stat().st_size > 1000
