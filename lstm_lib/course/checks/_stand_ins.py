"""Stand-ins the checkers hand to an answer: objects with the book's interface.

They live apart from the checkers so that the process that runs a student's answer during
grading (lstm_lib.course.grade) can receive them without loading any reference answer.
"""

import numpy as np


class StreamModel:
    """A small stateful recurrent model with the book's model interface.

    ``forward(xs, ts)`` (xs, ts ids (N, T)) returns the mean cross-entropy of predicting
    ts and keeps the state h (N, V) for the next call; ``predict(xs)`` returns the scores
    (N, T, V); ``reset_state()`` forgets the state; ``loss`` is ``forward``'s other name.
    """

    def __init__(self, V, rng):
        self.E, self.W = rng.standard_normal((V, V)), 1.5 * rng.standard_normal((V, V))
        self.h = None

    def reset_state(self):
        """Forget the state: the next call starts from h = 0."""
        self.h = None

    def predict(self, xs):
        """Scores (N, T, V) for ids xs (N, T); the state is carried on."""
        xs = np.asarray(xs)
        h = np.zeros((xs.shape[0], self.E.shape[0])) if self.h is None else self.h
        scores = []
        for t in range(xs.shape[1]):
            h = np.tanh(0.7 * h + self.E[xs[:, t]])
            scores.append(h @ self.W)
        self.h = h
        return np.stack(scores, axis=1)

    def forward(self, xs, ts):
        """The mean cross-entropy (nats) of the targets ts (N, T) given the inputs xs (N, T)."""
        s = self.predict(xs)
        s = s - s.max(axis=-1, keepdims=True)
        log_p = s - np.log(np.exp(s).sum(axis=-1, keepdims=True))
        ts = np.asarray(ts)
        return float(-np.take_along_axis(log_p, ts[..., None], axis=-1).mean())

    loss = forward
