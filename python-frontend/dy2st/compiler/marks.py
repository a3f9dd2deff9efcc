"""What the user marked about conversion: functions to keep in Python
(`not_to_static`, `ignore_module`) and functions already converted (the
base of `jit.StaticFunction`, so that the importer can see through them
without importing the layer above it)."""

NOT_TO_STATIC = set()
"""The code objects (or callables) of functions marked `not_to_static`."""
IGNORED_MODULES = set()
"""The names of the modules given to `ignore_module`."""


def not_to_static(function):
    """Marks a function to stay Python: called directly it runs eagerly, and
    compiled code does not convert it."""
    NOT_TO_STATIC.add(getattr(function, "__code__", function))
    return function


def ignore_module(modules):
    """Functions of these modules are not converted (see `not_to_static`)."""
    IGNORED_MODULES.update(m.__name__ for m in modules)


def is_not_to_static(function):
    """Whether `function` runs in Python when compiled code calls it
    (`not_to_static`, or a module given to `ignore_module`)."""
    return getattr(function, "__code__", function) in NOT_TO_STATIC or \
        getattr(function, "__module__", None) in IGNORED_MODULES


class ConvertedFunction:
    """A function under `to_static`: the importer converts the Python function
    it wraps (`dygraph_function`, bound to `_instance` when not None)."""

    dygraph_function = None
    _instance = None


def forward_function(layer):
    """The Python function of a layer's forward, under any to_static on it."""
    forward = type(layer).forward
    if isinstance(forward, ConvertedFunction):
        forward = forward.dygraph_function
    return forward
