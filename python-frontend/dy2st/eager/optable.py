"""The table of dy2st primitives, read from include/Dy2St/Dialect/Pydy/LibraryOps.def:
the one definition of each primitive's name and signature, shared with the C++
compiler (which includes the same file)."""
import ast
import pathlib
import re

# In the checkout; an installed package carries a copy next to this file.
TABLE_PATH = (pathlib.Path(__file__).resolve().parents[3] / "include" / "Dy2St" / "Dialect" /
              "Pydy" / "LibraryOps.def")
if not TABLE_PATH.exists():
    TABLE_PATH = pathlib.Path(__file__).resolve().parent / "LibraryOps.def"

_ENTRY = re.compile(r'^(?:/// (.*)\n)?DY2ST_PRIMITIVE\((\w+), "([^"]*)", (\w+), (\w+)\)', re.M)
_NO_DEFAULT = object()


class Param:
    def __init__(self, name, kind, default, variadic=False):
        self.name, self.kind, self.default, self.variadic = name, kind, default, variadic

    @property
    def required(self):
        return self.default is _NO_DEFAULT


class Primitive:
    def __init__(self, name, signature, rule, lowering, params, summary=""):
        self.name, self.signature, self.rule, self.lowering = name, signature, rule, lowering
        self.params, self.summary = params, summary

    @property
    def doc(self):
        """The eager function's docstring: Paddle's signature, then the summary."""
        return f"{self.signature}\n\n{self.summary}"

    @property
    def variadic_position(self):
        """The position of the `*name` parameter, or None."""
        return next((i for i, p in enumerate(self.params) if p.variadic), None)


def _parse(signature):
    tree = ast.parse(f"def {signature}: pass").body[0]
    args = tree.args.args
    defaults = [_NO_DEFAULT] * (len(args) - len(tree.args.defaults)) + \
        [ast.literal_eval(d) for d in tree.args.defaults]
    params = [Param(a.arg, a.annotation.id, d) for a, d in zip(args, defaults)]
    if tree.args.vararg:
        params.append(Param(tree.args.vararg.arg, tree.args.vararg.annotation.id, (), True))
    return params


_COMPLEX_OPERANDS = re.compile(r'^DY2ST_COMPLEX_OPERANDS\(((?:\s*"[^"]*")+)\)', re.M)


def complex_operands(path=TABLE_PATH):
    """The names of the primitives whose tensors may be complex."""
    strings = _COMPLEX_OPERANDS.search(path.read_text()).group(1)
    return frozenset("".join(re.findall(r'"([^"]*)"', strings)).split())


def load(path=TABLE_PATH):
    """{name: Primitive} in table order."""
    table = {}
    for summary, name, signature, rule, lowering in _ENTRY.findall(path.read_text()):
        table[name] = Primitive(name, signature, rule, lowering, _parse(signature), summary)
    return table


PRIMITIVES = load()
