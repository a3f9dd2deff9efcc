"""A name bound once to a `range(...)` (`steps = range(n)`): compiled code
has no range values (a range is a loop's iterable, or the list of its items
where a builtin takes it), so its bounds are kept in hidden variables where
the name is assigned, and each read of the name is `range(...)` of them.
A range cannot change, so that is the same range wherever it is read."""
import ast

from .locations import located


def rewritten(function, resolve):
    """`function` (an ast.FunctionDef) with each name it assigns only once,
    to a call of the builtin `range`, read as that range (see above)."""
    stores = {}
    for node in ast.walk(function):
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            stores[node.id] = stores.get(node.id, 0) + 1
        if isinstance(node, (ast.Global, ast.Nonlocal)):
            for name in node.names:
                stores[name] = stores.get(name, 0) + 2
    ranges = {}
    for node in ast.walk(function):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and \
                isinstance(node.targets[0], ast.Name) and stores[node.targets[0].id] == 1 and \
                isinstance(node.value, ast.Call) and isinstance(node.value.func, ast.Name) and \
                resolve(node.value.func.id) is range and 1 <= len(node.value.args) <= 3 and \
                not node.value.keywords and \
                not any(isinstance(a, ast.Starred) for a in node.value.args):
            ranges[node.targets[0].id] = node
    if not ranges:
        return function
    bounds = {name: [f"_dy2st_range_{name}_{i}" for i in range(len(node.value.args))]
              for name, node in ranges.items()}

    class Rewrite(ast.NodeTransformer):
        def visit_Assign(self, node):
            if node not in ranges.values():
                return self.generic_visit(node)
            name = node.targets[0].id
            return [located(ast.Assign([ast.Name(hidden, ast.Store())], self.visit(arg)), node)
                    for hidden, arg in zip(bounds[name], node.value.args)]

        def visit_Name(self, node):
            if node.id not in ranges or not isinstance(node.ctx, ast.Load):
                return node
            return located(ast.Call(ast.Name("range", ast.Load()),
                                    [ast.Name(hidden, ast.Load()) for hidden in bounds[node.id]],
                                    []), node)

    return Rewrite().visit(function)
