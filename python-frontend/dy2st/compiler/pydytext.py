"""Spelling Python values as pydy MLIR text (shared by the importer and the tracer)."""
import struct

OBJECT = "!pydy.object"


def escape(text):
    out = []
    for byte in text.encode("utf-8"):
        ch = chr(byte)
        if 32 <= byte < 127 and ch not in '"\\':
            out.append(ch)
        else:
            out.append(f"\\{byte:02X}")
    return "".join(out)


def float_literal(value):
    if value != value or value in (float("inf"), float("-inf")):
        bits = struct.unpack("<Q", struct.pack("<d", value))[0]
        return f"0x{bits:016X} : f64"
    text = repr(value)
    if "e" in text and "." not in text:
        text = text.replace("e", ".0e")
    elif "." not in text and "e" not in text:
        text += ".0"
    return f"{text} : f64"
