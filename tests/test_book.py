"""The web edition (`make book`) builds without warnings and works with the network off.

The site is built once, the way the Pages workflow builds it (with a repository address),
into a temporary folder; the tests then read the HTML: every chapter has its page in order,
every stored plot and figure is shown, every link inside the site resolves, nothing a page
loads comes from outside it, the downloads stand alone. Where a Chromium is installed, a
phone and a desktop read the pages too (scripts/browse_book.py).
"""

import importlib.util
import json
import os
import pkgutil
import re
import runpy
import subprocess
import sys
import zipfile
from html.parser import HTMLParser
from importlib import import_module
from pathlib import Path
from urllib.parse import unquote, urlsplit

import nbformat
import pytest

pytest.importorskip("sphinx", reason="the web edition needs the book extra")
pytest.importorskip("myst_nb", reason="the web edition needs the book extra")

import lstm_lib  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
STUDENT = sorted((ROOT / "student").glob("*.ipynb"))
REPOSITORY = "https://github.com/example/lstm-gate-by-gate"
ARCHIVE = "lstm-gate-by-gate.zip"
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
    environment = os.environ | {"BOOK_REPOSITORY_URL": REPOSITORY}
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=environment)
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


def _script(name):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    return script


def test_the_bundled_korean_font_has_every_hangul_character_the_book_uses():
    """Korean terms show in the site's own font, so no reader sees empty boxes."""
    script = _script("subset_hangul_font")
    bundled = (script.FONTS / "hangul.txt").read_text(encoding="utf-8").strip()
    missing = sorted(set(script.hangul_in_book()) - set(bundled))
    assert not missing, (
        f"the book uses Hangul {''.join(missing)!r} that book/_static/fonts/hangul.woff2 "
        "lacks: run python scripts/subset_hangul_font.py <a Noto Sans CJK font>"
    )
    assert (script.FONTS / "hangul.woff2").stat().st_size > 1000


def _text(path):
    return path.read_text(encoding="utf-8")


def _settings(monkeypatch, url):
    """book/conf.py's settings as Sphinx reads them, with $BOOK_REPOSITORY_URL set to url."""
    if url is None:
        monkeypatch.delenv("BOOK_REPOSITORY_URL", raising=False)
    else:
        monkeypatch.setenv("BOOK_REPOSITORY_URL", url)
    added = []
    tags = type("Tags", (), {"add": lambda self, tag: added.append(tag)})()
    settings = runpy.run_path(str(ROOT / "book" / "conf.py"), {"tags": tags})
    return settings, added


def test_without_a_repository_address_the_site_has_no_repository_links(monkeypatch):
    settings, tags = _settings(monkeypatch, None)
    options = settings["html_theme_options"]
    assert "repository_url" not in options and "launch_buttons" not in options
    assert not options.get("use_repository_button") and tags == []
    settings, tags = _settings(monkeypatch, REPOSITORY + "/")
    assert settings["html_theme_options"]["repository_url"] == REPOSITORY
    assert tags == ["repository"]
    with pytest.raises(ValueError, match="BOOK_REPOSITORY_URL"):
        _settings(monkeypatch, "https://github.com/OWNER")


def test_no_page_shows_a_placeholder(site, pages):
    out, _ = site
    for name in pages:
        assert "OWNER" not in _text(out / name), name
    assert REPOSITORY in _text(out / "index.html")


def test_a_downloaded_notebook_carries_its_figures(site):
    out, _ = site
    for folder, notebooks in (("notebooks", NOTEBOOKS), ("student", STUDENT)):
        for path in notebooks:
            original = nbformat.read(path, as_version=4)
            download = nbformat.read(out / "_sources" / folder / path.name, as_version=4)
            for before, after in zip(original.cells, download.cells, strict=True):
                shown = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", before.source)
                attached = after.get("attachments", {})
                assert len(attached) == len(set(map(os.path.basename, shown))), path.name
                assert "../figures/" not in after.source, path.name
                for name, data in attached.items():
                    assert f"(attachment:{name})" in after.source
                    assert data["image/png"][:8] == "iVBORw0K", name  # base64 of a PNG


def test_one_archive_holds_every_chapter_and_the_library(site, pages):
    out, _ = site
    assert ARCHIVE in pages["index.html"].links
    with zipfile.ZipFile(out / ARCHIVE) as archive:
        names = set(archive.namelist())
        folder = "lstm-gate-by-gate"
        for path in NOTEBOOKS:
            inside = nbformat.reads(archive.read(f"{folder}/notebooks/{path.name}"), 4)
            assert not any("../figures/" in cell.source for cell in inside.cells)
    for name in ("README.md", "LICENSE", "pyproject.toml", "lstm_lib/data/odyssey.json"):
        assert f"{folder}/{name}" in names
    for module in (ROOT / "lstm_lib").rglob("*.py"):
        assert f"{folder}/{module.relative_to(ROOT).as_posix()}" in names


def test_the_landing_page_has_the_picture_and_a_line_per_chapter(pages):
    source = _text(ROOT / "book" / "index.md")
    for path in NOTEBOOKS:
        lines = [line for line in source.splitlines() if f"<notebooks/{path.stem}>`" in line]
        assert len(lines) == 1 and lines[0].startswith(f"- {{doc}}`{path.name[:2]} · "), path.name
    assert any("05_complete_cell" in src for src in pages["index.html"].images)


def test_every_plot_cell_is_folded_under_its_plot(site):
    out, _ = site
    for path in NOTEBOOKS:
        cells = nbformat.read(path, as_version=4).cells
        plots = sum(c.cell_type == "code" and "plt.show()" in c.source for c in cells)
        folded = _text(out / "notebooks" / f"{path.stem}.html").count(
            'class="admonition hide above-input"'
        )
        assert folded == plots, path.name


def test_chapters_and_library_names_are_linked_where_mentioned(site):
    out, _ = site
    page = _text(out / "notebooks" / "03_forget_gate.html")
    assert re.search(
        r'<a class="reference internal" href="02_output_gate.html">notebook 02</a>', page
    )
    page = _text(out / "notebooks" / "07_fused_implementation.html")
    assert 'href="../api.html#lstm_lib.lstm.TimeLSTM"' in page
    for path in NOTEBOOKS:
        text = re.sub(
            r"<a [^>]*>.*?</a>", "", _text(out / "notebooks" / f"{path.stem}.html"), flags=re.S
        )
        body = text[text.index('id="main-content"') :]
        body = re.sub(r"<(pre|code|script|h[1-6])\b.*?</\1>", "", body, flags=re.S)
        body = re.sub(r'<(div|span) class="math.*?</\1>', "", body, flags=re.S)
        others = set(re.findall(r"[Nn]otebooks? (\d\d)\b", body)) - {path.name[:2]}
        assert not others, f"{path.name}: a mention of notebook {sorted(others)} without a link"


def test_search_leaves_the_student_edition_out(site):
    out, _ = site
    index = json.loads(_text(out / "searchindex.js").removeprefix("Search.setIndex(")[:-1])
    student = {k for k, name in enumerate(index["docnames"]) if name.startswith("student/")}
    assert student and all(index["titles"][k] == "" for k in student)
    for found in index["terms"].values():
        assert not student & set([found] if isinstance(found, int) else found)


def test_api_page_documents_every_public_name_library_first(site, pages):
    out, _ = site
    ids = pages["api.html"].ids
    for module in (m.name for m in pkgutil.walk_packages(lstm_lib.__path__, "lstm_lib.")):
        if "._" in module:
            continue
        namespace = import_module(module)
        for name in getattr(namespace, "__all__", ()):
            value = getattr(namespace, name)
            home = getattr(value, "__module__", None)
            if callable(value) and home is not None:
                where = module if "._" in home else home
                assert f"{where}.{getattr(value, '__qualname__', name)}" in ids, (module, name)
    html = _text(out / "api.html")
    library = [m.start() for m in re.finditer(r'id="module-lstm_lib\.(?!course)', html)]
    course = [m.start() for m in re.finditer(r'id="module-lstm_lib\.course', html)]
    assert max(library) < html.index('id="the-course"') < min(course)
    assert "``" not in re.sub(r"<[^>]+>", "", html)


# -- a phone and a desktop read the pages (when a Chromium is installed) --------------------

READER_PAGES = ["index.html", "api.html", "teaching.html"] + [
    f"notebooks/{p.stem}.html" for p in NOTEBOOKS
]


@pytest.fixture(scope="module")
def browsed(site):
    browse_book = _script("browse_book")
    chromium = browse_book.find_chromium()
    if chromium is None:
        pytest.skip("no Chromium on this machine (or name one in $BOOK_CHROMIUM)")
    return browse_book.browse(site[0], chromium, pages=READER_PAGES)


@pytest.mark.parametrize("page", READER_PAGES)
def test_a_page_reads_well_on_a_phone_and_a_desktop(browsed, page):
    problems = [f"{w} px: {p}" for w in (390, 1280) for p in browsed["pages"][w, page][0]]
    assert not problems, "\n".join(problems)


def test_the_chapter_menu_opens_on_a_phone_and_toggles_on_a_desktop(browsed):
    wanted, reached = browsed["phone menu"]
    assert reached.endswith(wanted), reached
    assert browsed["desktop menu"] == [True, False, True]


def test_search_finds_the_chapter_first_with_a_readable_snippet(browsed):
    (title, snippet), *_ = browsed["search"]
    assert title == "03 · The forget gate"
    assert not any("student edition" in found for found, _ in browsed["search"])
    assert "forget" in snippet.lower() and "\\" not in snippet and "Download" not in snippet
