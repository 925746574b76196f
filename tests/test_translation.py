"""The Korean edition (lstm_lib.course.translate): catalogues, Korean notebooks, glossary.

Fast, without a kernel (strict nbval runs the Korean notebooks like the English ones).

The committed edition:

* notebooks/ko holds exactly KOREAN, the notebooks translated so far (all eleven); a notebook
  that is not translated in full has no Korean notebook, and its catalogue (if one was
  started) is incomplete;
* each Korean notebook: its catalogue translates every passage (no fuzzy, untranslated or
  missing entry: the failure names notebook, cell and the English text's start), its
  code cells and metadata are the English notebook's but for the plots' descriptions, and
  its text and descriptions are what the catalogue builds (an edit by hand, or a build not
  run, fails); every plot is described in Korean;
* each Korean notebook is stored executed in order, without errors, its metadata
  normalised, and its checks pass in Korean;
* the grading command reads a Korean notebook as a key with the English one's exercises
  (labels, cell ids, answers' names);
* no translated passage holds a Han character (漢字) or kana;
* every translated passage keeps to the glossary (no forbidden variant; the term of every
  idea the English names) and to the register (no ~요, ~니다 sentence).

The machinery, on small notebooks in a temporary folder: cutting a cell into passages loses
nothing; update marks new, changed, moved and removed passages as msgmerge would, a plot's
descriptions among them, marked for the translator; build refuses an incomplete catalogue
and a notebook edited by hand (its text or a description), moves links, keeps outputs
(also when only a description changed), and writes the descriptions and nothing else into
a code cell's metadata.
"""

import re
from pathlib import Path

import nbformat
import polib
import pytest

from lstm_lib.course.grade.key import read_key
from lstm_lib.course.translate import Book, build, glossary, update_catalogues, verify, write
from lstm_lib.course.translate.catalogue import FUZZY, TranslationError, passages
from lstm_lib.course.translate.passages import descriptions, has_words, join, parts

ROOT = Path(__file__).resolve().parents[1]
BOOK = Book(ROOT)
#: the notebooks of the Korean edition, by file name: all eleven
KOREAN = (
    "00_from_rnn_to_lstm.ipynb",
    "01_gates.ipynb",
    "02_output_gate.ipynb",
    "03_forget_gate.ipynb",
    "04_new_information.ipynb",
    "05_input_gate_and_cell.ipynb",
    "06_gradient_flow.ipynb",
    "07_fused_implementation.ipynb",
    "08_capstone_language_model.ipynb",
    "09_lstm_variants_and_gru.ipynb",
    "10_better_language_model.ipynb",
)
TERMS = glossary.read(ROOT / "locale" / "ko" / "glossary.tsv")


@pytest.fixture(scope="module")
def edition():
    return build(BOOK)


def test_the_korean_edition_holds_exactly_the_translated_notebooks(edition):
    assert sorted(p.name for p in BOOK.korean.glob("*.ipynb")) == list(KOREAN)
    assert sorted(edition.notebooks) == list(KOREAN), "catalogues complete but not built"
    for stem in BOOK.stems():
        assert (BOOK.english / f"{stem}.ipynb").is_file(), f"a catalogue without notebook: {stem}"


@pytest.mark.parametrize("name", KOREAN)
def test_a_korean_notebook_is_what_its_catalogue_builds(name, edition):
    problems = verify(BOOK, name, edition)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", KOREAN)
def test_a_korean_notebook_is_stored_executed_and_passes_its_checks_in_korean(name):
    nb = nbformat.read(BOOK.korean / name, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code" and c.source.strip()]
    counts = [c.execution_count for c in code]
    assert counts == list(range(1, len(code) + 1)), "run make korean"
    assert not [o for c in code for o in c.outputs if o.output_type == "error"]
    assert set(nb.metadata) == {"kernelspec", "language_info", "translation"}
    checks = [c for c in code if "check" in c.metadata.get("tags", [])]
    assert checks and all("통과" in "".join(o.get("text", "") for o in c.outputs) for c in checks)


@pytest.mark.parametrize("name", KOREAN)
def test_a_korean_notebook_is_a_key_with_the_english_exercises(name):
    def exercises(path):
        return [(e.label, e.cell_id, e.names, e.may_use) for e in read_key([path])[0].exercises]

    korean = exercises(BOOK.korean / name)
    assert korean and korean == exercises(BOOK.english / name)


def _translated():
    for stem in BOOK.stems():
        for e in polib.pofile(str(BOOK.catalogue(stem))):
            if e.msgstr and not e.obsolete and FUZZY not in e.flags:
                yield f"{stem}, {e.comment}", e.msgid, e.msgstr


def test_every_translation_keeps_to_the_glossary_and_the_register():
    found = []
    for where, english, korean in _translated():
        found += [
            f"{where}: {v!r} where the glossary says {t!r}"
            for v, t in glossary.forbidden_in(korean, TERMS)
        ]
        found += [f"{where}: lacks {t!r}" for t in glossary.missing_terms(english, korean, TERMS)]
        found += [f"{where}: polite ending {w!r}" for w in glossary.polite_endings(korean)]
    assert not found, "\n".join(found)


#: a Hangul syllable or letter
_HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")


@pytest.mark.parametrize("name", KOREAN)
def test_every_plot_of_a_korean_notebook_is_described_in_korean(name):
    """The descriptions of the plots (alt text, read by screen readers) are the catalogue's
    Korean, not the English notebook's words."""
    cells = nbformat.read(BOOK.korean / name, as_version=4).cells
    described = [(c.id, text) for c in cells for _, text in descriptions(c)]
    assert described, "no plot described"
    assert not [(i, text[:60]) for i, text in described if not _HANGUL.search(text)]


#: a Han character (CJK ideograph) or kana: Korean text here is Hangul, never 漢字 or kana
_HAN = re.compile("[\u2e80-\u2fdf\u3005\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def test_no_translation_holds_a_han_character():
    found = [
        f"{where}: {m.group()!r} in {korean[max(0, m.start() - 20) : m.end() + 20]!r}"
        for where, _, korean in _translated()
        for m in _HAN.finditer(korean)
    ]
    assert not found, "\n".join(found)


def test_the_glossary_is_well_formed():
    assert len(TERMS) >= 40
    koreans = [t.korean for t in TERMS]
    assert len(set(koreans)) == len(koreans), "two ideas with one Korean term"
    for term in TERMS:
        assert term.korean and term.source, term
        for variant in term.forbidden:
            assert not any(variant in k for k in koreans), f"{variant!r} is inside a term"


# --- the machinery -------------------------------------------------------------------------


def test_cutting_a_cell_into_passages_loses_nothing():
    source = "# Title\n\nText with $x$.\n\n\n$$\na\n\nb\n$$\n\n```\ncode\n\nmore\n```\n- a\n- b"
    pieces = parts(source)
    assert join(pieces) == source
    kept = [text for is_passage, text in pieces if is_passage]
    assert kept == [
        "# Title",
        "Text with $x$.",
        "$$\na\n\nb\n$$",
        "```\ncode\n\nmore\n```\n- a\n- b",
    ]
    assert [has_words(t) for t in kept] == [True, True, False, True]
    for path in sorted(BOOK.english.glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            assert join(parts(cell.source)) == cell.source, (path.name, cell.id)


def _notebook(*markdown, code="x = 1", metadata=None):
    cells = [nbformat.v4.new_markdown_cell(text, id=f"m{k}") for k, text in enumerate(markdown)]
    cells.append(nbformat.v4.new_code_cell(code, id="c0", metadata=metadata or {}))
    return nbformat.v4.new_notebook(cells=cells)


@pytest.fixture
def book(tmp_path):
    """A book of one notebook, nb.ipynb, whose catalogue is started."""
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "figures" / "ko").mkdir(parents=True)
    for path in ("figures/a.png", "figures/ko/a.png", "figures/b.png"):
        (tmp_path / path).write_bytes(b"png")
    nb = _notebook(
        "# One\n\nFirst passage.", "![Ants](../figures/a.png)\n\n![Bees](../figures/b.png)"
    )
    nbformat.write(nb, tmp_path / "notebooks" / "nb.ipynb")
    book = Book(tmp_path)
    update_catalogues(book, ["nb"])
    return book


def _translate(book, stem="nb"):
    catalogue = polib.pofile(str(book.catalogue(stem)))
    for e in catalogue:
        e.msgstr, e.flags = e.msgid.replace("One", "하나").replace("First", "첫"), []
    catalogue.save(str(book.catalogue(stem)))


def _edit(book, *markdown, code="x = 1", metadata=None):
    nbformat.write(_notebook(*markdown, code=code, metadata=metadata), book.english / "nb.ipynb")


def test_update_adds_new_passages_untranslated(book):
    catalogue = polib.pofile(str(book.catalogue("nb")))
    assert [e.msgid for e in catalogue] == [
        "# One",
        "First passage.",
        "![Ants](../figures/a.png)",
        "![Bees](../figures/b.png)",
    ]
    assert not any(e.msgstr for e in catalogue)
    assert catalogue[1].msgctxt == "m0" and "cell 0 (id m0), passage 2 of 2" in catalogue[1].comment


def test_update_marks_a_changed_passage_fuzzy_and_keeps_the_rest(book):
    _translate(book)
    _edit(book, "# One\n\nFirst passage, changed.", "![Ants](../figures/a.png)\n\nNew one.")
    counts = update_catalogues(book)["nb"]
    assert (counts.kept, counts.fuzzy, counts.new, counts.obsolete) == (2, 1, 1, 1)
    entries = {e.msgid: e for e in polib.pofile(str(book.catalogue("nb")))}
    changed = entries["First passage, changed."]
    assert FUZZY in changed.flags and changed.previous_msgid == "First passage."
    assert changed.msgstr == "첫 passage."
    assert entries["New one."].msgstr == "" and entries["# One"].msgstr == "# 하나"
    assert entries["![Bees](../figures/b.png)"].obsolete


def test_a_moved_passage_keeps_its_translation_and_a_removed_one_comes_back(book):
    _translate(book)
    _edit(book, "# One", "First passage.\n\n![Ants](../figures/a.png)\n\n![Bees](../figures/b.png)")
    update_catalogues(book)
    assert not build(book).problems, "a passage moved to another cell lost its translation"
    _edit(book, "# One")
    update_catalogues(book)
    _edit(book, "# One\n\nFirst passage.")
    counts = update_catalogues(book)["nb"]
    assert counts.moved == 1 and counts.new == 0


def test_an_incomplete_catalogue_builds_nothing_and_names_cell_and_english(book):
    edition = build(book)
    assert not edition.notebooks
    first = edition.problems["nb"][0]
    assert first == "nb.ipynb, cell 0 (id m0), passage 1 of 2: untranslated: '# One'"
    _translate(book)
    _edit(book, "# One\n\nFirst passage, changed.", "![Ants](../figures/a.png)")
    update_catalogues(book)
    assert any("fuzzy (the English changed" in p for p in build(book).problems["nb"])


def test_build_moves_links_and_keeps_the_code(book):
    _translate(book)
    edition = build(book)
    write(book, edition)
    nb = nbformat.read(book.korean / "nb.ipynb", as_version=4)
    assert nb.cells[0].source == "# 하나\n\n첫 passage."
    assert nb.cells[1].source == "![Ants](../../figures/ko/a.png)\n\n![Bees](../../figures/b.png)"
    assert nb.cells[2].source == "x = 1" and edition.unexecuted == ["nb.ipynb"]
    assert nb.metadata.translation["source"] == "../nb.ipynb"
    assert verify(book, "nb.ipynb") == []


def test_outputs_of_unchanged_code_are_kept(book):
    _translate(book)
    write(book, build(book))
    nb = nbformat.read(book.korean / "nb.ipynb", as_version=4)
    nb.cells[2].outputs = [nbformat.v4.new_output("stream", text="1\n")]
    nb.cells[2].execution_count = 1
    nbformat.write(nb, book.korean / "nb.ipynb")
    edition = build(book)
    assert edition.unexecuted == [] and edition.notebooks["nb.ipynb"].cells[2].execution_count == 1
    _edit(
        book,
        "# One\n\nFirst passage.",
        "![Ants](../figures/a.png)\n\n![Bees](../figures/b.png)",
        code="x = 2",
    )
    edition = build(book)
    assert (
        edition.unexecuted == ["nb.ipynb"] and edition.notebooks["nb.ipynb"].cells[2].outputs == []
    )
    assert "code cell c0: code or metadata" in "".join(verify(book, "nb.ipynb"))


def test_a_notebook_edited_by_hand_is_never_overwritten(book):
    _translate(book)
    write(book, build(book))
    path = book.korean / "nb.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.cells[0].source = "# 손으로 고친 제목"
    nbformat.write(nb, path)
    assert "edited by hand" in verify(book, "nb.ipynb")[0]
    with pytest.raises(TranslationError, match="edited by hand after it was built"):
        write(book, build(book))
    assert nbformat.read(path, as_version=4).cells[0].source == "# 손으로 고친 제목"
    write(book, build(book), force=True)
    assert nbformat.read(path, as_version=4).cells[0].source == "# 하나\n\n첫 passage."


def test_a_notebook_not_built_by_the_command_is_never_overwritten(book):
    _translate(book)
    book.korean.mkdir()
    nbformat.write(_notebook("# 내 노트북"), book.korean / "nb.ipynb")
    with pytest.raises(TranslationError, match="was not generated by"):
        write(book, build(book))


def test_passages_of_a_real_notebook_have_unique_contexts():
    found = passages(nbformat.read(BOOK.english / "00_from_rnn_to_lstm.ipynb", as_version=4))
    keys = [(p.context, p.text) for p in found]
    assert len(keys) == len(set(keys)) and len(found) > 40


def _plot(alt="First plot: a line that rises.", caption="One rise."):
    """A plot cell's metadata: tags, its description and caption, and a figure name."""
    return {
        "tags": ["nbval-ignore-output"],
        "mystnb": {"image": {"alt": alt}, "figure": {"caption": caption, "name": "fig-rise"}},
    }


@pytest.fixture
def plotted(book):
    """The book's notebook with a plot between two markdown cells, started and translated."""
    nb = _notebook("# One", code="plt.show()", metadata=_plot())
    nb.cells.append(nbformat.v4.new_markdown_cell("First words after it.", id="m1"))
    nbformat.write(nb, book.english / "nb.ipynb")
    update_catalogues(book)
    _translate(book)
    return book


def test_each_description_of_a_plot_is_a_passage_marked_for_the_translator(plotted):
    catalogue = [e for e in polib.pofile(str(plotted.catalogue("nb"))) if not e.obsolete]
    assert [(e.msgctxt, e.msgid) for e in catalogue] == [
        ("m0", "# One"),
        ("c0 mystnb.image.alt", "First plot: a line that rises."),
        ("c0 mystnb.figure.caption", "One rise."),
        ("m1", "First words after it."),
    ]
    assert catalogue[1].comment.startswith("cell 1 (id c0), description of its plot (alt text")
    assert catalogue[2].comment.startswith("cell 1 (id c0), caption of its plot")


def test_build_writes_the_descriptions_and_nothing_else_of_the_metadata(plotted):
    catalogue = polib.pofile(str(plotted.catalogue("nb")))
    catalogue[1].msgstr = "첫 그림: 올라가는 선 하나"  # no Latin word left: still a description
    catalogue.save(str(plotted.catalogue("nb")))
    write(plotted, build(plotted))
    cell = nbformat.read(plotted.korean / "nb.ipynb", as_version=4).cells[1]
    assert cell.source == "plt.show()"
    assert cell.metadata == _plot("첫 그림: 올라가는 선 하나", "하나 rise.")
    assert verify(plotted, "nb.ipynb") == []


def test_a_changed_description_goes_fuzzy_and_keeps_the_outputs(plotted):
    write(plotted, build(plotted))
    path = plotted.korean / "nb.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.cells[1].outputs = [nbformat.v4.new_output("stream", text="1\n")]
    nbformat.write(nb, path)
    english = nbformat.read(plotted.english / "nb.ipynb", as_version=4)
    english.cells[1].metadata = _plot(alt="First plot: a line that rises, then falls.")
    nbformat.write(english, plotted.english / "nb.ipynb")
    assert update_catalogues(plotted)["nb"].fuzzy == 1
    entry = polib.pofile(str(plotted.catalogue("nb")))[1]
    assert FUZZY in entry.flags and entry.previous_msgid == "First plot: a line that rises."
    problem = build(plotted).problems["nb"][0]
    assert problem.startswith("nb.ipynb, cell 1 (id c0), description of its plot (alt text")
    _translate(plotted)
    edition = build(plotted)
    assert edition.unexecuted == [] and edition.notebooks["nb.ipynb"].cells[1].outputs
    write(plotted, edition)
    alt = nbformat.read(path, as_version=4).cells[1].metadata.mystnb.image.alt
    assert alt == "첫 plot: a line that rises, then falls."


def test_a_description_edited_by_hand_and_other_metadata_changed_are_noticed(plotted):
    write(plotted, build(plotted))
    path = plotted.korean / "nb.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.cells[1].metadata.mystnb.image.alt = "손으로 고친 설명"
    nbformat.write(nb, path)
    assert "edited by hand" in verify(plotted, "nb.ipynb")[0]
    with pytest.raises(TranslationError, match="edited by hand after it was built"):
        write(plotted, build(plotted))
    write(plotted, build(plotted), force=True)
    nb = nbformat.read(path, as_version=4)
    nb.cells[1].metadata.mystnb.figure.name = "fig-other"
    nbformat.write(nb, path)
    assert verify(plotted, "nb.ipynb") == [
        "notebooks/ko/nb.ipynb, code cell c0: code or metadata (other than its descriptions) "
        "differ from the English notebook"
    ]
