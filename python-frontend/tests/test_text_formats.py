"""dy2st-run formats what compiled code prints without a Python interpreter
(lib/Runtime/Format.cpp): each value and f-string format must give the text
Python's own format() gives."""
import math
import os
import pathlib
import subprocess

import pytest

from dy2st.compiler.pydytext import float_literal

FLOATS = [3.25, -0.0, 1234567.891, 1e-7, 1e22, 0.1 + 0.2, 100.0, -2.5e-5, math.inf, math.nan]
FLOAT_FORMATS = ["", ":", ":.3f", ":>12.2e", ":+g", ":.3", ":.1", ":,.2f", ":010.3f", ":^9",
                 ":%", ":.1%", ":E", ":G", ":*<10", "!r", "!s:>8", ":=+10.1f", ": .4"]
INTS = [0, 7, -1234567, 255, 2**62, -2**63]
INT_FORMATS = ["", ":", ":d", ":05d", ":,", ":_x", ":#x", ":#o", ":#b", ":X", ":+", ": d",
               ":e", ":.2f", ":010,", ":^7", "!r", ":<4", ":n", ":g"]
CHARACTERS = [65, 233, 0x4E2D, 0x1F600]
BOOL_FORMATS = ["", ":", ":>5", ":d", "!r", ":x"]
TEXTS = ["ab", "it's", 'say "hi"', "déjà vu", "中文"]
TEXT_FORMATS = ["", ":", ":>6", ":.1", ":^7", "!r", "!r:>12", ":_<5"]


def mlir_literal(value):
    if isinstance(value, bool):
        return "true" if value else "false", "i1"
    if isinstance(value, int):
        return f"{value} : i64", "i64"
    if isinstance(value, float):
        return float_literal(value), "f64"
    return '"' + value.replace('"', '\\"') + '"', "!pydy.str"


def cases():
    for v in FLOATS:
        yield from ((v, f) for f in FLOAT_FORMATS)
    for v in INTS:
        yield from ((v, f) for f in INT_FORMATS)
    yield from ((code, f) for code in CHARACTERS for f in (":c", ":>3c"))
    yield from ((True, f) for f in BOOL_FORMATS)
    yield from ((False, f) for f in BOOL_FORMATS)
    for v in TEXTS:
        yield from ((v, f) for f in TEXT_FORMATS)


def python_text(value, fmt):
    if not fmt:
        return str(value)
    conversion, _, spec = fmt.partition(":") if fmt.startswith("!") else ("", "", fmt[1:])
    if conversion:
        value = {"!r": repr, "!s": str}[conversion](value)
    return format(value, spec)


def test_dy2st_run_formats_like_python(tmp_path):
    lines = ["pydy.func @show() -> !pydy.none {"]
    for i, (value, fmt) in enumerate(cases()):
        literal, type = mlir_literal(value)
        lines.append(f"  %v{i} = pydy.constant {literal}")
        attr = f' {{formats = ["{fmt}"]}}' if fmt else ""
        lines.append(f"  pydy.print %v{i} : {type}{attr}")
    lines += ["  %none = pydy.constant none", "  pydy.return %none : !pydy.none", "}"]
    source = tmp_path / "formats.mlir"
    source.write_text("\n".join(lines) + "\n")
    build = os.environ.get("DY2ST_BUILD_DIR",
                           str(pathlib.Path(__file__).resolve().parents[2] / "build"))
    done = subprocess.run([os.path.join(build, "bin", "dy2st-run"), str(source)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    printed = done.stdout.splitlines()
    expected = [python_text(v, f) for v, f in cases()]
    assert len(printed) >= len(expected)
    wrong = [(v, f, got, want) for (v, f), got, want in zip(cases(), printed, expected)
             if got != want]
    assert not wrong


@pytest.mark.parametrize("value,fmt,error", [
    (2.5, ":d", "Unknown format code 'd' for object of type 'float'"),
    ("ab", ":+", "Sign not allowed in string format specifier"),
    (3, ":.2d", "Precision not allowed in integer format specifier"),
])
def test_dy2st_run_reports_formats_the_value_rejects(tmp_path, value, fmt, error):
    with pytest.raises(ValueError, match=error):
        format(value, fmt[1:])
    literal, type = mlir_literal(value)
    source = tmp_path / "bad.mlir"
    source.write_text(f'pydy.func @show() -> !pydy.none {{\n  %v = pydy.constant {literal}\n'
                      f'  pydy.print %v : {type} {{formats = ["{fmt}"]}}\n'
                      f'  %none = pydy.constant none\n  pydy.return %none : !pydy.none\n}}\n')
    build = os.environ.get("DY2ST_BUILD_DIR",
                           str(pathlib.Path(__file__).resolve().parents[2] / "build"))
    done = subprocess.run([os.path.join(build, "bin", "dy2st-run"), str(source)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode != 0
    assert "ValueError: " + error in done.stderr
