"""Iterators made in the function and used by it alone: `it = iter(items)`,
then `next(it)`, `next(it, default)` and `for x in it`. Compiled code has no
suspended iterator objects, so such a variable becomes its items (the
container named, or `list()` of another iterable) and a position: `next` reads
the item there and moves on (StopIteration, or the default, past the end), a
`for` loop goes through the items from there, moving the position as it
goes (so a `break` leaves it after the item it stopped at). Any other use of
the variable (passed on, returned, stored, `next` under a short-circuit or
in a comprehension, a `next` of it inside a `for` over it) leaves it as it
is: the importer's clear error. An iterator consumed where it is made
(`for v in iter(x)`, `list(x.__iter__())`) is the iterable itself."""
import ast
import builtins

from .locations import located, visit_statements
from .scopes import own_nodes

_SIMPLE = (ast.Assign, ast.AnnAssign, ast.AugAssign, ast.Expr, ast.Return)
# Where a `next` call would not run exactly once when its statement does.
_CONDITIONAL = (ast.BoolOp, ast.IfExp, ast.Lambda, ast.ListComp, ast.SetComp, ast.DictComp,
                ast.GeneratorExp)


def _is_builtin_call(node, name, resolve, count):
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and \
        node.func.id == name and resolve(name) is getattr(builtins, name) and \
        len(node.args) in count and not node.keywords and \
        not any(isinstance(a, ast.Starred) for a in node.args)


class _Uses:
    """The variables of the function bound only to `iter(...)` and used only
    by `next` in a simple statement (or an `if` test) and as a `for` loop's
    iterable."""

    def __init__(self, function, resolve):
        own = list(own_nodes(function))
        own_ids = {id(n) for n in own}
        nested = {n.id for n in ast.walk(function)
                  if isinstance(n, ast.Name) and id(n) not in own_ids}
        params = {a.arg for a in ast.walk(function.args) if isinstance(a, ast.arg)}
        self.straight = set()  # positions known when converting
        candidates = {}
        for node in own:
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and \
                    isinstance(node.targets[0], ast.Name) and \
                    _is_builtin_call(node.value, "iter", resolve, (1,)):
                candidates.setdefault(node.targets[0].id, []).append(node)
        allowed = set()
        parents = {}
        for node in ast.walk(function):
            for child in ast.iter_child_nodes(node):
                parents[id(child)] = node
        for node in own:
            if isinstance(node, ast.For) and isinstance(node.iter, ast.Name):
                allowed.add(id(node.iter))
            if _is_builtin_call(node, "next", resolve, (1, 2)) and \
                    isinstance(node.args[0], ast.Name) and self._runs_once(node, parents):
                allowed.add(id(node.args[0]))
        for name in list(candidates):
            loads = [n for n in own if isinstance(n, ast.Name) and n.id == name and
                     isinstance(n.ctx, ast.Load)]
            stores = [n for n in own if isinstance(n, ast.Name) and n.id == name and
                      not isinstance(n.ctx, ast.Load)]
            if name in nested | params or len(stores) != len(candidates[name]) or \
                    not all(id(n) in allowed for n in loads) or self._advanced_in_its_loop(
                        function, name):
                del candidates[name]
            elif len(candidates[name]) == 1 and \
                    self._straight(function, candidates[name][0], loads, parents):
                self.straight.add(name)
        self.names = set(candidates)

    def _straight(self, function, made, loads, parents):
        """Whether every use of the iterator `made` makes is a statement of
        the same list that follows it, a `for` over it the last: each
        position is then known when converting (a layer list's items are
        read at literal indices)."""
        block = next((b for n in ast.walk(function) for b in _statement_lists(n)
                      if any(s is made for s in b)), None)
        if block is None:
            return False
        order = {id(s): i for i, s in enumerate(block)}
        places = []
        for load in loads:
            node = load  # the statement that holds it, innermost
            while not isinstance(node, ast.stmt) and id(node) in parents:
                node = parents[id(node)]
            if id(node) not in order or order[id(node)] <= order[id(made)]:
                return False
            places.append((order[id(node)], isinstance(node, ast.For) and node.iter is load))
        places.sort()
        return all(not is_loop for _, is_loop in places[:-1])

    def _runs_once(self, call, parents):
        """Whether `call` runs once whenever the statement holding it does."""
        node = call
        while id(node) in parents:
            parent = parents[id(node)]
            if isinstance(parent, _CONDITIONAL):
                return False
            if isinstance(parent, _SIMPLE):
                return True
            if isinstance(parent, ast.If):
                return node is parent.test
            node = parent
        return False

    def _advanced_in_its_loop(self, function, name):
        """Whether the body of a `for` over `name` calls next(name) or loops
        over it again (its items were taken when the loop started)."""
        for loop in ast.walk(function):
            if isinstance(loop, ast.For) and isinstance(loop.iter, ast.Name) and \
                    loop.iter.id == name:
                for inner in ast.walk(ast.Module(body=loop.body, type_ignores=[])):
                    if isinstance(inner, ast.Name) and inner.id == name:
                        return True
        return False


def _statement_lists(node):
    return [v for _, v in ast.iter_fields(node)
            if isinstance(v, list) and v and isinstance(v[0], ast.stmt)] + \
        [h.body for h in getattr(node, "handlers", [])]


def _items(name):
    return f"_dy2st_iter_{name}_items"


def _position(name):
    return f"_dy2st_iter_{name}_at"


class _Rewrite(ast.NodeTransformer):
    def __init__(self, names, straight, resolve):
        self.names, self.resolve = names, resolve
        self.known = {name: None for name in straight}  # name -> position, once made
        self.count = 0
        self.pending = []  # statements a `next` of the statement being visited needs first

    def _load(self, name):
        return ast.Name(name, ast.Load())

    def _at(self, name):
        """The iterator's position: a literal where it is known when converting."""
        return ast.Constant(self.known[name]) if name in self.known else \
            self._load(_position(name))

    def _store(self, name):
        return ast.Name(name, ast.Store())

    def visit_FunctionDef(self, node):
        return node  # nested functions are converted on their own

    def visit_Lambda(self, node):
        return node

    def visit_Assign(self, node):
        if len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) and \
                node.targets[0].id in self.names:
            name = node.targets[0].id
            iterable = node.value.args[0]
            # A container named (a list, a LayerList, a tensor's rows) is read in
            # place, as Python's iterator reads it; another iterable is listed.
            if not isinstance(iterable, (ast.Name, ast.Attribute)):
                iterable = ast.Call(ast.Name("list", ast.Load()), [iterable], [])
            made = [located(ast.Assign([self._store(_items(name))], iterable), node)]
            if name in self.known:
                self.known[name] = 0
                return made
            return made + [located(ast.Assign([self._store(_position(name))], ast.Constant(0)),
                                   node)]
        return self._simple(node)

    def _simple(self, node):
        outer, self.pending = self.pending, []
        node = self.generic_visit(node)
        before, self.pending = self.pending, outer
        return before + [node] if before else node

    # An `if` too: only its test may hold a `next` (see _Uses), and the
    # statements of its branches hoist their own.
    visit_AnnAssign = visit_AugAssign = visit_Expr = visit_Return = visit_If = _simple

    def visit_For(self, node):
        if isinstance(node.iter, ast.Name) and node.iter.id in self.names:
            name = node.iter.id
            self.count += 1
            # The items left, named (a slice of a layer list is a list of layers).
            rest = f"_dy2st_iter_rest_{self.count}"
            left = ast.Subscript(self._load(_items(name)),
                                 ast.Slice(self._at(name), None, None), ast.Load())
            node.iter = located(self._load(rest), node.iter)
            step = [] if name in self.known else \
                [located(ast.AugAssign(self._store(_position(name)), ast.Add(), ast.Constant(1)),
                         node)]
            node.body = step + visit_statements(self, node.body)
            node.orelse = visit_statements(self, node.orelse)
            return [located(ast.Assign([self._store(rest)], left), node), node]
        return self.generic_visit(node)

    def visit_Call(self, node):
        node = super().generic_visit(node)
        if not (_is_builtin_call(node, "next", self.resolve, (1, 2)) and
                isinstance(node.args[0], ast.Name) and node.args[0].id in self.names):
            return node
        name = node.args[0].id
        self.count += 1
        value = f"_dy2st_next_{self.count}"
        items, position = self._load(_items(name)), self._at(name)
        more = ast.Compare(position, [ast.Lt()], [ast.Call(ast.Name("len", ast.Load()),
                                                           [items], [])])
        take = [ast.Assign([self._store(value)], ast.Subscript(items, position, ast.Load()))]
        if name in self.known:
            self.known[name] += 1
        else:
            take.append(ast.AugAssign(self._store(_position(name)), ast.Add(), ast.Constant(1)))
        if len(node.args) == 2:
            default = f"_dy2st_next_default_{self.count}"
            statements = [ast.Assign([self._store(default)], node.args[1]),
                          ast.If(more, take, [ast.Assign([self._store(value)],
                                                         self._load(default))])]
        else:
            stop = ast.Raise(ast.Name("StopIteration", ast.Load()), None)
            statements = [ast.If(ast.UnaryOp(ast.Not(), more), [stop], [])] + take
        self.pending += [located(s, node) for s in statements]
        return located(self._load(value), node)


# The builtins that take any iterable and consume it (not `reversed`, which
# Python refuses an iterator).
_CONSUMERS = ("list", "tuple", "set", "sorted", "enumerate", "zip", "sum", "min", "max", "any",
              "all", "map", "filter")


class _Consumed(ast.NodeTransformer):
    """`x.__iter__()` is `iter(x)`; an iterator made to be consumed at once
    (`for v in iter(x)`, `list(iter(x))`, `zip(iter(a), b)`) is the
    iterable itself."""

    def __init__(self, function, resolve):
        self.root, self.resolve = function, resolve

    def visit_Call(self, node):
        self.generic_visit(node)
        if isinstance(node.func, ast.Attribute) and node.func.attr == "__iter__" and \
                not node.args and not node.keywords:
            return located(ast.Call(ast.Name("iter", ast.Load()), [node.func.value], []), node)
        if isinstance(node.func, ast.Name) and node.func.id in _CONSUMERS and \
                self.resolve(node.func.id) is getattr(builtins, node.func.id):
            node.args = [self._unwrapped(a) for a in node.args]
        return node

    def visit_For(self, node):
        self.generic_visit(node)
        node.iter = self._unwrapped(node.iter)
        return node

    def visit_comprehension(self, node):
        self.generic_visit(node)
        node.iter = self._unwrapped(node.iter)
        return node

    def visit_FunctionDef(self, node):
        return self.generic_visit(node) if node is self.root else node

    def visit_Lambda(self, node):
        return node

    def _unwrapped(self, arg):
        return arg.args[0] if _is_builtin_call(arg, "iter", self.resolve, (1,)) else arg


def rewritten(function, resolve):
    """`function` (an ast.FunctionDef) with its iterators rewritten as above."""
    function = _Consumed(function, resolve).visit(function)
    uses = _Uses(function, resolve)
    if not uses.names:
        return function
    function.body = visit_statements(_Rewrite(uses.names, uses.straight, resolve),
                                     function.body)
    return function
