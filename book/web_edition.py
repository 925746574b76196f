"""The book's own Sphinx extension: what turns the notebooks into a web edition.

Everything here works on every chapter as it is, so a new notebook needs no edit:

- the lstm_lib page: one section per module, the library first, then the course; the
  docstrings as the plain text they are, with their ``literals`` set in code type; and the
  public names that live in a private module (`ExerciseError`) where their module shows them;
- plotting cells folded: a code cell that calls plt.show() shows its plot, its code behind
  a button;
- links where a page mentions a chapter ("notebook 05", `05_input_gate_and_cell.ipynb`) or a
  library name in code type (`TimeLSTM`, `lstm_lib.models`, `LSTMCell.from_fused`);
- the student edition out of the search index, so a search finds each chapter once;
- downloads that stand alone: each chapter's .ipynb with its figures inside it (as cell
  attachments, which JupyterLab, VS Code and GitHub all show), and one archive of all
  chapters with lstm_lib to install.

What it writes on a page is in the page's language (languages.LANGUAGES): the Korean site,
ko/conf.py, uses it too.
"""

import base64
import json
import pkgutil
import re
import zipfile
from importlib import import_module
from pathlib import Path

import nbformat
from docutils import nodes
from languages import language
from sphinx import addnodes

import lstm_lib

ROOT = Path(__file__).resolve().parents[1]
# The archive's folder, and what it holds besides the chapters: enough to `pip install -e .`
ARCHIVE_FOLDER = "lstm-gate-by-gate"
ARCHIVE_FILES = ("README.md", "LICENSE", "pyproject.toml")
EDITIONS = ("notebooks/", "student/")
FIGURE = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)\)")
NOTEBOOK_FILE = re.compile(r"(?:\.\./)?(?:notebooks/)?(\d\d)_\w+\.ipynb")
LIBRARY_NAME = re.compile(r"(lstm_lib(?:[./]\w+)*?)(?:\.py)?|([A-Za-z_]\w*(?:\.\w+)?)(?:\(.*\))?")
# Where a mention is left as it is: code, math, titles, links and the API's signatures.
UNLINKED = (
    nodes.FixedTextElement,
    nodes.reference,
    nodes.title,
    nodes.raw,
    nodes.math,
    addnodes.desc_signature,
    addnodes.toctree,
)


# -- the lstm_lib page ----------------------------------------------------------------------


def api_modules():
    """lstm_lib's public modules, sorted by name (a private one starts with '_')."""
    found = pkgutil.walk_packages(lstm_lib.__path__, "lstm_lib.")
    return sorted(m.name for m in found if not any(p.startswith("_") for p in m.name.split(".")))


def _is_private(name):
    return any(part.startswith("_") for part in name.split("."))


def _module_section(name, underline):
    """The reST of one module's section, with the public names it takes from a private one."""
    text = f"\n{name}\n{underline * len(name)}\n\n.. automodule:: {name}\n"
    module = import_module(name)
    for attr in getattr(module, "__all__", ()):
        home = getattr(getattr(module, attr), "__module__", name)
        if _is_private(home):
            kind = "autoclass" if isinstance(getattr(module, attr), type) else "autofunction"
            text += f"\n.. {kind}:: {name}.{attr}\n"
    return text


def add_api_sections(app, docname, source):
    """Append the library's modules to api.rst, then the course's, each under its heading."""
    if docname != "api":
        return
    modules = api_modules()
    library = [m for m in modules if not m.startswith("lstm_lib.course")]
    course = [m for m in modules if m.startswith("lstm_lib.course")]
    source[0] += "".join(_module_section(m, "-") for m in library)
    source[0] += language(app).course
    source[0] += "".join(_module_section(m, "-") for m in course)


def docstring_as_text(app, what, name, obj, options, lines):
    """Render a docstring as a plain-text block: it reads as written, and never warns."""
    if any(line.strip() for line in lines):
        block = [".. code-block:: text", "   :class: docstring", ""]
        lines[:] = block + [f"   {line}" for line in lines] + [""]


def tidy_api_page(app, doctree):
    """In a docstring block, ``x`` is set as code; no value shows a path of this machine."""
    for block in doctree.findall(nodes.literal_block):
        if "docstring" not in block["classes"] or "``" not in block.astext():
            continue
        parts = re.split(r"``(.+?)``", block.astext())
        block.children = [
            nodes.literal(part, part) if k % 2 else nodes.Text(part) for k, part in enumerate(parts)
        ]
    for value in list(doctree.findall(addnodes.desc_annotation)):
        if str(ROOT) in value.astext():
            value.parent.remove(value)


# -- the student edition ------------------------------------------------------------------


def mark_student_pages(app, doctree):
    """A student page says so in its title and stays out of the search index."""
    if app.env.docname.startswith("student/"):
        title = next(doctree.findall(nodes.title), None)
        if title is not None:
            title += nodes.Text(language(app).student)
        app.env.metadata[app.env.docname]["nosearch"] = True


# -- folded plotting cells --------------------------------------------------------------


def fold_plot_cells(app, docname, source):
    """Tag every code cell that draws (calls plt.show()) hide-input: its plot stays shown."""
    if not docname.startswith(EDITIONS) or not source[0].lstrip().startswith("{"):
        return
    nb = json.loads(source[0])
    for cell in nb["cells"]:
        code = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        if cell["cell_type"] == "code" and "plt.show()" in code:
            tags = cell.setdefault("metadata", {}).setdefault("tags", [])
            if "hide-input" not in tags:
                tags.append("hide-input")
    source[0] = json.dumps(nb)


# -- links to chapters and to the library --------------------------------------------------


def _chapters(env):
    """{"05": "notebooks/05_input_gate_and_cell", ...}"""
    found = sorted(d for d in env.found_docs if re.fullmatch(r"notebooks/\d\d_\w+", d))
    return {d.split("/")[1][:2]: d for d in found}


def _library_targets(env):
    """{name as a page may write it: (docname, anchor)} for lstm_lib's documented names."""
    objects = env.get_domain("py").objects
    targets = {name: (entry.docname, entry.node_id) for name, entry in objects.items()}
    for name in lstm_lib.__all__:
        value = getattr(lstm_lib, name)
        full = getattr(value, "__name__", None) if isinstance(value, type(lstm_lib)) else None
        if full is None and hasattr(value, "__qualname__"):
            full = f"{value.__module__}.{value.__qualname__}"
        if full is None:
            homes = [f for f in objects if f.endswith(f".{name}") and ".course." not in f]
            full = homes[0] if len(homes) == 1 else None
        if full in objects:
            targets[name] = targets[f"lstm_lib.{name}"] = targets[full]
            for member, entry in objects.items():
                if member.startswith(f"{full}.") and member.count(".") == full.count(".") + 1:
                    suffix = member[len(full) :]
                    targets[f"{name}{suffix}"] = (entry.docname, entry.node_id)
    return targets


def _library_target(text, targets):
    match = LIBRARY_NAME.fullmatch(text)
    if not match:
        return None
    name = match.group(1).replace("/", ".") if match.group(1) else match.group(2)
    return targets.get(name)


def _reference(app, docname, target, anchor, *children):
    uri = app.builder.get_relative_uri(docname, target) + (f"#{anchor}" if anchor else "")
    return nodes.reference("", "", *children, internal=True, refuri=uri)


def _linked_mention(app, docname, text, chapters, edition):
    """The nodes of a text with each chapter number it mentions linked to the chapter."""
    result, start = [], 0
    for match in language(app).mention.finditer(text):
        numbers = [(m.start(), m.end()) for m in re.finditer(r"\d\d", match.group(0))]
        targets = [chapters.get(match.group(0)[a:b]) for a, b in numbers]
        if not all(targets):
            continue
        targets = [f"{edition}/{t.split('/')[1]}" for t in targets]
        result.append(nodes.Text(text[start : match.start()]))
        if len(numbers) == 1:
            if targets[0] == docname:
                result.append(nodes.Text(match.group(0)))
            else:
                words = nodes.Text(match.group(0))
                result.append(_reference(app, docname, targets[0], None, words))
        else:
            done = 0
            for (a, b), target in zip(numbers, targets, strict=True):
                result.append(nodes.Text(match.group(0)[done:a]))
                number = nodes.Text(match.group(0)[a:b])
                linked = target == docname
                result.append(number if linked else _reference(app, docname, target, None, number))
                done = b
            result.append(nodes.Text(match.group(0)[done:]))
        start = match.end()
    if not result:
        return None
    result.append(nodes.Text(text[start:]))
    return result


def link_mentions(app, doctree, docname):
    """Link "notebook 05" to chapter 05, `TimeLSTM` to its entry on the lstm_lib page."""
    chapters = _chapters(app.env)
    targets = _library_targets(app.env)
    edition = "student" if docname.startswith("student/") else "notebooks"

    def free(node):
        parent = node.parent
        while parent is not None:
            if isinstance(parent, UNLINKED):
                return False
            parent = parent.parent
        return True

    for text in list(doctree.findall(nodes.Text)):
        if text.parent is None or isinstance(text.parent, nodes.literal) or not free(text):
            continue
        linked = _linked_mention(app, docname, str(text), chapters, edition)
        if linked:
            text.parent.replace(text, linked)
    for literal in list(doctree.findall(nodes.literal)):
        if not free(literal):
            continue
        file = NOTEBOOK_FILE.fullmatch(literal.astext())
        if file and file.group(1) in chapters:
            target = f"{edition}/{chapters[file.group(1)].split('/')[1]}"
            if target != docname:
                reference = _reference(app, docname, target, None, literal.deepcopy())
                literal.parent.replace(literal, reference)
            continue
        found = _library_target(literal.astext(), targets)
        if found and found[0] != docname:
            reference = _reference(app, docname, found[0], found[1], literal.deepcopy())
            literal.parent.replace(literal, reference)


# -- downloads that stand alone -----------------------------------------------------------


def with_figures_inside(path):
    """The notebook at `path` with each figure it shows by path carried as a cell attachment."""
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue

        def attach(match, cell=cell):
            alt, target = match.groups()
            if re.match(r"[a-z]+:", target):
                return match.group(0)
            image = (path.parent / target).resolve()
            data = base64.b64encode(image.read_bytes()).decode("ascii")
            cell.setdefault("attachments", {})[image.name] = {"image/png": data}
            return f"![{alt}](attachment:{image.name})"

        cell.source = FIGURE.sub(attach, cell.source)
    return nb


def write_downloads(app, exception):
    """Put the self-contained notebooks where the download buttons point; pack the archive."""
    if exception is not None or app.builder.format != "html":
        return
    out = Path(app.outdir)
    chapters = []
    for docname in sorted(app.env.found_docs):
        if not docname.startswith(EDITIONS):
            continue
        source = Path(app.env.doc2path(docname))
        nb = with_figures_inside(source)
        target = out / "_sources" / f"{docname}{source.suffix}"
        target.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, target)
        if docname.startswith("notebooks/"):
            chapters.append(target)
    folder, here = ARCHIVE_FOLDER, language(app)
    with zipfile.ZipFile(out / here.archive, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in ARCHIVE_FILES:
            archive.write(ROOT / name, f"{folder}/{name}")
        for path in sorted((ROOT / "lstm_lib").rglob("*")):
            if path.suffix in {".py", ".json"} and "__pycache__" not in path.parts:
                archive.write(path, f"{folder}/{path.relative_to(ROOT).as_posix()}")
        for path in chapters:
            archive.write(path, f"{folder}/{here.chapters}/{path.name}")


def setup(app):
    app.connect("source-read", add_api_sections)
    app.connect("source-read", fold_plot_cells)
    app.connect("autodoc-process-docstring", docstring_as_text)
    # Before the title collector (priority 500) records the page's title.
    app.connect("doctree-read", mark_student_pages, priority=400)
    app.connect("doctree-read", tidy_api_page)
    app.connect("doctree-resolved", link_mentions)
    app.connect("build-finished", write_downloads)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
