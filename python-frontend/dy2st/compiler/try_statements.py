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
again. With a `finally` block, the clauses and the `else` block run in a
one-trip loop of their own, so that what they raise runs the `finally`
block on its way out too:

    for once: if catch(...): handler ... elif raised(): pass else: the `else` block
    if raised(): hold; finally; raise held; leave
    the `finally` block

An exit of the body (a `return v`, a `break` or `continue` of a loop
around the `try`), and of the clauses where they run in their loop, keeps
`v`, sets a code and breaks out (of the loops it is in too, for a return);
the `else` block runs only without one, and after the `finally` block the
code's return, break or continue is taken. An exit of the `finally` block
is taken where it runs: before the code's, which it overrides, and, on an
exception's way out, after letting the held exception go (Python drops it). The importer converts the
marker calls named below."""
import ast
import builtins
import copy

from .locations import located

LEAVE_IF_RAISED = "__dy2st_leave_if_raised__"
CATCH = "__dy2st_catch__"
RAISED = "__dy2st_raised__"
LEAVE = "__dy2st_leave__"
HOLD = "__dy2st_hold_raised__"
HOLD_CAUGHT = "__dy2st_hold_caught__"
RAISE_HELD = "__dy2st_raise_held__"
DROP_HELD = "__dy2st_drop_held__"
EXCEPTION = "__dy2st_exception__"
HELD_DEPTH = "__dy2st_held_depth__"
MARKERS = frozenset({LEAVE_IF_RAISED, CATCH, RAISED, LEAVE, HOLD, HOLD_CAUGHT, RAISE_HELD,
                     DROP_HELD, EXCEPTION, HELD_DEPTH})

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
    exit_code, value, exits = fresh("exit"), fresh("returned_value"), set()
    once = _one_trip(_exits_as_breaks(node.body, exit_code, value, exits), node, fresh)
    entry = fresh("entry_depth") if node.handlers else None
    handlers = [(handler, _handler_body(handler, fresh, entry)) for handler in node.handlers]
    orelse = node.orelse
    if orelse and exits:
        # The `else` block runs where the body ended without an exit too.
        orelse = [located(ast.If(_exit_is(exit_code, _NO_EXIT), orelse, []), node)]
    if node.finalbody and (handlers or orelse):
        # What a clause or the `else` block raises, and its exits, run the
        # `finally` block first: they leave a one-trip loop of their own.
        clause_exits = [(handler, _exits_as_breaks(statements, exit_code, value, exits))
                        for handler, statements in handlers]
        orelse = _exits_as_breaks(orelse, exit_code, value, exits)
        chain = _clause_chain(clause_exits, [located(ast.Pass(), node)], orelse, resolve, node)
        clauses = _one_trip([chain], node, fresh)
        after = located(ast.If(_marker_call(RAISED, node),
                               _finally_on_the_way_out(node, fresh) + [_marker(LEAVE, node)],
                               []), node)
        statements = [once, clauses, after]
    else:
        unmatched = (_finally_on_the_way_out(node, fresh) if node.finalbody else []) + \
            [_marker(LEAVE, node)]
        statements = [once, _clause_chain(handlers, unmatched, orelse, resolve, node)]
    # A check that failed before the `try` (compiled code goes on with safe
    # values until it leaves) is not the body's to catch: it leaves first.
    before = [_marker(LEAVE_IF_RAISED, node)]
    if entry:
        # How many exceptions are held as the `try` starts: its clauses let
        # go of those its body's clauses left behind when they raised.
        before.append(_hold(HELD_DEPTH, entry, node))
    if not exits:
        return before + statements + node.finalbody
    start = located(ast.Assign([ast.Name(exit_code, ast.Store())], ast.Constant(_NO_EXIT)), node)
    return before + [start] + statements + node.finalbody + \
        _exit_dispatch(exit_code, value, exits, node)


def _finally_on_the_way_out(node, fresh):
    """The `finally` block run while the exception is held: `hold`, the
    block, `raise held`. An exit of the block ends the exception (see
    _DropsBeforeExits); on the way without one, the block's exits are
    taken as they come, before the exit of the body they override."""
    depth = fresh("held")
    block = ast.Module(copy.deepcopy(node.finalbody), [])
    _DropsBeforeExits(depth).visit(block)
    return [_hold(HOLD, depth, node)] + block.body + [_marker(RAISE_HELD, node, depth)]


def _one_trip(statements, node, fresh):
    """`statements` checked in a loop that runs once, left where one raised."""
    checked = _checked(statements, fresh)
    if is_marker(checked[-1], {LEAVE_IF_RAISED}):
        checked.pop()  # (the loop ends there anyway)
    once = located(ast.For(ast.Name(fresh("try"), ast.Store()),
                           ast.Call(ast.Name("range", ast.Load()), [ast.Constant(1)], []),
                           checked, [], None), node)
    once.dy2st_try_body = True
    return once


def _clause_chain(handlers, unmatched, orelse, resolve, node):
    """`if catch(...): handler elif ...: elif raised(): unmatched else: orelse`."""
    chain = located(ast.If(_marker_call(RAISED, node), unmatched, orelse), node)
    for handler, statements in reversed(handlers):
        kinds = _caught_kinds(handler, resolve)
        test = located(ast.Call(ast.Name(CATCH, ast.Load()), [ast.Constant(",".join(kinds))],
                                []), handler)
        chain = located(ast.If(test, statements, [chain]), handler)
    return chain


# How a `try`'s body (or, with a `finally` block, a clause) was left.
_NO_EXIT, _RETURN, _BREAK, _CONTINUE = range(4)


def _exit_is(exit_code, code):
    return ast.Compare(ast.Name(exit_code, ast.Load()), [ast.Eq()], [ast.Constant(code)])


def _exit_dispatch(exit_code, value, exits, node):
    """After the `finally` block: the return, break or continue that left,
    of the kinds in `exits`."""
    actions = {_RETURN: ast.Return(ast.Name(value, ast.Load())), _BREAK: ast.Break(),
               _CONTINUE: ast.Continue()}
    return [located(ast.If(_exit_is(exit_code, code), [actions[code]], []), node)
            for code in sorted(exits)]


def _exits_as_breaks(statements, exit_code, value, exits):
    """`statements` with each exit of the `try` (a `return v`, and a `break`
    or `continue` of a loop around the `try`) as `value = v; exit_code =
    kind; break`: out of the one-trip loop, or, for a return, out of a loop
    in the statements, after which `if exit_code == RETURN: break` goes on
    out (before that loop's `else`, which a return skips). The kinds found
    are added to `exits`."""
    def exit_as_break(statement, code):
        exits.add(code)
        result = [located(ast.Assign([ast.Name(exit_code, ast.Store())], ast.Constant(code)),
                          statement), located(ast.Break(), statement)]
        if code == _RETURN:
            result.insert(0, located(ast.Assign([ast.Name(value, ast.Store())],
                                                statement.value or ast.Constant(None)), statement))
        return result

    def rewrite(block, in_loop):
        """The block rewritten, and whether it held a return."""
        result, returns = [], False
        for statement in block:
            if isinstance(statement, ast.Return):
                result += exit_as_break(statement, _RETURN)
                returns = True
                continue
            if isinstance(statement, (ast.Break, ast.Continue)) and not in_loop:
                result += exit_as_break(statement, _BREAK if isinstance(statement, ast.Break)
                                        else _CONTINUE)
                continue
            inner_returns = False
            for field in ("body", "orelse"):
                inner = getattr(statement, field, None)
                if inner and isinstance(statement, (ast.If, ast.With, ast.For, ast.While)):
                    loop_body = field == "body" and isinstance(statement, (ast.For, ast.While))
                    new, found = rewrite(inner, in_loop or loop_body)
                    setattr(statement, field, new)
                    inner_returns |= found
            result.append(statement)
            if inner_returns and isinstance(statement, (ast.For, ast.While)):
                result.append(located(ast.If(_exit_is(exit_code, _RETURN), [ast.Break()], []),
                                      statement))
            returns |= inner_returns
        return result, returns
    return rewrite(statements, False)[0]


def _marker_call(marker, node, *names):
    return located(ast.Call(ast.Name(marker, ast.Load()),
                            [ast.Name(name, ast.Load()) for name in names], []), node)


def _marker(marker, node, *names):
    return located(ast.Expr(_marker_call(marker, node, *names)), node)


def _hold(marker, depth, node):
    """`depth = marker()`: an exception held, and how many were before it."""
    return located(ast.Assign([ast.Name(depth, ast.Store())], _marker_call(marker, node)), node)


def _own_nodes(statements):
    """The nodes of `statements`, not those of the defs, lambdas and classes in them."""
    pending = list(statements)
    while pending:
        node = pending.pop()
        yield node
        if not isinstance(node, (ast.FunctionDef, ast.Lambda, ast.ClassDef)):
            pending.extend(ast.iter_child_nodes(node))


class _OwnStatements(ast.NodeTransformer):
    """A rewrite of a block's own statements: not those of the defs,
    lambdas and classes in it (see _own_nodes)."""

    def visit_FunctionDef(self, node):
        return node

    visit_Lambda = visit_ClassDef = visit_AsyncFunctionDef = visit_FunctionDef


class _DropsBeforeExits(_OwnStatements):
    """A `finally` block on an exception's way out, or an `except` clause:
    its `return`, and its `break` and `continue` of a loop around the `try`,
    end the exception (Python drops it), so the held exception is let go
    first — after a returned value is computed, which may still re-raise it
    (`return helper()` where the helper has a bare `raise`)."""

    def __init__(self, depth):
        self.depth = depth
        self.loops = 0

    def exit(self, node):
        return [_marker(DROP_HELD, node, self.depth), node]

    def visit_Return(self, node):
        if node.value is None:
            return self.exit(node)
        kept = f"{self.depth}_returned"
        computed = located(ast.Assign([ast.Name(kept, ast.Store())], node.value), node)
        return [computed] + self.exit(located(ast.Return(ast.Name(kept, ast.Load())), node))

    def visit_Break(self, node):
        return node if self.loops else self.exit(node)

    visit_Continue = visit_Break

    def visit_For(self, node):
        self.loops += 1
        node.body = [s for b in node.body for s in _as_list(self.visit(b))]
        self.loops -= 1
        node.orelse = [s for b in node.orelse for s in _as_list(self.visit(b))]
        return node

    visit_While = visit_For


def _as_list(result):
    return result if isinstance(result, list) else [result]


def _checked(statements, fresh):
    """`statements`, each followed by a leave of the loop if something was
    raised, in the blocks of compound statements too. An inner `try` (already
    rewritten) has its own tests: its loop is followed by its clauses, not
    by a test."""
    result = []
    for statement in statements:
        if getattr(statement, "dy2st_try_body", False) or is_marker(statement) or \
                _cannot_raise(statement):
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


def _cannot_raise(statement):
    """`pass`, a break or continue, or a name given a literal."""
    return isinstance(statement, (ast.Pass, ast.Break, ast.Continue)) or (
        isinstance(statement, ast.Assign) and isinstance(statement.value, ast.Constant) and
        all(isinstance(target, ast.Name) for target in statement.targets))


def is_marker(statement, markers=MARKERS):
    """Whether `statement` is the call of one of `markers`."""
    return isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call) and \
        isinstance(statement.value.func, ast.Name) and statement.value.func.id in markers


def _caught_kinds(handler, resolve):
    """What a clause catches, by name: the builtin exception classes among
    its classes' subclasses (BaseException's for a bare `except:`), and for
    a user's class, it and its subclasses as "Base/Name" (compiled code
    records a user's exception as its nearest builtin base and its name)."""
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


def _handler_body(handler, fresh, entry):
    """The clause's statements, after letting go of the exceptions held
    since the `try` started (`entry`). Where they read `e` of `as e`, it is
    the handled exception, held from the clause's start (a value that prints
    and formats as the object does), and unbound after the clause, as in
    Python; a bare `raise` (or `raise e`) records the held exception again.
    Where they call a function, it is held as well: a bare `raise` there
    (or in a `finally` block of the clause) re-raises it. The clause lets it
    go at its end."""
    return [_marker(DROP_HELD, handler, entry)] + _clause_statements(handler, fresh)


def _clause_statements(handler, fresh):
    statements = handler.body or [located(ast.Pass(), handler)]
    name = handler.name
    reads_name = name is not None and any(
        isinstance(n, ast.Name) and n.id == name for n in _own_nodes(statements))
    if reads_name and any(
            isinstance(n, ast.Name) and n.id == name and not isinstance(n.ctx, ast.Load)
            for n in _own_nodes(statements)):
        raise _Unsupported(handler, f"'except ... as {name}' assigning '{name}' in the clause "
                                    "is not supported by dy2st")
    held_name = name if reads_name else None
    re_raises = any(isinstance(n, ast.Raise) and _re_raises(n, held_name)
                    for n in _own_nodes(statements))
    calls = any(isinstance(n, ast.Call) for n in _own_nodes(statements))
    unbound = [located(ast.Assign([ast.Name(name, ast.Store())], ast.Constant(None)), handler),
               located(ast.Delete([ast.Name(name, ast.Del())]), handler)] if name else []
    if not (reads_name or re_raises or calls):
        return statements + unbound
    depth = fresh("caught")
    body = ast.Module(statements, [])
    _ReRaises(depth, held_name).visit(body)
    _DropsBeforeExits(depth).visit(body)
    bound = [located(ast.Assign([ast.Name(name, ast.Store())], _marker_call(EXCEPTION, handler,
                                                                          depth)), handler)] \
        if reads_name else []
    return [_hold(HOLD_CAUGHT, depth, handler)] + bound + body.body + \
        [_marker(DROP_HELD, handler, depth)] + unbound


def _re_raises(node, name):
    """Whether the `raise` statement `node` re-raises the handled exception:
    bare, or `raise e` of the clause's `as e`."""
    return node.exc is None or (name is not None and node.cause is None and
                                isinstance(node.exc, ast.Name) and node.exc.id == name)


class _ReRaises(_OwnStatements):
    """Each bare `raise` (not in a def, lambda or class), and `raise e` of the
    clause's `as e`, as the held exception recorded again, leaving as a
    raise does. Not the bare ones in the clauses and `finally` blocks of a
    `try` in the clause: there the exception being handled may be that
    try's own (they stay bare raises, which re-raise the one held last)."""

    def __init__(self, depth, name, bare=True):
        self.depth = depth
        self.name = name
        self.bare = bare

    def visit_Try(self, node):
        node.body = self.visit_block(node.body)
        node.orelse = self.visit_block(node.orelse)
        named = _ReRaises(self.depth, self.name, bare=False)
        for handler in node.handlers:
            if self.name is not None and handler.name != self.name:
                handler.body = named.visit_block(handler.body)
        node.finalbody = named.visit_block(node.finalbody)
        return node

    def visit_block(self, statements):
        return [s for statement in statements for s in _as_list(self.visit(statement))]

    def visit_Raise(self, node):
        if not _re_raises(node, self.name) or (node.exc is None and not self.bare):
            return node
        return [_marker(RAISE_HELD, node, self.depth), _marker(LEAVE, node)]
