"""The grader's side of the process that runs a student's answers (grade._worker).

``Sandbox`` starts that process isolated (python -I, in an empty temporary folder, the
teacher's lstm_lib first on sys.path; no PYTHONPATH, no user site, nothing of the
submission importable), runs answer cells in it, and calls the answer's functions there on
arguments the checker chose. Every wait draws on a ``Budget``, the seconds an exercise's
answer may take (the time the checker itself spends in the grader is not counted): an
answer that hangs raises ``AnswerTimeout`` in the grader, one that kills its process
``AnswerDied``; both are BaseException, so that no checker mistakes them for the answer's
own error. ``restart`` starts a fresh process and runs again the cells that had run.
"""

import inspect
import os
import pickle
import queue
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from .wire import WireError, decode, loads, read_frame, write_frame

#: seconds a fresh process may take to import numpy and lstm_lib (not the answer's time)
START_TIMEOUT = 120.0
BOOT = (
    "import sys; sys.path.insert(0, sys.argv[1]); "
    "from lstm_lib.course.grade._worker import main; main(sys.argv[1])"
)


class AnswerTimeout(BaseException):
    """The answer used up its time."""


class AnswerDied(BaseException):
    """The answer's process ended (a crash, exit(), a signal) or spoke out of turn."""


class Budget:
    """The seconds an answer has ``left``; each wait in its process spends from it."""

    def __init__(self, seconds):
        self.left = float(seconds)


def teacher_root():
    """The folder that holds the lstm_lib this grader runs (the teacher's install)."""
    import lstm_lib

    return Path(lstm_lib.__file__).resolve().parent.parent


def _exception(name, text):
    """An exception like the answer's: NotImplementedError itself, else a class of that name."""
    if name == "NotImplementedError":
        return NotImplementedError(text)
    safe = "".join(c for c in str(name) if c.isalnum() or c == "_")[:60] or "Error"
    return type(safe if safe[0].isalpha() else f"_{safe}", (Exception,), {})(text)


def _read(stream, replies):
    """Put every reply of the process on ``replies``; None at its end, the error if one
    cannot be read."""
    while True:
        try:
            payload = read_frame(stream)
            replies.put(loads(payload) if payload is not None else None)
        except (WireError, OSError, ValueError) as error:
            replies.put(error)
            return
        if payload is None:
            return


class Sandbox:
    """One student's answers of one notebook, run in a process of their own."""

    def __init__(self, prelude):
        self.prelude, self.process, self.cells, self.flags = tuple(prelude), None, [], []

    def start(self):
        """Start the process and import the key's prelude in it (numpy, lstm_lib names)."""
        root = teacher_root()
        self.folder = tempfile.TemporaryDirectory(prefix="grade-")
        env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
        self.process = subprocess.Popen(
            [sys.executable, "-I", "-c", BOOT, str(root)],
            cwd=self.folder.name,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # a Ctrl-C reaches the grader, which ends this process
        )
        self.replies = queue.Queue()  # each process its own: a late reply cannot mislead
        reader = threading.Thread(target=_read, args=(self.process.stdout, self.replies))
        reader.daemon = True
        reader.start()
        reply = self._ask({"op": "setup", "prelude": self.prelude}, Budget(START_TIMEOUT))
        if "error" in reply:
            raise AnswerDied(reply["error"])

    def _ask(self, message, budget):
        if self.process is None:
            self.start()
        try:
            write_frame(self.process.stdin, pickle.dumps(message))
        except OSError:
            raise AnswerDied(self._ended()) from None
        start = time.monotonic()
        try:
            reply = self.replies.get(timeout=max(budget.left, 0.0))
        except queue.Empty:
            raise AnswerTimeout() from None
        finally:
            budget.left -= time.monotonic() - start
        if not isinstance(reply, dict) or not isinstance(reply.get("flags", []), list):
            raise AnswerDied(self._ended(reply if not isinstance(reply, dict) else "a reply"))
        self.flags += [str(f)[:500] for f in reply.get("flags", [])]
        return reply

    def _ended(self, why=None):
        code = None
        if self.process is not None:
            try:  # the end of its output comes a moment before the end of the process
                code = self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                code = None
        if code is None and why is not None:
            return f"its process sent something unreadable ({why})"
        if code is not None and code < 0:
            return f"its process was killed by signal {signal.Signals(-code).name}"
        return f"its process ended with exit code {code}"

    def run_cell(self, source, label, names, forbidden, budget):
        """Run an answer cell; returns {"error": text or None, "names": {...}}."""
        message = {"op": "exec", "source": source, "label": label, "names": list(names)}
        message["forbidden"] = list(forbidden)
        reply = self._ask(message, budget)
        self.cells.append(message)
        if not isinstance(reply.get("names"), dict):
            raise AnswerDied(self._ended("a reply without the names"))
        error = reply.get("error")
        return {"error": None if error is None else str(error)[:2000], "names": reply["names"]}

    def call(self, name, args, kwargs, forbidden, budget):
        """Call the answer's function ``name``; its value, or raise what it raised."""
        message = {"op": "call", "name": name, "args": args, "kwargs": kwargs}
        reply = self._ask({**message, "forbidden": list(forbidden)}, budget)
        raised = reply.get("raised")
        if isinstance(raised, list) and len(raised) == 2:
            raise _exception(str(raised[0]), str(raised[1])[:2000])
        try:
            return decode(reply["value"])
        except (WireError, KeyError) as error:
            raise AnswerDied(self._ended(error)) from None

    def take_flags(self):
        """What the watchers found since the last call of take_flags."""
        flags, self.flags = list(dict.fromkeys(self.flags)), []
        return flags

    def restart(self, timeout):
        """A fresh process with the cells that had run; False if that did not work."""
        self.close()
        cells, self.cells = self.cells, []
        try:
            for message in cells:
                self._ask(message, Budget(timeout))
                self.cells.append(message)
        except (AnswerTimeout, AnswerDied):
            self.close()
            return False
        self.take_flags()
        return True

    def close(self):
        """End the process (it is killed: an answer may ignore being asked) and its folder."""
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            self.process.stdin.close()
            self.process.stdout.close()
            self.folder.cleanup()
        self.process = None


class Proxy:
    """The answer's function as the checker sees it: calling it calls the answer in its
    process, on the exercise's budget and with its forbidden names."""

    def __init__(self, sandbox, name, parameters, forbidden, budget):
        self.sandbox, self.__name__, self.forbidden = sandbox, name, forbidden
        self.budget = budget
        plain = isinstance(parameters, list) and all(
            isinstance(p, str) and p.isidentifier() for p in parameters
        )
        if plain:  # the student's own names, for the messages that quote shapes
            kind = inspect.Parameter.POSITIONAL_OR_KEYWORD
            self.__signature__ = inspect.Signature([inspect.Parameter(p, kind) for p in parameters])

    def __call__(self, *args, **kwargs):
        return self.sandbox.call(self.__name__, args, kwargs, self.forbidden, self.budget)

    def __repr__(self):
        return f"<the answer's function {self.__name__}>"
