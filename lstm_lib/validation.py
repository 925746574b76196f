"""Checks at the boundary of the library, one helper per repeated check.

Constructors, sequence layers (TimeLSTM, FastTimeLSTM, TimeRNN, TimeAffine), the models and
the public functions call these before they compute anything, so that bad input fails with
a ValueError or TypeError that names the argument, what was expected and what came, e.g.

    xs must have shape (N, T, D=8), got (4, 8)

instead of broadcasting silently. The steps inside (LSTM, Gate, RNN, ... called by a
sequence layer) trust their caller and check nothing (CONVENTIONS.md §2.2).
"""

import numpy as np


def as_float_array(name, value, dtype=None):
    """Return value as a floating-point ndarray.

    Integer and boolean input is converted to dtype (float64 when dtype is None).
    Floating input keeps its dtype; when dtype is given and differs, a TypeError
    says so rather than casting silently (float32 must stay float32 end to end).
    """
    array = np.asarray(value)
    if array.dtype.kind in "biu":
        return array.astype(dtype or np.float64)
    if array.dtype.kind != "f":
        raise TypeError(f"{name} must be a real floating-point array, got dtype {array.dtype}")
    if dtype is not None and array.dtype != np.dtype(dtype):
        raise TypeError(
            f"{name} has dtype {array.dtype} but the layer's parameters are "
            f"{np.dtype(dtype)}; convert one of them, e.g. {name}.astype(np.{np.dtype(dtype)})"
        )
    return array


def check_rng(rng):
    """Raise TypeError unless rng is a numpy.random.Generator."""
    if not isinstance(rng, np.random.Generator):
        raise TypeError(
            "rng must be a numpy.random.Generator, e.g. np.random.default_rng(0), "
            f"got {type(rng).__name__}"
        )


def describe(dims):
    """Format a shape specification such as [("N", None), ("D", 8)] as (N, D=8)."""
    parts = [label if size is None else f"{label}={size}" for label, size in dims]
    return "(" + ", ".join(parts) + (",)" if len(parts) == 1 else ")")


def check_shape(name, array, dims):
    """Raise ValueError unless array matches dims.

    dims is a sequence of (label, size) pairs; size None accepts any length
    but the same label used twice must have the same length both times.
    Returns a dict from label to the length found, so callers can read N, T, ...
    """
    shape = np.shape(array)
    if len(shape) != len(dims):
        raise ValueError(f"{name} must have shape {describe(dims)}, got {shape}")
    found = {}
    for (label, size), actual in zip(dims, shape, strict=True):
        expected = size if size is not None else found.get(label)
        if expected is not None and actual != expected:
            raise ValueError(f"{name} must have shape {describe(dims)}, got {shape}")
        found[label] = actual
    return found


def check_like(name, array, reference_name, reference):
    """Raise ValueError unless array has exactly the shape of reference."""
    if np.shape(array) != np.shape(reference):
        raise ValueError(
            f"{name} must have the shape of {reference_name}, {np.shape(reference)}, "
            f"got {np.shape(array)}"
        )


def check_sequence(name, xs, dtype, D):
    """Return xs as an array of dtype with shape (N, T, D) and T >= 1; raise otherwise."""
    xs = as_float_array(name, xs, dtype)
    check_shape(name, xs, [("N", None), ("T", None), ("D", D)])
    if xs.shape[1] == 0:
        raise ValueError(f"{name} must have at least one time step, got shape {xs.shape}")
    return xs


def check_upstream(name, grad, dims, dtype):
    """Return the upstream gradient as an array of dtype shaped as dims; raise otherwise.

    dims as for check_shape, e.g. [("N", 2), ("T", 3), ("H", 5)].
    """
    grad = as_float_array(name, grad, dtype)
    check_shape(name, grad, dims)
    return grad


def check_state(name, state, N, H, dtype):
    """Return a copy of a recurrent state (N, H) of dtype (N None: any batch size)."""
    state = as_float_array(name, state, dtype)
    check_shape(name, state, [("N", N), ("H", H)])
    return state.copy()


def initial_state(name, state, N, H, dtype):
    """The state a sequence layer starts from: zeros (N, H) when state is None, else
    state itself, which must have been set for the same batch size N."""
    if state is None:
        return np.zeros((N, H), dtype=dtype)
    if state.shape[0] != N:
        raise ValueError(
            f"the carried state {name} has batch size {state.shape[0]} but xs has N={N}; "
            "call reset_state() or set_state(...) when the batch size changes"
        )
    return state


def check_ids(name, ids, V=None, axes=None):
    """Return ids as an integer array with values in [0, V) (V None: any id >= 0); raise
    otherwise.

    axes, when given, names the expected axes, e.g. ("N", "T"), and fixes their number.
    """
    ids = np.asarray(ids)
    if ids.dtype.kind not in "iu":
        raise TypeError(f"{name} must be an integer array of ids, got dtype {ids.dtype}")
    if axes is not None:
        check_shape(name, ids, [(label, None) for label in axes])
    if ids.size and (ids.min() < 0 or (V is not None and ids.max() >= V)):
        bound = "" if V is None else f", V={V}"
        raise ValueError(f"{name} must lie in [0{bound}), got [{ids.min()}, {ids.max()}]")
    return ids


def check_clip_norm(clip_norm):
    """Raise unless clip_norm is None or a positive finite number (see check_number)."""
    if clip_norm is not None:
        check_number("clip_norm", clip_norm, positive=True)


def check_weights(Wx, Wh, b, blocks=1):
    """Validate recurrent weights Wx (D, k H), Wh (H, k H), b (k H,).

    blocks is k: 1 for a single gate or RNN, 4 for the fused LSTM.
    Returns (D, H) and the three arrays, converted to one common float dtype.
    """
    Wx = as_float_array("Wx", Wx)
    Wh = as_float_array("Wh", Wh, Wx.dtype)
    b = as_float_array("b", b, Wx.dtype)
    k = "" if blocks == 1 else str(blocks)
    if Wx.ndim != 2 or Wx.shape[1] % blocks or Wx.shape[1] == 0:
        raise ValueError(f"Wx must have shape (D, {k}H) with H >= 1, got {Wx.shape}")
    D, H = Wx.shape[0], Wx.shape[1] // blocks
    check_shape("Wh", Wh, [("H", H), (f"{k}H", blocks * H)])
    check_shape("b", b, [(f"{k}H", blocks * H)])
    return D, H, Wx, Wh, b


def check_integer(name, value, minimum=0):
    """Return ``value`` as an int, at least ``minimum`` (None: no lower bound).

    ``TypeError`` unless it is an integer (a Python or NumPy int; not a bool, not 2.5);
    ``ValueError`` when it is below ``minimum``.
    """
    what = {None: "an integer", 0: "a non-negative integer", 1: "a positive integer"}.get(
        minimum, f"an integer >= {minimum}"
    )
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{name} must be {what}, got {value!r}")
    if minimum is not None and value < minimum:
        raise ValueError(f"{name} must be {what}, got {value!r}")
    return int(value)


def check_switch(name, value):
    """Return ``value`` as a bool: a switch such as ``stateful`` or ``reset_after``.

    ``TypeError`` unless it is True or False (a Python or NumPy bool). Anything else is
    refused rather than converted: ``bool("False")`` is True, so a string would silently
    turn the switch on.
    """
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be True or False, got {value!r}")
    return bool(value)


def check_number(name, value, positive=False, finite=True):
    """Return ``value`` as a float: a real number, never NaN.

    ``TypeError`` unless it is a Python or NumPy real number (not a bool, not a string);
    ``ValueError`` for NaN, for an infinity unless ``finite=False``, and for a value that is
    not above zero when ``positive=True``. Comparisons with NaN are all False, so a NaN that
    got past a check such as ``if value <= 0`` would silently turn the check off.
    """
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise TypeError(f"{name} must be a real number, got {value!r}")
    value = float(value)
    if np.isnan(value) or (finite and np.isinf(value)):
        raise ValueError(f"{name} must be a {'finite ' if finite else ''}number, got {value}")
    if positive and not value > 0:
        raise ValueError(f"{name} must be positive, got {value}")
    return value


def check_fraction(name, value):
    """Return ``value`` as a float in [0, 1), such as a dropout ratio (see check_number)."""
    value = check_number(name, value)
    if not 0 <= value < 1:
        raise ValueError(f"{name} must lie in [0, 1), got {value}")
    return value


def check_callable(name, value, what="a function"):
    """Raise TypeError unless value can be called."""
    if not callable(value):
        raise TypeError(f"{name} must be {what}, got {type(value).__name__}")


def check_interface(name, value, attributes, what):
    """Raise TypeError unless value has every one of attributes (a duck-typed interface);
    what names the expected kind of object in words, e.g. "a model of the book"."""
    missing = [attribute for attribute in attributes if not hasattr(value, attribute)]
    if missing:
        raise TypeError(
            f"{name} must be {what} with {', '.join(attributes)}, got "
            f"{type(value).__name__} without {', '.join(missing)}"
        )


def check_array_list(name, arrays):
    """Raise TypeError unless arrays is a list or tuple of floating-point numpy arrays
    (arrays updated in place: params, grads)."""
    if not isinstance(arrays, (list, tuple)):
        raise TypeError(
            f"{name} must be a list of floating-point numpy arrays, got {type(arrays).__name__}"
        )
    for k, a in enumerate(arrays):
        if not isinstance(a, np.ndarray) or a.dtype.kind != "f":
            got = a.dtype if isinstance(a, np.ndarray) else type(a).__name__
            raise TypeError(
                f"{name}[{k}] must be a floating-point numpy array (updated in place), got {got}"
            )


def check_parts(parts, keys="fgio"):
    """Raise unless parts is a dict with one entry per key (the parts of a fused weight)."""
    if not isinstance(parts, dict):
        raise TypeError(
            f"parts must be a dict with the keys {', '.join(keys)}, each a (Wx, Wh, b) triple, "
            f"got {type(parts).__name__}"
        )
    missing = set(keys) - set(parts)
    if missing:
        raise ValueError(f"parts needs the keys {', '.join(keys)}; missing {sorted(missing)}")


def check_float_dtype(name, dtype):
    """Return ``np.dtype(dtype)``; ``TypeError`` unless it is a floating-point dtype."""
    try:
        dtype = np.dtype(dtype)
    except TypeError as error:
        raise TypeError(f"{name} must be a floating-point dtype, got {dtype!r}") from error
    if dtype.kind != "f":
        raise TypeError(
            f"{name} must be a floating-point dtype such as np.float64 or np.float32, got {dtype}"
        )
    return dtype
