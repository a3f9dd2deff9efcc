"""List, dict and set comprehensions as the loops Python runs for them: before
the statement that holds one, a hidden list (dict, set) is made and filled by nested
`for` loops (with the `if` filters); the comprehension reads the hidden name.
Its loop variables are renamed so that, as in Python 3, they do not leak.
A conditional expression or `and`/`or` that holds one becomes an `if`
statement filling a hidden name (so the comprehension runs only when Python
would run it), and a `while` whose condition holds one tests it at the top of
its body (`while True: if not cond: break`). One in a lambda's body runs in a
nested def (statements.py); one in a lambda's defaults runs here."""
import ast
import copy

from .statements import located, parameter_names

_STATEMENT_LISTS = ("body", "orelse", "finalbody")
COMPREHENSION = "comprehension"
"""The stem of the hidden list (dict) a comprehension fills: a new object
made just before its loops, so no other name shares it while it is filled."""


class _Rename(ast.NodeTransformer):
    def __init__(self, names):
        self.names = names

    def visit_Name(self, node):
        if node.id in self.names:
            return ast.copy_location(ast.Name(self.names[node.id], node.ctx), node)
        return node

    def visit_Lambda(self, node):
        # Its defaults are read here; in its body, its parameters hide ours.
        node.args = self.visit(node.args)
        params = set(parameter_names(node.args))
        inner = {k: v for k, v in self.names.items() if k not in params}
        node.body = _Rename(inner).visit(node.body)
        return node


class _Hoist(ast.NodeTransformer):
    """Replaces the comprehensions of one expression by hidden names and
    collects the statements that fill them."""

    def __init__(self, desugarer):
        self.desugarer = desugarer
        self.statements = []

    def visit_IfExp(self, node):
        if not _has_comprehension(node):
            return node
        hidden = self.desugarer.fresh("ifexp")
        store = ast.Name(hidden, ast.Store())
        branch = ast.If(node.test, [ast.Assign([store], node.body)],
                        [ast.Assign([store], node.orelse)])
        return self._hoisted(branch, hidden, node)

    def visit_BoolOp(self, node):
        if not _has_comprehension(node):
            return node
        # a and b: the first false operand (else the last); or: the first true.
        hidden = self.desugarer.fresh("boolop")
        load = ast.Name(hidden, ast.Load())
        statements = [ast.Assign([ast.Name(hidden, ast.Store())], node.values[0])]
        inner = statements
        for value in node.values[1:]:
            test = load if isinstance(node.op, ast.And) else ast.UnaryOp(ast.Not(), load)
            guard = ast.If(test, [ast.Assign([ast.Name(hidden, ast.Store())], value)], [])
            inner.append(guard)
            inner = guard.body
        first = statements.pop(0)
        self.statements += self.desugarer.body([located(first, node)])
        return self._hoisted(statements[0], hidden, node) if statements else \
            ast.copy_location(load, node)

    def _hoisted(self, statement, hidden, node):
        self.statements += self.desugarer.body([located(statement, node)])
        return ast.copy_location(ast.Name(hidden, ast.Load()), node)

    def visit_Lambda(self, node):
        # Its defaults run where it is made; its body is a def of its own
        # (statements.py hoists comprehensions there).
        args = node.args
        args.defaults = [self.visit(d) for d in args.defaults]
        args.kw_defaults = [d if d is None else self.visit(d) for d in args.kw_defaults]
        return node

    def visit_ListComp(self, node):
        return self._comprehension(node, [node.elt])

    def visit_DictComp(self, node):
        return self._comprehension(node, [node.key, node.value])

    def visit_SetComp(self, node):
        return self._comprehension(node, [node.elt])

    def _comprehension(self, node, results):
        if any(g.is_async for g in node.generators):
            return node
        hidden = self.desugarer.fresh(COMPREHENSION)
        names = {}
        generators = []
        for generator in node.generators:
            generator = copy.deepcopy(generator)
            generator.iter = _Rename(dict(names)).visit(generator.iter)
            for target in ast.walk(generator.target):
                if isinstance(target, ast.Name):
                    names[target.id] = self.desugarer.fresh(target.id)
            generator.target = _Rename(names).visit(generator.target)
            generator.ifs = [_Rename(names).visit(i) for i in generator.ifs]
            generators.append(generator)
        results = [_Rename(names).visit(copy.deepcopy(r)) for r in results]
        load = ast.Name(hidden, ast.Load())
        if isinstance(node, ast.ListComp):
            empty = ast.List([], ast.Load())
            inner = ast.Expr(ast.Call(ast.Attribute(load, "append", ast.Load()), results, []))
        elif isinstance(node, ast.SetComp):
            empty = ast.Call(ast.Name("set", ast.Load()), [], [])
            inner = ast.Expr(ast.Call(ast.Attribute(load, "add", ast.Load()), results, []))
        else:
            empty = ast.Dict([], [])
            inner = ast.Assign([ast.Subscript(load, results[0], ast.Store())], results[1])
        body = [inner]
        for generator in reversed(generators):
            for condition in reversed(generator.ifs):
                body = [ast.If(condition, body, [])]
            body = [ast.For(generator.target, generator.iter, body, [])]
        statements = [ast.Assign([ast.Name(hidden, ast.Store())], empty)] + body
        for statement in statements:
            for part in ast.walk(statement):
                ast.copy_location(part, node)
        # Comprehensions inside the result or the filters run in the loop.
        self.statements += self.desugarer.body(statements)
        # A generator expression's list: next() takes its first item.
        load.dy2st_generator = getattr(node, "dy2st_generator", False)
        return ast.copy_location(load, node)


def _has_comprehension(node):
    return any(isinstance(n, (ast.ListComp, ast.DictComp, ast.SetComp)) for n in ast.walk(node))


class _Desugarer:
    def __init__(self):
        self.count = 0

    def fresh(self, name):
        self.count += 1
        return f"_dy2st_{name}_{self.count}"

    def body(self, statements):
        result = []
        for statement in statements:
            if isinstance(statement, ast.While) and _has_comprehension(statement.test):
                stop = ast.If(ast.UnaryOp(ast.Not(), statement.test), [ast.Break()], [])
                statement.body = [located(stop, statement.test)] + statement.body
                statement.test = ast.copy_location(ast.Constant(True), statement.test)
            if isinstance(statement, ast.FunctionDef):
                # A nested def's comprehensions run in its own body.
                statement.body = self.body(statement.body)
                result.append(statement)
                continue
            for field in _STATEMENT_LISTS:
                inner = getattr(statement, field, None)
                if isinstance(inner, list) and inner and isinstance(inner[0], ast.stmt) and \
                        not isinstance(statement, ast.ClassDef):
                    setattr(statement, field, self.body(inner))
            hoist = _Hoist(self)
            for field, value in ast.iter_fields(statement):
                if isinstance(statement, ast.While) and field == "test":
                    continue
                if isinstance(statement, (ast.FunctionDef, ast.ClassDef, ast.Lambda)):
                    break
                if isinstance(value, ast.expr):
                    setattr(statement, field, hoist.visit(value))
                elif isinstance(value, list) and value and isinstance(value[0], ast.expr):
                    setattr(statement, field, [hoist.visit(v) for v in value])
            result += hoist.statements
            result.append(statement)
        return result


def desugar(function):
    """`function` (an ast.FunctionDef) with its comprehensions as loops."""
    function.body = _Desugarer().body(function.body)
    return function
