"""The Korean of the checkers' messages, keyed by their English text (see checks._language).

One module per checker module, each with a dict ``MESSAGES`` {English: Korean}: ``_core``
holds the frames every message is written in, ``_units`` and ``_elementwise`` the mistakes
and cases their exercises share. A key with ``{}`` stands for a text whose numbers are drawn
afresh ("for n = {}"); a key with ``{name}`` is a frame that the checker fills in.

The Korean is written in the register of the Korean book (평서문, ~다 체; an instruction
ends in ~라) with the terms of locale/ko/glossary.tsv; code stays as it is.
tests/test_checks_korean.py checks both, and that every key is an English text that a
checker still says.
"""

from . import (
    _core,
    _elementwise,
    _units,
    better_language_model,
    cell,
    forget_gate,
    fused,
    gates,
    gradient_flow,
    language_model,
    new_information,
    output_gate,
    rnn,
    variants,
)

#: the modules of this package, by the checker module they translate
TABLES = {
    "_core": _core,
    "_elementwise": _elementwise,
    "_units": _units,
    "rnn": rnn,
    "gates": gates,
    "output_gate": output_gate,
    "forget_gate": forget_gate,
    "new_information": new_information,
    "cell": cell,
    "gradient_flow": gradient_flow,
    "fused": fused,
    "language_model": language_model,
    "variants": variants,
    "better_language_model": better_language_model,
}

#: every Korean message, keyed by its English text
MESSAGES = {key: text for table in TABLES.values() for key, text in table.MESSAGES.items()}
