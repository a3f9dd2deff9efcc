"""Two names for one object: `y = x`. Python shares the object, so a change
made in place through one name (`y[i] = v`, `y.append(v)`) is seen through
the other, where compiled code treats tensors and lists as values. At each
such change the importer asks `Aliases.at_change`: the names that certainly
share the object there get the changed value too; a name that only may share
it (the aliasing ran in a branch the change is not in, or one of the names
may have been assigned since) is reported where it is read later.

`y = x.add_(v)` (Paddle's in-place methods return their receiver) and
`y = x.detach()` are `y = x`. `y = f(x)` where the Python function `f` may
return its argument (`return p`, also through further calls and recursion)
only may share: `f` may return another object on other paths.

`y = x[index]` of a tensor is a view of x, as Paddle's basic indexing is: a
change of y reaches x at `index`, and one of x reaches y (the importer
guards both with whether the index is basic, known once specialized); of a
list, tuple or dict it is x's item, and so is x of `c = [x, y]` or `c[k] =
x` (at a key known here). The other views Paddle makes (`y =
x.reshape(...)`, `x.T`, `x.transpose(...)`, ...) share x's memory only where
x's layout allows: they only may share.

Attributes of names (`self.buf`, "self.buf") are names here too; assigning
the object's name, or calling a user's method of it, may give one another
object. Names keep sharing an object through a name assigned since (`c = a;
t = a; a = b`), and `a, b = b, a` gives b what a named."""
import ast
import collections
import types

from . import alias_forms as forms
from . import list_extensions
from .comprehensions import COMPREHENSION
from .statements import owners, replaced_containers


def _position(node):
    return (getattr(node, "lineno", 0) or 0, getattr(node, "col_offset", 0) or 0)


def _end(node):
    """Where `node` ends (its start where the AST rewrites made it without
    an end)."""
    if getattr(node, "end_lineno", None) is None:
        return _position(node)
    return (node.end_lineno, node.end_col_offset or 0)


class _Alias:
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


Shared = collections.namedtuple("Shared", "name source alias item replaced")
Shared.__doc__ = """A name that certainly shares the changed object: it takes its
new value from `source` through `alias`; `item`: whether the change reaches
into an item of `source` (not only replaces items of a container);
`replaced`: whether, where `alias` is `y = x[k]` of a container x, an item
of x may have been replaced, moved or dropped since (then y may no longer be
x[k])."""


def _between(positions, statement, at, outside):
    """Whether one of `positions` lies after `statement` and before `at`, or
    in one of the loops `outside` (around `at`, not holding `statement`)."""
    return any(_end(statement) < p < at or any(s <= p <= e for s, e in outside)
               for p in positions)


def key_of(alias):
    """The key known here at which a view or item alias's name is its base's
    item (`c = [x]`: 0; `y = c["k"]`: "k"), else None."""
    if alias.item_key is not None:
        return alias.item_key
    value = getattr(alias.stmt, "value", None)
    if alias.view and isinstance(value, ast.Subscript) and isinstance(value.slice, ast.Constant):
        return value.slice.value
    return None


def _other_keys(a, b):
    """Whether the keys `a` and `b` (known here, else None) certainly name
    different items: different strings, or different ints of one sign (-1
    and 2 may be one item of a list of 3)."""
    if a is None or b is None or a == b or type(a) is not type(b):
        return False
    return isinstance(a, str) or (isinstance(a, int) and (a < 0) == (b < 0))


def _is_comprehension(name):
    return name.startswith(f"_dy2st_{COMPREHENSION}_")


class Aliases:
    def __init__(self, body, params, callee_of=None, resolve=None, constructs=None):
        """`callee_of(call)`: the Python function a call in `body` calls (or
        None); `resolve(fn, name)`: what a global name of `fn` refers to;
        `constructs(call)`: whether a call makes an object of a class of the
        user's (a named tuple, a dataclass), which may hold its arguments."""
        stores = collections.defaultdict(list)
        self._reads = collections.defaultdict(list)
        # The spans of the statements without a body of their own: a change
        # happens after the reads of the statement that makes it.
        self._simple = []
        self._replacing = collections.defaultdict(list)  # where a container's items change
        # The attributes of names (`self.buf`, "self.buf"), analysed as
        # variables: their first node, for the importer to read or write them.
        self.attributes = {}
        # (position, objects) of calls of the user's functions that may assign
        # attributes of those objects (a method's own, its arguments').
        calls = []
        for stmt in body:
            for n in ast.walk(stmt):
                if isinstance(n, ast.Call) and callee_of is not None and \
                        isinstance(callee_of(n), types.FunctionType):
                    given = [n.func.value] if isinstance(n.func, ast.Attribute) else []
                    given += n.args + [k.value for k in n.keywords]
                    objects = [g.id if isinstance(g, ast.Name) else forms.attribute_name(g)
                               for g in given]
                    calls.append((_position(n), [o for o in objects if o is not None]))
                for container in replaced_containers(n):
                    self._replacing[container].append(_position(n))
                name = n.id if isinstance(n, ast.Name) else forms.attribute_name(n)
                if name is not None:
                    into = stores if isinstance(n.ctx, (ast.Store, ast.Del)) else self._reads
                    into[name].append(_position(n))
                    if not isinstance(n, ast.Name):
                        self.attributes.setdefault(name, n)
                elif isinstance(n, ast.stmt) and not hasattr(n, "body"):
                    self._simple.append((_position(n), _end(n)))
        for name in self.attributes:
            # Assigning the object's name gives the attribute another object
            # too, and so may a call of a function given the object.
            for owner in owners(name):
                stores[name] += stores.get(owner, [])
                stores[name] += [at for at, objects in calls if owner in objects]
        self._stores = stores
        self._params = set(params)
        local = set(stores) | set(params) | set(self.attributes)
        self._aliases = []
        self._loops = []  # the span of every loop
        # Per statement list: (position, names, end) of its plain assignments, and its span.
        self._assignments = collections.defaultdict(list)
        self._blocks = {}
        # Names bound only to lists: a slice of one is a copy (of a tensor, a view).
        lists = list_extensions.list_names(ast.Module(body=body, type_ignores=[]),
                                           lambda name: list if name == "list" else None,
                                           params)
        # Names given a dict (`d = {...}`): unpacking one gives its keys.
        dicts = {n.targets[0].id for stmt in body for n in ast.walk(stmt)
                 if isinstance(n, ast.Assign) and len(n.targets) == 1 and
                 isinstance(n.targets[0], ast.Name) and
                 isinstance(n.value, (ast.Dict, ast.DictComp))}

        def visit(statements, loop):
            block = id(statements)
            if statements:
                self._blocks[block] = (_position(statements[0]), _end(statements[-1]))
            for stmt in statements:
                if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                    continue
                if isinstance(stmt, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
                    targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
                    targets = [e for t in targets
                               for e in (t.elts if isinstance(t, (ast.Tuple, ast.List)) else [t])]
                    names = [t.id if isinstance(t, ast.Name) else forms.attribute_name(t)
                             for t in targets]
                    self._assignments[block].append((_position(stmt), set(names) - {None},
                                                     _end(stmt)))
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
                            self._aliases.append(_Alias(stmt, (y, x), block,
                                                        _end(statements[-1]), loop, **kind))
                    # `y = a if c else b`, `y = a or b`, `y = d.get(k)`, ...: y may
                    # name either (or an item).
                    for x, item in forms.possibly_shared(value):
                        if y != x and x in local:
                            alias = _Alias(stmt, (y, x), block, _end(statements[-1]), loop,
                                           maybe=True)
                            alias.item_of = item
                            self._aliases.append(alias)
                    owner = forms.computed_attribute_owner(value)
                    if owner is not None and owner != y and owner in local:
                        alias = _Alias(stmt, (y, owner), block, _end(statements[-1]), loop,
                                       maybe=True)
                        alias.attribute_of = alias.one_way = True
                        self._aliases.append(alias)
                for y, x, exchanged in forms.paired_names(stmt):
                    if y != x and x in local:
                        alias = _Alias(stmt, (y, x), block, _end(statements[-1]), loop)
                        alias.exchanged = exchanged
                        self._aliases.append(alias)
                if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and \
                        isinstance(stmt.targets[0], ast.Name) and \
                        isinstance(stmt.value, ast.Call) and constructs is not None and \
                        constructs(stmt.value):
                    # `s = State(h, c)`: s may hold h's object (`s.h`).
                    given = stmt.value.args + [k.value for k in stmt.value.keywords]
                    for argument in given:
                        if isinstance(argument, ast.Name) and argument.id in local and \
                                argument.id != stmt.targets[0].id:
                            alias = _Alias(stmt, (stmt.targets[0].id, argument.id), block,
                                           _end(statements[-1]), loop, maybe=True)
                            alias.held = True
                            self._aliases.append(alias)
                for container, x, key in forms.held(stmt, local):
                    if key is not None:
                        alias = _Alias(stmt, (x, container), block, _end(statements[-1]), loop,
                                       view=True)
                        alias.item_key = key
                    else:
                        alias = _Alias(stmt, (container, x), block, _end(statements[-1]), loop,
                                       maybe=True)
                        alias.held = True
                    self._aliases.append(alias)
                if isinstance(stmt, ast.For) and isinstance(stmt.target, ast.Name) and \
                        isinstance(stmt.iter, (ast.List, ast.Tuple)):
                    # `for b in [self.buf, x]`: b may name each item.
                    for x, _ in forms.possibly_shared_operand(stmt.iter):
                        if x != stmt.target.id and x in local:
                            alias = _Alias(forms.loop_head(stmt), (stmt.target.id, x),
                                           id(stmt.body), _end(stmt.body[-1]), loop, maybe=True)
                            self._aliases.append(alias)
                unpacked = forms.unpacked_base(stmt)
                if unpacked is not None and unpacked[0] in local and \
                        isinstance(stmt, ast.Assign) and unpacked[0] not in dicts and \
                        (isinstance(stmt.value, ast.Name) or forms.attribute_name(stmt.value)):
                    # `a, b = x`: a is x[0] (a row of a tensor, an item of a
                    # list or tuple; a dict gives its keys, which none changes).
                    x, elements = unpacked[0], stmt.targets[0].elts
                    for key, element in enumerate(elements):
                        if isinstance(element, ast.Name) and element.id != x:
                            alias = _Alias(stmt, (element.id, x), block, _end(statements[-1]),
                                           loop, view=True)
                            alias.item_key, alias.unpacked = key, True
                            self._aliases.append(alias)
                elif unpacked is not None and unpacked[0] in local:
                    x, names = unpacked
                    within = stmt.body if isinstance(stmt, ast.For) else statements
                    at = stmt.target if isinstance(stmt, ast.For) else stmt
                    for y in names:
                        if y != x:
                            alias = _Alias(at, (y, x), id(within), _end(within[-1]), loop,
                                           maybe=True)
                            if isinstance(stmt, ast.For):
                                alias.shown = forms.loop_head(stmt)
                                alias.binding_loop = stmt
                            alias.one_way = isinstance(stmt, ast.For) or \
                                not isinstance(stmt.value, ast.Call)
                            self._aliases.append(alias)
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
                                self._aliases.append(_Alias(stmt, (y, x), block,
                                                            _end(statements[-1]), loop, True))
                inner = loop
                if isinstance(stmt, (ast.For, ast.While)) and \
                        not getattr(stmt, "dy2st_try_body", False):
                    # (A `try` body's one-trip loop runs its statements once.)
                    self._loops.append((_position(stmt), _end(stmt)))
                    inner = loop or stmt
                for field in ("body", "orelse", "finalbody"):
                    visit(getattr(stmt, field, []), inner)
                for handler in getattr(stmt, "handlers", []):
                    visit(handler.body, inner)

        visit(body, None)
        for key, alias in enumerate([a for a in self._aliases if a.view], 1):
            alias.key = key

    def view_at(self, stmt):
        """The view alias `stmt` makes (`y = x[index]`), or None."""
        return next((a for a in self._aliases
                     if a.view and a.stmt is stmt and a.item_key is None), None)

    def items_at(self, stmt):
        """The aliases of the names `stmt` makes items of a container at a
        key known here (`c = [x, y]`, `c[0] = x`)."""
        return [a for a in self._aliases if a.stmt is stmt and a.item_key is not None]

    def at_change(self, name, change):
        """For a change made in place to `name` at the node `change`: the
        names that certainly share its object or memory there (through chains
        of aliases and views: `v = b; w = v[0]`, and through names assigned
        since: `c = a; t = a; a = b` leaves c and t sharing), as `Shared`
        records in the order the values follow; (partner, aliasing statement)
        of one that only may and is read later, or None; and the rows taken
        from a changed name before (`for row in x`, `a, b = x`) and read
        later, as (the name read, the name the row was taken from, aliasing
        statement): views of it where it is a tensor, which compiled code does
        not follow (the importer makes that a compile error once the kinds are
        known)."""
        if _is_comprehension(name):
            # Filled right after it is made (comprehensions.py): shared by none.
            return [], None, []
        sharing, doubtful, rows = [], None, []
        changed_key = change.slice.value if isinstance(change, ast.Subscript) and \
            isinstance(change.slice, ast.Constant) else None
        pending = [(name, forms.changes_an_item(change), changed_key)]
        seen, used = {name}, set()
        while pending:
            source, item, key = pending.pop(0)
            certain, found = self._partners(source, change, item, key=key)
            doubtful = doubtful or found
            rows += [(row, source, shown) for row, shown in self._rows_read_after(source, change)]
            for partner, alias, replaced in certain:
                if partner not in seen:
                    seen.add(partner)
                    used.add(id(alias))
                    sharing.append(Shared(partner, source, alias, item, replaced))
                    # A change of a view, or of an item named apart, changes its base inside
                    # (at the view's key).
                    into = alias.view and source == alias.names[0]
                    pending.append((partner, item or into,
                                    key_of(alias) if into else None if alias.view else key))
                elif alias.view and partner == alias.names[1] and id(alias) not in used:
                    # The object is the container's item at another key too
                    # (`box = [t, t]`): written there as well.
                    used.add(id(alias))
                    sharing.append(Shared(partner, source, alias, item, replaced))
        return sharing, doubtful, rows

    def _rows_read_after(self, name, change):
        """(holder, aliasing statement) of the rows taken from `name` before
        `change` (`for row in name`, `a, b = name`) and read after it, through
        the row's name or another holding it (`holder`): where
        the change is inside the `for` that binds the row, only reads after
        the change in that iteration or inner loops around it count (the next
        iteration binds the row anew)."""
        at = _position(change)
        around = [(start, end) for start, end in self._loops if start <= at <= end]
        # The innermost statement that makes the change (AST rewrites add
        # statements spanning the whole function).
        making = max((span for span in self._simple if span[0] <= at <= span[1]),
                     default=(at, _end(change)))
        done = max(making[1], _end(change))
        found = []
        for alias in self._aliases:
            if not alias.one_way or alias.names[1] != name:
                continue
            start = _position(alias.stmt)
            if start > at:
                continue  # taken only after the change
            loop = alias.binding_loop
            inside = loop is not None and _position(loop) <= at <= _end(loop)
            starts = [done] + [s for s, _ in around if not inside or s > _position(loop)]
            read = [n for n in sorted(self._holders(alias.names[0]))
                    if any(p >= min(starts) for p in self._reads.get(n, ()))]
            if read:
                found.append((read[0], alias.shown))
        return found

    def _holders(self, name):
        """`name` and the names that may hold its object or a view of it
        through further aliases (`last = row`, `cell = row[0]`)."""
        holders, pending = {name}, [name]
        while pending:
            source = pending.pop()
            for alias in self._aliases:
                if alias.names[1] == source and alias.names[0] not in holders:
                    holders.add(alias.names[0])
                    pending.append(alias.names[0])
        return holders

    def _partners(self, name, change, item, at=None, key=None):
        """The names that certainly share `name`'s object at `change` through
        one aliasing statement (or, where the other name has been assigned
        since, through the names it had then) as (partner, alias, replaced),
        and a doubtful one read later (or None); `item`: whether the change
        reaches into an item of `name`, at `key` where known (the items at
        other keys known here are not followed: they may hold the object
        before the change, see at_change); `at`: where `name` certainly names the
        changed object (the change, or an earlier aliasing statement).

        `y = x` certainly holds at the change when the change comes later in
        the same statement list (or inside a later statement of it), and
        neither name is assigned between them nor, where a loop around the
        change does not hold the aliasing statement, anywhere in that loop."""
        changed_at = _position(change)
        at = changed_at if at is None else at
        around = [(start, end) for start, end in self._loops if start <= at <= end]
        around_change = [(s, e) for s, e in self._loops if s <= changed_at <= e]
        certain, doubtful = [], None
        for alias in self._aliases:
            if name not in alias.names:
                continue
            if (alias.one_way or alias.exchanged or (alias.item_of and not item)) and \
                    name != alias.names[0]:
                continue  # (a change of x's items may reach y, which x's item may be)
            if not item and (alias.held and name == alias.names[0] or
                             alias.item_key is not None and not alias.unpacked and
                             name == alias.names[1]):
                continue  # the container changed, not the object it holds
            if item and alias.view and name == alias.names[1]:
                if _other_keys(key_of(alias), key):
                    continue  # an item at another key
                if key is None and sum(a.view and a.names == alias.names
                                       for a in self._aliases) > 1:
                    # The object at two keys (`c = [h, h]`), changed at a key
                    # known only at run time: which slot holds the change, for
                    # the name and the other slot, is not known here.
                    doubtful = doubtful or (alias.names[0], alias.shown)
                    continue
            partner = alias.names[1] if alias.names[0] == name else alias.names[0]
            if _is_comprehension(partner):
                continue  # never read again: the next run of it makes a new one
            start = _position(alias.stmt)
            if _end(alias.stmt) > at and not any(s <= start <= e for s, e in around):
                continue  # it runs only after the change
            if _end(alias.stmt) > at and self._assigned_each_iteration({name, partner}, start, at):
                continue  # the loop assigns one of the names anew before the change
            follows = _end(alias.stmt) <= at <= alias.block_end
            outside = [(s, e) for s, e in around if not s <= start <= e]

            def since(positions):
                return _between(positions, alias.stmt, at, outside)

            def assigned_since(n):
                return since(self._stores.get(n, ()))

            def read_later(n):
                if n in self.attributes or alias.attribute_of:
                    return True  # an attribute outlives the call
                starts = [_end(change)] + [s for s, _ in around_change]
                if alias.loop is not None:
                    starts.append(_position(alias.loop))
                return any(p >= min(starts) for p in self._reads.get(n, ()))
            if follows and not alias.maybe and not assigned_since(name):
                if not assigned_since(partner) and not alias.exchanged:
                    replaced = alias.view and since(self._replacing.get(alias.names[1], ()))
                    certain.append((partner, alias, replaced))
                    continue
                # The partner named the object at the aliasing statement:
                # names it had then that keep it share it still.
                kept, found = self._partners(partner, change, item, at=start, key=key)
                doubtful = doubtful or found
                for other, link, _ in kept:
                    if other == name:
                        continue
                    if self._kept(other, alias.stmt, change) and not alias.view and \
                            not link.view:
                        certain.append((other, link, False))
                    elif doubtful is None and read_later(other):
                        doubtful = (other, link.shown)
                if alias.exchanged:
                    continue
            if alias.view and partner in self._params and alias.names[0] == name and \
                    assigned_since(partner) and not assigned_since(name):
                # A view of an argument the function has since assigned: the
                # caller's tensor changes eagerly, and compiled code keeps only
                # the new value of the name.
                doubtful = doubtful or (partner, alias.shown)
                continue
            if follows and any(_end(alias.stmt) < p < at and names & {name, partner} and
                               not any(s <= p <= e for s, e in outside)
                               for p, names, _ in self._assignments[alias.block]):
                continue  # one of the names was certainly assigned since
            if doubtful is None and any(read_later(n) for n in self._linked(partner, name)):
                # The partner, or a name it is linked to (`b = a[0]; v =
                # b.unsqueeze(0)`, a changed: a read later), would miss it.
                shown = ast.unparse(alias.stmt.value) if alias.attribute_of else partner
                doubtful = (shown, alias.shown)
        return certain, doubtful

    def _assigned_each_iteration(self, names, start, at):
        """Whether the innermost loop around both `start` and `at` assigns one
        of `names` before `at` on every path to it (in a statement list that
        holds `at`): `y = []; y.append(v); x = y` in a loop changes a new y
        each time, which the x of the previous iteration does not name."""
        loops = [(s, e) for s, e in self._loops if s <= at <= e and s <= start <= e]
        if not loops:
            return False
        loop_start = max(loops)[0]
        return any(loop_start < first <= at <= last and
                   any(end < at and assigned & names
                       for _, assigned, end in self._assignments[block])
                   for block, (first, last) in self._blocks.items())

    def _linked(self, name, apart):
        """`name` and the names any chain of aliases links it to, either way,
        other than through `apart`."""
        linked, pending = {name}, [name]
        while pending:
            source = pending.pop()
            for alias in self._aliases:
                if source in alias.names:
                    for other in alias.names:
                        if other not in linked and other != apart:
                            linked.add(other)
                            pending.append(other)
        return linked

    def _kept(self, name, statement, change):
        """Whether `name` is assigned neither between `statement` and
        `change` nor anywhere in a loop around the change that does not hold
        `statement`."""
        at, start = _position(change), _position(statement)
        outside = [(s, e) for s, e in self._loops if s <= at <= e and not s <= start <= e]
        return not _between(self._stores.get(name, ()), statement, at, outside)
