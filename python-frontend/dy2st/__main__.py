"""`python -m dy2st`: run a saved model, print the IR of a function, or show
the configuration.

    python -m dy2st run model.pdmodel x.npy [--output out]
    python -m dy2st ir script.py forward_fn [--stage core] [--arg x.npy ...]
    python -m dy2st config
    python -m dy2st ops      (the operations compiled code knows, as Markdown)
"""
import argparse
import os
import platform
import runpy
import sys

import numpy as np


def _argument(text):
    """A command-line input: a .npy file (a tensor), an int, a float or a bool."""
    from . import to_tensor
    if text.endswith(".npy"):
        return to_tensor(np.load(text, allow_pickle=False))
    if text in ("True", "False", "true", "false"):
        return text.lower() == "true"
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    raise SystemExit(f"dy2st: cannot read the argument {text!r}: expected a .npy file, a "
                     "number or true/false")


def _run(options):
    from . import jit
    model = jit.load(options.model)  # with or without .pdmodel
    results = model(*[_argument(a) for a in options.inputs])
    results = results if isinstance(results, (tuple, list)) else [results]
    for i, r in enumerate(results):
        print(f"result {i}: {r}")
        if options.output:
            np.save(f"{options.output}{i}.npy", np.asarray(r))


def _ir(options):
    from . import jit
    namespace = runpy.run_path(options.file, run_name="__dy2st_ir__")
    if options.function not in namespace:
        raise SystemExit(f"dy2st: {options.file} defines no {options.function!r}")
    fn = jit.to_static(namespace[options.function])
    if options.stage == "pydy":
        print(fn.code)
        return
    fn(*[_argument(a) for a in options.args])
    print(fn.mlir(options.stage))


def _config(options):
    from . import __version__
    from .runtime import native
    print(f"dy2st {__version__}")
    print(f"python {platform.python_version()} ({sys.executable}), numpy {np.__version__}")
    print(f"package {os.path.dirname(os.path.abspath(__file__))}")
    try:
        module = native.module()
        print(f"compiler extension {module.__file__}")
        print(f"threads {module.threads()}, BLAS: OpenBLAS {module.blas_core()} kernels")
        cache = native.disk_cache()
        print(f"disk cache {cache['directory']} (at most {cache['max_bytes'] >> 20} MB)"
              if cache["directory"] else "disk cache: off")
    except ImportError as e:
        print(f"compiler extension: missing ({e})")
    from importlib.util import find_spec
    spec = find_spec("paddle")
    origin = os.path.dirname(spec.origin) if spec and spec.origin else None
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    if origin is None:
        print("import paddle: not available")
    elif os.path.dirname(origin) == here:
        print("import paddle: dy2st (no real Paddle installed)")
    else:
        print(f"import paddle: real Paddle at {origin}")


def _ops(options):
    """The op table's primitives and the composites over them, each with its
    summary: the reference generated from the one table and the docstrings."""
    import inspect
    from .eager import composites, optable
    print("| operation | kind | signature | summary |\n|---|---|---|---|")
    for p in optable.PRIMITIVES.values():
        print(f"| `{p.name}` | primitive | `{p.signature}` | {p.summary} |")
    for name, fn in sorted(composites.COMPOSITES.items()):
        summary = (inspect.getdoc(fn) or "").split("\n\n")[0].replace("\n", " ")
        print(f"| `{name}` | composite | `{name}{inspect.signature(fn)}` | {summary} |")


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m dy2st", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="run a model saved by paddle.jit.save")
    run.add_argument("model", help="the model's path (with or without .pdmodel)")
    run.add_argument("inputs", nargs="*", help="inputs: .npy files, numbers, true/false")
    run.add_argument("--output", help="write result i to <OUTPUT><i>.npy")
    run.set_defaults(handler=_run)
    ir = commands.add_parser("ir", help="print the IR of a function of a Python file")
    ir.add_argument("file")
    ir.add_argument("function")
    ir.add_argument("--stage", default="pydy", choices=["pydy", "specialized", "core", "llvm"])
    ir.add_argument("--arg", dest="args", action="append", default=[],
                    help="an argument for stages after pydy (repeat in order)")
    ir.set_defaults(handler=_ir)
    config = commands.add_parser("config", help="show the version and the configuration")
    config.set_defaults(handler=_config)
    ops = commands.add_parser("ops", help="list the operations compiled code knows (Markdown)")
    ops.set_defaults(handler=_ops)
    options = parser.parse_args(argv)
    from .compiler.errors import Dy2StError
    try:
        options.handler(options)
    except (Dy2StError, OSError, ValueError) as e:
        raise SystemExit(f"dy2st: {e}")


if __name__ == "__main__":
    main()
