"""The language of the checkers' messages: English, or Korean in the Korean edition.

One setting chooses it: the environment variable ``LSTM_LIB_LANG``, ``en`` or ``ko``. When it
is not set, a checker answers in Korean when the working directory of its Python process is
a folder named ``ko`` and in English everywhere else. JupyterLab, nbval,
scripts/execute_notebooks.py and ``lstm_lib.course.classroom run`` all start a notebook's
kernel in the notebook's folder, so a notebook of notebooks/ko or student/ko gets Korean
feedback with the same code as its English twin. The setting is read at every check:
``%env LSTM_LIB_LANG=ko`` in a notebook switches it on the spot. A program that runs checks
of its own knows their language better than its folder does: the grading command answers in
the language of its key (``answering_in``), and the setting, when set, still wins.

The messages are written in English in the checker modules. Their Korean is a table keyed by
the English text (``lstm_lib.course.checks.ko``), one module of it per checker module, as a
gettext catalogue is keyed by its msgid: the English stays the source, and a message that
was changed or added without its Korean is shown in English (tests/test_checks_korean.py
checks that every checker module is translated in full). A text with numbers drawn afresh
(a case "for n = 17") is found with each number written ``{}`` ("for n = {}").
"""

import os
import re
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

VARIABLE = "LSTM_LIB_LANG"
LANGUAGES = ("en", "ko")
#: a number in a message (an integer, a decimal, 1e-06), not a digit inside a name
NUMBER = re.compile(r"(?<![\w.])-?\d+(?:\.\d+)?(?:e[-+]?\d+)?(?![\w.])")


#: the language a program chose for its checks (answering_in), in place of the folder's
_CHOSEN = []


def setting():
    """``LSTM_LIB_LANG``: 'en', 'ko', or None when it is not set (any other value is an
    error that names it)."""
    chosen = os.environ.get(VARIABLE, "").strip()
    if chosen and chosen not in LANGUAGES:
        raise ValueError(f"{VARIABLE} must be 'en' or 'ko', got {chosen!r}")
    return chosen or None


def language():
    """'ko' or 'en': ``LSTM_LIB_LANG`` when set, else the language of an ``answering_in``
    block, else 'ko' in a folder named ko, else 'en'."""
    chosen = setting() or (_CHOSEN[-1] if _CHOSEN else None)
    return chosen or ("ko" if Path.cwd().name == "ko" else "en")


@contextmanager
def answering_in(chosen):
    """Within the block the checkers answer in ``chosen`` ('en' or 'ko') whatever the
    working directory; ``LSTM_LIB_LANG``, when set, still wins."""
    if chosen not in LANGUAGES:
        raise ValueError(f"the language must be 'en' or 'ko', got {chosen!r}")
    _CHOSEN.append(chosen)
    try:
        yield
    finally:
        _CHOSEN.pop()


def korean(text):
    """The Korean of the English ``text``, or None when the table has none."""
    from .ko import MESSAGES

    if text in MESSAGES:
        return MESSAGES[text]
    template = MESSAGES.get(NUMBER.sub("{}", text)) if NUMBER.search(text) else None
    return template.format(*NUMBER.findall(text)) if template else None


def say(text, /, **fields):
    """``text`` in the checkers' language (English when it has no Korean), with ``fields``
    filled into its ``{name}`` slots when given."""
    if language() == "ko":
        text = korean(text) or text
    return text.format(**fields) if fields else text


def localised(exercise):
    """``exercise`` with its words (outputs, case labels, mistakes, hint, success line) in
    the checkers' language; in English the exercise itself."""
    if language() == "en":
        return exercise
    cases = exercise.cases
    return replace(
        exercise,
        outputs=tuple(say(name) for name in exercise.outputs),
        cases=lambda rng: [replace(case, label=say(case.label)) for case in cases(rng)],
        mistakes=tuple(replace(m, message=say(m.message)) for m in exercise.mistakes),
        hint=say(exercise.hint),
        success=say(exercise.success),
    )
