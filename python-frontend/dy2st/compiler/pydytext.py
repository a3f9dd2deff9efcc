"""pydy's textual syntax: the one writer of the ops that both the importer
and TracedLayer's tracer produce, and of Python values as pydy literals.

Each op writer takes operands as `Value`s and returns the op's text (without
its result name and location) and its result type."""
import struct

OBJECT = "!pydy.object"


class Value:
    """An SSA value of the pydy being written, with its type."""

    def __init__(self, name, type=OBJECT):
        self.name = name
        self.type = type


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
    value = float(value)  # numpy 2 spells its float64 scalars np.float64(...)
    if value != value or value in (float("inf"), float("-inf")):
        bits = struct.unpack("<Q", struct.pack("<d", value))[0]
        return f"0x{bits:016X} : f64"
    text = repr(value)
    if "e" in text and "." not in text:
        text = text.replace("e", ".0e")
    elif "." not in text and "e" not in text:
        text += ".0"
    return f"{text} : f64"


def _names(values):
    return ", ".join(v.name for v in values)


def _types(values):
    return ", ".join(v.type for v in values)


def signature(values, results=OBJECT):
    """`(operand types) -> result type`."""
    return f"({_types(values)}) -> {results}"


def kw_attr(kwnames, spread=False, dropped_update=False):
    """The attribute naming the trailing operands passed by keyword (and, for
    a call_value, `spread`: its first operand holds the positional ones; for
    a call_method, `dropped_update`: see pydy.call_method)."""
    attrs = ["spread"] if spread else []
    if dropped_update:
        attrs.append("dropped_update")
    if kwnames:
        attrs.insert(0, "kwnames = [" + ", ".join(f'"{k}"' for k in kwnames) + "]")
    return " {" + ", ".join(attrs) + "}" if attrs else ""


def constant(value):
    """A Python literal: bool, int (64-bit), float, str, None, or `...`."""
    if isinstance(value, bool):
        return f"pydy.constant {'true' if value else 'false'}", "i1"
    if isinstance(value, int):
        return f"pydy.constant {value} : i64", "i64"
    if isinstance(value, float):
        return f"pydy.constant {float_literal(value)}", "f64"
    if isinstance(value, str):
        return f'pydy.constant "{escape(value)}"', "!pydy.str"
    if value is None:
        return "pydy.constant none", "!pydy.none"
    if value is Ellipsis:
        # Only meaningful as a tensor index; the specialization reads it there.
        return 'pydy.constant "..."', "!pydy.str"
    raise TypeError(f"no pydy literal for {type(value).__name__}")


def binary(kind, lhs, rhs, augmented=False, shared=None):
    """`lhs <kind> rhs`; of `x <kind>= y`, `augmented`, and `shared`: what may
    share x's object (see importer.augmented_sharing)."""
    attributes = (["augmented"] if augmented else []) + \
        ([f'shared = "{escape(shared)}"'] if shared is not None else [])
    dictionary = f" {{{', '.join(attributes)}}}" if attributes else ""
    return (f"pydy.binary {kind} {lhs.name}, {rhs.name}{dictionary} : "
            f"{signature([lhs, rhs])}", OBJECT)


def compare(kind, lhs, rhs):
    return f"pydy.compare {kind} {lhs.name}, {rhs.name} : {signature([lhs, rhs])}", OBJECT


def unary(kind, operand):
    return f"pydy.unary {kind} {operand.name} : {signature([operand])}", OBJECT


def subscript(base, index):
    return f"pydy.subscript {base.name}[{index.name}] : {signature([base, index])}", OBJECT


def sequence(kind, values):
    """A tuple or list display."""
    return f"pydy.{kind} {_names(values)} : {signature(values)}", OBJECT


def named_tuple(class_key, fields, values):
    """An instance of a namedtuple class: a tuple display whose type names the
    class (see named_tuples) and the fields."""
    items = ", ".join(f'"{escape(f)}": {v.type}' for f, v in zip(fields, values))
    result = f'!pydy.named_tuple<"{escape(class_key)}"({items})>'
    return f"pydy.tuple {_names(values)} : {signature(values, result)}", result


def slice_(lower, upper, step):
    parts = [lower, upper, step]
    return f"pydy.slice {_names(parts)} : {_types(parts)}", "!pydy.slice"


def lib_call(primitive, values, kwnames=()):
    """A call of the op table's `primitive`."""
    return (f'pydy.lib_call "{primitive}"({_names(values)}){kw_attr(kwnames)} : '
            f"{signature(values)}"), OBJECT


def return_(value):
    """`pydy.return`, of a value or of nothing."""
    return "pydy.return" if value is None else f"pydy.return {value.name} : {value.type}"


def func_header(symbol, params, library=False, qualname=None):
    """The first line of a `pydy.func` taking `params` [(name, type)]; a
    `qualname` is the Python name messages give it where `symbol` differs."""
    args = [f'%arg{i}: {t} {{pydy.name = "{escape(name)}"}}' for i, (name, t) in enumerate(params)]
    attributes = (["pydy.library"] if library else []) + \
        ([f'pydy.qualname = "{escape(qualname)}"'] if qualname else [])
    return (f'pydy.func @"{escape(symbol)}"({", ".join(args)}) -> {OBJECT}'
            + (f" attributes {{{', '.join(attributes)}}}" if attributes else "") + " {")
