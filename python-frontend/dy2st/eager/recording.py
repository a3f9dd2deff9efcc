"""The slot through which a recorder observes eager operations.

TracedLayer's tracer (compiler layer) records the operations a layer runs
eagerly; the eager tensor and kernels only notify whatever recorder is
active here, so that they import nothing above them."""
import contextlib

_active = None


def current():
    """The recorder recording now, unless it is inside a recorded operation."""
    if _active is None or _active.depth:
        return None
    return _active


@contextlib.contextmanager
def recording(recorder):
    """Makes `recorder` observe the eager operations run inside the block."""
    global _active
    if _active is not None:
        raise RuntimeError("TracedLayer.trace cannot be nested")
    _active = recorder
    try:
        yield recorder
    finally:
        _active = None


@contextlib.contextmanager
def inside_operation():
    """Operations called by a recorded operation are not recorded again."""
    if _active is None:
        yield
        return
    _active.depth += 1
    try:
        yield
    finally:
        _active.depth -= 1


def python_value(kind, caller):
    """A tensor became a Python value (`kind`: bool, float, ...) in the code
    of frame `caller`; the recorder decides whether that matters."""
    if _active is not None:
        _active.python_value(kind, caller)


def same_value(x, view):
    """`view` is a new tensor object for x's own value (`x.detach()`)."""
    if _active is not None and not _active.depth:
        _active.result(view, _active.value(x))
