"""The dy2st-opt and dy2st-run commands of an installed dy2st: the binaries
shipped in the package (`dy2st/bin`), or the checkout's build."""
import os
import sys

from .runtime.native import _build_dirs

_HERE = os.path.dirname(os.path.abspath(__file__))


def _binary(name):
    for folder in [os.path.join(_HERE, "bin")] + [os.path.join(b, "bin") for b in _build_dirs()]:
        path = os.path.join(folder, name)
        if os.access(path, os.X_OK):
            return path
    raise SystemExit(f"{name} is not built: run `bash scripts/setup.sh` in the dy2st checkout")


def _exec(name):
    path = _binary(name)
    os.execv(path, [path] + sys.argv[1:])


def opt():
    _exec("dy2st-opt")


def run():
    _exec("dy2st-run")
