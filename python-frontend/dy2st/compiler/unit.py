"""What an import reads and produces: compile-time objects (Static) and how
to read a value again (Origin), captured inputs (Capture), and the Unit of
functions one conversion imports, with the attributes it threads."""
import dataclasses
import functools
import inspect
import operator

import numpy as np

from ..eager.tensor import Tensor
from ..nn import Layer
from .reach import Reach


class Static:
    """A compile-time Python object: a module, a function, a layer, `self`."""

    def __init__(self, obj, origin=None):
        self.obj = obj
        # Where it was read from, so a tensor reached through it can be read
        # again at every call: an Origin, or None.
        self.origin = origin


@dataclasses.dataclass(frozen=True)
class Item:
    """A step of an Origin's path that reads an item (`[key]`) of a dict or
    list, not an attribute."""
    key: object


class Origin:
    """How to read a value again: from a namespace by name, or from an object
    by attribute, then through attributes and items."""

    def __init__(self, kind, root, path, name=None):
        self.kind = kind          # "namespace" or "object"
        self.root = root          # a dict (globals), a function (closure) or an object
        self.path = path          # names, the first one looked up in the root
        # What the code calls an object root other than `self` (a global, an
        # argument compiled for): the labels' first name.
        self.name = name

    def child(self, name):
        return Origin(self.kind, self.root, self.path + [name], self.name)

    def key(self):
        return (self.kind, id(self.root), tuple(self.path))

    def label(self):
        prefix = self.name or "self" if self.kind == "object" else ""
        text = prefix
        for name in self.path:
            if isinstance(name, Item):
                text += f"[{name.key!r}]"
            else:
                text += f"[{name}]" if isinstance(name, int) else f".{name}"
        return text.lstrip(".")

    def reader(self, guards):
        """`read` as a fast function, for guards (a layer has hundreds, read
        at every call): where the object at the path's prefix is itself a
        guard by identity in `guards` (Unit.guards), the last step from that
        object, taken once (its guard checks it is still the one); else the
        whole path, by a C attribute getter where it is all attributes."""
        if self.kind == "object":
            if not self.path:
                return self.read
            if len(self.path) == 1:
                return _step_reader(self.root, self.path[0])
            prefix = guards.get(Origin(self.kind, self.root, self.path[:-1]).key())
            if prefix is not None:
                _, parent, by_identity = prefix
                if by_identity:
                    return _step_reader(parent, self.path[-1])
            if all(isinstance(n, str) for n in self.path):
                return functools.partial(operator.attrgetter(".".join(self.path)), self.root)
        elif isinstance(self.root, dict) and len(self.path) == 1:
            # A module's (or an entry wrapper's) global, read once per call.
            return functools.partial(operator.getitem, self.root, self.path[0])
        elif callable(self.root) and len(self.path) == 1 and \
                self.path[0] in self.root.__code__.co_freevars:
            # A closure's variable: its cell's contents.
            cell = self.root.__closure__[self.root.__code__.co_freevars.index(self.path[0])]
            return functools.partial(_CELL_CONTENTS, cell)
        return self.read

    def read(self):
        if self.kind == "object":
            obj = self.root
            names = self.path
        else:
            namespace = self.root
            if callable(namespace):
                namespace = inspect.getclosurevars(namespace).nonlocals
            obj = namespace[self.path[0]]
            names = self.path[1:]
        for name in names:
            if isinstance(name, Item):
                obj = obj[name.key]
            else:
                obj = obj[name] if isinstance(name, int) else getattr(obj, name)
        return obj


_CELL_CONTENTS = operator.attrgetter("cell_contents")


def _step_reader(obj, name):
    """A function reading `obj[name.key]` or `obj.name` (a layer's sublayer
    or parameter from its registry, not through its Python __getattr__)."""
    if isinstance(name, Item) or isinstance(name, int):
        return functools.partial(operator.getitem, obj, name.key if isinstance(name, Item) else name)
    if isinstance(obj, Layer):
        return obj.attribute_reader(name)
    return functools.partial(getattr, obj, name)


class Contents:
    """How to read a dict's items again: the guard of a table compiled whole
    (`ID_TO_WORD[int(tok)]`), which holds while they are the same."""

    def __init__(self, mapping):
        self.mapping = mapping

    def key(self):
        return ("contents", id(self.mapping))

    def reader(self, guards):
        return self.mapping.copy


class Capture:
    """A tensor read by the function from outside: an extra program input,
    read again (through its origin) at every call. A `number` capture (an
    attribute the entry method assigns) is a Python number read at run time."""

    def __init__(self, label, origin, number=False):
        self.label = label
        self.origin = origin
        self.number = number
        self._reader = None

    def read(self):
        if self._reader is None:
            # (Once: a layer's parameter is then read from its registry.)
            self._reader = self.origin.reader({})
        value = self._reader()
        if self.number:
            return value
        if isinstance(value, np.ndarray) and value.dtype.kind in "biuf":
            # A NumPy array an object holds (an RNN's h_0): read as a tensor.
            return Tensor(value)
        if not isinstance(value, Tensor):
            raise TypeError(f"'{self.label}' was a tensor when the function was converted and "
                            f"is now {type(value).__name__}")
        return value


class Unit:
    """The functions imported for one converted function: the entry and every
    function it calls."""

    def __init__(self, written=(), preset_captures=None):
        self.functions = {}
        # {function key: its captures}: a recursive function's, found by an
        # import before (RecursiveCaptures), taken from its start so that
        # its recursive calls pass them all.
        self.preset_captures = preset_captures or {}
        self.texts = []
        self.stack = []
        self.recursive = set()
        # Attributes of compile-time objects (layers) that converted code
        # assigns, as (object, name): state threaded through every function
        # of the unit (taken as hidden parameters, returned with the result)
        # and written back to the objects after the entry's call.
        self.written = list(written)
        # The instances of plain classes this import made, in order (MadeObject).
        self.made = []
        # The indices in `written` of attributes assigned whole (`self.cache =
        # {}`): written back by setattr; a dict or list only changed by item
        # (`self.cache[k] = t`) is updated in place, as eagerly.
        self.replaced = set()
        # How deep inside each attribute's object its changes in place went,
        # by index in `written` (compiler.reach.Reach): the tensors kept in
        # place inside it stay the object's own.
        self.reaches = {}
        # What the import took from objects, by Origin key: (origin, value,
        # by identity). Values compiled as constants (`self.training`,
        # `self.dropout_rate`) are compared by value, objects the code was
        # converted for (`self.head`, `self.act`) by identity; the program
        # holds while each still reads so (see Imported guards).
        self.guards = {}
        # Whether a lambda calls a function that may raise: a lambda cannot
        # return early, so the exception is recorded and it goes on; calls
        # of function values (which may be such lambdas) test for it after.
        self.raising_lambdas = False
        # The compile-time objects whose identities key `functions` (a bound
        # method is made anew at each read): held while the unit imports, so
        # that no other object takes one's identity.
        self.held = []
        # The functions converted code assigns to attributes (`RollWrapper._roll
        # = paddle.roll`), by tag: compiled code holds a function only as code
        # it inlines, so the attribute's tag (see object_tag) says which one
        # it holds after the call.
        self.objects = []

    def tag_of(self, obj):
        """The tag of a function assigned to an attribute (its index in
        `objects`)."""
        for i, known in enumerate(self.objects):
            if known is obj:
                return i
        self.objects.append(obj)
        return len(self.objects) - 1

    def kept_attributes(self):
        """The (object, name, Reach of the changes in place or None where it
        is assigned whole) of the attributes written back after the entry's
        call (not those of objects the call made)."""
        return [(obj, attr, None if i in self.replaced else self.reaches.get(i, Reach()))
                for i, (obj, attr) in enumerate(self.written) if not isinstance(obj, MadeObject)]


@dataclasses.dataclass(frozen=True)
class MadeObject:
    """The key in Unit.written of an object the import itself made (the
    `index`-th instance of a plain class created in converted code): each
    import makes it anew, so it is known by its place in that order. Its
    assigned attributes are threaded through the unit's functions like a
    layer's, from the values it was made with, but not written back: the
    object belongs to the call, as eagerly."""
    index: int


def owns(known, key):
    """Whether `known`, the object of a pair of Unit.written, is `key` (an
    object, or the MadeObject of one the import made)."""
    return known is key or (isinstance(known, MadeObject) and known == key)


_BOUND = "#bound"


def bound_flag(attr):
    """The name in Unit.written of the flag of an attribute its object
    lacked when importing: a Python bool threaded like the attribute, True
    once converted code assigns it; reading it before is Python's
    AttributeError, and only an assigned one is written back."""
    return attr + _BOUND


def flagged_attribute(name):
    """The attribute whose flag `name` is (see bound_flag), else None."""
    return name[:-len(_BOUND)] if name.endswith(_BOUND) else None


_OBJECT = "#object"


def object_tag(attr):
    """The name in Unit.written of the tag of an attribute converted code
    assigns functions to: an int threaded like the attribute, the index in
    Unit.objects of the function it holds (-1: None); the function itself is
    written back after the call, from the tag."""
    return attr + _OBJECT


def tagged_attribute(name):
    """The attribute whose tag `name` is (see object_tag), else None."""
    return name[:-len(_OBJECT)] if name.endswith(_OBJECT) else None


def pairs_for(pair):
    """The pairs Unit.written takes for a newly assigned attribute: it, and
    its flag where the object (not one the import made) lacks it now."""
    obj, attr = pair
    if isinstance(obj, MadeObject) or hasattr(obj, attr) or tagged_attribute(attr) is not None:
        return [pair]
    return [pair, (obj, bound_flag(attr))]


class RecursiveCaptures(Exception):
    """A recursive function reads tensors from outside it, which its
    recursive calls pass, but only those found before each call: the import
    starts again with them known (Unit.preset_captures)."""

    def __init__(self, key, captures):
        super().__init__(key)
        self.key = key
        self.captures = captures


class NewWrittenAttribute(Exception):
    """An attribute the unit did not thread yet is assigned: the import starts
    again with it (jit.StaticFunction._import)."""

    def __init__(self, pair):
        super().__init__(pair)
        self.pair = pair
