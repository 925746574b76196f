"""The wire between the grader and the process that runs an answer.

The grader sends pickled messages: the answer's process only unpickles what the trusted
grader wrote. The answer's process answers in JSON, and the grader decodes it strictly:
None, booleans, numbers, strings, tuples, lists, dicts with string keys, and NumPy arrays
and scalars (as .npy bytes, read with allow_pickle=False); anything else arrives as an
``Opaque`` placeholder naming its type. Nothing an answer returns is ever unpickled or
evaluated on the grader's side.

Each message is one frame: 8 bytes of length (big-endian), then the payload.
"""

import base64
import io
import json
import re
import struct

import numpy as np

#: the largest frame accepted (bytes): an answer returning a huge array fails, not the run
MAX_FRAME = 64 * 2**20
_LENGTH = struct.Struct(">Q")


class WireError(Exception):
    """A frame that is too large, cut short or not in the expected format."""


def write_frame(stream, payload):
    """Write ``payload`` (bytes) as one frame and flush."""
    stream.write(_LENGTH.pack(len(payload)) + payload)
    stream.flush()


def read_frame(stream):
    """The payload of the next frame, or None at the end of the stream."""
    head = stream.read(_LENGTH.size)
    if not head:
        return None
    if len(head) < _LENGTH.size:
        raise WireError("a frame's length was cut short")
    (length,) = _LENGTH.unpack(head)
    if length > MAX_FRAME:
        raise WireError(f"a frame of {length} bytes is larger than the limit of {MAX_FRAME}")
    payload = stream.read(length)
    if len(payload) < length:
        raise WireError(f"a frame was cut short: {len(payload)} of {length} bytes")
    return payload


def _npy(array):
    buffer = io.BytesIO()
    np.save(buffer, array, allow_pickle=False)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def encode(value, depth=0):
    """``value`` as JSON-ready data; only exact built-in and NumPy types are looked into, so
    that encoding never runs code the answer defined."""
    kind = type(value)
    if value is None or kind in (bool, int, float, str):
        return {"v": value}
    if depth > 20:
        return {"opaque": "a structure nested too deeply"}
    if kind in (tuple, list):
        return {kind.__name__: [encode(v, depth + 1) for v in value]}
    if kind is dict and all(type(k) is str for k in value):
        return {"dict": {k: encode(v, depth + 1) for k, v in value.items()}}
    if kind is np.ndarray and value.dtype.kind in "biufc":
        return {"array": _npy(value)}
    if isinstance(value, np.generic) and kind.__module__ == "numpy" and value.dtype.kind in "biufc":
        return {"scalar": _npy(np.asarray(value))}
    return {"opaque": kind.__name__}


class Opaque:
    """Stands for a value of a type the wire does not carry (its type name is kept)."""

    def __repr__(self):
        return f"<{type(self).__name__} object>"


def opaque_type(name):
    """A subclass of Opaque named like the answer's type (letters, digits, _ only)."""
    safe = re.sub(r"\W", "_", str(name))[:60] or "object"
    return type(safe if safe[0].isalpha() else f"_{safe}", (Opaque,), {})


def _array(text):
    return np.load(io.BytesIO(base64.b64decode(text)), allow_pickle=False)


def decode(data):
    """The value ``encode`` described; raises WireError on anything else."""
    if not isinstance(data, dict) or len(data) != 1:
        raise WireError(f"not an encoded value: {str(data)[:80]}")
    ((tag, body),) = data.items()
    if tag == "v" and (body is None or type(body) in (bool, int, float, str)):
        return body
    if tag in ("tuple", "list") and isinstance(body, list):
        items = [decode(v) for v in body]
        return tuple(items) if tag == "tuple" else items
    if tag == "dict" and isinstance(body, dict):
        return {str(k): decode(v) for k, v in body.items()}
    if tag in ("array", "scalar") and isinstance(body, str):
        array = _array(body)
        return array if tag == "array" else array[()]
    if tag == "opaque" and isinstance(body, str):
        return opaque_type(body)()
    raise WireError(f"not an encoded value: {str(data)[:80]}")


def dumps(message):
    """A reply of the answer's process as bytes (JSON; NaN and inf allowed)."""
    return json.dumps(message).encode("utf-8")


def loads(payload):
    """A reply as a dict; raises WireError if it is not one."""
    try:
        message = json.loads(payload.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise WireError(f"a reply that is not JSON: {error}") from None
    if not isinstance(message, dict):
        raise WireError("a reply that is not a JSON object")
    return message
