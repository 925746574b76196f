"""The process that runs one student's answer cells (started by grade.sandbox).

It is started isolated (python -I: no PYTHONPATH, no user site, not the current folder)
in an empty temporary folder, with the teacher's lstm_lib first on sys.path, and it checks
that lstm_lib came from there. It never imports the checkers: the check cells run in the
grader, which calls the answer's functions through this process one call at a time.

While answer code runs, two watchers record what the static rules cannot see:

* an audit hook (sys.addaudithook): reaching a frame, the garbage collector's object
  lists, tracing or profiling hooks, a code object's insides, importing the course package
  or opening one of its files (the checkers' source);
* a profile hook: a call from the answer's code into an lstm_lib function or class the
  exercise does not allow.

After every cell and call the modules of lstm_lib and numpy, math and builtins are
compared with their state before the answers ran: a changed attribute is monkeypatching.
What was found travels back with the reply; the grader flags the exercise.
"""

import builtins
import math
import os
import pickle
import sys
import types
from inspect import CO_VARARGS, CO_VARKEYWORDS
from pathlib import Path

from .wire import dumps, encode, read_frame, write_frame

ANSWER_FILE = "<answer"
#: audit events that mean reaching into the interpreter's or another program's state
EVENTS = {
    "code.__new__": "builds a code object",
    "ctypes.dlopen": "loads a C library",
    "gc.get_objects": "walks the garbage collector's objects",
    "gc.get_referents": "walks the garbage collector's references",
    "gc.get_referrers": "walks the garbage collector's references",
    "object.__getattr__": "reads a restricted attribute",
    "os.system": "runs a program",
    "socket.connect": "opens a network connection",
    "subprocess.Popen": "runs a program",
    "sys._current_frames": "reaches the frames of every thread",
    "sys._getframe": "reaches a frame",
    "sys.setprofile": "sets a profiling hook",
    "sys.settrace": "sets a tracing hook",
}
#: standard modules that reach a frame to name the module of a class they build
_NAMING = ("collections/__init__.py", "typing.py", "enum.py", "dataclasses.py")


def _codes(value, seen):
    """The code objects of a function, or of every function of a class."""
    if isinstance(value, type):
        for klass in value.__mro__:
            if klass.__module__.startswith("lstm_lib") and klass not in seen:
                seen.add(klass)
                for member in vars(klass).values():
                    yield from _codes(getattr(member, "__func__", member), seen)
    elif hasattr(value, "__code__"):
        yield value.__code__
    elif isinstance(value, property):
        for accessor in (value.fget, value.fset, value.fdel):
            yield from _codes(accessor, seen) if accessor else ()


def library_codes(forbidden):
    """The code objects of the forbidden lstm_lib names, less any an allowed name shares."""
    import lstm_lib

    def codes(names):
        seen = set()
        return {c for name in names for c in _codes(getattr(lstm_lib, name, None), seen)}

    allowed = set(lstm_lib.__all__) - set(forbidden)
    return codes(forbidden) - codes(allowed)


def _state():
    """{module: {attribute: identity}} of the watched modules and lstm_lib's classes."""
    modules = [
        m for n, m in list(sys.modules.items()) if n == "lstm_lib" or n.startswith("lstm_lib.")
    ]
    state = {}
    for module in [*modules, sys.modules["numpy"], math, builtins]:
        attributes = state.setdefault(module.__name__, {})
        for name, value in list(vars(module).items()):
            code = value.__code__ if type(value) is types.FunctionType else None
            attributes[name] = (id(value), id(code), type(value) is types.ModuleType)
            if isinstance(value, type) and value.__module__.startswith("lstm_lib"):
                for attr, member in vars(value).items():
                    attributes[f"{name}.{attr}"] = (id(member), None, False)
    return state


def _changes(before, now):
    """The attributes of the modules in ``before`` that were rebound, deleted or added
    (a submodule imported since is not a change; a module imported since is not watched)."""
    found = []
    for module, old in before.items():
        new = now.get(module, {})
        found += [f"{module}.{n}" for n, v in old.items() if new.get(n) != v]
        found += [f"{module}.{n}" for n, v in new.items() if n not in old and not v[2]]
    return found


class Worker:
    """The answer's namespace and the watchers around it."""

    def __init__(self, root):
        self.root = Path(root).resolve()
        self.space = {"__name__": "__answer__"}
        self.flags, self.armed, self.codes, self.before = [], False, set(), None

    def setup(self, prelude):
        import lstm_lib

        where = Path(lstm_lib.__file__).resolve()
        if not where.is_relative_to(self.root):
            return {"error": f"lstm_lib was imported from {where}, not from {self.root}"}
        for statement in prelude:
            exec(statement, self.space)
        self.before = _state()
        sys.addaudithook(self.audit)
        return {"ok": True}

    def audit(self, event, args):
        if not self.armed:
            return
        self.armed = False  # what the hook itself does is not the answer's
        try:
            reason = self.reason(event, args)
            if reason:
                self.flags.append(reason)
        finally:
            self.armed = True

    def reason(self, event, args):
        if event in EVENTS:
            caller = sys._getframe(2).f_code.co_filename.replace(os.sep, "/")
            if event in ("sys._getframe", "object.__getattr__") and caller.endswith(_NAMING):
                return None
            detail = f" ({args[1]})" if event == "object.__getattr__" else ""
            return f"while running, it {EVENTS[event]}{detail}"
        if event == "import" and str(args[0]).startswith("lstm_lib.course"):
            return f"while running, it imports {args[0]}, the course package with the checkers"
        if event == "open" and isinstance(args[0], str):
            path = Path(args[0]).resolve()
            if path.is_relative_to(self.root / "lstm_lib" / "course"):
                return f"while running, it opens {path.name}, a file of the course package"
        return None

    def profile(self, frame, event, arg):
        if event != "call":
            return
        armed, self.armed = self.armed, False  # reading frames here is the watcher's own
        try:
            if frame.f_code in self.codes:
                caller = frame.f_back
                code = caller.f_code if caller is not None else None
                if (
                    code is None
                    or code is Worker.run.__code__
                    or code.co_filename.startswith(ANSWER_FILE)
                ):
                    self.flags.append(
                        f"while running, it calls lstm_lib's {frame.f_code.co_qualname}"
                    )
        finally:
            self.armed = armed

    def run(self, function, *args, **kwargs):
        """Call ``function`` with both watchers on; returns ("value", v) or ("raised",
        [the exception's type name, its text]); the text is made with the watchers on too,
        since an answer's exception may define how it prints."""
        sys.setprofile(self.profile)
        self.armed = True
        try:
            return "value", function(*args, **kwargs)
        except BaseException as error:  # the answer may fail in any way: report it
            try:
                text = str(error)[:2000]
            except BaseException:  # even printing it may fail
                text = "(its message could not be printed)"
            return "raised", [type(error).__name__, text]
        finally:
            self.armed = False
            sys.setprofile(None)

    def patched(self):
        changed = _changes(self.before, _state())
        return [f"it changes {name} (monkeypatching)" for name in changed[:5]]

    def reply(self, body):
        body["flags"], self.flags = self.flags + self.patched(), []
        self.before = _state()
        return body

    def execute(self, message):
        self.codes = library_codes(message["forbidden"])
        try:
            code = compile(message["source"], f"{ANSWER_FILE} {message['label']}>", "exec")
        except SyntaxError as error:
            return self.reply({"error": f"SyntaxError: {error}", "names": {}})
        kind, error = self.run(exec, code, self.space)
        names = {}
        for name in message["names"]:
            if name in self.space:
                value = self.space[name]
                names[name] = {"callable": _parameters(value)} if callable(value) else encode(value)
        failed = ": ".join(error) if kind == "raised" else None
        return self.reply({"error": failed, "names": names})

    def call(self, message):
        self.codes = library_codes(message["forbidden"])
        function = self.space.get(message["name"])
        if function is None:
            return self.reply({"raised": ["NameError", f"name '{message['name']}' is not defined"]})
        kind, result = self.run(function, *message["args"], **message["kwargs"])
        if kind == "raised":
            return self.reply({"raised": result})
        return self.reply({"value": encode(result)})


def _parameters(function):
    """The names of a function's plain parameters, or None (the messages use them)."""
    if type(function) is not types.FunctionType:  # nothing of the answer's runs here
        return None
    code = function.__code__
    if code.co_flags & (CO_VARARGS | CO_VARKEYWORDS):
        return None
    return list(code.co_varnames[: code.co_argcount])


def main(root):
    """Serve the grader on stdin and stdout until it closes stdin."""
    incoming, outgoing = os.fdopen(os.dup(0), "rb"), os.fdopen(os.dup(1), "wb")
    quiet = os.open(os.devnull, os.O_RDWR)
    os.dup2(quiet, 0)  # an answer's input() ends at once, its prints go nowhere
    os.dup2(quiet, 1)
    sys.stdin, sys.stdout = open(os.devnull), open(os.devnull, "w")
    worker = Worker(root)
    handlers = {"setup": lambda m: worker.setup(m["prelude"]), "exec": worker.execute}
    handlers["call"] = worker.call
    while (payload := read_frame(incoming)) is not None:
        message = pickle.loads(payload)  # written by the grader, never by an answer
        write_frame(outgoing, dumps(handlers[message["op"]](message)))
