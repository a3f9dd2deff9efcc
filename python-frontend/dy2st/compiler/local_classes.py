"""Classes defined inside a converted function (`class Foo: ...` in its
body), made when the function is converted, as Python makes them when the
statement runs. Their instances are then compile-time objects like those of
module-level classes (attributes fold). A class body that reads one of the
function's runtime variables cannot be made before the function runs: that
is the importer's error."""
import ast
import copy
import symtable


def names_read(node: ast.ClassDef) -> set:
    """The names the class statement reads from outside it: its decorators',
    bases' and body's, and its methods' free names."""
    table = symtable.symtable(ast.unparse(ast.Module(body=[node], type_ignores=[])),
                              "<class>", "exec")
    found = set()

    def visit(scope):
        for symbol in scope.get_symbols():
            if symbol.is_referenced() and (symbol.is_global() or symbol.is_free()):
                found.add(symbol.get_name())
        for child in scope.get_children():
            visit(child)

    for child in table.get_children():
        visit(child)
    # The decorators and bases are read in the statement's own scope.
    for expr in [*node.decorator_list, *node.bases, *(k.value for k in node.keywords)]:
        found |= {n.id for n in ast.walk(expr) if isinstance(n, ast.Name)}
    return found - {node.name}


def make_class(node: ast.ClassDef, namespace: dict, filename: str, first_line: int) -> type:
    """Runs the class statement `node` (of a function whose source starts at
    `first_line` of `filename`) in a copy of `namespace`."""
    # A copy: the function's own tree keeps its lines (a nested def is
    # imported again at each call site, and makes the class each time).
    module = ast.Module(body=[copy.deepcopy(node)], type_ignores=[])
    ast.increment_lineno(module, first_line - 1)
    scope = dict(namespace)
    exec(compile(module, filename, "exec"), scope)  # noqa: S102 - the user's own class statement
    return scope[node.name]
