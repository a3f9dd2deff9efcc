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
from .alias_records import Context, end_of, position_of, statement_aliases
from .comprehensions import COMPREHENSION
from .statements import owners, replaced_containers


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
    return any(end_of(statement) < p < at or any(s <= p <= e for s, e in outside)
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
                    calls.append((position_of(n), [o for o in objects if o is not None]))
                for container in replaced_containers(n):
                    self._replacing[container].append(position_of(n))
                name = n.id if isinstance(n, ast.Name) else forms.attribute_name(n)
                if name is not None:
                    into = stores if isinstance(n.ctx, (ast.Store, ast.Del)) else self._reads
                    into[name].append(position_of(n))
                    if not isinstance(n, ast.Name):
                        self.attributes.setdefault(name, n)
                elif isinstance(n, ast.stmt) and not hasattr(n, "body"):
                    self._simple.append((position_of(n), end_of(n)))
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

        context = Context(local, lists, dicts, callee_of, resolve, constructs)

        def visit(statements, loop):
            block = id(statements)
            if statements:
                self._blocks[block] = (position_of(statements[0]), end_of(statements[-1]))
            for stmt in statements:
                if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                    continue
                if isinstance(stmt, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
                    targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
                    targets = [e for t in targets
                               for e in (t.elts if isinstance(t, (ast.Tuple, ast.List)) else [t])]
                    names = [t.id if isinstance(t, ast.Name) else forms.attribute_name(t)
                             for t in targets]
                    self._assignments[block].append((position_of(stmt), set(names) - {None},
                                                     end_of(stmt)))
                self._aliases += statement_aliases(stmt, statements, loop, context)
                inner = loop
                if isinstance(stmt, (ast.For, ast.While)) and \
                        not getattr(stmt, "dy2st_try_body", False):
                    # (A `try` body's one-trip loop runs its statements once.)
                    self._loops.append((position_of(stmt), end_of(stmt)))
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
        at = position_of(change)
        around = [(start, end) for start, end in self._loops if start <= at <= end]
        # The innermost statement that makes the change (AST rewrites add
        # statements spanning the whole function).
        making = max((span for span in self._simple if span[0] <= at <= span[1]),
                     default=(at, end_of(change)))
        done = max(making[1], end_of(change))
        found = []
        for alias in self._aliases:
            if not alias.one_way or alias.names[1] != name:
                continue
            start = position_of(alias.stmt)
            if start > at:
                continue  # taken only after the change
            loop = alias.binding_loop
            inside = loop is not None and position_of(loop) <= at <= end_of(loop)
            starts = [done] + [s for s, _ in around if not inside or s > position_of(loop)]
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
        changed_at = position_of(change)
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
            start = position_of(alias.stmt)
            if end_of(alias.stmt) > at and not any(s <= start <= e for s, e in around):
                continue  # it runs only after the change
            if end_of(alias.stmt) > at and self._assigned_each_iteration({name, partner}, start, at):
                continue  # the loop assigns one of the names anew before the change
            follows = end_of(alias.stmt) <= at <= alias.block_end
            outside = [(s, e) for s, e in around if not s <= start <= e]

            def since(positions):
                return _between(positions, alias.stmt, at, outside)

            def assigned_since(n):
                return since(self._stores.get(n, ()))

            def read_later(n):
                if n in self.attributes or alias.attribute_of:
                    return True  # an attribute outlives the call
                starts = [end_of(change)] + [s for s, _ in around_change]
                if alias.loop is not None:
                    starts.append(position_of(alias.loop))
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
            if follows and any(end_of(alias.stmt) < p < at and names & {name, partner} and
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
        at, start = position_of(change), position_of(statement)
        outside = [(s, e) for s, e in self._loops if s <= at <= e and not s <= start <= e]
        return not _between(self._stores.get(name, ()), statement, at, outside)
