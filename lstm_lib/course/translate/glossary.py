"""The one Korean term of each idea (locale/ko/glossary.tsv) and the register of the text.

The glossary is a table with the columns english, korean, forbidden, required, source:
one row per idea, its one Korean term, the variants that must never appear instead of it
(separated by ";"), whether a translation of an English passage that names the idea must
use the term ("yes"), and where the term comes from (the source notes, "Deep Learning
from Scratch" 1 or 2, or this book). tests/test_translation.py checks every translated
passage, every Korean checker message and every Korean diagram label against it.

The register of the Korean book is the plain declarative style of Korean textbooks
(평서문, ~다 체). ``polite_endings`` finds words that end in the polite styles (해요체 ~요,
합니다체 ~ㅂ니다); it is a heuristic, blind to everything else.
"""

import re
from dataclasses import dataclass
from pathlib import Path

from .passages import NOT_WORDS

#: nouns that end in 요 and may close a sentence without being the polite style
_NOUNS_IN_YO = ("필요", "중요", "주요", "개요", "수요", "요요")
#: a word in Hangul
WORD = re.compile(r"[가-힣]+")


@dataclass(frozen=True)
class Term:
    """One row of the glossary."""

    english: tuple
    korean: str
    forbidden: tuple
    required: bool
    source: str


def read(path):
    """The terms of the glossary file at ``path``."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    header, terms = lines[0].split("\t"), []
    for line in lines[1:]:
        row = dict(zip(header, line.split("\t"), strict=True))
        english = re.sub(r"\s*\(.*\)", "", row["english"])
        terms.append(
            Term(
                english=tuple(e.strip() for e in english.split(",")),
                korean=row["korean"],
                forbidden=tuple(v.strip() for v in row["forbidden"].split(";") if v.strip()),
                required=row["required"] == "yes",
                source=row["source"],
            )
        )
    return terms


#: a fenced code block (a command line that a passage shows is never translated)
_FENCED = re.compile(r"^\s*(```|~~~).*?^\s*\1", re.S | re.M)


def _words(text):
    """``text`` with maths, code (inline or fenced) and links left out and every run of white
    space one space, as markdown shows it."""
    return " ".join(NOT_WORDS.sub(" ", _FENCED.sub(" ", text)).split())


def forbidden_in(text, terms):
    """(variant, term) for every forbidden variant that ``text`` contains."""
    text = _words(text)
    return [(v, t.korean) for t in terms for v in t.forbidden if v in text]


def missing_terms(english, korean, terms):
    """The Korean terms that ``korean`` lacks although the English ``english`` names their
    idea (rows marked required; maths, code and links of the English left out)."""
    english, korean = _words(english), _words(korean)
    return [
        t.korean
        for t in terms
        if t.required
        and t.korean not in korean
        and any(re.search(rf"\b{re.escape(e)}", english, re.IGNORECASE) for e in t.english)
    ]


def _final_b(syllable):
    """Whether a Hangul syllable ends in the consonant ㅂ (합, 입, 습, ...)."""
    return (ord(syllable) - 0xAC00) % 28 == 17


def polite(word):
    """Whether ``word`` ends in the polite styles: ~요 or ~죠 (해요체), ~ㅂ니다 or ~ㅂ니까
    (합니다체). 아니다 and 필요 are not."""
    if word.endswith(("니다", "니까")):
        return len(word) > 2 and _final_b(word[-3])
    return word.endswith("죠") or (word.endswith("요") and not word.endswith(_NOUNS_IN_YO))


def polite_endings(text):
    """The words of ``text`` that end in the polite styles (a sentence or a clause of the
    plain style never does)."""
    return [w for w in WORD.findall(_words(text)) if polite(w)]
