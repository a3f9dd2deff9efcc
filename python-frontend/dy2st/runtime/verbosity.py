"""What the translator reports, as Paddle's `paddle.jit.set_verbosity` and
`set_code_level` (and their environment variables TRANSLATOR_VERBOSITY and
TRANSLATOR_CODE_LEVEL) set it: at verbosity 1 a line for each compile with
its time, at 2 also each import of a function; a code level above 0 shows
each converted function as imported (pydy). A compile that runs longer than
`SLOW_COMPILE_SECONDS` says so while it runs, whatever the verbosity."""
from __future__ import annotations

import contextlib
import os
import sys
import threading
import time

SLOW_COMPILE_SECONDS = 10.0


def _env_int(name, default):
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default


_settings = {"verbosity": _env_int("TRANSLATOR_VERBOSITY", 0),
             "code_level": _env_int("TRANSLATOR_CODE_LEVEL", -1),
             "verbosity_stdout": False, "code_stdout": False}


def set_verbosity(level: int = 0, also_to_stdout: bool = False) -> None:
    """Sets how much the translator reports (0: nothing; 1: each compile and
    its time; 2: also each import). Written to stderr, and to stdout too with
    `also_to_stdout`.

    Example:
        >>> paddle.jit.set_verbosity(1)
    """
    _settings["verbosity"] = int(level)
    _settings["verbosity_stdout"] = bool(also_to_stdout)


def set_code_level(level: int = 100, also_to_stdout: bool = False) -> None:
    """Shows each converted function as dy2st imports it (its pydy IR, with
    the source lines) when `level` is above 0; written to stderr, and to
    stdout too with `also_to_stdout`.

    Example:
        >>> paddle.jit.set_code_level()
    """
    _settings["code_level"] = int(level)
    _settings["code_stdout"] = bool(also_to_stdout)


def _write(text, to_stdout):
    print(text, file=sys.stderr, flush=True)
    if to_stdout:
        print(text, flush=True)


def report(level, message):
    if _settings["verbosity"] >= level:
        _write(f"dy2st: {message}", _settings["verbosity_stdout"])


def show_code(name, text):
    if _settings["code_level"] > 0:
        _write(f"dy2st: {name} as converted:\n{text}", _settings["code_stdout"])


@contextlib.contextmanager
def compiling(name, signature):
    """Times a compile; says so while it runs if it runs long. What it yields
    says how it went ("done": "read from the disk cache")."""
    start = time.perf_counter()
    slow = threading.Timer(SLOW_COMPILE_SECONDS, lambda: _write(
        f"dy2st: still compiling {name} ({SLOW_COMPILE_SECONDS:.0f} s so far); "
        "large unrolled loops and models take LLVM a while", False))
    slow.daemon = True
    slow.start()
    outcome = {"done": "compiled"}
    try:
        yield outcome
    finally:
        slow.cancel()
    report(1, f"compiled {name}({signature}) in {time.perf_counter() - start:.2f} s"
              + ("" if outcome["done"] == "compiled" else f" ({outcome['done']})"))
