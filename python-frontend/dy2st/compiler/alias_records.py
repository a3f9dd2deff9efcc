"""The records of `Aliases` (aliases.py): one per pair of names a statement
may make share an object (`y = x`, `y = x[i]`, `c = [x]`, `a, b = x`, `y =
f(x)`, ...), each with the kind of sharing it is, read off one statement
at a time."""
import ast
import collections
import types

from . import alias_forms as forms


def position_of(node):
    return (getattr(node, "lineno", 0) or 0, getattr(node, "col_offset", 0) or 0)


def end_of(node):
    """Where `node` ends (its start where the AST rewrites made it without
    an end)."""
    if getattr(node, "end_lineno", None) is None:
        return position_of(node)
    return (node.end_lineno, node.end_col_offset or 0)


class Alias:
    """`y = x` in a statement list (`block`) that ends at `block_end`, under
    the outermost loop `loop` (or None); `maybe`: `y = f(x)`, never certain;
    `view`: `y = x[index]` (names: y, x), numbered `key`."""

    def __init__(self, stmt, names, block, block_end, loop, maybe=False, view=False):
        self.stmt, self.names, self.block, self.block_end, self.loop, self.maybe = \
            stmt, names, block, block_end, loop, maybe
        self.view, self.key = view, None
        self.shown = stmt  # the statement an error names
        # Only a change through y counts (`for y in x`, `a, b = x` of a dict
        # or a list as much as a tensor: a change of x replaces its items).
        self.one_way = False
        self.binding_loop = None  # the `for` that binds y anew at each iteration
        # y is a container holding x's object or a view of it (`c = [x]`,
        # `c.append(x[0])`): only a change of one of its items reaches x.
        self.held = False
        # `a, b = b, a`: x is a target too, so only y names x's former object after it.
        self.exchanged = False
        # `c = [x]`, `c[0] = x` (names: x, c): x is c's item at this key (a
        # view alias whose index is known when converting); `unpacked`: `x, y
        # = c`, where c may be a tensor (x a row) or a list or tuple.
        self.item_key = None
        # `y = getattr(x, name)` of a name computed: y may be an attribute of
        # x, which outlives the call (x stands for it).
        self.attribute_of = False
        # `y = d.get(k)`, `y = a[i] if c else b`: y may be an item of x; a
        # change of x itself (not of its items) does not change y.
        self.item_of = False
        self.unpacked = False

    @property
    def may_be_row(self):
        """Whether y may be a row of a tensor x, sharing its memory (`y =
        x[i]`, `a, b = x`), rather than certainly an item of a container."""
        return self.view and (self.item_key is None or self.unpacked)


Context = collections.namedtuple("Context", "local lists dicts callee_of resolve constructs")
Context.__doc__ = """What the records of a function's statements depend on: its
local names, the names bound only to lists and those given a dict, and the
importer's `callee_of`, `resolve` and `constructs` (see Aliases)."""


def statement_aliases(stmt, statements, loop, context):
    """The Alias records `stmt` makes, a statement of the list `statements`
    under the outermost loop `loop` (or None)."""
    block = id(statements)
    local, lists, dicts = context.local, context.lists, context.dicts
    callee_of, resolve, constructs = context.callee_of, context.resolve, context.constructs
    found = []
    if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and \
            (isinstance(stmt.targets[0], ast.Name) or
             forms.attribute_name(stmt.targets[0])):
        target, value = stmt.targets[0], stmt.value
        y = target.id if isinstance(target, ast.Name) else forms.attribute_name(target)
        # (base, kind): `y = x` (or x's in-place result, or `y = obj.attr`),
        # `y = x[i]`, `y = x.view()`.
        copied = isinstance(value, ast.Subscript) and \
            isinstance(value.slice, ast.Slice) and \
            isinstance(value.value, ast.Name) and value.value.id in lists
        bases = [(value.id if isinstance(value, ast.Name) else
                  forms.attribute_name(value) or
                  forms.inplace_receiver(value, local) or forms.detached(value) or
                  forms.displayed_item(value), {}),
                 (value.value.id if isinstance(value, ast.Subscript) and
                  isinstance(value.value, ast.Name) and not copied else
                  forms.attribute_name(value.value)
                  if isinstance(value, ast.Subscript) else None, {"view": True}),
                 (forms.view_base(value, local), {"maybe": True})]
        for x, kind in bases:
            if x is not None and y != x and x in local:
                found.append(Alias(stmt, (y, x), block,
                                            end_of(statements[-1]), loop, **kind))
        # `y = a if c else b`, `y = a or b`, `y = d.get(k)`, ...: y may
        # name either (or an item).
        for x, item in forms.possibly_shared(value):
            if y != x and x in local:
                alias = Alias(stmt, (y, x), block, end_of(statements[-1]), loop,
                               maybe=True)
                alias.item_of = item
                found.append(alias)
        owner = forms.computed_attribute_owner(value)
        if owner is not None and owner != y and owner in local:
            alias = Alias(stmt, (y, owner), block, end_of(statements[-1]), loop,
                           maybe=True)
            alias.attribute_of = alias.one_way = True
            found.append(alias)
    for y, x, exchanged in forms.paired_names(stmt):
        if y != x and x in local:
            alias = Alias(stmt, (y, x), block, end_of(statements[-1]), loop)
            alias.exchanged = exchanged
            found.append(alias)
    if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and \
            isinstance(stmt.targets[0], ast.Name) and \
            isinstance(stmt.value, ast.Call) and constructs is not None and \
            constructs(stmt.value):
        # `s = State(h, c)`: s may hold h's object (`s.h`).
        given = stmt.value.args + [k.value for k in stmt.value.keywords]
        for argument in given:
            if isinstance(argument, ast.Name) and argument.id in local and \
                    argument.id != stmt.targets[0].id:
                alias = Alias(stmt, (stmt.targets[0].id, argument.id), block,
                               end_of(statements[-1]), loop, maybe=True)
                alias.held = True
                found.append(alias)
    for container, x, key in forms.held(stmt, local):
        if key is not None:
            alias = Alias(stmt, (x, container), block, end_of(statements[-1]), loop,
                           view=True)
            alias.item_key = key
        else:
            alias = Alias(stmt, (container, x), block, end_of(statements[-1]), loop,
                           maybe=True)
            alias.held = True
        found.append(alias)
    if isinstance(stmt, ast.For) and isinstance(stmt.target, ast.Name) and \
            isinstance(stmt.iter, (ast.List, ast.Tuple)):
        # `for b in [self.buf, x]`: b may name each item.
        for x, _ in forms.possibly_shared_operand(stmt.iter):
            if x != stmt.target.id and x in local:
                alias = Alias(forms.loop_head(stmt), (stmt.target.id, x),
                               id(stmt.body), end_of(stmt.body[-1]), loop, maybe=True)
                found.append(alias)
    unpacked = forms.unpacked_base(stmt)
    if unpacked is not None and unpacked[0] in local and \
            isinstance(stmt, ast.Assign) and unpacked[0] not in dicts and \
            (isinstance(stmt.value, ast.Name) or forms.attribute_name(stmt.value)):
        # `a, b = x`: a is x[0] (a row of a tensor, an item of a
        # list or tuple; a dict gives its keys, which none changes).
        x, elements = unpacked[0], stmt.targets[0].elts
        for key, element in enumerate(elements):
            if isinstance(element, ast.Name) and element.id != x:
                alias = Alias(stmt, (element.id, x), block, end_of(statements[-1]),
                               loop, view=True)
                alias.item_key, alias.unpacked = key, True
                found.append(alias)
    elif unpacked is not None and unpacked[0] in local:
        x, names = unpacked
        within = stmt.body if isinstance(stmt, ast.For) else statements
        at = stmt.target if isinstance(stmt, ast.For) else stmt
        for y in names:
            if y != x:
                alias = Alias(at, (y, x), id(within), end_of(within[-1]), loop,
                               maybe=True)
                if isinstance(stmt, ast.For):
                    alias.shown = forms.loop_head(stmt)
                    alias.binding_loop = stmt
                alias.one_way = isinstance(stmt, ast.For) or \
                    not isinstance(stmt.value, ast.Call)
                found.append(alias)
    inner = forms.view_operand(stmt.value, local) \
        if isinstance(stmt, ast.Assign) else None
    if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and \
            isinstance(stmt.targets[0], ast.Name) and \
            isinstance(inner, ast.Call) and callee_of is not None:
        # `y = f(x)`, and a view or item of it (`f(x).unsqueeze(0)`).
        callee = callee_of(inner)
        y = stmt.targets[0].id
        if isinstance(callee, types.FunctionType):
            for x in forms.argument_names(inner, callee, resolve, local=local):
                if y != x and x in local:
                    found.append(Alias(stmt, (y, x), block,
                                                end_of(statements[-1]), loop, True))
    return found
