"""Namedtuple classes in compiled code. The importer names each class it
meets by a key (`Cache#0`), which the `!pydy.named_tuple` type of its
instances carries; the runtime makes the caller's results instances of the
class again from the key."""
from __future__ import annotations

import collections
import itertools
import threading
from typing import Any

_keys: dict[type, str] = {}
_classes: dict[str, Any] = {}
_counter = itertools.count()
_lock = threading.Lock()


def is_class(obj):
    """Whether `obj` is a namedtuple class (collections.namedtuple,
    typing.NamedTuple, or a class derived from one)."""
    return isinstance(obj, type) and issubclass(obj, tuple) and \
        isinstance(getattr(obj, "_fields", None), tuple)


def key_of(cls):
    """The key of the namedtuple class `cls` (the same for the process's life)."""
    with _lock:
        key = _keys.get(cls)
        if key is None:
            key = _keys[cls] = f"{cls.__name__}#{next(_counter)}"
            _classes[key] = cls
    return key


def type_key(cls):
    """The class key of the type of `cls`'s instances: its key, then those
    of the namedtuple classes it derives from, joined by '<'."""
    return "<".join(key_of(base) for base in cls.__mro__ if is_class(base))


def class_of(key, fields):
    """The class of a result's type key. A saved model loaded in another
    process does not know the class: a namedtuple of its name and fields
    stands in for it."""
    own = key.split("<")[0]
    with _lock:
        cls = _classes.get(own)
        if cls is None:
            cls = _classes[own] = collections.namedtuple(own.split("#")[0], fields)
    return cls
