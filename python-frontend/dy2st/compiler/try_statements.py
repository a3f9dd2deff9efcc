"""`try` statements in compiled code. Compiled code raises by recording the
exception and leaving (each caller leaves too, see Importer.leave_if_raised);
in a `try` body, leaving is a `break` out of a one-trip loop around the body
(the importer emits it where it would return), entered only where nothing
was raised before it (a failed check of compiled code goes on with safe
values until the function leaves). After each of the body's
statements, at every depth, the loop is left if something was raised: a
check of compiled code that failed (an index out of range) completes its
statement with a safe value, and the next statements do not run (the break
out of an inner loop is followed by this test after it). Then

    if catch(kinds of the first clause): handler
    elif catch(...): ...
    elif raised(): hold; finally; raise held; leave
                                       (no clause matched: the caller's)
    else: the `else` block
    the `finally` block

where catch() tells whether the recorded exception is of one of the classes
listed (the clause's classes and their subclasses) and, if so, handles it;
`hold` sets the exception aside while the `finally` block runs (compiled
code prints nothing while one is recorded) and `raise held` records it
again. A `return v` in the body keeps `v`, sets a flag and breaks out (of
its loops too); the `else` block runs only without it, and after the
`finally` block the function returns `v`. The importer converts the marker
calls named below."""
import ast
import builtins
import copy

from .locations import located

LEAVE_IF_RAISED = "__dy2st_leave_if_raised__"
CATCH = "__dy2st_catch__"
RAISED = "__dy2st_raised__"
LEAVE = "__dy2st_leave__"
HOLD = "__dy2st_hold_raised__"
RAISE_HELD = "__dy2st_raise_held__"
MARKERS = frozenset({LEAVE_IF_RAISED, CATCH, RAISED, LEAVE, HOLD, RAISE_HELD})

_BUILTIN_EXCEPTIONS = sorted(
    (c for c in vars(builtins).values() if isinstance(c, type) and issubclass(c, BaseException)),
    key=lambda c: c.__name__)


class _Unsupported(Exception):
    """A `try` this rewrite does not take: the node and why."""

    def __init__(self, node, message):
        super().__init__(message)
        self.node = node


def rewritten(node, fresh, resolve):
    """The statements that run `node` (an ast.Try) as described above;
    `fresh(name)` makes a hidden name, `resolve(name)` gives the object a
    global or builtin name refers to. Where they cannot, `node` itself,
    with `dy2st_unsupported`: (the node to name, why), for the importer."""
    try:
        return _rewritten(node, fresh, resolve)
    except _Unsupported as e:
        node.dy2st_unsupported = (e.node, str(e))
        return node


def _rewritten(node, fresh, resolve):
    for statement in node.body:
        _check_no_exit(statement, "the body of a 'try'", returns=True)
    for statement in node.finalbody:
        _check_no_exit(statement, "a 'finally' block")
    if node.finalbody:
        for statement in [s for h in node.handlers for s in h.body] + node.orelse:
            _check_no_exit(statement, "a 'try' with a 'finally' block")
    returned, value = fresh("returned"), fresh("returned_value")
    body = _returns_as_breaks(node.body, returned, value)
    once = located(ast.For(ast.Name(fresh("try"), ast.Store()),
                           ast.Call(ast.Name("range", ast.Load()), [ast.Constant(1)], []),
                           _checked(body, fresh), [], None), node)
    once.dy2st_try_body = True
    unmatched = [_marker(LEAVE, node)]
    if node.finalbody:
        unmatched = [_marker(HOLD, node)] + copy.deepcopy(node.finalbody) + \
            [_marker(RAISE_HELD, node)] + unmatched
    orelse = node.orelse
    if orelse and body is not node.body:
        # The `else` block runs where the body ended without a return too.
        orelse = [located(ast.If(ast.UnaryOp(ast.Not(), ast.Name(returned, ast.Load())),
                                 orelse, []), node)]
    chain = located(ast.If(_marker_call(RAISED, node), unmatched, orelse), node)
    for handler in reversed(node.handlers):
        kinds = _caught_kinds(handler, resolve)
        test = located(ast.Call(ast.Name(CATCH, ast.Load()), [ast.Constant(",".join(kinds))],
                                []), handler)
        chain = located(ast.If(test, _handler_body(handler), [chain]), handler)
    # A check that failed before the `try` (compiled code goes on with safe
    # values until it leaves) is not the body's to catch: it leaves first.
    before = [_marker(LEAVE_IF_RAISED, node)]
    if body is node.body:
        return before + [once, chain] + node.finalbody
    start = located(ast.Assign([ast.Name(returned, ast.Store())], ast.Constant(False)), node)
    leave = located(ast.If(ast.Name(returned, ast.Load()),
                           [ast.Return(ast.Name(value, ast.Load()))], []), node)
    return before + [start, once, chain] + node.finalbody + [leave]


def _returns_as_breaks(statements, returned, value):
    """`statements` with each `return v` as `value = v; returned = True;
    break`: out of the one-trip loop, or out of a loop in the body, after
    which `if returned: break` goes on out (before a loop's `else`, which a
    return skips); the same list where there is none."""
    def rewrite(block):
        result, changed = [], False
        for statement in block:
            if isinstance(statement, ast.Return):
                result += [located(ast.Assign([ast.Name(value, ast.Store())],
                                              statement.value or ast.Constant(None)), statement),
                           located(ast.Assign([ast.Name(returned, ast.Store())],
                                              ast.Constant(True)), statement),
                           located(ast.Break(), statement)]
                changed = True
                continue
            inner_changed = False
            if isinstance(statement, (ast.If, ast.With, ast.For, ast.While)):
                for field in ("body", "orelse"):
                    inner = getattr(statement, field, None)
                    if inner:
                        new = rewrite(inner)
                        inner_changed |= new is not inner
                        setattr(statement, field, new)
            result.append(statement)
            if inner_changed and isinstance(statement, (ast.For, ast.While)):
                result.append(located(ast.If(ast.Name(returned, ast.Load()), [ast.Break()], []),
                                      statement))
            changed |= inner_changed
        return result if changed else block
    return rewrite(statements)


def _marker_call(marker, node):
    return located(ast.Call(ast.Name(marker, ast.Load()), [], []), node)


def _marker(marker, node):
    return located(ast.Expr(_marker_call(marker, node)), node)


def _own_nodes(statements):
    """The nodes of `statements`, not those of the defs, lambdas and classes in them."""
    pending = list(statements)
    while pending:
        node = pending.pop()
        yield node
        if not isinstance(node, (ast.FunctionDef, ast.Lambda, ast.ClassDef)):
            pending.extend(ast.iter_child_nodes(node))


def _check_no_exit(statement, where, returns=False):
    """A return (but in a `try` body, where `returns`), or a break/continue
    of a loop around the `try`, in `where` is not supported yet (the body
    runs in a loop of its own)."""
    def visit(node, in_loop):
        if isinstance(node, ast.Return) and not returns:
            raise _Unsupported(node, f"'return' inside {where} is not supported by dy2st yet")
        if isinstance(node, (ast.Break, ast.Continue)) and not in_loop:
            kind = "break" if isinstance(node, ast.Break) else "continue"
            raise _Unsupported(node, f"'{kind}' inside {where} is not supported by dy2st yet")
        if isinstance(node, (ast.FunctionDef, ast.Lambda, ast.ClassDef)):
            return
        for child in ast.iter_child_nodes(node):
            loop_body = isinstance(node, (ast.For, ast.While)) and child not in node.orelse
            visit(child, in_loop or loop_body)
    visit(statement, False)


def _checked(statements, fresh):
    """`statements`, each followed by a leave of the loop if something was
    raised, in the blocks of compound statements too. An inner `try` (already
    rewritten) has its own tests: its loop is followed by its clauses, not
    by a test."""
    result = []
    for statement in statements:
        if getattr(statement, "dy2st_try_body", False) or is_marker(statement):
            result.append(statement)
            continue
        if not isinstance(statement, (ast.FunctionDef, ast.ClassDef)):
            for field in ("body", "orelse", "finalbody"):
                block = getattr(statement, field, None)
                if isinstance(block, list) and block and isinstance(block[0], ast.stmt):
                    setattr(statement, field, _checked(block, fresh))
        if isinstance(statement, ast.Assign) and \
                not isinstance(statement.value, (ast.Name, ast.Constant)):
            # The value is held, then tested, then assigned: where computing
            # it failed, the names keep what they had (as in Python, where
            # nothing is assigned), not its safe value.
            held = fresh("value")
            result += [located(ast.Assign([ast.Name(held, ast.Store())], statement.value),
                               statement), _marker(LEAVE_IF_RAISED, statement)]
            statement.value = located(ast.Name(held, ast.Load()), statement.value)
        result += [statement, _marker(LEAVE_IF_RAISED, statement)]
    return result


def is_marker(statement, markers=MARKERS):
    """Whether `statement` is the call of one of `markers`."""
    return isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call) and \
        isinstance(statement.value.func, ast.Name) and statement.value.func.id in markers


def _caught_kinds(handler, resolve):
    """What a clause catches, by name: the builtin exception classes among
    its classes' subclasses (BaseException's for a bare `except:`), and for
    a user's class, it and its subclasses as "Base/Name" (compiled code
    records a user's exception as its nearest builtin base, its message led
    by its class's name)."""
    if handler.type is None:
        classes = [BaseException]
    else:
        parts = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
        classes = [_exception_class(part, resolve) for part in parts]
    kinds = [c.__name__ for c in _BUILTIN_EXCEPTIONS if issubclass(c, tuple(classes))]
    for cls in classes:
        if not _is_builtin(cls):
            kinds += [f"{builtin_base(c).__name__}/{c.__name__}"
                      for c in [cls] + _subclasses(cls) if not _is_builtin(c)]
    return list(dict.fromkeys(kinds))


def _is_builtin(cls):
    return vars(builtins).get(cls.__name__) is cls


def builtin_base(cls):
    """The exception class compiled code records for `cls` (a raise of it,
    a clause naming it): its nearest builtin base, `cls` itself if builtin."""
    return next(c for c in cls.__mro__ if _is_builtin(c))


def _subclasses(cls):
    found = []
    for sub in cls.__subclasses__():
        found += [sub] + _subclasses(sub)
    return found


def _exception_class(node, resolve):
    obj = None
    if isinstance(node, ast.Name):
        obj = resolve(node.id)
    elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        obj = getattr(resolve(node.value.id), node.attr, None)
    if not (isinstance(obj, type) and issubclass(obj, BaseException)):
        raise _Unsupported(node, "an 'except' clause in compiled code names exception classes "
                                 "known when converting")
    return obj


def _handler_body(handler):
    """The clause's statements; `as e` only where they do not read `e` (the
    exception object is not supported yet)."""
    if handler.name is not None and any(
            isinstance(n, ast.Name) and n.id == handler.name for n in _own_nodes(handler.body)):
        raise _Unsupported(handler, f"'except ... as {handler.name}' reading the exception "
                                    "object is not supported by dy2st yet")
    for node in _own_nodes(handler.body):
        if isinstance(node, ast.Raise) and node.exc is None:
            raise _Unsupported(node, "a bare 'raise' (re-raising) is not supported by dy2st")
    return handler.body or [located(ast.Pass(), handler)]
