"""Loads the compiler's Python extension from the build folder."""
import functools
import glob
import importlib.util
import os

_HERE = os.path.dirname(os.path.abspath(__file__))


def _build_dirs():
    if os.environ.get("DY2ST_BUILD_DIR"):
        yield os.environ["DY2ST_BUILD_DIR"]
    yield os.path.join(_HERE, "..", "..", "build")


@functools.lru_cache(maxsize=None)
def module():
    for build in _build_dirs():
        found = glob.glob(os.path.join(build, "python", "_dy2st_native*.so"))
        if found:
            spec = importlib.util.spec_from_file_location("_dy2st_native", found[0])
            mod = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(mod)
            mod.set_printer(_print_items)
            return mod
    raise ImportError("dy2st's compiler extension (_dy2st_native) is not built: run "
                      "`bash scripts/setup.sh` in the dy2st checkout, or set DY2ST_BUILD_DIR "
                      "to its build folder")


def _print_items(items, sep, end):
    """print() from compiled code: the same text as the eager print."""
    import numpy as np

    from .tensor import Tensor
    print(*(Tensor(v) if isinstance(v, np.ndarray) else v for v in items), sep=sep, end=end,
          flush=True)

