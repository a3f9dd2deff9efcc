"""Loads the compiler's Python extension from the build folder."""
import builtins
import functools
import glob
import importlib.util
import json
import logging
import os
import sys
import warnings

# The package's folder: an installed package carries the extension there.
_PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _build_dirs():
    if os.environ.get("DY2ST_BUILD_DIR"):
        yield os.environ["DY2ST_BUILD_DIR"]
    yield os.path.join(_PACKAGE, "..", "..", "build")


def _extension_paths():
    """The compiled extension: in the package (installed by pip), else in
    the build folder of the checkout."""
    yield from glob.glob(os.path.join(_PACKAGE, "_dy2st_native*.so"))
    for build in _build_dirs():
        yield from glob.glob(os.path.join(build, "python", "_dy2st_native*.so"))


def choose_blas_kernels():
    """Names OpenBLAS's kernel family for Intel CPUs with AVX2 or AVX-512.

    Debian 12's OpenBLAS (0.3.21) does not recognise CPUs newer than it
    (Emerald Rapids, ...) and falls back to its generic SSE3 kernels, a fifth
    of the speed (1024² matmul: 20 GFLOP/s instead of 108 on one core). On
    Intel CPUs the family follows from the features, which is what OpenBLAS
    does for the CPUs it knows. Only before OpenBLAS loads (by numpy or by
    dy2st), and only where OPENBLAS_CORETYPE is not set."""
    if "OPENBLAS_CORETYPE" in os.environ:
        return
    try:
        with open("/proc/cpuinfo") as f:
            info = f.read(1 << 16)
    except OSError:
        return
    core = blas_kernels_for(info)
    if core:
        os.environ["OPENBLAS_CORETYPE"] = core


def blas_kernels_for(cpuinfo):
    """OpenBLAS's kernel family for the CPU /proc/cpuinfo describes, or None
    where OpenBLAS's own detection is left to choose."""
    if "GenuineIntel" not in cpuinfo:
        return None
    flags = set(next((line.split(":", 1)[1].split() for line in cpuinfo.splitlines()
                      if line.startswith("flags")), []))
    if {"avx512f", "avx512vl", "avx512bw", "avx512dq"} <= flags:
        return "SkylakeX"
    if {"avx2", "fma"} <= flags:
        return "Haswell"
    return None


def _check_blas_kernels(mod):
    """Warns where OpenBLAS was loaded (by numpy) before dy2st could name its
    kernels: products then run at a fifth of the speed."""
    wanted = os.environ.get("OPENBLAS_CORETYPE")
    running = mod.blas_core()
    if wanted and running.lower() != wanted.lower():
        import warnings
        warnings.warn(f"OpenBLAS runs its {running} kernels, not {wanted}: numpy loaded it "
                      "before dy2st was imported. float32 products use dy2st's own kernels "
                      "instead, float64 ones run at a fifth of the speed: import dy2st before "
                      f"numpy, or set OPENBLAS_CORETYPE={wanted} in the environment",
                      RuntimeWarning, stacklevel=3)


def _default_disk_cache():
    """DY2ST_DISK_CACHE names the folder ("" or "0": none); by default
    $XDG_CACHE_HOME/dy2st, or ~/.cache/dy2st."""
    chosen = os.environ.get("DY2ST_DISK_CACHE")
    if chosen is not None:
        return "" if chosen in ("", "0") else chosen
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "dy2st")


_disk_cache = {"directory": _default_disk_cache(), "max_bytes": 512 << 20}


def set_disk_cache(directory, max_bytes):
    _disk_cache.update(directory=directory, max_bytes=max_bytes)
    if module.cache_info().currsize:
        module().set_disk_cache(directory, max_bytes)


def disk_cache():
    return dict(_disk_cache)


@functools.lru_cache(maxsize=None)
def module():
    for found in _extension_paths():
        spec = importlib.util.spec_from_file_location("_dy2st_native", found)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        mod.set_printer(_print_items)
        mod.set_disk_cache(_disk_cache["directory"], _disk_cache["max_bytes"])
        _check_blas_kernels(mod)
        return mod
    raise ImportError("dy2st's compiler extension (_dy2st_native) is not built: run "
                      "`bash scripts/setup.sh` in the dy2st checkout, or set DY2ST_BUILD_DIR "
                      "to its build folder")


def _print_items(items, formats, target, sep, end, name, level, record):
    """print(), a logging call (`name`: the logger's) or a raise message of
    compiled code: the same text as eagerly (each item as an f-string formats
    it with its format, e.g. `!r:>8`, or its str() where it has none); or the
    values of a not_to_static call (`name`: its key in `callbacks`)."""
    # Here rather than at the top: this module loads before numpy (see
    # choose_blas_kernels), and these import numpy.
    import numpy as np

    from ..compiler import callbacks
    from ..eager.tensor import Tensor
    def printed(value):
        # An array is a tensor; a list of arrays, the rows of a list of
        # tensors whose length is known only at run time; a dict's values
        # too where its keys are (see print_as_dict).
        if isinstance(value, np.ndarray):
            return Tensor(value)
        if isinstance(value, list) and value and isinstance(value[0], np.ndarray):
            return [Tensor(row) for row in value]
        if isinstance(value, dict):
            return {k: Tensor(v) if isinstance(v, np.ndarray) else v for k, v in value.items()}
        return value
    items = [printed(v) for v in items]
    if target == "call":
        callbacks.call(name, items)
        return None
    fields = json.loads(record) if target == "log" and record else {}
    # A logging call's `extra` values known only at run time follow its message's items.
    extra_keys = fields.pop("extra_items", [])
    if extra_keys:
        fields["extra"] = {**fields.get("extra", {}),
                           **dict(zip(extra_keys, items[-len(extra_keys):]))}
        items = items[:-len(extra_keys)]
    texts = [_formatted(v, f) for v, f in zip(items, formats)]
    if target == "print":
        print(*texts, sep=sep, end=end, flush=True)
    elif target == "log" and "warning" in fields:
        _warn(sep.join(texts), fields["warning"])
    elif target == "log":
        _log(name, level, sep.join(texts), fields)
    else:
        return sep.join(texts)
    return None


def _log(name, level, text, fields):
    """A logging call of compiled code: its record names the user's file,
    line and function (`fields`, from the importer), not this frame."""
    if not name and not logging.root.handlers:
        logging.basicConfig()  # as logging.info() and the others do
    logger = logging.getLogger(name or None)
    if not logger.isEnabledFor(level):
        return
    exc_info = sys.exc_info() if fields.get("exc_info") else None
    logger.handle(logger.makeRecord(logger.name, level, fields.get("file", "(unknown file)"),
                                    fields.get("line", 0), text, (), exc_info,
                                    fields.get("function"), fields.get("extra")))


def _warn(text, fields):
    """A warnings.warn() of compiled code, at the user's file and line and in
    their module's registry, so that the warning filters decide as they do
    eagerly; a category no module defines now is a UserWarning."""
    module, qualname = fields["category"]
    category = sys.modules.get(module)
    for part in qualname.split("."):
        category = getattr(category, part, None)
    if not (isinstance(category, type) and issubclass(category, Warning)):
        category = UserWarning
    owner = sys.modules.get(fields["module"])
    namespace = vars(owner) if owner is not None else {}
    warnings.warn_explicit(text, category, fields["file"], fields["line"], fields["module"],
                           namespace.setdefault("__warningregistry__", {}),
                           namespace or None)


def _formatted(value, format):
    if not format:
        return str(value)
    conversion, _, spec = format.partition(":") if format.startswith("!") else ("", "", format[1:])
    if conversion:
        value = {"!r": repr, "!s": str, "!a": ascii}[conversion](value)
    return builtins.format(value, spec)
