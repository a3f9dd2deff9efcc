"""Source locations for the syntax trees dy2st's rewrites make, and their
statement lists."""
import ast


def located(tree, node):
    """`tree` (made by a rewrite) with the location of `node` where its parts
    have none; parts taken from the user's code keep theirs."""
    for part in ast.walk(tree):
        if not hasattr(part, "lineno"):
            ast.copy_location(part, node)
    return tree


def visit_statements(visitor, statements):
    """`statements` each visited by `visitor` (an ast.NodeTransformer), the
    several statements one is replaced by spliced in."""
    out = []
    for statement in statements:
        new = visitor.visit(statement)
        out += new if isinstance(new, list) else [new]
    return out
