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


class UnsupportedSyntaxError(Dy2StError):
    """A Python construct that dy2st does not compile (yet)."""


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
    return Dy2StError(main[0], main[1], main[2], main[3], notes)
