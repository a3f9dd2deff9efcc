"""Compiled functions: `to_static`'s function object. A call is keyed by its
arguments' types; a new key imports the function (compiler layer) and
compiles it (the native extension), a known key calls the compiled code
(through the native dispatcher where it can)."""
from __future__ import annotations

import collections
import copy
import functools
import inspect
import os
import threading
import types
import warnings
import weakref
from typing import Any, Callable, Sequence

import numpy as np

from ..compiler import errors
from ..compiler.importer import Importer
from ..compiler.unit import (NewWrittenAttribute, RecursiveCaptures, Unit, flagged_attribute,
                             owns, pairs_for, tagged_attribute)
from ..compiler.reach import Reach
from ..compiler.marks import IGNORED_MODULES, NOT_TO_STATIC, ConvertedFunction, is_not_to_static
from ..compiler import named_tuples, returned_arrays, signature
from ..compiler.signature import InputSpec
from ..compiler.statements import code_signature
from ..eager import dtypes
from ..eager.tensor import Tensor
from ..nn import Layer
from . import entry, native, verbosity
from .guards import Guards

_cache_size = int(os.environ.get("DY2ST_CACHE_SIZE", "64"))
_enabled = True


def set_cache_size(size: int) -> int:
    """How many specializations (compiled signatures) each converted function
    keeps, the least recently used dropped first (default 64, or
    DY2ST_CACHE_SIZE); returns the previous size."""
    global _cache_size
    size = int(size)
    if size < 1:
        raise ValueError(f"set_cache_size() needs at least 1, not {size}")
    previous, _cache_size = _cache_size, size
    return previous


def enable(flag):
    """With False, every converted function runs eagerly (as Python)."""
    global _enabled
    _enabled = bool(flag)


def _signature_entry(value):
    """The specialization key and signature entry of one argument."""
    if isinstance(value, Tensor):
        entry = InputSpec.from_tensor(value).signature_entry()
        return entry, entry
    entry = signature.value_entry(value)
    if isinstance(value, float):
        # By its bits: -0.0 is not 0.0, and a NaN is one key.
        return ("float", value.hex()), entry
    return entry, entry


_Imported = collections.namedtuple("_Imported",
                                   "text captures declared written kept changed "
                                   "inner_changed inner_reaches entry "
                                   "guards arrays objects default_float")
"""An imported function: its pydy text, captured inputs, declared argument
types (input_spec), the attributes it assigns (written back after calls) and
for each where it is changed in place, how deep (compiler.reach.Reach; see
write_attribute), the parameters it changes in place (written to the
caller's tensors after calls), those the function an entry wrapper calls
changes (see _structured_call) and how deep inside each its changes went
(compiler.reach.Reach), the name of its pydy function, what it took from
objects (its Guards, or None), the places of its result that are NumPy
arrays or lists eagerly (compiler.returned_arrays), the functions it
assigns to attributes, by tag (compiler.unit.object_tag), and the default
float dtype it was imported under."""

_DISPATCHING: weakref.WeakSet = weakref.WeakSet()
"""The functions that serve calls from a dispatcher (without a look at their
import): a change of the default float dtype stops them (see
default_float_changed)."""


def default_float_changed() -> None:
    """paddle.set_default_dtype: the next call of each converted function
    takes the slow path, where its import, made under the old default, is
    found stale (StaticFunction._current)."""
    for function in list(_DISPATCHING):
        function._dispatcher = None


def _runtime_number_entry(value):
    """A Python number passed as a runtime value (not compiled for its value)."""
    if not isinstance(value, (bool, int, float)):
        raise TypeError(f"an attribute the method assigns was a number when it was converted "
                        f"and is now {type(value).__name__}")
    entry = signature.number_entry(value)
    return entry, entry


def _kinds_of(written):
    """What decides how the assigned attributes (object, name) were imported:
    for a dict or list, its keys and the kinds of its items too (it is
    changed in place)."""
    def kind(value):
        if isinstance(value, Tensor):
            return "tensor"
        if isinstance(value, bool):
            return "bool"
        if isinstance(value, (int, float)):
            return type(value).__name__
        if type(value) is dict:
            return ("dict", id(value), tuple((k, kind(v)) for k, v in value.items()))
        if type(value) is list:
            return ("list", id(value), tuple(kind(v) for v in value))
        return id(value) if value is not None else "none"
    return tuple(hasattr(obj, flagged_attribute(name)) if flagged_attribute(name) is not None
                 else kind(getattr(obj, name, None)) for obj, name in written)


def _native_argument(value):
    if value is None or isinstance(value, str):
        return False  # the placeholder of an argument compiled for its value
    if isinstance(value, Tensor):
        # Not np.ascontiguousarray: it makes a 0-d array 1-d.
        return np.asarray(value._value, order="C")
    return value


def _rebuild(structure, leaves):
    """The Python result from the flat results: a structure is None for a
    leaf, "none" for None, "text:..." for that string, "array" for a list
    whose items come stacked, "numbers" for a list of Python numbers that come
    as a 1-d array, "runtime_dict:numbers" / "runtime_dict:array" for a dict
    given keys at run time (its keys as numbers, then its values),
    "runtime_set" for a set of ints (its items as numbers), "optional" for a flag and a value (None where
    the flag is false), a tuple, list or dict of structures, a
    NamedTupleStructure (an instance of its class) or a TextChoiceStructure
    (a string chosen at run time: its leaf indexes its texts)."""
    if structure == "none":
        return None
    if isinstance(structure, str) and structure.startswith("text:"):
        return structure[len("text:"):]
    if structure == "array":
        return [Tensor(item) for item in next(leaves)]
    if structure == "numbers":
        return next(leaves).tolist()
    if structure == "runtime_set":
        return set(next(leaves).tolist())
    if structure in ("runtime_dict:numbers", "runtime_dict:array"):
        keys = next(leaves).tolist()
        return dict(zip(keys, _rebuild(structure.split(":")[1], leaves)))
    if structure == "optional":
        present, value = next(leaves), next(leaves)
        return _rebuild(None, iter([value])) if present else None
    if structure is None:
        leaf = next(leaves)
        return Tensor(leaf) if isinstance(leaf, np.ndarray) else leaf
    if isinstance(structure, dict):
        return {key: _rebuild(s, leaves) for key, s in structure.items()}
    if isinstance(structure, list):
        return [_rebuild(s, leaves) for s in structure]
    if isinstance(structure, tuple):
        return tuple(_rebuild(s, leaves) for s in structure)
    if isinstance(structure, native.module().TextChoiceStructure):
        return structure.texts[next(leaves)]
    cls = named_tuples.class_of(structure.class_key, structure.fields)
    return named_tuples.make(cls, (_rebuild(s, leaves) for s in structure.items))


_MAX_WRITTEN_ATTRIBUTES = 2000
"""More attributes assigned in converted code than this: an importer fault."""

_MAX_RECURSIVE_CAPTURES = 8
"""Recursive functions reading tensors from outside them an import finds
(each found starts it again)."""

_MAX_VARIANTS = 8
"""Earlier imports kept (train and eval, a few settings of an attribute)."""

_MISS = object()
"""What the dispatcher returns for a call it does not serve."""


def _shared_tensors(names, values):
    """The groups of parameters given one tensor, as tuples of names."""
    by_object: dict[int, list[str]] = {}
    for name, value in zip(names, values):
        if isinstance(value, Tensor):
            by_object.setdefault(id(value), []).append(name)
    return tuple(tuple(group) for group in by_object.values() if len(group) > 1)


class StaticFunction(ConvertedFunction):
    """A converted function: call it like the original."""

    def __init__(self, fn: Callable[..., Any], input_spec: Sequence[Any] | None = None,
                 backend: str = "cpu", instance: Any = None) -> None:
        functools.update_wrapper(self, fn)
        if backend not in ("cpu", "gpu"):
            raise ValueError(f"backend must be 'cpu' or 'gpu', not {backend!r}")
        self._fn = fn
        # Read at every call: computed once.
        self._signature = code_signature(fn)
        self._input_spec = list(input_spec) if input_spec is not None else None
        self._backend = backend
        self._instance = instance
        self._by_class: dict[type, StaticFunction] = {}
        self._training = True
        self._imported = None
        # Earlier imports with their compiled code, most recent first (see _import).
        self._variants: list[Any] = []
        self._compiled: collections.OrderedDict[Any, Any] = collections.OrderedDict()
        self._last = None
        # The inputs of the last call compiled (what jit.save saves by default).
        self._last_specs: list[InputSpec] | None = None
        self._without_spec: StaticFunction | None = None
        self._imported_kinds = ()
        self._entries: dict[Any, Any] = {}
        self._lock = threading.Lock()
        # Repeated calls of plain positional parameters go through the native
        # dispatcher (made at the first compile), without this file's Python.
        params = list(self._signature.parameters.values())[1 if instance is not None else 0:]
        self._dispatchable = all(p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
                                 for p in params)
        self._positional_count = len(params)
        self._defaults = tuple(p.default for p in params if p.default is not p.empty)
        self._dispatcher = None
        # Parameters given one tensor (`f(x, x)`) where the function changes
        # one in place: a conversion that knows they share it, per grouping.
        self._shared_params: tuple[tuple[str, ...], ...] = ()
        self._sharing_variants: dict[Any, StaticFunction] = {}

    def __get__(self, instance, owner):
        if instance is None:
            return self
        # One converted function, with its own cache, per layer object (per
        # class under @classmethod: a class's __dict__ cannot be written).
        kept, key = (self._by_class, instance) if isinstance(instance, type) else \
            (instance.__dict__, "_dy2st_static_" + self._fn.__name__)
        bound = kept.get(key)
        if bound is None:
            bound = StaticFunction(self._fn, self._input_spec, self._backend, instance)
            kept[key] = bound
        return bound

    @property
    def dygraph_function(self) -> Callable[..., Any]:
        return self._fn

    @property
    def class_instance(self) -> Any:
        """The object (a layer) whose method this is, else None (Paddle's name)."""
        return self._instance

    def rollback(self) -> Callable[..., Any]:
        """Paddle's way back to eager: a method runs its own code again on
        its object (returned bound); a function's code is returned."""
        if self._instance is None or isinstance(self._instance, type):
            return self._fn
        name = self._fn.__name__
        if self._instance.__dict__.get(name) is self:
            del self._instance.__dict__[name]  # to_static(layer) put it there
        else:
            self._instance.__dict__[name] = types.MethodType(self._fn, self._instance)
        return getattr(self._instance, name)

    def __deepcopy__(self, memo: dict[int, Any]) -> Any:
        """As Paddle: a method's copy is converted for the copy of its object
        (compiled anew, since compiled code reads the parameters of the object
        it was converted for); a function's copy is its eager code."""
        if self._instance is None or isinstance(self._instance, type):
            return self._fn
        instance = memo.get(id(self._instance))
        if instance is None:
            instance = copy.deepcopy(self._instance, memo)
        copied = StaticFunction(self._fn, self._input_spec, self._backend, instance)
        copied._training = self._training
        return copied

    def train(self) -> None:
        """Paddle's mode switch of a converted function. A Layer's method
        follows its layer (switched by Layer.train()); a function's mode is
        recorded, and changes nothing it computes (as eagerly)."""
        self._switch_mode(True)

    def eval(self) -> None:
        """See train()."""
        self._switch_mode(False)

    def _switch_mode(self, training):
        if isinstance(self._instance, Layer) and self._instance.training is not training:
            mode = "train" if training else "eval"
            raise RuntimeError(f"Failed to switch {mode} mode. {self._fn} is a Layer's method, "
                               f"please use Layer.{mode}() to switch {mode} mode.")
        self._training = training

    def _argument_error(self, name, error):
        return TypeError(f"{self._fn.__qualname__}() argument '{name}': {error}")

    def program_specs(self) -> list[Any] | None:
        """The inputs of the program jit.save saves without input_spec: the
        declared input_spec, else those of the last call compiled (tensors
        only), as Paddle saves the program its calls made."""
        return self._input_spec if self._input_spec is not None else self._last_specs

    def _parameters(self):
        names = list(self._signature.parameters)
        return names[1:] if self._instance is not None else names

    def _import(self):
        if self._imported is not None and not self._current(self._imported, self._imported_kinds):
            # An attribute the method assigns changed kind (None → tensor), or
            # one it reads as a constant changed value (`layer.eval()`): another
            # import of the function, kept with its compiled code so that going
            # back (`layer.train()`) compiles nothing.
            self._variants.insert(0, (self._imported, self._imported_kinds, self._compiled))
            self._imported, self._compiled, self._dispatcher = None, collections.OrderedDict(), None
            for i, (imported, kinds, compiled) in enumerate(self._variants):
                if self._current(imported, kinds):
                    del self._variants[i]
                    self._imported, self._imported_kinds, self._compiled = \
                        imported, kinds, compiled
                    break
            del self._variants[_MAX_VARIANTS:]
        if self._imported is None:
            arg_types = {}
            if self._input_spec is not None:
                for name, spec in zip(self._parameters(), self._input_spec):
                    if isinstance(spec, Tensor):
                        spec = InputSpec.from_tensor(spec)
                    if isinstance(spec, InputSpec):
                        arg_types[name] = spec.mlir_type()
            written, preset = [], {}
            while True:
                try:
                    importer = Importer(self._fn, arg_types, self._instance,
                                        unit=Unit(written, preset),
                                        shared_params=self._shared_params)
                    text = importer.import_module()
                    break
                except RecursiveCaptures as e:
                    # A recursive function's captures: passed by its calls from the start.
                    # (A second import of one raises no more: check_recursion.)
                    if len(preset) >= _MAX_RECURSIVE_CAPTURES:
                        raise errors.Dy2StError("dy2st could not pass the tensors a recursive "
                                                "function reads to its calls (an internal "
                                                "error)") from None
                    preset[e.key] = e.captures
                except NewWrittenAttribute as e:
                    # An attribute of a layer is assigned: threaded from the start.
                    # Each import finds one more; a pair found again (or no end) is
                    # a fault of the importer, reported rather than looped on.
                    again = any(owns(obj, e.pair[0]) and attr == e.pair[1]
                                for obj, attr in written)
                    if again or len(written) >= _MAX_WRITTEN_ATTRIBUTES:
                        raise errors.Dy2StError(
                            f"dy2st could not thread the assigned attribute {e.pair[1]!r} "
                            f"({len(written)} threaded already; an internal error)") from None
                    written.extend(pairs_for(e.pair))
                except errors.Dy2StError as e:
                    # The error names the user's line; the importer's frames would bury it.
                    raise e.with_traceback(None) from None
            kept = importer.unit.kept_attributes()
            written = [(obj, attr) for obj, attr, _ in kept]
            self._imported = _Imported(text, importer.captures, arg_types, written,
                                       [reach for _, _, reach in kept],
                                       importer.mutated_params, importer.changed_by_callees,
                                       importer.reaches_by_callees,
                                       importer.node.name,
                                       Guards([(origin.reader(importer.unit.guards), value,
                                                by_identity)
                                               for origin, value, by_identity
                                               in importer.unit.guards.values()])
                                       if importer.unit.guards else None,
                                       importer.arrays_returned(), importer.unit.objects,
                                       dtypes.default_float())
            verbosity.report(2, f"converted {self._fn.__qualname__}")
            verbosity.show_code(self._fn.__qualname__, self._imported.text)
            self._imported_kinds = _kinds_of(written)
        return self._imported

    @staticmethod
    def _current(imported, kinds):
        """Whether `imported` (with its assigned attributes' `kinds`) is the
        function as it would be imported now."""
        return imported.default_float == dtypes.default_float() and \
            (not imported.written or _kinds_of(imported.written) == kinds) and \
            (imported.guards is None or imported.guards.hold())

    @property
    def compiled_signatures(self) -> list[Any]:
        """The signatures compiled so far (one entry per specialization)."""
        return list(self._compiled)

    @property
    def code(self) -> str:
        """The function as imported: pydy IR with the user's source locations."""
        return self._import().text

    def mlir(self, stage: str = "specialized") -> str:
        """The IR of the last compiled specialization at `stage`: "pydy",
        "specialized", "core" (linalg/scf on tensors) or "llvm"."""
        if self._last is None:
            raise RuntimeError("the function has not been compiled yet: call it first")
        return self._last.stage(stage)

    def _bind(self, args, kwargs):
        signature = self._signature
        if self._instance is not None:
            args = (self._instance,) + tuple(args)
        try:
            bound = signature.bind(*args, **kwargs)
        except TypeError as e:
            raise TypeError(f"{self._fn.__qualname__}() {e}") from None
        bound.apply_defaults()
        values = list(bound.arguments.values())
        return values[1:] if self._instance is not None else values

    def _structured_call(self, values, given):
        """A call with lists, tuples or dicts among the arguments: through the
        entry wrapper of their structure (see `entry`). The containers the
        function changes in place are written to those the caller `given`."""
        params = list(self._signature.parameters.values())
        if self._instance is not None:
            params = params[1:]
        key = tuple(entry.structure_key(v) for v in values)
        wrapper, given_back = self._entries.get(key, (None, ()))
        if wrapper is None:
            wrapper = self._entry_wrapper(params, values, ())
            imported = wrapper._import()
            # The containers the function changes in place come back after
            # its result, to be written to the caller's, each with whether an
            # item at a path keeps its place (entry.update_in_place).
            reaches = {p.name: imported.inner_reaches.get(p.name, Reach()) for p in params
                       if p.name in imported.inner_changed}
            given_back = [(name, reach.pairing()) for name, reach in reaches.items()]
            mixed = [name for name, reach in reaches.items() if reach.mixed()]
            if mixed:
                raise errors.Dy2StError(
                    f"{self._fn.__qualname__}() changes tensors inside its argument "
                    f"'{mixed[0]}' in place and also replaces or moves items of it: dy2st cannot "
                    "tell which of the caller's tensors take the change; change its items "
                    "either in place only or by assigning them only")
            if given_back:
                wrapper = self._entry_wrapper(params, values, [name for name, _ in given_back])
            self._entries[key] = wrapper, given_back
        result = wrapper(*[leaf for v in values for leaf in entry.leaves(v, [])])
        if not given_back:
            return result
        arguments = dict(zip((p.name for p in params), given))
        for (name, paired), changed in zip(given_back, result[1:]):
            entry.update_in_place(arguments[name], changed, paired)
        return result[0]

    def _check_attributes_pair(self, written, reaches):
        """After the compile's own errors (they name the line): an attribute
        whose tensors changed in place where items were also replaced or
        moved cannot be written back with its tensors paired by place."""
        mixed = [attr for (_, attr), reach in zip(written, reaches)
                 if reach is not None and reach.mixed()]
        if mixed:
            raise errors.Dy2StError(
                f"{self._fn.__qualname__}() changes tensors inside the attribute '{mixed[0]}' "
                "in place and also replaces or moves items of it: dy2st cannot tell which of "
                "the object's tensors take the change; change its items either in place only "
                "or by assigning them only")

    def _declared_fits(self, values):
        """Whether the tensors given fit the declared input_spec."""
        for value, spec in zip(values, self._input_spec):
            if isinstance(spec, Tensor):
                spec = InputSpec.from_tensor(spec)
            if isinstance(spec, InputSpec) and isinstance(value, Tensor) and \
                    not spec.accepts(value):
                return False
        return True

    def _undeclared(self):
        """The function converted for the tensors it is given, for calls that
        do not fit the declared input_spec: Paddle's to_static runs them, so
        this does too, with a warning (once) that the declaration is not used."""
        if self._without_spec is None:
            warnings.warn(f"{self._fn.__qualname__}() was called with tensors that do not fit "
                          f"its input_spec {self._input_spec}: compiled for the tensors given",
                          stacklevel=3)
            self._without_spec = StaticFunction(self._fn, None, self._backend, self._instance)
        return self._without_spec

    def _entry_wrapper(self, params, values, given_back):
        fn = entry.make_wrapper(self._fn, self._instance, params, values, given_back)
        # Declared specs stay with the parameters that are tensors themselves.
        specs = None
        if self._input_spec is not None:
            by_name = dict(zip((p.name for p in params), self._input_spec))
            specs = [by_name.get(name) for name in inspect.signature(fn).parameters]
        return StaticFunction(fn, specs, self._backend)

    def _evict(self):
        """Keeps the most recently used specializations (see set_cache_size):
        the others are dropped, and with them their machine code (the
        dispatcher, which refers to them, starts afresh)."""
        if len(self._compiled) <= _cache_size:
            return
        while len(self._compiled) > _cache_size:
            self._compiled.popitem(last=False)
        self._dispatcher = None

    def _sharing(self, shared):
        """The conversion for calls that give the parameter groups `shared`
        one tensor each."""
        variant = self._sharing_variants.get(shared)
        if variant is None:
            variant = StaticFunction(self._fn, self._input_spec, self._backend, self._instance)
            variant._shared_params = shared
            self._sharing_variants[shared] = variant
        return variant

    def _remember(self, values, compiled):
        """Serves later calls on arguments like `values` from the dispatcher."""
        if not self._dispatchable:
            return
        if self._dispatcher is None:
            arrays = self._imported.arrays
            rebuild = _rebuild if not arrays else \
                (lambda structure, leaves: returned_arrays.of_call(_rebuild(structure, leaves),
                                                                   arrays))
            self._dispatcher = native.module().Dispatcher(
                self._positional_count, self._defaults, Tensor, rebuild, _MISS)
            _DISPATCHING.add(self)
        self._dispatcher.remember(values, compiled)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        dispatcher = self._dispatcher
        if dispatcher is not None and not kwargs and _enabled and \
                not (NOT_TO_STATIC or IGNORED_MODULES) and \
                (self._imported.guards is None or self._imported.guards.hold()):
            captures = self._imported.captures
            result = dispatcher(args, [c.read() for c in captures] if captures else ())
            if result is not _MISS:
                return result
        if not _enabled or is_not_to_static(self._fn):
            if self._instance is not None:
                return self._fn(self._instance, *args, **kwargs)
            return self._fn(*args, **kwargs)
        given = self._bind(args, kwargs)
        values = [entry.normalize(v) for v in given]
        if self._input_spec is not None and not self._declared_fits(values):
            return self._undeclared()(*args, **kwargs)
        if any(entry.is_structured(v) for v in values):
            for name, value in zip(self._parameters(), values):
                try:
                    entry.check_compilable(value)
                except TypeError as e:
                    raise self._argument_error(name, e) from None
            return self._structured_call(values, given)
        text, captures, declared, written, attribute_kept, changed, _, _, entry_symbol, _, \
            arrays, objects, _ = self._import()
        shared = _shared_tensors(self._parameters(), values)
        if shared and not self._shared_params and \
                any(name in changed for group in shared for name in group):
            return self._sharing(shared)(*args, **kwargs)
        values += [c.read() for c in captures]
        names = self._parameters() + [c.label for c in captures]
        keys, entries = [], []
        runtime_numbers = {c.label for c in captures if c.number}
        for name, value in zip(names, values):
            try:
                key, entry_of_value = _signature_entry(value)
            except TypeError as e:
                raise self._argument_error(name, e) from None
            if name in runtime_numbers:
                key, entry_of_value = _runtime_number_entry(value)
            if name in declared and isinstance(value, Tensor):
                key = ("spec", declared[name])
            keys.append(key)
            entries.append(entry_of_value)
        key = tuple(keys)
        with self._lock:
            compiled = self._compiled.get(key)
            if compiled is None:
                try:
                    described = ", ".join(signature.describe(e) for e in entries)
                    with verbosity.compiling(self._fn.__qualname__, described) as outcome:
                        compiled = native.module().compile(text, entry_symbol, entries,
                                                           self._backend)
                        self._check_attributes_pair(written, attribute_kept)
                        if compiled.from_disk_cache:
                            outcome["done"] = "read from the disk cache"
                except native.module().CompileError as e:
                    raise errors.from_compiler(e) from None
                self._compiled[key] = compiled
                self._evict()
            else:
                self._compiled.move_to_end(key)
            self._last = compiled
            inputs = values[:len(values) - len(captures)]
            self._last_specs = [InputSpec.from_tensor(v) for v in inputs] \
                if all(isinstance(v, Tensor) for v in inputs) else None
            if not written and not changed:
                self._remember(values, compiled)
        leaves = compiled([_native_argument(v) for v in values])
        result = _rebuild(compiled.result_structure, iter(leaves))
        if written or changed:
            # `self.attr = ...` in forward: the values at the end, written back;
            # then the arguments changed in place, written to the caller's tensors.
            result, attributes = result[0], result[1:]
            # An attribute the object lacked is written back where the call assigned it.
            assigned = {(id(obj), flagged_attribute(name)): bool(value)
                        for (obj, name), value in zip(written, attributes)
                        if flagged_attribute(name) is not None}
            # An attribute holding functions: its tag says which (-1: None).
            functions = {(id(obj), tagged_attribute(name)): None if tag < 0 else objects[tag]
                         for (obj, name), tag in zip(written, attributes)
                         if tagged_attribute(name) is not None}
            for (obj, name), kept, value in zip(written, attribute_kept, attributes):
                flag = assigned.get((id(obj), name))
                if flagged_attribute(name) is None and tagged_attribute(name) is None and \
                        flag is not False:
                    value = functions.get((id(obj), name), value)
                    write_attribute(obj, name, value, kept, flag is True)
            arguments = dict(zip(names, values))
            for name, value in zip(changed, attributes[len(written):]):
                write_into(arguments[name], value)
        return returned_arrays.of_call(result, arrays) if arrays else result


def write_attribute(obj, name, value, reach, assigned=False):
    """`obj.name = value` after a call (not for None where the object lacks
    the attribute, unless the call `assigned` it); a tensor the call changed by in-place
    operations, or a dict or list it changed by item (`reach`, not None: how
    deep the changes went, compiler.reach.Reach), keeps its identity, as
    eagerly: the containers and the tensors that kept their places in it too,
    so that every name for them sees the change (entry.update_in_place, as
    for a container argument)."""
    if value is None and not assigned and not hasattr(obj, name):
        return
    current = getattr(obj, name, None)
    if reach is not None and type(current) in (dict, list) and type(current) is type(value):
        entry.update_in_place(current, value, reach.pairing())
    elif reach is not None and isinstance(current, Tensor) and isinstance(value, Tensor):
        # Changed only by in-place operations (`self._mean.scale_(m)`): the
        # same tensor, a parameter still, takes the value, as eagerly.
        current._value = value._value
    else:
        setattr(obj, name, value)


def write_into(tensor, value):
    """Gives `tensor` the contents of `value` in place, as the eager change
    of the function's argument would have."""
    if isinstance(tensor, Tensor):
        new = np.asarray(value)
        if new.dtype != tensor._value.dtype or new.shape != tensor._value.shape:
            # An in-place operation that changed its dtype or shape
            # (`x.equal_(y)`, `x.reshape_(...)`): eagerly the tensor takes the
            # new array.
            tensor._value = np.array(new)
        else:
            tensor._value[...] = new
    elif isinstance(tensor, np.ndarray):
        tensor[...] = np.asarray(value)
