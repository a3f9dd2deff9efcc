"""Two names for one object: `y = x`. Python shares the object, so a change
made in place through one name (`y[i] = v`, `y.append(v)`) is seen through
the other, where compiled code treats tensors and lists as values. At each
such change the importer asks `Aliases.at_change`: the names that certainly
share the object there get the changed value too; a name that only may share
it (the aliasing ran in a branch the change is not in, or one of the names
may have been assigned since) is reported where it is read later.

`y = x.add_(v)` (Paddle's in-place methods return their receiver) is
`y = x`. `y = f(x)` where the Python function `f` may return its argument (`return
p`, also through further calls and recursion) only may share: `f` may
return another object on other paths."""
import ast
import collections
import functools
import inspect
import textwrap
import types

from ..eager import inplace
from .comprehensions import COMPREHENSION


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
    the outermost loop `loop` (or None); `maybe`: `y = f(x)`, never certain."""

    def __init__(self, stmt, names, block, block_end, loop, maybe=False):
        self.stmt, self.names, self.block, self.block_end, self.loop, self.maybe = \
            stmt, names, block, block_end, loop, maybe


def _inplace_receiver(value):
    """`x` of `x.add_(y)` or `x.add_(y).clip_(0, 1)`: Paddle's in-place
    methods return their receiver itself (or None)."""
    node, found = value, False
    while isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
            inplace.operation_of(node.func.attr):
        node, found = node.func.value, True
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
        for stmt in body:
            for n in ast.walk(stmt):
                if isinstance(n, ast.Name):
                    into = stores if isinstance(n.ctx, (ast.Store, ast.Del)) else self._reads
                    into[n.id].append(_position(n))
        self._stores = stores
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
                    self._assignments[block].append(
                        (_position(stmt), {t.id for t in targets if isinstance(t, ast.Name)}))
                if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and \
                        isinstance(stmt.targets[0], ast.Name) and (
                            isinstance(stmt.value, ast.Name) or
                            _inplace_receiver(stmt.value)):
                    y = stmt.targets[0].id
                    x = stmt.value.id if isinstance(stmt.value, ast.Name) else \
                        _inplace_receiver(stmt.value)
                    if y != x and x in local:
                        self._aliases.append(
                            _Alias(stmt, (y, x), block, _end(statements[-1]), loop))
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

    def at_change(self, name, change):
        """For a change made in place to `name` at the node `change`: the
        names that certainly name the same object there (through chains of
        aliases: `v = b; w = v`), and (partner, aliasing statement) of one
        that only may and is read later, or None."""
        if _is_comprehension(name):
            # Filled right after it is made (comprehensions.py): shared by none.
            return [], None
        sharing, doubtful, pending = [], None, [name]
        while pending:
            certain, found = self._partners(pending.pop(), change)
            doubtful = doubtful or found
            for partner in certain:
                if partner != name and partner not in sharing:
                    sharing.append(partner)
                    pending.append(partner)
        return sharing, doubtful

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
                certain.append(partner)
                continue
            if follows and any(_end(alias.stmt) < p < at and names & {name, partner} and
                               not any(s <= p <= e for s, e in outside)
                               for p, names in self._assignments[alias.block]):
                continue  # one of the names was certainly assigned since
            starts = [_end(change)] + [s for s, _ in around]
            if alias.loop is not None:
                starts.append(_position(alias.loop))
            if doubtful is None and any(p >= min(starts) for p in self._reads.get(partner, ())):
                doubtful = (partner, alias.stmt)
        return certain, doubtful
