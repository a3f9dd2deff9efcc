"""The importer's special call forms: super(), getattr()/hasattr() with names
known when compiling, and Paddle 3's PyTorch-style spellings of calls (dim=,
shapes given one by one or unpacked, a transpose of two axes; see
eager/compat.py) (a mixin of Importer)."""
import ast
import collections
import dataclasses
import sys

from ..eager import compat, dtypes, inplace
from ..eager.place import check_place
from ..eager.tensor import Tensor
from . import alias_forms as forms
from . import pydytext
from .pydytext import OBJECT, Value
from .reach import Reach
from .statements import chained, dotted, located
from .unit import Static

def joined_list(items):
    """A list of `items`, some of them `*sequence`: `[a, b] + list(seq) + ...`
    (the importer's displays take no star)."""
    parts, run = [], []
    for item in items:
        if isinstance(item, ast.Starred):
            if run:
                parts.append(ast.List(run, ast.Load()))
                run = []
            parts.append(ast.Call(ast.Name("list", ast.Load()), [item.value], []))
        else:
            run.append(item)
    if run:
        parts.append(ast.List(run, ast.Load()))
    joined = parts[0]
    for part in parts[1:]:
        joined = ast.BinOp(joined, ast.Add(), part)
    return joined


@dataclasses.dataclass
class _Dataclass:
    """A dataclass without fields: what every dataclass's instance has."""


# The kinds of value compiled code has, by the names __hasattr__ gives them,
# and a Python object of each (records: what every such record has).
_VALUE_KINDS = {"bool": bool, "int": int, "float": float, "str": str, "NoneType": type(None),
                "list": list, "tuple": tuple, "dict": dict, "set": set, "Tensor": Tensor,
                "namedtuple": collections.namedtuple("Record", []), "dataclass": _Dataclass}


class CallForms:
    """Importer's methods for the call forms that need more than binding."""

    def inplace_call(self, node, receiver, operation, compute):
        """Paddle's in-place operations (`x.add_(y)`, `F.relu_(x)`;
        eager/inplace.py): the operation's result, `compute(receiver)` for
        the receiver's expression, becomes the value of the receiver's
        variable, item or attribute and of the names that share its object,
        as an item assignment's change does. A result of another shape than a
        value operation's receiver is Paddle's ValueError where it runs. The
        call's value is the receiver."""
        if self.lambda_depth:
            self._fail(node, f"{operation}_(): an in-place operation in a lambda is not "
                             "supported by dy2st")
        if self.is_inplace_call(receiver):
            # A chain (`h.add_(y).multiply_(y)`): the inner call runs first
            # (a method's receiver ran already), and its receiver is this one's.
            if id(receiver) not in self.inplace_receivers:
                self.expr(receiver)
            receiver = self.inplace_receivers[id(receiver)]
        if isinstance(receiver, ast.Attribute):
            self.written_attribute(receiver, assigned=True)
        elif isinstance(receiver, ast.Subscript):
            self.thread_container(receiver)  # `self.cache["k"].add_(x)`
        elif not isinstance(receiver, ast.Name):
            # A receiver no name holds (`F.relu_(x - 1)`): evaluated once.
            self.unnamed_receiver_shares_nothing(receiver, node)
            receiver = self.held(receiver)
        value = compute(receiver)
        if inplace.keeps_shape(operation):
            old = self.expr(receiver)
            shapes = [self.op(node, f'pydy.attr {v.name}, "shape" : {v.type} -> {OBJECT}')
                      for v in (value, old)]
            differ = self.written(node, pydytext.compare("ne", *shapes))
            self.raise_if(differ, "ValueError", inplace.shape_message(), node)
        self.write_back(receiver, value, node, Reach(kept=frozenset({()})))
        self.inplace_receivers[id(node)] = receiver
        return self.expr(receiver)

    def pair_out_call(self, node, plain, pair_of, returned):
        """Paddle 3.3's `topk(x, k, out=(values, indices))`, `median(...,
        out=...)` (eager/inplace.pair_named): the two tensors take `pair_of`'s
        results, as `paddle.assign` gives them, and the call's value is
        `returned`'s (given also `pair` and `out`). Without out=, `plain`."""
        given, call = forms.without_argument(node, "out", sys.maxsize)
        if given is None:
            return self.static_call(call, Static(plain))
        if not isinstance(given, ast.Tuple) or len(given.elts) != 2:
            # out=outs (a tuple made before), out=t: checked where it runs, its items written.
            given = self.held(given)
            check = ast.copy_location(ast.Call(node.func, [given], []), node)
            self.python_call(check, inplace.pair_targets, None)
            targets = [located(ast.Subscript(given, located(ast.Constant(k), given), ast.Load()),
                               given) for k in range(2)]
            given = located(ast.Tuple(targets, ast.Load()), given)
        if any(isinstance(e, ast.Starred) for e in given.elts):
            self._fail(node, f"{plain.__name__}(): out= in compiled code is written as a tuple "
                             "of the two tensors (out=(values, indices))")
        pair = self.held(call, Static(pair_of))
        for position, target in enumerate(given.elts):
            item = located(ast.Subscript(pair, located(ast.Constant(position), node),
                                         ast.Load()), node)
            self.inplace_call(node, target, "assign", lambda _, item=item: self.expr(item))
        result = ast.copy_location(ast.Call(call.func, call.args, call.keywords + [
            ast.keyword("pair", pair), ast.keyword("out", given)]), node)
        return self.static_call(result, Static(returned))

    def held(self, expression, callee=None):
        """A hidden variable holding `expression`'s value (the call of
        `callee` where given), evaluated once; a name as it is."""
        if isinstance(expression, ast.Name) and callee is None:
            return expression
        value = None if callee is None else self.static_call(expression, callee)
        return located(ast.Name(self.hold(expression, value, "inplace"), ast.Load()), expression)

    def is_inplace_call(self, node):
        if not isinstance(node, ast.Call):
            return False
        if isinstance(node.func, ast.Attribute) and inplace.operation_of(node.func.attr):
            return True
        callee = self.expr_or_static(node.func) if isinstance(node.func, (ast.Attribute, ast.Name)) \
            else None
        if not (isinstance(callee, Static) and hasattr(callee.obj, "inplace_operation")):
            return False
        target = getattr(callee.obj, "inplace_target", None)
        return target is None or forms.without_argument(node, *target)[0] is not None

    def without_place(self, node):
        """`to_tensor(data, dtype, place)` as without its place, which is
        checked where the call runs (the CPU, by name or as CPUPlace, passes;
        another is the eager ValueError)."""
        place, node = forms.without_argument(node, "place", 2)
        if isinstance(place, ast.Attribute) and place.attr == "place" and \
                dotted(place.value) is not None:
            # `place=x.place`: a tensor's place is the CPU (compiled code
            # has no place values: `x.place` elsewhere is an error).
            return node
        if place is not None:
            check = ast.copy_location(ast.Call(node.func, [place], []), node)
            self.python_call(check, check_place, None)
        return node

    def respelled_call(self, node, name, shape_at):
        """`node` with Paddle's PyTorch-style keywords of `name` as its own
        (`dim=` as `axis=`, `input=` as `x=`: compat.KEYWORD_ALIASES), and the sizes
        from position `shape_at` on as one list (`zeros(2, 3)`: `zeros([2, 3])`)."""
        keywords = node.keywords
        placement = [k for k in keywords if k.arg in compat.PLACEMENT_KEYWORDS] \
            if name in compat.PLACEMENT_FUNCTIONS else []
        if placement:
            # device=, requires_grad=, pin_memory=: checked where the call runs.
            check = ast.copy_location(ast.Call(node.func, [], placement), node)
            self.python_call(check, compat.check_placement, None)
            keywords = [k for k in keywords if k not in placement]
        aliases = compat.KEYWORD_ALIASES.get(name, {})
        if any(k.arg in aliases for k in keywords):
            given = {k.arg for k in keywords}
            for k in keywords:
                if k.arg in aliases and aliases[k.arg] in given:
                    self._fail(node, f"TypeError: {name}() got both '{aliases[k.arg]}' and its "
                                     f"alias '{k.arg}'", unsupported=False)
            keywords = [ast.keyword(aliases.get(k.arg, k.arg), k.value) for k in keywords]
            keyword, default = compat.ALIAS_DEFAULTS.get(name, (None, None))
            if keyword is not None and all(k.arg != keyword for k in keywords):
                keywords.append(located(ast.keyword(keyword, ast.Constant(default)), node))
        args = node.args
        if shape_at is not None:
            end = shape_at
            while end < len(args) and (self.may_be_size(args[end]) or
                                       isinstance(args[end], ast.Starred)):
                end += 1
            # Sizes one by one, or a sequence unpacked (`x.reshape(*shape)`):
            # one list display of them.
            if end - shape_at >= 2 or any(isinstance(a, ast.Starred)
                                          for a in args[shape_at:end]):
                sizes = located(joined_list(args[shape_at:end]), args[shape_at])
                args = args[:shape_at] + [sizes] + args[end:]
        return ast.copy_location(ast.Call(node.func, args, keywords), node)

    def swaps_two_axes(self, args):
        """Whether the arguments of transpose (the tensor first) are two axes
        (`x.transpose(0, 2)`: PyTorch's spelling) rather than an order."""
        return len(args) == 3 and self.may_be_size(args[1]) and self.may_be_size(args[2])

    def may_be_size(self, arg):
        """Whether an argument may be one size of a shape given as separate
        ints: not a string, a dtype, a list or a starred value."""
        if isinstance(arg, (ast.Starred, ast.List, ast.Tuple)):
            return False
        if isinstance(arg, ast.Constant):
            return type(arg.value) is int
        if (isinstance(arg, ast.Attribute) and arg.attr == "dtype") or \
                (isinstance(arg, ast.Name) and arg.id.endswith("dtype")):
            return False  # `zeros(shape, x.dtype)`, `full(shape, v, dtype)`
        return not isinstance(self.static_object(arg), (dtypes.DType, str, type)) and \
            not (isinstance(arg, ast.Attribute) and
                 isinstance(self.global_constant(arg), (dtypes.DType, str)))

    def holds_compile_time_objects(self, node):
        """Whether a call passes an object known when compiling that is no
        value (a layer): a dataclass made of one is such an object itself."""
        values = (bool, int, float, str, type(None), Tensor)
        return any(not isinstance(self.static_object(a), values)
                   for a in node.args + [k.value for k in node.keywords])

    def getattr_call(self, node, fn):
        """getattr(o, name[, default]) / hasattr(o, name) with a name known when
        compiling: `o.name` (of an object known when compiling, answered then
        where a default or hasattr asks whether it exists)."""
        if node.keywords or not 2 <= len(node.args) <= (3 if fn is getattr else 2):
            self._fail(node, f"{fn.__name__}() takes an object and a name"
                             f"{' (and a default)' if fn is getattr else ''}", unsupported=False)
        name = self.static_text(node.args[1])
        if name is None and fn is getattr and len(node.args) == 2:
            chain = self.chosen_by_loop_value(node.args[1], lambda text: ast.Call(
                node.func, [node.args[0], ast.Constant(text)], []))
            if chain is not None:
                return self.expr(located(chain, node))
        if name is None:
            self._fail(node.args[1], f"the name {fn.__name__}() reads must be a string known "
                                     "when compiling (or an f-string of the variable of a loop "
                                     "over a range known then)")
        attribute = ast.copy_location(ast.Attribute(node.args[0], name, ast.Load()), node)
        if fn is hasattr or len(node.args) == 3:
            owner = self.expr_or_static(node.args[0])
            if not isinstance(owner, Static) and fn is hasattr:
                return self.runtime_hasattr(owner, name, node)
            if not isinstance(owner, Static):
                # getattr(v, name, default): the attribute where hasattr()
                # holds (which folds once v's type is known), else the default.
                chosen = ast.IfExp(ast.Call(ast.Name("hasattr", ast.Load()), node.args[:2], []),
                                   attribute, node.args[2])
                return self.expr(located(chosen, node))
            flag = self.bound_flag_variable(attribute) if self.written_attribute(attribute) \
                else None
            if flag is not None:
                # One the object lacked when importing: whether the function assigned it.
                if fn is hasattr:
                    return self.load(flag, node)
                chosen = ast.IfExp(ast.Call(ast.Name("hasattr", ast.Load()), node.args[:2], []),
                                   attribute, node.args[2])
                return self.expr(located(chosen, node))
            present = hasattr(owner.obj, name)
            if fn is hasattr:
                return self.constant(present, node)
            if not present:
                return self.expr_or_static(node.args[2])
        return self.expr_or_static(attribute)

    def runtime_hasattr(self, value, name, node):
        """hasattr(v, name) of a value computed in compiled code: answered
        from its type once specialized, by the kinds of value that have the
        attribute (records: "namedtuple"/"dataclass" for what every such
        record has; their fields the specializer knows)."""
        having = ",".join(k for k, cls in _VALUE_KINDS.items() if hasattr(cls, name))
        listed, attribute = self.constant(having, node), self.constant(name, node)
        result = self.fresh()
        self.emit(f'{result}:2 = pydy.call_method {value.name}, "__hasattr__"({listed.name}, '
                  f"{attribute.name}) : {value.type}, ({listed.type}, {attribute.type}) -> "
                  f"({OBJECT}, {OBJECT}) {self.loc(node)}")
        return Value(f"{result}#0")

    def chosen_by_loop_value(self, name, make):
        """`make(text)` under `v == k` for each value `k` of the variable `v`
        of an enclosing loop over a range known when compiling, `text` the
        string `name` (an f-string of `v`: `f"block_{i}"`) is for it; chained,
        it folds to one where the loop is unrolled. None where `name` is no
        such f-string."""
        if not isinstance(name, ast.JoinedStr):
            return None
        variables = {n.id for n in ast.walk(name) if isinstance(n, ast.Name)}
        if len(variables) != 1:
            return None
        variable = variables.pop()
        values = self.range_values(ast.Name(variable, ast.Load()))
        if not values:
            return None
        code = compile(ast.fix_missing_locations(ast.Expression(name)), "<name>", "eval")
        texts = [eval(code, {"__builtins__": {}}, {variable: k}) for k in values]
        return chained([(ast.Compare(ast.Name(variable, ast.Load()), [ast.Eq()],
                                     [ast.Constant(k)]), make(text))
                        for k, text in zip(values[:-1], texts[:-1])], make(texts[-1]))

    def setattr_call(self, node):
        """setattr(o, name, value) with a name known when compiling: the
        assignment `o.name = value`."""
        if node.keywords or len(node.args) != 3:
            self._fail(node, "setattr() takes an object, a name and a value", unsupported=False)
        name = self.static_text(node.args[1])
        if name is None:
            self._fail(node.args[1], "the name setattr() assigns must be a string known when "
                                     "compiling")
        target = ast.copy_location(ast.Attribute(node.args[0], name, ast.Store()), node)
        self.statement(ast.copy_location(ast.Assign([target], node.args[2]), node))
        return self.constant(None, node)

    def static_text(self, node):
        """The string `node` is when compiling (a literal, the key of an
        unrolled loop, a string attribute of an object: guarded, or a sum
        of such strings), else None."""
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            parts = [self.static_text(node.left), self.static_text(node.right)]
            return parts[0] + parts[1] if None not in parts else None
        if isinstance(node, ast.Constant):
            return node.value if isinstance(node.value, str) else None
        if isinstance(node, ast.Name):
            key = self.static_keys.get(node.id)
            return key if isinstance(key, str) else None
        if isinstance(node, ast.Attribute) and not self.written_attribute(node):
            owner = self.expr_or_static(node.value)
            value = getattr(owner.obj, node.attr, None) if isinstance(owner, Static) else None
            if isinstance(value, str):
                self.guard_value(value, owner.origin.child(node.attr)
                                 if owner.origin is not None else None)
                return value
        return None

    def super_call(self, node):
        """`super()` in a method (or `super(C, self)`): Python's super object
        of the compile-time `self`, whose methods are bound to it and imported
        as any other method is."""
        if node.keywords:
            self._fail(node, "super() takes no keyword arguments", unsupported=False)
        if node.args:
            if len(node.args) != 2:
                self._fail(node, "super() in compiled code takes no arguments or a class and "
                                 "the object", unsupported=False)
            cls, obj = (self.expr_or_static(a) for a in node.args)
            if not (isinstance(cls, Static) and isinstance(cls.obj, type) and
                    isinstance(obj, Static)):
                self._fail(node, "the arguments of super() must be a class and an object "
                                 "known when compiling (super(C, self))", unsupported=False)
            cls, obj = cls.obj, obj.obj
        else:
            cells = dict(zip(getattr(getattr(self.fn, "__code__", None), "co_freevars", ()),
                             getattr(self.fn, "__closure__", None) or ()))
            if self.self_object is None or "__class__" not in cells:
                self._fail(node, "super() without arguments works in a method of a class "
                                 "called on its object in compiled code", unsupported=False)
            cls, obj = cells["__class__"].cell_contents, self.self_object
        try:
            return Static(super(cls, obj))
        except TypeError as e:
            self._fail(node, f"super(): {e}", unsupported=False)

