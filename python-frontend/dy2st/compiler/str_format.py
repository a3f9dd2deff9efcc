"""`template.format(...)` of a template known when converting, as the
f-string it stands for: the importer compiles that (pydy.format), so the
values may be computed at run time (`"loss {:.3f}".format(float(loss))`)."""
import ast
import string


class FormatError(ValueError):
    """A template dy2st cannot rewrite (Python's own error, or a form compiled
    code has no f-string for)."""


def as_fstring(template, args, keywords, node):
    """The ast.JoinedStr of `template.format(*args, **keywords)`: `args` and
    `keywords` (name → expression) are expressions, read where the fields
    name them. Raises FormatError."""
    parts = []
    automatic = 0
    numbered = False
    try:
        fields = list(string.Formatter().parse(template))
    except ValueError as e:
        raise FormatError(str(e))
    for literal, field, spec, conversion in fields:
        if literal:
            parts.append(ast.Constant(literal))
        if field is None:
            continue
        if field == "":
            if numbered:
                raise FormatError("cannot switch from manual field specification to "
                                  "automatic field numbering")
            index, automatic = automatic, automatic + 1
            value = _positional(args, index)
        elif field.isdigit():
            if automatic:
                raise FormatError("cannot switch from automatic field numbering to manual "
                                  "field specification")
            numbered = True
            value = _positional(args, int(field))
        elif field.isidentifier():
            if field not in keywords:
                raise FormatError(f"KeyError: '{field}'")
            value = keywords[field]
        else:
            raise FormatError(f"the field '{{{field}}}' (attributes or items of an argument) "
                              "is not supported by dy2st yet: format them into the values")
        if spec and "{" in spec:
            raise FormatError("a format spec computed at run time is not supported by dy2st")
        parts.append(ast.FormattedValue(
            value, ord(conversion) if conversion else -1,
            ast.JoinedStr([ast.Constant(spec)]) if spec else None))
    joined = ast.JoinedStr(parts)
    for part in ast.walk(joined):
        if not hasattr(part, "lineno"):
            ast.copy_location(part, node)
    return joined


def _positional(args, index):
    if index >= len(args):
        raise FormatError(f"IndexError: Replacement index {index} out of range for positional "
                          f"args tuple")
    return args[index]
