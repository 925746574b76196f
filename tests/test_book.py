"""The web edition (`make book`) builds without warnings and works with the network off.

Both sites are built once, the way the Pages workflow builds them (with a repository
address), into a temporary folder, the Korean one (book/ko) into the English one's folder
ko/; the tests then read the HTML of each: every chapter has its page in order, every stored
plot and figure is shown (the Korean figures on the Korean pages, each described in Korean in
its alt text), every link inside the site resolves, nothing a page loads comes from outside
it, the downloads stand alone, every page has its twin in the other language and a switch to
it. Where a Chromium is installed, a
phone and a desktop read the pages of both too (scripts/browse_book.py) and search them.
tests/test_book_korean.py tests the Korean search and pages without a build.
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
from dataclasses import dataclass
from html.parser import HTMLParser
from importlib import import_module
from pathlib import Path
from urllib.parse import unquote, urlsplit

import nbformat
import pytest

pytest.importorskip("sphinx", reason="the web edition needs the book extra")
pytest.importorskip("myst_nb", reason="the web edition needs the book extra")

import lstm_lib  # noqa: E402

pytestmark = pytest.mark.slow  # a Sphinx build: make test runs it, make check leaves it out

ROOT = Path(__file__).resolve().parents[1]
REPOSITORY = "https://github.com/example/lstm-gate-by-gate"
FIGURE = re.compile(r"!\[[^\]]*\]\(([^)]+)\)")  # a figure in markdown, and its path
HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")


@dataclass(frozen=True)
class Site:
    """One language's site: where it lives in the built folder and what it is made of."""

    folder: str  # in the English site
    notebooks: Path
    student: Path
    figures: Path
    source: str  # the pages' folder in the repository, as Binder is told it
    course: str  # the heading of the course's modules on the lstm_lib page
    archive: str
    chapters: str  # the chapters' folder in the archive

    def chapter_files(self):
        return sorted(self.notebooks.glob("*.ipynb"))

    def student_files(self):
        return sorted(self.student.glob("*.ipynb"))


SITES = {
    "en": Site(
        folder="",
        notebooks=ROOT / "notebooks",
        student=ROOT / "student",
        figures=ROOT / "figures",
        source="",
        course="The course",
        archive="lstm-gate-by-gate.zip",
        chapters="notebooks",
    ),
    "ko": Site(
        folder="ko/",
        notebooks=ROOT / "notebooks/ko",
        student=ROOT / "student/ko",
        figures=ROOT / "figures/ko",
        source="book/ko/",
        course="수업 도구",
        archive="lstm-gate-by-gate-ko.zip",
        chapters="notebooks/ko",
    ),
}
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
    """The ids, the loaded addresses, the links and the images (with their descriptions, the
    alt texts) of one HTML page; its language, its language switch (href, hreflang, lang)
    and its alternates ({hreflang: href})."""

    def __init__(self):
        super().__init__()
        self.ids, self.loaded, self.links, self.images, self.alts = set(), [], [], [], []
        self.previous = self.next = self.lang = None
        self.switches, self.alternates = [], {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "html":
            self.lang = attrs.get("lang")
        if tag == "a" and "language-switch" in attrs.get("class", ""):
            self.switches.append((attrs["href"], attrs.get("hreflang"), attrs.get("lang")))
        if tag == "link" and attrs.get("rel") == "alternate":
            self.alternates[attrs.get("hreflang")] = attrs["href"]
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
            self.alts.append(attrs.get("alt") or "")


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
    """Build both sites side by side, as `make book` does, into a temporary folder; return
    (html folder, the builds' stderr)."""
    build = tmp_path_factory.mktemp("book")
    out = build / "html"
    before = _tree_state()
    environment = os.environ | {"BOOK_REPOSITORY_URL": REPOSITORY}
    builds = []
    for source, folder in (("book", ""), ("book/ko", "ko")):
        command = [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html"]
        command += ["-d", str(build / f"doctrees-{folder}"), source, str(out / folder)]
        builds.append(
            subprocess.Popen(command, cwd=ROOT, env=environment, stderr=subprocess.PIPE, text=True)
        )
    errors = [process.communicate()[1] for process in builds]
    for process, stderr in zip(builds, errors, strict=True):
        assert process.returncode == 0, f"the book does not build:\n{stderr[-4000:]}"
    assert _tree_state() == before, "building the book changed files in the repository"
    return out, "".join(errors)


@pytest.fixture(scope="module")
def pages(site):
    out, _ = site
    paths = [path for path in out.rglob("*.html") if "_static" not in path.parts]
    return {path.relative_to(out).as_posix(): _parse(path) for path in paths}


def test_builds_without_a_warning(site):
    _, stderr = site
    assert "WARNING" not in stderr and "ERROR" not in stderr, stderr


@pytest.mark.parametrize("lang", SITES)
def test_every_notebook_has_a_page_in_order_with_previous_and_next(pages, lang):
    here = SITES[lang].folder
    home = pages[f"{here}index.html"]
    chapters = [f"notebooks/{path.stem}.html" for path in SITES[lang].chapter_files()]
    for chapter in chapters:
        assert here + chapter in pages, f"no page for {here}{chapter}"
    assert _in_order(home.links, chapters) == chapters
    for previous, chapter in zip(chapters, chapters[1:], strict=False):
        assert pages[here + previous].next == Path(chapter).name, f"{previous}: wrong next link"
        assert pages[here + chapter].previous == Path(previous).name, f"{chapter}: wrong previous"


@pytest.mark.parametrize("lang", SITES)
def test_each_chapter_offers_its_notebook_and_binder(pages, lang):
    site = SITES[lang]
    for folder, notebooks in (
        ("notebooks", site.chapter_files()),
        ("student", site.student_files()),
    ):
        for path in notebooks:
            links = pages[f"{site.folder}{folder}/{path.stem}.html"].links
            assert f"../_sources/{folder}/{path.name}" in links, f"no download: {path}"
            binder = [link for link in links if link.startswith("https://mybinder.org/v2/gh/")]
            opened = f"{site.source}{folder}/{path.name}"
            assert binder and binder[0].endswith(f"/{opened}"), f"no Binder: {path}"
            assert (ROOT / opened).samefile(path), f"Binder would open {opened}, not {path}"


@pytest.mark.parametrize("lang", SITES)
def test_teachers_page_links_the_student_edition(pages, lang):
    here = SITES[lang].folder
    assert "student.html" in pages[f"{here}teaching.html"].links
    student = [f"student/{path.stem}.html" for path in SITES[lang].student_files()]
    assert _in_order(pages[f"{here}student.html"].links, student) == student


@pytest.mark.parametrize("lang", SITES)
def test_every_stored_plot_and_figure_is_shown(site, pages, lang):
    out = site[0] / SITES[lang].folder
    here = SITES[lang].folder
    for path in SITES[lang].chapter_files():
        nb = nbformat.read(path, as_version=4)
        markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
        figures = len(re.findall(r"!\[[^\]]*\]\([^)]+\)", markdown))
        plots = sum(
            any(kind in output.get("data", {}) for kind in IMAGE_OUTPUTS)
            for cell in nb.cells
            if cell.cell_type == "code"
            for output in cell.outputs
        )
        page = pages[f"{here}notebooks/{path.stem}.html"]
        images = [src for src in page.images if "_images/" in src]
        assert len(images) == figures + plots, f"{path.name}: {len(images)} images shown"
        for src in images:
            assert (out / "notebooks" / unquote(src)).resolve().is_file(), src


def test_a_korean_page_describes_its_plots_and_figures_in_korean(pages):
    """On a Korean page of a notebook every plot and figure has a Korean description (alt
    text), for a reader who cannot see it: the plots' from the catalogue, as the build writes
    them into the cells' metadata (mystnb.image.alt), the figures' from the markdown."""
    site, shown = SITES["ko"], 0
    for folder, notebooks in (
        ("notebooks", site.chapter_files()),
        ("student", site.student_files()),
    ):
        for path in notebooks:
            page = pages[f"{site.folder}{folder}/{path.stem}.html"]
            alts = [a for src, a in zip(page.images, page.alts, strict=True) if "_images/" in src]
            shown += len(alts)
            english = [alt[:60] for alt in alts if not HANGUL.search(alt)]
            assert not english, f"{folder}/{path.name}: {english}"
    assert shown, "no plot or figure found on the Korean pages"


@pytest.mark.parametrize("lang", SITES)
def test_a_chapter_page_shows_the_figures_of_its_language(site, pages, lang):
    """The Korean pages show figures/ko (drawn with Korean labels), the English ones figures/."""
    out = site[0] / SITES[lang].folder
    other = SITES["ko" if lang == "en" else "en"].figures
    for path in SITES[lang].chapter_files():
        nb = nbformat.read(path, as_version=4)
        markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
        figures = [Path(figure).name for figure in FIGURE.findall(markdown)]
        page = pages[f"{SITES[lang].folder}notebooks/{path.stem}.html"]
        shown = [src for src in page.images if Path(unquote(src)).name in figures]
        assert len(shown) == len(figures), f"{path.name}: {len(shown)} of its figures shown"
        for src in shown:
            image = (out / "notebooks" / unquote(src)).read_bytes()
            name = Path(unquote(src)).name
            assert image == (SITES[lang].figures / name).read_bytes(), f"{path.name}: {name}"
            assert image != (other / name).read_bytes(), f"{name} is the same in both languages"


def test_nothing_is_loaded_from_outside_the_site(site, pages):
    out, _ = site
    for name, page in pages.items():
        outside = [(tag, url) for tag, url in page.loaded if _is_external(url)]
        assert not outside, f"{name} loads {outside}"
    for css in out.rglob("*.css"):
        text = css.read_text(encoding="utf-8", errors="replace")
        assert not re.search(r"(url\(\s*['\"]?|@import\s+['\"])(https?:)?//", text), css


@pytest.mark.parametrize("lang", SITES)
def test_math_is_typeset_by_the_bundled_mathjax(site, pages, lang):
    out = site[0] / SITES[lang].folder
    mathjax = "_static/mathjax/tex-chtml.js"
    assert (out / mathjax).is_file()
    assert list((out / "_static/mathjax/output/chtml/fonts/woff-v2").glob("*.woff"))
    for path in SITES[lang].chapter_files():
        page = pages[f"{SITES[lang].folder}notebooks/{path.stem}.html"]
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


@pytest.mark.parametrize("lang", SITES)
def test_api_page_documents_every_module(pages, lang):
    ids = pages[f"{SITES[lang].folder}api.html"].ids
    modules = [m.name for m in pkgutil.walk_packages(lstm_lib.__path__, "lstm_lib.")]
    for name in ["lstm_lib"] + [m for m in modules if "._" not in m]:
        assert f"module-{name}" in ids, f"{name} is missing from the API page"


def _script(name):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    return script


def _missing_from_the_font(text):
    """The Hangul of `text` that the bundled font lacks, and what to run about it."""
    script = _script("subset_hangul_font")
    bundled = (script.FONTS / "hangul.txt").read_text(encoding="utf-8").strip()
    assert (script.FONTS / "hangul.woff2").stat().st_size > 1000
    missing = "".join(sorted(set(HANGUL.findall(text)) - set(bundled)))
    return missing, (
        f"Hangul {missing!r} that book/_static/fonts/hangul.woff2 lacks: run python "
        "scripts/subset_hangul_font.py <a Noto Sans CJK font>"
    )


def test_the_bundled_korean_font_has_every_hangul_character_the_book_uses():
    """Korean terms and the Korean site show in the site's own font, so no reader sees empty
    boxes: the sources the font is cut from hold the Korean site's own pages too."""
    script = _script("subset_hangul_font")
    missing, message = _missing_from_the_font(script.hangul_in_book())
    assert not missing, f"the book uses {message}"
    korean_site = script.hangul_in(("book/ko/*.*", "notebooks/ko/*.ipynb", "student/ko/*.ipynb"))
    assert set(korean_site) <= set(script.hangul_in_book())


def test_every_page_of_both_sites_is_in_the_bundled_font(site, pages):
    out, _ = site
    missing, message = _missing_from_the_font("".join(_text(out / name) for name in pages))
    assert not missing, f"the built pages show {message}"


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


@pytest.mark.parametrize("lang", SITES)
def test_a_downloaded_notebook_carries_its_figures(site, lang):
    out = site[0] / SITES[lang].folder
    for folder, notebooks in (
        ("notebooks", SITES[lang].chapter_files()),
        ("student", SITES[lang].student_files()),
    ):
        for path in notebooks:
            original = nbformat.read(path, as_version=4)
            download = nbformat.read(out / "_sources" / folder / path.name, as_version=4)
            for before, after in zip(original.cells, download.cells, strict=True):
                shown = FIGURE.findall(before.source)
                attached = after.get("attachments", {})
                assert len(attached) == len(set(map(os.path.basename, shown))), path.name
                assert all(f.startswith("attachment:") for f in FIGURE.findall(after.source))
                for name, data in attached.items():
                    assert f"(attachment:{name})" in after.source
                    assert data["image/png"][:8] == "iVBORw0K", name  # base64 of a PNG


@pytest.mark.parametrize("lang", SITES)
def test_one_archive_holds_every_chapter_and_the_library(site, pages, lang):
    """The Korean site's archive holds the Korean chapters, in notebooks/ko, where their
    checkers answer in Korean."""
    here = SITES[lang]
    assert here.archive in pages[f"{here.folder}index.html"].links
    with zipfile.ZipFile(site[0] / here.folder / here.archive) as archive:
        names = set(archive.namelist())
        folder = "lstm-gate-by-gate"
        chapters = {n for n in names if n.endswith(".ipynb")}
        assert chapters == {f"{folder}/{here.chapters}/{p.name}" for p in here.chapter_files()}
        for path in here.chapter_files():
            inside = nbformat.reads(archive.read(f"{folder}/{here.chapters}/{path.name}"), 4)
            assert inside.cells[0].source == nbformat.read(path, 4).cells[0].source
            shown = [f for cell in inside.cells for f in FIGURE.findall(cell.source)]
            assert all(figure.startswith("attachment:") for figure in shown), path.name
    for name in ("README.md", "LICENSE", "pyproject.toml", "lstm_lib/data/odyssey.json"):
        assert f"{folder}/{name}" in names
    for module in (ROOT / "lstm_lib").rglob("*.py"):
        assert f"{folder}/{module.relative_to(ROOT).as_posix()}" in names


@pytest.mark.parametrize("lang", SITES)
def test_the_landing_page_has_the_picture_and_a_line_per_chapter(site, pages, lang):
    """One line per chapter, named by the notebook's own title (up to its colon)."""
    here = SITES[lang]
    source = _text(ROOT / "book" / here.folder / "index.md")
    for path in here.chapter_files():
        title = nbformat.read(path, 4).cells[0].source.splitlines()[0].removeprefix("# ")
        lines = [line for line in source.splitlines() if f"<notebooks/{path.stem}>`" in line]
        wanted = f"- {{doc}}`{title.split(':')[0]} <notebooks/{path.stem}>`"
        assert len(lines) == 1 and lines[0].startswith(wanted), path.name
    picture = [src for src in pages[f"{here.folder}index.html"].images if "05_complete" in src]
    shown = (site[0] / here.folder / picture[0]).read_bytes()
    assert shown == (here.figures / "05_complete_cell.png").read_bytes()


@pytest.mark.parametrize("lang", SITES)
def test_every_plot_cell_is_folded_under_its_plot(site, lang):
    out = site[0] / SITES[lang].folder
    for path in SITES[lang].chapter_files():
        cells = nbformat.read(path, as_version=4).cells
        plots = sum(c.cell_type == "code" and "plt.show()" in c.source for c in cells)
        folded = _text(out / "notebooks" / f"{path.stem}.html").count(
            'class="admonition hide above-input"'
        )
        assert folded == plots, path.name


# A mention of a chapter as each language writes it ("notebook 05", "노트북 05의").
MENTIONED = {"en": r"[Nn]otebooks? (\d\d)\b", "ko": r"노트북 (\d\d)(?!\d)"}


@pytest.mark.parametrize("lang", SITES)
def test_chapters_and_library_names_are_linked_where_mentioned(site, lang):
    out = site[0] / SITES[lang].folder
    page = _text(out / "notebooks" / "03_forget_gate.html")
    mention = {"en": "notebook 02", "ko": "노트북 02"}[lang]
    assert f'<a class="reference internal" href="02_output_gate.html">{mention}</a>' in page
    page = _text(out / "notebooks" / "07_fused_implementation.html")
    assert 'href="../api.html#lstm_lib.lstm.TimeLSTM"' in page
    for path in SITES[lang].chapter_files():
        text = re.sub(
            r"<a [^>]*>.*?</a>", "", _text(out / "notebooks" / f"{path.stem}.html"), flags=re.S
        )
        body = text[text.index('id="main-content"') :]
        body = re.sub(r"<(pre|code|script|h[1-6])\b.*?</\1>", "", body, flags=re.S)
        body = re.sub(r'<(div|span) class="math.*?</\1>', "", body, flags=re.S)
        others = set(re.findall(MENTIONED[lang], body)) - {path.name[:2]}
        assert not others, f"{path.name}: a mention of notebook {sorted(others)} without a link"


def _search_index(out):
    return json.loads(_text(out / "searchindex.js").removeprefix("Search.setIndex(")[:-1])


@pytest.mark.parametrize("lang", SITES)
def test_search_leaves_the_student_edition_out(site, lang):
    index = _search_index(site[0] / SITES[lang].folder)
    student = {k for k, name in enumerate(index["docnames"]) if name.startswith("student/")}
    assert student and all(index["titles"][k] == "" for k in student)
    for found in index["terms"].values():
        assert not student & set([found] if isinstance(found, int) else found)


@pytest.mark.parametrize("lang", SITES)
def test_api_page_documents_every_public_name_library_first(site, pages, lang):
    out = site[0] / SITES[lang].folder
    ids = pages[f"{SITES[lang].folder}api.html"].ids
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
    heading = re.search(rf"<h\d>{SITES[lang].course}<", html).start()
    assert max(library) < heading < min(course)
    assert "``" not in re.sub(r"<[^>]+>", "", html)


# -- two languages -----------------------------------------------------------------------

# What a Korean page would show if web_edition, the theme or Sphinx wrote it in English.
ENGLISH_WORDS = (
    "(student edition)",
    "Show the code of this plot",
    "Hide the code of this plot",
    "Skip to main content",
    "Back to top",
    "Link to this heading",
    "previous page",
    "By the authors",
    'placeholder="Search',
)


def _language_of(name):
    return "ko" if name.startswith("ko/") else "en"


def _twin(name):
    return name.removeprefix("ko/") if _language_of(name) == "ko" else f"ko/{name}"


def _target(name, url):
    """The page a link on page `name` leads to, by its name in the built folder."""
    return os.path.normpath(os.path.join(os.path.dirname(name), urlsplit(url).path))


def test_the_two_sites_have_the_same_pages(pages):
    english = {name for name in pages if _language_of(name) == "en"}
    korean = {name.removeprefix("ko/") for name in pages if _language_of(name) == "ko"}
    assert english == korean
    assert {"index.html", "search.html", "notebooks/03_forget_gate.html"} <= english


def test_every_page_switches_to_its_twin_and_back(pages):
    for name, page in pages.items():
        here = _language_of(name)
        other = "en" if here == "ko" else "ko"
        assert page.lang == here, f"{name}: <html lang={page.lang}>"
        assert len(page.switches) == 1, f"{name}: {len(page.switches)} language switches"
        url, hreflang, lang = page.switches[0]
        assert (hreflang, lang) == (other, other), f"{name}: switch to {hreflang}, {lang}"
        assert _target(name, url) == _twin(name), f"{name}: the switch leads to {url}"
        back = pages[_twin(name)].switches[0][0]
        assert _target(_twin(name), back) == name, f"{_twin(name)} does not switch back"
        wanted = {here: name, other: _twin(name)}
        found = {code: _target(name, url) for code, url in page.alternates.items()}
        assert found == wanted, f"{name}: alternates {page.alternates}"


def test_what_a_korean_page_writes_around_the_text_is_korean(site, pages):
    out, _ = site
    for name in pages:
        if _language_of(name) == "ko":
            text = _text(out / name)
            found = [words for words in ENGLISH_WORDS if words in text]
            assert not found, f"{name} shows {found}"
    assert "(학생용 판)" in _text(out / "ko/student/03_forget_gate.html")
    assert "이 그림을 그린 코드 보기" in _text(out / "ko/notebooks/03_forget_gate.html")


def test_the_korean_search_indexes_hangul_in_pairs_of_syllables(site):
    """A Korean word is found without its particle ("게이트" in "게이트를"); Latin words are
    stemmed as on the English site."""
    index = _search_index(site[0] / "ko")
    chapter = index["docnames"].index("notebooks/03_forget_gate")

    def pages_with(term):
        found = set()
        for where in (index["terms"], index["titleterms"]):
            hits = where.get(term, [])
            found |= {hits} if isinstance(hits, int) else set(hits)
        return found

    for term in ("게이", "이트", "반감", "감기", "셀", "forget", "gate"):
        assert chapter in pages_with(term), term
    assert "게이트를" not in index["terms"] and "gates" not in index["terms"]


# -- a phone and a desktop read the pages (when a Chromium is installed) --------------------

READER_PAGES = [
    f"{site.folder}{page}"
    for site in SITES.values()
    for page in ["index.html", "api.html", "teaching.html"]
    + [f"notebooks/{path.stem}.html" for path in site.chapter_files()]
]
# A word, and the title of the chapter the search must find first. The Korean words have no
# particle, which the pages write after them (게이트를, 반감기는, 소실된다).
FIRST_FOUND = {
    ("", "forget"): "03 · The forget gate",
    ("ko/", "게이트"): "01 · 게이트",
    ("ko/", "반감기"): "03 · forget 게이트",
    ("ko/", "기울기 소실"): "00 · RNN에서 LSTM으로",
}
# The same term in both languages: both searches find the same pages.
SAME_PAGES = (("", "Hadamard"), ("ko/", "아다마르"))


@pytest.fixture(scope="module")
def browsed(site):
    browse_book = _script("browse_book")
    chromium = browse_book.find_chromium()
    if chromium is None:
        pytest.skip("no Chromium on this machine (or name one in $BOOK_CHROMIUM)")
    searches = (*FIRST_FOUND, *SAME_PAGES)
    return browse_book.browse(site[0], chromium, pages=READER_PAGES, searches=searches)


@pytest.mark.parametrize("page", READER_PAGES)
def test_a_page_reads_well_on_a_phone_and_a_desktop(browsed, page):
    problems = [f"{w} px: {p}" for w in (390, 1280) for p in browsed["pages"][w, page][0]]
    assert not problems, "\n".join(problems)


def test_the_chapter_menu_opens_on_a_phone_and_toggles_on_a_desktop(browsed):
    wanted, reached = browsed["phone menu"]
    assert reached.endswith(wanted), reached
    assert browsed["desktop menu"] == [True, False, True]


def test_the_language_switch_leads_there_and_back_on_a_phone_and_a_desktop(browsed):
    for width, (start, *reached) in browsed["switch"].items():
        assert reached == [f"/ko{start}", start], f"{width} px: {reached}"


@pytest.mark.parametrize(("folder", "word"), FIRST_FOUND)
def test_search_finds_the_chapter_first_with_a_readable_snippet(browsed, folder, word):
    (title, snippet, _), *_ = results = browsed["search"][folder, word]
    assert title == FIRST_FOUND[folder, word]
    assert not any(address.startswith("student/") for *_, address in results)
    assert word.split()[0] in snippet.lower() and "\\" not in snippet, snippet
    assert "Download" not in snippet and "다운로드" not in snippet, snippet


def test_a_korean_term_finds_the_pages_its_english_term_finds(browsed):
    english, korean = (browsed["search"][search] for search in SAME_PAGES)
    assert english and {urlsplit(a).path for *_, a in english} == {
        urlsplit(a).path for *_, a in korean
    }
