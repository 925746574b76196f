"""The model file of scripts/train_lm.py: save, inspect and read one .npz.

The file holds vocabulary.npy (the V characters, in id order), settings.npy (a JSON string
with hidden, layers, dropout and tie_weights) and param_0.npy, param_1.npy, ... (the
weights in the order of the model's params; see expected_arrays), all float64 and stored
uncompressed, as np.savez writes them. Earlier versions of train_lm.py wrote the same.

A file is trusted only after it has been checked against its own arrays: the settings
must be valid, and the header of each array must declare the shape and dtype the settings
call for and the size its member in the zip really has, before anything is allocated from
the settings (a 3 KB file cannot make the reader allocate gigabytes). Every failure is a
BadModel naming the file and what is wrong with it.
"""

import json
import math
import os
import tempfile
import zipfile
from pathlib import Path

import numpy as np


class BadModel(ValueError):
    """path is not a model file of train_lm.py; what says what is wrong with it."""

    def __init__(self, path, what):
        super().__init__(f"{path}: {what}")
        self.what = what


def save(path, params, vocabulary, settings):
    """Write the weights, the vocabulary and the settings to path (.npz), atomically: into a
    temporary file in the same folder, then renamed over path (never half a model there)."""
    path = Path(path)
    arrays = {f"param_{k}": p for k, p in enumerate(params)}
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            np.savez(file, vocabulary=list(vocabulary), settings=json.dumps(settings), **arrays)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # as any new file, not mkstemp's 0o600
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


SETTINGS = {  # what a model file's settings hold: key: (test, what it must be)
    "hidden": (lambda v: type(v) is int and v >= 1, "a positive integer"),
    "layers": (lambda v: type(v) is int and v >= 1, "a positive integer"),
    "dropout": (lambda v: type(v) in (int, float) and 0 <= v < 1, "a number in [0, 1)"),
    "tie_weights": (lambda v: type(v) is bool, "true or false"),
}


def expected_arrays(V, settings):
    """(name, shape) of each array of model.params: E, then Wx, Wh, b per layer, W, b_out."""
    H, layers = settings["hidden"], settings["layers"]
    layer = (("Wx", (H, 4 * H)), ("Wh", (H, 4 * H)), ("b", (4 * H,)))
    lstm = [(f"{name}{k}", shape) for k in range(1, layers + 1) for name, shape in layer]
    W = [] if settings["tie_weights"] else [("W", (H, V))]
    return [("E", (V, H)), *lstm, *W, ("b_out", (V,))]


def _array(archive, name, path, read=False):
    """The shape and dtype in the header of the array name (read: the array itself)."""
    info = archive.getinfo(name)
    if info.compress_type != zipfile.ZIP_STORED:
        raise BadModel(path, f"{name} is compressed; this script saves arrays uncompressed")
    with archive.open(info) as file:
        try:
            version = np.lib.format.read_magic(file)
            header = {
                (1, 0): np.lib.format.read_array_header_1_0,
                (2, 0): np.lib.format.read_array_header_2_0,
            }[version]
            shape, _, dtype = header(file)
        except (ValueError, KeyError, EOFError) as error:
            raise BadModel(path, f"{name} is not a NumPy array ({error})") from None
        if dtype.hasobject or info.file_size != file.tell() + math.prod(shape) * dtype.itemsize:
            raise BadModel(path, f"{name} does not hold the {shape} {dtype} array it declares")
    if read:
        with archive.open(info) as file:
            return np.lib.format.read_array(file, allow_pickle=False)
    return shape, dtype


def inspect(path):
    """The vocabulary, the settings and the (name, shape) of each weight array of the model
    file path, from the headers alone; BadModel unless the file holds exactly the arrays its
    settings call for, with their shapes and dtype float64."""
    path = Path(path)
    if not path.is_file():
        raise BadModel(path, "is a folder, not a model file" if path.is_dir() else "no such file")
    if path.stat().st_size == 0:
        raise BadModel(path, "is empty")
    try:
        with zipfile.ZipFile(path) as archive:
            return _inspect(archive, path)
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        raise BadModel(path, f"is not a .npz archive, or is damaged ({error})") from None


def _inspect(archive, path):
    names = archive.namelist()
    params = [name for name in names if name.startswith("param_")]
    required = {"vocabulary.npy", "settings.npy", *(f"param_{k}.npy" for k in range(len(params)))}
    if set(names) != required or len(names) != len(required):
        odd = sorted(set(names) ^ required) or ["a repeated array"]
        raise BadModel(path, f"has the wrong arrays ({', '.join(odd)} among them)")
    if _array(archive, "settings.npy", path)[0] != ():
        raise BadModel(path, "its settings.npy must be one string")
    try:
        settings = json.loads(str(_array(archive, "settings.npy", path, read=True)))
    except ValueError as error:
        raise BadModel(path, f"its settings are not JSON ({error})") from None
    if not isinstance(settings, dict) or sorted(settings) != sorted(SETTINGS):
        raise BadModel(path, f"its settings must hold exactly {', '.join(SETTINGS)}")
    for key, (test, expected) in SETTINGS.items():
        if not test(settings[key]):
            raise BadModel(path, f"its setting {key} must be {expected}, got {settings[key]!r}")
    shape, dtype = _array(archive, "vocabulary.npy", path)
    if len(shape) != 1 or shape[0] < 1 or dtype != np.dtype("<U1"):
        raise BadModel(path, f"vocabulary.npy must hold V >= 1 characters, got {shape} {dtype}")
    vocabulary = "".join(_array(archive, "vocabulary.npy", path, read=True).tolist())
    if len(set(vocabulary)) != len(vocabulary):
        raise BadModel(path, "its vocabulary repeats a character")
    count = 3 * settings["layers"] + 3 - settings["tie_weights"]  # counted before any list
    if len(params) != count:
        raise BadModel(path, f"has {len(params)} weight arrays, its settings need {count}")
    expected = expected_arrays(len(vocabulary), settings)
    for k, (label, want) in enumerate(expected):
        shape, dtype = _array(archive, f"param_{k}.npy", path)
        if shape != want or dtype != np.float64:
            raise BadModel(path, f"param_{k} ({label}) must be {want} float64, got {shape} {dtype}")
    return vocabulary, settings, expected


def read(path):
    """The vocabulary (a string), the settings and the weight arrays (a list) of path.

    inspect checks the file first; the weights must also be finite.
    """
    vocabulary, settings, expected = inspect(path)
    arrays = []
    try:
        with zipfile.ZipFile(path) as archive:
            for k, (label, _) in enumerate(expected):
                arrays.append(_array(archive, f"param_{k}.npy", path, read=True))
                if not np.isfinite(arrays[-1]).all():
                    raise BadModel(path, f"param_{k} ({label}) holds NaN or inf")
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        raise BadModel(path, f"cannot be read ({error})") from None
    return vocabulary, settings, arrays
