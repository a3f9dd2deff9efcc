"""Record classes in compiled code: namedtuple classes and dataclasses. The
importer names each class it meets by a key (`Cache#0`; a dataclass's starts
with '@', `@Output#1`), which the `!pydy.named_tuple` type of its instances
carries; the runtime makes the caller's results instances of the class again
from the key. A dataclass instance is such a value with fields, but no tuple:
compiled code refuses to index, unpack or iterate it, as Python does."""
from __future__ import annotations

import collections
import dataclasses
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


def is_dataclass(obj):
    """Whether `obj` is a dataclass whose instances are records: made from
    their fields alone (every field an __init__ argument, no __post_init__)."""
    return isinstance(obj, type) and dataclasses.is_dataclass(obj) and \
        all(f.init for f in dataclasses.fields(obj)) and not hasattr(obj, "__post_init__")


def is_record(obj):
    """Whether `obj` is a class whose instances compiled code holds as records."""
    return is_class(obj) or is_dataclass(obj)


def fields_of(cls):
    """The field names of a record class, in order."""
    if is_class(cls):
        return list(cls._fields)
    return [f.name for f in dataclasses.fields(cls)]


def field_defaults(cls):
    """{field: default} of the fields a record class gives a value to."""
    if is_class(cls):
        return dict(cls._field_defaults)
    found = {}
    for f in dataclasses.fields(cls):
        if f.default is not dataclasses.MISSING:
            found[f.name] = f.default
        elif f.default_factory is not dataclasses.MISSING:
            found[f.name] = f.default_factory()
    return found


def values_of(record):
    """The field values of a record instance, in order."""
    if isinstance(record, tuple):
        return list(record)
    return [getattr(record, name) for name in fields_of(type(record))]


def make(cls, values):
    """An instance of the record class from its field values."""
    values = list(values)
    return cls._make(values) if is_class(cls) else cls(*values)


def key_of(cls):
    """The key of the record class `cls` (the same for the process's life)."""
    with _lock:
        key = _keys.get(cls)
        if key is None:
            mark = "" if is_class(cls) else "@"
            key = _keys[cls] = f"{mark}{cls.__name__}#{next(_counter)}"
            _classes[key] = cls
    return key


def type_key(cls):
    """The class key of the type of `cls`'s instances: its key, then those
    of the record classes it derives from, joined by '<'."""
    return "<".join(key_of(base) for base in cls.__mro__ if is_record(base))


def class_of(key, fields):
    """The class of a result's type key. A saved model loaded in another
    process does not know the class: a namedtuple (or a dataclass) of its
    name and fields stands in for it."""
    own = key.split("<")[0]
    with _lock:
        cls = _classes.get(own)
        if cls is None:
            name = own.split("#")[0]
            cls = _classes[own] = dataclasses.make_dataclass(name[1:], fields) \
                if name.startswith("@") else collections.namedtuple(name, fields)
    return cls
