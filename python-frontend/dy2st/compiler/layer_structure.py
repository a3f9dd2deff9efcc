"""A layer's structure asked for in compiled code (`self.parameters()`,
`self.named_children()`, ...): answered when importing, each item found
along the path of registered names Python reads it through (`ls.0.bias`),
so that a parameter is an input and a layer a compile-time object just as
where the code names them (and guarded as they are)."""
import ast
import itertools
import types

from ..nn import Layer, LayerList, Sequential

QUERIES = frozenset({"parameters", "named_parameters", "buffers", "named_buffers",
                     "children", "named_children", "sublayers", "named_sublayers",
                     "state_dict"})


def is_query(fn):
    """Whether `fn` is one of Layer's own structure queries, bound to a layer."""
    return isinstance(fn, types.MethodType) and isinstance(fn.__self__, Layer) and \
        fn.__name__ in QUERIES and getattr(fn.__func__, "__qualname__", "") == \
        f"Layer.{fn.__name__}"


def answer(fn, args, kwargs):
    """What `fn(*args, **kwargs)` gives now, as (name or None, item, steps):
    `steps` lead from the layer asked to the item, each an attribute name or
    an int index of a LayerList or Sequential."""
    layer = fn.__self__
    paths = {}
    for name, sub in layer.named_sublayers(include_self=True, remove_duplicate=False):
        paths.setdefault(id(sub), name)
    for name, tensor in itertools.chain(layer.named_parameters(remove_duplicate=False),
                                        layer.named_buffers(remove_duplicate=False)):
        paths.setdefault(id(tensor), name)
    found = []
    result = fn(*args, **kwargs)
    for item in result.items() if isinstance(result, dict) else result:
        name, obj = item if isinstance(item, tuple) else (None, item)
        found.append((name, obj, _steps(layer, paths[id(obj)])))
    return found


def _steps(layer, path):
    steps, obj = [], layer
    for part in path.split(".") if path else []:
        index = isinstance(obj, (LayerList, Sequential)) and part.isdigit()
        steps.append(int(part) if index else part)
        obj = getattr(obj, part)
    return steps


def read(receiver, steps):
    """The AST reading an item from `receiver` (the AST of the layer asked):
    attributes, indices, and getattr() of names that are no identifiers."""
    node = receiver
    for step in steps:
        if isinstance(step, int):
            node = ast.Subscript(node, ast.Constant(step), ast.Load())
        elif step.isidentifier():
            node = ast.Attribute(node, step, ast.Load())
        else:
            node = ast.Call(ast.Name("getattr", ast.Load()), [node, ast.Constant(step)], [])
    return node


def display(found, receiver, mapping=False):
    """The list display of `found` (see answer), read from `receiver`; the
    dict display of its names and items for a `mapping` (state_dict)."""
    if mapping:
        return ast.Dict([ast.Constant(name) for name, _, _ in found],
                        [read(receiver, steps) for _, _, steps in found])

    def item(name, steps):
        value = read(receiver, steps)
        return value if name is None else ast.Tuple([ast.Constant(name), value], ast.Load())
    return ast.List([item(name, steps) for name, _, steps in found], ast.Load())
