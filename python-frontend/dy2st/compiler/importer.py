"""The importer: Python source → pydy MLIR text.

Syntax-directed: one pydy op per Python construct, each with the user's
`loc("file":line:col)`. It infers no types; what it decides is name
resolution, as Python does when the function runs: a name assigned in the
function is a local variable (`pydy.load`/`pydy.store`), any other name is
looked up in the function's closure, globals and builtins now. What it finds
there is a compile-time object (a module, a dy2st function, a number, a
dtype), or a tensor, which becomes an extra input of the static program
("captured", re-read at every call, so changing it does not recompile).
"""
import ast
import builtins
import collections
import contextlib
import copy
import functools
import inspect
import json
import logging
import operator
import os
import re
import sys
import textwrap
import types
import warnings

import numpy as np

from ..eager import compat, dtypes, functional, inplace, optable, random, structures
from ..eager.place import CPUPlace
from ..eager.tensor import Tensor
from ..nn import Layer, LayerDict, LayerList, Sequential
from . import alias_forms as forms
from . import (aliases, callbacks, comprehensions, layer_structure, local_classes,
               named_tuples, numpy_functions, numpy_values, pybuiltins, returned_arrays,
               statements, try_statements, unbound)
from .errors import Dy2StError, UnsupportedSyntaxError, compile_error
from .unit import (Capture, Item, MadeObject, NewWrittenAttribute, Origin,
                   RecursiveCaptures, Static, Unit, bound_flag, flagged_attribute, object_tag,
                   owns, tagged_attribute)
from .call_forms import CallForms, joined_list
from .function_attributes import FunctionAttributes, is_function
from .marks import ENTRY_FILENAME, ConvertedFunction, forward_function, is_not_to_static
from .static_containers import StaticContainers
from .views import Views
from . import pydytext, str_format
from .pydytext import OBJECT, Value, escape as _escape
from .reach import ANY, Reach, key as reach_key_of, path_key as reach_key
from .statements import chained, located


# dy2st's own Python (composites, layers): inlined, its work is located at
# the call, as a builtin's is (pydy.library).
_PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep
_BINARY = {ast.Add: "add", ast.Sub: "sub", ast.Mult: "mul", ast.Div: "div",
           ast.FloorDiv: "floordiv", ast.Mod: "mod", ast.Pow: "pow", ast.MatMult: "matmul",
           ast.BitAnd: "bitand", ast.BitOr: "bitor", ast.BitXor: "bitxor",
           ast.LShift: "lshift", ast.RShift: "rshift"}
_UNARY = {ast.USub: "neg", ast.UAdd: "pos", ast.Not: "not", ast.Invert: "invert"}
_COMPARE = {ast.Lt: "lt", ast.LtE: "le", ast.Gt: "gt", ast.GtE: "ge", ast.Eq: "eq",
            ast.NotEq: "ne", ast.Is: "is", ast.IsNot: "is_not", ast.In: "in",
            ast.NotIn: "not_in"}
# Methods whose effect is on their receiver: the importer stores the updated
# object back into the receiver's variable.
_MUTATING_METHODS = {"append", "pop", "insert", "extend", "update", "clear", "remove",
                     "setdefault", "reverse"}
# Methods of a set (a variable bound only to sets, see numpy_values), and those
# that change it: `seen.add(t)` is not a tensor's add().
_SET_CHANGES = {"add", "discard", "remove", "update", "clear", "pop"}
_SET_METHODS = _SET_CHANGES | {"copy"}
# Methods of a string known when compiling, computed then (format and join
# take values of run time).
_TEXT_METHODS = {"format", "join", "upper", "lower", "title", "capitalize", "strip", "lstrip",
                 "rstrip", "split", "rsplit", "replace", "startswith", "endswith", "find",
                 "rfind", "isdigit", "isalpha", "isupper", "islower", "zfill", "center", "ljust",
                 "rjust", "removeprefix", "removesuffix", "splitlines"}
# Methods of Python containers (a composite of the same name is not meant).
_CONTAINER_METHODS = _MUTATING_METHODS | {"keys", "values", "items", "get", "copy", "index",
                                          "count", "sort", "reverse"}
_UNSUPPORTED_STATEMENTS = {
    ast.AsyncWith: "async with",
    ast.Global: "global", ast.Delete: "del of an attribute",
    ast.Import: "import", ast.ImportFrom: "import",
    ast.AsyncFunctionDef: "async def",
    ast.AsyncFor: "async for",
}
_UNSUPPORTED_EXPRESSIONS = {
    ast.Yield: "yield", ast.YieldFrom: "yield from", ast.Await: "await",
    ast.ListComp: "list comprehensions in this position",
    ast.DictComp: "dict comprehensions in this position",
    ast.GeneratorExp: "generator expressions in this position",
    ast.Starred: "star-expressions",
    ast.NamedExpr: "assignment expressions (:=) not evaluated first in their statement (under "
                   "and/or or a conditional expression, in a comprehension or a lambda, after "
                   "a call)",
}


def _global_of(fn, name):
    """What a name that is not local to the Python function `fn` refers to."""
    closure = inspect.getclosurevars(fn).nonlocals if fn.__closure__ else {}
    return closure.get(name, fn.__globals__.get(name))


def _user_tensor_method(method):
    """The function user code set on paddle.Tensor as `method`, else None
    (dy2st's own methods are the class's or its table's)."""
    if method in _CONTAINER_METHODS or method in _TEXT_METHODS:
        return None
    fn = Tensor.__dict__.get(method)
    if isinstance(fn, types.FunctionType) and \
            not os.path.abspath(fn.__code__.co_filename).startswith(_PACKAGE):
        return fn
    return None


def _is_numpy(obj):
    module = obj.__name__ if isinstance(obj, types.ModuleType) else \
        getattr(obj, "__module__", None) or ""
    return module == "numpy" or module.startswith("numpy.") or isinstance(obj, np.ufunc)


def _numpy_value(obj):
    """Whether `obj`, an attribute of NumPy or of an object it made, is
    something compiled code reads as a value: a number (np.inf), None
    (np.newaxis), a type's description (np.float32, np.finfo(...).max), a
    module, or a function compiled code calls (numpy_functions)."""
    return obj is None or isinstance(obj, (bool, int, float, np.generic, np.dtype, np.finfo,
                                           np.iinfo, types.ModuleType)) or \
        (isinstance(obj, type) and issubclass(obj, np.generic)) or \
        (_hashable(obj) and obj in numpy_functions.FUNCTIONS)


_LITERAL_OPERATORS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
                      ast.Div: operator.truediv, ast.Pow: operator.pow}
"""Operators numpy_literal applies to arrays made when converting."""


class _NotLiteral(Exception):
    """An expression not made of values known when converting."""


def _assigned_names(body):
    """Python's rule: a name assigned anywhere in the function is local."""
    names = set()

    class Collector(ast.NodeVisitor):
        def visit_Name(self, node):
            if isinstance(node.ctx, (ast.Store, ast.Del)):
                names.add(node.id)

        def visit_Lambda(self, node):
            pass

        def visit_FunctionDef(self, node):
            pass

        def visit_ClassDef(self, node):
            names.add(node.name)

    for stmt in body:
        Collector().visit(stmt)
    return names




def _may_leave(statement):
    """Whether `statement` may leave the block it is in: a return or raise in
    it, or a break/continue of the block's loop (not of a loop inside it).
    The importer's own checks of unbound names do not count: they guard the
    statement after them, which Python runs."""
    if getattr(statement, "unbound_check", False):
        return False

    def visit(node, in_loop):
        if isinstance(node, (ast.Return, ast.Raise)):
            return True
        if isinstance(node, (ast.Break, ast.Continue)):
            return not in_loop
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            return False
        inner = in_loop or isinstance(node, (ast.For, ast.While, ast.AsyncFor))
        return any(visit(child, inner) for child in ast.iter_child_nodes(node))
    return visit(statement, False)


class Importer(StaticContainers, CallForms, Views, FunctionAttributes):
    """Imports one Python function as a `pydy.func` (its compile-time
    containers in static_containers.py, its special call forms in
    call_forms.py)."""

    # Whether each return also gives its index (returned_arrays.py): set for
    # the entry when its import starts.
    tags_returns = False

    def __init__(self, fn, arg_types=None, self_object=None, unit=None, static_params=None,
                 shared_params=()):
        self.fn = fn
        self.qualname = getattr(fn, "__qualname__", None)
        self.self_object = self_object
        # Parameters given compile-time objects (layers): names, not arguments.
        self.static_params = static_params or {}
        self.unit = unit or Unit()
        # The names changed in place so far, in order (see evaluated_in_order).
        self.changes_in_place = []
        try:
            source = statements.function_source(fn)
        except (OSError, TypeError) as e:
            raise Dy2StError(f"dy2st cannot read the source of {fn.__qualname__}: {e}") from None
        first = source.splitlines()[0]
        self.col_offset = len(first) - len(first.lstrip())
        self.filename = inspect.getsourcefile(fn) or fn.__code__.co_filename
        self.first_line = fn.__code__.co_firstlineno
        self.code_name = fn.__code__.co_name
        node = _lambda_as_def(fn, source) if fn.__name__ == "<lambda>" else \
            ast.parse(textwrap.dedent(source)).body[0]
        if isinstance(node, ast.AsyncFunctionDef):
            self._fail(node, "async functions are not supported by dy2st")
        if not isinstance(node, ast.FunctionDef):
            raise Dy2StError(f"dy2st can convert functions defined with 'def', not {fn!r}")
        self.globals = fn.__globals__
        self.closure = inspect.getclosurevars(fn).nonlocals if fn.__closure__ else {}
        receiver = node.args.args[0].arg if self_object is not None and node.args.args else None
        # Parameters a call gives one object (`f(b, b)`) name it as `q = p`
        # would: a change made through one is seen through the others. (At
        # the `def` line, before the body, for the aliases' order.)
        # Those of them the function assigns: where it also changes the object
        # in place, which name keeps it is not followed (see finish_returns).
        self.shared_assigned = {p for group in shared_params for p in group} & \
            _assigned_names(node.body)
        at_def = ast.Pass(lineno=node.lineno, col_offset=node.col_offset,
                          end_lineno=node.lineno, end_col_offset=node.col_offset)
        node.body[:0] = [located(ast.Assign([ast.Name(other, ast.Store())],
                                            ast.Name(group[0], ast.Load())), at_def)
                         for group in shared_params for other in group[1:]]
        # (The first of each group gives the object back to the caller.)
        self.sharing_params = {other for group in shared_params for other in group[1:]}
        self.node = comprehensions.desugar(statements.desugar(
            node, lambda name: self.resolve_callee(name, receiver)))
        # Variables whose reads are checked at run time (they may be unbound).
        self.checked_names = unbound.check(self.node)
        self.arg_types = arg_types or {}
        self.lines = []
        self.returned_at = None  # len(self.lines) after the latest pydy.return
        self.depth = 0
        self.counter = 0
        self.hidden = 0
        self.views_made = set()  # the keys of the view aliases assigned (views.py)
        self.static_views = set()  # and of those of a compile-time container's item
        # Parameters the function also assigns: their stores are marked
        # (_ParamStore) for finish_returns.
        self.rebound_params = set()
        # {id(call node): the receiver's node} of the in-place calls imported
        # (CallForms.inplace_call).
        self.inplace_receivers = {}
        self.captures = []
        # The Python object every return of a called function gives (see
        # returned_value), else None.
        self.static_result = None
        self.value_returned = False
        self.scopes = []
        self.nested_defs = {}
        self.may_raise = False
        self.lambda_depth = 0
        # The `try` bodies being imported (see try_statements).
        self.try_bodies = 0
        # Inside the right operand of `and`/`or`, and whether a call there may
        # have raised (checked after the operation, see logical).
        self.logical_depth = 0
        self.raised_in_logical = False
        # Parameters of the functions this one calls that they change in
        # place (an entry wrapper calls one function: what it gives back).
        self.changed_by_callees = set()
        # How deep inside each the callees' changes went (see Reach).
        self.reaches_by_callees = {}
        # Whether the function (or one it calls) assigns a threaded attribute:
        # a caller takes the attributes back only from such a callee (the
        # others return them unchanged; a store inside `a or f(b)` would not
        # promote).
        self.stores_attributes = False
        self.free_params = []
        self.static_names = {}
        self.static_keys = {}     # names bound to the keys of an unrolled loop (unrolled_for)
        # The variables of the enclosing loops over ranges known when
        # converting, with the values they take (see range_values).
        self.range_targets = []
        # How often each name is assigned: a name assigned once may alias a
        # compile-time object (`layer = self.layers[0]`).
        self.assignments = collections.Counter(
            n.id for n in ast.walk(node) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store))

    # Output ----------------------------------------------------------------
    def loc(self, node):
        line = self.first_line + node.lineno - 1
        col = node.col_offset + self.col_offset + 1
        return f'loc("{_escape(self.filename)}":{line}:{col})'

    def _where(self, node):
        return (self.filename, self.first_line + node.lineno - 1,
                node.col_offset + self.col_offset + 1)

    def _fail(self, node, message, unsupported=True):
        if unsupported:
            raise UnsupportedSyntaxError(message, *self._where(node))
        raise compile_error(message, *self._where(node))

    def emit(self, text):
        self.lines.append("  " * self.depth + text)

    def fresh(self):
        self.counter += 1
        return f"%v{self.counter}"

    def op(self, node, body, type=OBJECT):
        name = self.fresh()
        self.emit(f"{name} = {body} {self.loc(node)}")
        return Value(name, type)

    def written(self, node, text_and_type):
        """The op a `pydytext` writer spelled, at `node`."""
        return self.op(node, *text_and_type)

    # Entry -------------------------------------------------------------------
    def import_module(self):
        """The pydy text of the function and of every function it calls."""
        key = (self.fn, id(self.self_object))
        self.captures = list(self.unit.preset_captures.get(key, ()))
        self.unit.functions[key] = (self.node.name, self)
        self.unit.stack.append(key)
        text = self.import_function(self.node.name)
        self.unit.stack.pop()
        self.check_recursion(key, self.node)
        if self.arrays_returned() is None:
            self._fail(next(node for arrays, node in self.return_arrays if arrays),
                       "this return gives a NumPy array (or a list made by tolist()) where "
                       "another return of the function gives a tensor: compiled, the caller "
                       "cannot tell them apart; return one kind at every return",
                       unsupported=False)
        text = "".join([text] + self.unit.texts)
        if dtypes.default_float() != dtypes.float32:
            # paddle.set_default_dtype("float64"): the type rules' float of
            # tensors made without a dtype (LibTyping::defaultFloat).
            return f'module attributes {{pydy.default_float = "{dtypes.default_float()}"}} ' \
                f'{{\n{text}}}\n'
        return text

    def check_recursion(self, key, node):
        # A recursive call passed the captures known when it was imported (all
        # of them once preset), and took no parameter changed in place back.
        preset = self.unit.preset_captures.get(key, [])
        if key in self.unit.recursive and len(self.captures) > len(preset):
            if preset:
                self._fail(node, "dy2st could not find the tensors a recursive function reads "
                                 "from outside it (an internal error)")
            raise RecursiveCaptures(key, list(self.captures))
        if key in self.unit.recursive and self.mutated_params:
            self._fail(node, f"a recursive function that changes its argument "
                             f"'{self.mutated_params[0]}' in place is not supported by dy2st yet")

    def import_function(self, symbol, called=False):
        """The pydy text of this function alone, as `@symbol`. A function that
        is `called` from converted code may take `*args` (a tuple)."""
        args = self.node.args
        self.is_called = called
        if (args.vararg or args.kwarg) and not called:
            self._fail(self.node, "*args and **kwargs parameters (given other than through "
                                  "to_static's call) are not supported by dy2st yet")
        # In the order of inspect.signature, which callers bind.
        params = [a.arg for a in args.posonlyargs + args.args]
        if args.vararg:
            params.append(args.vararg.arg)
        params += [a.arg for a in args.kwonlyargs]
        if args.kwarg:
            params.append(args.kwarg.arg)
        params += self.free_params
        if self.self_object is not None:
            params = params[1:]
        params = [p for p in params if p not in self.static_params]
        if called:
            params += [self.attribute_variable(i) for i in range(len(self.unit.written))]
        self.static_names.update(self.static_params)
        self.param_names = params
        # Parameters the function changes in place (x[i] = v, x.append(v)):
        # it gives their values back, for its caller to write to the
        # arguments (the entry's caller: to the tensors it was given), as
        # Python shares them (see finish_returns).
        self.mutated = set()
        self.mutated_params = None
        # How deep inside each parameter its changes in place went, and of
        # those the function gives back (see finish_returns).
        self.item_reaches = {}
        self.param_reaches = None
        self.self_name = args.args[0].arg if self.self_object is not None else None
        self.own_locals = _assigned_names(self.node.body) | set(params)
        self.rebound_params = set(params) & _assigned_names(self.node.body)
        self.array_names = numpy_values.array_names(self.node, params)
        self.list_names = numpy_values.names_bound_only_to(self.node, params,
                                                           numpy_values.is_list_call)
        # What each return gives back as NumPy arrays (returned_arrays.py),
        # and the functions imported for calls (by the call's node).
        self.return_arrays = []
        self.callees = {}
        # Sets: `seen.add(t)` changes the set (a tensor's add() makes a sum).
        self.set_names = numpy_values.names_bound_only_to(self.node, params,
                                                          numpy_values.is_set_call)
        self.aliases = aliases.Aliases(self.node.body, [a.arg for a in ast.walk(args)
                                                        if isinstance(a, ast.arg)],
                                       self.user_callee, _global_of, self.constructs)
        self.scopes.append(self.own_locals |
                           {self.attribute_variable(i) for i in range(len(self.unit.written))})
        self.depth = 1
        self.tags_returns = not called and returned_arrays.tags_returns(self)
        if not called:
            self.init_written_attributes()
        # A body that ends in an `if` whose branches both leave still closes
        # with a return (never reached).
        if not self.block(self.node.body) or self.returned_at != len(self.lines):
            if self.static_result is not None:
                self._fail(self.node, "a called function that returns a Python object returns "
                                      "it at each return in compiled code (here it may end "
                                      "without a return: None)")
            self.emit_return(self.tagged(None, -1, self.node), self.node)
        self.finish_returns(called)
        body = self.lines
        library = os.path.abspath(self.filename).startswith(_PACKAGE)
        header = pydytext.func_header(
            symbol, [(p, self.arg_types.get(p, OBJECT)) for p in params] +
            [(c.label, OBJECT) for c in self.captures], library,
            self.qualname if called else None)
        text = "\n".join([header] + body + ["} " + self.loc(self.node)]) + "\n"
        return text

    # Statements ------------------------------------------------------------
    def block(self, statements):
        """Emits statements; True when the block ends in an exit (the rest is dead).
        After a statement that may leave the block (`if c: return`), one that
        cannot be converted is deferred as in `branch`: Python may never run
        it (the `if` may fold to its return once the signature is known)."""
        may_have_left = False
        for stmt in statements:
            if not may_have_left:
                if self.statement(stmt):
                    return True
                may_have_left = _may_leave(stmt)
                continue
            saved = self.emission_state()
            try:
                if self.statement(stmt):
                    return True
            except Dy2StError as e:
                self.defer_failure(e, saved, stmt)
                return True
        return False

    def statement(self, node):
        kind = type(node)
        if hasattr(node, "dy2st_unsupported"):
            # A `try` try_statements cannot rewrite: the part it names, and why.
            self._fail(*node.dy2st_unsupported)
        if kind in _UNSUPPORTED_STATEMENTS:
            self._fail(node, f"'{_UNSUPPORTED_STATEMENTS[kind]}' is not supported by dy2st")
        method = getattr(self, "stmt_" + kind.__name__, None)
        if method is None:
            self._fail(node, f"'{kind.__name__}' statements are not supported by dy2st")
        return method(node)

    def stmt_Pass(self, node):
        return False

    def stmt_Nonlocal(self, node):
        """`nonlocal x` in a nested def: `x` is a free variable the def gives
        back at its returns, which its caller stores (see stmt_FunctionDef)."""
        declared = getattr(self.node, "dy2st_nonlocal_names", ())
        for name in node.names:
            if name not in declared:
                self._fail(node, f"'nonlocal {name}' names no variable of the converted "
                                 "function that encloses this def")
        return False

    def stmt_FunctionDef(self, node):
        """A nested def: a function of its own, called like any other. The
        enclosing function's variables it reads (a closure) are passed to it
        as hidden arguments at each call: it sees their values at the call,
        as Python's closures do. Those it declares `nonlocal` it gives back
        after its result, and its caller (this function) stores them."""
        if node.decorator_list:
            self._fail(node, "decorators on a nested def are not supported by dy2st")
        if self.is_local(node.name):
            self._fail(node, f"'{node.name}' is both a nested def and a variable")
        enclosing = set().union(*self.scopes) - set(self.nested_defs) - {node.name}
        inner = _assigned_names(node.body) | set(statements.parameter_names(node.args))
        reads = {n.id for n in ast.walk(node) if isinstance(n, ast.Name) and
                 isinstance(n.ctx, ast.Load)}
        free = {n for n in reads if n in enclosing and n not in inner}
        nonlocals = {name for stmt in ast.walk(node) if isinstance(stmt, ast.Nonlocal)
                     for name in stmt.names}
        for name in sorted(nonlocals):
            if name not in enclosing:
                self._fail(node, f"'nonlocal {name}' names no variable of the converted "
                                 "function (or a def inside a nested def)")
        node.dy2st_nonlocal_names = sorted(nonlocals)
        free |= nonlocals
        # What the nested defs it calls read from here, it passes on.
        for called in reads & set(self.nested_defs):
            free |= set(self.nested_defs[called].dy2st_free_names) - inner
        # A default that is not a constant is computed here, when the def runs
        # (as Python does), into a variable the calls that omit it read.
        node.dy2st_computed_defaults = {}
        for param, default in _defaulted(node.args):
            if _literal(default) is not _NOT_LITERAL:
                continue
            hidden = f"_dy2st_default__{node.name}__{param.arg}"
            self.scopes[-1].add(hidden)
            self.store(hidden, self.expr(default), default)
            node.dy2st_computed_defaults[param.arg] = hidden
            free.add(hidden)
        node.dy2st_free_names = sorted(free)
        self.nested_defs[node.name] = node
        return False

    def stmt_ClassDef(self, node):
        """A class defined in the function: made now, as Python makes it when
        the statement runs (local_classes.py); a compile-time object."""
        if self.assignments[node.name] or node.name in self.static_names:
            self._fail(node, f"'{node.name}' is both a class defined here and a variable")
        namespace = dict(self.globals)
        namespace.update(self.closure)
        runtime = set().union(*self.scopes)
        for name in local_classes.names_read(node):
            static = self.static_names.get(name)
            if isinstance(static, Static):
                namespace[name] = static.obj
            elif name in runtime or name in self.nested_defs:
                self._fail(node, f"the class {node.name} reads '{name}', a variable of the "
                                 "function: dy2st makes classes defined in a converted "
                                 "function when converting it, before its variables exist "
                                 "(define the class outside the function, or pass the value "
                                 "to its methods)")
        try:
            cls = local_classes.make_class(node, namespace, self.filename, self.first_line)
        except Exception as e:
            self._fail(node, f"making the class {node.name} raised {type(e).__name__}: {e}",
                       unsupported=False)
        self.static_names[node.name] = Static(cls)
        return False

    def stmt_Expr(self, node):
        if isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            return False  # a docstring
        # A call whose result is unused may be one made at run time in Python.
        self.discarded_call = node.value
        self.expr(node.value)
        return False

    def stmt_Assign(self, node):
        if len(node.targets) == 1 and isinstance(node.value, ast.IfExp) and \
                self.outliving_attribute(node.targets[0]):
            # `Cls.attr = f if c else g` (PaddleClas's Swin chooses its roll
            # so): as an `if`, each branch assigning its own value, so that a
            # function assigned is known (see function_assignment).
            target, choice = node.targets[0], node.value
            return self.stmt_If(located(ast.If(
                test=choice.test, body=[located(ast.Assign([target], choice.body), choice.body)],
                orelse=[located(ast.Assign([target], choice.orelse), choice.orelse)]), node))
        alias = self.aliases.view_at(node)
        if alias is not None and self.view_assignment(node, alias):
            return False
        if len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) and \
                self.assignments[node.targets[0].id] == 1:
            value = self.expr_or_static(node.value)
            if isinstance(value, Static):
                self.static_names[node.targets[0].id] = value
                return False
            self.assign(node.targets[0], value, node)
        elif self.static_unpacking(node):
            pass
        elif self.paired_displays(node):
            # `a, b = make(), make()`: each item its name's, objects known
            # when converting included (the items evaluated first, as Python).
            values = self.evaluated_in_order(node.value.elts, self.expr_or_static)
            if any(isinstance(v, Static) for v in values):
                for target, value in zip(node.targets[0].elts, values):
                    if isinstance(value, Static):
                        self.static_names[target.id] = value
                    else:
                        self.assign(target, value, node)
            else:
                self.assign(node.targets[0], self.written(
                    node.value, pydytext.sequence(type(node.value).__name__.lower(), values)),
                    node)
        else:
            result = self.expr_or_static(node.value)
            tags = [self.function_assignment(target, node.value, result)
                    for target in node.targets]
            value = self.value_of(result, node.value)
            for target in node.targets:
                self.assign(target, value, node)
            for target, tag in zip(node.targets, tags):
                if tag is not None:
                    self.store_object_tag(target, tag)
        for alias in self.aliases.items_at(node):
            self.item_assignment(node, alias)
        return False

    def static_unpacking(self, node):
        """`a, b = objects` of a sequence of objects known when converting
        (layers): each name bound to its object, as for `a = layer`."""
        target = node.targets[0]
        if len(node.targets) != 1 or not isinstance(target, (ast.Tuple, ast.List)) or \
                not all(isinstance(t, ast.Name) and self.assignments[t.id] == 1
                        for t in target.elts) or \
                isinstance(node.value, (ast.Tuple, ast.List)):
            return False
        value = self.expr_or_static(node.value)
        if not isinstance(value, Static) or type(value.obj) not in (tuple, list) or \
                not all(isinstance(v, Layer) for v in value.obj):
            self.assign(target, self.value_of(value, node.value), node)
            return True
        if len(value.obj) != len(target.elts):
            self._fail(node, f"cannot unpack {len(value.obj)} layers into {len(target.elts)} "
                             "names", unsupported=False)
        for name, obj in zip(target.elts, value.obj):
            self.static_names[name.id] = Static(obj)
        return True

    def paired_displays(self, node):
        """Whether `node` is `a, b = x, y`: names assigned only here, as many as
        the display on the right has items (none starred)."""
        target, value = node.targets[0], node.value
        return len(node.targets) == 1 and isinstance(target, (ast.Tuple, ast.List)) and \
            isinstance(value, (ast.Tuple, ast.List)) and len(target.elts) == len(value.elts) and \
            all(isinstance(t, ast.Name) and self.assignments[t.id] == 1 for t in target.elts) and \
            not any(isinstance(v, ast.Starred) for v in value.elts)

    def stmt_AugAssign(self, node):
        kind = _BINARY.get(type(node.op))
        if kind is None:
            self._fail(node, f"the operator '{type(node.op).__name__}=' is not supported by dy2st")
        target = node.target
        name = target.id if isinstance(target, ast.Name) else \
            self.written_attribute(target, assigned=True)
        if name is not None:
            current = self.load(name, target)
            value = self.expr(node.value)
            self.store(name, self.written(node, pydytext.binary(
                kind, current, value, augmented=True,
                shared=self.augmented_sharing(name, node, kind))), node)
        elif isinstance(target, ast.Subscript):
            self.thread_container(target.value)
            base = self.expr(target.value)
            index = self.index(target.slice)
            current = self.written(target, pydytext.subscript(base, index))
            new = self.binary(node, kind, current, self.expr(node.value))
            self.setitem(target, base, index, new)
        else:
            self._fail(node, "only names and subscripts can be targets of augmented "
                             "assignment in dy2st")
        return False

    def augmented_sharing(self, name, node, kind):
        """Of `name += v` (or `*=`), what may share name's object, as an error
        names it: another name, or the caller's argument for a parameter;
        else None. Python extends (repeats) a list in place, compiled code
        makes a new one, which is the same where nothing else has the list:
        the specializer rejects a shared one (a name bound only to lists is
        `name.extend(v)`, see list_extensions)."""
        if kind not in ("add", "mul"):
            return None
        sharing, doubtful, _ = self.aliases.at_change(name, node)
        partner = sharing[0].name if sharing else doubtful[0] if doubtful else None
        if partner is not None:
            return f"'{partner}'"
        return "the caller's argument" if name in self.param_names else None

    def stmt_If(self, node):
        known = self.object_truth(node.test)
        if known is None:
            cond = self.expr(node.test)
            # A test of values known when converting (`if self.training:`,
            # read and guarded above): only the branch Python takes is
            # converted, so the other's effects (an attribute it would
            # thread) do not exist.
            known = self.known_truth(node.test)
        if known is not None:
            return self.block(node.body if known else node.orelse)
        self.emit(f"pydy.if {cond.name} : {cond.type} {{")
        body_exits = self.branch(node.body)
        self.emit("} else {")
        orelse_exits = self.branch(node.orelse)
        self.emit("} " + self.loc(node))
        # Both branches leave: what follows never runs (Python would not
        # even look its names up), so it is not converted.
        return body_exits and orelse_exits

    def object_truth(self, node):
        """The truth of a test that is a compile-time object (`if
        self.downsample:` of a sublayer, `not self.head`), guarded by its
        identity; None for any other test."""
        negated = isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not)
        subject = node.operand if negated else node
        if not isinstance(subject, (ast.Name, ast.Attribute)) or \
                (isinstance(subject, ast.Name) and self.is_local(subject.id) and
                 subject.id not in self.static_names):
            return None
        obj = self.static_object(subject)
        if obj is None or not (isinstance(obj, Layer) or callable(obj)) or \
                isinstance(obj, (Tensor, type)):
            return None
        if isinstance(subject, ast.Attribute):
            owner = self.static_object(subject.value)
            self.guard_identity(obj, Origin("object", owner, [subject.attr]))
        return bool(obj) != negated

    def known_truth(self, node):
        """The truth of a test made of values known when converting
        (constants, and numbers, strings and None an object the function does
        not assign holds), else None."""
        if isinstance(node, ast.Constant):
            return bool(node.value) if _is_key_constant(node.value) else None
        if isinstance(node, ast.BoolOp):
            values = [self.known_truth(v) for v in node.values]
            if None in values:
                return None
            return all(values) if isinstance(node.op, ast.And) else any(values)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            value = self.known_truth(node.operand)
            return None if value is None else not value
        if isinstance(node, ast.Compare) and len(node.ops) == 1 and \
                isinstance(node.ops[0], (ast.Is, ast.IsNot)) and \
                isinstance(node.comparators[0], ast.Constant) and \
                node.comparators[0].value is None:
            found, value = self.known_value(node.left)
            if not found:
                return None
            return (value is None) == isinstance(node.ops[0], ast.Is)
        found, value = self.known_value(node)
        return bool(value) if found else None

    def known_value(self, node):
        """(True, value) for an attribute holding a number, string or None
        of an object known when converting that converted code does not
        assign; (False, None) otherwise."""
        if not isinstance(node, ast.Attribute) or self.written_attribute(node):
            return False, None
        owner = self.static_object(node.value)
        if owner is None or isinstance(owner, (bool, int, float, str, Tensor, types.ModuleType)) \
                or not hasattr(owner, node.attr):
            return False, None
        value = getattr(owner, node.attr)
        return (True, value) if _is_key_constant(value) else (False, None)

    def branch(self, statements):
        """The statements of an `if` branch. One that cannot be converted
        becomes `pydy.unsupported` (the rest of the branch is dropped): the
        branch may fold away once the signature is known, as Python would
        never run it; the error is reported only where it remains. Such a
        branch never goes on (it compiles only if it folds away), so it exits,
        and variables that the dropped statements would bind are not missing
        after it (fuzz seed 44671). True when the branch ends in an exit."""
        self.depth += 1
        exits = False
        for stmt in statements:
            saved = self.emission_state()
            try:
                if self.statement(stmt):
                    exits = True
                    break
            except Dy2StError as e:
                self.defer_failure(e, saved, stmt)
                exits = True
                break
        self.depth -= 1
        return exits

    def emission_state(self):
        return len(self.lines), len(self.scopes), self.depth, list(self.unit.stack)

    def defer_failure(self, error, saved, node):
        """Drops what was emitted since `saved` for `pydy.unsupported` with
        `error`'s message, and an exit: the code around may fold away."""
        del self.lines[saved[0]:]
        del self.scopes[saved[1]:]
        self.depth = saved[2]
        self.unit.stack[:] = saved[3]
        syntax = " {syntax}" if isinstance(error, UnsupportedSyntaxError) else ""
        where = (f'loc("{_escape(error.filename)}":{error.lineno}:{error.col or 1})'
                 if error.filename and error.lineno else self.loc(node))
        self.emit(f'pydy.unsupported "{_escape(error.raw_message)}"{syntax} {where}')
        self.return_undefined(node)

    def stmt_While(self, node):
        if node.orelse:
            self._fail(node, "'while ... else' is not supported by dy2st (its 'else' would "
                             "run in Python but has no static equivalent yet)")
        self.emit("pydy.while {")
        self.depth += 1
        cond = self.expr(node.test)
        self.emit(f"pydy.condition({cond.name} : {cond.type}) {self.loc(node.test)}")
        self.depth -= 1
        self.emit("} do {")
        self.depth += 1
        self.block(node.body)
        self.emit(f"pydy.yield {self.loc(node)}")
        self.depth -= 1
        self.emit("} " + self.loc(node))
        return False

    def stmt_For(self, node):
        if getattr(node, "dy2st_try_body", False):
            self.try_bodies += 1
            try:
                return self.for_statement(node)
            finally:
                self.try_bodies -= 1
        return self.for_statement(node)

    def for_statement(self, node):
        if node.orelse:
            self._fail(node, "'for ... else' is not supported by dy2st (its 'else' would "
                             "run in Python but has no static equivalent yet)")
        it = node.iter
        backwards = self.is_reversed_range(it)
        if backwards:
            it = it.args[0]
        is_range = isinstance(it, ast.Call) and self.is_builtin(it.func, range)
        if is_range:
            if it.keywords or not 1 <= len(it.args) <= 3:
                self._fail(it, "range() takes 1 to 3 positional arguments")
            if not isinstance(node.target, ast.Name):
                self._fail(node.target, "the target of 'for ... in range()' must be a name")
            if backwards:
                # reversed(range(...)): the range of the same items backwards.
                bounds = self.python_call(it, pybuiltins.reversed_range, None)
                bounds = [self.item_of(bounds, k, it) for k in range(3)]
            else:
                bounds = [self.expr(a) for a in it.args]
            if len(bounds) == 1:
                bounds = [self.constant(0, it)] + bounds
            if len(bounds) == 2:
                bounds.append(self.constant(1, it))
            names = ", ".join(b.name for b in bounds)
            types_ = ", ".join(b.type for b in bounds)
            self.emit(f"pydy.for_range {names} : {types_} {{")
            values = self.static_range(node, it)
            self.range_targets.append((node.target.id, values[::-1] if backwards and values
                                       else values))
        elif self.static_entries(it) is not None:
            return self.unrolled_for(node, self.static_entries(it))
        elif self.static_enumerate(it) is not None:
            return self.unrolled_for(node, self.static_enumerate(it))
        else:
            attrs = ""
            if isinstance(it, ast.Call) and self.is_builtin(it.func, enumerate):
                if len(it.args) != 1 or it.keywords:
                    self._fail(it, "enumerate() in compiled code takes an iterable and a start")
                it = it.args[0]
                attrs = " {enumerate}"
            iterable = self.iterable_value(it)
            self.emit(f"pydy.for_in {iterable.name} : {iterable.type} {{")
        self.depth += 1
        item = self.fresh()
        self.emit(f"^bb0({item}: {OBJECT}):")
        item = Value(item)
        if not is_range and numpy_values.is_array(it, self.array_names):
            item = self.numpy_loop_item(it, item, enumerated=bool(attrs))
        self.assign(node.target, item, node)
        try:
            self.block(node.body)
        finally:
            if is_range:
                self.range_targets.pop()
        self.depth -= 1
        self.emit("}" + (attrs if not is_range else "") + " " + self.loc(node))
        return False

    def is_reversed_range(self, node):
        """Whether `node` is `reversed(range(...))`."""
        return isinstance(node, ast.Call) and self.is_builtin(node.func, reversed) and \
            len(node.args) == 1 and not node.keywords and \
            isinstance(node.args[0], ast.Call) and self.is_builtin(node.args[0].func, range)

    def ranges_as_lists(self, node):
        """`node`, a call of a builtin that iterates its arguments (zip, sum,
        reversed, ...), with each `range(...)` among them the list of its
        items (pybuiltins.range_list)."""
        if not any(isinstance(a, ast.Call) and self.is_builtin(a.func, range) for a in node.args):
            return node
        self.static_names["_dy2st_range_list"] = Static(pybuiltins.range_list)
        args = [located(ast.Call(ast.Name("_dy2st_range_list", ast.Load()), a.args, a.keywords), a)
                if isinstance(a, ast.Call) and self.is_builtin(a.func, range) else a
                for a in node.args]
        return ast.copy_location(ast.Call(node.func, args, node.keywords), node)

    def static_range(self, node, call):
        """The values the variable of `for v in range(...)` (`call`) takes,
        where its bounds are numbers known when converting (literals,
        attributes of objects) and the body does not assign it; else None."""
        bounds = []
        for arg in call.args:
            if isinstance(arg, ast.Constant):
                bounds.append(arg.value)
            elif isinstance(arg, ast.Attribute) and not self.written_attribute(arg):
                owner = self.static_object(arg.value)
                if owner is None:
                    return None
                bounds.append(getattr(owner, arg.attr, None))
            else:
                return None
        target = node.target.id
        if not all(type(b) is int for b in bounds) or any(
                isinstance(n, ast.Name) and n.id == target and not isinstance(n.ctx, ast.Load)
                for statement in node.body for n in ast.walk(statement)):
            return None
        return range(*bounds)

    def range_values(self, node):
        """The values `node`, the variable of an enclosing loop over a static
        range, takes (see static_range), or None."""
        if not isinstance(node, ast.Name):
            return None
        return next((values for name, values in reversed(self.range_targets)
                     if name == node.id), None)

    def numpy_loop_item(self, array_node, item, enumerated):
        """The item of `for v in array` (or of enumerate(array): `(i, v)`)."""
        if not enumerated:
            return self.numpy_item(array_node, item)
        index = self.written(array_node, pydytext.subscript(item, self.constant(0, array_node)))
        value = self.written(array_node, pydytext.subscript(item, self.constant(1, array_node)))
        return self.written(array_node, pydytext.sequence(
            "tuple", [index, self.numpy_item(array_node, value)]))


    def stmt_With(self, node):
        """`with paddle.no_grad():` (a context that does nothing in compiled
        code): its body, as it is."""
        for item in node.items:
            try:
                context = self.expr_or_static(item.context_expr)
            except Dy2StError:
                context = None
            if not (isinstance(context, Static) and
                    getattr(context.obj, "transparent_in_compiled_code", False)):
                self._fail(node, "'with' is not supported by dy2st (except paddle.no_grad())")
            if item.optional_vars is not None:
                self.assign(item.optional_vars, self.constant(None, node), node)
        return self.block(node.body)

    def stmt_Raise(self, node):
        """`raise E(message)`: reported to the caller at run time, and the
        function returns at once (callers test `pydy.raised` after calling it).
        A bare `raise` outside an `except` clause (those in one re-raise its
        exception, see try_statements.py) re-raises the exception being
        handled: a caller's clause's, or the one a `finally` block runs for."""
        if node.exc is None:
            self.may_raise = True
            self.emit(f"pydy.reraise {self.loc(node)}")
            self.return_undefined(node)
            return True
        exc = node.exc
        args = exc.args if isinstance(exc, ast.Call) else []
        cls = self.expr_or_static(exc.func if isinstance(exc, ast.Call) else exc)
        if not (isinstance(cls, Static) and isinstance(cls.obj, type) and
                issubclass(cls.obj, BaseException)):
            self._fail(exc, "the exception of a 'raise' in compiled code must be an exception "
                            "class known when the function is converted")
        # The caller raises the nearest builtin class; a user class names
        # itself ("Base/Name", its message led by "Name: " there).
        kind = try_statements.builtin_base(cls.obj)
        message, items = "", []
        # The record holds str() of the exception: a KeyError's is its
        # argument's repr (compiled code's own KeyErrors record the key's).
        keyed = issubclass(cls.obj, KeyError)
        if len(args) == 1 and isinstance(args[0], ast.Constant):
            message = repr(args[0].value) if keyed else str(args[0].value)
        elif len(args) == 1 and keyed and isinstance(args[0], ast.JoinedStr):
            # The repr of an f-string made at run time: its text quoted.
            quoted = [ast.Constant("'")] + args[0].values + [ast.Constant("'")]
            items = self.text_items([located(ast.JoinedStr(quoted), args[0])])
        elif len(args) == 1:
            items = self.text_items([located(ast.FormattedValue(args[0], ord("r"), None), exc)]
                                    if keyed else args)
        elif args:
            # str() of an exception with several arguments: their tuple's text.
            parts = [ast.Constant("(")]
            for i, a in enumerate(args):
                parts += [ast.Constant(", ")] if i else []
                parts.append(ast.FormattedValue(a, ord("r"), None))
            parts = [located(p, exc) for p in parts + [ast.Constant(")")]]
            items = self.text_items(parts)
        kind = kind.__name__ if kind is cls.obj else f"{kind.__name__}/{cls.obj.__name__}"
        self.may_raise = True
        self.emit(f'pydy.raise "{kind}", "{_escape(message)}"'
                  f'{_text_operands(items, parenthesized=True)} {self.loc(node)}')
        self.return_undefined(node)
        return True

    def return_undefined(self, node):
        if self.try_bodies:
            # In a `try` body: out of its one-trip loop (and of the loops in
            # it, by the test after each statement), to its clauses.
            self.emit(f"pydy.break {self.loc(node)}")
            return
        value = self.op(node, f'pydy.undef "raised" : {OBJECT}')
        self.emit(f"{pydytext.return_(value)} {self.loc(node)}")

    def raise_if(self, condition, kind, message, node):
        """Where `condition` holds at run time, `kind(message)` is raised at
        `node` (the function returns at once, as for a `raise`)."""
        self.emit(f"pydy.if {condition.name} : {condition.type} {{")
        self.depth += 1
        self.may_raise = True
        self.emit(f'pydy.raise "{kind}", "{_escape(message)}" {self.loc(node)}')
        self.return_undefined(node)
        self.depth -= 1
        self.emit("} else {")
        self.emit("} " + self.loc(node))

    def stmt_Break(self, node):
        self.emit(f"pydy.break {self.loc(node)}")
        return True

    def stmt_Continue(self, node):
        self.emit(f"pydy.continue {self.loc(node)}")
        return True

    def stmt_Return(self, node):
        if node.value is None:
            self.returned_value(located(ast.Constant(None), node))  # (a bare `return`: None)
            value = None
        else:
            value = self.returned_value(node.value)
        site = -1
        if returned_arrays.returns_a_value(node):
            self.return_arrays.append((returned_arrays.made_by(self, node.value), node))
            site = len(self.return_arrays) - 1
        self.emit_return(self.tagged(value, site, node), node)
        return True

    def returned_value(self, node):
        """What a `return` gives: a value; or, from a called function, a plain
        Python object (`return A()`, made when converting): the caller takes
        the object itself (see static_result) and the return gives None."""
        result = self.expr_or_static(node)
        plain = isinstance(result, Static) and getattr(self, "is_called", False) and \
            _is_plain_object(result.obj)
        if (plain and (self.value_returned or self.static_result not in (None, result.obj))) or \
                (not plain and self.static_result is not None):
            self._fail(node, "a called function that returns a Python object returns it at "
                             "each return in compiled code (here another value)")
        if plain:
            self.static_result = result.obj
            return self.constant(None, node)
        self.value_returned = True
        return self.expr(node) if isinstance(result, Static) else result

    def tagged(self, value, site, node):
        """`value`, returned at the return of index `site` (-1 for None): with
        the index where the entry tags its returns (returned_arrays.py)."""
        if not self.tags_returns:
            return value
        value = self.constant(None, node) if value is None else value
        return self.written(node, pydytext.sequence("tuple", [value, self.constant(site, node)]))

    def arrays_returned(self):
        """{path: "numpy" | "list"}: the places of the function's result that
        are NumPy arrays or lists eagerly (returned_arrays.py); a list of them
        by return index where the entry tags its returns; None where a called
        function's returns differ."""
        if self.tags_returns:
            return [arrays for arrays, _ in self.return_arrays]
        found = {tuple(sorted(arrays.items(), key=repr)) for arrays, _ in self.return_arrays}
        if len(found) > 1:
            return None
        return dict(self.return_arrays[0][0]) if self.return_arrays else {}

    def emit_return(self, value, node):
        """`return value`; with attributes of compile-time objects assigned in
        the unit, their values are returned too (callers take them back, the
        entry's caller writes them to the objects). What a function returns
        is known once its body is: see finish_returns."""
        self.lines.append(_PendingReturn(value, node, self.depth))
        self.returned_at = len(self.lines)

    def finish_returns(self, called):
        """Each return, now that the parameters the function changes in place
        are known: their values follow the result (and the assigned
        attributes) for the caller to write back; the entry gives back only
        its own parameters (not the captured values). A parameter that is
        also assigned (`x = ...`) names the caller's object only until then:
        the caller's object is followed in the hidden variable `arg.x`, which
        takes each change in place made while `arg.x.same` (no assignment
        yet on the path taken) holds, and is what is given back."""
        own = self.param_names if called else \
            {a.arg for a in ast.walk(self.node.args) if isinstance(a, ast.arg)}
        nonlocals = set(getattr(self.node, "dy2st_nonlocal_names", ()))
        if self.shared_assigned and self.mutated & (self.sharing_params |
                                                    self.shared_assigned):
            self._fail(self.node, f"{self.qualname}() is given one object for several "
                                  f"parameters, assigns {', '.join(sorted(self.shared_assigned))} "
                                  "and changes the object in place: the parameters may name the "
                                  "same object, which dy2st does not follow through an "
                                  "assignment yet")
        self.mutated_params = [p for p in self.param_names
                               if p in self.mutated and p in own and p not in nonlocals and
                               p not in self.sharing_params]
        self.param_reaches = {p: self.item_reaches[p] for p in self.mutated_params
                              if p in self.item_reaches}
        followed = {line.param for line in self.lines
                    if isinstance(line, _ParamStore) and line.in_place} & set(self.mutated_params)
        lines, self.lines = self.lines, []
        depth = self.depth
        for param in sorted(followed):
            self.scopes[-1].update({f"arg.{param}", f"arg.{param}.same"})
            self.store(f"arg.{param}", self.load(param, self.node), self.node)
            self.store(f"arg.{param}.same", self.constant(True, self.node), self.node)
        for line in lines:
            if isinstance(line, _Deferred):
                self.depth = line.depth
                line.emit(self, followed)
            else:
                self.lines.append(line)
        self.depth = depth

    def follow_argument(self, stored):
        """At a store of a parameter the function also assigns: an assignment
        ends its naming the caller's object; a change in place reaches that
        object where it still does."""
        same = f"arg.{stored.param}.same"
        if not stored.in_place:
            self.store(same, self.constant(False, stored.node), stored.node)
            return
        flag = self.load(same, stored.node)
        self.emit(f"pydy.if {flag.name} : {flag.type} {{")
        self.depth += 1
        self.store(f"arg.{stored.param}", stored.value, stored.node)
        self.depth -= 1
        self.emit("} else {")
        self.emit("} " + self.loc(stored.node))

    def emit_returned_values(self, value, node, changed):
        # The entry gives back what its caller writes back to the objects.
        # The entry gives back None for an attribute that holds functions:
        # its tag says which (see unit.object_tag).
        attrs = [self.constant(None, node)
                 if not self.is_called and self.threaded_variable(obj, object_tag(attr))
                 else self.load(self.attribute_variable(i), node)
                 for i, (obj, attr) in enumerate(self.unit.written)
                 if self.is_called or not isinstance(obj, MadeObject)]
        if attrs or changed:
            if value is None:
                value = self.constant(None, node)
            values = [value] + attrs + changed
            value = self.written(node, pydytext.sequence("tuple", values))
        self.emit(f"{pydytext.return_(value)} {self.loc(node)}")
        self.returned_at = len(self.lines)

    def attribute_variable(self, i):
        obj, attr = self.unit.written[i]
        return f"{_ATTRIBUTE}{i}.{attr}"

    def init_written_attributes(self):
        """The entry reads the assigned attributes' values at its start:
        tensors and numbers as inputs (they change between calls), None and
        other objects as compile-time values (jit imports again when an
        attribute changes kind)."""
        functions = []
        for i, (obj, attr) in enumerate(self.unit.written):
            if not isinstance(obj, MadeObject) and is_function(getattr(obj, attr, None)):
                # A function: called code, which passes every attribute on;
                # made once they are all bound (None first).
                functions.append(i)
                self.store(self.attribute_variable(i), self.constant(None, self.node), self.node)
                continue
            tagged = tagged_attribute(attr)
            if tagged is not None:
                # Which function the attribute holds (see unit.object_tag).
                held = getattr(obj, tagged, None)
                tag = self.unit.tag_of(held) if is_function(held) else -1
                self.store(self.attribute_variable(i), self.constant(tag, self.node), self.node)
                continue
            flagged = flagged_attribute(attr)
            if flagged is not None:
                # Whether the object has the attribute (see unit.bound_flag).
                self.store(self.attribute_variable(i), self.constant(hasattr(obj, flagged),
                                                                     self.node), self.node)
            elif isinstance(obj, MadeObject) or not hasattr(obj, attr):
                # Bound from the start (None) for the calls that pass it on:
                # those before the object is made, or, for an attribute the
                # object lacks, those where its assignment did not run (it
                # may be under a condition that folds away; its flag tells
                # whether it ran).
                self.store(self.attribute_variable(i), self.constant(None, self.node), self.node)
            else:
                self.store(self.attribute_variable(i), self.attribute_value(obj, attr, self.node),
                           self.node)
        for i in functions:
            obj, attr = self.unit.written[i]
            self.store(self.attribute_variable(i), self.attribute_value(obj, attr, self.node),
                       self.node)

    def attribute_value(self, obj, attr, node, made=False):
        """The value `obj.attr` has now, as the start of its hidden variable:
        tensors and numbers as inputs (they change between calls), None and
        other objects as compile-time values (jit imports again when an
        attribute changes kind). The numbers of an object the import `made`
        are those it was made with."""
        return self.threaded_value(getattr(obj, attr), Origin("object", obj, [attr]), node, made)

    def threaded_value(self, current, origin, node, made):
        """`attribute_value` of `current`, read through `origin`: the items
        of a dict or list (one the function fills: `self.cache[k] = t`) too."""
        if made and isinstance(current, (bool, int, float)):
            return self.constant(current, node)
        if isinstance(current, (bool, int, float, Tensor)):
            number = not isinstance(current, Tensor)
            return self.capture(Capture(origin.label(), origin, number=number), node)
        if is_function(current):
            # A function an attribute holds (its tag says which): code to call.
            wrapped = self.function_value(Static(current), node)
            if wrapped is None:
                self._fail(node, f"the function {current!r} an attribute holds cannot be called "
                                 "from compiled code (its parameters take *args, **kwargs or "
                                 "defaults that are not literals)")
            return wrapped
        if isinstance(current, dict) and all(_is_key_constant(k) for k in current):
            keys = [self.constant(k, node) for k in current]
            values = [self.threaded_value(v, origin.child(Item(k)), node, made)
                      for k, v in current.items()]
            return self.dict_value(keys, values, node)
        if type(current) in (list, tuple):
            return self.written(node, pydytext.sequence(type(current).__name__, [
                self.threaded_value(v, origin.child(Item(i)), node, made)
                for i, v in enumerate(current)]))
        return self.expr_of_object(current, node)

    def thread_container(self, node):
        """Before `node` (`self.cache`, `self.cache[k]`) is changed in place:
        a dict or list held by an attribute of a compile-time object becomes
        state threaded like an assigned attribute (written back after the
        call), so that it can be read and changed as a value."""
        while isinstance(node, ast.Subscript):
            node = node.value
        if self.held_container(node) is not None:
            self.written_attribute(node, assigned=True)

    def holds_data(self, node):
        """Whether `node` is an attribute of a compile-time object holding a
        dict or list of data only (tensors, numbers, strings and containers
        of them): read by its methods (`self.state.items()`), it is threaded
        as a value, as a local container is (a dict of layers stays known
        when converting)."""
        container = self.held_container(node)
        return container is not None and _plain_data(container)

    def held_container(self, node):
        """The dict or list an attribute `node` of a compile-time object (not
        a module) holds, else None."""
        if not isinstance(node, ast.Attribute):
            return None
        obj = self.static_object(node.value)
        if obj is None or isinstance(obj, types.ModuleType):
            return None
        container = getattr(obj, node.attr, None)
        return container if type(container) in (dict, list) else None

    def static_object(self, node):
        """The compile-time object `node` names (`self`, `self.encoder`), else
        None; nothing is emitted."""
        if isinstance(node, ast.Name):
            if node.id == self.self_name:
                return self.self_object
            static = self.static_names.get(node.id)
            if isinstance(static, Static):
                return static.obj
            if self.is_local(node.id) or node.id in self.nested_defs:
                return None
            # A class or an object named outside the function (PaddleClas's
            # `RollWrapper._roll = paddle.roll`, a cache kept on a class).
            found = self.closure.get(node.id, self.globals.get(node.id))
            return found if isinstance(found, type) or _is_instance(found) else None
        if isinstance(node, ast.Attribute):
            base = self.static_object(node.value)
            if base is not None and not isinstance(base, (bool, int, float, str, Tensor)):
                found = getattr(base, node.attr, None)
                # Only an object that stays itself (not a property making a
                # new one at each read) can hold state written back.
                return found if getattr(base, node.attr, None) is found else None
        if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
            # An item of a list of layers (`self.blocks[0]`) at a constant key.
            base = self.static_object(node.value)
            if isinstance(base, (list, tuple, dict, LayerList, Sequential)):
                try:
                    found = base[node.slice.value]
                except (IndexError, KeyError, TypeError):
                    return None
                return found if isinstance(found, Layer) else None
        return None

    def written_attribute(self, node, assigned=False):
        """The hidden variable of `obj.attr` for a compile-time object whose
        attribute the unit assigns; `assigned` (an assignment to it) adds an
        attribute the unit does not thread yet (the import starts again)."""
        key = self.written_key(node)
        if key is None:
            return None
        variable = self.threaded_variable(key, node.attr)
        if variable is None and assigned:
            raise NewWrittenAttribute((key, node.attr))
        return variable

    def written_key(self, node):
        """The key in Unit.written of the compile-time object whose attribute
        `node` reads (a MadeObject for one the import made), else None."""
        if not isinstance(node, ast.Attribute):
            return None
        obj = self.static_object(node.value)
        if obj is None or isinstance(obj, (bool, int, float, str, Tensor, types.ModuleType)):
            return None
        made = next((k for k, m in enumerate(self.unit.made) if m is obj), None)
        return MadeObject(made) if made is not None else obj

    def threaded_variable(self, key, name):
        """The hidden variable of the pair (key, name) of Unit.written, else None."""
        for i, (known, attr) in enumerate(self.unit.written):
            if owns(known, key) and attr == name:
                return self.attribute_variable(i)
        return None

    def bound_flag_variable(self, node):
        """The hidden variable of the flag of the threaded attribute `node`
        (one its object lacked when importing), else None."""
        key = self.written_key(node)
        return None if key is None else self.threaded_variable(key, bound_flag(node.attr))

    def check_bound_attribute(self, node):
        """Before a read of `node`, an attribute its object lacked: Python's
        AttributeError where converted code has not assigned it yet."""
        flag = self.bound_flag_variable(node)
        if flag is None:
            return
        if self.lambda_depth:
            self._fail(node, f"a lambda reading '{node.attr}', which the object lacks until "
                             "the function assigns it, is not supported by dy2st")
        owner = type(self.static_object(node.value)).__name__
        missing = self.written(node, pydytext.unary("not", self.load(flag, node)))
        self.raise_if(missing, "AttributeError", _attribute_message(owner, node.attr), node)

    def attribute_index(self, node):
        """The index in Unit.written of the threaded attribute `node`."""
        name = self.written_attribute(node)
        return next(i for i in range(len(self.unit.written)) if self.attribute_variable(i) == name)

    def nested(self, statements):
        self.depth += 1
        self.block(statements)
        self.depth -= 1

    # Assignment ----------------------------------------------------------
    def assign(self, target, value, node):
        if isinstance(target, ast.Name):
            self.store(target.id, value, target)
        elif isinstance(target, (ast.Tuple, ast.List)):
            if any(isinstance(e, ast.Starred) for e in target.elts):
                self._fail(target, "starred assignment targets are not supported by dy2st")
            names = [self.fresh() for _ in target.elts]
            results = f"{names[0]}:{len(names)}" if len(names) > 1 else names[0]
            base = names[0]
            self.emit(f"{results} = pydy.unpack {value.name} : {value.type} -> "
                      f"{', '.join([OBJECT] * len(names))} {self.loc(target)}")
            for i, element in enumerate(target.elts):
                ref = f"{base}#{i}" if len(names) > 1 else base
                self.assign(element, Value(ref), node)
        elif isinstance(target, ast.Subscript):
            self.thread_container(target.value)
            base = self.expr(target.value)
            self.setitem(target, base, self.index(target.slice), value)
        elif self.written_attribute(target, assigned=True):
            self.unit.replaced.add(self.attribute_index(target))
            self.store(self.written_attribute(target), value, target)
            flag = self.bound_flag_variable(target)
            if flag is not None:
                self.store(flag, self.constant(True, target), target)
        elif isinstance(target, ast.Attribute) and target.attr == "stop_gradient":
            # Only gradients read it; compiled code computes none.
            self.expr(target.value)
        elif isinstance(target, ast.Attribute):
            self._fail(target, "assigning to an attribute is not supported by dy2st")
        else:
            self._fail(target, f"cannot assign to {type(target).__name__} in dy2st")

    def setitem(self, target, base, index, value, within=None):
        """`base[index] = value` at `target`; `within`: value is the item
        there, changed in place as that Reach says (a tuple takes only such a
        write); by default the item is replaced."""
        changed = " {item_changed}" if within is not None else ""
        updated = self.op(target, f"pydy.setitem {base.name}[{index.name}] = {value.name}"
                                  f"{changed} : ({base.type}, {index.type}, {value.type}) -> "
                                  f"{OBJECT}")
        key = reach_key(target.slice)
        reach = within.outward(key) if within is not None else Reach.assigned(key)
        self.write_back(target.value, updated, target, reach)

    def write_back(self, node, value, origin, reach):
        """Containers are values: an update of `a[i][j]` (or `a[i].append`)
        is written back along the path to the variable `a`; `reach`: how deep
        inside `node`'s object the change went (see store_changed)."""
        if isinstance(node, ast.Name) and self.is_local(node.id):
            self.changed_in_place(node.id, value, origin, reach)
        elif isinstance(node, ast.Subscript):
            self.setitem(node, self.expr(node.value), self.index(node.slice), value,
                         within=reach)
        elif self.written_attribute(node):
            attribute = forms.attribute_name(node)
            if attribute in self.aliases.attributes:
                self.changed_in_place(attribute, value, origin, reach)
            else:
                self.store_attribute_changed(node, value, origin, reach)
        else:
            self._fail(origin, "dy2st can update items only along a path from a local "
                               "variable (x[i] = v, x[i][j] = v, x[i].append(v))")

    def unnamed_receiver_shares_nothing(self, receiver, origin):
        """Before a change in place of what an expression no name holds gives
        (`d.setdefault(k, []).append(v)`, `(a if c else b).add_(x)`): where
        that may be an object a name or an attribute holds, compiled code
        would change a copy (a clear error)."""
        shared = [name for name, _ in forms.possibly_shared(receiver)]
        if shared:
            self._fail(origin, f"'{ast.unparse(receiver)}' may give the object '{shared[0]}' "
                               "holds (or one of its items), which this changes in place: "
                               "compiled code would change a copy; change it through its name")

    def changed_in_place(self, name, value, origin, reach):
        """`name` (a variable, or an attribute "obj.attr") changed in place at
        `origin` to `value` as `reach` says, and so are the names that share
        its object (for a container holding it, one level further in)."""
        sharing, doubtful, rows = self.aliases.at_change(name, origin)
        for row, base, statement in rows:
            self.unfollowed_row(row, base, statement, origin)
        if doubtful is not None:
            partner, statement = doubtful
            self._fail(origin, f"'{name}' is changed in place here while '{partner}' may "
                               f"name the same object or be a view of it (or hold one) "
                               f"({ast.unparse(statement).splitlines()[0].strip()}, "
                               f"line {self._where(statement)[1]}) and "
                               "is read later: dy2st treats tensors and lists as values, so "
                               f"'{partner}' would not see the change; use one name, or "
                               "assign a copy")
        known, reaches = {name: value}, {name: reach}
        self.store_changed(name, value, origin, reach)
        for shared in sharing:
            reach = reaches[shared.source]
            if shared.alias.view:
                view, base = shared.alias.names
                key = reach_key_of(aliases.key_of(shared.alias))
                moved = reach.outward(key) if shared.name == base else reach.inward(key)
                # A change of a row changes its tensor's memory in place, and
                # the other way round.
                reach = moved | Reach(kept=frozenset({()})) if shared.alias.may_be_row else moved
                reaches[shared.name] = reach
                self.follow_view(shared, origin, reach)
            else:
                value = known[shared.source] if shared.source in known else \
                    self.shared_value(shared.source, origin)
                known[shared.name], reaches[shared.name] = value, reach
                self.store_changed(shared.name, value, origin, reach)

    def shared_value(self, name, node):
        """The value of a name the analysis of shared objects gives: a
        variable, or an attribute ("self.buf") read as the code reads it."""
        attribute = self.aliases.attributes.get(name)
        return self.expr(attribute) if attribute is not None else self.load(name, node)

    def store_changed(self, name, value, node, reach):
        """`name` takes the value its object has after a change in place at
        `node` that went as deep as `reach` says (an argument so changed goes
        back to the caller, who pairs its tensors by it; an attribute
        "obj.attr" of a compile-time object is written back to it)."""
        self.changes_in_place.append(name)
        attribute = self.aliases.attributes.get(name)
        if attribute is not None:
            if self.written_attribute(attribute, assigned=True) is not None:
                self.store_attribute_changed(attribute, value, node, reach)
            return
        if name in self.param_names:
            self.mutated.add(name)
            self.item_reaches[name] = self.item_reaches.get(name, Reach()) | reach
        self.store(name, value, node, in_place=True)

    def store_attribute_changed(self, attribute, value, node, reach):
        """The threaded `attribute` of a compile-time object takes the value
        its object has after a change in place that went as deep as `reach`
        says (the object keeps its tensors there: see Unit.reaches)."""
        i = self.attribute_index(attribute)
        self.unit.reaches[i] = self.unit.reaches.get(i, Reach()) | reach
        self.store(self.attribute_variable(i), value, node)

    def store(self, name, value, node, in_place=False):
        self.stores_attributes = self.stores_attributes or name.startswith(_ATTRIBUTE)
        self.emit(f'pydy.store "{_escape(name)}", {value.name} : {value.type} {self.loc(node)}')
        if name in self.rebound_params:
            self.lines.append(_ParamStore(name, value, in_place, self.depth, node))

    def load(self, name, node):
        checked = " {checked}" if name in self.checked_names else ""
        return self.op(node, f'pydy.load "{_escape(name)}"{checked} : {OBJECT}')

    def is_local(self, name):
        return any(name in scope for scope in self.scopes)

    # Expressions -------------------------------------------------------------
    def expr(self, node):
        """Emits `node`; returns its Value (or raises for compile-time objects)."""
        return self.value_of(self.expr_or_static(node), node)

    def value_of(self, result, node):
        """The Value of `result`, what `node` gave: a compile-time object
        that has one (a dtype, a place, a function) made that value."""
        if isinstance(result, Static):
            obj = result.obj
            if isinstance(obj, np.dtype) or (isinstance(obj, type) and issubclass(obj, np.generic)):
                return self.constant(np.dtype(obj).name, node)  # x.astype(np.float64)
            if obj is bool or obj is int or obj is float:
                return self.constant(str(dtypes.as_dtype(obj)), node)  # x.astype(float)
            if isinstance(obj, CPUPlace):
                # to_tensor(..., place=paddle.CPUPlace()): the place by its name,
                # which Paddle's `place` arguments take too.
                return self.constant("cpu", node)
            if _is_constant_dict(obj) and result.origin is not None:
                return self.constant_dict(result, node)
            wrapped = self.function_value(result, node)
            if wrapped is not None:
                return wrapped
            self._fail(node, f"{self.describe_static(result)} cannot be used as a value in "
                             "compiled code")
        return result

    def constant_dict(self, static, node):
        """A dict of constants from outside (options, a config) as a dict
        value, guarded as read (changed in place, the function is imported
        again)."""
        self.guard_value(static.obj, static.origin)
        return self.dict_value([self.constant(k, node) for k in static.obj],
                               [self.constant(v, node) for v in static.obj.values()], node)

    def function_value(self, static, node):
        """A compile-time function or layer used as a value (`act = F.relu if
        kind == "relu" else F.gelu`, `[F.relu, paddle.tanh]`): a lambda of its
        parameters calling it, which a call of the value inlines; None where
        its signature has no such lambda (defaults that are not literals)."""
        obj = static.obj
        if isinstance(obj, (type, types.ModuleType)) or not callable(obj):
            return None
        callee = obj.forward if isinstance(obj, Layer) else obj
        try:
            # The parameters callers see: those of the code it runs (a
            # decorator's wrapper that adds some), or, for a functools.wraps
            # decorator's (*args, **kwargs) wrapper, those of the function it wraps.
            params = list(statements.code_signature(callee).parameters.values())
            if {p.kind for p in params} >= {inspect.Parameter.VAR_POSITIONAL,
                                            inspect.Parameter.VAR_KEYWORD}:
                params = list(inspect.signature(callee).parameters.values())
        except (TypeError, ValueError):
            return None
        if any(p.default is not p.empty and not _is_key_constant(p.default) for p in params):
            return None
        self.hidden += 1
        hidden = f"function.{self.hidden}"
        self.static_names[hidden] = static

        def arg(p):
            return ast.arg(p.name)

        positional = [p for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
        keyword_only = [p for p in params if p.kind == p.KEYWORD_ONLY]
        rest = next((p.name for p in params if p.kind == p.VAR_POSITIONAL), None)
        options = next((p.name for p in params if p.kind == p.VAR_KEYWORD), None)
        defaults = [ast.Constant(p.default) for p in positional if p.default is not p.empty]
        lam = ast.Lambda(
            args=ast.arguments(
                posonlyargs=[arg(p) for p in positional if p.kind == p.POSITIONAL_ONLY],
                args=[arg(p) for p in positional if p.kind != p.POSITIONAL_ONLY],
                vararg=ast.arg(rest) if rest else None,
                kwonlyargs=[arg(p) for p in keyword_only],
                kw_defaults=[None if p.default is p.empty else ast.Constant(p.default)
                             for p in keyword_only],
                kwarg=ast.arg(options) if options else None, defaults=defaults),
            body=ast.Call(
                ast.Name(hidden, ast.Load()),
                [ast.Name(p.name, ast.Load()) for p in positional] +
                ([ast.Starred(ast.Name(rest, ast.Load()), ast.Load())] if rest else []),
                [ast.keyword(p.name, ast.Name(p.name, ast.Load())) for p in keyword_only] +
                ([ast.keyword(None, ast.Name(options, ast.Load()))] if options else [])))
        return self.expr_Lambda(located(lam, node))

    def expr_or_static(self, node):
        kind = type(node)
        if kind in _UNSUPPORTED_EXPRESSIONS:
            self._fail(node, f"{_UNSUPPORTED_EXPRESSIONS[kind]} are not supported by dy2st")
        method = getattr(self, "expr_" + kind.__name__, None)
        if method is None:
            self._fail(node, f"'{kind.__name__}' expressions are not supported by dy2st")
        return method(node)

    def describe_static(self, static):
        obj = static.obj
        if isinstance(obj, types.ModuleType):
            return f"the module '{obj.__name__}'"
        name = getattr(obj, "__qualname__", None) or getattr(obj, "__name__", None)
        if name:
            return f"'{name}'"
        text = repr(obj)
        # A long repr (a layer's __dict__) buries the message: its start.
        return text if len(text) <= 80 else f"the {type(obj).__name__} {text[:60]}..."

    def constant(self, value, node):
        if isinstance(value, int) and not isinstance(value, bool) and \
                not -2**63 <= value < 2**63:
            self._fail(node, f"the integer {value} does not fit in 64 bits")
        try:
            return self.written(node, pydytext.constant(value))
        except TypeError:
            self._fail(node, f"the constant {value!r} is not supported by dy2st")

    def expr_Constant(self, node):
        return self.constant(node.value, node)

    def expr_Name(self, node):
        if node.id in self.static_names:
            return self.static_names[node.id]
        if node.id in self.nested_defs:
            return Static(_NestedDef(self.nested_defs[node.id], self))
        if self.is_local(node.id):
            if getattr(node, "unbound_flag", None):
                # A read that may not run (in a conditional expression, right
                # of and/or) is checked where it runs.
                self.statement(unbound.raise_if_unbound(node.id, node.unbound_flag, node))
            return self.load(node.id, node)
        if node.id == self.self_name:
            return Static(self.self_object, Origin("object", self.self_object, []))
        for namespace, root in ((self.closure, self.fn), (self.globals, self.globals),
                                (vars(builtins), None)):
            if node.id in namespace:
                origin = Origin("namespace", root, [node.id]) if root is not None else None
                if origin is not None and _is_instance(namespace[node.id]):
                    origin = self.object_root(namespace[node.id], origin)
                return self.outside_object(namespace[node.id], node, origin)
        self._fail(node, f"name '{node.id}' is not defined", unsupported=False)

    def capture(self, capture, node):
        """Loads a captured tensor, made an input of this function."""
        for existing in self.captures:
            if existing.origin.key() == capture.origin.key():
                return self.load(existing.label, node)
        label = capture.label
        if any(c.label == label for c in self.captures):
            label = f"{label}#{len(self.captures)}"
        self.captures.append(Capture(label, capture.origin, capture.number))
        return self.load(label, node)

    def outside_object(self, obj, node, origin):
        """A value read from outside the function, as a constant, a capture or a Static."""
        if isinstance(obj, Tensor):
            if origin is None:
                origin = Origin("object", _Holder(obj), ["value"])
            return self.capture(Capture(origin.label(), origin), node)
        if isinstance(obj, dtypes.DType):
            return self.constant(str(obj), node)
        if isinstance(obj, np.generic) and obj.dtype.kind in "biuf":
            # A NumPy scalar (np.finfo(...).max, a drop rate from np.linspace) is a
            # Python number here; guarded as read, or the guard never holds.
            self.guard_value(obj, origin)
            obj = obj.item()
        if obj is None or isinstance(obj, (bool, int, float, str)) or _is_literal_structure(obj):
            self.guard_value(obj, origin)
        if obj is None or isinstance(obj, (bool, int, float, str)):
            return self.constant(obj, node)
        if _is_literal_structure(obj):
            values = [self.outside_object(v, node, None) for v in obj]
            if named_tuples.is_class(type(obj)):
                return self.written(node, pydytext.named_tuple(
                    named_tuples.type_key(type(obj)), list(obj._fields), values))
            kind = "tuple" if isinstance(obj, tuple) else "list"
            return self.written(node, pydytext.sequence(kind, values))
        if type(obj) in (list, tuple) and obj and _holds_tensors_and_literals(obj):
            # Tensors (and numbers) an object keeps in a tuple or list (a
            # layer's cache entry `(k, v)`): each an input, read through it.
            values = [self.outside_object(v, node, origin.child(Item(i))
                                          if origin is not None else None)
                      for i, v in enumerate(obj)]
            return self.written(node, pydytext.sequence(type(obj).__name__, values))
        if isinstance(obj, np.ndarray) and obj.dtype.kind in "biuf" and origin is not None:
            # An array an object or module holds: an input, as a tensor attribute is.
            return self.capture(Capture(origin.label(), origin), node)
        if isinstance(obj, np.ndarray):
            self._fail(node, "a numpy array is not a tensor in compiled code: make it one "
                             "with dy2st.to_tensor outside the function")
        self.guard_identity(obj, origin)
        return Static(obj, origin)

    def object_root(self, obj, origin):
        """The origin of what is read through `obj`, an object a name of the
        namespace `origin` holds (a global config or layer, an argument the
        program is compiled for): its settings are guarded as a layer's are,
        and so is the name's binding, as it is read once per call."""
        self.unit.guards.setdefault(origin.key(), (origin, obj, True))
        return Origin("object", obj, [], origin.path[0])

    def guard_value(self, obj, origin):
        """`obj`, a Python value read through `origin` from an object or a
        namespace, is a constant of the program: changed later
        (`layer.eval()`, `THRESHOLD = 0.9`, `LABELS[1] = "mixed"`), the
        function is imported again."""
        # An object given to the function itself (a dict passed on to a
        # callee) guards by its contents, its path empty.
        if origin is not None and (origin.path or origin.kind == "object"):
            known = self.unit.guards.get(origin.key())
            # Its value, where only its identity was guarded (a dict passed on
            # as an object, then read: changed in place it is the same object).
            if known is None or known[2]:
                self.unit.guards[origin.key()] = (origin, copy.deepcopy(obj), False)

    def guard_identity(self, obj, origin):
        """`obj`, read through `origin` from an object, is what the code is
        converted for (a sublayer, a function): replaced later (a new head
        for fine-tuning), the function is imported again. Not an object
        made anew at each read (a bound method, a property)."""
        if origin is None or origin.kind != "object" or not origin.path or \
                origin.key() in self.unit.guards:
            return
        try:
            stable = origin.read() is obj
        except Exception:  # a read that fails now cannot guard anything
            stable = False
        if stable:
            self.unit.guards[origin.key()] = (origin, obj, True)

    def expr_Attribute(self, node):
        if self.written_attribute(node):
            self.check_bound_attribute(node)
            return self.load(self.written_attribute(node), node)
        base = self.expr_or_static(node.value)
        if isinstance(base, Static):
            if _is_numpy(base.obj) and not _numpy_value(getattr(base.obj, node.attr, None)):
                self.numpy_error(node)
            try:
                obj = getattr(base.obj, node.attr)
            except AttributeError as e:
                # Python's AttributeError where the read runs (a branch that
                # folds away never does).
                self.raise_if(self.constant(True, node), "AttributeError", str(e), node)
                return self.op(node, f'pydy.undef "raised" : {OBJECT}')
            except Exception as e:  # a property that raises (NotImplementedError)
                self._fail(node, f"{type(e).__name__}: {e}", unsupported=False)
            origin = base.origin.child(node.attr) if base.origin is not None else None
            return self.outside_object(obj, node, origin)
        if node.attr == "get" and isinstance(node.value, ast.Name) and \
                node.value.id != "_dy2st_key":
            # A dict's get as a value (`max(d, key=d.get)`): a lambda calling it.
            call = ast.Call(ast.Attribute(node.value, "get", ast.Load()),
                            [ast.Name("_dy2st_key", ast.Load())], [])
            function = ast.Lambda(
                ast.arguments([], [ast.arg("_dy2st_key")], None, [], [], None, []), call)
            return self.expr_Lambda(located(function, node))
        return self.op(node, f'pydy.attr {base.name}, "{_escape(node.attr)}" : '
                             f"{base.type} -> {OBJECT}")

    def numpy_error(self, node):
        self._fail(node, "numpy cannot run inside a compiled function here: the static "
                         "program has no tensor values while it is built, and this is not "
                         "one of the NumPy functions compiled code runs on them (see the "
                         "README) nor a call of values known when converting; use dy2st "
                         "operations instead, or convert the result outside the function",
                   unsupported=False)

    def binary(self, node, kind, lhs, rhs):
        return self.written(node, pydytext.binary(kind, lhs, rhs))

    def expr_JoinedStr(self, node):
        """An f-string: a string when its values are known when compiling;
        one of tensors can only be printed, raised or logged."""
        return self.format_text(self.text_items([node]), node)

    def format_text(self, items, node):
        if not items:
            return self.constant("", node)
        return self.op(node, f"pydy.format{_text_operands(items)} -> {OBJECT}")

    def expr_BinOp(self, node):
        if isinstance(node.op, ast.Mod) and isinstance(node.left, ast.Constant) and \
                isinstance(node.left.value, str):
            converted = statements.percent_as_fstring(node)
            if not isinstance(converted, ast.JoinedStr):
                self._fail(node, "this %-format is not supported in compiled code (%s, %d, %f, "
                                 "... conversions of a tuple of values are; or use an f-string)")
            return self.expr_JoinedStr(converted)
        kind = _BINARY.get(type(node.op))
        if kind is None:
            self._fail(node, f"the operator '{type(node.op).__name__}' is not supported by dy2st")
        left, right = self.evaluated_in_order([node.left, node.right], self.expr)
        return self.binary(node, kind, left, right)

    def expr_UnaryOp(self, node):
        literal = node.operand
        if isinstance(node.op, ast.USub) and isinstance(literal, ast.Constant) and \
                isinstance(literal.value, (int, float)) and not isinstance(literal.value, bool):
            return self.constant(-literal.value, node)  # a negative literal
        operand = self.expr(node.operand)
        kind = _UNARY[type(node.op)]
        return self.written(node, pydytext.unary(kind, operand))

    def logical(self, node, kind, lhs, rhs_fn):
        """`lhs and/or rhs` with the right operand emitted lazily in a region."""
        name = self.fresh()
        self.emit(f"{name} = pydy.logical {kind} {lhs.name} : {lhs.type} -> {OBJECT} {{")
        self.depth += 1
        self.logical_depth += 1
        try:
            rhs = rhs_fn()
        finally:
            self.logical_depth -= 1
        self.emit(f"pydy.yield {rhs.name} : {rhs.type} {self.loc(node)}")
        self.depth -= 1
        self.emit("} " + self.loc(node))
        if not self.logical_depth and self.raised_in_logical:
            # A call in it raised: what follows never runs.
            self.raised_in_logical = False
            self.leave_if_raised(node)
        return Value(name)

    def expr_BoolOp(self, node):
        kind = "and" if isinstance(node.op, ast.And) else "or"
        if any(getattr(n, "unbound_flag", None) for v in node.values[1:] for n in ast.walk(v)):
            return self.boolop_as_ifs(node, kind)

        def chain(values):
            first = self.expr(values[0])
            if len(values) == 1:
                return first
            return self.logical(node, kind, first, lambda: chain(values[1:]))

        return chain(node.values)

    def boolop_as_ifs(self, node, kind):
        """`a and b` as `t = a; if t: t = b` (`or`: `if not t`), for operands
        whose reads are checked where they run (which a pydy.logical region,
        holding no statements, cannot do)."""
        self.hidden += 1
        name = f"boolop.{self.hidden}"
        self.scopes[-1].add(name)
        self.store(name, self.expr(node.values[0]), node)
        for value in node.values[1:]:
            test = self.load(name, node)
            if kind == "or":
                test = self.written(node, pydytext.unary("not", test))
            self.emit(f"pydy.if {test.name} : {test.type} {{")
            self.depth += 1
            self.store(name, self.expr(value), value)
            self.depth -= 1
            self.emit("} else {")
            self.emit("} " + self.loc(node))
        return self.load(name, node)

    def expr_Compare(self, node):
        typed = self.type_compare(node)
        if typed is not None:
            return typed
        # `obj is None`, `kind is Cls` of compile-time objects (a sublayer
        # that may be None, a class given as an argument) are known when
        # importing.
        left = self.expr_or_static(node.left)
        if isinstance(left, Static) and len(node.ops) == 1 and \
                isinstance(node.ops[0], (ast.Is, ast.IsNot)):
            comparator = node.comparators[0]
            right = Static(comparator.value) if isinstance(comparator, ast.Constant) \
                else self.expr_or_static(comparator)
            if isinstance(right, Static):
                same = left.obj is right.obj
                return self.constant(same if isinstance(node.ops[0], ast.Is) else not same, node)
            kind = _COMPARE[type(node.ops[0])]
            return self.written(node, pydytext.compare(kind, self.expr(node.left), right))
        membership = len(node.ops) == 1 and isinstance(node.ops[0], (ast.In, ast.NotIn))
        if isinstance(left, Static) and not membership:
            left = self.expr(node.left)

        def compare(i, lhs):
            rhs = self.expr_or_static(node.comparators[i])
            if isinstance(rhs, Static) and isinstance(node.ops[i], (ast.Is, ast.IsNot)) and \
                    i + 1 == len(node.ops):
                # A runtime value is never a compile-time object (a class, a layer).
                return self.constant(isinstance(node.ops[i], ast.IsNot), node)
            if isinstance(rhs, Static) and isinstance(lhs, Static) and \
                    isinstance(node.ops[i], (ast.In, ast.NotIn)) and i + 1 == len(node.ops):
                # A compile-time object in a container of them (a layer in a list).
                found = lhs.obj in rhs.obj
                return self.constant(found == isinstance(node.ops[i], ast.In), node)
            if isinstance(lhs, Static):
                lhs = self.expr(node.left)
            kind = _COMPARE[type(node.ops[i])]
            table = self.literal_table(rhs.obj, node) \
                if isinstance(rhs, Static) and kind in ("in", "not_in") else None
            keys = self.string_keys(rhs.obj, node) \
                if table is None and isinstance(rhs, Static) and kind in ("in", "not_in") else None
            if table is not None:
                rhs = table[0]  # `w in WORD_TO_ID`: among its keys
            elif keys is not None:
                rhs = keys  # `name in WINDOWS`, a dict of functions
            elif isinstance(rhs, Static):
                rhs = self.expr(node.comparators[i])
            if kind in ("in", "not_in") and self.fn not in pybuiltins.SEQUENCE_HELPERS:
                result = self.helper_call(node, pybuiltins.contains, [rhs, lhs])
                if kind == "not_in":
                    result = self.written(node, pydytext.unary("not", result))
            else:
                result = self.written(node, pydytext.compare(kind, lhs, rhs))
            if i + 1 == len(node.ops):
                return result
            # a < b < c is (a < b) and (b < c), with b evaluated once.
            return self.logical(node, "and", result, lambda: compare(i + 1, rhs))

        return compare(0, left)

    def sequence_search(self, node, receiver, method):
        """items.index(v), items.count(v) (pybuiltins' definitions) and
        items.remove(v), which is items.pop(items.index(v)) with
        list.remove's error."""
        value = self.expr(node.args[0])
        if method == "count":
            return self.helper_call(node, pybuiltins.sequence_count, [receiver, value])
        removing = method == "remove"
        index = self.helper_call(node, pybuiltins.sequence_index, [receiver, value],
                                 [located(ast.Constant(removing), node)])
        if not removing:
            return index
        pop = ast.copy_location(ast.Attribute(node.func.value, "pop", ast.Load()), node.func)
        self.expr(ast.copy_location(ast.Call(pop, [_Evaluated(index, node)], []), node))
        return self.constant(None, node)

    def helper_call(self, node, fn, values, extra=()):
        """A call of the pybuiltins helper `fn` with values computed already
        and then the AST arguments `extra`: how `in`, index(), count() and
        remove() reach pybuiltins' definitions, which follow Python's for
        lists grown at run time too."""
        call = ast.copy_location(ast.Call(
            located(ast.Name(fn.__name__, ast.Load()), node),
            [_Evaluated(value, node) for value in values] + list(extra), []), node)
        return self.python_call(call, fn, None)

    def expr__Evaluated(self, node):
        return node.value

    def expr_IfExp(self, node):
        known = self.object_truth(node.test)
        if known is not None:
            return self.expr(node.body if known else node.orelse)
        self.hidden += 1
        name = f"ifexp.{self.hidden}"
        self.scopes[-1].add(name)
        cond = self.expr(node.test)
        self.emit(f"pydy.if {cond.name} : {cond.type} {{")
        for branch in (node.body, node.orelse):
            self.depth += 1
            # As in an `if` statement, a branch that cannot be converted may fold away.
            saved = self.emission_state()
            try:
                self.store(name, self.expr(branch), branch)
            except Dy2StError as e:
                self.defer_failure(e, saved, branch)
            self.depth -= 1
            if branch is node.body:
                self.emit("} else {")
        self.emit("} " + self.loc(node))
        return self.load(name, node)

    def index(self, node):
        if isinstance(node, ast.Slice):
            parts = [self.expr(p) if p is not None else self.constant(None, node)
                     for p in (node.lower, node.upper, node.step)]
            return self.written(node, pydytext.slice_(*parts))
        if isinstance(node, ast.Tuple):
            return self.display(node, "tuple", self.index)
        return self.expr(node)

    def expr_Subscript(self, node):
        base = self.expr_or_static(node.value)
        if isinstance(base, Static):
            return self.static_subscript(node, base)
        index = self.index(node.slice)
        return self.numpy_item(node.value, self.written(node, pydytext.subscript(base, index)))

    def numpy_item(self, array_node, item):
        """`item`, read from `array_node`: a number where it is a 0-d item
        of a NumPy array eagerly (see numpy_values)."""
        if not numpy_values.is_array(array_node, self.array_names):
            return item
        return self.written(array_node, pydytext.unary("numpy_item", item))


    def evaluated_in_order(self, nodes, evaluate):
        """The values of `nodes`, evaluated left to right. A variable named by
        one and changed in place by a later one (`return d, d.pop("b")`) is
        one object in Python, seen changed: it is read again after them all."""
        values, marks = [], []
        for e in nodes:
            marks.append(len(self.changes_in_place))
            values.append(evaluate(e))
        for i, e in enumerate(nodes):
            if isinstance(e, ast.Name) and e.id in self.changes_in_place[marks[i]:]:
                values[i] = evaluate(e)
        return values

    def display(self, node, kind, element=None):
        values = self.evaluated_in_order(node.elts, element or self.expr)
        return self.written(node, pydytext.sequence(kind, values))

    def expr_Tuple(self, node):
        return self.display(node, "tuple")

    def expr_Set(self, node):
        """A set display `{a, b}` (one after `in` is a tuple, see
        statements.py): the set of its items."""
        return self.converted(located(ast.Tuple(node.elts, ast.Load()), node), "set", node)

    def iterable_value(self, node):
        """The value of `node`, an iterable a loop, list(), set() or the like
        goes through: a `range(...)` (no value of its own in compiled code) is
        the list of its items, which a loop over the range fills."""
        if isinstance(node, ast.Call) and self.is_builtin(node.func, range):
            return self.python_call(node, pybuiltins.range_list, None)
        return self.expr(node)

    def converted(self, items, kind, node):
        """`kind(items)` (list, tuple or set) of an iterable: `items.__kind__()`,
        which the specializer makes the container (a set: a
        `!pydy.runtime_set`)."""
        value = self.iterable_value(items)
        name = self.fresh()
        self.emit(f'{name}:2 = pydy.call_method {value.name}, "__{kind}__"() : '
                  f"{value.type}, () -> ({OBJECT}, {OBJECT}) {self.loc(node)}")
        return Value(f"{name}#0")

    def expr_List(self, node):
        return self.display(node, "list")

    def expr_Dict(self, node):
        if any(k is None for k in node.keys):
            # {**a, k: v, **b}: pybuiltins.merged_dicts of the parts, in order.
            parts, run = [], ([], [])
            for key, value in zip(node.keys, node.values):
                if key is None:
                    if run[0]:
                        parts.append(ast.Dict(*run))
                        run = ([], [])
                    parts.append(value)
                else:
                    run[0].append(key)
                    run[1].append(value)
            if run[0]:
                parts.append(ast.Dict(*run))
            call = located(ast.Call(ast.Name("merged_dicts", ast.Load()), parts, []), node)
            return self.python_call(call, pybuiltins.merged_dicts, None)
        keys = [self.expr(k) for k in node.keys]
        return self.dict_value(keys, self.evaluated_in_order(node.values, self.expr), node)

    def dict_value(self, keys, values, node):
        def group(values):
            if not values:
                return "()"
            return f"({', '.join(v.name for v in values)} : {', '.join(v.type for v in values)})"
        return self.op(node, f"pydy.dict keys{group(keys)} values{group(values)} -> {OBJECT}")

    def expr_Lambda(self, node):
        args = node.args
        self.check_late_binding(node)
        positional = [a.arg for a in args.posonlyargs + args.args]
        params = positional + ([args.vararg.arg] if args.vararg else []) + \
            [a.arg for a in args.kwonlyargs] + ([args.kwarg.arg] if args.kwarg else [])
        # Defaults are computed where the lambda is made, as Python does.
        named_defaults = [(a.arg, d) for a, d in _defaulted(args)]
        defaults = [self.expr(d) for _, d in named_defaults]
        name = self.fresh()
        quoted = ", ".join(f'"{_escape(p)}"' for p in params)
        operands, attrs = "", []
        if defaults:
            operands = (f" defaults({', '.join(v.name for v in defaults)} : "
                        f"{', '.join(v.type for v in defaults)})")
            attrs.append("default_params = [" +
                         ", ".join(f'"{_escape(p)}"' for p, _ in named_defaults) + "]")
        if args.vararg:
            attrs.append(f'vararg = "{_escape(args.vararg.arg)}"')
        elif args.kwonlyargs:
            attrs.append(f"keyword_only = {len(args.kwonlyargs)}")
        if args.kwarg:
            attrs.append(f'kwarg = "{_escape(args.kwarg.arg)}"')
        if args.posonlyargs:
            attrs.append(f"positional_only = {len(args.posonlyargs)}")
        attr_dict = " {" + ", ".join(attrs) + "}" if attrs else ""
        self.emit(f"{name} = pydy.lambda [{quoted}]{operands} : {OBJECT} {{")
        self.depth += 1
        block_args = ", ".join(f"{self.fresh()}: {OBJECT}" for _ in params)
        self.emit(f"^bb0({block_args}):")
        self.scopes.append(set(params))
        self.lambda_depth += 1
        try:
            body = self.expr(node.body)
        finally:
            self.lambda_depth -= 1
        self.scopes.pop()
        self.emit(f"pydy.yield {body.name} : {body.type} {self.loc(node)}")
        self.depth -= 1
        self.emit("}" + attr_dict + " " + self.loc(node))
        return Value(name)

    def check_late_binding(self, node):
        """Compiled code binds a lambda's free variables where the lambda is
        made; Python reads them when it runs. The two agree unless the
        variable is assigned again between: after the lambda in the source,
        or in a loop around it. Such a lambda is an error (not a different
        value), unless it is called at once (an argument of a function
        call, `paddle.utils.map_structure(lambda ...)` too, or called where
        it is made); a method may keep it (`fns.append(lambda: ...)`)."""
        parents = self.parents()
        parent = parents.get(node)
        if isinstance(parent, ast.Call) and (parent.func is node or (
                node in parent.args and (not isinstance(parent.func, ast.Attribute) or
                                         isinstance(self.global_constant(parent.func.value),
                                                    types.ModuleType)))):
            return
        free = {n.id for n in ast.walk(node.body)
                if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
        free -= set(statements.parameter_names(node.args))
        free = {name for name in free if self.scopes and name in self.scopes[0]}
        if not free:
            return
        loops = []
        at = parents.get(node)
        while at is not None and not isinstance(at, (ast.FunctionDef, ast.Lambda)):
            if isinstance(at, (ast.For, ast.While)):
                loops.append(at)
            at = parents.get(at)
        where = (node.lineno, node.col_offset)
        for name in sorted(free):
            for target in _assignments(self.node, name):
                later = (target.lineno, target.col_offset) > where
                in_loop = any(target is t for loop in loops for t in ast.walk(loop))
                if later or in_loop:
                    shown = re.sub(r"^_dy2st_(.*)_\d+$", r"\1", name)
                    again = "in a loop around it" if in_loop else "after the lambda is made"
                    self._fail(node, f"this lambda reads '{shown}', which is assigned again "
                                     f"{again}: Python reads it when the lambda runs, dy2st "
                                     f"when it is made; pass it as a default (lambda ..., "
                                     f"{shown}={shown}: ...) or use a nested def")

    def parents(self):
        """Each node of the function's AST -> the node that holds it."""
        cached = getattr(self, "_parents", None)
        if cached is None or cached[0] is not self.node:
            cached = self._parents = (self.node, {child: parent for parent in ast.walk(self.node)
                                                  for child in ast.iter_child_nodes(parent)})
        return cached[1]

    # Calls -------------------------------------------------------------------
    def user_callee(self, call):
        """The user's Python function a call names (a global or closure name,
        a method of `self`, a to_static function), for the alias analysis;
        None for anything else (dy2st's own functions return new tensors)."""
        func, fn = call.func, None
        if isinstance(func, ast.Name) and func.id not in self.own_locals:
            fn = self.resolve_global(func.id)
        elif isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and \
                func.value.id == self.self_name and self.self_object is not None:
            fn = getattr(type(self.self_object), func.attr, None)
        if isinstance(fn, ConvertedFunction):
            fn = fn.dygraph_function
        if not isinstance(fn, types.FunctionType) or \
                os.path.abspath(fn.__code__.co_filename).startswith(_PACKAGE):
            return None
        return fn

    def constructs(self, call):
        """Whether `call` makes an object of a class of the user's (a named
        tuple, a dataclass, a plain class), for the alias analysis."""
        func = call.func
        if not isinstance(func, ast.Name) or func.id in self.own_locals:
            return False
        cls = self.resolve_global(func.id)
        return isinstance(cls, type) and cls.__module__ != "builtins" and \
            not os.path.abspath(getattr(sys.modules.get(cls.__module__), "__file__", "") or
                                "").startswith(_PACKAGE)

    def resolve_global(self, name):
        """What a name that is not a local variable refers to (None if nothing)."""
        return self.closure.get(name, self.globals.get(name, vars(builtins).get(name)))

    def resolve_callee(self, name, receiver):
        """What a global name refers to, or `self.f` (`receiver` names the
        method's object) a method of the object, bound (None if nothing):
        for the rewrites of statements.py, read without running properties."""
        root, _, attr = name.partition(".")
        if not attr:
            return self.resolve_global(name)
        if root != receiver or "." in attr:
            return None
        return statements.method_of(self.self_object, attr)

    def global_constant(self, node):
        """The value of a constant or of a dotted name outside the function
        (`logging.WARNING`), else None."""
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, ast.Name) and not self.is_local(node.id):
            return self.resolve_global(node.id)
        if isinstance(node, ast.Attribute):
            return getattr(self.global_constant(node.value), node.attr, None)
        return None

    def numpy_constant(self, node):
        """A NumPy function of values known when converting (`np.array([[1, 2],
        [3, 4]])`, `np.zeros([self.channels], "float32")`, `np.triu(np.ones((4,
        4)), 1)`, `np.finfo("float32").min`), computed then: an array is a
        tensor, a NumPy scalar a number, an object NumPy describes a type with
        (finfo, iinfo, a dtype) a Static. A number or string read from an
        object's attribute is a guarded constant. None for anything else;
        random numbers are not constants."""
        try:
            result = self.numpy_literal(node)
        except _NotLiteral:
            return None
        if isinstance(result, np.generic):
            return self.constant(result.item(), node)
        if isinstance(result, np.ndarray) and result.dtype.kind in "biuf":
            return self.outside_object(Tensor(result), node, None)
        if isinstance(result, (np.finfo, np.iinfo, np.dtype)):
            return Static(result)
        return None

    def numpy_literal(self, node):
        """The value of `node` when it is made of literals, constants outside
        the function, guarded attributes and NumPy functions of those (each
        called here, as eagerly); else _NotLiteral."""
        if isinstance(node, (ast.List, ast.Tuple)):
            items = [self.numpy_literal(e) for e in node.elts]
            return items if isinstance(node, ast.List) else tuple(items)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
            operand = self.numpy_literal(node.operand)
            if not isinstance(operand, (int, float, np.generic, np.ndarray)) or \
                    isinstance(operand, bool):
                raise _NotLiteral
            return -operand if isinstance(node.op, ast.USub) else operand
        if isinstance(node, ast.BinOp) and type(node.op) in _LITERAL_OPERATORS:
            lhs, rhs = self.numpy_literal(node.left), self.numpy_literal(node.right)
            if not any(isinstance(v, (np.ndarray, np.generic)) for v in (lhs, rhs)):
                raise _NotLiteral  # Python's own arithmetic: the program's
            try:
                return _LITERAL_OPERATORS[type(node.op)](lhs, rhs)
            except Exception as e:  # what NumPy raises eagerly, at its line
                self._fail(node, f"{type(e).__name__}: {e}", unsupported=False)
        if isinstance(node, ast.Call):
            fn = self.global_constant(node.func)
            if fn is None and isinstance(node.func, ast.Attribute) and \
                    isinstance(node.func.value, ast.Call):
                # np.ones((3, 3)).astype("float32"): a method of an array made here.
                made = self.numpy_literal(node.func.value)
                if not isinstance(made, np.ndarray):
                    raise _NotLiteral
                fn = getattr(made, node.func.attr, None)
            elif not _is_numpy(fn):
                raise _NotLiteral
            if not callable(fn) or \
                    (getattr(fn, "__module__", None) or "").startswith("numpy.random") or \
                    any(isinstance(a, ast.Starred) for a in node.args) or \
                    any(k.arg is None for k in node.keywords):
                raise _NotLiteral
            args = [self.numpy_literal(a) for a in node.args]
            kwargs = {k.arg: self.numpy_literal(k.value) for k in node.keywords}
            try:
                return fn(*args, **kwargs)
            except Exception as e:  # what NumPy raises eagerly, at its line
                self._fail(node, f"{type(e).__name__}: {e}", unsupported=False)
        owner = self.static_object(node.value) if isinstance(node, ast.Attribute) else None
        if owner is not None and not self.written_attribute(node):
            value = getattr(owner, node.attr, None)
            if type(value) in (bool, int, float, str):
                self.guard_value(value, Origin("object", owner, [node.attr]))
                return value
        try:
            return ast.literal_eval(node)
        except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
            pass
        found = self.global_constant(node)
        if (isinstance(found, type) and issubclass(found, np.generic)) or \
                isinstance(found, (np.generic, np.dtype)) or \
                (type(found) in (bool, int, float) and isinstance(node, ast.Attribute) and
                 self.global_constant(node.value) is np):  # np.inf, np.pi
            return found
        raise _NotLiteral

    def is_builtin(self, func, builtin):
        if not isinstance(func, ast.Name) or self.is_local(func.id):
            return False
        return self.resolve_global(func.id) is builtin

    def call_arguments(self, node):
        if any(isinstance(a, ast.Starred) for a in node.args) or \
                any(k.arg is None for k in node.keywords):
            self._fail(node, "*args and **kwargs in calls are not supported by dy2st yet")
        kwnames = [k.arg for k in node.keywords]
        values = self.evaluated_in_order(node.args + [k.value for k in node.keywords], self.expr)
        return values, kwnames

    def write_back_argument(self, argument, value, node, changes, reach):
        """The change a callee made in place to an argument, written to what
        the caller passed: a variable, an item of one or an attribute of a
        compile-time object the call did not make (`self._mean`), or the one of them that
        `a if test else b` chose (its test read again: it must have no
        effects); nothing for a new object no one else names."""
        if isinstance(argument, ast.IfExp):
            if not _is_pure(argument.test):
                self._fail(argument, f"{changes}: dy2st can pass that change back through "
                                     "'a if test else b' only where the test has no effects")
            test = self.expr(argument.test)
            self.emit(f"pydy.if {test.name} : {test.type} {{")
            for branch in (argument.body, argument.orelse):
                self.depth += 1
                self.write_back_argument(branch, value, node, changes, reach)
                self.depth -= 1
                if branch is argument.body:
                    self.emit("} else {")
            self.emit("} " + self.loc(argument))
            return
        items = _display_items(argument)
        if items is not None and not self.filename.startswith(ENTRY_FILENAME.format("")[:-1]):
            # `write_all([i, x], ...)`: a new container, but its items are the
            # caller's objects; a change inside one goes back to its name.
            for position, element in items:
                inner = reach.inward(reach_key_of(position))
                if not inner.kept and not inner.replaced:
                    continue
                self.check_unshared_item(node, items, position, element, changes)
                if any(len(p) == 1 and (p[0] is ANY or p[0] == reach_key_of(position))
                       for p in reach.replaced):
                    self._fail(element, f"{changes}: it also replaces or moves the items of "
                                        "the container made here, so dy2st cannot tell which "
                                        "object the change went to")
                self.write_back_argument(element, self.item_of(value, position, node), node,
                                         changes, inner)
            return
        if _is_fresh(argument):
            return
        owner = self.static_object(argument.value) if isinstance(argument, ast.Attribute) else None
        if owner is None and isinstance(argument, ast.Attribute) and argument.attr == "shape":
            return  # a tensor's shape is a new list at each read
        if owner is not None and not any(made is owner for made in self.unit.made):
            # An object the call made is not written back: its class's list
            # would not see the change.
            self.written_attribute(argument, assigned=True)
        elif isinstance(argument, ast.Subscript):
            self.thread_container(argument)
        elif not isinstance(argument, ast.Name):
            self._fail(argument, f"{changes}: dy2st can pass that change back only to a local "
                                 "variable, an item of one or an object's attribute")
        self.write_back(argument, value, node, reach)

    def check_unshared_item(self, call, items, position, element, changes):
        """A changed item of a display made for `call` must be named nowhere
        else in the call: in Python the other place (another item, a lambda's
        closure) is the same object and sees the change at once, where dy2st,
        which passes values, writes the change back only after the call."""
        if not isinstance(element, (ast.Name, ast.Attribute)):
            return
        spelled = ast.dump(element)
        for other_position, other in items:
            if other_position != position and ast.dump(other) == spelled:
                self._fail(other, f"{changes}, and '{ast.unparse(element)}' is given at two "
                                  "places of this container: in Python both are one object, "
                                  "which sees each change; give each place its own tensor "
                                  "(x.clone())")
        for arg in list(call.args) + [k.value for k in call.keywords]:
            nested = self.nested_defs.get(arg.id) if isinstance(arg, ast.Name) else None
            if nested is not None and isinstance(element, ast.Name) and \
                    element.id in nested.dy2st_free_names:
                self._fail(arg, f"{changes}, and the function '{arg.id}' reads "
                                f"'{element.id}', which the call changes while it runs: in "
                                "Python it sees each change; pass it as a parameter instead")
            if not isinstance(arg, ast.Lambda):
                continue
            a = arg.args
            params = {p.arg for p in a.posonlyargs + a.args + a.kwonlyargs}
            for read in ast.walk(arg.body):
                if ast.dump(read) == spelled and \
                        not (isinstance(read, ast.Name) and read.id in params):
                    self._fail(read, f"{changes}, and this lambda reads "
                                     f"'{ast.unparse(element)}', which the call changes while "
                                     "it runs: in Python the lambda sees each change; pass it "
                                     "to the lambda as a parameter instead")

    def argument_value(self, node):
        """An argument of a call of a Python function: its value, or the
        compile-time object; a nested def that reads variables of this
        function (a closure) is a lambda calling it, made here, so that
        those variables are bound where the callee runs it (Python reads
        them then: they cannot change while the call runs)."""
        value = self.expr_or_static(node)
        if isinstance(value, Static) and _is_constant_dict(value.obj) and \
                value.origin is not None:
            # The callee takes it as a dict value (its methods, `**` of it).
            return self.constant_dict(value, node)
        if not (isinstance(value, Static) and isinstance(value.obj, _NestedDef) and
                value.obj.free_names and value.obj.parent is self):
            return value
        if getattr(value.obj.node, "dy2st_nonlocal_names", None):
            self._fail(node, f"{value.obj.__qualname__}() assigns 'nonlocal' variables: dy2st "
                             "follows that where the function that defines it calls it, not "
                             "where it is passed as a value")
        args = value.obj.node.args
        if args.vararg or args.kwonlyargs or args.kwarg:
            return value
        # `lambda a, b=<its default>: f(a, b)`, its defaults read here too.
        positional = [ast.arg(a.arg) for a in args.posonlyargs + args.args]
        computed = getattr(value.obj.node, "dy2st_computed_defaults", {})
        defaults = [ast.Name(computed[a.arg], ast.Load()) if a.arg in computed else d
                    for a, d in zip(positional[len(positional) - len(args.defaults):],
                                    args.defaults)]
        call = ast.Call(ast.Name(node.id, ast.Load()),
                        [ast.Name(a.arg, ast.Load()) for a in positional], [])
        wrapper = ast.Lambda(ast.arguments([], positional, None, [], [], None, defaults), call)
        for part in ast.walk(wrapper):
            ast.copy_location(part, node)
        return self.expr_Lambda(wrapper)

    def with_numpy_scalar_dtype(self, node):
        """`to_tensor(s)` of a NumPy scalar known when converting, given its
        dtype: eagerly a NumPy scalar keeps it (np.float64 is float64 under
        a float32 default), and compiled the scalar is a Python number."""
        given = {k.arg for k in node.keywords}
        if len(node.args) != 1 or "dtype" in given or "data" in given:
            return node
        try:
            value = self.numpy_literal(node.args[0])
        except _NotLiteral:
            return node
        if not isinstance(value, np.generic):
            return node
        dtype = ast.copy_location(ast.Constant(value.dtype.name), node.args[0])
        return ast.copy_location(ast.Call(node.func, node.args,
                                          node.keywords + [ast.keyword("dtype", dtype)]), node)

    def with_dtype_names(self, node):
        """`node`, a call, with NumPy dtype classes among its arguments
        (np.float32) replaced by their names ("float32")."""
        def named(arg):
            found = self.global_constant(arg) if isinstance(arg, (ast.Name, ast.Attribute)) \
                else None
            if isinstance(found, type) and issubclass(found, np.generic):
                return ast.copy_location(ast.Constant(np.dtype(found).name), arg)
            return arg
        return ast.copy_location(ast.Call(
            node.func, [named(a) for a in node.args],
            [ast.keyword(k.arg, named(k.value)) for k in node.keywords]), node)

    def call_of_item_chosen_at_run_time(self, node):
        """`self.layers[i](x)` with `i` not a literal (the variable of a loop
        over a range): the call of each item under `i == k`, chained, which
        folds to one call where `i` is known when compiling (the loop is
        unrolled); past the end it raises IndexError. None for other calls."""
        func = node.func
        key = func.slice
        if isinstance(key, ast.UnaryOp) and isinstance(key.op, ast.USub):
            key = key.operand
        if isinstance(key, (ast.Constant, ast.Slice)):
            return None
        items = self.static_object(func.value)
        if isinstance(items, (dict, LayerDict)):
            return self.call_of_entry_chosen_at_run_time(node, items)
        if not isinstance(items, (list, tuple, LayerList, Sequential)) or not len(items) or \
                not all(callable(item) for item in items):
            return None
        count = len(items)
        known = self.range_values(key)
        if known is not None and (not known or not all(-count <= k < count for k in known)):
            known = None
        positions = sorted({k % count for k in known}) if known is not None else range(count)
        index = ast.Name(self.hold(func.slice), ast.Load())
        if known is not None:
            # The loop's range is within the items: the last one needs no test
            # (nor the raise, whose exit would split the loop's body).
            otherwise = _item_call(node, positions[-1])
            positions = positions[:-1]
        else:
            self.static_names["_dy2st_list_index_error"] = Static(pybuiltins.list_index_error)
            otherwise = ast.Call(ast.Name("_dy2st_list_index_error", ast.Load()), [], [])
        chain = chained([(ast.BoolOp(ast.Or(), [
            ast.Compare(index, [ast.Eq()], [ast.Constant(k)]),
            ast.Compare(index, [ast.Eq()], [ast.Constant(k - count)])]), _item_call(node, k))
            for k in positions], otherwise)
        for part in ast.walk(chain):
            ast.copy_location(part, node)
        return self.expr(chain)

    def call_of_entry_chosen_at_run_time(self, node, entries):
        """`self.heads[name](x)` of a LayerDict (or a dict of layers and
        functions) an object holds, `name` a string not written literally (an
        argument, a loop's key): the call of each entry under `name == key`,
        chained, which folds to one call where `name` is known when
        compiling; Python's KeyError for a key it lacks."""
        func = node.func
        keys = list(entries.keys())
        if not keys or not all(isinstance(k, str) and callable(entries[k]) for k in keys):
            return None
        return self.chosen_by_key(node, keys, func.slice, lambda k: _item_call(node, k))

    signature = staticmethod(pydytext.signature)
    kw_attr = staticmethod(pydytext.kw_attr)

    def expr_Call(self, node):
        func = node.func
        if isinstance(func, ast.Name) and func.id in try_statements.MARKERS:
            return self.try_marker(node, func.id)
        constant = self.numpy_constant(node)
        if constant is not None:
            return constant
        if isinstance(func, ast.Subscript):
            chosen = self.call_of_item_chosen_at_run_time(node)
            if chosen is not None:
                return chosen
        if isinstance(func, ast.Call) and self.is_builtin(func.func, getattr) and \
                len(func.args) == 2 and not func.keywords and \
                self.static_text(func.args[1]) is None:
            # getattr(self, f"block_{i}")(x) in a loop over a known range: the
            # call of each attribute, chosen by the loop's variable.
            chain = self.chosen_by_loop_value(func.args[1], lambda text: ast.Call(
                ast.Call(func.func, [func.args[0], ast.Constant(text)], []), node.args,
                node.keywords))
            if chain is not None:
                return self.expr(located(chain, node))
        if isinstance(func, ast.Attribute):
            if func.attr in _MUTATING_METHODS or (func.attr in _CONTAINER_METHODS and
                                                  self.holds_data(func.value)):
                self.thread_container(func.value)
            receiver = self.expr_or_static(func.value)
            if not isinstance(receiver, Static):
                return self.method_call(node, receiver, func.attr)
        callee = self.expr_or_static(func)
        if not isinstance(callee, Static):
            # `f(a, *seq)` of a lambda value: one list of the positional
            # arguments, spread when specializing (which knows its length).
            spread = any(isinstance(a, ast.Starred) for a in node.args)
            given = node
            if spread and all(k.arg is not None for k in node.keywords):
                joined = located(joined_list(node.args), node)
                given = ast.copy_location(ast.Call(func, [joined], node.keywords), node)
            values, kwnames = self.call_arguments(given)
            names = ", ".join(v.name for v in values)
            result = self.op(node, f"pydy.call_value {callee.name}({names})"
                                   f"{self.kw_attr(kwnames, spread)} : {callee.type}, "
                                   f"{self.signature(values)}")
            if self.unit.raising_lambdas:
                self.leave_if_raised(node)
            return result
        return self.static_call(node, callee)

    def try_marker(self, node, marker):
        """The calls a `try` statement is rewritten into (try_statements.py)."""
        if marker == try_statements.LEAVE_IF_RAISED:
            self.leave_if_raised(node, runtime_checks=True)
            return self.constant(None, node)
        if marker == try_statements.CATCH:
            kinds = ", ".join(f'"{kind}"' for kind in node.args[0].value.split(","))
            return self.op(node, f"pydy.catch [{kinds}] : i1", type="i1")
        if marker == try_statements.RAISED:
            return self.op(node, "pydy.raised {runtime_checks} : i1", type="i1")
        if marker in (try_statements.HOLD, try_statements.HOLD_CAUGHT, try_statements.HELD_DEPTH):
            op = {try_statements.HOLD: "hold_raised", try_statements.HOLD_CAUGHT: "hold_caught",
                  try_statements.HELD_DEPTH: "held_depth"}[marker]
            return self.op(node, f"pydy.{op} : i64", type="i64")
        if marker == try_statements.EXCEPTION:
            depth = self.expr(node.args[0])
            return self.op(node, f"pydy.caught_exception {depth.name} : {depth.type}",
                           type="!pydy.exception")
        if marker in (try_statements.RAISE_HELD, try_statements.DROP_HELD):
            op = "raise_held" if marker == try_statements.RAISE_HELD else "drop_held"
            depth = self.expr(node.args[0])
            self.emit(f"pydy.{op} {depth.name} : {depth.type} {self.loc(node)}")
            return self.constant(None, node)
        # LEAVE: no clause took the exception, which leaves this function too.
        self.may_raise = True
        self.return_undefined(node)
        return self.constant(None, node)

    def leave_if_raised(self, node, runtime_checks=False):
        """After a call that may raise: what it raised leaves this function
        too, at once; inside a lambda (which cannot return) it is recorded
        and the caller of the lambda's value leaves (see Unit.raising_lambdas).
        With `runtime_checks` (after a statement of a `try` body), what a
        check of compiled code recorded leaves too."""
        if self.lambda_depth:
            self.unit.raising_lambdas = True
            return
        self.may_raise = True
        if self.logical_depth:
            # The right operand of `and`/`or` (a region, which cannot return):
            # left once the operation ends (see logical).
            self.raised_in_logical = True
            return
        checks = " {runtime_checks}" if runtime_checks else ""
        raised = self.op(node, f"pydy.raised{checks} : i1", type="i1")
        self.emit(f"pydy.if {raised.name} : i1 {{")
        self.depth += 1
        self.return_undefined(node)
        self.depth -= 1
        self.emit("} else {")
        self.emit("} " + self.loc(node))


    def method_call(self, node, receiver, method):
        target = node.func.value
        # The receiver as the first argument of a function: evaluated once
        # (`make(x).flatten()` runs `make` once), read again where pure.
        first = target if _is_pure(target) else _Evaluated(receiver, target)
        if isinstance(target, ast.Name) and target.id in self.set_names and \
                method in _SET_METHODS:
            return self.container_method(node, receiver, method, method in _SET_CHANGES)
        text = self.static_text(node.func.value) if method in _TEXT_METHODS else None
        if text is not None:
            if method == "format":
                return self.format_call(node, text)
            if method == "join" and len(node.args) == 1 and not node.keywords:
                # sep.join(items): the items joined when compiling (see
                # pybuiltins.join_texts).
                call = ast.copy_location(ast.Call(func=node.func, args=[node.func.value] +
                                                  node.args, keywords=[]), node)
                return self.python_call(call, pybuiltins.join_texts, None)
            args = [_literal(a) for a in node.args]
            keywords = {k.arg: _literal(k.value) for k in node.keywords}
            if _NOT_LITERAL in args or _NOT_LITERAL in keywords.values() or None in keywords:
                self._fail(node, f"str.{method}() of a string known when compiling takes "
                                 "arguments known then too in dy2st")
            try:
                value = getattr(text, method)(*args, **keywords)
            except Exception as e:
                self._fail(node, f"{type(e).__name__}: {e}")
            return self.constant(value, node) if not isinstance(value, list) else \
                self.expr(located(ast.List([ast.Constant(v) for v in value], ast.Load()), node))
        patched = _user_tensor_method(method)
        if patched is not None:
            # A method user code set on paddle.Tensor (PaddleSpeech's
            # `paddle.Tensor.masked_fill = masked_fill`): eagerly Python calls
            # it, so compiled code converts it, the receiver first.
            call = ast.copy_location(ast.Call(func=node.func, args=[first] + node.args,
                                              keywords=node.keywords), node)
            return self.python_call(call, patched, None)
        if method in ("index", "count", "remove") and len(node.args) == 1 and \
                not node.keywords and not isinstance(node.args[0], ast.Starred) and \
                self.fn not in pybuiltins.SEQUENCE_HELPERS and \
                (method != "remove" or _is_pure(node.func.value)):
            return self.sequence_search(node, receiver, method)
        if method == "size" and len(node.args) <= 1 and not node.keywords:
            # x.size(), x.size(i): Paddle 3's spelling of the shape and a size.
            shape = ast.copy_location(ast.Attribute(first, "shape", ast.Load()), node)
            if node.args:
                shape = ast.copy_location(ast.Subscript(shape, node.args[0], ast.Load()), node)
            return self.expr(shape)
        fill = random.FILLS.get(method)
        if fill is not None:
            self._fail(node, f"{method}(): {fill.eager_only}")
        if method in functional.CHANGING and \
                functional.TENSOR_METHODS.get(method) is functional.CHANGING[method] and \
                (method not in inplace.OUT_FUNCTIONS or any(k.arg == "out" for k in node.keywords)):
            # x.increment(), x.logical_and(y, out=o), x.exp(out=o): the function's call.
            call = ast.copy_location(ast.Call(func=node.func, args=[node.func.value] + node.args,
                                              keywords=node.keywords), node)
            return self.static_call(call, Static(functional.CHANGING[method]))
        if method in ("set_value", "copy_") and not node.keywords:
            # Tensor.set_value(v), x.copy_(v): v's values written into the tensor.
            call = ast.copy_location(ast.Call(func=node.func, args=[node.func.value] + node.args,
                                              keywords=[]), node)
            check = pybuiltins.tensor_set_value if method == "set_value" else \
                pybuiltins.tensor_copy
            return self.inplace_call(node, node.func.value, "assign", lambda _: self.python_call(
                call, check, None))
        operation = inplace.operation_of(method)
        if operation is not None:
            def compute(receiver):
                base = ast.copy_location(ast.Attribute(receiver, operation, ast.Load()),
                                         node.func)
                return self.expr(ast.copy_location(ast.Call(base, node.args, node.keywords),
                                                   node))
            return self.inplace_call(node, node.func.value, operation, compute)
        if method in compat.METHODS:
            # x.float(), x.long(), x.dim(), ...: the function with the receiver first.
            call = ast.copy_location(ast.Call(func=node.func, args=[first] + node.args,
                                              keywords=node.keywords), node)
            return self.python_call(call, compat.METHODS[method], None)
        if method in compat.TRANSPOSES and not node.keywords and \
                self.swaps_two_axes([first] + node.args):
            call = ast.copy_location(ast.Call(func=node.func, args=[first] + node.args,
                                              keywords=[]), node)
            return self.python_call(call, compat.swap_axes, None)
        if method in compat.SHAPE_METHODS or method in compat.KEYWORD_ALIASES:
            node = self.respelled_call(node, method, 0 if method in compat.SHAPE_METHODS
                                       else None)
        form = compat.keyword_form(method, [k.arg for k in node.keywords])
        if form is not None:
            # x.add(y, alpha=2): the function's composite with the receiver first.
            call = ast.copy_location(ast.Call(func=node.func, args=[first] + node.args,
                                              keywords=node.keywords), node)
            return self.python_call(call, form, None)
        if method == "sort" and not node.args and \
                all(k.arg in ("key", "reverse") for k in node.keywords):
            # l.sort(key=..., reverse=...): pybuiltins.sort_method, which
            # changes the list in place (or sorts a tensor as Paddle does).
            call = ast.copy_location(ast.Call(func=node.func, args=[node.func.value],
                                              keywords=node.keywords), node)
            return self.python_call(call, pybuiltins.sort_method, None)
        if method == "item" and node.args:
            # Tensor.item(i), item(i, j, ...): pybuiltins.tensor_item.
            call = ast.copy_location(ast.Call(func=node.func, args=[first] + node.args,
                                              keywords=node.keywords), node)
            return self.python_call(call, pybuiltins.tensor_item, None)
        # text.split("_"), text.split(): a str's method (a tensor's takes sections).
        text_split = method == "split" and (not node.args or (
            isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)))
        alias = None if text_split else functional.ALIASES.get(method)
        primitive = optable.PRIMITIVES.get(functional.LIBRARY.get(alias, ""))
        if primitive is not None and primitive.params[0].kind != "Tensor":
            alias = None  # x.cat(...): not a method of the tensor (its error is the method's)
        if alias is not None and (method not in _CONTAINER_METHODS or node.args or node.keywords):
            # x.clamp(...), x.reverse(axis): the operation Paddle names so, the
            # receiver first (x.reverse() of a list stays the list's).
            call = ast.copy_location(ast.Call(func=node.func, args=[first] + node.args,
                                              keywords=node.keywords), node)
            return self.static_call(call, Static(functional.SPELLED.get(method, alias)))
        composite = functional.COMPOSITES.get(method) or functional.LINALG_METHODS.get(method)
        if composite is not None and method not in _CONTAINER_METHODS and not text_split:
            # A tensor method written as a composite: the function with the
            # receiver first.
            call = ast.Call(func=node.func, args=[first] + node.args,
                            keywords=node.keywords)
            ast.copy_location(call, node)
            return self.python_call(call, composite, None)
        target = node.func.value
        if method in _MUTATING_METHODS and isinstance(target, ast.Name) and \
                not self.is_local(target.id):
            self._fail(node, f"'{target.id}' is not a variable of this function: compiled code "
                             f"cannot change it in place ({target.id}.{method}(...) would be "
                             "lost); pass it in and return it, or keep it on a layer")
        library = functional.SPELLED.get(method)
        unpacks = any(isinstance(a, ast.Starred) for a in node.args) or \
            any(k.arg is None for k in node.keywords)
        if unpacks and library is not None and \
                getattr(library, "compat_of", library) in functional.LIBRARY:
            # x.sum(*axes), x.sum(**options): the operation's call, whose
            # arguments take a sequence or a mapping unpacked.
            call = ast.copy_location(ast.Call(func=node.func, args=[first] + node.args,
                                              keywords=node.keywords), node)
            return self.static_call(call, Static(library))
        return self.container_method(node, receiver, method, method in _MUTATING_METHODS)

    def container_method(self, node, receiver, method, changes):
        """`receiver.method(...)` as `pydy.call_method`; where it `changes` its
        receiver, the updated object is written back along its path."""
        target = node.func.value
        values, kwnames = self.call_arguments(node)
        names = ", ".join(v.name for v in values)
        name = self.fresh()
        written = changes and (
            isinstance(target, ast.Subscript) or self.written_attribute(target) or
            (isinstance(target, ast.Name) and self.is_local(target.id)))
        if changes and not written:
            self.unnamed_receiver_shares_nothing(target, node)
        attrs = self.kw_attr(kwnames, dropped_update=method in _SET_CHANGES and not written)
        self.emit(f'{name}:2 = pydy.call_method {receiver.name}, "{_escape(method)}"({names})'
                  f"{attrs} : {receiver.type}, "
                  f"{self.signature(values, f'({OBJECT}, {OBJECT})')} {self.loc(node)}")
        if written:
            self.write_back(target, Value(f"{name}#1"), node, Reach.of_method(method, values))
        return Value(f"{name}#0")

    def layer_structure_query(self, node):
        """What a call of a layer's structure query (`self.parameters()`,
        `self.named_children()`, ...) gives, as layer_structure.answer does,
        with the layer's Static; None for any other node."""
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and
                node.func.attr in layer_structure.QUERIES):
            return None
        owner = self.static_object(node.func.value)
        fn = getattr(owner, node.func.attr, None) if isinstance(owner, Layer) else None
        if not layer_structure.is_query(fn):
            return None
        arguments = node.args + [k.value for k in node.keywords]
        if not all(isinstance(a, ast.Constant) for a in arguments) or \
                any(k.arg is None for k in node.keywords):
            self._fail(node, f"{fn.__name__}() of a layer in compiled code is answered when "
                             "compiling: its arguments must be constants")
        found = layer_structure.answer(fn, [a.value for a in node.args],
                                       {k.arg: k.value.value for k in node.keywords})
        return found, self.expr_or_static(node.func.value)

    def layer_structure_value(self, node, found):
        """A layer's structure query (`node`, which gave `found`: see
        layer_structure_query) as a value: the list display of the tensors it
        names (each an input), or, of layers, the list itself, known when
        compiling."""
        if all(isinstance(obj, Tensor) for _, obj, _ in found):
            return self.expr(located(layer_structure.display(
                found, node.func.value, mapping=node.func.attr == "state_dict"), node))
        return Static([obj if name is None else (name, obj) for name, obj, _ in found])

    def static_call(self, node, callee):
        fn = callee.obj
        query = self.layer_structure_query(node) if layer_structure.is_query(fn) else None
        if query is not None:
            return self.layer_structure_value(node, query[0])
        pair = getattr(fn, "inplace_pair", None)
        if pair is not None:
            # topk(x, k, out=(values, indices)): both tensors change.
            return self.pair_out_call(node, *pair)
        operation = getattr(fn, "inplace_operation", None)
        target = getattr(fn, "inplace_target", None)
        if operation is not None and target is not None:
            # paddle.assign(v, output=x): x changes (without it, a plain call).
            given, call = forms.without_argument(node, *target)
            if given is None:
                return self.static_call(call, Static(fn.inplace_of))
            return self.inplace_call(node, given, operation,
                                     lambda _: self.static_call(call, Static(fn.inplace_of)))
        if operation is not None and node.args:
            # paddle.tanh_(x), F.relu_(x), paddle.increment(x): x changes.
            def compute(receiver):
                call = ast.copy_location(ast.Call(node.func, [receiver] + node.args[1:],
                                                  node.keywords), node)
                return self.static_call(call, Static(fn.inplace_of))
            return self.inplace_call(node, node.args[0], operation, compute)
        if getattr(fn, "compat_of", None) is not None:
            # Paddle's PyTorch-style spellings (eager/compat.py): the call as
            # the operation's own.
            if fn.compat_name == "where" and len(node.args) + len(node.keywords) == 1:
                return self.python_call(node, compat.where_nonzero, None)
            if fn.compat_name in compat.TRANSPOSES and not node.keywords and \
                    self.swaps_two_axes(node.args):
                return self.python_call(node, compat.swap_axes, None)
            node = self.respelled_call(node, fn.compat_name, compat.SHAPE_FUNCTIONS.get(
                fn.compat_name))
            form = compat.keyword_form(fn.compat_name, [k.arg for k in node.keywords])
            if form is not None:
                # add(x, y, alpha=2), divide(..., rounding_mode='floor'): the composite.
                return self.python_call(node, form, None)
            fn = fn.compat_of
        eager_only = getattr(fn, "eager_only", None)
        if isinstance(eager_only, str):
            self._fail(node, f"{getattr(fn, '__name__', fn)}(): {eager_only}")
        if fn is len:
            if len(node.args) != 1 or node.keywords:
                self._fail(node, "len() takes exactly one argument", unsupported=False)
            node = self.ranges_as_lists(node)
            value = self.expr_or_static(node.args[0])
            if isinstance(value, Static) and (type(value.obj) in (list, tuple, dict) or (
                    isinstance(value.obj, Layer) and hasattr(value.obj, "__len__"))):
                # A container of layers (Sequential, LayerList) or of compile-time
                # objects and tensors an object holds: its length now.
                return self.constant(len(value.obj), node)
            value = self.expr(node.args[0]) if isinstance(value, Static) else value
            return self.op(node, f"pydy.len {value.name} : {value.type} -> {OBJECT}")
        if fn is print:
            return self.print_call(node)
        if fn in (str, repr) and len(node.args) == 1 and not node.keywords:
            value = self.expr(node.args[0])
            return self.format_text([(value, "" if fn is str else "!r")], node)
        level = _logging_level(fn)
        if level is not None:
            return self.logging_call(node, fn, level)
        if fn is warnings.warn:
            return self.warning_call(node)
        if fn is logging.getLogger:
            # A logger by a constant name: the object, at compile time.
            if not all(isinstance(a, ast.Constant) for a in node.args) or node.keywords:
                self._fail(node, "logging.getLogger() in compiled code takes a constant name")
            return Static(logging.getLogger(*[a.value for a in node.args]))
        if fn is isinstance:
            return self.isinstance_call(node)
        if fn is callable:
            return self.callable_call(node)
        if fn is type and self.is_type_call(node):
            subject = self.subject_or_static(node.args[0])
            if isinstance(subject, Static):
                return Static(type(subject.obj))
            self._fail(node, "type() of a value computed in compiled code is supported where "
                             "it is compared with classes (type(x) is C, type(x) in (A, B)); "
                             "or use isinstance()")
        structural = structures.STRUCTURE_BUILTINS.get(fn) if _hashable(fn) else None
        if structural is not None:
            values, kwnames = self.call_arguments(node)
            if kwnames or not values:
                self._fail(node, f"{fn.__name__}() in compiled code takes positional arguments",
                           unsupported=False)
            name = self.fresh()
            rest = values[1:]
            self.emit(f'{name}:2 = pydy.call_method {values[0].name}, "{structural}"('
                      f'{", ".join(v.name for v in rest)}) : {values[0].type}, '
                      f"{self.signature(rest, f'({OBJECT}, {OBJECT})')} {self.loc(node)}")
            return Value(f"{name}#0")
        if fn in (list, tuple):
            # list(d.values()), tuple(l): a container known at compile time.
            if len(node.args) != 1 or node.keywords:
                self._fail(node, f"{fn.__name__}() in compiled code takes exactly one argument")
            query = self.layer_structure_query(node.args[0])
            if query is not None and not all(isinstance(obj, Tensor) for _, obj, _ in query[0]):
                # list(self.named_children()): layers, known when compiling.
                return Static(fn(self.layer_structure_value(node.args[0], query[0]).obj))
            held = self.static_iterable(node.args[0])
            if held is not None and not isinstance(held.obj, (list, tuple)):
                # list(self.blocks) of a LayerList, Sequential or ParameterList.
                return Static(fn(held.obj))
            return self.converted(node.args[0], fn.__name__, node)
        if fn in (bool, int, float):
            if len(node.args) != 1 or node.keywords:
                self._fail(node, f"{fn.__name__}() in compiled code takes exactly one argument")
            value = self.expr(node.args[0])
            return self.written(node, pydytext.unary(f"to_{fn.__name__}", value))
        if fn is range:
            self._fail(node, "range() is supported as the iterable of a 'for' loop, and as an "
                             "argument of list(), len() and the builtins that iterate it "
                             "(zip, enumerate, reversed, sum, ...) only")
        numpy_function = numpy_functions.FUNCTIONS.get(fn) if _hashable(fn) else None
        if numpy_function is not None:
            return self.python_call(self.with_dtype_names(node), numpy_function, None)
        if _is_numpy(fn):
            self.numpy_error(node)
        if fn is next and len(node.args) in (1, 2) and not node.keywords and \
                isinstance(node.args[0], ast.Call) and self.is_builtin(node.args[0].func, iter) \
                and len(node.args[0].args) == 1 and not node.args[0].keywords:
            # next(iter(items)[, default]) (`next(iter(self.parameters()))`):
            # the first item, an iterator of no other use.
            call = ast.copy_location(ast.Call(func=node.func, args=node.args[0].args +
                                              node.args[1:], keywords=[]), node)
            helper = pybuiltins.first_item_or if len(node.args) == 2 else pybuiltins.first_item
            return self.python_call(self.ranges_as_lists(call), helper, None)
        if fn is next and len(node.args) in (1, 2) and not node.keywords and \
                getattr(node.args[0], "dy2st_generator", False):
            # next(item for item in items if ...[, default]) (the generator a
            # list comprehension by now): the first item of those it gives.
            # All are computed: compiled code has no suspended generators.
            helper = pybuiltins.first_item_or if len(node.args) == 2 else pybuiltins.first_item
            return self.python_call(self.ranges_as_lists(node), helper, None)
        replacement = pybuiltins.REPLACEMENTS.get(fn) if _hashable(fn) else None
        if replacement is not None:
            return self.python_call(self.ranges_as_lists(node), replacement, None)
        library = functional.LIBRARY.get(fn) if _hashable(fn) else None
        if library is not None:
            at = optable.PRIMITIVES[library].variadic_position
            if at is None and any(isinstance(a, ast.Starred) for a in node.args):
                # paddle.add(*pair): the sequence's items into the parameters.
                node = self.expand_starred(node, list(inspect.signature(fn).parameters.values()))
            if any(k.arg is None for k in node.keywords):
                # paddle.sum(x, **options): the mapping's items into the parameters.
                node = self.expand_double_starred(
                    node, list(inspect.signature(fn).parameters.values()))
            if at is not None and len(node.args) > at:
                # f(a, *rest): the rest as one tuple, the table's `*name` parameter.
                packed = ast.Tuple(elts=node.args[at:], ctx=ast.Load())
                ast.copy_location(packed, node.args[at])
                node = ast.copy_location(ast.Call(func=node.func, args=node.args[:at] + [packed],
                                                  keywords=node.keywords), node)
            mismatch = _binding_error(fn, node)
            if mismatch is not None:
                # Python's TypeError where the call runs (a branch that
                # folds away never does).
                self.raise_if(self.constant(True, node), "TypeError",
                              f"{fn.__name__}() {mismatch}", node)
                return self.op(node, f'pydy.undef "raised" : {OBJECT}')
            if library == "to_tensor":
                node = self.with_numpy_scalar_dtype(self.without_place(node))
            values, kwnames = self.call_arguments(node)
            return self.written(node, pydytext.lib_call(library, values, kwnames))
        if fn is super:
            return self.super_call(node)
        if fn in (getattr, hasattr):
            return self.getattr_call(node, fn)
        if fn is setattr:
            return self.setattr_call(node)
        if fn is set:
            # set() / set(items): the specializer's set of ints.
            if len(node.args) > 1 or node.keywords:
                self._fail(node, "set() takes at most one argument", unsupported=False)
            items = node.args[0] if node.args else located(ast.Tuple([], ast.Load()), node)
            return self.converted(items, "set", node)
        if isinstance(fn, (types.BuiltinFunctionType, type)) and \
                getattr(fn, "__module__", None) == "builtins":
            self._fail(node, f"the builtin {fn.__name__}() is not supported by dy2st yet")
        if named_tuples.is_class(fn) or (named_tuples.is_dataclass(fn) and
                                         not self.holds_compile_time_objects(node)):
            return self.named_tuple_call(node, fn)
        if isinstance(fn, types.MethodType) and fn.__name__ == "_make" and \
                named_tuples.is_class(fn.__self__):
            return self.named_tuple_make(node, fn.__self__)
        if isinstance(fn, type) and not issubclass(fn, BaseException):
            return self.static_instance(node, fn)
        if isinstance(fn, types.BuiltinMethodType) and fn.__name__ == "get" and \
                type(fn.__self__) is dict and 1 <= len(node.args) <= 2 and not node.keywords:
            table = self.literal_table(fn.__self__, node)
            if table is not None:
                # `ID_TO_WORD.get(int(tok), "<unk>")`: pybuiltins.dict_get.
                return self.helper_call(node, pybuiltins.dict_get, list(table), node.args)
            chosen = self.entry_chosen_at_run_time(
                node, fn.__self__, node.args[0],
                node.args[1] if len(node.args) > 1 else located(ast.Constant(None), node))
            if chosen is not None:
                return chosen
        if isinstance(fn, types.BuiltinMethodType) and fn.__name__ in ("keys", "values") and \
                isinstance(fn.__self__, dict) and not node.args and not node.keywords and \
                all(isinstance(v, Layer) for v in fn.__self__.values()):
            # `l, bn = self._sub_layers.values()` (PaddleClas's LeViT): the
            # layers, or their names, known when converting.
            if fn.__name__ == "keys":
                return self.outside_object(tuple(fn()), node, None)
            return Static(tuple(fn()))
        if isinstance(fn, Layer) and not callable(fn.__dict__.get("forward", fn)):
            # `layer.forward = "..."`: eager's call of it fails where it runs.
            message = f"'{type(fn.__dict__['forward']).__name__}' object is not callable"
            self.raise_if(self.constant(True, node), "TypeError", message, node)
            return self.op(node, f'pydy.undef "raised" : {OBJECT}')
        if isinstance(fn, functools.partial):
            # partial(f, *args, **keywords)(...) (FNet's `partial(paddle.fft.fftn,
            # axes=(1, 2))`): f given the stored arguments first, as Python calls it.
            stored = [_stored_argument(a, node) for a in fn.args]
            keywords = [ast.keyword(k, _stored_argument(v, node)) for k, v in fn.keywords.items()
                        if all(given.arg != k for given in node.keywords)]
            return self.expr(ast.copy_location(ast.Call(
                _Evaluated(Static(fn.func), node), stored + node.args, keywords + node.keywords),
                node))
        target = self.python_callee(fn)
        if target is not None and is_not_to_static(target[0]):
            if node is getattr(self, "discarded_call", None):
                return self.python_callback(node, *target)
            return self.traced_call(node, *target)
        if target is None:
            self._fail(node, f"calling {self.describe_static(callee)} from compiled code is not "
                             "supported by dy2st yet")
        return self.python_call(node, *target)

    def traced_call(self, node, fn, bound):
        """A not_to_static function whose result compiled code uses: part of
        the program, as Paddle's to_static makes it (it runs such a function
        on its static variables, without converting it), so converted like
        any called function; where that fails, the error says why it was."""
        try:
            return self.python_call(node, fn, bound)
        except Dy2StError as e:
            name = getattr(fn, "__qualname__", "the function")
            e.append_note(f"{name}() is marked not_to_static (or its module is ignored) and "
                          "its result is used here, so it is part of the program, as in "
                          "Paddle's to_static, and must compile; called for its effects "
                          "alone (a statement of its own), it runs in Python instead",
                          *self._where(node))
            raise

    def python_callback(self, node, fn, bound):
        """A call of a not_to_static function for its effects: made at run
        time, in Python, with the call's compile-time arguments bound now and
        its tensors and numbers passed when it is reached (`pydy.py_callback`)."""
        name = getattr(fn, "__qualname__", "the function")
        if any(isinstance(a, ast.Starred) for a in node.args) or \
                any(k.arg is None for k in node.keywords):
            self._fail(node, f"*args and **kwargs in a call of the not_to_static {name}() are "
                             "not supported by dy2st")
        slots, values = [], []
        for key, arg in [(None, a) for a in node.args] + [(k.arg, k.value) for k in node.keywords]:
            value = arg.value if isinstance(arg, ast.Constant) else self.expr_or_static(arg)
            if isinstance(value, Static):
                value = value.obj
            if isinstance(value, Value):
                values.append(value)
                slots.append((key, callbacks.AT_RUN_TIME))
            else:
                slots.append((key, value))
        if bound is not None:
            slots.insert(0, (None, bound))
        callback = callbacks.register(fn, slots)
        names = ", ".join(v.name for v in values)
        operands = f"({names} : {', '.join(v.type for v in values)})" if values else ""
        self.emit(f'pydy.py_callback "{_escape(callback)}"{operands} {self.loc(node)}')
        return self.constant(None, node)


    def named_tuple_call(self, node, cls):
        """`Cls(a, b=...)` of a record class (a namedtuple class or a
        dataclass): a value typed with the class and its fields (runtime
        values may fill them)."""
        fields = named_tuples.fields_of(cls)
        defaults = named_tuples.field_defaults(cls)
        if any(isinstance(a, ast.Starred) for a in node.args) or \
                any(k.arg is None for k in node.keywords):
            self._fail(node, f"*args and **kwargs in a call of the namedtuple class "
                             f"{cls.__name__} are not supported by dy2st yet")
        if len(node.args) > len(fields):
            self._fail(node, f"TypeError: {cls.__name__}() takes {len(fields)} arguments but "
                             f"{len(node.args)} were given", unsupported=False)
        given = dict(zip(fields, node.args))
        for keyword in node.keywords:
            if keyword.arg not in fields or keyword.arg in given:
                problem = "multiple values for" if keyword.arg in given else "an unexpected"
                self._fail(keyword.value, f"TypeError: {cls.__name__}() got {problem} "
                                          f"argument '{keyword.arg}'", unsupported=False)
            given[keyword.arg] = keyword.value
        values = []
        for field in fields:
            if field in given:
                values.append(self.expr(given[field]))
            elif field in defaults:
                values.append(self.expr_of_object(defaults[field], node))
            else:
                self._fail(node, f"TypeError: {cls.__name__}() is missing the argument "
                                 f"'{field}'", unsupported=False)
        return self.written(node, pydytext.named_tuple(named_tuples.type_key(cls), fields,
                                                       values))

    def named_tuple_make(self, node, cls):
        """`Cls._make(iterable)`: the iterable's items as the fields."""
        if len(node.args) != 1 or node.keywords:
            self._fail(node, f"{cls.__name__}._make() in compiled code takes one iterable",
                       unsupported=False)
        iterable = self.expr(node.args[0])
        name = self.fresh()
        count = len(cls._fields)
        self.emit(f"{name}:{count} = pydy.unpack {iterable.name} : {iterable.type} -> "
                  f"{', '.join([OBJECT] * count)} {self.loc(node)}")
        items = [Value(f"{name}#{i}") for i in range(count)]
        return self.written(node, pydytext.named_tuple(named_tuples.type_key(cls),
                                                       list(cls._fields), items))

    def static_instance(self, node, cls):
        """An instance of a plain Python class made in compiled code from
        arguments known when converting: made then, a compile-time object whose
        attributes fold (its methods are converted when called). A layer too,
        where it has no parameters or buffers (`nn.Pad2D(...)` in a forward):
        one with them would have new ones at each eager call."""

        def known(arg):
            try:  # literals, -0.5, NumPy's arrays (an Assign initializer's)
                return self.numpy_literal(arg)
            except _NotLiteral:
                pass
            if isinstance(arg, (ast.List, ast.Tuple)) and \
                    not any(isinstance(e, ast.Starred) for e in arg.elts):
                items = [known(e) for e in arg.elts]
                return items if isinstance(arg, ast.List) else tuple(items)
            # A module's constant (BEAM_SIZE), a number held by a layer (self.beam_size).
            outside = self.global_constant(arg) if isinstance(arg, (ast.Name, ast.Attribute)) \
                else None
            if isinstance(arg, ast.Attribute) and isinstance(arg.value, ast.Name) and \
                    not self.written_attribute(arg):
                base = self.expr_or_static(arg.value)
                if isinstance(base, Static):
                    outside = getattr(base.obj, arg.attr, None)
                    if isinstance(outside, (bool, int, float, str)) or \
                            _is_literal_structure(outside):
                        self.guard_value(outside, base.origin.child(arg.attr)
                                         if base.origin is not None else None)
            if isinstance(outside, (bool, int, float, str)) or _is_literal_structure(outside):
                return outside
            value = self.expr_or_static(arg)
            if not isinstance(value, Static):
                self._fail(arg, f"creating a {cls.__name__} in compiled code takes arguments "
                                "known when the function is converted (constants, layers, "
                                "objects), not a runtime value")
            return value.obj
        if any(isinstance(a, ast.Starred) for a in node.args) or \
                any(k.arg is None for k in node.keywords):
            self._fail(node, "*args and **kwargs in calls are not supported by dy2st yet")
        args = [known(a) for a in node.args]
        kwargs = {k.arg: known(k.value) for k in node.keywords}
        rng = np.random.get_state()
        obj = None
        try:
            obj = cls(*args, **kwargs)
            if isinstance(obj, Layer) and obj.state_dict():
                self._check_drawn_once(node, obj, cls(*args, **kwargs))
        except Dy2StError:
            raise
        except Exception as e:
            self._fail(node, f"creating a {cls.__name__} failed: {type(e).__name__}: {e}",
                       unsupported=False)
        finally:
            if isinstance(obj, Layer):
                # Converting draws no numbers from the generator eager code uses.
                np.random.set_state(rng)
        key = MadeObject(len(self.unit.made))
        self.unit.made.append(obj)
        for i, (known, attr) in enumerate(self.unit.written):
            if owns(known, key) and hasattr(obj, attr):
                self.store(self.attribute_variable(i),
                           self.attribute_value(obj, attr, node, made=True), node)
        return Static(obj)


    def _check_drawn_once(self, node, layer, again):
        """A layer with parameters made in compiled code is made once, when
        converting (as Paddle's own to_static makes it once), and its
        parameters are read at each call. Eagerly it is made at each call:
        the same only where its initializers draw no random numbers, which a
        second making shows."""
        first, second = layer.state_dict(), again.state_dict()
        if any(not np.array_equal(first[k].numpy(), second[k].numpy()) for k in first):
            self._fail(node, f"creating the layer {type(layer).__name__} inside a compiled function "
                             "with parameters initialized at random (eagerly new ones at each "
                             "call) is not supported: create it in __init__, or give it "
                             "initializers that draw no random numbers (Constant, Assign)")

    @staticmethod
    def python_callee(fn):
        """(function, bound object) of a callable written in Python, or None."""
        if isinstance(fn, _NestedDef):
            return fn, None
        if isinstance(fn, Layer):
            call = type(fn).__call__
            if call is not Layer.__call__ and isinstance(call, types.FunctionType):
                return call, fn  # a subclass's own __call__, which eager runs
            if fn._forward_pre_hooks or fn._forward_post_hooks:
                return Layer._call_with_hooks, fn
            own = fn.__dict__.get("forward")
            if own is not None and not isinstance(own, ConvertedFunction):
                # A forward assigned to the layer itself, which eager calls.
                return Importer.python_callee(own)
            return forward_function(fn), fn
        if isinstance(fn, ConvertedFunction):
            return fn.dygraph_function, fn._instance
        if isinstance(fn, types.MethodType) and isinstance(fn.__func__, types.FunctionType):
            return fn.__func__, fn.__self__
        if isinstance(fn, types.FunctionType):
            return fn, None
        # An instance of a class defining __call__ in Python (a hook object).
        call = getattr(type(fn), "__call__", None)
        if isinstance(call, types.FunctionType) and not isinstance(fn, type):
            return call, fn
        return None

    def python_call(self, node, fn, bound):
        """A call of another Python function: it is imported too (once per set
        of compile-time objects it is given, such as layers), its parameters
        bound here (keywords, defaults), and `pydy-inline-calls` inlines it."""
        if isinstance(bound, Layer) and getattr(fn, "__name__", None) == "set_state_dict":
            self._fail(node, "ValueError: set_state_dict() of a layer in compiled code would "
                             "change its parameters while its program runs; to load them once, "
                             "call it in __init__ or before the call", unsupported=False)
        if getattr(getattr(fn, "__code__", None), "co_filename", None) == contextlib.__file__:
            self._fail(node, f"{getattr(fn, '__qualname__', fn)} is decorated by a context "
                             "manager (contextlib), which runs its body inside a `with` that "
                             "dy2st does not compile: call it outside the compiled function")
        params = fn.parameters() if isinstance(fn, _NestedDef) else \
            list(statements.code_signature(fn).parameters.values())
        if bound is not None:
            params = params[1:]
        # A closure's free variables are no arguments the call can give.
        declared = params[:len(params) - len(fn.free_names)] if isinstance(fn, _NestedDef) \
            else params
        node = self.expand_starred(node, declared)
        node = self.expand_double_starred(node, declared)
        at = next((i for i, p in enumerate(params)
                   if p.kind == inspect.Parameter.VAR_POSITIONAL), None)
        packed = None
        if at is not None:
            # f(a, *rest): the arguments past the others as one tuple (one that
            # expand_starred made already; empty when fewer are given).
            extra = node.args[at:]
            packed = extra[0].value if len(extra) == 1 and isinstance(extra[0], ast.Starred) \
                else ast.copy_location(ast.Tuple(elts=extra, ctx=ast.Load()), node)
            node = ast.copy_location(ast.Call(func=node.func, args=node.args[:at],
                                              keywords=node.keywords), node)
        positional = [p for p in params if p.kind in (inspect.Parameter.POSITIONAL_ONLY,
                                                      inspect.Parameter.POSITIONAL_OR_KEYWORD)]
        if len(node.args) > len(positional):
            self._fail(node, f"{fn.__qualname__}() takes {len(positional)} arguments but "
                             f"{len(node.args)} were given", unsupported=False)
        given = dict(zip((p.name for p in positional), node.args))
        if packed is not None:
            given[params[at].name] = packed
        # The names a keyword can give (Python passes a keyword that names a
        # positional-only parameter on to **kwargs).
        names = {p.name for p in params if p.kind != inspect.Parameter.POSITIONAL_ONLY}
        if isinstance(fn, _NestedDef):
            # A closure's free variables: their values where it is called.
            for name in fn.free_names:
                given[name] = ast.copy_location(ast.Name(name, ast.Load()), node)
        var_keyword = next((p for p in params if p.kind == inspect.Parameter.VAR_KEYWORD), None)
        extras = []
        for k in node.keywords:
            if k.arg == _REST_OF_MAPPING:
                given[var_keyword.name] = k.value
                continue
            unknown = k.arg not in names or (var_keyword is not None and k.arg == var_keyword.name)
            if unknown and var_keyword is None and any(
                    p.name == k.arg and p.kind == inspect.Parameter.POSITIONAL_ONLY for p in params):
                self._fail(k.value, f"{fn.__qualname__}() got some positional-only arguments "
                                    f"passed as keyword arguments: '{k.arg}'", unsupported=False)
            if (k.arg in given and not unknown) or (unknown and var_keyword is None):
                self._fail(k.value, f"{fn.__qualname__}() got an unexpected or repeated "
                                    f"argument '{k.arg}'", unsupported=False)
            if unknown:
                extras.append(k)
            else:
                given[k.arg] = k.value
        if var_keyword is not None and var_keyword.name not in given:
            # **kwargs: the keywords no parameter takes, as a dict.
            given[var_keyword.name] = ast.copy_location(
                ast.Dict([ast.copy_location(ast.Constant(k.arg), k.value) for k in extras],
                         [k.value for k in extras]), node)
        evaluated = dict(zip(given, self.evaluated_in_order(list(given.values()),
                                                            self.argument_value)))
        statics = {name: v for name, v in evaluated.items() if isinstance(v, Static)}
        if statics and isinstance(fn, _NestedDef):
            self._fail(node, "passing a layer or another compile-time object to a nested "
                             "function is not supported by dy2st yet")
        shared = _shared_parameters(given, statics)
        key = (fn, id(bound), tuple(sorted((n, id(v.obj)) for n, v in statics.items())), shared)
        imported = self.unit.functions.get(key)
        if imported is not None and any(o is imported[1].static_result for o in self.unit.made):
            # A function returning an object it makes: a new object at each
            # call, as eagerly, so an import of its own at each call site.
            key += (("site", id(node)),)
        self.unit.held += [bound] + [v.obj for v in statics.values()]
        if key in self.unit.stack:
            self.unit.recursive.add(key)
        if key not in self.unit.functions:
            callee = fn.importer(self.unit) if isinstance(fn, _NestedDef) else \
                Importer(fn, self_object=bound, unit=self.unit, static_params=statics,
                         shared_params=shared)
            callee.captures = list(self.unit.preset_captures.get(key, ()))
            # An identifier: it names LLVM functions and GPU kernels too.
            base = re.sub(r"\W", "_", fn.__qualname__)
            symbol = f"{base}__{len(self.unit.functions) + 1}"
            self.unit.functions[key] = (symbol, callee)
            self.unit.stack.append(key)
            try:
                self.unit.texts.append(callee.import_function(symbol, called=True))
            except Dy2StError:
                # Not imported: a later call imports it again (and fails again).
                del self.unit.functions[key]
                raise
            finally:
                self.unit.stack.pop()
            callee.check_recursion(key, callee.node)
        symbol, callee = self.unit.functions[key]
        self.callees[id(node)] = (node, callee)  # the node kept: its id stays its own
        if isinstance(fn, _NestedDef) and any(set(group) & set(callee.mutated_params or ())
                                               for group in shared):
            self._fail(node, f"{fn.__qualname__}() changes in place a parameter given an object "
                             "that another parameter is given too: the two may name the same "
                             "object, which dy2st follows for module-level functions and "
                             "methods, not yet for nested ones")
        if getattr(callee, "may_raise", False):
            self.may_raise = True
        values = []
        for p in params:
            if p.name in statics:
                continue
            if p.name in evaluated:
                values.append(evaluated[p.name])
            elif isinstance(p.default, ComputedDefault):
                values.append(self.load(p.default.variable, node))
            elif p.default is not inspect.Parameter.empty:
                values.append(self.expr_of_object(p.default, node))
            else:
                self._fail(node, f"{fn.__qualname__}() missing argument '{p.name}'",
                           unsupported=False)
        values += [self.load(self.attribute_variable(i), node)
                   for i in range(len(self.unit.written))]
        values += [self.capture(c, node) for c in callee.captures]
        names = ", ".join(v.name for v in values)
        result = self.op(node, f'pydy.call @"{_escape(symbol)}"({names}) : '
                               f"{self.signature(values)}")
        changed = callee.mutated_params or []
        nonlocals = getattr(fn.node, "dy2st_nonlocal_names", []) if isinstance(fn, _NestedDef) \
            else []
        if nonlocals and (fn.parent is not self or key in self.unit.recursive):
            self._fail(node, f"{fn.__qualname__}() assigns 'nonlocal' variables: dy2st "
                             "follows that where the function that defines it calls it, "
                             "not recursively")
        self.changed_by_callees.update(changed)
        for param, reach in (callee.param_reaches or {}).items():
            self.reaches_by_callees[param] = self.reaches_by_callees.get(param, Reach()) | reach
        if getattr(callee, "may_raise", False):
            # Before its results are read: a callee that always raises has none.
            self.leave_if_raised(node)
        if self.unit.written or changed or nonlocals:
            # The callee gives back the assigned attributes after its result,
            # then the parameters it changed in place, which are written to
            # the arguments they were given (Python shares them), then its
            # `nonlocal` variables, which are this function's.
            whole = result
            result = self.item_of(whole, 0, node)
            if key in self.unit.stack or callee.stores_attributes:
                for i in range(len(self.unit.written)):
                    self.store(self.attribute_variable(i), self.item_of(whole, i + 1, node),
                               node)
            for i, param in enumerate(changed):
                argument = given.get(param)
                if argument is not None:
                    self.write_back_argument(
                        argument, self.item_of(whole, 1 + len(self.unit.written) + i, node),
                        node, f"{fn.__qualname__}() changes its argument '{param}' in place",
                        callee.param_reaches.get(param, Reach()))
            for i, name in enumerate(nonlocals):
                self.store(name, self.item_of(
                    whole, 1 + len(self.unit.written) + len(changed) + i, node), node)
        # A function that updates a container it is given (Paddle's
        # array_write): its result is the updated container.
        target = given.get(getattr(fn, "updates_argument", None))
        if isinstance(target, (ast.Name, ast.Subscript)):
            self.write_back(target, result, node, Reach.assigned(ANY))
        if getattr(callee, "static_result", None) is not None:
            return Static(callee.static_result)  # see returned_value
        return result

    def format_call(self, node, template):
        """`template.format(...)` of a template known when converting: the
        f-string it stands for, each argument read once, in order."""
        if any(isinstance(a, ast.Starred) for a in node.args) or \
                any(k.arg is None for k in node.keywords):
            self._fail(node, "str.format() with *args or **kwargs is not supported by dy2st yet")

        def once(arg):
            if isinstance(arg, (ast.Constant, ast.Name)):
                return arg
            return located(ast.Name(self.hold(arg, kind="format"), ast.Load()), arg)
        args = [once(a) for a in node.args]
        keywords = {k.arg: once(k.value) for k in node.keywords}
        try:
            joined = str_format.as_fstring(template, args, keywords, node)
        except str_format.FormatError as e:
            self._fail(node, str(e))
        return self.expr(joined)

    def hold(self, expression, value=None, kind="star"):
        """The name of a hidden variable (`<kind>.N`) holding `value`, or
        `expression` evaluated once here."""
        self.hidden += 1
        name = f"{kind}.{self.hidden}"
        self.scopes[-1].add(name)
        self.store(name, self.expr(expression) if value is None else value, expression)
        return name

    def expand_starred(self, node, params):
        """`f(a, *seq)`: the sequence (held in a hidden variable) read item by
        item into the positional parameters left, as many as there are (its
        items past them go to `*args`, which takes all of it when given)."""
        starred = [i for i, a in enumerate(node.args) if isinstance(a, ast.Starred)]
        if not starred:
            return node
        has_var_positional = any(p.kind == inspect.Parameter.VAR_POSITIONAL for p in params)
        if starred != [len(node.args) - 1]:
            # `f(*seq, a)`, `f(*s, *t)`: the arguments from the first sequence
            # on as one list (`list(seq) + [a]`), unpacked last.
            first = starred[0]
            joined = located(joined_list(node.args[first:]), node.args[first])
            node = ast.copy_location(ast.Call(node.func, node.args[:first] + [
                located(ast.Starred(joined, ast.Load()), joined)], node.keywords), node)
        fixed = [p for p in params if p.kind in (inspect.Parameter.POSITIONAL_ONLY,
                                                 inspect.Parameter.POSITIONAL_OR_KEYWORD)]
        keywords = {k.arg for k in node.keywords}
        before = node.args[:-1]
        seq = node.args[-1].value
        load = ast.copy_location(ast.Name(self.hold(seq), ast.Load()), seq)
        # `f(*args, **kwargs)` (a decorator's wrapper): a parameter the
        # sequence is too short for may be in the mapping. Its keys are known
        # here for a dict display or an object's dict of constants; else the
        # mapping, held after the sequence, is asked.
        mapping = next((k.value for k in node.keywords if k.arg is None), None)
        if mapping is not None:
            held = self.literal_mapping(mapping)
            if isinstance(mapping, ast.Dict) and all(
                    isinstance(k, ast.Constant) and isinstance(k.value, str)
                    for k in mapping.keys):
                keywords |= {k.value for k in mapping.keys}
                mapping = None
            elif held is not None:
                keywords |= set(held)
                mapping = None
            else:
                mapping = ast.copy_location(ast.Name(self.hold(mapping), ast.Load()), mapping)
                node = ast.copy_location(ast.Call(node.func, node.args, [
                    k if k.arg is not None else ast.keyword(None, mapping)
                    for k in node.keywords]), node)
        # Positional arguments fill the parameters up to the first one given
        # by keyword.
        left = []
        for p in fixed[len(before):]:
            if p.name in keywords:
                break
            left.append(p)
        if has_var_positional:
            # The sequence's first items fill the positional parameters left.
            filled = [ast.Subscript(load, ast.Constant(k), ast.Load()) for k in range(len(left))]
            rest = ast.Subscript(load, ast.Slice(ast.Constant(len(left)), None, None),
                                 ast.Load()) if left else load
            extra = ast.Tuple(elts=before[len(fixed):], ctx=ast.Load())
            as_tuple = ast.Call(ast.Name("tuple", ast.Load()), [rest], [])
            packed = ast.BinOp(extra, ast.Add(), as_tuple)
            args = before[:len(fixed)] + filled + [ast.Starred(packed, ast.Load())]
        else:
            # As many items as the sequence has (its length is known once
            # specialized): a parameter with a literal default takes it when
            # the sequence is shorter; a longer one is Python's TypeError.
            args = list(before)
            for k, p in enumerate(left):
                item = ast.Subscript(load, ast.Constant(k), ast.Load())
                otherwise = None
                if p.default is not inspect.Parameter.empty and \
                        (_is_literal(p.default) or isinstance(p.default, ComputedDefault)):
                    otherwise = _default_expression(p.default)
                if mapping is not None:
                    keyed = ast.Subscript(mapping, ast.Constant(p.name), ast.Load())
                    otherwise = keyed if otherwise is None else ast.IfExp(
                        ast.Compare(ast.Constant(p.name), [ast.In()], [mapping]), keyed,
                        otherwise)
                if otherwise is not None:
                    longer = ast.Compare(ast.Call(ast.Name("len", ast.Load()), [load], []),
                                         [ast.Gt()], [ast.Constant(k)])
                    item = ast.IfExp(longer, item, otherwise)
                args.append(item)
            # (A call, not a raise statement: a lambda's body may unpack too.)
            too_long = ast.Call(ast.Name("at_most", ast.Load()), [load, ast.Constant(len(left)), ast.Constant(
                f"{getattr(node.func, 'id', 'the function')}() takes {len(fixed)} "
                "positional arguments but more were given")], [])
            self.python_call(located(too_long, seq), pybuiltins.at_most, None)
        # The arguments before the sequence keep their own places.
        args = [located(part, seq) for part in args]
        return ast.copy_location(ast.Call(node.func, args, node.keywords), node)

    def literal_mapping(self, node):
        """The dict of numbers, strings and None under string keys that
        `node`, an attribute of an object known when converting that the
        function does not assign, or a name outside the function (a
        closure's `kwargs` of PaddleDetection's `lambda x: fn(x, **kwargs)`),
        holds now (guarded: a change imports again), or a parameter given
        such a dict (`def outer(x, opts): return inner(x, **opts)`); else
        None."""
        if isinstance(node, ast.Name) and node.id in self.static_names:
            static = self.static_names[node.id]
            value = static.obj
            if static.origin is None or not _is_constant_dict(value):
                return None
            self.guard_value(value, static.origin)
            return value
        if isinstance(node, ast.Name) and not self.is_local(node.id):
            for namespace, root in ((self.closure, self.fn), (self.globals, self.globals)):
                if node.id in namespace:
                    value = namespace[node.id]
                    if type(value) is not dict or not all(
                            isinstance(k, str) and _is_key_constant(v)
                            for k, v in value.items()):
                        return None
                    self.guard_value(value, Origin("namespace", root, [node.id]))
                    return value
            return None
        if not isinstance(node, ast.Attribute) or self.written_attribute(node):
            return None
        base = self.expr_or_static(node.value)
        if not isinstance(base, Static):
            return None
        value = getattr(base.obj, node.attr, None)
        if type(value) is not dict or not all(
                isinstance(k, str) and _is_key_constant(v) for k, v in value.items()):
            return None
        self.guard_value(value, base.origin.child(node.attr) if base.origin is not None else None)
        return value

    def expand_double_starred(self, node, params):
        """`f(a, **mapping)`: each parameter not given otherwise reads
        `mapping["name"]` when the mapping has that key (its keys are known
        once specialized), else keeps its literal default."""
        double = [k for k in node.keywords if k.arg is None]
        if not double:
            return node
        if len(double) > 1:
            self._fail(node, "only one **mapping in a call is supported by dy2st")
        mapping = double[0].value
        others = [k for k in node.keywords if k.arg is not None]
        if isinstance(mapping, ast.Dict) and all(
                isinstance(k, ast.Constant) and isinstance(k.value, str) for k in mapping.keys):
            # A dict display: its items are keywords.
            spliced = [ast.copy_location(ast.keyword(k.value, v), v)
                       for k, v in zip(mapping.keys, mapping.values)]
            return ast.copy_location(ast.Call(node.func, node.args, others + spliced), node)
        held = self.literal_mapping(mapping)
        if held is not None:
            # A dict of constants an object holds (`**self.up_kwargs`): its
            # items, guarded, are keywords.
            spliced = [located(ast.keyword(k, located(ast.Constant(v), mapping)), mapping)
                       for k, v in held.items()]
            return ast.copy_location(ast.Call(node.func, node.args, others + spliced), node)
        name = self.hold(mapping)
        given = {k.arg for k in others}
        positional = len(node.args)
        keywords = list(others)
        for k, p in enumerate(params):
            if p.kind in (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD) or \
                    p.name in given or (k < positional and p.kind != inspect.Parameter.KEYWORD_ONLY):
                continue
            load = ast.Name(name, ast.Load())
            item = ast.Subscript(load, ast.Constant(p.name), ast.Load())
            if p.default is not inspect.Parameter.empty:
                if not _is_literal(p.default) and not isinstance(p.default, ComputedDefault):
                    continue
                present = ast.Compare(ast.Constant(p.name), [ast.In()], [load])
                item = ast.IfExp(present, item, _default_expression(p.default))
            keywords.append(ast.keyword(p.name, item))
        var_keyword = next((p for p in params if p.kind == inspect.Parameter.VAR_KEYWORD), None)
        if var_keyword is not None:
            # **kwargs takes the mapping's other items (and the extra keywords).
            named = [p.name for p in params if p is not var_keyword]
            extras = [k for k in others if k.arg not in named]
            keywords = [k for k in keywords if k.arg in named]
            self.static_names["_dy2st_remaining_items"] = Static(pybuiltins.remaining_items)
            rest = ast.Call(ast.Name("_dy2st_remaining_items", ast.Load()),
                            [ast.Name(name, ast.Load()),
                             ast.Tuple([ast.Constant(n) for n in named], ast.Load()),
                             ast.Dict([ast.Constant(k.arg) for k in extras],
                                      [k.value for k in extras])], [])
            keywords.append(ast.keyword(_REST_OF_MAPPING, rest))
        keywords = [located(keyword, mapping) for keyword in keywords]
        return ast.copy_location(ast.Call(node.func, node.args, keywords), node)

    def item_of(self, sequence, i, node):
        index = self.constant(i, node)
        return self.written(node, pydytext.subscript(sequence, index))

    def expr_of_object(self, obj, node):
        value = self.outside_object(obj, node, None)
        if isinstance(value, Static):
            self._fail(node, f"the default value {obj!r} is not supported in compiled code")
        return value

    def isinstance_call(self, node):
        """isinstance(v, classes) with classes known when importing: the
        specialization answers it from v's type."""
        if len(node.args) != 2 or node.keywords:
            self._fail(node, "isinstance() takes exactly two arguments", unsupported=False)
        if self.is_type_call(node.args[1]):
            # isinstance(v, type(w)) (PaddleNLP's `isinstance(encoder_outputs,
            # type(embedding_output))`): w's class, known once specialized.
            model = self.subject_or_static(node.args[1].args[0])
            if isinstance(model, Static):
                # The class is known now: isinstance(v, C).
                self.hidden += 1
                held = f"class.{self.hidden}"
                self.static_names[held] = Static(type(model.obj))
                return self.class_test(node, node.args[0],
                                       [located(ast.Name(held, ast.Load()), node)],
                                       "__isinstance__")
            subject = self.subject_or_static(node.args[0])
            if isinstance(subject, Static):
                if not (subject.obj is None or isinstance(subject.obj, (bool, int, float, str))):
                    self._fail(node, "isinstance(v, type(w)) of an object known when converting "
                                     "and a value computed in compiled code is not supported")
                subject = self.constant(subject.obj, node)
            name = self.fresh()
            self.emit(f'{name}:2 = pydy.call_method {subject.name}, "__isinstance_like__"'
                      f"({model.name}) : {subject.type}, ({model.type}) -> "
                      f"({OBJECT}, {OBJECT}) {self.loc(node)}")
            return Value(f"{name}#0")
        parts = node.args[1].elts if isinstance(node.args[1], ast.Tuple) else [node.args[1]]
        return self.class_test(node, node.args[0], parts, "__isinstance__")

    def callable_call(self, node):
        """callable(v): answered when importing for a value known then (a
        function, a layer), else by the specialization from v's kind: a
        lambda is callable, tensors, numbers, strings and containers are not."""
        if len(node.args) != 1 or node.keywords:
            self._fail(node, "callable() takes exactly one argument", unsupported=False)
        subject = self.subject_or_static(node.args[0])
        if isinstance(subject, Static):
            return self.constant(callable(subject.obj) or isinstance(subject.obj, _NestedDef),
                                 node)
        # A value computed here: the specialization answers (a lambda, or a
        # function passed as one, is the only callable kind).
        text = self.constant("callable", node)
        name = self.fresh()
        self.emit(f'{name}:2 = pydy.call_method {subject.name}, "__isinstance__"({text.name}) : '
                  f"{subject.type}, ({text.type}) -> ({OBJECT}, {OBJECT}) {self.loc(node)}")
        return Value(f"{name}#0")

    def is_type_call(self, node):
        return isinstance(node, ast.Call) and self.is_builtin(node.func, type) and \
            len(node.args) == 1 and not node.keywords

    def subject_or_static(self, node):
        """The value whose class is asked; a literal is known when importing."""
        if isinstance(node, ast.Constant):
            return Static(node.value)
        return self.expr_or_static(node)

    def type_compare(self, node):
        """`type(v) is C`, `==`, `is not`, `!=`, `type(v) in (A, B)`, `not in`,
        with classes known when importing, or None when `node` is none of these."""
        if len(node.ops) != 1:
            return None
        op, other = node.ops[0], node.comparators[0]
        if isinstance(op, (ast.In, ast.NotIn)):
            if not self.is_type_call(node.left) or not isinstance(other, (ast.Tuple, ast.List)):
                return None
            typed, parts = node.left, other.elts
        elif isinstance(op, (ast.Is, ast.IsNot, ast.Eq, ast.NotEq)):
            typed, other = (node.left, other) if self.is_type_call(node.left) else \
                (other, node.left)
            if not self.is_type_call(typed):
                return None
            parts = [other]
        else:
            return None
        result = self.class_test(node, typed.args[0], parts, "__type_is__")
        if isinstance(op, (ast.IsNot, ast.NotEq, ast.NotIn)):
            result = self.written(node, pydytext.unary("not", result))
        return result

    def class_test(self, node, subject_node, parts, method):
        """`method` ("__isinstance__" or "__type_is__") of the value of
        `subject_node` and the classes `parts` name, answered by the
        specialization from the value's type."""
        function = "isinstance()" if method == "__isinstance__" else "type() comparisons"
        wanted = []
        for part in parts:
            classes = self.expr_or_static(part)
            if not isinstance(classes, Static):
                self._fail(part, f"the classes of {function} must be known when the "
                                 "function is converted")
            wanted += classes.obj if isinstance(classes.obj, tuple) else (classes.obj,)
        subject = self.subject_or_static(subject_node)
        if isinstance(subject, Static):
            exact = method == "__type_is__"
            answer = type(subject.obj) in wanted if exact else \
                isinstance(subject.obj, tuple(wanted))
            return self.constant(answer, node)
        names = []
        for cls in wanted:
            name = {list: "list", tuple: "tuple", dict: "dict", set: "set", int: "int",
                    float: "float", bool: "bool", str: "str", type(None): "NoneType",
                    Tensor: "Tensor"}.get(cls)
            if name is None and named_tuples.is_record(cls):
                name = "=" + named_tuples.key_of(cls)
            if name is None and isinstance(cls, type):
                # No compiled value is an instance of another class, except
                # that a tuple, list or dict may have been one of a subclass.
                base = next((b for b in (tuple, list, dict) if issubclass(cls, b)), None)
                name = "~" + (base.__name__ if base else "")
            if name is None:
                self._fail(node, f"{function} with {cls!r} are not supported in compiled code")
            names.append(name)
        value = subject
        text = self.constant(",".join(names), node)
        name = self.fresh()
        self.emit(f'{name}:2 = pydy.call_method {value.name}, "{method}"({text.name}) : '
                  f"{value.type}, ({text.type}) -> ({OBJECT}, {OBJECT}) {self.loc(node)}")
        return Value(f"{name}#0")

    def logging_call(self, node, fn, level):
        """A logging call, made at run time through Python's logging with the
        message formatted as the call's `msg % args` formats it."""
        args = list(node.args)
        if fn.__name__ == "log":
            level = self.global_constant(args[0]) if args else None
            if not isinstance(level, int):
                self._fail(node, "logging.log() in compiled code takes a level known when the "
                                 "function is converted")
            args.pop(0)
        if not args:
            self._fail(node, "a logging call in compiled code takes a message")
        record = {"file": self.filename, "line": self.first_line + node.lineno - 1,
                  "function": self.code_name}
        fields, runtime_extra = self.logging_keywords(node)
        record.update(fields)
        message = args[0]
        if len(args) > 1:
            message = located(ast.BinOp(args[0], ast.Mod(), ast.Tuple(args[1:], ast.Load())), node)
            if not isinstance(statements.percent_as_fstring(message), ast.JoinedStr):
                self._fail(node, "the arguments of a logging call in compiled code fill a "
                                 "constant message with %s, %d, %f, ... conversions")
        # A logger's method goes through that logger; a function of the
        # logging module through logging.log (which configures the root first).
        logger = fn.__self__.name if isinstance(fn, types.MethodType) else ""
        items = self.text_items([message])
        # `extra` values known only at run time: items after the message's,
        # which the runtime puts into the record under these keys.
        if runtime_extra:
            record["extra_items"] = [key for key, _ in runtime_extra]
            items += [(self.expr(value), "") for _, value in runtime_extra]
        return self.log_print(items, logger, level, record, node)

    def log_print(self, items, logger, level, record, node):
        """The `pydy.print` of a logging call or a warning: the text `items`,
        for `logger` at `level`, with the `record` fields the runtime's
        printer reads (native.py)."""
        attrs = {"sep": '""', "logger": f'"{_escape(logger)}"', "level": f"{level} : i64",
                 "record": f'"{_escape(json.dumps(record))}"'}
        self.emit(f"pydy.print{_text_operands(items, attrs)} {self.loc(node)}")
        return self.constant(None, node)

    def warning_call(self, node):
        """`warnings.warn(message, category)`, made at run time through
        Python's warnings with the call's own file, line and module, so that
        their filters act as eagerly (by default once per line); the message
        is str() of the value given."""
        given = dict(zip(("message", "category", "stacklevel"), node.args))
        for keyword in node.keywords:
            if keyword.arg not in ("message", "category", "stacklevel") or keyword.arg in given:
                self._fail(node, "warnings.warn() in compiled code takes a message, a category "
                                 "and stacklevel=1", unsupported=False)
            given[keyword.arg] = keyword.value
        if "message" not in given or len(node.args) > 3:
            self._fail(node, "warnings.warn() takes a message (and a category)", unsupported=False)
        category = UserWarning
        if given.get("category") is not None:
            category = self.expr_or_static(given["category"])
            category = category.obj if isinstance(category, Static) else None
            if not (isinstance(category, type) and issubclass(category, Warning)):
                self._fail(given["category"], "the category of warnings.warn() in compiled code "
                                               "must be a Warning class known when converting")
        if "stacklevel" in given and self.global_constant(given["stacklevel"]) != 1:
            self._fail(given["stacklevel"], "warnings.warn() in compiled code takes stacklevel=1 "
                                            "(compiled code has no Python stack above the call)")
        record = {"warning": {"category": [category.__module__, category.__qualname__],
                              "file": self.filename,
                              "line": self.first_line + node.lineno - 1,
                              "module": self.globals.get("__name__", "")}}
        return self.log_print(self.text_items([given["message"]]), "", logging.WARNING, record,
                              node)

    def logging_keywords(self, node):
        """The record fields of a logging call's keywords, known when
        converting: `exc_info` (the exception being handled when the call
        runs, as eagerly), `extra` (a dict display with constant keys; its
        constant values, and the (key, node) of those known only at run
        time, returned apart), `stacklevel=1` and `stack_info=False` (the
        record names the call's own line; compiled code has no Python stack
        to show)."""
        fields, runtime_extra = {}, []
        for keyword in node.keywords:
            value = self.global_constant(keyword.value)
            if isinstance(keyword.value, ast.Dict) and keyword.arg == "extra":
                keys = [self.global_constant(k) for k in keyword.value.keys]
                value = {}
                for key, item in zip(keys, keyword.value.values):
                    known = self.global_constant(item)
                    # None from global_constant is "not known", unless written None.
                    if known is not None or isinstance(item, ast.Constant):
                        value[key] = known
                    else:
                        runtime_extra.append((key, item))
                if len(set(keys)) != len(keys) or not all(isinstance(k, str) for k in keys):
                    value = None
            if keyword.arg == "exc_info" and isinstance(value, (bool, type(None))):
                fields["exc_info"] = bool(value)
            elif keyword.arg == "extra" and isinstance(value, dict) and all(
                    isinstance(k, str) and isinstance(v, (str, int, float, bool, type(None)))
                    for k, v in value.items()):
                fields["extra"] = value
            elif keyword.arg == "stacklevel" and value == 1 or \
                    keyword.arg == "stack_info" and value is False:
                continue
            else:
                self._fail(keyword.value, "a logging call in compiled code takes exc_info (True "
                                          "or False), extra (a dict display with string keys), "
                                          "stacklevel=1 and stack_info=False as keywords, known "
                                          "when the function is converted")
        return fields, runtime_extra

    def print_call(self, node):
        items = self.text_items(node.args)
        attrs = {}
        for k in node.keywords:
            if k.arg not in ("sep", "end") or not isinstance(k.value, ast.Constant) or \
                    not isinstance(k.value.value, str):
                self._fail(k.value, "print() in compiled code takes only constant 'sep' and "
                                    "'end' strings as keywords")
            attrs[k.arg] = f'"{_escape(k.value.value)}"'
        self.emit(f"pydy.print{_text_operands(items, attrs)} {self.loc(node)}")
        return self.constant(None, node)

    def text_items(self, nodes):
        """(value, format) items that write the text of `nodes` one after the
        other: an f-string's (or a %-format's) parts, whose fields keep their
        conversion and spec (`"!r"`, `":.3f"`), any other value by its str()."""
        items = []
        for node in nodes:
            node = statements.percent_as_fstring(node)
            if isinstance(node, ast.JoinedStr):
                items += self.text_items(node.values)
            elif isinstance(node, ast.FormattedValue):
                spec = node.format_spec
                if spec is not None and not all(isinstance(v, ast.Constant) for v in spec.values):
                    self._fail(spec, "a format spec computed at run time ({x:{width}}) is not "
                                     "supported in compiled code")
                spec = "".join(v.value for v in spec.values) if spec is not None else ""
                conversion = "" if node.conversion == -1 else "!" + chr(node.conversion)
                items.append((self.expr(node.value),
                              conversion + (":" + spec if spec or not conversion else "")))
            else:
                items.append((self.expr(node), ""))
        return items


def _binding_error(fn, call):
    """Why the arguments of `call` do not fit `fn`'s parameters (inspect's
    words: "got an unexpected keyword argument 'out'"), or None."""
    if any(isinstance(a, ast.Starred) for a in call.args):
        return None
    try:
        inspect.signature(fn).bind(*call.args, **{k.arg: k.value for k in call.keywords})
    except TypeError as e:
        return str(e)
    except ValueError:
        return None
    return None


def _text_operands(items, attrs=None, parenthesized=False):
    """The operands and attributes of a pydy.print (or, parenthesized, of a
    pydy.raise) of `items` (`attrs`: more attributes, name -> attribute text)."""
    attrs = dict(attrs or {})
    text = ""
    if items:
        values = [v for v, _ in items]
        text = f"{', '.join(v.name for v in values)} : {', '.join(v.type for v in values)}"
        text = f" ({text})" if parenthesized else f" {text}"
        if any(f for _, f in items):
            attrs["formats"] = "[" + ", ".join(f'"{_escape(f)}"' for _, f in items) + "]"
    if attrs:
        text += " {" + ", ".join(f"{k} = {v}" for k, v in attrs.items()) + "}"
    return text


def _assignments(function, name):
    """The Name nodes that assign `name` in `function`'s own body (not in
    nested defs or lambdas)."""
    found = []
    pending = list(function.body)
    while pending:
        node = pending.pop()
        if isinstance(node, (ast.FunctionDef, ast.Lambda)):
            continue
        if isinstance(node, ast.Name) and node.id == name and \
                isinstance(node.ctx, (ast.Store, ast.Del)):
            found.append(node)
        pending.extend(ast.iter_child_nodes(node))
    return found


def _code_start(fn):
    """The (line, column) where the first expression of fn's code starts
    (its lambda's body), None where the code has no positions."""
    positions = [(line, column) for line, _, column, end in fn.__code__.co_positions()
                 if line is not None and column is not None and (column, end) != (0, 0)]
    return min(positions) if positions else None


def _in_file(fn, source):
    """The lambdas that start on fn's first line, parsed from its whole file,
    their positions relative to `source` (as a parse of it would give); None
    where the file does not parse."""
    try:
        lines, _ = inspect.findsource(fn.__code__)
        tree = ast.parse("".join(lines))
    except (OSError, TypeError, SyntaxError):
        return None
    first_line = fn.__code__.co_firstlineno
    first = source.splitlines()[0]
    indent = len(first) - len(first.lstrip())
    lambdas = [n for n in ast.walk(tree) if isinstance(n, ast.Lambda) and n.lineno == first_line]
    parts = {id(part): part for lam in lambdas for part in ast.walk(lam)}
    for part in parts.values():
        if hasattr(part, "lineno"):
            part.lineno -= first_line - 1
            part.col_offset -= indent
            if getattr(part, "end_lineno", None):
                part.end_lineno -= first_line - 1
                part.end_col_offset -= indent
    return ast.Module(body=[ast.Expr(lam) for lam in lambdas], type_ignores=[])


def _lambda_as_def(fn, source):
    """The lambda `fn` (found in the source lines that hold it) as the
    FunctionDef `def <lambda>(params): return body`, at the lambda's place."""
    text = textwrap.dedent(source)
    tree = None
    for attempt in (text, "(\n" + text + "\n)"):
        try:
            tree = ast.parse(attempt)
        except SyntaxError:
            continue
        shift = 0 if attempt is text else 1
        break
    params = list(fn.__code__.co_varnames[:fn.__code__.co_argcount])
    if tree is None:
        # Its lines alone do not parse (`"neg": lambda x: -x}`, the end of a
        # dict display): the file's statements, positions made relative.
        tree, shift = _in_file(fn, source), 0
    found = [n for n in ast.walk(tree) if isinstance(n, ast.Lambda) and
             [a.arg for a in n.args.posonlyargs + n.args.args] == params] \
        if tree is not None else []
    if len(found) > 1:
        # Lambdas with these parameters side by side (`while_loop(lambda i, x:
        # i < 3, lambda i, x: [i + 1, x])`): the one whose body starts where
        # fn's code does.
        start = _code_start(fn)
        indent = min(len(line) - len(line.lstrip()) for line in source.splitlines()
                     if line.strip())
        found = [n for n in found if start == (n.body.lineno - shift +
                                               fn.__code__.co_firstlineno - 1,
                                               n.body.col_offset + indent)]
    if len(found) != 1:
        raise Dy2StError(f"dy2st cannot find the source of {fn!r} (one lambda with these "
                         "parameters on its lines)")
    lam = found[0]
    body = ast.copy_location(ast.Return(lam.body), lam)
    node = ast.copy_location(ast.FunctionDef(name="lambda", args=lam.args, body=[body],
                                             decorator_list=[], returns=None), lam)
    for part in ast.walk(node):
        if hasattr(part, "lineno"):
            part.lineno -= shift
            if getattr(part, "end_lineno", None):
                part.end_lineno -= shift
    return node


def _defaulted(args):
    """(parameter, default expression) of the parameters of `args` (an
    ast.arguments) that have a default: positional ones, then keyword-only."""
    positional = args.posonlyargs + args.args
    return list(zip(positional[len(positional) - len(args.defaults):], args.defaults)) + \
        [(a, d) for a, d in zip(args.kwonlyargs, args.kw_defaults) if d is not None]


_NOT_LITERAL = object()


def _literal(node):
    """The value of a constant expression, or _NOT_LITERAL."""
    try:
        return ast.literal_eval(node)
    except ValueError:
        return _NOT_LITERAL


class ComputedDefault:
    """A nested def's default that is not a constant: the variable holding
    its value, computed when the def ran."""

    def __init__(self, variable):
        self.variable = variable


def _shared_parameters(given, statics):
    """The groups of parameters a call gives one variable (`f(b, b)`), as
    tuples of names in the order given."""
    by_name = {}
    for param, argument in given.items():
        if isinstance(argument, ast.Name) and param not in statics:
            by_name.setdefault(argument.id, []).append(param)
    return tuple(tuple(group) for group in by_name.values() if len(group) > 1)


class _NestedDef:
    """A def inside the converted function, imported from its AST."""

    def __init__(self, node, parent):
        self.node = node
        self.parent = parent
        self.__qualname__ = f"{parent.node.name}.{node.name}"

    @property
    def free_names(self):
        return self.node.dy2st_free_names

    def parameters(self):
        """Its parameters, then its free variables (passed by the caller)."""
        args = self.node.args
        P = inspect.Parameter

        computed = getattr(self.node, "dy2st_computed_defaults", {})

        def default(param, node):
            if node is None:
                return P.empty
            if param.arg in computed:
                return ComputedDefault(computed[param.arg])
            return _literal(node)
        positional = args.posonlyargs + args.args
        defaults = [None] * (len(positional) - len(args.defaults)) + args.defaults
        params = [P(a.arg, P.POSITIONAL_ONLY if i < len(args.posonlyargs) else
                    P.POSITIONAL_OR_KEYWORD, default=default(a, d))
                  for i, (a, d) in enumerate(zip(positional, defaults))]
        if args.vararg:
            params.append(P(args.vararg.arg, P.VAR_POSITIONAL))
        params += [P(a.arg, P.KEYWORD_ONLY, default=default(a, d))
                   for a, d in zip(args.kwonlyargs, args.kw_defaults)]
        if args.kwarg:
            params.append(P(args.kwarg.arg, P.VAR_KEYWORD))
        return params + [P(n, P.KEYWORD_ONLY) for n in self.free_names]

    def importer(self, unit):
        self.parameters()
        importer = object.__new__(Importer)
        importer.__dict__.update(self.parent.__dict__)
        importer.node = self.node
        importer.qualname = self.__qualname__
        importer.self_object = None
        parent = self.parent
        if parent.self_name is not None and \
                parent.self_name not in statements.parameter_names(self.node.args):
            # The method's object (`self`), read by the def as a closure.
            importer.static_names = dict(parent.static_names)
            importer.static_names[parent.self_name] = Static(
                parent.self_object, Origin("object", parent.self_object, []))
        # Its own names of compile-time objects (a class it defines, made
        # again at each import of it), and its own returns.
        importer.static_names = dict(importer.static_names)
        importer.static_result, importer.value_returned = None, False
        importer.unit = unit
        importer.sharing_params, importer.shared_assigned = set(), set()
        importer.arg_types = {}
        importer.lines = []
        importer.depth = 0
        importer.counter = 0
        importer.captures = []
        importer.scopes = []
        importer.nested_defs = dict(self.parent.nested_defs)
        importer.may_raise = False
        importer.lambda_depth = importer.logical_depth = 0
        importer.raised_in_logical = False
        importer.checked_names = set()
        importer.free_params = self.free_names
        return importer


class _Deferred:
    """A place in the emitted lines whose code depends on what the whole body
    changes in place: finish_returns emits it, at its nesting `depth`, once
    the parameters the function changes (and those it follows in `arg.x`,
    `followed`) are known."""

    def __init__(self, node, depth):
        self.node, self.depth = node, depth

    def emit(self, importer, followed):
        raise NotImplementedError


class _ParamStore(_Deferred):
    """A store of a parameter that the function also assigns: an assignment,
    or (`in_place`) its value after a change in place."""

    def __init__(self, param, value, in_place, depth, node):
        super().__init__(node, depth)
        self.param, self.value, self.in_place = param, value, in_place

    def emit(self, importer, followed):
        if self.param in followed:
            importer.follow_argument(self)


class _PendingReturn(_Deferred):
    """A return: the result, then the values of the parameters changed in
    place (followed ones from `arg.x`)."""

    def __init__(self, value, node, depth):
        super().__init__(node, depth)
        self.value = value

    def emit(self, importer, followed):
        changed = [importer.load(f"arg.{p}" if p in followed else p, self.node)
                   for p in importer.mutated_params]
        # A nested def's `nonlocal` variables, for its caller to store.
        changed += [importer.load(name, self.node)
                    for name in getattr(importer.node, "dy2st_nonlocal_names", ())]
        importer.emit_returned_values(self.value, self.node, changed)


def _item_call(node, key):
    """`node`, a call of `items[i](...)`, as the call of `items[key]`."""
    return ast.Call(ast.Subscript(node.func.value, ast.Constant(key), ast.Load()), node.args,
                    node.keywords)


def _display_items(node):
    """The (key, item expression) pairs of a list or tuple display without
    `*`, or of a dict display with constant keys; None for other nodes."""
    if isinstance(node, (ast.List, ast.Tuple)) and \
            not any(isinstance(e, ast.Starred) for e in node.elts):
        return list(enumerate(node.elts))
    if isinstance(node, ast.Dict) and all(isinstance(k, ast.Constant) for k in node.keys):
        return [(k.value, v) for k, v in zip(node.keys, node.values)]
    return None


def _is_fresh(node):
    """Whether an argument is a new object that nothing else names (a call's
    result, a display, arithmetic): a change made to it is seen by no one."""
    return not isinstance(node, (ast.Name, ast.Subscript, ast.Attribute, ast.Starred,
                                 ast.IfExp, ast.BoolOp))


def _is_pure(node):
    """Whether reading `node` again has no effects (names, constants,
    attributes, comparisons and logic over them)."""
    return all(isinstance(n, (ast.Name, ast.Constant, ast.Attribute, ast.Compare, ast.BoolOp,
                              ast.UnaryOp, ast.cmpop, ast.boolop, ast.unaryop, ast.expr_context))
               for n in ast.walk(node))


def _plain_data(value):
    """Whether `value` holds tensors, numbers, strings and None only (in
    lists, tuples and dicts)."""
    if isinstance(value, dict):
        return all(_plain_data(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return all(_plain_data(v) for v in value)
    return value is None or isinstance(value, (Tensor, bool, int, float, str))


def _stored_argument(value, node):
    """An argument a Python object holds (a functools.partial's): a literal
    as written in source (`axes=(1, 2)`), any other object as it is."""
    try:
        literal = ast.parse(repr(value), mode="eval").body
        if ast.literal_eval(literal) == value:
            for part in ast.walk(literal):
                ast.copy_location(part, node)
            return literal
    except (SyntaxError, ValueError, TypeError):
        pass
    return _Evaluated(Static(value), node)


class _Evaluated(ast.expr):
    """An argument the importer has evaluated already (its Value), given to
    a call as it is: no variable holds it (stores cannot be inside `and`,
    `or` or a conditional expression)."""
    _fields = ()

    def __init__(self, value, node):
        super().__init__()
        self.value = value
        ast.copy_location(self, node)


class _Holder:
    """Holds a tensor that has no name to be read again by (a default value)."""

    def __init__(self, value):
        self.value = value


_REST_OF_MAPPING = " rest"
"""The keyword expand_double_starred passes a **kwargs parameter's dict by."""

_ATTRIBUTE = "attribute."
"""The prefix of the hidden variables of the attributes an entry method assigns."""


def _attribute_message(owner, attr):
    """Python's AttributeError message for a missing attribute."""
    return f"'{owner}' object has no attribute '{attr}'"


_LOGGING_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO, "warning": logging.WARNING,
                   "warn": logging.WARNING, "error": logging.ERROR,
                   "exception": logging.ERROR, "critical": logging.CRITICAL}


def _logging_level(fn):
    """The level of a call of a logging function or logger method (0 for
    `log`, whose first argument is the level), else None."""
    if isinstance(fn, types.MethodType) and isinstance(fn.__self__, logging.Logger):
        name = fn.__name__
    elif getattr(fn, "__module__", None) == "logging" and \
            getattr(logging, getattr(fn, "__name__", ""), None) is fn:
        name = fn.__name__
    else:
        return None
    return 0 if name == "log" else _LOGGING_LEVELS.get(name)


def _default_expression(default):
    """The expression of a parameter's default in a call dy2st rewrites."""
    if isinstance(default, ComputedDefault):
        return ast.Name(default.variable, ast.Load())
    return ast.Constant(default)


def _is_literal(value):
    if isinstance(value, (tuple, list)):
        return all(_is_literal(v) for v in value)
    return value is None or isinstance(value, (bool, int, float, str))


def _is_key_constant(key):
    return key is None or isinstance(key, (bool, int, float, str))


def _is_constant_dict(obj):
    """A dict of numbers, strings, bools and None under string keys."""
    return type(obj) is dict and all(isinstance(k, str) and _is_key_constant(v)
                                     for k, v in obj.items())


def _is_literal_structure(obj):
    """A tuple or list of Python literals, or of such tuples and lists
    (`((5,), (5,))`, a state shape): a value in compiled code."""
    return isinstance(obj, (tuple, list)) and all(
        v is None or isinstance(v, (bool, int, float, str)) or _is_literal_structure(v)
        for v in obj)


def _holds_tensors_and_literals(obj):
    """A list or tuple of tensors, Python literals, and such lists and tuples."""
    return type(obj) in (list, tuple) and all(
        v is None or isinstance(v, (bool, int, float, str, Tensor)) or
        _holds_tensors_and_literals(v) for v in obj)


def _hashable(obj):
    try:
        hash(obj)
        return True
    except TypeError:
        return False


def _is_plain_object(obj):
    """An instance of a class of the user's (not a layer or another callable,
    which are values as functions; not a builtin container)."""
    return _is_instance(obj) and not isinstance(obj, Layer) and \
        type(obj).__module__ != "builtins"


def _is_instance(obj):
    """An object whose settings the code reads (a layer, a config object, a
    dict or list of them), not a value of its own (a tensor, a number) nor
    code (a module, a class, a function)."""
    if isinstance(obj, Layer):
        return True
    return not callable(obj) and not isinstance(
        obj, (Tensor, np.ndarray, np.generic, bool, int, float, str, bytes, types.ModuleType,
              dtypes.DType, type(None))) and not _is_literal_structure(obj)
