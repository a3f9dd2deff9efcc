"""Greedy minimizer of a failing fuzz program: removes statements, unwraps if
and loops, replaces calls and operators by one of their operands and drops
calls of `calls()`, keeping each edit that leaves the verdict the same, until
no edit does."""
import ast
import copy

STATEMENT_LISTS = ("body", "orelse")


def _statement_lists(tree):
    for node in ast.walk(tree):
        for field in STATEMENT_LISTS:
            statements = getattr(node, field, None)
            if isinstance(statements, list) and statements and isinstance(statements[0], ast.stmt):
                yield statements


def _edits(tree):
    """Each edit is a function of a (copied) tree that changes it in place and
    returns True, or returns False where it does not apply. Edits are
    numbered by a walk of the tree, so the same number names the same edit
    on a copy."""
    edits = []
    for list_number, statements in enumerate(_statement_lists(tree)):
        for position, statement in enumerate(statements):
            edits.append(("remove", list_number, position))
            if isinstance(statement, (ast.If, ast.While, ast.For)):
                edits.append(("unwrap-body", list_number, position))
                if statement.orelse:
                    edits.append(("unwrap-else", list_number, position))
    for node_number, node in enumerate(ast.walk(tree)):
        if isinstance(node, ast.Call):
            for argument in range(len(node.args)):
                edits.append(("operand", node_number, argument))
        elif isinstance(node, ast.BinOp):
            edits += [("operand", node_number, 0), ("operand", node_number, 1)]
        elif isinstance(node, (ast.UnaryOp, ast.BoolOp)):
            edits.append(("operand", node_number, 0))
        elif isinstance(node, ast.List) and len(node.elts) > 1:
            edits += [("drop-element", node_number, i) for i in range(len(node.elts))]
    return edits


def _apply(tree, edit):
    kind, number, position = edit
    if kind in ("remove", "unwrap-body", "unwrap-else"):
        statements = list(_statement_lists(tree))[number]
        statement = statements[position]
        if kind == "remove":
            replacement = []
        else:
            replacement = statement.body if kind == "unwrap-body" else statement.orelse
        statements[position:position + 1] = replacement
        if not statements:
            statements.append(ast.Pass())
        return True
    parent = list(ast.walk(tree))[number]
    if kind == "drop-element":
        del parent.elts[position]
        return True
    if isinstance(parent, ast.Call):
        operand = parent.args[position]
    elif isinstance(parent, ast.BinOp):
        operand = (parent.left, parent.right)[position]
    elif isinstance(parent, ast.UnaryOp):
        operand = parent.operand
    else:
        operand = parent.values[0]
    if isinstance(operand, ast.Starred):
        return False
    return _replace(tree, parent, operand)


def _replace(tree, old, new):
    for node in ast.walk(tree):
        for field, value in ast.iter_fields(node):
            if value is old:
                setattr(node, field, new)
                return True
            if isinstance(value, list) and any(item is old for item in value):
                value[[id(item) for item in value].index(id(old))] = new
                return True
    return False


def minimize(source, finding, check, budget=400):
    """The smallest program found for which `check(source)` is `finding`,
    trying at most `budget` candidates."""
    current = source
    number = 0
    tried = 0
    while tried < budget:
        tree = ast.parse(current)
        edits = _edits(tree)
        if number >= len(edits):
            break
        candidate_tree = copy.deepcopy(tree)
        if not _apply(candidate_tree, edits[number]):
            number += 1
            continue
        candidate = ast.unparse(ast.fix_missing_locations(candidate_tree)) + "\n"
        tried += 1
        if candidate != current and check(candidate) == finding:
            current = candidate
        else:
            number += 1
    return current
