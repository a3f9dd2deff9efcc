"""The statements that give an object a second name, recognized in the
syntax (aliases.py orders them and decides which hold at a change in place):
`y = x.reshape(...)` and the other views, `a, b = x`, `for row in x`, `a, b =
x, z`, containers built holding a name's object, in-place operations and
`detach` returning their receiver, and the parameters a Python function may
return as they are."""
import ast
import types

from ..eager import functional, inplace
from .statements import dotted, function_node, located


def loop_head(stmt):
    """`for row in x` of a `for` statement: what an error names."""
    return located(ast.For(stmt.target, stmt.iter, [ast.Pass()], []), stmt)


VIEW_METHODS = frozenset("""reshape view view_as flatten squeeze unsqueeze transpose t
    permute moveaxis swapaxes swapdims astype contiguous slice strided_slice narrow
    unbind diagonal cpu to float double int long bool float32 float64 int32 int64
    type_as""".split())
"""Tensor methods and functions whose result Paddle makes a view of the
tensor where its layout allows (and `astype`, `float()`, ... where the dtype
stays; `cpu()` and `to("cpu")` give the tensor itself)."""
VIEW_ATTRIBUTES = frozenset({"T", "mT"})


def view_base(value, local):
    """x of `x.reshape(...)`, `paddle.reshape(x, ...)`, `x.T`, ..., and of a
    view of a view or of an item (`paddle.squeeze(paddle.unsqueeze(x, 0), 0)`,
    `x.reshape(...).T`, `x[0].reshape(...)`) and of an item of a view
    (`x.T[0]`; `x[0]` itself is a view of x that aliases.py follows): a
    result that may be a view of the local x."""
    if isinstance(value, ast.Subscript):
        while isinstance(value, ast.Subscript):
            value = value.value
        return None if isinstance(value, ast.Name) else view_base(value, local)
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and \
            value.func.attr in VIEW_METHODS:
        receiver = value.func.value
        if isinstance(receiver, ast.Name) and receiver.id in local:
            return receiver.id
        inner = _viewed(receiver, local)
        if inner is not None:
            return inner
        if value.args and isinstance(value.args[0], ast.Name):
            return value.args[0].id
        if value.args:
            return _viewed(value.args[0], local)
    if isinstance(value, ast.Attribute) and value.attr in VIEW_ATTRIBUTES:
        if isinstance(value.value, ast.Name):
            return value.value.id
        return _viewed(value.value, local)
    return None


def view_operand(node, local):
    """The innermost operand of a chain of views and items (`f(x)` of
    `f(x).unsqueeze(0)[1]`): what the result may share memory with; `node`
    itself where it is none."""
    while True:
        if isinstance(node, ast.Subscript):
            node = node.value
        elif isinstance(node, ast.Attribute) and node.attr in VIEW_ATTRIBUTES:
            node = node.value
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                node.func.attr in VIEW_METHODS:
            receiver = node.func.value
            if isinstance(receiver, ast.Name) and receiver.id not in local and node.args:
                node = node.args[0]  # paddle.reshape(x, ...)
            else:
                node = receiver
        else:
            return node


def _viewed(node, local):
    """The local x a view's operand may share memory with: of `x[i]` (an
    item, a view of a tensor) and of a further view."""
    while isinstance(node, ast.Subscript):
        node = node.value
    if isinstance(node, ast.Name):
        return node.id if node.id in local else None
    return view_base(node, local)


def unpacked_base(stmt):
    """x of `a, b = x`, `a, b = paddle.unbind(x)`, `for row in x`, `for i,
    row in enumerate(x)`: each name may be a view of x (or an item it
    holds); (x, names), or None."""
    if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and \
            isinstance(stmt.targets[0], (ast.Tuple, ast.List)):
        names = [e.id for e in stmt.targets[0].elts if isinstance(e, ast.Name)]
        value = stmt.value
        if isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and \
                value.func.attr == "unbind":
            value = value.args[0] if value.args else value.func.value
        if isinstance(value, ast.Name):
            return value.id, names
        return (attribute_name(value), names) if attribute_name(value) else None
    if isinstance(stmt, ast.For):
        target, source = stmt.target, stmt.iter
        if isinstance(source, ast.Call) and isinstance(source.func, ast.Name) and \
                source.func.id == "enumerate" and source.args and \
                isinstance(target, ast.Tuple) and len(target.elts) == 2:
            target, source = target.elts[1], source.args[0]
        if isinstance(source, ast.Call) and isinstance(source.func, ast.Attribute) and \
                not source.args and (source.func.attr == "values" or (
                    source.func.attr == "items" and isinstance(target, ast.Tuple) and
                    len(target.elts) == 2)):
            # `for v in d.values()`, `for k, v in d.items()`: v is an item of d.
            if source.func.attr == "items":
                target = target.elts[1]
            source = source.func.value
        base = source.id if isinstance(source, ast.Name) else attribute_name(source)
        if isinstance(target, ast.Name) and base is not None:
            return base, [target.id]
    return None


def paired_names(stmt):
    """(y, x, exchanged) of `a, b = x, z` for each name assigned a name (each
    then names the same object); `exchanged` where x is also a target (`a, b
    = b, a`): then y names the object x named before the statement, and x no
    longer does."""
    if not (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1):
        return []
    target, value = stmt.targets[0], stmt.value
    if not isinstance(target, (ast.Tuple, ast.List)) or \
            not isinstance(value, (ast.Tuple, ast.List)) or len(target.elts) != len(value.elts):
        return []
    targets = {t.id for t in target.elts if isinstance(t, ast.Name)}
    return [(t.id, v.id, v.id in targets) for t, v in zip(target.elts, value.elts)
            if isinstance(t, ast.Name) and isinstance(v, ast.Name)]


def displayed_item(value):
    """x of `[x][0]`, `(x, z)[-2]`, `{"k": x}["k"]` (displays indexed by a
    constant, nested too): the name whose object the subscript gives, or None."""
    while isinstance(value, ast.Subscript) and isinstance(value.slice, ast.Constant):
        shown, key = value.value, value.slice.value
        if isinstance(shown, (ast.List, ast.Tuple)) and isinstance(key, int) and \
                not isinstance(key, bool) and -len(shown.elts) <= key < len(shown.elts) and \
                not any(isinstance(e, ast.Starred) for e in shown.elts):
            value = shown.elts[key]
        elif isinstance(shown, ast.Dict) and \
                all(isinstance(k, ast.Constant) for k in shown.keys) and \
                key in [k.value for k in shown.keys]:
            keys = [k.value for k in shown.keys]
            value = shown.values[len(keys) - 1 - keys[::-1].index(key)]  # the last one counts
        else:
            return None
    return value.id if isinstance(value, ast.Name) else None


def attribute_name(node):
    """"obj.attr" of `obj.attr` (`self.buf`, `self.lin.weight`: attributes of a
    name), named as the analysis names variables; else None."""
    if not isinstance(node, ast.Attribute) or node.attr in VIEW_ATTRIBUTES:
        return None
    return dotted(node)


# Methods that give an object a container holds (or the one given them).
ITEM_METHODS = frozenset({"get", "setdefault", "pop"})


def possibly_shared(value):
    """(name, item) for the names and attributes whose objects `value` may
    be as it is, for the forms the certain aliases leave out: an arm of `a if
    c else b`, an operand of `a or b`, `d.get(k)`/`d.setdefault(k, v)`/
    `d.pop(k)` (an item of d, or v), an item of `list(d.values())` (of d),
    `next(iter(x))` and `next(iter([a, b]))`; `item`: the value may be an
    item of it (`self.state["h"]`: of "self.state"), which a change of the
    container itself does not touch."""
    if isinstance(value, ast.IfExp):
        return possibly_shared_operand(value.body) + possibly_shared_operand(value.orelse)
    if isinstance(value, ast.BoolOp):
        return [shared for operand in value.values for shared in possibly_shared_operand(operand)]
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and \
            value.func.attr in ITEM_METHODS:
        given = value.args[1:] if value.func.attr == "setdefault" else []
        return [(name, True) for name, _ in possibly_shared_operand(value.func.value)] + \
            [shared for g in given for shared in possibly_shared_operand(g)]
    if isinstance(value, ast.Subscript):
        # An item of a new sequence of a container's items
        # (`list(d.values())[0]`): an item of the container.
        while isinstance(value, ast.Subscript):
            value = value.value
        return [(name, True) for name, _ in _held_items(value)]
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and \
            value.func.id in ("next", "iter") and value.args:
        source = value.args[0]
        if isinstance(source, (ast.List, ast.Tuple)) or (
                isinstance(source, ast.Call) and isinstance(source.func, ast.Name) and
                source.func.id == "iter"):
            return possibly_shared(source) if isinstance(source, ast.Call) else \
                possibly_shared_operand(source)
        return [(name, True) for name, _ in possibly_shared_operand(source)]
    return []


def _held_items(value):
    """Of `list(x)`, `tuple(d.values())`, `sorted(...)`, `reversed(...)`:
    the names whose items the new sequence holds."""
    if not (isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and
            value.func.id in ("list", "tuple", "sorted", "reversed") and value.args):
        return []
    source = value.args[0]
    if isinstance(source, ast.Call) and isinstance(source.func, ast.Attribute) and \
            source.func.attr in ("values", "items") and not source.args:
        source = source.func.value
    return possibly_shared_operand(source)


def possibly_shared_operand(value):
    """What `value` may be as an operand of the forms above: its base name
    or attribute (an item of it where `value` is a subscript), of each item
    of a display, or of what it may be itself."""
    item = False
    while isinstance(value, ast.Subscript):
        value, item = value.value, True
    if isinstance(value, ast.Name):
        return [(value.id, item)]
    if attribute_name(value):
        return [(attribute_name(value), item)]
    if isinstance(value, (ast.List, ast.Tuple)):
        return [shared for element in value.elts for shared in possibly_shared_operand(element)]
    return possibly_shared(value)


def computed_attribute_owner(value):
    """x of `getattr(x, name)` (a name or an attribute) where the attribute's
    name is computed (a literal one reads as `x.name`, see statements.py)."""
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and \
            value.func.id == "getattr" and len(value.args) in (2, 3):
        shared = possibly_shared_operand(value.args[0])
        return shared[0][0] if len(shared) == 1 else None
    return None


def _held_base(value, local):
    """The local name whose object (or a view of it) `value` puts into a
    container: `x`, `x[i]`, `x.reshape(...)`, `x.add_(v)`; or None."""
    if isinstance(value, ast.Name):
        return value.id
    if isinstance(value, ast.Subscript) and isinstance(value.value, ast.Name):
        return value.value.id
    return view_base(value, local) or inplace_receiver(value, local) or detached(value)


def held(stmt, local):
    """(container, name, key) for each local name whose object a statement
    puts into a container: `c = [x, y[0]]` (a list, tuple or dict display),
    `c.append(x)`, `c.insert(i, x)`, `c.extend([x])`, `c[k] = x`; `key`: where
    the name itself is the item at a key known here (`x` of `c = [x, y]` at 0,
    of `c = {"a": x}` at "a", of `c[1] = x` at 1), else None."""
    items, container, keys = [], None, None
    if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
        target, value = stmt.targets[0], stmt.value
        if isinstance(target, ast.Name) and isinstance(value, (ast.List, ast.Tuple)):
            container, items = target.id, value.elts
            keys = list(range(len(items)))
        elif isinstance(target, ast.Name) and isinstance(value, ast.Dict):
            container, items = target.id, value.values
            constant = [k.value if isinstance(k, ast.Constant) else None for k in value.keys]
            # Of a key given twice the last item counts.
            keys = [k if k is not None and k not in constant[i + 1:] and
                    None not in constant[i + 1:] else None for i, k in enumerate(constant)]
        elif isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name):
            container, items = target.value.id, [value]
            keys = [target.slice.value if isinstance(target.slice, ast.Constant) else None]
    elif isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call) and \
            isinstance(stmt.value.func, ast.Attribute) and \
            isinstance(stmt.value.func.value, ast.Name):
        call, method = stmt.value, stmt.value.func.attr
        container = call.func.value.id
        if method == "append" and call.args:
            items = call.args[:1]
        elif method == "insert" and len(call.args) > 1:
            items = call.args[1:2]
        elif method == "extend" and call.args and isinstance(call.args[0], (ast.List, ast.Tuple)):
            items = call.args[0].elts
    found = []
    for i, item in enumerate(items):
        base = _held_base(item, local) if item is not None else None
        if base is not None and base != container and base in local:
            key = keys[i] if keys is not None and isinstance(item, ast.Name) else None
            found.append((container, base, key))
    return found


def changes_an_item(change):
    """Whether the change in place at `change` reaches into an item of a
    container (`c[0].zero_()`, `c[0][1] = v`) rather than changing the
    container itself (`c.append(v)`, `c[0] = v`)."""
    node = change
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return isinstance(node.func.value, ast.Subscript)
    if not isinstance(node, ast.Subscript):
        return False
    # The importer names the item it loaded and changed (`c[0]` of
    # `c[0].zero_()` and of `c[0][1] = v`), or the target it stores into.
    return isinstance(node.ctx, ast.Load) or isinstance(node.value, ast.Subscript)


def detached(value):
    """x of `x.detach()`: a view of all of x."""
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and \
            value.func.attr == "detach" and not value.args and not value.keywords and \
            isinstance(value.func.value, ast.Name):
        return value.func.value.id
    return None


def inplace_receiver(value, local):
    """`x` of `x.add_(y)`, `x.add_(y).clip_(0, 1)` or the function forms
    `paddle.tanh_(x)`, `F.relu_(x)`, `paddle.increment(x)`, `paddle.assign(v,
    output=x)` (called on a name that is not a local variable: a module):
    Paddle's in-place operations return the tensor they change itself (or
    None)."""
    named = _named_inplace_target(value, local)
    if named is not None:
        return named
    node, found = value, False
    while isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
            inplace.operation_of(node.func.attr):
        owner, found = node.func.value, True
        module = isinstance(owner, ast.Name) and owner.id not in local
        node = node.args[0] if module and node.args else owner
    return node.id if found and isinstance(node, ast.Name) else None


def _named_inplace_target(call, local):
    """x of `paddle.increment(x)`, `paddle.assign(v, output=x)` (a module's
    function: inplace.NAMED), else None."""
    if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and
            call.func.attr in inplace.NAMED and isinstance(call.func.value, ast.Name) and
            call.func.value.id not in local):
        return None
    target = getattr(getattr(functional, call.func.attr), "inplace_target")
    given = without_argument(call, *target)[0] if target is not None else \
        call.args[0] if call.args else None
    return given.id if isinstance(given, ast.Name) else None


def without_argument(call, name, position):
    """The argument `call` passes as the parameter `name` at `position` (None
    where it passes none, or passes None), and the call without it."""
    keywords = [k for k in call.keywords if k.arg != name]
    given = next((k.value for k in call.keywords if k.arg == name), None)
    args = call.args
    if len(args) > position:
        given, args = args[position], args[:position] + args[position + 1:]
    if isinstance(given, ast.Constant) and given.value is None:
        given = None
    return given, ast.copy_location(ast.Call(call.func, args, keywords), call)


def returned_parameters(fn, resolve, seen=None):
    """The parameters of the Python function `fn` that it may return as they
    are (`return p`, `return (p, q)`, `q = p; return q`, `return g(p)` where
    `g` may return its argument, recursion included); `resolve(fn, name)` is
    what a global name of `fn` refers to."""
    seen = set() if seen is None else seen
    if fn in seen:
        return None  # recursion: what the other paths return decides
    seen.add(fn)
    node = function_node(fn)
    if node is None:
        return set()
    params = [a.arg for a in node.args.posonlyargs + node.args.args + node.args.kwonlyargs]
    holders = {p: {p} for p in params}  # name -> the parameters it may hold
    returns = []

    def walk(statements):
        for stmt in statements:
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
                continue
            if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and \
                    isinstance(stmt.targets[0], ast.Name):
                held = holding(stmt.value)
                if held:
                    holders.setdefault(stmt.targets[0].id, set()).update(held)
            if isinstance(stmt, ast.Return) and stmt.value is not None:
                returns.append(stmt.value)
            for field in ("body", "orelse", "finalbody"):
                walk(getattr(stmt, field, []))
            for handler in getattr(stmt, "handlers", []):
                walk(handler.body)

    def holding(value):
        if isinstance(value, ast.Name):
            return holders.get(value.id, set())
        inner = view_operand(value, holders)
        if inner is not value:
            return holding(inner)  # an item, or a view (of a call's result too)
        if isinstance(value, (ast.Tuple, ast.List)):
            return set().union(*[holding(v) for v in value.elts]) if value.elts else set()
        if isinstance(value, ast.IfExp):
            return holding(value.body) | holding(value.orelse)
        if isinstance(value, ast.Call) and isinstance(value.func, ast.Name):
            callee = resolve(fn, value.func.id)
            if not isinstance(callee, types.FunctionType):
                return set()
            passed = argument_names(value, callee, resolve, seen, holders)
            return set().union(*[holders.get(n, set()) for n in passed]) if passed else set()
        return set()

    walk(node.body)
    result = set().union(*[holding(r) for r in returns]) if returns else set()
    seen.discard(fn)
    return result


def argument_names(call, callee, resolve, seen=None, local=()):
    """The names passed to `call` (of the Python function `callee`) as the
    parameters it may return (`local`: the caller's names, which tell
    `x.reshape(...)` from `paddle.reshape(x, ...)`)."""
    returned = returned_parameters(callee, resolve, seen)
    if returned is None:
        # A call back into a function being analysed: any argument may come back.
        return [a.id for a in call.args if isinstance(a, ast.Name)] + \
            [k.value.id for k in call.keywords if isinstance(k.value, ast.Name)]
    if not returned:
        return []
    node = function_node(callee)
    params = [a.arg for a in node.args.posonlyargs + node.args.args]
    # An argument that is an item or a view of a name (`f(x[1])`) may share
    # that name's memory.
    def root(a):
        a = view_operand(a, local)
        return a.id if isinstance(a, ast.Name) else None
    names = [root(a) for p, a in zip(params, call.args) if p in returned]
    names += [root(k.value) for k in call.keywords if k.arg in returned]
    return [n for n in names if n is not None]
