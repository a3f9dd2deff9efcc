# RUN: %python %s | FileCheck %s
# Namedtuple classes in the importer: a call of the class is a tuple display
# typed with the class key and fields (arguments bound by position, keyword and
# the class's defaults), `_make` unpacks its iterable into the fields, an
# instance read from outside is a display of the class, isinstance() asks for
# the class key ("=key"); `KIND is Pair` of two compile-time objects folds, and
# a runtime value is never a class (`x is not Point`).
import collections
import dataclasses
import typing

import dy2st as paddle

Pair = collections.namedtuple("Pair", ["a", "b"], defaults=[3])


class Point(typing.NamedTuple):
    x: paddle.Tensor
    y: float = 0.5


ORIGIN = Pair(1, 2)
KIND = Pair


def make(x):
    p = Pair(x)
    q = Point(y=2.0, x=x)
    r = Pair._make([x, x])
    return p, q, r, ORIGIN, isinstance(p, (Point, Pair)), KIND is Pair, x is not Point


print(paddle.jit.to_static(make).code)

# CHECK-LABEL: pydy.func @"make"
# CHECK: %[[THREE:.*]] = pydy.constant 3 : i64
# CHECK: pydy.tuple %{{.*}}, %[[THREE]] : (!pydy.object, i64) -> !pydy.named_tuple<"[[PAIR:Pair#[0-9]+]]"("a": !pydy.object, "b": i64)>
# CHECK: %[[TWO:.*]] = pydy.constant 2.0 : f64
# CHECK: pydy.tuple %{{.*}}, %[[TWO]] : (!pydy.object, f64) -> !pydy.named_tuple<"[[POINT:Point#[0-9]+]]"("x": !pydy.object, "y": f64)>
# CHECK: %[[ITEMS:.*]] = pydy.list
# CHECK: %[[PARTS:.*]]:2 = pydy.unpack %[[ITEMS]] : !pydy.object -> !pydy.object, !pydy.object
# CHECK: pydy.tuple %[[PARTS]]#0, %[[PARTS]]#1 : (!pydy.object, !pydy.object) -> !pydy.named_tuple<"[[PAIR]]"("a": !pydy.object, "b": !pydy.object)>
# CHECK: pydy.tuple %{{.*}}, %{{.*}} : (i64, i64) -> !pydy.named_tuple<"[[PAIR]]"("a": i64, "b": i64)>
# CHECK: %[[CLASSES:.*]] = pydy.constant "=[[POINT]],=[[PAIR]]"
# CHECK: pydy.call_method %{{.*}}, "__isinstance__"(%[[CLASSES]])
# CHECK: %[[SAME:.*]] = pydy.constant true
# CHECK-NEXT: %{{.*}} = pydy.load "x"
# CHECK-NEXT: %[[NOT:.*]] = pydy.constant true
# CHECK: pydy.tuple {{.*}}, %[[SAME]], %[[NOT]] :


# A dataclass made of runtime values is a record whose key starts with '@';
# its defaults fill the fields not given.
@dataclasses.dataclass
class Output:
    loss: paddle.Tensor
    scale: float = 0.5


def make_output(x):
    return Output(x.sum())


print(paddle.jit.to_static(make_output).code)

# CHECK-LABEL: pydy.func @"make_output"
# CHECK: %[[HALF:.*]] = pydy.constant 0.5 : f64
# CHECK: pydy.tuple %{{.*}}, %[[HALF]] : (!pydy.object, f64) -> !pydy.named_tuple<"@Output#{{[0-9]+}}"("loss": !pydy.object, "scale": f64)>
