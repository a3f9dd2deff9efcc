"""Python statements rewritten as the simpler ones the importer converts, the
way Python itself defines them:

- `assert test, msg` is `if not test: raise AssertionError(msg)`;
- `x: T = value` is `x = value` (an annotation alone does nothing);
- a `try` statement is its body in a one-trip loop, left where something
  raises, then its clauses (try_statements.py);
- `n := value` evaluated first in its statement is `n = value` before it
  (a `while` condition's at the top of `while True`: assignment_expressions.py);
- a variable bound to several lambdas (or outside functions) and only called
  holds the index of its choice, each call a chain of calls under tests of
  it (function_choices.py);
- a name bound once to `range(...)` keeps its bounds in hidden variables and
  is read as `range(...)` of them (range_names.py);
- an iterator the function makes and uses alone (`it = iter(items)`, then
  `next(it)` and `for x in it`) is its items and a position (iterators.py);
- a loop's `else` runs when the loop ends without `break`: a hidden flag is
  set before each `break` of that loop and the `else` runs under `if not flag`;
- `enumerate(x, start)` is `enumerate(x)` with `start` added to the index;
- a generator expression is consumed at once by the call it is passed to,
  so it is the list comprehension of the same items;
- `[a, *rest, b]` is `[a] + list(rest) + [b]` (a tuple display with tuple());
- `first, *rest = value` reads `value[0]` and `list(value[1:])`;
- a comprehension in a lambda is a call of a nested def that returns it
  (whose body can hold the loop the comprehension becomes);
- `x = x` of a parameter x (never deleted) does nothing: x keeps naming the
  same object, which the analysis of shared objects (aliases.py) and of
  changed parameters would otherwise take for another one (fuzz seed 12024);
- `for item in items:` (or `for i, item in enumerate(items)`) whose body
  changes `item` in place is `for k in range(len(items)): item = items[k]`:
  `item` is the container's item (or the tensor's row, a view of it), and
  the analysis of shared objects follows a name given by indexing, so the
  change reaches `items` (the body must neither assign `items` nor add,
  remove or move its items, which the iteration would see);
- `y = x[i][j]`, where y is changed in place or given to a call (which may
  change it), is `t = x[i]; y = t[j]` with a hidden t (and `a, b = x[i]` is
  `t = x[i]; a, b = t`): the analysis of shared
  objects follows a name given by indexing a name, one level at a time, so
  a change through y reaches t and then x."""
import ast
import builtins
import copy
import functools
import inspect
import keyword
import re
import textwrap
import types

from ..eager import inplace
from . import (assignment_expressions, function_choices, iterators, list_extensions, range_names,
               try_statements)
from .locations import located, visit_statements


def _plain_attribute(name):
    """Whether `obj.<name>` reads what getattr(obj, name) does: an identifier
    that is no keyword and that Python does not mangle in a class (`__x`)."""
    return isinstance(name, str) and name.isidentifier() and not keyword.iskeyword(name) and \
        not (name.startswith("__") and not name.endswith("__"))


class _Desugar(ast.NodeTransformer):
    def __init__(self, resolve):
        self.resolve = resolve
        self.count = 0

    def visit(self, node):
        new = super().visit(node)
        if not isinstance(node, ast.stmt) or isinstance(node, ast.FunctionDef):
            return new
        result = []
        for statement in new if isinstance(new, list) else [new]:
            moved = assignment_expressions.rewritten(statement)
            for part in moved if isinstance(moved, list) else [moved]:
                result += self._hoist_lambdas(part) + [part]
        return result

    def _hoist_lambdas(self, statement):
        """Comprehensions in the lambdas of `statement`'s own expressions, as
        calls of nested defs made just before it (a def's body can hold the
        loop a comprehension becomes): `lambda t: [t * k for k in r]` is
        `lambda t: _comp(t)` with `def _comp(t): return [t * k for k in r]`;
        the lambda's parameters it reads are passed, the rest are closures."""
        defs = []
        desugar = self

        class Hoist(ast.NodeTransformer):
            def __init__(self, params=(), bound=()):
                self.params = params
                # Names the comprehensions around a lambda bind: passed like
                # its parameters (read when the lambda runs, as Python does).
                self.bound = bound

            def visit_Lambda(self, node):
                params = parameter_names(node.args)
                node.body = Hoist(list(dict.fromkeys(list(self.bound) + params))).visit(node.body)
                return node

            def comprehension(self, node):
                if not self.params:
                    targets = [n.id for g in node.generators for n in ast.walk(g.target)
                               if isinstance(n, ast.Name)]
                    return Hoist((), list(self.bound) + targets).generic_visit(node)
                name = desugar.fresh("in_lambda")
                read = {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}
                passed = [p for p in self.params if p in read]
                body = [ast.copy_location(ast.Return(node), node)]
                arguments = ast.arguments(posonlyargs=[], args=[ast.arg(p) for p in passed],
                                          kwonlyargs=[], kw_defaults=[], defaults=[])
                defs.append(located(ast.FunctionDef(name=name, args=arguments, body=body,
                                                    decorator_list=[], returns=None), node))
                call = ast.Call(ast.Name(name, ast.Load()),
                                [ast.Name(p, ast.Load()) for p in passed], [])
                return located(call, node)

            visit_ListComp = visit_DictComp = visit_SetComp = comprehension

        if isinstance(statement, ast.FunctionDef):
            return []
        for field, value in ast.iter_fields(statement):
            if isinstance(value, ast.expr):
                setattr(statement, field, Hoist().visit(value))
            elif isinstance(value, list) and all(isinstance(v, ast.expr) for v in value):
                setattr(statement, field, [Hoist().visit(v) for v in value])
        return defs

    def fresh(self, name):
        self.count += 1
        return f"_dy2st_{name}_{self.count}"

    def visit_Try(self, node):
        return try_statements.rewritten(self.generic_visit(node), self.fresh, self.resolve)

    def visit_Assert(self, node):
        test = ast.UnaryOp(ast.Not(), self.visit(node.test))
        args = [self.visit(node.msg)] if node.msg is not None else []
        error = ast.Call(ast.Name("AssertionError", ast.Load()), args, [])
        return located(ast.If(test, [ast.Raise(error, None)], []), node)

    def visit_Call(self, node):
        self.generic_visit(node)
        if isinstance(node.func, ast.Name) and self.resolve(node.func.id) is getattr and \
                len(node.args) == 2 and not node.keywords and \
                isinstance(node.args[1], ast.Constant) and _plain_attribute(node.args[1].value):
            # `getattr(self, "buf")` is `self.buf`: the same name to the
            # analysis of objects shared by two names.
            return located(ast.Attribute(node.args[0], node.args[1].value, ast.Load()), node)
        if isinstance(node.func, ast.Attribute) and node.func.attr == "extend" and \
                len(node.args) == 1 and isinstance(node.args[0], ast.Call) and \
                isinstance(node.args[0].func, ast.Name) and \
                self.resolve(node.args[0].func.id) is range:
            # `rows.extend(range(n))` (and `rows += range(n)`): the range's
            # items as list() gives them.
            node.args = [located(ast.Call(ast.Name("list", ast.Load()), node.args, []),
                                 node.args[0])]
            return node
        if isinstance(node.func, ast.Name) and self.resolve(node.func.id) is print:
            node.args = [percent_as_fstring(a) for a in node.args]
            if any(isinstance(a, ast.JoinedStr) for a in node.args):
                return _print_pieces(node)
        return node

    def visit_List(self, node):
        self.generic_visit(node)
        return _concatenated(node, ast.List, "list")

    def visit_Tuple(self, node):
        self.generic_visit(node)
        return _concatenated(node, ast.Tuple, "tuple")

    def visit_AnnAssign(self, node):
        if node.value is None:
            return located(ast.Pass(), node)  # `total: float` binds nothing
        return self.visit_Assign(located(ast.Assign([node.target], node.value), node))

    def visit_Assign(self, node):
        if len(node.targets) > 1:
            # `a = b = value`: one object, given each target in turn (a
            # hidden name holds it, so that the analysis of objects shared by
            # two names sees a and b share it).
            held = self.fresh("chained")
            parts = [located(ast.Assign([ast.Name(held, ast.Store())], node.value), node)]
            parts += [located(ast.Assign([target], ast.Name(held, ast.Load())), node)
                      for target in node.targets]
            result = []
            for part in parts:
                done = self.visit_Assign(part)
                result += done if isinstance(done, list) else [done]
            return result
        self.generic_visit(node)
        target = node.targets[0]
        if len(node.targets) != 1 or not isinstance(target, (ast.Tuple, ast.List)) or \
                sum(isinstance(e, ast.Starred) for e in target.elts) != 1:
            return node
        held = self.fresh("unpacked")
        statements = [ast.Assign([ast.Name(held, ast.Store())], node.value)]
        at = next(i for i, e in enumerate(target.elts) if isinstance(e, ast.Starred))
        after = len(target.elts) - at - 1
        for i, element in enumerate(target.elts):
            value = ast.Name(held, ast.Load())
            if i < at:
                read = ast.Subscript(value, ast.Constant(i), ast.Load())
            elif i == at:
                stop = ast.Constant(-after) if after else None
                read = ast.Call(ast.Name("list", ast.Load()),
                                [ast.Subscript(value, ast.Slice(ast.Constant(at), stop, None),
                                               ast.Load())], [])
                element = element.value
            else:
                read = ast.Subscript(value, ast.Constant(i - len(target.elts)), ast.Load())
            statements.append(ast.Assign([element], read))
        return [located(s, node) for s in statements]

    def visit_Compare(self, node):
        """`v in {"relu", "gelu"}`: membership of a set display of literals is
        membership of the tuple of them (the same test; compiled code has no
        sets)."""
        self.generic_visit(node)
        node.comparators = [
            ast.copy_location(ast.Tuple(c.elts, ast.Load()), c)
            if isinstance(op, (ast.In, ast.NotIn)) and isinstance(c, ast.Set) and
            all(isinstance(e, ast.Constant) for e in c.elts) else c
            for op, c in zip(node.ops, node.comparators)]
        return node

    def visit_Delete(self, node):
        """`del c[k]` is `c.pop(k)` (a list's item or a dict's key, with
        Python's IndexError or KeyError), `del c[a:b]` is `c[a:b] = []`, each
        target in turn; `del name` stays, for unbound.check (the name is
        unbound after it)."""
        self.generic_visit(node)
        statements = []
        for target in node.targets:
            if isinstance(target, ast.Subscript) and isinstance(target.slice, ast.Slice):
                store = ast.Subscript(target.value, target.slice, ast.Store())
                statements.append(ast.Assign([store], ast.List([], ast.Load())))
            elif isinstance(target, ast.Subscript):
                pop = ast.Attribute(_loaded(target.value), "pop", ast.Load())
                statements.append(ast.Expr(ast.Call(pop, [target.slice], [])))
            elif isinstance(target, ast.Name):
                statements.append(ast.Delete([target]))
            else:
                return node  # `del obj.attr`: the importer's clear error
        return [located(s, node) for s in statements]

    def visit_GeneratorExp(self, node):
        self.generic_visit(node)
        listed = ast.copy_location(ast.ListComp(node.elt, node.generators), node)
        listed.dy2st_generator = True  # next() of it is its first item
        return listed

    def visit_For(self, node):
        self.generic_visit(node)
        node = self._enumerate_start(node)
        before, node = self._indexed_items(node)
        result = self._loop_else(node)
        return before + (result if isinstance(result, list) else [result])

    def visit_While(self, node):
        self.generic_visit(node)
        return self._loop_else(node)

    def _loop_else(self, loop):
        if not loop.orelse:
            return loop
        orelse, loop.orelse = loop.orelse, []
        if not _breaks_of(loop.body):
            return [loop] + orelse
        flag = self.fresh("broke")
        loop.body = _SetFlagBeforeBreak(flag).visit_statements(loop.body)
        init = ast.Assign([ast.Name(flag, ast.Store())], ast.Constant(False))
        guard = ast.If(ast.UnaryOp(ast.Not(), ast.Name(flag, ast.Load())), orelse, [])
        return [located(init, loop), loop, located(guard, loop)]

    def _indexed_items(self, loop):
        it, target, index = loop.iter, loop.target, None
        if isinstance(it, ast.Call) and isinstance(it.func, ast.Name) and \
                self.resolve(it.func.id) is enumerate and len(it.args) == 1 and \
                not it.keywords and isinstance(target, ast.Tuple) and len(target.elts) == 2 and \
                isinstance(target.elts[0], ast.Name):
            index, target, it = target.elts[0], target.elts[1], it.args[0]
        items = dotted(it)
        if not (items is not None and isinstance(target, ast.Name) and
                _changed_in_place(loop.body, target.id, self.resolve) and
                not _changes_the_container(loop.body, items) and
                target.id not in owners(items) + [items] and
                (index is None or index.id not in owners(items) + [items, target.id])):
            return [], loop
        index = index or located(ast.Name(self.fresh("item_index"), ast.Store()), target)
        before = []
        if isinstance(it, ast.Subscript):
            # `for row in x[0]`: x[0] named once, before the loop, so that
            # the row is an item of a name (see _NestedItems).
            held = self.fresh("items")
            # At the loop's start, ending there: it runs before the loop.
            start = ast.Pass(lineno=loop.lineno, col_offset=loop.col_offset,
                             end_lineno=loop.lineno, end_col_offset=loop.col_offset)
            before = [located(ast.Assign([ast.Name(held, ast.Store())], it), start)]
            it = located(ast.Name(held, ast.Load()), it)
        count = ast.Call(ast.Name("len", ast.Load()), [copy.deepcopy(it)], [])
        loop.iter = located(ast.Call(ast.Name("range", ast.Load()), [count], []), loop.iter)
        loop.target = index
        item = ast.Subscript(copy.deepcopy(it), ast.Name(index.id, ast.Load()), ast.Load())
        loop.body = [located(ast.Assign([target], item), target)] + loop.body
        return before, loop

    def _enumerate_start(self, loop):
        it = loop.iter
        if not (isinstance(it, ast.Call) and isinstance(it.func, ast.Name) and
                self.resolve(it.func.id) is enumerate and not it.keywords and len(it.args) == 2 and
                isinstance(loop.target, ast.Tuple) and len(loop.target.elts) == 2):
            return loop
        index = self.fresh("index")
        user_index = loop.target.elts[0]
        loop.target.elts[0] = ast.copy_location(ast.Name(index, ast.Store()), user_index)
        start = it.args.pop()
        offset = ast.Assign([user_index], ast.BinOp(ast.Name(index, ast.Load()), ast.Add(), start))
        loop.body = [located(offset, loop)] + loop.body
        return loop


_PERCENT = re.compile(r"%([-+ #0]*)(\d*)(?:\.(\d+))?([diouxXeEfFgGrsa%])")


def percent_as_fstring(arg):
    """`"a %s b %5.2f" % (x, y)` as the f-string `f"a {x!s} b {y:5.2f}"`: the
    same text (`%d` formats `int(value)`); a format with other conversions
    (`%(key)s`, `*`) stays as it is."""
    if not (isinstance(arg, ast.BinOp) and isinstance(arg.op, ast.Mod) and
            isinstance(arg.left, ast.Constant) and isinstance(arg.left.value, str)):
        return arg
    values = list(arg.right.elts) if isinstance(arg.right, ast.Tuple) else [arg.right]
    pieces, at = [], 0
    for match in _PERCENT.finditer(arg.left.value):
        text = arg.left.value[at:match.start()]
        at = match.end()
        if "%" in text:
            return arg
        if text:
            pieces.append(ast.Constant(text))
        flags, width, precision, kind = match.groups()
        if kind == "%":
            pieces.append(ast.Constant("%"))
            continue
        if not values or (precision is not None and kind in "diouxX"):
            return arg
        pieces.append(_percent_piece(values.pop(0), flags, width, precision, kind))
    if values or "%" in arg.left.value[at:]:
        return arg
    if arg.left.value[at:]:
        pieces.append(ast.Constant(arg.left.value[at:]))
    return located(ast.JoinedStr(pieces), arg)


def _percent_piece(value, flags, width, precision, kind):
    """One `%` conversion as the f-string field that writes the same text."""
    conversion = -1
    if kind in "rsa":
        conversion = ord(kind)
        spec = ("<" if "-" in flags else ">" if width else "") + width
        spec += f".{precision}" if precision is not None else ""
    else:
        if kind in "diu":
            value = ast.Call(ast.Name("int", ast.Load()), [value], [])
            kind = "d"
        align = "<" if "-" in flags else ""
        sign = "+" if "+" in flags else " " if " " in flags else ""
        zero = "0" if "0" in flags and not align else ""
        alternate = "#" if "#" in flags else ""
        spec = f"{align}{sign}{alternate}{zero}{width}"
        spec += (f".{precision}" if precision is not None else "") + kind
    format_spec = ast.JoinedStr([ast.Constant(spec)]) if spec else None
    return ast.FormattedValue(value, conversion, format_spec)


def _concatenated(node, display, convert):
    """A display with `*x` items as the concatenation of its parts."""
    if not isinstance(node.ctx, ast.Load) or not any(isinstance(e, ast.Starred) for e in node.elts):
        return node
    parts, run = [], []
    for element in node.elts:
        if isinstance(element, ast.Starred):
            if run:
                parts.append(display(run, ast.Load()))
                run = []
            parts.append(ast.Call(ast.Name(convert, ast.Load()), [element.value], []))
        else:
            run.append(element)
    if run:
        parts.append(display(run, ast.Load()))
    result = parts[0]
    for part in parts[1:]:
        result = ast.BinOp(result, ast.Add(), part)
    return located(result, node)


def _print_pieces(call):
    """`print(a, f"x={x:.2f}", sep=S)` as `print(a, S, "x=", {x:.2f}, sep="")`:
    an f-string's parts printed one after the other (the fields keep their
    format), the separator between the original arguments written out."""
    keywords = {k.arg: k.value for k in call.keywords}
    sep = keywords.get("sep", ast.Constant(" "))
    if not (isinstance(sep, ast.Constant) and isinstance(sep.value, str)):
        return call
    pieces = []
    for i, arg in enumerate(call.args):
        if i and sep.value:
            pieces.append(ast.Constant(sep.value))
        pieces += arg.values if isinstance(arg, ast.JoinedStr) else [arg]
    keywords["sep"] = ast.Constant("")
    new = ast.Call(call.func, pieces, [ast.keyword(k, v) for k, v in keywords.items()])
    return located(new, call)


def loop_exits(statements):
    """The `break` and `continue` statements that leave (or go on with) the
    loop whose body is `statements`: not those of loops inside it, except
    in their `else` clauses."""
    found = []

    class Finder(ast.NodeVisitor):
        def visit_Break(self, node):
            found.append(node)

        visit_Continue = visit_Break

        def visit_For(self, node):
            for s in node.orelse:
                self.visit(s)

        visit_While = visit_For

        def visit_FunctionDef(self, node):
            pass

        visit_Lambda = visit_FunctionDef

    for s in statements:
        Finder().visit(s)
    return found


def _breaks_of(statements):
    """The `break` statements that leave the loop whose body is `statements`."""
    return [node for node in loop_exits(statements) if isinstance(node, ast.Break)]


class _SetFlagBeforeBreak(ast.NodeTransformer):
    def __init__(self, flag):
        self.flag = flag

    def visit_statements(self, statements):
        return visit_statements(self, statements)

    def visit_Break(self, node):
        set_flag = ast.Assign([ast.Name(self.flag, ast.Store())], ast.Constant(True))
        return [located(set_flag, node), node]

    def visit_For(self, node):
        node.orelse = self.visit_statements(node.orelse)
        return node

    visit_While = visit_For

    def visit_FunctionDef(self, node):
        return node

    visit_Lambda = visit_FunctionDef


class _LeavingOneTrip(_SetFlagBeforeBreak):
    def visit_Continue(self, node):
        return located(ast.Break(), node)


def leaving_one_trip(statements, flag):
    """A copy of `statements`, a loop's body, as the body of a one-trip loop
    around them: their loop's `continue` a `break` of it, and its `break`
    one that sets `flag` first."""
    return _LeavingOneTrip(flag).visit_statements(copy.deepcopy(statements))


CONTAINER_CHANGES = frozenset("""append extend insert pop remove clear reverse sort update
    setdefault popitem""".split())
"""The methods of lists and dicts that add, remove, replace or move items."""


def _changed_in_place(statements, name, resolve, seen=(), callers=()):
    """Whether `statements` change the object `name` names in place (`name[i]
    = v`, `name.add_(v)`, `name[k].add_(v)`, `name.append(v)`, or `F.relu_(name)` of a module
    `F`: `resolve(n)` is what a global name refers to), also through a user's
    function given it (`fill(name)`, `fill(name[k])` where fill changes its
    parameter so; `callers`: the functions on the way, whose recursion is
    taken to change it) or a name given one of its items (`cell = name[k];
    cell.add_(v)`, as an inner loop over it becomes)."""
    nodes = [n for s in statements for n in ast.walk(s)]
    items = {n.targets[0].id for n in nodes
             if isinstance(n, ast.Assign) and len(n.targets) == 1 and
             isinstance(n.targets[0], ast.Name) and isinstance(n.value, ast.Subscript) and
             isinstance(n.value.value, ast.Name) and n.value.value.id == name}
    if any(_changed_in_place(statements, item, resolve, seen + (name,), callers)
           for item in items - set(seen) - {name}):
        return True
    for node in nodes:
        targets = node.targets if isinstance(node, ast.Assign) else \
            [node.target] if isinstance(node, ast.AugAssign) else []
        for target in targets:
            while isinstance(target, ast.Subscript):
                target = target.value
                if isinstance(target, ast.Name) and target.id == name:
                    return True
        callee = _users_function(node.func, resolve) if isinstance(node, ast.Call) else None
        if callee is not None and _changes_argument(*callee, node, name, callers):
            return True
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        method, owner = node.func.attr, node.func.value
        if not (inplace.operation_of(method) or method in CONTAINER_CHANGES):
            continue
        while isinstance(owner, ast.Subscript):
            owner = owner.value
        if isinstance(owner, ast.Name) and owner.id == name:
            return True
        module = owner
        while isinstance(module, ast.Attribute):
            module = module.value
        if inplace.operation_of(method) and node.args and isinstance(node.args[0], ast.Name) and \
                node.args[0].id == name and isinstance(module, ast.Name) and \
                isinstance(resolve(module.id), types.ModuleType):
            return True
    return False


def _users_function(node, resolve):
    """The Python function of the user's (not dy2st's) that `node` names — a
    global `f`, or a method `self.f` where `resolve` knows the receiver — and
    how many of its parameters come before the call's arguments (the
    method's self); else None."""
    name = dotted(node) if isinstance(node, (ast.Name, ast.Attribute)) else None
    fn = resolve(name) if name is not None else None
    receiver = fn.__self__ if isinstance(fn, types.MethodType) else None
    fn = fn.__func__ if receiver is not None else fn
    if isinstance(fn, types.FunctionType) and \
            not fn.__module__.split(".")[0] in ("dy2st", "paddle"):
        return fn, receiver
    return None


def method_of(obj, name):
    """`obj.name` where it is a method defined in Python (bound), else None:
    read without running properties."""
    method = inspect.getattr_static(type(obj), name, None)
    return types.MethodType(method, obj) if isinstance(method, types.FunctionType) else None


def _changes_argument(fn, receiver, call, name, callers):
    """Whether the user's function `fn` (a method of `receiver`, or None),
    given `name` (or an item of it) by `call`, may change that argument in
    place (where its source cannot be read, or it recurses, it may)."""
    node = function_node(fn)
    bound = 0 if receiver is None else 1
    params = [a.arg for a in node.args.args][bound:] if node is not None else None
    given = [(params[i] if params is not None and i < len(params) else None, a)
             for i, a in enumerate(call.args)] + [(k.arg, k.value) for k in call.keywords]

    def resolve(n):
        root, _, attr = n.partition(".")
        if attr:
            # The method's own `self.f`.
            own = bool(node is not None and bound and node.args.args and
                       root == node.args.args[0].arg and "." not in attr)
            return method_of(receiver, attr) if own else None
        return fn.__globals__.get(n, getattr(builtins, n, None))
    for param, argument in given:
        if _root_name(argument) != name:
            continue
        if node is None or param is None or fn in callers or \
                _changed_in_place(node.body, param, resolve, callers=callers + (fn,)):
            return True
    return False


def function_source(fn):
    """The source of the code `fn` runs. Not `inspect.getsource(fn)`: for a
    function a decorator made with functools.wraps, that reads the source of
    the function it wraps (`__wrapped__`), and the decorator's own code would
    be lost."""
    return inspect.getsource(getattr(fn, "__code__", fn))


def code_signature(fn):
    """The parameters of the code `fn` runs (not, as `inspect.signature`
    gives by default, of the function a functools.wraps decorator wraps)."""
    return inspect.signature(fn, follow_wrapped=False)


@functools.lru_cache(maxsize=256)
def function_node(fn):
    """The `def` of a Python function, parsed once per function (None where
    its source cannot be read)."""
    try:
        node = ast.parse(textwrap.dedent(function_source(fn))).body[0]
    except (OSError, TypeError, SyntaxError, IndexError):
        return None
    return node if isinstance(node, ast.FunctionDef) else None


def _root_name(node):
    """x of `x`, `x[i]`, `x[i][j]`, else None."""
    while isinstance(node, ast.Subscript):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def dotted(node):
    """"a.b.c" of a name or a chain of attributes of one, and items at
    constant keys ("self.blocks[0].weight"), else None (how the analysis of
    shared objects names an attribute: as a variable)."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        owner = dotted(node.value)
        return f"{owner}.{node.attr}" if owner is not None else None
    if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
        owner = dotted(node.value)
        return f"{owner}[{node.slice.value!r}]" if owner is not None else None
    return None


def owners(name):
    """"a" and "a.b" of "a.b.c": what the attribute is reached through
    (assigning one gives it another object)."""
    parts = name.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts))]


def replaced_containers(node):
    """The dotted names (see `dotted`) whose items `node` may add, replace,
    move or drop (`c[k] = v`, `c[k] += v`, `del c[k]`, `c.insert(0, v)`,
    `self.rows.pop()`). A change of an item itself (`c[k][j] = v`,
    `c[k].add_(v)`) replaces none."""
    targets = node.targets if isinstance(node, (ast.Assign, ast.Delete)) else \
        [node.target] if isinstance(node, (ast.AugAssign, ast.AnnAssign)) else []
    found = [dotted(t.value) for t in targets if isinstance(t, ast.Subscript)]
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
            node.func.attr in CONTAINER_CHANGES:
        found.append(dotted(node.func.value))
    return [name for name in found if name is not None]


def _changes_the_container(statements, items):
    """Whether `statements` assign `items` (a dotted name) or what it is
    reached through, or add, remove, replace or move its items."""
    assigned = owners(items) + [items]
    for node in (n for s in statements for n in ast.walk(s)):
        if isinstance(node, (ast.Name, ast.Attribute)) and \
                not isinstance(node.ctx, ast.Load) and dotted(node) in assigned:
            return True
        if items in replaced_containers(node):
            return True
    return False


def parameter_names(args):
    """The names an `ast.arguments` binds: positional and keyword-only
    parameters, then *args and **kwargs."""
    names = [a.arg for a in args.posonlyargs + args.args + args.kwonlyargs]
    return names + [a.arg for a in (args.vararg, args.kwarg) if a is not None]


def _loaded(node):
    """`node`, an expression read in a Del context, read as a Load."""
    node = copy.deepcopy(node)
    for part in ast.walk(node):
        if hasattr(part, "ctx"):
            part.ctx = ast.Load()
    return node


def chained(cases, otherwise):
    """`value if test else ...` of the (test, value) pairs in order, ending
    in `otherwise`: a choice among values by tests that may fold."""
    for test, value in reversed(cases):
        otherwise = ast.IfExp(test, value, otherwise)
    return otherwise


def desugar(function, resolve):
    """`function` (an ast.FunctionDef) with the statements above rewritten;
    `resolve(name)` is the object a global or builtin name refers to."""
    function = list_extensions.rewritten(function, resolve)
    function = iterators.rewritten(function, resolve)
    desugarer = _Desugar(resolve)
    function.body = visit_statements(desugarer, function.body)
    function = function_choices.rewritten(function)
    function = range_names.rewritten(_SelfAssignments(function).visit(function), resolve)
    return _NestedItems(function, resolve, desugarer.fresh).visit(function)


class _OwnStatements(ast.NodeTransformer):
    """A rewrite of the function's own statements: its nested defs, lambdas
    and classes are converted on their own."""

    def __init__(self, function):
        self.root = function

    def visit_FunctionDef(self, node):
        return self.generic_visit(node) if node is self.root else node

    def visit_Lambda(self, node):
        return node

    def visit_ClassDef(self, node):
        return node


class _SelfAssignments(_OwnStatements):
    """`x = x` of a parameter x that the function never deletes, as `pass`."""

    def __init__(self, function):
        super().__init__(function)
        args = function.args
        params = {a.arg for a in args.posonlyargs + args.args + args.kwonlyargs}
        params |= {a.arg for a in (args.vararg, args.kwarg) if a is not None}
        deleted = {n.id for n in ast.walk(function)
                   if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Del)}
        self.params = params - deleted

    def visit_Assign(self, node):
        if len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) and \
                isinstance(node.value, ast.Name) and node.value.id == node.targets[0].id and \
                node.value.id in self.params:
            return ast.copy_location(ast.Pass(), node)
        return node


class _NestedItems(_OwnStatements):
    """`y = x[i][j]` as `t = x[i]; y = t[j]`, `a, b = x[i]` as `t = x[i];
    a, b = t` (see the module's docstring)."""

    def __init__(self, function, resolve, fresh):
        super().__init__(function)
        self.resolve, self.fresh = resolve, fresh
        self.passed = {a.id for n in ast.walk(function) if isinstance(n, ast.Call)
                       for a in n.args + [k.value for k in n.keywords]
                       if isinstance(a, ast.Name)}

    def visit_Assign(self, node):
        chain, base = [], node.value
        while isinstance(base, ast.Subscript):
            chain.append(base)
            base = base.value
        target = node.targets[0]
        names = [target] if isinstance(target, ast.Name) else \
            target.elts if isinstance(target, (ast.Tuple, ast.List)) else []
        # `a, b = x[i]` unpacks a name's items too: x[i] named first.
        unpacked = len(names) != 1
        if len(node.targets) != 1 or len(chain) < 2 - unpacked or dotted(base) is None or \
                not any(isinstance(n, ast.Name) and (
                    n.id in self.passed or _changed_in_place(self.root.body, n.id, self.resolve))
                    for n in names):
            return node
        if unpacked:
            chain.insert(0, None)
        statements, value = [], base
        for subscript in reversed(chain[1:]):
            held = self.fresh("item")
            read = ast.Subscript(value, subscript.slice, ast.Load())
            statements.append(located(ast.Assign([ast.Name(held, ast.Store())], read), subscript))
            value = located(ast.Name(held, ast.Load()), subscript)
        node.value = value if unpacked else \
            located(ast.Subscript(value, chain[0].slice, ast.Load()), chain[0])
        return statements + [node]
