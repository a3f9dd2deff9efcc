"""Two names for one object: `y = x`. Python shares the object, so a change
made in place through one name (`y[i] = v`, `y.append(v)`) is seen through
the other, where compiled code treats tensors and lists as values. At each
such change the importer asks `Aliases.at_change`: the names that certainly
share the object there get the changed value too; a name that only may share
it (the aliasing ran in a branch the change is not in, or one of the names
may have been assigned since) is reported where it is read later."""
import ast
import collections


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
    the outermost loop `loop` (or None)."""

    def __init__(self, stmt, names, block, block_end, loop):
        self.stmt, self.names, self.block, self.block_end, self.loop = \
            stmt, names, block, block_end, loop


class Aliases:
    def __init__(self, body, params):
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
                        isinstance(stmt.targets[0], ast.Name) and isinstance(stmt.value, ast.Name):
                    y, x = stmt.targets[0].id, stmt.value.id
                    if y != x and x in local:
                        self._aliases.append(
                            _Alias(stmt, (y, x), block, _end(statements[-1]), loop))
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
            start = _position(alias.stmt)
            if _end(alias.stmt) > at and not any(s <= start <= e for s, e in around):
                continue  # it runs only after the change
            follows = _end(alias.stmt) <= at <= alias.block_end
            outside = [(s, e) for s, e in around if not s <= start <= e]

            def assigned_since(n):
                return any(_end(alias.stmt) < p < at or any(s <= p <= e for s, e in outside)
                           for p in self._stores.get(n, ()))
            if follows and not assigned_since(name) and not assigned_since(partner):
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
