"""A function's own scope in its syntax tree: the nodes outside the
functions, lambdas, classes and comprehensions nested in it (whose names are
their own)."""
import ast

NESTED_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda, ast.ListComp,
                 ast.SetComp, ast.DictComp, ast.GeneratorExp)


def own_nodes(function):
    """The nodes of `function`'s own scope (a nested scope's own node is one;
    what is inside it is not)."""
    pending = list(ast.iter_child_nodes(function))
    while pending:
        node = pending.pop()
        yield node
        if not isinstance(node, NESTED_SCOPES):
            pending.extend(ast.iter_child_nodes(node))
