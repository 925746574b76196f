"""What an answer cell may not do, read from its source before it runs (the static rules).

An answer is a function written with NumPy and the few lstm_lib names its exercise allows.
The rules flag what no honest answer needs and every cheat tried so far does:

* importing anything but numerics and the library proper (inspect, sys, gc, importlib,
  os, the course package with its checkers, ...);
* the built-ins that run or fetch code the grader cannot read (exec, eval, compile,
  __import__, getattr with a computed name, globals, vars, open, ...);
* private and special attributes (``x._y``, ``f.__globals__``), frames and code
  (``f_back``, ``tb_frame``, ``gi_frame``), and modules reached as attributes
  (``np.sys``, ``lstm_lib.course``);
* referring to or defining a checker (``check_...``, or a name the check cell calls);
* assigning to an attribute or an item of something the answer did not make
  (monkeypatching ``np.allclose``, ``lstm_lib.LSTM.forward``, a checker's table);
* a library name the exercise does not allow (``Exercise.may_use``): the library's own
  implementation of what the exercise asks for.

Each rule is general; none lists a cheat. ``scan`` returns the reasons, each with its line.
"""

import ast

from .key import answer_module

#: built-ins that run code the grader cannot read or reach into other code
HIDDEN = {
    "__import__": "imports a module by a computed name",
    "breakpoint": "starts a debugger",
    "compile": "compiles code the grader cannot read",
    "delattr": "deletes an attribute by name",
    "eval": "runs code the grader cannot read",
    "exec": "runs code the grader cannot read",
    "globals": "reaches the module's namespace",
    "input": "waits for input",
    "locals": "reaches a namespace",
    "open": "opens a file",
    "setattr": "sets an attribute by name",
    "vars": "reaches a namespace",
}
#: attributes of frames, tracebacks, generators and code objects
FRAMES = {
    "ag_frame", "co_code", "co_consts", "cr_frame", "f_back", "f_builtins", "f_code",
    "f_globals", "f_locals", "gi_code", "gi_frame", "tb_frame", "tb_next",
}  # fmt: skip
#: modules an answer has no business reaching through another module's attribute
MODULES = {
    "builtins", "checks", "course", "ctypes", "gc", "importlib", "inspect", "linecache",
    "marshal", "os", "pickle", "subprocess", "sys", "traceback", "types",
}  # fmt: skip


def _bound(tree):
    """Every name the cell binds itself: assignments, loop targets, defs, classes, args."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            names.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.arg):
            names.add(node.arg)
    return names


def _root(node):
    while isinstance(node, (ast.Attribute, ast.Subscript)):
        node = node.value
    return node


class _Rules(ast.NodeVisitor):
    def __init__(self, label, forbidden, checks, own):
        self.label, self.forbidden, self.checks, self.own = label, forbidden, checks, own
        self.reasons = []

    def flag(self, node, text):
        self.reasons.append(f"line {getattr(node, 'lineno', '?')}: {text}")

    def library(self, node, name):
        self.flag(
            node,
            f"uses lstm_lib's {name}, the library's own implementation of what Exercise "
            f"{self.label} asks you to write",
        )

    def checker(self, node, name, verb="refers to"):
        if name.startswith("check_") or name in self.checks:
            self.flag(node, f"{verb} {name}: the checkers belong to the grader, not the answer")

    def visit_Import(self, node):
        for alias in node.names:
            self.module(node, alias.name)
            self.checker(node, alias.asname or alias.name.split(".")[0], "imports")

    def visit_ImportFrom(self, node):
        module = "." * node.level + (node.module or "")
        self.module(node, module)
        for alias in node.names:
            if alias.name == "*" and module.startswith("lstm_lib"):
                self.flag(node, f"imports every name of {module}, {self.label}'s answer among them")
            elif module.startswith("lstm_lib") and alias.name in self.forbidden:
                self.library(node, alias.name)
            self.checker(node, alias.asname or alias.name, "imports")

    def module(self, node, name):
        if not answer_module(name):
            self.flag(
                node,
                f"imports {name or 'a relative module'}; an answer may import numpy, math and "
                "the like, and the names of lstm_lib its exercise allows",
            )

    def visit_Name(self, node):
        name = node.id
        if name in HIDDEN and name not in self.own:
            self.flag(node, f"calls {name}, which {HIDDEN[name]}")
        elif name.startswith("__") and name.endswith("__") and name != "__name__":
            self.flag(node, f"uses {name}, the interpreter's own machinery")
        elif name in self.forbidden and name not in self.own:
            self.library(node, name)
        self.checker(node, name)

    def visit_Attribute(self, node):
        self.attribute(node, node.attr)
        self.generic_visit(node)

    def attribute(self, node, name):
        if name.startswith("_"):
            self.flag(node, f"reaches the private or special attribute .{name}")
        elif name in FRAMES:
            self.flag(node, f"reaches .{name}, a frame or code object's insides")
        elif name in MODULES:
            self.flag(node, f"reaches the module .{name} through another module")
        elif name in self.forbidden:
            self.library(node, name)
        else:
            self.checker(node, name)

    def visit_Call(self, node):
        func = node.func
        if isinstance(func, ast.Name) and func.id == "getattr" and "getattr" not in self.own:
            name = node.args[1] if len(node.args) > 1 else None
            if isinstance(name, ast.Constant) and isinstance(name.value, str):
                self.attribute(node, name.value)
            else:
                self.flag(node, "calls getattr with a computed name, which the grader cannot read")
        self.generic_visit(node)

    def definition(self, node):
        self.checker(node, node.name, "defines")
        self.generic_visit(node)

    visit_FunctionDef = visit_AsyncFunctionDef = visit_ClassDef = definition

    def assigned(self, node, targets):
        for target in targets:
            for part in ast.walk(target) if isinstance(target, (ast.Tuple, ast.List)) else [target]:
                if not isinstance(part, (ast.Attribute, ast.Subscript)):
                    continue
                root = _root(part)
                if isinstance(root, ast.Name) and root.id not in self.own:
                    self.flag(
                        node,
                        f"assigns {ast.unparse(part)}, changing {root.id}, which the answer did "
                        "not make (monkeypatching)",
                    )
        self.generic_visit(node)

    def visit_Assign(self, node):
        self.assigned(node, node.targets)

    def visit_AugAssign(self, node):
        self.assigned(node, [node.target])

    visit_AnnAssign = visit_AugAssign

    def visit_Delete(self, node):
        self.assigned(node, node.targets)


def scan(source, label, forbidden=(), checks=()):
    """The reasons to flag an answer cell's ``source`` (empty: nothing found).

    ``forbidden``: the lstm_lib names the exercise ``label`` does not allow; ``checks``:
    the names its check cell calls. A cell that does not parse is not flagged here (it
    fails when it runs, with the SyntaxError as its message).
    """
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    rules = _Rules(label, set(forbidden), set(checks), _bound(tree))
    rules.visit(tree)
    return list(dict.fromkeys(rules.reasons))
