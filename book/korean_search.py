"""A search language for the Korean site: Korean words found without their particles.

Sphinx has no Korean search. Its default splitter keeps a word with its particle as one
token ("셀은", "게이트를"), so a search for "셀" or "게이트" would find nothing. Here a page's
Hangul is indexed as character n-grams, every syllable and every pair of neighbouring
syllables, and the search page splits a query to match (korean-splitter.js): a Korean word of
two or more syllables becomes its pairs, all of which a page must hold, and a word of one
syllable is itself. Latin words (gate, TimeLSTM) are indexed and searched as on the English
site: in lower case, stemmed.
"""

import re
from pathlib import Path

from sphinx.search.en import SearchEnglish

SYLLABLES = re.compile(r"[\uac00-\ud7a3]+")  # a run of Hangul syllables, 가 to 힣
WORDS = re.compile(r"[\uac00-\ud7a3]+|[^\W\uac00-\ud7a3]+")  # such a run, or other letters


class SearchKorean(SearchEnglish):
    """Hangul as syllables and pairs of syllables; everything else as SearchEnglish does."""

    lang = "ko"
    # SearchEnglish's name, which names the JavaScript stemmer (EnglishStemmer) that the
    # search page runs on each query term: it leaves a term of one or two syllables as it is.
    language_name = "English"
    js_splitter_code = Path(__file__).with_name("korean-splitter.js").read_text("utf-8")

    def split(self, input):
        words = []
        for run in WORDS.findall(input):
            if SYLLABLES.fullmatch(run):
                words += [*run, *(run[k : k + 2] for k in range(len(run) - 1))]
            else:
                words.append(run)
        return words

    def stem(self, word):
        return word if SYLLABLES.fullmatch(word) else super().stem(word)


def setup(app):
    app.add_search_language(SearchKorean)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
