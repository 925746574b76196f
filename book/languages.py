"""The web edition's two languages: the English site and the Korean one in its folder ko/.

Every page of either site has its twin of the same name in the other
(notebooks/03_forget_gate.html, ko/notebooks/03_forget_gate.html): a switch to it beside the
download and search buttons (_templates/language-switch.html), on a phone too, and
<link rel="alternate" hreflang> in its head, with relative addresses that work from the file
system and under any sub-path. LANGUAGES holds what differs between the sites in the words
the book writes around the text; web_edition takes its words from there too. Sphinx and
sphinx-book-theme have Korean catalogues, pydata-sphinx-theme has none: the words a Korean
page would show in English are given here.
"""

import gettext
import re
from dataclasses import dataclass

from sphinx.locale import get_translator


@dataclass(frozen=True)
class Language:
    """The words the book writes around the text of one language's site, and where it lives."""

    name: str  # the language's name in itself, on the switch to its site
    folder: str  # where its site lives in the English site
    switch: str  # the switch's tooltip, in its own language
    student: str  # the end of a student page's title
    course: str  # the reST on the lstm_lib page before the course's modules
    mention: re.Pattern  # a mention of chapters ("notebook 05")
    archive: str  # the archive of all chapters
    chapters: str  # their folder in it (a Korean checker answers in Korean in a folder "ko")
    words: dict  # the words that Sphinx's and the theme's catalogues leave in English


LANGUAGES = {
    "en": Language(
        name="English",
        folder="",
        switch="This page in English",
        student=" (student edition)",
        course=(
            "\nThe course\n==========\n\nWhat the notebooks use around the library and a "
            "reader of the library may skip: the exercise checkers, the student edition, the "
            "diagrams and their style.\n"
        ),
        # "notebook 05", "notebooks 03 and 04", "Notebooks 02, 03 or 05", "notebooks 01 to 05"
        mention=re.compile(
            r"\b[Nn]otebooks?\s+\d\d"
            r"(?:(?:,\s*|,?\s+and\s+|,?\s+or\s+|\s+to\s+|\s*[–-]\s*)\d\d)*\b"
        ),
        archive="lstm-gate-by-gate.zip",
        chapters="notebooks",
        words={},
    ),
    "ko": Language(
        name="한국어",
        folder="ko/",
        switch="이 페이지를 한국어로 읽기",
        student=" (학생용 판)",
        course=(
            "\n수업 도구\n=========\n\n노트북이 라이브러리 둘레에서 쓰는 것으로, 라이브러리를 "
            "읽는 독자는 건너뛰어도 된다. 연습 문제의 채점 함수, 학생용 판, 그림과 그 스타일이다.\n"
        ),
        # "노트북 05의", "노트북 03, 04", "노트북 06과 08", "노트북 01-05", "노트북 01부터 05까지"
        mention=re.compile(r"노트북\s+\d\d(?:(?:,\s*|\s*[–-]\s*|[와과]\s+|부터\s+)\d\d)*(?!\d)"),
        archive="lstm-gate-by-gate-ko.zip",
        chapters="notebooks/ko",
        words={
            "Skip to main content": "본문으로 건너뛰기",
            "Back to top": "맨 위로",
            "Color mode": "색 모드",
            "Light": "밝게",
            "Dark": "어둡게",
            "System Settings": "시스템 설정",
            "previous page": "이전 페이지",
            "next page": "다음 페이지",
            "On this page": "이 페이지의 차례",
            "Link to this heading": "이 제목으로 가는 링크",
            "Version warning": "버전 경고",
            "By %(author)s": "지은이: %(author)s",
        },
    ),
}


class _Words(gettext.NullTranslations):
    """A catalogue of a few words, from a table."""

    def __init__(self, table):
        super().__init__()
        self.table = table

    def gettext(self, message):
        return self.table.get(message, message)


def language(app):
    """The Language of the site being built."""
    return LANGUAGES[app.config.language]


def translate_the_rest(app):
    """Give Sphinx's catalogue (which the theme's templates share) the words it lacks."""
    if language(app).words:
        get_translator("sphinx").add_fallback(_Words(language(app).words))


def twin_pages(app, pagename, templatename, context, doctree):
    """Link the page to its twin in each other language: the switch and <link rel=alternate>.

    Relative addresses, so that they work from the file system and under any sub-path.
    """
    here = language(app)
    up = "../" * (pagename.count("/") + here.folder.count("/"))
    twins = {code: f"{up}{other.folder}{pagename}.html" for code, other in LANGUAGES.items()}
    context["language_twins"] = [
        {"lang": code, "url": url, "name": LANGUAGES[code].name, "title": LANGUAGES[code].switch}
        for code, url in twins.items()
        if LANGUAGES[code] is not here
    ]
    context["metatags"] = context.get("metatags", "") + "".join(
        f'\n<link rel="alternate" hreflang="{code}" href="{url}">' for code, url in twins.items()
    )


def setup(app):
    app.connect("builder-inited", translate_the_rest)
    app.connect("html-page-context", twin_pages)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
