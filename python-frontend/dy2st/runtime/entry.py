"""Structured arguments of a converted function (lists, tuples and dicts of
tensors and numbers, nested; numpy arrays and scalars): the compiled program
takes flat parameters, so such a call goes through an entry wrapper, a
generated Python function of one parameter per leaf that rebuilds the
structures and calls the function. The wrapper is converted like user code
(the function is inlined into it), once per structure.

Other objects given (a layer, a function, an instance of a user's class) are
compiled for, as Paddle's to_static does: the wrapper names each as a global
of its own, read by the importer as it reads the function's globals, and the
structure holds its identity (the wrapper keeps it alive, so the identity is
not reused while the compiled program exists)."""
import inspect
import linecache

import numpy as np

from ..compiler import marks, named_tuples
from ..eager import inplace
from ..eager.tensor import Tensor

_LEAF_TYPES = (Tensor, bool, int, float, str, type(None))


def normalize(value):
    """numpy arrays as tensors and numpy scalars as Python numbers."""
    if isinstance(value, np.ndarray):
        return Tensor(value)
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, (list, tuple)):
        items = [normalize(v) for v in value]
        if isinstance(value, list):
            return items
        return type(value)._make(items) if named_tuples.is_class(type(value)) else tuple(items)
    if isinstance(value, dict):
        return {k: normalize(v) for k, v in value.items()}
    if _is_dataclass_record(value):
        return named_tuples.make(type(value), [normalize(v) for v in
                                               named_tuples.values_of(value)])
    return value


def _is_dataclass_record(value):
    return named_tuples.is_dataclass(type(value))


def is_structured(value):
    return isinstance(value, (list, tuple, dict)) or _is_dataclass_record(value) or \
        is_compiled_for(value)


def is_compiled_for(value):
    """An object the program is compiled for, not passed at run time (not a
    leaf, not a container of leaves)."""
    return not isinstance(value, _LEAF_TYPES + (list, tuple, dict)) and \
        not _is_dataclass_record(value)


def _items(value):
    """The items of a container argument: a dict's values, a list's or a
    tuple's items, a dataclass record's fields."""
    if isinstance(value, dict):
        return list(value.values())
    return value if isinstance(value, list) else named_tuples.values_of(value)


def _holds_objects_only(value):
    """A container of compiled-for objects only (a list of layers), nested."""
    if not isinstance(value, (list, tuple, dict)) or named_tuples.is_class(type(value)):
        return False
    items = _items(value)
    return bool(items) and all(is_compiled_for(v) or _holds_objects_only(v) for v in items)


def structure_key(value):
    """What the wrapper depends on: the containers' shapes and classes (not
    the leaves); the objects compiled for, and a container of them, by
    identity (the wrapper holds that container: its items now are the key's)."""
    if _holds_objects_only(value):
        return ("objects", id(value)) + tuple(structure_key(v) for v in _items(value))
    if isinstance(value, dict):
        return ("dict",) + tuple((k, structure_key(v)) for k, v in value.items())
    if isinstance(value, (list, tuple)) or _is_dataclass_record(value):
        return (type(value),) + tuple(structure_key(v) for v in _items(value))
    if is_compiled_for(value):
        return ("object", id(value))
    return None


def check_compilable(value):
    """Raises TypeError for a container mixing objects the program is compiled
    for with tensors or numbers (`[layer, 0.5]`): the wrapper can bind
    neither the container nor its items."""
    if not is_structured(value) or is_compiled_for(value) or _holds_objects_only(value):
        return
    for item in _items(value):
        if is_compiled_for(item) or _holds_objects_only(item):
            raise TypeError(f"a compiled function takes tensors, Python numbers, strings, None "
                            f"and lists, tuples and dicts of them, or other objects (compiled "
                            f"for), not a {type(value).__name__} holding both, such as "
                            f"{type(item).__name__}")
        check_compilable(item)


def leaves(value, out):
    if isinstance(value, (list, tuple, dict)) or _is_dataclass_record(value):
        for v in _items(value):
            leaves(v, out)
    elif not is_compiled_for(value):
        out.append(value)
    return out


def make_wrapper(fn, instance, parameters, values, give_back=()):
    """A Python function of one parameter per leaf of `values` (the bound
    arguments of `fn`'s `parameters`) that calls `fn` with them rebuilt. The
    containers of the parameters named in `give_back` (those `fn` changes in
    place) are bound to names, so that the change reaches them, and returned
    after the result."""
    names = []
    bound = []
    classes = {}
    objects = {}

    def rebuild(value, base):
        if is_compiled_for(value) or _holds_objects_only(value):
            # A layer, or a list of layers: a global of the wrapper.
            objects[base] = value
            return base
        if isinstance(value, dict):
            for key in value:
                if not isinstance(key, (str, int, bool)):
                    raise TypeError(f"dict keys of compiled arguments must be strings or ints, "
                                    f"not {type(key).__name__}")
            return "{" + ", ".join(f"{k!r}: {rebuild(v, f'{base}_{i}')}"
                                   for i, (k, v) in enumerate(value.items())) + "}"
        if isinstance(value, (list, tuple)) or _is_dataclass_record(value):
            items = [rebuild(v, f"{base}_{i}") for i, v in enumerate(_items(value))]
            if isinstance(value, list):
                return "[" + ", ".join(items) + "]"
            if named_tuples.is_record(type(value)):
                # An instance of a record class: made again in the wrapper.
                cls = f"_class_{len(classes)}"
                classes[cls] = type(value)
                return f"{cls}({', '.join(items)})"
            return "(" + "".join(item + ", " for item in items) + ")"
        names.append(base)
        return base

    arguments = []
    for parameter, value in zip(parameters, values):
        text = rebuild(value, parameter.name)
        if parameter.name in give_back and is_structured(value):
            bound.append((f"_given_{parameter.name}", text))
            text = bound[-1][0]
        if parameter.kind == inspect.Parameter.VAR_POSITIONAL:
            arguments += [text[1:-1].rstrip(", ")] if value else []
        elif parameter.kind == inspect.Parameter.VAR_KEYWORD:
            arguments.append("**" + text)
        elif parameter.kind == inspect.Parameter.KEYWORD_ONLY:
            arguments.append(f"{parameter.name}={text}")
        else:
            arguments.append(text)
    name = f"{fn.__name__ if fn.__name__.isidentifier() else 'lambda'}_entry"
    filename = marks.ENTRY_FILENAME.format(fn.__qualname__)
    call = f"_target({', '.join(a for a in arguments if a)})"
    source = (f"def {name}({', '.join(names)}):\n"
              + "".join(f"    {local} = {text}\n" for local, text in bound)
              + f"    return {', '.join([call] + [local for local, _ in bound])}\n")
    target = fn.__get__(instance) if instance is not None else fn
    return define(source, filename, name, {"_target": target, **classes, **objects})


def update_in_place(given, changed, paired, path=()):
    """Makes the caller's container `given` hold what the function left in its
    copy `changed` (items set, appended, removed; containers inside it
    updated the same way, so that the caller's names of them see it too).
    Where `paired(keys)` says an item inside `given` (at `path` inside the
    argument) kept its place — `paired` None: every item did — the caller's
    tensor there takes the function's value in place (other names of it see
    a change made in place, as eagerly); elsewhere the function's tensor is
    the item."""
    def updated(old, new, key):
        return _updated(old, new, paired, path + (key,))
    if isinstance(given, list):
        for i in range(min(len(given), len(changed))):
            given[i] = updated(given[i], changed[i], i)
        del given[len(changed):]
        given.extend(changed[len(given):])
    elif isinstance(given, dict):
        for key in [k for k in given if k not in changed]:
            del given[key]
        for key, value in changed.items():
            given[key] = updated(given[key], value, key) if key in given else value
    elif isinstance(given, tuple):
        for i, (old, new) in enumerate(zip(given, changed)):
            updated(old, new, i)


def _updated(old, new, paired, path):
    """What the caller's `old` at `path` becomes, given the function's `new`."""
    if isinstance(old, tuple) and type(old) is type(new) and len(old) == len(new):
        # A tuple cannot change: the new one, holding the old containers
        # updated (`d["kv"] = (k, v)` replaces it; a list in it keeps its names).
        items = [_updated(o, n, paired, path + (i,)) for i, (o, n) in enumerate(zip(old, new))]
        return old._make(items) if hasattr(old, "_make") else tuple(items)
    if isinstance(old, Tensor) and isinstance(new, Tensor) and (paired is None or paired(path)):
        inplace.write(old, new._value)
        return old
    if is_structured(old) and type(old) is type(new):
        update_in_place(old, new, paired, path)
        return old
    if isinstance(old, np.ndarray) and isinstance(new, Tensor) and \
            old.shape == tuple(new.shape) and old.dtype == np.asarray(new).dtype:
        old[...] = np.asarray(new)  # a numpy array given stays one, changed in place
        return old
    return new


def define(source, filename, name, namespace):
    """The function `name` defined by generated `source` in `namespace`, its
    source registered with `linecache` so that the importer can read it."""
    exec(compile(source, filename, "exec"), namespace)
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    return namespace[name]
