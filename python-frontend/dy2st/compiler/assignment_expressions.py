"""Assignment expressions (`n := value`) as the assignments before their
statement that Python's order of evaluation makes them: `if (n := len(x)) > 1:`
is `n = len(x)` then `if n > 1:`. An assignment expression is taken where it
is evaluated every time its statement runs and nothing evaluated before it
could see the difference: only constants and reads of other names (and their
attributes: a function such as `paddle.max`) come first. A `while` whose
condition holds one tests it at the top of `while True` (`while (line :=
read()) is not None:`). The others — under `and`/`or` or a conditional
expression, in a comprehension or a lambda, after a call — stay, and the
importer reports them."""
import ast

from .locations import located


class _NotFirst(Exception):
    """Something evaluated before an assignment expression could see it move."""


def _holds_one(node):
    return any(isinstance(n, ast.NamedExpr) for n in ast.walk(node))


def _has_effect(node):
    """Whether evaluating `node` may call or read an item (which an
    assignment expression moved before it could change)."""
    return any(isinstance(n, (ast.Call, ast.Subscript, ast.Await)) or
               (isinstance(n, ast.Attribute) and not isinstance(n.value, ast.Name))
               for n in ast.walk(node))


def _hoisted(expression):
    """(assignments, `expression` with their targets in their places), or
    None where an assignment expression in it cannot move."""
    assignments, read = [], set()
    blocked = False

    def visit(node):
        nonlocal blocked
        if isinstance(node, ast.NamedExpr):
            if blocked or node.target.id in read:
                raise _NotFirst()
            value = visit(node.value)
            assignments.append(located(ast.Assign([ast.Name(node.target.id, ast.Store())],
                                                  value), node))
            return located(ast.Name(node.target.id, ast.Load()), node)
        if not _holds_one(node):
            read.update(n.id for n in ast.walk(node) if isinstance(n, ast.Name))
            blocked = blocked or _has_effect(node)
            return node
        if isinstance(node, (ast.Lambda, ast.ListComp, ast.SetComp, ast.DictComp,
                             ast.GeneratorExp, ast.BoolOp, ast.IfExp, ast.Dict)) or \
                (isinstance(node, ast.Compare) and len(node.comparators) > 1):
            # Evaluated only sometimes, or not in the order of its fields.
            raise _NotFirst()
        for field, value in ast.iter_fields(node):
            if isinstance(value, ast.AST):
                setattr(node, field, visit(value))
            elif isinstance(value, list):
                setattr(node, field, [visit(v) if isinstance(v, ast.AST) else v for v in value])
        blocked = blocked or isinstance(node, (ast.Call, ast.Subscript))
        return node

    try:
        return assignments, visit(expression)
    except _NotFirst:
        return None


def rewritten(statement):
    """`statement` with the assignment expressions it evaluates first as
    assignments before it (a list), or `statement` itself where it has none
    or one that cannot move."""
    field = next((f for f in ("test", "iter", "value", "exc")
                  if isinstance(getattr(statement, f, None), ast.expr)), None)
    if field is None or isinstance(statement, ast.Assert) or \
            not _holds_one(getattr(statement, field)):
        return statement
    found = _hoisted(getattr(statement, field))
    if found is None:
        return statement
    assignments, expression = found
    if isinstance(statement, ast.While):
        if statement.orelse:
            return statement
        stop = located(ast.If(ast.UnaryOp(ast.Not(), expression), [ast.Break()], []), statement)
        statement.test = located(ast.Constant(True), statement)
        statement.body = assignments + [stop] + statement.body
        return statement
    setattr(statement, field, expression)
    for assignment in assignments:
        # Before its statement, for the analysis of objects shared by two
        # names: `(b := self.buf).scale_(2)` changes b after b = self.buf.
        for part in (assignment, assignment.targets[0]):
            part.lineno, part.col_offset = statement.lineno, statement.col_offset
            part.end_lineno, part.end_col_offset = statement.lineno, statement.col_offset
    return assignments + [statement]
