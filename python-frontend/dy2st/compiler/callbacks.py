"""Functions that stay Python (`jit.not_to_static`) called from compiled code:
the importer registers each call site with the arguments known when
converting, and compiled code hands over the others when it reaches the call
(`pydy.py_callback`, through the printer of `native`)."""
import itertools
import threading

AT_RUN_TIME = object()
"""The slot of an argument compiled code passes when it makes the call."""

_registered = {}
_keys = itertools.count()
_lock = threading.Lock()


def register(fn, slots):
    """The key of a call of `fn` whose arguments are `slots`: (keyword or
    None, value or AT_RUN_TIME), in the call's order."""
    with _lock:
        key = f"{getattr(fn, '__qualname__', 'callback')}#{next(_keys)}"
        _registered[key] = (fn, slots)
    return key


def call(key, values):
    """Calls the function registered under `key`, the run-time arguments
    taken from `values` in order; its result is dropped."""
    fn, slots = _registered[key]
    values = iter(values)
    args, kwargs = [], {}
    for keyword, value in slots:
        if value is AT_RUN_TIME:
            value = next(values)
        if keyword is None:
            args.append(value)
        else:
            kwargs[keyword] = value
    fn(*args, **kwargs)
