"""`items += values` of a list extends it in place (list.__iadd__): another
name of the list sees the new items, and any iterable extends it (`items +=
(a, b)`). Where the function's syntax tells that the name is a list — each
binding of it makes one (a display, a comprehension, `list(...)`, sums and
repeats of those) — the statement is rewritten as `items.extend(values)`,
whose change in place the analysis of shared objects follows."""
import ast

from .locations import located
from .numpy_values import names_bound_only_to


def _makes_list(node, resolve):
    if isinstance(node, (ast.List, ast.ListComp)):
        return True
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        return resolve(node.func.id) is list
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _makes_list(node.left, resolve) and _makes_list(node.right, resolve)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult):
        return _makes_list(node.left, resolve) or _makes_list(node.right, resolve)
    return False


def list_names(function, resolve, params=None):
    """The local names every binding of which in `function` (a def, or a
    module of a def's statements given its `params`) makes a list (`+=`
    keeps one a list), parameters excepted."""
    if params is None:
        params = [a.arg for a in ast.walk(function.args) if isinstance(a, ast.arg)]
    return names_bound_only_to(function, params, lambda value: _makes_list(value, resolve),
                               kept_by=(ast.Add,))


def rewritten(function, resolve):
    """`function` with `items += values` of its list names as `items.extend(values)`."""
    names = list_names(function, resolve)
    if not names:
        return function

    class Rewrite(ast.NodeTransformer):
        def visit_AugAssign(self, node):
            if isinstance(node.op, ast.Add) and isinstance(node.target, ast.Name) and \
                    node.target.id in names:
                receiver = located(ast.Name(node.target.id, ast.Load()), node.target)
                method = located(ast.Attribute(receiver, "extend", ast.Load()), node.target)
                return located(ast.Expr(located(ast.Call(method, [node.value], []), node)), node)
            return node

        def visit_FunctionDef(self, node):
            return self.generic_visit(node) if node is function else node

        visit_AsyncFunctionDef = visit_FunctionDef

        def visit_Lambda(self, node):
            return node

        def visit_ClassDef(self, node):
            return node

    return Rewrite().visit(function)
