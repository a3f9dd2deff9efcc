"""NumPy arrays in compiled code. `t.numpy()` and `t.tolist()` are the
tensor itself there (used as a tensor is: compared, indexed, in arithmetic),
but an item of one (`t.numpy()[0]`, `for v in t.numpy()`) is a NumPy scalar
or a Python number eagerly, which combines with tensors as a Python number
does (an int32 tensor plus a NumPy int64 stays int32). The importer marks
such items (pydy.unary numpy_item) where it sees the array: the call itself,
or a name the function binds to nothing else (names_bound_only_to, which also
tells the names bound only to sets)."""
import ast

from .scopes import own_nodes

_ARRAY_METHODS = ("numpy", "tolist")


def is_array_call(node):
    """`<expr>.numpy()` or `<expr>.tolist()`."""
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
        node.func.attr in _ARRAY_METHODS and not node.args and not node.keywords


def array_names(function, params):
    """The local names of `function` (an ast.FunctionDef) that every binding
    makes an array (`a = t.numpy()`), parameters excepted."""
    return names_bound_only_to(function, params, is_array_call)


def is_list_call(node):
    """`<expr>.tolist()`."""
    return is_array_call(node) and node.func.attr == "tolist"


def is_set_call(node):
    """`set(...)` or a set display."""
    return isinstance(node, ast.Set) or (
        isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "set")


def names_bound_only_to(function, params, made, kept_by=()):
    """The local names of `function` that every binding binds to a value of
    an expression `made` tells (an array, a set), parameters excepted; an
    augmented assignment of an operator in `kept_by` (`l += v`: ast.Add)
    keeps the kind and does not count."""
    nodes = list(own_nodes(function))
    made_targets = {id(t) for node in nodes if isinstance(node, ast.Assign) and
                    made(node.value) for t in node.targets if isinstance(t, ast.Name)}
    kept = {id(node.target) for node in nodes
            if isinstance(node, ast.AugAssign) and isinstance(node.op, kept_by)}
    bound, other = set(), set(params)
    for node in nodes:
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            if id(node) not in kept:
                (bound if id(node) in made_targets else other).add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            other.add(node.name)
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            other.update(node.names)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            other.update((a.asname or a.name).split(".")[0] for a in node.names)
    return bound - other


def is_array(node, names):
    """Whether `node` is a NumPy array eagerly: an array call, a name of
    `names`, or a subscript of one (a row; an item is made a number where it
    is read)."""
    if is_array_call(node):
        return True
    if isinstance(node, ast.Name):
        return node.id in names
    return isinstance(node, ast.Subscript) and is_array(node.value, names)
