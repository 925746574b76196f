"""Exercises of the form ``act(x Wx + h_prev Wh + b)``, maybe followed by an update.

Notebooks 00 to 04 ask for one such unit each (the RNN step, a gate, the output gate, the
forget gate, the new information), some with an update after it (``h = o ⊙ tanh(c)``,
``f ⊙ c_prev``, ...). ``unit_exercise`` builds the ``Exercise``: the cases
test one term at a time on a square example (N = D = H = 3, where a stray ``@``, ``*`` or
``.T`` still runs and gives numbers to compare), then all terms, then two batches whose
sizes all differ. The mistake table holds the typical wrong units (``UNIT_MISTAKES``)
and the exercise's own wrong updates.
"""

from ...functions import sigmoid, tanh
from ._core import Case, Exercise, Mistake

#: typical wrong units: (message, function of x, h_prev, Wx, Wh, b, act, other activation)
UNIT_MISTAKES = (
    ("{other} where {act} belongs{why}.", lambda x, h, Wx, Wh, b, a, o: o(x @ Wx + h @ Wh + b)),
    (
        "the activation {act} is missing: apply it to the whole sum x Wx + h_prev Wh + b.",
        lambda x, h, Wx, Wh, b, a, o: x @ Wx + h @ Wh + b,
    ),
    (
        "the bias b is missing: the sum is x Wx + h_prev Wh + b.",
        lambda x, h, Wx, Wh, b, a, o: a(x @ Wx + h @ Wh),
    ),
    (
        "the bias b is added after the {act}; it belongs inside, in the sum the {act} is "
        "applied to.",
        lambda x, h, Wx, Wh, b, a, o: a(x @ Wx + h @ Wh) + b,
    ),
    (
        "the term x @ Wx is missing.",
        lambda x, h, Wx, Wh, b, a, o: a(h @ Wh + b),
    ),
    (
        "the term h_prev @ Wh is missing.",
        lambda x, h, Wx, Wh, b, a, o: a(x @ Wx + b),
    ),
    (
        "x @ Wx.T: a transpose too many; in the row-vector convention x (N, D) @ Wx (D, H).",
        lambda x, h, Wx, Wh, b, a, o: a(x @ Wx.T + h @ Wh + b),
    ),
    (
        "h_prev @ Wh.T: a transpose too many; in the row-vector convention h_prev (N, H) @ "
        "Wh (H, H).",
        lambda x, h, Wx, Wh, b, a, o: a(x @ Wx + h @ Wh.T + b),
    ),
    (
        "Wx and Wh are swapped: x is multiplied by Wx and h_prev by Wh.",
        lambda x, h, Wx, Wh, b, a, o: a(x @ Wh + h @ Wx + b),
    ),
    (
        "an elementwise product * where the weights need the matrix product @ (x @ Wx, "
        "h_prev @ Wh).",
        lambda x, h, Wx, Wh, b, a, o: a(x * Wx + h * Wh + b),
    ),
    (
        "the {act} is applied to each term apart; apply it once, to the whole sum.",
        lambda x, h, Wx, Wh, b, a, o: a(x @ Wx) + a(h @ Wh) + a(b),
    ),
)

_WHY = {
    "gate": ": a gate is an openness between 0 and 1",
    "information": ": g is content with a sign, in (-1, 1), not an openness in (0, 1)",
    "rnn": ": the RNN's hidden state is information in (-1, 1)",
}


def _extra(rng, kind, shape):
    if kind == "memory":
        return 1.5 * rng.standard_normal(shape)
    if kind == "gate":
        return rng.uniform(0.05, 0.95, shape)
    return rng.uniform(-1.0, 1.0, shape)  # information


class UnitLayout:
    """Where a unit exercise's arguments go: ``extras`` (kinds, in order) placed before x
    (``first``) or after h_prev; the weights Wx, Wh, b always come last."""

    def __init__(self, extras, first=False):
        self.extras, self.first = tuple(extras), first

    def pack(self, x, h_prev, extras, Wx, Wh, b):
        lead = (*extras, x, h_prev) if self.first else (x, h_prev, *extras)
        return (*lead, Wx, Wh, b)

    def unpack(self, args):
        n = len(self.extras)
        lead, (Wx, Wh, b) = args[:-3], args[-3:]
        extras, (x, h_prev) = (lead[:n], lead[n:]) if self.first else (lead[2:], lead[:2])
        return x, h_prev, tuple(extras), Wx, Wh, b

    def cases(self, rng):
        found = []
        for N, D, H, switch, label in _CASES:
            x, h_prev = rng.standard_normal((N, D)), rng.standard_normal((N, H))
            Wx, Wh, b = (
                rng.standard_normal((D, H)),
                rng.standard_normal((H, H)),
                rng.normal(0, 1, H),
            )
            x, h_prev, b = x * switch[0], h_prev * switch[1], b * switch[2]
            extras = [_extra(rng, kind, (N, H)) for kind in self.extras]
            found.append(Case(label, self.pack(x, h_prev, extras, Wx, Wh, b)))
        return found


_CASES = (
    (3, 3, 3, (0, 0, 1), "with x = 0 and h_prev = 0 (only the bias left)"),
    (3, 3, 3, (1, 0, 0), "with only x nonzero (h_prev = 0, b = 0)"),
    (3, 3, 3, (0, 1, 0), "with only h_prev nonzero (x = 0, b = 0)"),
    (3, 3, 3, (1, 1, 1), "with x, h_prev and b together (N = D = H = 3)"),
    (4, 5, 2, (1, 1, 1), "for N = 4, D = 5, H = 2"),
    (2, 3, 4, (1, 1, 1), "for N = 2, D = 3, H = 4"),
)


def unit_exercise(spec, layout, update=None, update_mistakes=(), more_mistakes=()):
    """The Exercise of a unit ``act(x Wx + h_prev Wh + b)`` and an optional update.

    ``spec`` holds label, function, outputs, kind ("gate", "information" or "rnn"), hint and
    success. With ``update(u, *extras)`` the function returns ``(u, update)`` when two
    outputs are named, or only the update when one is. ``update_mistakes`` are
    ``(message, wrong update(u, *extras))`` pairs, applied to the right unit;
    ``more_mistakes`` are further ``Mistake`` entries with the full signature.
    """
    act, other = (sigmoid, tanh) if spec["kind"] == "gate" else (tanh, sigmoid)
    words = {
        "act": "sigmoid" if act is sigmoid else "tanh",
        "other": "tanh" if act is sigmoid else "sigmoid",
        "why": _WHY[spec["kind"]],
    }
    both = len(spec["outputs"]) == 2

    def answer(unit, step):
        def function(*args):
            x, h_prev, extras, Wx, Wh, b = layout.unpack(args)
            u = unit(x, h_prev, Wx, Wh, b)
            if update is None:
                return u
            out = step(u, *extras)
            return (u, out) if both else out

        return function

    def right(x, h_prev, Wx, Wh, b):
        return act(x @ Wx + h_prev @ Wh + b)

    mistakes = [
        Mistake(
            message.format(**words),
            answer(lambda x, h, Wx, Wh, b, w=wrong: w(x, h, Wx, Wh, b, act, other), update),
        )
        for message, wrong in UNIT_MISTAKES
    ]
    mistakes += [Mistake(message, answer(right, wrong)) for message, wrong in update_mistakes]
    mistakes += more_mistakes
    return Exercise(
        label=spec["label"],
        function=spec["function"],
        outputs=spec["outputs"],
        reference=answer(right, update),
        cases=layout.cases,
        mistakes=tuple(mistakes),
        hint=spec["hint"],
        success=spec["success"],
    )
