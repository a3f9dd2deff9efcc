"""The places of a converted function's result that are NumPy arrays or
lists eagerly: `return x.numpy()`, `return {"ids": ids.tolist()}`, `return
np.sqrt(a)`, or what a function it calls returns so. Compiled, they are
tensors (see numpy_values); the entry's caller turns those back (`as_eager`),
so that the compiled function returns what the Python one does.

A place is a path of tuple or list positions and dict keys, found in the
return statement's displays. Where the entry's own returns differ (`return
x.numpy()` under one branch, `return x` under another, one of which may fold
away), each return also gives its index (`tags_returns`), by which the
caller converts; a called function's returns must agree (a `return None`
aside), else it is a clear error."""
import ast

import numpy as np

from . import numpy_functions, numpy_values
from .scopes import own_nodes


def _kind(importer, node):
    """"numpy", "list" or None: what `node`, an expression, is eagerly."""
    if numpy_values.is_array(node, importer.array_names):
        base = node
        while isinstance(base, ast.Subscript):
            base = base.value
        listed = (isinstance(base, ast.Call) and base.func.attr == "tolist") or \
            (isinstance(base, ast.Name) and base.id in importer.list_names)
        return "list" if listed else "numpy"
    if isinstance(node, ast.BinOp):
        # An array's arithmetic with arrays and literals is an array.
        sides = [(_kind(importer, n), n) for n in (node.left, node.right)]
        if any(kind == "numpy" for kind, _ in sides) and \
                all(kind == "numpy" or isinstance(n, ast.Constant) for kind, n in sides):
            return "numpy"
        return None
    if isinstance(node, ast.UnaryOp) and not isinstance(node.op, ast.Not):
        return _kind(importer, node.operand)
    if isinstance(node, ast.Call):
        fn = importer.global_constant(node.func)
        try:
            if fn in numpy_functions.FUNCTIONS:
                return "numpy"
        except TypeError:  # an unhashable callable: no NumPy function
            return None
    return None


def made_by(importer, node, path=()):
    """{path: kind} of the NumPy arrays and lists `node` (a returned
    expression) makes, through tuple, list and dict displays and the calls of
    functions imported with it."""
    kind = _kind(importer, node)
    if kind is not None:
        return {path: kind}
    if isinstance(node, (ast.Tuple, ast.List)) and \
            not any(isinstance(e, ast.Starred) for e in node.elts):
        found = {}
        for i, element in enumerate(node.elts):
            found.update(made_by(importer, element, path + (i,)))
        return found
    if isinstance(node, ast.Dict) and all(isinstance(k, ast.Constant) for k in node.keys):
        found = {}
        for key, value in zip(node.keys, node.values):
            found.update(made_by(importer, value, path + (key.value,)))
        return found
    called, callee = importer.callees.get(id(node), (None, None))
    if called is node:
        inner = callee.arrays_returned()
        if inner is None:
            importer._fail(node, f"{callee.qualname}() returns a NumPy array (or a list made "
                                 "by tolist()) at one return and not at another, so its result "
                                 "cannot be returned from compiled code", unsupported=False)
        return {path + p: kind for p, kind in inner.items()}
    return {}


def as_eager(result, arrays, path=()):
    """`result` (the compiled function's) with the tensors at the places of
    `arrays` as NumPy arrays or lists, as eagerly."""
    kind = arrays.get(path)
    if kind is not None and hasattr(result, "numpy") and not isinstance(result, np.ndarray):
        return result.numpy() if kind == "numpy" else result.tolist()
    if not any(p[:len(path)] == path and len(p) > len(path) for p in arrays):
        return result
    if type(result) in (tuple, list):
        return type(result)(as_eager(v, arrays, path + (i,)) for i, v in enumerate(result))
    if type(result) is dict:
        return {k: as_eager(v, arrays, path + (k,)) for k, v in result.items()}
    return result


def returns_a_value(node):
    """Whether `node`, a return statement, gives something other than None."""
    return node.value is not None and not (isinstance(node.value, ast.Constant) and
                                           node.value.value is None)


def tags_returns(importer):
    """Whether the function's own returns give NumPy arrays at different
    places (the calls they make are not followed: none is imported yet)."""
    found = {tuple(sorted(made_by(importer, node.value).items(), key=repr))
             for node in own_nodes(importer.node)
             if isinstance(node, ast.Return) and returns_a_value(node)}
    return len(found) > 1


def of_call(result, arrays):
    """The compiled function's `result` as eagerly: `arrays` is the entry's
    {path: kind}, or by return index where it tags its returns (the result is
    then the value and the index, -1 for a None)."""
    if isinstance(arrays, list):
        value, site = result
        return as_eager(value, arrays[site]) if site >= 0 else value
    return as_eager(result, arrays)
