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
guards both with whether the index is basic, known once specialized). The
other views Paddle makes (`y = x.reshape(...)`, `x.T`, `x.transpose(...)`,
...) share x's memory only where x's layout allows: they only may share."""
import ast
import collections
import functools
import inspect
import textwrap
import types

from ..eager import inplace
from .comprehensions import COMPREHENSION
from .statements import located


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


def _loop_head(stmt):
    """`for row in x` of a `for` statement: what an error names."""
    return located(ast.For(stmt.target, stmt.iter, [ast.Pass()], []), stmt)


VIEW_METHODS = frozenset("""reshape view view_as flatten squeeze unsqueeze transpose t
    permute moveaxis swapaxes swapdims astype contiguous slice strided_slice narrow
    unbind""".split())
"""Tensor methods and functions whose result Paddle makes a view of the
tensor where its layout allows (and `astype` where the dtype stays)."""
VIEW_ATTRIBUTES = frozenset({"T", "mT"})


def _view_base(value, local):
    """x of `x.reshape(...)`, `paddle.reshape(x, ...)`, `x.T`, ...: a result
    that may be a view of the local x."""
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and \
            value.func.attr in VIEW_METHODS:
        receiver = value.func.value
        if isinstance(receiver, ast.Name) and receiver.id in local:
            return receiver.id
        if value.args and isinstance(value.args[0], ast.Name):
            return value.args[0].id
    if isinstance(value, ast.Attribute) and value.attr in VIEW_ATTRIBUTES and \
            isinstance(value.value, ast.Name):
        return value.value.id
    return None


def _unpacked_base(stmt):
    """x of `a, b = x`, `a, b = paddle.unbind(x)`, `for row in x`, `for i,
    row in enumerate(x)`: each name may be a view of x (or an item it
    holds); (x, names), or None."""
    if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and \
            isinstance(stmt.targets[0], (ast.Tuple, ast.List)):
        names = [e.id for e in stmt.targets[0].elts if isinstance(e, ast.Name)]
        value = stmt.value
        if isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and \
                value.func.attr == "unbind":
            value = value.args[0] if value.args else value.func.value
        return (value.id, names) if isinstance(value, ast.Name) else None
    if isinstance(stmt, ast.For):
        target, source = stmt.target, stmt.iter
        if isinstance(source, ast.Call) and isinstance(source.func, ast.Name) and \
                source.func.id == "enumerate" and source.args and \
                isinstance(target, ast.Tuple) and len(target.elts) == 2:
            target, source = target.elts[1], source.args[0]
        if isinstance(target, ast.Name) and isinstance(source, ast.Name):
            return source.id, [target.id]
    return None


def _paired_names(stmt):
    """(y, x) of `a, b = x, z` for each name assigned a name (each then
    names the same object); none where a target is also on the right (`a, b
    = b, a` exchanges the objects: no two names share one)."""
    if not (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1):
        return []
    target, value = stmt.targets[0], stmt.value
    if not isinstance(target, (ast.Tuple, ast.List)) or \
            not isinstance(value, (ast.Tuple, ast.List)) or len(target.elts) != len(value.elts):
        return []
    pairs = [(t.id, v.id) for t, v in zip(target.elts, value.elts)
             if isinstance(t, ast.Name) and isinstance(v, ast.Name)]
    targets = {t.id for t in target.elts if isinstance(t, ast.Name)}
    return [] if any(x in targets for _, x in pairs) else pairs


def _held_base(value, local):
    """The local name whose object (or a view of it) `value` puts into a
    container: `x`, `x[i]`, `x.reshape(...)`, `x.add_(v)`; or None."""
    if isinstance(value, ast.Name):
        return value.id
    if isinstance(value, ast.Subscript) and isinstance(value.value, ast.Name):
        return value.value.id
    return _view_base(value, local) or _inplace_receiver(value, local) or _detached(value)


def _held(stmt, local):
    """(container, name) for each local name whose object a statement puts
    into a container: `c = [x, y[0]]` (a list, tuple or dict display),
    `c.append(x)`, `c.insert(i, x)`, `c.extend([x])`, `c[k] = x`."""
    items, container = [], None
    if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
        target, value = stmt.targets[0], stmt.value
        if isinstance(target, ast.Name) and isinstance(value, (ast.List, ast.Tuple, ast.Dict)):
            container = target.id
            items = value.values if isinstance(value, ast.Dict) else value.elts
        elif isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name):
            container, items = target.value.id, [value]
    elif isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call) and \
            isinstance(stmt.value.func, ast.Attribute) and \
            isinstance(stmt.value.func.value, ast.Name):
        call, method = stmt.value, stmt.value.func.attr
        container = call.func.value.id
        if method == "append" and call.args:
            items = call.args[:1]
        elif method == "insert" and len(call.args) > 1:
            items = call.args[1:2]
        elif method == "extend" and call.args and isinstance(call.args[0], (ast.List, ast.Tuple)):
            items = call.args[0].elts
    found = []
    for item in items:
        base = _held_base(item, local) if item is not None else None
        if base is not None and base != container and base in local:
            found.append((container, base))
    return found


def _changes_an_item(change):
    """Whether the change in place at `change` reaches into an item of a
    container (`c[0].zero_()`, `c[0][1] = v`) rather than changing the
    container itself (`c.append(v)`, `c[0] = v`)."""
    node = change
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return isinstance(node.func.value, ast.Subscript)
    if not isinstance(node, ast.Subscript):
        return False
    # The importer names the item it loaded and changed (`c[0]` of
    # `c[0].zero_()` and of `c[0][1] = v`), or the target it stores into.
    return isinstance(node.ctx, ast.Load) or isinstance(node.value, ast.Subscript)


def _detached(value):
    """x of `x.detach()`: a view of all of x."""
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and \
            value.func.attr == "detach" and not value.args and not value.keywords and \
            isinstance(value.func.value, ast.Name):
        return value.func.value.id
    return None


def _inplace_receiver(value, local):
    """`x` of `x.add_(y)`, `x.add_(y).clip_(0, 1)` or the function forms
    `paddle.tanh_(x)`, `F.relu_(x)` (called on a name that is not a local
    variable: a module): Paddle's in-place operations return the tensor they
    change itself (or None)."""
    node, found = value, False
    while isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
            inplace.operation_of(node.func.attr):
        owner, found = node.func.value, True
        module = isinstance(owner, ast.Name) and owner.id not in local
        node = node.args[0] if module and node.args else owner
    return node.id if found and isinstance(node, ast.Name) else None


@functools.lru_cache(maxsize=256)
def _function_node(fn):
    """The `def` of a Python function, parsed once per function (None where
    its source cannot be read)."""
    try:
        node = ast.parse(textwrap.dedent(inspect.getsource(fn))).body[0]
    except (OSError, TypeError, SyntaxError, IndexError):
        return None
    return node if isinstance(node, ast.FunctionDef) else None


def returned_parameters(fn, resolve, seen=None):
    """The parameters of the Python function `fn` that it may return as they
    are (`return p`, `return (p, q)`, `q = p; return q`, `return g(p)` where
    `g` may return its argument, recursion included); `resolve(fn, name)` is
    what a global name of `fn` refers to."""
    seen = set() if seen is None else seen
    if fn in seen:
        return None  # recursion: what the other paths return decides
    seen.add(fn)
    node = _function_node(fn)
    if node is None:
        return set()
    params = [a.arg for a in node.args.posonlyargs + node.args.args + node.args.kwonlyargs]
    holders = {p: {p} for p in params}  # name -> the parameters it may hold
    returns = []

    def walk(statements):
        for stmt in statements:
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
                continue
            if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and \
                    isinstance(stmt.targets[0], ast.Name):
                held = holding(stmt.value)
                if held:
                    holders.setdefault(stmt.targets[0].id, set()).update(held)
            if isinstance(stmt, ast.Return) and stmt.value is not None:
                returns.append(stmt.value)
            for field in ("body", "orelse", "finalbody"):
                walk(getattr(stmt, field, []))
            for handler in getattr(stmt, "handlers", []):
                walk(handler.body)

    def holding(value):
        if isinstance(value, ast.Name):
            return holders.get(value.id, set())
        if isinstance(value, ast.Subscript):
            return holding(value.value)  # an item, or a view of a tensor
        view = _view_base(value, holders)
        if view is not None:
            return holders.get(view, set())
        if isinstance(value, (ast.Tuple, ast.List)):
            return set().union(*[holding(v) for v in value.elts]) if value.elts else set()
        if isinstance(value, ast.IfExp):
            return holding(value.body) | holding(value.orelse)
        if isinstance(value, ast.Call) and isinstance(value.func, ast.Name):
            callee = resolve(fn, value.func.id)
            if not isinstance(callee, types.FunctionType):
                return set()
            passed = argument_names(value, callee, resolve, seen)
            return set().union(*[holders.get(n, set()) for n in passed]) if passed else set()
        return set()

    walk(node.body)
    result = set().union(*[holding(r) for r in returns]) if returns else set()
    seen.discard(fn)
    return result


def argument_names(call, callee, resolve, seen=None):
    """The names passed to `call` (of the Python function `callee`) as the
    parameters it may return."""
    returned = returned_parameters(callee, resolve, seen)
    if returned is None:
        # A call back into a function being analysed: any argument may come back.
        return [a.id for a in call.args if isinstance(a, ast.Name)] + \
            [k.value.id for k in call.keywords if isinstance(k.value, ast.Name)]
    if not returned:
        return []
    node = _function_node(callee)
    params = [a.arg for a in node.args.posonlyargs + node.args.args]
    names = [a.id for p, a in zip(params, call.args)
             if p in returned and isinstance(a, ast.Name)]
    names += [k.value.id for k in call.keywords
              if k.arg in returned and isinstance(k.value, ast.Name)]
    return names


def _is_comprehension(name):
    return name.startswith(f"_dy2st_{COMPREHENSION}_")


class Aliases:
    def __init__(self, body, params, callee_of=None, resolve=None):
        """`callee_of(call)`: the Python function a call in `body` calls (or
        None); `resolve(fn, name)`: what a global name of `fn` refers to."""
        stores = collections.defaultdict(list)
        self._reads = collections.defaultdict(list)
        # The spans of the statements without a body of their own: a change
        # happens after the reads of the statement that makes it.
        self._simple = []
        for stmt in body:
            for n in ast.walk(stmt):
                if isinstance(n, ast.Name):
                    into = stores if isinstance(n.ctx, (ast.Store, ast.Del)) else self._reads
                    into[n.id].append(_position(n))
                elif isinstance(n, ast.stmt) and not hasattr(n, "body"):
                    self._simple.append((_position(n), _end(n)))
        self._stores = stores
        self._params = set(params)
        local = set(stores) | set(params)
        self._aliases = []
        self._loops = []  # the span of every loop
        # Per statement list: (position, names) of its plain assignments.
        self._assignments = collections.defaultdict(list)

        def visit(statements, loop):
            block = id(statements)
            for stmt in statements:
                if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                    continue
                if isinstance(stmt, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
                    targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
                    targets = [e for t in targets
                               for e in (t.elts if isinstance(t, (ast.Tuple, ast.List)) else [t])]
                    self._assignments[block].append(
                        (_position(stmt), {t.id for t in targets if isinstance(t, ast.Name)}))
                if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and \
                        isinstance(stmt.targets[0], ast.Name):
                    y, value = stmt.targets[0].id, stmt.value
                    # (base, kind): `y = x` (or x's in-place result), `y = x[i]`, `y = x.view()`.
                    bases = [(value.id if isinstance(value, ast.Name) else
                              _inplace_receiver(value, local) or _detached(value), {}),
                             (value.value.id if isinstance(value, ast.Subscript) and
                              isinstance(value.value, ast.Name) else None, {"view": True}),
                             (_view_base(value, local), {"maybe": True})]
                    for x, kind in bases:
                        if x is not None and y != x and x in local:
                            self._aliases.append(_Alias(stmt, (y, x), block,
                                                        _end(statements[-1]), loop, **kind))
                for y, x in _paired_names(stmt):
                    if y != x and x in local:
                        self._aliases.append(_Alias(stmt, (y, x), block, _end(statements[-1]),
                                                    loop))
                for container, x in _held(stmt, local):
                    alias = _Alias(stmt, (container, x), block, _end(statements[-1]), loop,
                                   maybe=True)
                    alias.held = True
                    self._aliases.append(alias)
                unpacked = _unpacked_base(stmt)
                if unpacked is not None and unpacked[0] in local:
                    x, names = unpacked
                    within = stmt.body if isinstance(stmt, ast.For) else statements
                    at = stmt.target if isinstance(stmt, ast.For) else stmt
                    for y in names:
                        if y != x:
                            alias = _Alias(at, (y, x), id(within), _end(within[-1]), loop,
                                           maybe=True)
                            if isinstance(stmt, ast.For):
                                alias.shown = _loop_head(stmt)
                                alias.binding_loop = stmt
                            alias.one_way = isinstance(stmt, ast.For) or \
                                not isinstance(stmt.value, ast.Call)
                            self._aliases.append(alias)
                if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and \
                        isinstance(stmt.targets[0], ast.Name) and \
                        isinstance(stmt.value, ast.Call) and callee_of is not None:
                    callee = callee_of(stmt.value)
                    y = stmt.targets[0].id
                    if isinstance(callee, types.FunctionType):
                        for x in argument_names(stmt.value, callee, resolve):
                            if y != x and x in local:
                                self._aliases.append(_Alias(stmt, (y, x), block,
                                                            _end(statements[-1]), loop, True))
                inner = loop
                if isinstance(stmt, (ast.For, ast.While)):
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
        return next((a for a in self._aliases if a.view and a.stmt is stmt), None)

    def at_change(self, name, change):
        """For a change made in place to `name` at the node `change`: the
        names that certainly share its object or memory there (through chains
        of aliases and views: `v = b; w = v[0]`), as (name, the name its new
        value follows from, the alias between them) in the order the values
        follow; (partner, aliasing statement) of one that only may and is
        read later, or None; and the rows taken from a changed name before
        (`for row in x`, `a, b = x`) and read later, as (the name read, the
        name the row was taken from, aliasing statement): views of it where it is a tensor,
        which compiled code does not follow (the importer makes that a
        compile error once the kinds are known)."""
        if _is_comprehension(name):
            # Filled right after it is made (comprehensions.py): shared by none.
            return [], None, []
        sharing, doubtful, rows, pending, seen = [], None, [], [name], {name}
        while pending:
            source = pending.pop(0)
            certain, found = self._partners(source, change)
            doubtful = doubtful or found
            rows += [(row, source, shown) for row, shown in self._rows_read_after(source, change)]
            for partner, alias in certain:
                if partner not in seen:
                    seen.add(partner)
                    sharing.append((partner, source, alias))
                    pending.append(partner)
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

    def _partners(self, name, change):
        """The names that certainly share `name`'s object at `change` through
        one aliasing statement, and a doubtful one read later (or None).

        `y = x` certainly holds at the change when the change comes later in
        the same statement list (or inside a later statement of it), and
        neither name is assigned between them nor, where a loop around the
        change does not hold the aliasing statement, anywhere in that loop."""
        at = _position(change)
        around = [(start, end) for start, end in self._loops if start <= at <= end]
        certain, doubtful = [], None
        for alias in self._aliases:
            if name not in alias.names:
                continue
            if alias.one_way and name != alias.names[0]:
                continue
            if alias.held and name == alias.names[0] and not _changes_an_item(change):
                continue  # the container changed, not the object it holds
            partner = alias.names[1] if alias.names[0] == name else alias.names[0]
            if _is_comprehension(partner):
                continue  # never read again: the next run of it makes a new one
            start = _position(alias.stmt)
            if _end(alias.stmt) > at and not any(s <= start <= e for s, e in around):
                continue  # it runs only after the change
            follows = _end(alias.stmt) <= at <= alias.block_end
            outside = [(s, e) for s, e in around if not s <= start <= e]

            def assigned_since(n):
                return any(_end(alias.stmt) < p < at or any(s <= p <= e for s, e in outside)
                           for p in self._stores.get(n, ()))
            if follows and not alias.maybe and not assigned_since(name) and \
                    not assigned_since(partner):
                certain.append((partner, alias))
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
                               for p, names in self._assignments[alias.block]):
                continue  # one of the names was certainly assigned since
            starts = [_end(change)] + [s for s, _ in around]
            if alias.loop is not None:
                starts.append(_position(alias.loop))
            if doubtful is None and any(p >= min(starts) for p in self._reads.get(partner, ())):
                doubtful = (partner, alias.shown)
        return certain, doubtful
