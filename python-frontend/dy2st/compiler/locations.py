"""Source locations for the syntax trees dy2st's rewrites make."""
import ast


def located(tree, node):
    """`tree` (made by a rewrite) with the location of `node` where its parts
    have none; parts taken from the user's code keep theirs."""
    for part in ast.walk(tree):
        if not hasattr(part, "lineno"):
            ast.copy_location(part, node)
    return tree
