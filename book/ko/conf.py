"""Sphinx settings of the Korean web edition: `make book` builds it into book/_build/html/ko.

The English edition's settings (../conf.py) with only what the language changes: the
language (Sphinx's, the theme's and the book's words, and the search), the title, the author
line, the fold buttons of the plots, the search field, and the folder Binder opens. The pages
are this folder's index, teaching, student and api pages, written in Korean, and the Korean
notebooks: `notebooks` and `student` here are links to the repository's notebooks/ko and
student/ko, whose figure links (../../figures/ko/...) reach the Korean figures through
../figures, as they do in JupyterLab. tests/test_book_korean.py checks that nothing else
differs.
"""

from pathlib import Path
from runpy import run_path

_english = run_path(str(Path(__file__).resolve().parents[1] / "conf.py"), {"tags": tags})  # noqa: F821
globals().update({name: value for name, value in _english.items() if not name.startswith("_")})

language = "ko"
project = "LSTM, 게이트 하나씩"
html_title = project
nb_code_prompt_show = "이 그림을 그린 코드 보기"
nb_code_prompt_hide = "이 그림을 그린 코드 숨기기"
author = "「LSTM, 게이트 하나씩」의 저자들, MIT 라이선스"
# Binder opens a Korean notebook through this folder's link (book/ko/notebooks is notebooks/ko),
# where its figures resolve and its checkers answer in Korean, as they do in notebooks/ko.
html_theme_options = _english["html_theme_options"] | {
    "search_bar_text": "검색…",
    "path_to_docs": "book/ko",
}
