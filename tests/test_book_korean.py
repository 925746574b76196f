"""The Korean web edition without a build: its search language, its pages' Korean, its settings.

* The search (book/korean_search.py, book/korean-splitter.js): a page's Hangul is indexed as
  syllables and pairs of syllables and a query split to match, so a Korean word is found
  without the particle the page writes after it; Latin words as on the English site. Where
  Node.js is installed, the search page's own splitter and stemmer split the queries.
* The Korean site's own pages (book/ko) and what book/languages.py writes on them keep to the
  glossary and the register of the Korean edition and hold no Han character (CONVENTIONS §8).
* book/ko/conf.py is book/conf.py with only what the language changes.

tests/test_book.py builds both sites and searches them in a browser.
"""

import json
import re
import runpy
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("sphinx", reason="the web edition needs the book extra")

from lstm_lib.course.translate import glossary  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
BOOK = ROOT / "book"
sys.path[:0] = [str(BOOK)]

import korean_search  # noqa: E402
import languages  # noqa: E402

TERMS = glossary.read(ROOT / "locale" / "ko" / "glossary.tsv")
HAN = re.compile("[\u2e80-\u2fdf\u3005\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# (a page's text, a query, whether the search finds the page)
SEARCHES = [
    ("기억 셀은 게이트를 거쳐 고쳐진다.", "셀", True),
    ("기억 셀은 게이트를 거쳐 고쳐진다.", "기억 셀", True),
    ("기억 셀은 게이트를 거쳐 고쳐진다.", "게이트", True),
    ("기억 셀은 게이트를 거쳐 고쳐진다.", "기억셀", False),
    ("forget 게이트(forget gate)가 기억 자체에 작용한다.", "forget 게이트", True),
    ("forget 게이트(forget gate)가 기억 자체에 작용한다.", "gates", True),
    ("TimeLSTM은 LSTM 계층을 시각마다 돌린다.", "TimeLSTM", True),
    ("반감기는 ln 2 / (-ln f)이다.", "반감기", True),
    ("게임 트리를 그린다.", "게이트", False),
    ("기울기가 소실된다.", "기울기 소실", True),
    ("기울기가 폭발한다.", "기울기 소실", False),
]


def _indexed(text):
    """The terms the Korean site's index holds for a page with this text, as Sphinx stores
    them (sphinx.search.IndexBuilder.feed: stemmed, in lower case)."""
    language = korean_search.SearchKorean({})
    return {language.stem(word).lower() for word in language.split(text)}


def test_hangul_is_indexed_as_syllables_and_pairs_and_latin_as_words():
    words = korean_search.SearchKorean({}).split("기억 셀은 TimeLSTM은 gates_2")
    assert words == ["기", "억", "기억", "셀", "은", "셀은", "TimeLSTM", "은", "gates_2"]
    assert _indexed("forget 게이트를") == {"forget", "게", "이", "트", "를", "게이", "이트", "트를"}
    assert _indexed("Gates") == {"gate"}


def _node_query_terms(queries):
    """The terms the search page looks up for each query: korean-splitter.js, then the
    English stemmer Sphinx puts beside it (searchtools.js: Search._parseQuery)."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("no Node.js to run the search page's splitter")
    stemmers = Path(sys.modules["sphinx"].__file__).parent / "search" / "minified-js"
    script = "\n".join(
        [
            (stemmers / "base-stemmer.js").read_text(encoding="utf-8"),
            (stemmers / "english-stemmer.js").read_text(encoding="utf-8"),
            korean_search.SearchKorean.js_splitter_code,
            "const stemmer = new EnglishStemmer();",
            f"const queries = {json.dumps(queries, ensure_ascii=False)};",
            "console.log(JSON.stringify(queries.map((query) => splitQuery(query)",
            "  .map((term) => stemmer.stemWord(term.toLowerCase())))));",
        ]
    )
    result = subprocess.run([node, "-e", script], capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def test_a_search_finds_a_korean_word_without_its_particle():
    queries = _node_query_terms([query for _, query, _ in SEARCHES])
    for (text, query, wanted), terms in zip(SEARCHES, queries, strict=True):
        assert terms, query
        found = set(terms) <= _indexed(text)
        assert found == wanted, f"{query!r} in {text!r}: {terms} against {_indexed(text)}"


def _korean_text():
    """{where: Korean text} of the Korean site's own pages and what the book writes on them."""
    texts = {path.name: path.read_text(encoding="utf-8") for path in (BOOK / "ko").glob("*.*")}
    korean = languages.LANGUAGES["ko"]
    words = [korean.name, korean.switch, korean.student, korean.course, *korean.words.values()]
    texts["languages.LANGUAGES"] = "\n".join(words)
    return texts


def test_the_korean_pages_keep_to_the_glossary_and_the_register():
    found = []
    for where, text in _korean_text().items():
        found += [
            f"{where}: {v!r} where the glossary says {t!r}"
            for v, t in glossary.forbidden_in(text, TERMS)
        ]
        found += [f"{where}: polite ending {w!r}" for w in glossary.polite_endings(text)]
        found += [f"{where}: Han character {c!r}" for c in HAN.findall(text)]
    assert not found, "\n".join(found)


def _settings(conf, tags):
    """The settings Sphinx reads from a conf.py (its names that are neither private nor
    functions nor modules)."""
    settings = runpy.run_path(str(conf), {"tags": tags})
    return {k: v for k, v in settings.items() if not k.startswith("_") and not callable(v)}


def test_the_korean_settings_are_the_english_ones_but_for_the_language():
    tags = type("Tags", (), {"add": lambda self, tag: None})()
    english, korean = (_settings(conf, tags) for conf in (BOOK / "conf.py", BOOK / "ko/conf.py"))
    changed = {k for k in english.keys() | korean.keys() if english.get(k) != korean.get(k)}
    assert changed == {
        "language",
        "project",
        "html_title",
        "author",
        "nb_code_prompt_show",
        "nb_code_prompt_hide",
        "html_theme_options",
    }
    options = english["html_theme_options"], korean["html_theme_options"]
    assert {
        k for k in options[0].keys() | options[1].keys() if options[0].get(k) != options[1].get(k)
    } == {"search_bar_text", "path_to_docs"}
