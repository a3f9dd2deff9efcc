"""`import paddle` runs on dy2st where real Paddle is not installed.

This package sits next to `dy2st` so that Paddle code runs as written
(`import paddle`, `import paddle.nn.functional as F`, `from paddle.jit import
to_static`). It never shadows a real Paddle: when another `paddle` package is
on the path, that one is imported under this name instead.
"""
import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys


def _real_paddle_spec():
    """The spec of a `paddle` package elsewhere on the path, if any."""
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    others = [p for p in sys.path if os.path.abspath(p or os.curdir) != here]
    return importlib.machinery.PathFinder.find_spec(__name__, others)


class _Dy2StAlias(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """`paddle.X` is the module `dy2st.X` (one module under two names, so
    its classes and state are shared)."""

    def find_spec(self, name, path=None, target=None):
        if not name.startswith(__name__ + "."):
            return None
        try:
            importlib.util.find_spec("dy2st" + name[len(__name__):])
        except ModuleNotFoundError:
            return None
        return importlib.util.spec_from_loader(name, self)

    def create_module(self, spec):
        return importlib.import_module("dy2st" + spec.name[len(__name__):])

    def exec_module(self, module):
        pass


_spec = _real_paddle_spec()
if _spec is not None:
    _module = importlib.util.module_from_spec(_spec)
    sys.modules[__name__] = _module
    _spec.loader.exec_module(_module)
else:
    import dy2st

    sys.meta_path.insert(0, _Dy2StAlias())
    sys.modules[__name__] = dy2st
