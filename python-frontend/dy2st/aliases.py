"""Two names for one object: `y = x`. Python shares the object, so a change
made in place through one name (`y[i] = v`, `y.append(v)`) is seen through
the other, where compiled code treats tensors and lists as values. Where the
two names certainly name the same object from that statement on (it is at
the function's top level, it is the only assignment of `y`, and `x` is
assigned only before it), the importer writes a change made through either
name to both. Elsewhere, a change made in place through one name while the
other is still read later is reported (see `Aliases.partner_read_later`)."""
import ast
import collections


def _stores(node):
    return [n for n in ast.walk(node)
            if isinstance(n, ast.Name) and isinstance(n.ctx, (ast.Store, ast.Del))]


def _position(node):
    return (getattr(node, "lineno", 0) or 0, getattr(node, "col_offset", 0) or 0)


def _end(node):
    """Where `node` ends (its start where the AST rewrites made it without
    an end)."""
    if getattr(node, "end_lineno", None) is None:
        return _position(node)
    return (node.end_lineno, node.end_col_offset or 0)


class Aliases:
    def __init__(self, body, params):
        stores = collections.Counter(n.id for stmt in body for n in _stores(stmt))
        local = set(stores) | set(params)
        last_store_at = {}
        for i, stmt in enumerate(body):
            for n in _stores(stmt):
                last_store_at[n.id] = i
        reads = collections.defaultdict(list)
        for stmt in body:
            for n in ast.walk(stmt):
                if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load):
                    reads[n.id].append(_position(n))
        # The id of each certain `y = x` -> (y, x).
        self.certain = {}
        # A name of an uncertain alias -> (its partner, the statement, the
        # outermost loop around it or None).
        self.uncertain = collections.defaultdict(list)
        self._reads = reads
        # The outermost loops' spans: a read earlier in a loop runs later too.
        self._loops = []
        top = {id(stmt): i for i, stmt in enumerate(body)}

        def visit(statements, loop):
            for stmt in statements:
                if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                    continue
                if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and \
                        isinstance(stmt.targets[0], ast.Name) and isinstance(stmt.value, ast.Name):
                    y, x = stmt.targets[0].id, stmt.value.id
                    if y != x and x in local:
                        at = top.get(id(stmt))
                        if at is not None and stores[y] == 1 and \
                                last_store_at.get(x, -1) < at:
                            self.certain[id(stmt)] = (y, x)
                        else:
                            self.uncertain[y].append((x, stmt, loop))
                            self.uncertain[x].append((y, stmt, loop))
                inner = stmt if loop is None and isinstance(stmt, (ast.For, ast.While)) else loop
                if inner is not loop:
                    self._loops.append((_position(stmt), _end(stmt)))
                for field in ("body", "orelse", "finalbody"):
                    visit(getattr(stmt, field, []), inner)
                for handler in getattr(stmt, "handlers", []):
                    visit(handler.body, inner)

        visit(body, None)

    def partner_read_later(self, name, change):
        """(partner, statement) of an uncertain alias of `name` whose partner
        is read after `change` (a node changing `name` in place) runs, else
        None: a read after it in the source, or anywhere from the start of a
        loop around the change or around the aliasing statement."""
        for partner, stmt, loop in self.uncertain.get(name, ()):
            starts = [_end(change)] + [start for start, end in self._loops
                                       if start <= _position(change) <= end]
            if loop is not None:
                starts.append(_position(loop))
            if any(at >= min(starts) for at in self._reads.get(partner, ())):
                return partner, stmt
        return None
