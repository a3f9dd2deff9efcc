"""The operator module's functions that compiled code calls
(`functools.reduce(operator.add, items)`, `sorted(pairs, key=...)`), written
as the operators they name: the importer converts and inlines them like user
functions, eagerly Python's own run."""
import operator
from typing import Any, Callable


def add(a, b):
    return a + b


def sub(a, b):
    return a - b


def mul(a, b):
    return a * b


def truediv(a, b):
    return a / b


def floordiv(a, b):
    return a // b


def mod(a, b):
    return a % b


def pow_(a, b):
    return a ** b


def matmul(a, b):
    return a @ b


def neg(a):
    return -a


def pos(a):
    return +a


def eq(a, b):
    return a == b


def ne(a, b):
    return a != b


def lt(a, b):
    return a < b


def le(a, b):
    return a <= b


def gt(a, b):
    return a > b


def ge(a, b):
    return a >= b


def and_(a, b):
    return a & b


def or_(a, b):
    return a | b


def xor(a, b):
    return a ^ b


def not_(a):
    return not a


def getitem(a, b):
    return a[b]


REPLACEMENTS: dict[Any, Callable[..., Any]] = {
    operator.add: add, operator.sub: sub, operator.mul: mul, operator.truediv: truediv,
    operator.floordiv: floordiv, operator.mod: mod, operator.pow: pow_, operator.matmul: matmul,
    operator.neg: neg, operator.pos: pos, operator.eq: eq, operator.ne: ne, operator.lt: lt,
    operator.le: le, operator.gt: gt, operator.ge: ge, operator.and_: and_, operator.or_: or_,
    operator.xor: xor, operator.not_: not_, operator.getitem: getitem}
"""operator's functions, by the function (operator.__add__ is the same object
as operator.add)."""
