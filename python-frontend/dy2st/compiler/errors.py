"""dy2st's exceptions, formatted like Python's own: file, line, the source line
and a caret under the construct."""
from __future__ import annotations

import linecache
from typing import Iterable


class Dy2StError(Exception):
    """A program dy2st cannot compile: the message names file, line and construct."""

    def __init__(self, message: str, filename: str | None = None, lineno: int | None = None,
                 col: int | None = None,
                 notes: Iterable[tuple[str, str | None, int | None, int | None]] = ()) -> None:
        self.raw_message = message
        self.filename = filename
        self.lineno = lineno
        self.col = col
        self.notes = list(notes)
        super().__init__(self._format())

    def append_note(self, note: str, filename: str | None, lineno: int | None,
                    col: int | None) -> None:
        """Adds a note after the message (and the notes it has), in its text too."""
        self.notes.append((note, filename, lineno, col))
        self.args = (self._format(),)

    def _format(self):
        parts = [_format_one(self.raw_message, self.filename, self.lineno, self.col)]
        for note, filename, lineno, col in self.notes:
            parts.append(_format_one("note: " + note, filename, lineno, col))
        return "\n".join(parts)

    def __str__(self) -> str:
        # The text as formatted (KeyError, a base of one, would quote it).
        return str(self.args[0]) if self.args else ""


class UnsupportedSyntaxError(Dy2StError):
    """A Python construct that dy2st does not compile (yet)."""


# The Python exceptions an error found when compiling may be (its message
# starts with the name: "KeyError: 'y'"), where eager code raises it.
_PYTHON_EXCEPTIONS = {cls.__name__: cls for cls in (
    KeyError, IndexError, ValueError, TypeError, AttributeError, OverflowError,
    ZeroDivisionError, RuntimeError)}
_AS_PYTHON: dict[str, type] = {}


def compile_error(message: str, filename: str | None = None, lineno: int | None = None,
                  col: int | None = None,
                  notes: Iterable[tuple[str, str | None, int | None, int | None]] = ()
                  ) -> Dy2StError:
    """The Dy2StError of a program that cannot compile; where the message
    names one of Python's exceptions, an instance of that exception too, so
    that `except KeyError` catches what it catches eagerly."""
    name = message.split(":", 1)[0]
    base = _PYTHON_EXCEPTIONS.get(name)
    if base is None:
        return Dy2StError(message, filename, lineno, col, notes)
    if name not in _AS_PYTHON:
        _AS_PYTHON[name] = type(f"Dy2St{name}", (Dy2StError, base), {
            "__module__": __name__,
            "__doc__": f"A {name} dy2st found when compiling, where eager code raises it."})
    return _AS_PYTHON[name](message, filename, lineno, col, notes)


def _format_one(message, filename, lineno, col):
    if filename is None or lineno is None:
        return message
    text = f'File "{filename}", line {lineno}'
    if col:
        text += f", column {col}"
    text += f": {message}"
    source = linecache.getline(filename, lineno).rstrip("\n")
    if source.strip():
        indent = len(source) - len(source.lstrip())
        text += "\n    " + source.strip()
        if col:
            text += "\n    " + " " * max(col - 1 - indent, 0) + "^"
    return text


class GPUUnavailableError(RuntimeError):
    """backend="gpu" cannot run here: no CUDA toolkit at build time, no NVIDIA
    driver, or no GPU."""


def from_compiler(error):
    """A Dy2StError from the compiler's CompileError: the first error that
    names a place in the user's file, with the notes that do; the text where
    none does."""
    records = getattr(error, "diagnostics", [])
    placed = [(kind, message, (file, line, col)) for kind, message, file, line, col in records
              if file is not None]
    main = next(((message,) + where for kind, message, where in placed if kind == "error"), None)
    notes = [(message,) + where for kind, message, where in placed
             if kind == "note" and not message.startswith("see current operation")]
    text = str(error)
    if main is None:
        if text.startswith("dy2st: backend='gpu'"):
            return GPUUnavailableError(text.strip())
        return Dy2StError(text.strip() or "dy2st: compilation failed")
    # A statement the importer deferred (pydy.unsupported) keeps its class.
    if main[0].startswith("[unsupported] "):
        return UnsupportedSyntaxError(main[0][len("[unsupported] "):], main[1], main[2], main[3],
                                      notes)
    return compile_error(main[0], main[1], main[2], main[3], notes)
