"""The importer's compile-time containers: loops over Python containers of
layers (a LayerList, Sequential, LayerDict, ParameterDict, a dict of layers)
unrolled as Python runs them, and items of them read by a literal index or
key (a mixin of Importer)."""
import ast

from ..eager.tensor import Tensor
from ..nn import Layer, LayerDict, LayerList, ParameterDict, ParameterList, Sequential
from . import pybuiltins, pydytext
from .statements import chained, leaving_one_trip, located, loop_exits
from .unit import Contents, Item, Origin, Static

_LARGEST_TABLE = 256
"""The most items of a dict of literals read at a key known only when
running (each is one comparison of the program)."""


def _along(origin, steps):
    """`origin` followed by `steps` (attribute names and indices), or None."""
    for step in steps:
        origin = origin.child(Item(step) if isinstance(step, int) else step) \
            if origin is not None else None
    return origin


class StaticContainers:
    """Importer's methods for the Python containers of compile-time objects."""

    def static_iterable(self, node):
        """A list or tuple of compile-time objects (layers) being iterated, if
        it is one; an empty one an object holds (a layer without hooks) too:
        the loop runs no time, so its body is not imported. `list(...)` or
        `tuple(...)` of one is one too."""
        if isinstance(node, ast.Call) and len(node.args) == 1 and not node.keywords and \
                any(self.is_builtin(node.func, kind) for kind in (list, tuple)):
            held = self.static_iterable(node.args[0])
            return Static(list(held.obj)) if held is not None else None
        if not isinstance(node, (ast.Name, ast.Attribute)) or \
                (isinstance(node, ast.Name) and self.is_local(node.id) and
                 node.id != self.self_name and node.id not in self.static_names):
            return None
        owner = self.static_object(node.value) if isinstance(node, ast.Attribute) else None
        held = getattr(owner, node.attr, None) if owner is not None else None
        if type(held) in (list, tuple) and not held and not self.written_attribute(node):
            origin = Origin("object", owner, [node.attr])
            self.guard_value(held, origin)
            return Static(held, origin)
        value = self.expr_or_static(node)
        if isinstance(value, Static) and isinstance(value.obj, (LayerList, ParameterList,
                                                                 Sequential)):
            return value
        if isinstance(value, Static) and isinstance(value.obj, (list, tuple)) and \
                not all(isinstance(v, (bool, int, float)) for v in value.obj):
            return value
        return None

    def static_entries(self, node):
        """The items of a loop over a Python container of compile-time objects
        (see static_iterable) or over a mapping of layers or parameters (a
        LayerDict or ParameterDict, its keys(), values() or items()), each a
        list of (object, origin): what the
        loop's target names; else None."""
        query = self.layer_structure_query(node)
        if query is not None:
            # `for p in self.parameters()`, `for name, layer in self.named_children()`.
            found, owner = query
            return [[(obj, _along(owner.origin, steps))] if name is None else
                    [(name, None), (obj, _along(owner.origin, steps))]
                    for name, obj, steps in found]
        iterable = self.static_iterable(node)
        if iterable is not None:
            # Items by index as `self.blocks[i]` reads them: one capture of each.
            return [[(item, iterable.origin.child(Item(i)) if iterable.origin is not None else None)]
                    for i, item in enumerate(iterable.obj)]
        view = None
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                node.func.attr in ("keys", "values", "items") and not node.args and \
                not node.keywords:
            view, node = node.func.attr, node.func.value
        if not isinstance(node, (ast.Name, ast.Attribute)) or \
                (isinstance(node, ast.Name) and self.is_local(node.id) and
                 node.id != self.self_name and node.id not in self.static_names):
            return None
        mapping = self.expr_or_static(node)
        if not (isinstance(mapping, Static) and (isinstance(mapping.obj, (LayerDict, ParameterDict)) or (
                type(mapping.obj) is dict and
                any(isinstance(v, Layer) for v in mapping.obj.values())))):
            return None

        def value_of(key):
            origin = mapping.origin.child(Item(key)) if mapping.origin is not None else None
            return (mapping.obj[key], origin)
        if view == "values":
            return [[value_of(key)] for key in mapping.obj]
        if view == "items":
            return [[(key, None), value_of(key)] for key in mapping.obj]
        return [[(key, None)] for key in mapping.obj]

    def static_enumerate(self, node):
        """The entries (see static_entries) of `enumerate(layers)` over
        compile-time objects, each led by its index (a start is added to the
        index by `statements`)."""
        if not (isinstance(node, ast.Call) and self.is_builtin(node.func, enumerate) and
                len(node.args) == 1 and not node.keywords):
            return None
        entries = self.static_entries(node.args[0])
        if entries is None:
            return None
        return [[(index, None), entry] for index, entry in enumerate(entries)]

    def unrolled_for(self, node, entries):
        """A loop over a Python container of compile-time objects runs as Python
        does: its body is imported once per entry, its target bound to the
        entry's objects (a name, or a tuple of names for a pair). Where the
        body has a `continue` or `break` of its own (an expert skipped when no
        token chose it), each copy is a one-trip loop that its `continue`
        leaves, and a `break` also sets a flag that skips the copies after."""
        body, stopped = node.body, None
        if loop_exits(node.body):
            stopped = self.hold(node, self.constant(False, node), kind="stopped")
            once = f"once.{self.hidden}"
            self.scopes[-1].add(once)
            body = [located(ast.For(ast.Name(once, ast.Store()),
                                    ast.Call(ast.Name("range", ast.Load()), [ast.Constant(1)], []),
                                    leaving_one_trip(node.body, stopped), [], None), node)]
        bound = set()
        assigned = {n.id for statement in node.body for n in ast.walk(statement)
                    if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Load)}
        for k, entry in enumerate(entries):
            self.bind_static_target(node.target, entry, node, bound)
            for name in bound & assigned:
                self.static_keys.pop(name, None)
            if stopped is not None and k > 0:
                self.block([located(ast.If(ast.UnaryOp(ast.Not(), ast.Name(stopped, ast.Load())),
                                           body, []), node)])
            else:
                self.block(body)
        for name in bound:
            self.static_names.pop(name, None)
            self.static_keys.pop(name, None)
        return False

    def bind_static_target(self, target, entry, node, bound):
        """Binds `target` to an entry of static_entries: a name to one
        (object, origin), a tuple of names or pairs to a list of them."""
        if isinstance(entry, tuple):
            if not isinstance(target, ast.Name):
                self._fail(target, "the target of a loop over a Python container of layers "
                                   "must be a name, or names for its pairs")
            value = self.outside_object(entry[0], node, entry[1])
            bound.add(target.id)
            self.static_keys.pop(target.id, None)
            if type(entry[0]) in (int, str):
                # A key the body reads unchanged indexes containers of layers
                # (`self.blocks[name]`), as a literal would.
                self.static_keys[target.id] = entry[0]
            if isinstance(value, Static):
                self.static_names[target.id] = value
            else:
                self.static_names.pop(target.id, None)
                self.store(target.id, value, node)
            return
        if len(entry) == 1:
            return self.bind_static_target(target, entry[0], node, bound)
        if not (isinstance(target, ast.Tuple) and len(target.elts) == len(entry)):
            self._fail(target, f"the target of this loop must be {len(entry)} names: its "
                               f"items are pairs")
        for part, item in zip(target.elts, entry):
            self.bind_static_target(part, item, node, bound)

    def literal_table(self, held, node):
        """The keys and the values (tuples) of `held`, a dict of Python
        literals the code reads at a key known only when running, guarded by
        its items; None for another object, or one too large to compile as
        a chain of comparisons."""
        if type(held) is not dict or not 0 < len(held) <= _LARGEST_TABLE or not all(
                v is None or isinstance(v, (bool, int, float, str))
                for v in list(held) + list(held.values())):
            return None
        self.guard_contents(held)
        return (self.outside_object(tuple(held), node, None),
                self.outside_object(tuple(held.values()), node, None))

    def guard_contents(self, held):
        """The program holds what `held` (a dict from outside) holds now:
        changed in place, the function is imported again."""
        contents = Contents(held)
        self.unit.guards.setdefault(contents.key(), (contents, held.copy(), False))

    def string_keys(self, held, node):
        """The keys of `held`, a non-empty dict under string keys (a table of
        functions: `name in WINDOWS`), as a tuple value; else None."""
        if type(held) is not dict or not held or not all(isinstance(k, str) for k in held):
            return None
        self.guard_contents(held)
        return self.outside_object(tuple(held), node, None)

    def entry_chosen_at_run_time(self, node, held, key, otherwise):
        """`WINDOWS.get(name[, default])` (`key`, `otherwise`: the name, the
        default) or `WINDOWS[name]` of a dict of functions or layers under
        string keys: the entry under `name == key`, chained, which folds to
        one where `name` is known when compiling (an argument's string);
        `otherwise` for a key it lacks. None for other dicts."""
        if type(held) is not dict or not held or \
                not all(isinstance(k, str) and callable(v) for k, v in held.items()):
            return None
        self.hidden += 1
        table = f"entries.{self.hidden}"
        self.static_names[table] = Static(held)
        self.guard_contents(held)
        return self.chosen_by_key(node, list(held), key, lambda k: ast.Subscript(
            ast.Name(table, ast.Load()), ast.Constant(k), ast.Load()), otherwise)

    def chosen_by_key(self, node, keys, key, item, otherwise=None):
        """`item(k)` under `name == k` for each of `keys`, chained, `name` the
        string `key` gives (evaluated once): folds to one item where it is
        known when compiling; `otherwise` (Python's KeyError unless given)
        for a key not among them."""
        name = ast.Name(self.hold(key), ast.Load())
        if otherwise is None:
            self.static_names["_dy2st_dict_key_error"] = Static(pybuiltins.dict_key_error)
            otherwise = ast.Call(ast.Name("_dy2st_dict_key_error", ast.Load()), [name], [])
        chain = chained([(ast.Compare(name, [ast.Eq()], [ast.Constant(k)]), item(k))
                         for k in keys], otherwise)
        return self.expr(located(chain, node))

    def static_subscript(self, node, base):
        """An item of a compile-time container (`self.layers[0]`, `self.params["w"]`)
        or a slice of it (`self.blocks[1:]`): its index must be a literal."""
        key = node.slice
        if isinstance(key, ast.Slice):
            try:
                bounds = [None if p is None else ast.literal_eval(p)
                          for p in (key.lower, key.upper, key.step)]
                part = base.obj[slice(*bounds)] \
                    if all(b is None or type(b) is int for b in bounds) else None
            except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
                part = None
            if part is None:
                self._fail(node, f"a slice of {self.describe_static(base)} must have literal "
                                 "int bounds in compiled code")
            return self.outside_object(part, node, None)
        if isinstance(key, ast.UnaryOp) and isinstance(key.op, ast.USub) and \
                isinstance(key.operand, ast.Constant):
            key = ast.Constant(-key.operand.value)
        if isinstance(key, ast.Name) and key.id in self.static_keys:
            key = ast.Constant(self.static_keys[key.id])
        if not isinstance(key, ast.Constant) or not isinstance(key.value, (int, str)):
            held = base.obj
            if type(held) in (list, tuple) and held and \
                    all(isinstance(v, Tensor) for v in held):
                # Tensors a layer keeps in a Python list (Paddle's PTB model's
                # weights), read at an index known when running: the list as
                # a value (outside_object's), each item an input.
                value = self.outside_object(held, node, base.origin)
                return self.written(node, pydytext.subscript(value, self.index(node.slice)))
            table = self.literal_table(held, node)
            if table is not None:
                # `ID_TO_WORD[int(tok)]`: the value of the key equal to it.
                return self.helper_call(node, pybuiltins.dict_item,
                                        list(table) + [self.expr(node.slice)])
            chosen = self.entry_chosen_at_run_time(node, held, node.slice, None)
            if chosen is not None:
                return chosen
            self._fail(node, f"an index of {self.describe_static(base)} must be a literal int or "
                             "string in compiled code")
        try:
            item = base.obj[key.value]
        except (IndexError, KeyError, TypeError) as e:
            self._fail(node, f"{self.describe_static(base)}[{key.value!r}]: {e}",
                       unsupported=False)
        position = key.value
        if isinstance(position, int) and position < 0 and hasattr(base.obj, "__len__"):
            position += len(base.obj)
        origin = base.origin.child(Item(position)) if base.origin is not None else None
        return self.outside_object(item, node, origin)
