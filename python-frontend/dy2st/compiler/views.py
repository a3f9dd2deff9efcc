"""Views made by indexing (a mixin of Importer). Eagerly, as in Paddle 3.3,
`y = x[index]` with a basic index (integers, 0-d integer tensors, slices,
None, ...) is a view of the tensor x: a change made in place to y reaches x
at `index`, and one made to x reaches y. Compiled code treats tensors as
values, so the importer keeps the index of such an assignment (and whether
the subscript is a view at all, which the specialization folds from the
types: a list's item or an index tensor's gather is no view) in hidden
variables, and at each change in place through one name (aliases.py finds
the names) gives the other its new value under that condition."""
import ast

from . import pybuiltins, pydytext
from .pydytext import OBJECT
from .statements import located
from .unit import Static


def _basic_syntax(node):
    """Whether the index item `node` is basic whatever the values: a slice,
    None, ... or an integer literal."""
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        node = node.operand
    if isinstance(node, ast.Slice):
        return True
    return isinstance(node, ast.Constant) and (
        node.value is None or node.value is Ellipsis or
        (isinstance(node.value, int) and not isinstance(node.value, bool)))


class Views:
    def view_assignment(self, node, alias):
        """`y = x[index]` that aliases.py found to be a view alias: the
        index and whether it is a view kept for later changes. Returns False
        where x is a compile-time object (the assignment is then an ordinary
        one)."""
        subscript = node.value
        base = self.expr_or_static(subscript.value)
        if isinstance(base, Static):
            self.static_views.add(alias.key)
            return False
        items = subscript.slice.elts if isinstance(subscript.slice, ast.Tuple) else \
            [subscript.slice]
        values = [self.index(item) for item in items]
        index = self.written(subscript.slice, pydytext.sequence("tuple", values)) \
            if isinstance(subscript.slice, ast.Tuple) else values[0]
        checked = []
        for position, (item, value) in enumerate(zip(items, values)):
            if not _basic_syntax(item):
                checked.append(self.hidden_name(f"view.{alias.key}.item.{position}", value,
                                                item))
        self.hidden_name(f"view.{alias.key}.index", index, subscript)
        self.hidden_name(f"view.{alias.key}.is",
                         self.folded_test(pybuiltins.is_view_index, subscript.value, subscript,
                                          checked), subscript)
        self.hidden_name(f"view.{alias.key}.container",
                         self.folded_test(pybuiltins.is_container, subscript.value, subscript),
                         subscript)
        self.views_made.add(alias.key)
        value = self.numpy_item(subscript.value,
                                self.written(subscript, pydytext.subscript(base, index)))
        self.assign(node.targets[0], value, node)
        return True

    def item_assignment(self, node, alias):
        """`c = [x, y]`, `c = {"k": x}`, `c[k] = x` or `x, y = c` that
        aliases.py found to make x an item of c at a key known here
        (`alias.item_key`): kept as a view alias's hidden variables, x being
        c[key] where c is a list, tuple or dict (a display is one; `c[k] = x`
        into a tensor copies x), or a view of c's row where c is a tensor."""
        target = node.targets[0]
        self.hidden_name(f"view.{alias.key}.index", self.constant(alias.item_key, node), node)
        if alias.unpacked:
            # `a, b = x`: a row of a tensor, or an item of a list or tuple.
            view = self.folded_test(pybuiltins.is_view_index, node.value, node)
            container = self.folded_test(pybuiltins.is_sequence, node.value, node)
        elif isinstance(target, ast.Subscript):
            view = self.constant(False, node)
            container = self.folded_test(pybuiltins.is_container, target.value, target)
        else:
            view, container = self.constant(False, node), self.constant(True, node)
        self.hidden_name(f"view.{alias.key}.is", view, node)
        self.hidden_name(f"view.{alias.key}.container", container, node)
        self.views_made.add(alias.key)

    def unfollowed_row(self, row, base, statement, origin):
        """`base` changed in place at `origin` after a row was taken from it
        (`statement`: `for row in base`, `a, b = base`), and `row`, which
        holds it, read later:
        a compile error where `base` is a tensor (its rows are views, which
        see the change eagerly), nothing where it is a list or a tuple (their
        items are replaced, not changed). Which it is is known once
        specialized."""
        guard = self.folded_test(pybuiltins.is_view_index, ast.Name(base, ast.Load()), origin)
        taken = ast.unparse(statement).splitlines()[0].strip()
        message = (f"'{base}' is changed in place here while '{row}', which holds a row of "
                   f"it ({taken}, line {self._where(statement)[1]}), is read later: a row of "
                   f"a tensor is a view of it and sees the change eagerly, but compiled code "
                   f"treats tensors as values; read '{base}' again after the change, or take "
                   f"a copy of the row (.clone())")
        self.emit(f"pydy.if {guard.name} : {guard.type} {{")
        self.depth += 1
        self.emit(f'pydy.unsupported "{pydytext.escape(message)}" {self.loc(origin)}')
        self.depth -= 1
        self.emit("} else {")
        self.emit("} " + self.loc(origin))

    def folded_test(self, test, value, at, extra=()):
        """The call of the pybuiltins predicate `test` on the expression `value`
        (and `extra` names) at `at`: what kind of object it is, known once
        specialized."""
        call = located(ast.Call(func=value, args=[value] + list(extra), keywords=[]), at)
        return self.python_call(call, test, None)

    def hidden_name(self, name, value, node):
        """`value` kept in the hidden variable `name`; its Name node."""
        self.scopes[-1].add(name)
        self.store(name, value, node)
        return located(ast.Name(name, ast.Load()), node)

    def follow_view(self, shared, origin, reach):
        """After a change in place at `origin`, `shared.name` (the view or
        the base x of its alias `y = x[index]`) takes its new value from the
        other: where x is a tensor and the index a view's (the two share
        memory), and where x is a list or a dict whose item y names, when y
        changes or the change reaches into x's items (replacing x's items
        changes no object y names). Where x's items may have been replaced,
        moved or dropped since, y may no longer be x[index]: a compile error
        once x is known to be a container. `reach`: how deep inside
        `shared.name`'s object the change went (see store_changed)."""
        alias = shared.alias
        view, base = alias.names
        if alias.key in self.static_views and shared.name == base:
            attribute = self.aliases.attributes.get(base)
            if attribute is not None and \
                    type(self.static_object(attribute)) in (list, tuple, dict):
                # A Python container attribute read as a constant so far:
                # threaded from now on (the import starts again), then followed.
                self.written_attribute(attribute, assigned=True)
            shown = ast.unparse(alias.shown).splitlines()[0].strip()
            self._fail(origin, f"'{view}' is an item of '{base}', an object outside the "
                               f"function ({shown}, line {self._where(alias.shown)[1]}), "
                               "whose tensors compiled code reads as inputs: a change in "
                               f"place through '{view}' would not reach it; change it through "
                               "an attribute (self.fc.weight.scale_(0.5)), or assign a copy")
        if alias.key not in self.views_made:
            return
        if alias.unpacked and shared.name == view and not shared.replaced:
            self._unpacked_again(alias, shared.item, origin, reach)
            return

        def follow_item():
            if shared.name == base or shared.item:
                self.emit_if(self.load(f"view.{alias.key}.container", origin), origin,
                             lambda: self._item_moved(alias, origin) if shared.replaced else
                             self._take_from_other(alias, shared.name, origin, reach))
        self.emit_if(self.load(f"view.{alias.key}.is", origin), origin,
                     lambda: self._take_from_other(alias, shared.name, origin, reach), follow_item)

    def _unpacked_again(self, alias, item, origin, reach):
        """`a, b = x` and x changed in place: a is x[k] again where x is a
        tensor (a row), or a list or tuple whose item changed (`item`); a
        dict gave its keys, which stay (pybuiltins.unpacked_item decides,
        folded once specialized: a branch per kind would join a key with a
        dict's item)."""
        view, base = alias.names
        node = self.aliases.attributes.get(base) or located(ast.Name(base, ast.Load()), origin)
        call = located(ast.Call(func=node, args=[
            node, ast.Constant(alias.item_key), located(ast.Name(view, ast.Load()), origin),
            ast.Constant(bool(item))], keywords=[]), origin)
        self.store_changed(view, self.python_call(call, pybuiltins.unpacked_item, None), origin,
                           reach)

    def emit_if(self, condition, origin, then, otherwise=None):
        """A `pydy.if` on `condition` whose regions `then()` and `otherwise()` emit."""
        self.emit(f"pydy.if {condition.name} : {condition.type} {{")
        self.depth += 1
        then()
        self.depth -= 1
        self.emit("} else {")
        if otherwise is not None:
            self.depth += 1
            otherwise()
            self.depth -= 1
        self.emit("} " + self.loc(origin))

    def _take_from_other(self, alias, name, origin, reach):
        view, base = alias.names
        index = self.load(f"view.{alias.key}.index", origin)
        whole = self.shared_value(base, origin)
        if name == base:
            part = self.shared_value(view, origin)
            new = self.op(origin, f"pydy.setitem {whole.name}[{index.name}] = {part.name} "
                                  f"{{item_changed}} : ({whole.type}, {index.type}, "
                                  f"{part.type}) -> {OBJECT}")
            self.store_changed(name, new, origin, reach)
        else:
            self.store_changed(name, self.written(origin, pydytext.subscript(whole, index)),
                               origin, reach)

    def _item_moved(self, alias, origin):
        view, base = alias.names
        shown = ast.unparse(alias.shown).splitlines()[0].strip()
        message = (f"'{view}' names an item of '{base}' ({shown}, line "
                   f"{self._where(alias.shown)[1]}), and items of '{base}' may have been "
                   f"replaced, moved or dropped since, so dy2st cannot tell whether the change "
                   f"in place here reaches the other; change the item through one name only")
        self.emit(f'pydy.unsupported "{pydytext.escape(message)}" {self.loc(origin)}')
