"""Reads of variables that may be unassigned, checked at run time as Python
does: a hidden flag per such variable is False at the start, set True by
each assignment, and before a statement that may read the variable unbound
`if not flag: raise UnboundLocalError(...)` runs. The flags are Python bools,
so where the paths are known at compile time the checks fold away.

Which reads need a check comes from definite assignment over the statements
(conservative: a loop may run zero times). A read under a conditional
expression or the right of `and`/`or` may not run: its Name node is marked
(`unbound_flag`), and the importer checks it where it is read. A read in a
lambda is not checked here; if it remains after specialization, it is
reported at compile time."""
import ast

from . import try_statements
from .statements import located, parameter_names

_MESSAGE = "cannot access local variable '{}' where it is not associated with a value"
_EVERYTHING = None  # the set after a statement that never falls through


def _stores(node):
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}


def _eager_reads(expr):
    """Names an expression reads on every evaluation (not under a branch)."""
    found = []

    def visit(node):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
            found.append(node.id)
        elif isinstance(node, ast.IfExp):
            visit(node.test)
        elif isinstance(node, ast.BoolOp):
            visit(node.values[0])
        elif isinstance(node, (ast.Lambda, ast.FunctionDef)):
            return
        else:
            for child in ast.iter_child_nodes(node):
                visit(child)
    visit(expr)
    return found


def _conditional_reads(expr):
    """Name nodes an expression reads only on some evaluations: under a
    conditional expression's branches or right of `and`/`or`."""
    found = []

    def visit(node, conditional):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and conditional:
            found.append(node)
        elif isinstance(node, ast.IfExp):
            visit(node.test, conditional)
            visit(node.body, True)
            visit(node.orelse, True)
        elif isinstance(node, ast.BoolOp):
            visit(node.values[0], conditional)
            for value in node.values[1:]:
                visit(value, True)
        elif not isinstance(node, (ast.Lambda, ast.FunctionDef, ast.ListComp, ast.DictComp,
                                   ast.SetComp, ast.GeneratorExp)):
            for child in ast.iter_child_nodes(node):
                visit(child, conditional)
    visit(expr, False)
    return found


def raise_if_unbound(name, flag, node):
    """`if not flag: raise UnboundLocalError(...)` for a read of `name`."""
    error = ast.Call(ast.Name("UnboundLocalError", ast.Load()),
                     [ast.Constant(_MESSAGE.format(name))], [])
    test = ast.UnaryOp(ast.Not(), ast.Name(flag, ast.Load()))
    check = located(ast.If(test, [ast.Raise(error, None)], []), node)
    check.unbound_check = True
    return check


class _Checker:
    def __init__(self, local_names):
        self.locals = local_names
        self.checked = set()

    def flag(self, name):
        return f"_dy2st_bound_{name}"

    def block(self, statements, bound):
        """The statements with checks inserted, and the names bound after."""
        result = []
        for statement in statements:
            if bound is _EVERYTHING:
                result.append(statement)
                continue
            if try_statements.is_marker(statement, {try_statements.LEAVE_IF_RAISED}):
                # In a `try` body, a statement whose check failed leaves
                # before its names count as bound.
                at = len(result)
                while at and _is_flag_set(result[at - 1]):
                    at -= 1
                result.insert(at, statement)
                continue
            new, bound = self.statement(statement, bound)
            result += new
        return result, bound

    def statement(self, node, bound):
        if isinstance(node, ast.Delete):
            # `del name` (statements.py leaves only names): the name must be
            # bound, and is unbound after.
            deleted = [t.id for t in node.targets]
            checks = [self.check(n, node) for n in sorted(set(deleted))
                      if n in self.locals and n not in bound]
            return checks + [self.set_flag(n, node, False) for n in deleted], bound - set(deleted)
        heads = [getattr(node, f) for f in ("test", "iter", "value", "exc", "msg")
                 if isinstance(getattr(node, f, None), ast.expr)]
        if isinstance(node, ast.Expr):
            heads = [node.value]
        if isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
            heads.append(ast.Name(node.target.id, ast.Load()))
        if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            heads += [t for t in targets if not isinstance(t, ast.Name)]
        unbound = sorted({n for h in heads for n in _eager_reads(h)
                          if n in self.locals and n not in bound})
        checks = [self.check(n, node) for n in unbound]
        for read in (r for h in heads for r in _conditional_reads(h)):
            if read.id in self.locals and read.id not in bound:
                self.checked.add(read.id)
                read.unbound_flag = self.flag(read.id)
        if isinstance(node, ast.If):
            node.body, after_body = self.block(node.body, set(bound))
            node.orelse, after_else = self.block(node.orelse, set(bound))
            after = _join(after_body, after_else)
        elif isinstance(node, (ast.For, ast.While)):
            inner = bound | _stores(node.target) if isinstance(node, ast.For) else set(bound)
            node.body, _ = self.block(node.body, inner)
            after = set(bound)
        elif isinstance(node, (ast.Return, ast.Raise, ast.Break, ast.Continue)):
            after = _EVERYTHING
        elif isinstance(node, ast.FunctionDef):
            after = bound | {node.name}
        else:
            after = bound | _stores(node)
        sets = [self.set_flag(n, node) for n in sorted(_stores_of_statement(node))
                if n in self.locals]
        return checks + [node] + sets, after

    def check(self, name, node):
        self.checked.add(name)
        return raise_if_unbound(name, self.flag(name), node)

    def set_flag(self, name, node, value=True):
        return located(ast.Assign([ast.Name(self.flag(name), ast.Store())],
                                   ast.Constant(value)), node)


def _is_flag_set(node):
    """Whether `node` sets a variable's hidden flag (see _Checker.flag)."""
    return isinstance(node, ast.Assign) and len(node.targets) == 1 and \
        isinstance(node.targets[0], ast.Name) and \
        node.targets[0].id.startswith("_dy2st_bound_") and \
        isinstance(node.value, ast.Constant) and isinstance(node.value.value, bool)


def _stores_of_statement(node):
    """Names a simple statement assigns (compound statements set their own
    inside their bodies; a for loop's target is set in its body)."""
    if isinstance(node, (ast.If, ast.While)):
        return set()
    if isinstance(node, ast.For):
        return set()
    if isinstance(node, ast.FunctionDef):
        return {node.name}
    return _stores(node)


def _join(a, b):
    if a is _EVERYTHING:
        return b
    if b is _EVERYTHING:
        return a
    return a & b


def check(function):
    """`function` (an ast.FunctionDef, after the other rewrites) with checks
    before reads of variables that may be unbound; returns the names checked."""
    params = set(parameter_names(function.args))
    local_names = set()
    deleted = set()
    for statement in function.body:
        local_names |= _stores(statement)
        deleted |= {t.id for n in _own_nodes(statement) if isinstance(n, ast.Delete)
                    for t in n.targets}
    # A parameter is checked only where it may have been deleted.
    local_names = (local_names - params) | deleted
    checker = _Checker(local_names)
    body, _ = checker.block(function.body, set(params))
    _set_loop_targets(body, checker)
    if checker.checked:
        inits = [located(ast.Assign([ast.Name(checker.flag(n), ast.Store())],
                                     ast.Constant(n in params)), function)
                 for n in sorted(checker.checked)]
        body = inits + _drop_unused_sets(body, checker.checked)
    else:
        body = _drop_unused_sets(body, set())
    function.body = body
    return checker.checked


def _own_nodes(statement):
    """The nodes of `statement` outside the defs, lambdas and classes in it."""
    pending = [statement]
    while pending:
        node = pending.pop()
        yield node
        if node is statement or not isinstance(node, (ast.FunctionDef, ast.Lambda,
                                                        ast.ClassDef)):
            pending.extend(ast.iter_child_nodes(node))


def _set_loop_targets(statements, checker):
    """A for loop binds its target at the start of each iteration."""
    for node in statements:
        if isinstance(node, ast.FunctionDef):
            continue
        for field in ("body", "orelse"):
            inner = getattr(node, field, None)
            if isinstance(inner, list):
                _set_loop_targets(inner, checker)
        if isinstance(node, ast.For):
            node.body = [checker.set_flag(n, node) for n in sorted(_stores(node.target))
                         if n in checker.locals] + node.body


def _drop_unused_sets(statements, checked):
    """Only the flags of checked variables are kept."""
    result = []
    for node in statements:
        if _is_flag_set(node) and node.targets[0].id[len("_dy2st_bound_"):] not in checked:
            continue
        for field in ("body", "orelse"):
            inner = getattr(node, field, None)
            if isinstance(inner, list) and inner and isinstance(inner[0], ast.stmt) and \
                    not isinstance(node, ast.FunctionDef):
                setattr(node, field, _drop_unused_sets(inner, checked))
        result.append(node)
    return result
