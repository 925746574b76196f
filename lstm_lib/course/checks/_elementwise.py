"""Exercises whose answer is a tuple of elementwise expressions of (N, H) arrays.

The backward passes of notebooks 02 to 04 (through h = o ⊙ tanh(c), f ⊙ c_prev and
c = f ⊙ c_prev + g) take and return arrays of one shape (N, H). ``elementwise_exercise``
builds their ``Exercise``: square cases first (N = H, where a stray ``@``
still runs and gives numbers), then batches with N != H; a mistake replaces one output's
rule, the other outputs keep theirs.
"""

import numpy as np

from ._core import Case, Exercise, Mistake

_DRAW = {
    "grad": lambda rng, shape: rng.standard_normal(shape),
    "gate": lambda rng, shape: rng.uniform(0.05, 0.95, shape),
    "memory": lambda rng, shape: rng.uniform(-2.0, 2.0, shape),
    "information": lambda rng, shape: rng.uniform(-0.95, 0.95, shape),
}


def _cases(kinds):
    def cases(rng):
        found = []
        for N, H in ((3, 3), (4, 4), (2, 5), (5, 3)):
            args = tuple(_DRAW[kind](rng, (N, H)) for kind in kinds)
            found.append(Case(f"for N = {N}, H = {H}", args))
        return found

    return cases


def elementwise_exercise(spec, inputs, rules, mistakes):
    """The Exercise for ``function(*inputs) -> outputs``, each output ``rules[name](**inputs)``.

    ``inputs`` maps each argument name to its kind ("grad", "gate", "memory" or
    "information"); ``mistakes`` are ``(output name, message, wrong rule)`` triples.
    """
    names, outputs = tuple(inputs), tuple(rules)

    def answer(changed=None, wrong=None):
        def function(*args):
            values = dict(zip(names, args, strict=True))
            return tuple((wrong if out == changed else rules[out])(**values) for out in outputs)

        return function

    return Exercise(
        label=spec["label"],
        function=spec["function"],
        outputs=outputs,
        reference=answer(),
        cases=_cases(inputs.values()),
        mistakes=tuple(Mistake(message, answer(out, wrong)) for out, message, wrong in mistakes),
        hint=spec["hint"],
        success=spec["success"],
    )


def matmul(a, b):
    """``a @ b``, the matrix product a student may write where ⊙ belongs."""
    return np.matmul(a, b)
